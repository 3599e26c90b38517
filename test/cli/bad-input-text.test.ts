// Hostile text in a plan, through the built `trellis` command: titles with line breaks and
// tabs, a 5 MB title, a name defined 2,001 times, a huge token in a syntax error, and
// bidirectional control characters. Each ends with the right exit code and readable output,
// never an internal error.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { buildDiagram } from '../../language/graph/build-diagram.js';
import { viewNames } from '../../language/graph/diagram.js';
import { findingsByElement } from '../../language/graph/element-findings.js';
import { renderDiagram } from '../../language/graph/render.js';
import { buildPlan } from '../helpers.js';
import { removeTempDirs, tempPlan, trellis, trellisJson, type CliResult } from './run-cli.js';

afterAll(removeTempDirs);

const today = ['--today', '2027-01-15'];
/** The text formats of `trellis graph` (a PNG is the SVG, rendered). */
const formats = ['svg', 'dot', 'mermaid', 'json'] as const;

/** A plan in which every kind of element has the given title (as written between the quotes). */
function titled(title: string): string {
    return [
        `pillar p "${title}" { target 100% }`,
        `metric m "${title}" { north-star }`,
        `goal g "${title}" { pillar p moves m }`,
        `team t "${title}" { capacity 3 }`,
        `team u "${title}" { capacity 4 depends-on t }`,
        `bet b "${title}" { goal g owner t 50% support u 20% during 2027-Q1 expects m +1 }`,
        `bet c "${title}" { goal g owner u 40% during 2027-Q1 depends-on b }`,
        '',
    ].join('\n');
}

function expectClean(result: CliResult): void {
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
}

describe('titles with line breaks and tabs draw in every view and format', () => {
    // `\n` and `\t` are the plan language's escapes: the titles hold a real line break or tab.
    const titles = ['\\nx', '\\tx', '', 'a\\r\\n\\tb\\n\\n'];

    test.each(titles)('title "%s"', title => {
        const dir = tempPlan({ 'plan.trellis': titled(title) });
        expectClean(trellis(['check', ...today], dir));
        for (const view of viewNames) {
            for (const format of formats) {
                const result = trellis(['graph', '--view', view, '--format', format, ...today], dir);
                expect(result.stderr, `${view} ${format}`).toBe('');
                expect(result.status, `${view} ${format}`).toBe(0);
                if (format === 'svg') expect(result.stdout).toMatch(/^<svg[\s\S]*<\/svg>\n?$/);
                if (format === 'json') expect(JSON.parse(result.stdout)).toMatchObject({ trellis: 'graph' });
            }
        }
    });

    test('the preview draws them again and again (each drawing is a new Graphviz layout in one process)', async () => {
        // The language server draws every change in one process: the WebAssembly Graphviz failed
        // the second layout of a label that starts with an empty line ("table index is out of bounds").
        const { services } = await buildPlan(titled('\\nx'));
        const plan = services.plan.PlanService;
        for (let round = 0; round < 3; round++) {
            for (const view of viewNames) {
                const svg = await renderDiagram(buildDiagram(plan.model, view, {}, findingsByElement(services.validation.WorkspaceFindings.current)), 'svg', { standalone: true });
                expect(svg).toContain('</svg>');
            }
        }
    });
});

describe('a 5 MB title', () => {
    const huge = 'x'.repeat(5_000_000);

    test('is checked like any other title', () => {
        const dir = tempPlan({ 'plan.trellis': `team t "${huge}" { capacity 3 }\n/* ${huge} */\nteam u "${huge}\u202E" { capacity 0 }\n` });
        const { status, report } = trellisJson(['check', ...today], dir);
        expect(report.diagnostics.map(d => [d.line, d.code])).toEqual([[3, 'invalid-value'], [3, 'invalid-value']]);
        expect(report.diagnostics.map(d => d.message).join('\n')).toMatch(/title of team 'u'.*\\u202E[\s\S]*Capacity must be more than 0/);
        expect(status).toBe(1);
    });

    test('is drawn whole in DOT', () => {
        const dir = tempPlan({ 'plan.trellis': `team t "${huge}" { capacity 3 }\nbet b "${huge}" { owner t 50% }\n` });
        expectClean(trellis(['graph', '--format', 'dot', '-o', 'plan.dot', ...today], dir));
        const dot = fs.readFileSync(path.join(dir, 'plan.dot'), 'utf8');
        // Tooltips in DOT are cut at 2,000 characters (the SVG's own tooltips are whole).
        expect(dot).toContain(`tooltip="Bet b — ${huge.slice(0, 1990)}`);
        // Drawn up to its 300th character (no real title is that long), wrapped, then its name.
        const label = /\bb\s+\[[^\]]*?label="([^"]*)"/.exec(dot)![1];
        const lines = label.split('\\n');
        const heading = lines.findIndex(l => l.endsWith('…'));
        expect(lines.slice(0, heading + 1).join('')).toBe(`${'x'.repeat(299)}…`);
        expect(lines[heading + 1]).toBe('b');
    });
});

