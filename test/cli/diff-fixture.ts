// A small, clean plan (no findings as of 2027-01-15) that the diff tests change one way or
// another, and helpers to run `trellis diff` on a pair of plan folders.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { tempPlan, trellis, type CliResult } from './run-cli.js';

export const today = '2027-01-15';

export const planText = `// The base plan of the diff tests.
pillar growth "Grow" { target 75% }
pillar foundations "Foundations" { target 25% }

metric activation "Activation" {
  north-star
  unit "%"
}

goal faster "Faster activation" {
  pillar growth
  moves activation
}

bet sso "Single sign-on" {
  pillar foundations
  owner platform 60%   // the platform team's main bet
  during 2027-Q1
}

bet checkout "Checkout" {
  goal faster
  owner web 50%
  support platform 30%
  during 2027-Q1 .. 2027-Q2
  depends-on sso
}
`;

export const teamsText = `team platform "Platform" {
  type platform
  capacity 4
}

team web "Web" {
  capacity 5
  depends-on platform
}
`;

export const baseFiles: Record<string, string> = { 'plan.trellis': planText, 'teams.trellis': teamsText };

/** The JSON of `trellis diff`, as issue 11 fixes it. */
export interface DiffJson {
    base: string;
    head: string;
    elements: {
        added: { kind: string; name: string; file: string; line: number }[];
        removed: { kind: string; name: string; file: string; line: number }[];
        changed: { kind: string; name: string; file: string; line: number; properties: { property: string; before: string | null; after: string | null }[] }[];
    };
    loads: { team: string; quarter: string; before: number | null; after: number | null; wipBefore: number | null; wipAfter: number | null }[];
    pillars: { pillar: string; target: number | null; before: number | null; after: number | null }[];
    blastRadius: { name: string; kind: string; before: number | null; after: number | null }[];
    findings: {
        introduced: Finding[];
        resolved: Finding[];
        changed: { code: string; element: string | null; severity: string; before: string; after: string }[];
    };
    summary: { added: number; removed: number; changed: number; loads: number; introduced: number; resolved: number };
}

interface Finding { file: string; line: number; column: number; severity: string; code: string; message: string; element: string | null }

/** A folder holding `base/` and `head/`, the head being the base with `edit` applied (file -> text, null removes). */
export function planPair(edit: Record<string, string | null>, base: Record<string, string> = baseFiles): string {
    const files: Record<string, string> = {};
    for (const [name, text] of Object.entries(base)) files[`base/${name}`] = text;
    const head: Record<string, string> = { ...base };
    for (const [name, text] of Object.entries(edit)) {
        if (text === null) delete head[name];
        else head[name] = text;
    }
    for (const [name, text] of Object.entries(head)) files[`head/${name}`] = text;
    return tempPlan(files);
}

export function diff(dir: string, ...args: string[]): CliResult {
    return trellis(['diff', 'base', 'head', '--today', today, ...args], dir);
}

export function diffJson(dir: string): { status: number | null; json: DiffJson } {
    const result = diff(dir, '--format', 'json');
    return { status: result.status, json: JSON.parse(result.stdout) as DiffJson };
}

export function write(dir: string, name: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
}