test('a name defined 2,001 times: each message names five places and how many more', () => {
    const dir = tempPlan({ 'plan.trellis': 'team dup { capacity 1 }\n'.repeat(2001) });
    const result = trellis(['check', ...today], dir);
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2002);
    expect(lines[0]).toBe("plan.trellis:1:6 error duplicate-name 'dup' is defined 2001 times (team in plan.trellis:1, team in plan.trellis:2, team in plan.trellis:3, team in plan.trellis:4, team in plan.trellis:5 and 1996 more); names are global across the workspace — rename the others");
    expect(lines[2000]).toMatch(/^plan\.trellis:2001:6 error duplicate-name .* and 1996 more\); .* rename this one$/);
    expect(Math.max(...lines.map(l => l.length))).toBeLessThan(300);
    expect(lines[2001]).toBe('1 file checked: 2001 errors, 0 warnings, 0 infos, 0 hints');
});

test('a syntax error on a huge token quotes only its start', () => {
    const dir = tempPlan({ 'plan.trellis': `team t { capacity 3 ${'y'.repeat(100_000)} }\nteam u { capacity "${'z'.repeat(100_000)}" }\n` });
    const { status, report } = trellisJson(['check', ...today], dir);
    expect(status).toBe(1);
    expect(report.diagnostics.map(d => [d.line, d.code])).toEqual([[1, 'syntax-error'], [2, 'syntax-error']]);
    expect(report.diagnostics[0].message).toBe(`Expecting '}' but found \`${'y'.repeat(39)}…\` (100,000 characters).`);
    expect(report.diagnostics[1].message).toMatch(/^Expecting .* but found `"z{38}…` \(100,002 characters\)\.$/);
});

test('a huge token after the last element is quoted by its start too', () => {
    const dir = tempPlan({ 'plan.trellis': `team t { capacity 3 }\n*/ ${'w'.repeat(100_000)}\n` });
    const { report } = trellisJson(['check', ...today], dir);
    expect(report.diagnostics.map(d => d.message)).toContain(`Expecting the end of the file but found \`${'w'.repeat(39)}…\` (100,000 characters).`);
    expect(Math.max(...report.diagnostics.map(d => d.message.length))).toBeLessThan(120);
});

describe('bidirectional control characters', () => {
    const controls = ['\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069'];
    const code = (c: string) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase()}`;

    test.each(controls.map(c => [code(c), c]))('%s in a title is invalid-value', (shown, c) => {
        const dir = tempPlan({ 'plan.trellis': `team t "Payments${c}stnemyap" { capacity 3 }\n` });
        const result = trellis(['check', ...today], dir);
        expect(result.stdout).toBe(`plan.trellis:1:8 error invalid-value The title of team 't' holds a bidirectional control character (${shown}), which can make it display in a different order than it is written; remove it\n`
            + '1 file checked: 1 error, 0 warnings, 0 infos, 0 hints\n');
        expect(result.status).toBe(1);
    });

    test('in units and allowance reasons too, naming each character once', () => {
        const dir = tempPlan({ 'plan.trellis': 'metric m { north-star unit "%\u2067\u2069\u2067" }\nteam t { capacity 1 allow one-person-team "ok\u202D" }\n' });
        const { report } = trellisJson(['check', ...today], dir);
        expect(report.diagnostics.map(d => [d.line, d.code, d.message.split(' holds')[0]])).toEqual([
            [1, 'invalid-value', 'The unit'],
            [2, 'invalid-value', "The reason of 'allow one-person-team'"],
        ]);
        expect(report.diagnostics[0].message).toContain('characters (\\u2067, \\u2069), which');
    });

    test('every drawing shows them as their codes and passes none through', () => {
        const dir = tempPlan({ 'plan.trellis': titled('evil\u202Eab\u2066cd') });
        // DOT: `\\u202E` in a quoted string, `\u202E` in an HTML-like label (capacity, pillars); both draw `\u202E`.
        const visible: Record<string, RegExp> = {
            svg: /evil\\u202Eab\\u2066cd/, dot: /evil\\\\?u202Eab\\\\?u2066cd/, mermaid: /evil#92;u202Eab#92;u2066cd/, json: /evil\\u202eab\\u2066cd/,
        };
        for (const view of viewNames) {
            for (const format of formats) {
                const result = trellis(['graph', '--view', view, '--format', format, ...today], dir);
                expect(result.status, `${view} ${format}`).toBe(0);
                expect(result.stdout, `${view} ${format}`).not.toMatch(/[\u202A-\u202E\u2066-\u2069]/);
                expect(result.stdout, `${view} ${format}`).toMatch(visible[format]);
                if (format === 'json') expect(JSON.stringify(JSON.parse(result.stdout))).toContain('evil\u202Eab\u2066cd');
            }
        }
    });
});
