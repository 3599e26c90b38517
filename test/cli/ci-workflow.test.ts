// The CI recipe in docs/ci.md, run: its steps' commands, exactly as the document writes them,
// in bash as GitHub Actions runs them (`bash -eo pipefail`), in a clone of a temporary
// repository whose `origin/main` holds the plan, with the built `trellis` on PATH and a
// stand-in for `gh` that keeps the pull request's comments in a file. Two pushes to the same
// pull request: the first posts the plan comment, the second updates it; there is one comment.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { baseFiles, planText, write } from './diff-fixture.js';
import { repoRoot, removeTempDirs, tempPlan } from './run-cli.js';

afterAll(removeTempDirs);

interface Step {
    name: string;
    id?: string;
    if?: string;
    run?: string;
    env: Record<string, string>;
}

/** The steps of the workflow in docs/ci.md: name, `run` script and `env`, as written. */
function workflowSteps(): Step[] {
    const doc = fs.readFileSync(path.join(repoRoot, 'docs/ci.md'), 'utf8');
    const yaml = /```yaml\n([\s\S]*?)```/.exec(doc)![1].split('\n');
    const steps: Step[] = [];
    let current: Step | undefined;
    for (let i = 0; i < yaml.length; i++) {
        const line = yaml[i];
        const start = /^ {6}- (\w+):\s*(.*)$/.exec(line);
        const key = start ?? /^ {8}(\w+):\s*(.*)$/.exec(line);
        if (start) steps.push(current = { name: '', env: {} });
        if (!key || !current) continue;
        const [, name, value] = key;
        const block = () => {
            const lines: string[] = [];
            while (i + 1 < yaml.length && (yaml[i + 1].startsWith(' '.repeat(10)) || yaml[i + 1].trim() === '')) lines.push(yaml[++i].slice(10));
            return lines;
        };
        if (name === 'name') current.name = value;
        else if (name === 'id') current.id = value;
        else if (name === 'if') current.if = value;
        else if (name === 'run') current.run = value === '|' ? block().join('\n') : value;
        else if (name === 'env') {
            for (const entry of block()) {
                const [, k, v] = /^(\w+):\s*(.*?)\s*(#.*)?$/.exec(entry)!;
                current.env[k] = v;
            }
        }
    }
    return steps;
}

/** `gh api` as the workflow calls it, on a file of comments. */
const fakeGh = `
const fs = require('node:fs');
const store = process.env.FAKE_GH_STORE;
const comments = fs.existsSync(store) ? JSON.parse(fs.readFileSync(store, 'utf8')) : [];
const args = process.argv.slice(2);
const opt = name => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : undefined; };
if (args[0] !== 'api' || !process.env.GH_TOKEN) { console.error('fake gh: unexpected call ' + args.join(' ')); process.exit(9); }
const method = opt('--method') ?? 'GET';
const route = args.slice(1).find(a => a.startsWith('repos/'));
const body = () => fs.readFileSync(opt('-F').replace(/^body=@/, ''), 'utf8');
let m;
if (method === 'GET' && (m = /^repos\\/acme\\/plans\\/issues\\/7\\/comments$/.exec(route))) {
    const jq = /^\\.\\[\\] \\| select\\(\\.body \\| startswith\\("(.*)"\\)\\) \\| \\.id$/.exec(opt('--jq'));
    if (!jq) { console.error('fake gh: unexpected --jq ' + opt('--jq')); process.exit(9); }
    for (const c of comments) if (c.body.startsWith(jq[1])) console.log(c.id);
} else if (method === 'POST' && /^repos\\/acme\\/plans\\/issues\\/7\\/comments$/.test(route)) {
    comments.push({ id: 100 + comments.length, body: body() });
} else if (method === 'PATCH' && (m = /^repos\\/acme\\/plans\\/issues\\/comments\\/(\\d+)$/.exec(route))) {
    comments.find(c => c.id === Number(m[1])).body = body();
} else { console.error('fake gh: unexpected ' + method + ' ' + route); process.exit(9); }
fs.writeFileSync(store, JSON.stringify(comments));
`;

const expressions: Record<string, string> = { 'github.token': 'token-for-tests', 'github.event.pull_request.number': '7' };

function git(cwd: string, ...args: string[]): void {
    const result = spawnSync('git', args, { cwd, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

/** The `if:` conditions the workflow uses: `always()`, `steps.ID.outcome == '...'`, `steps.ID.outputs.KEY == '...'`, joined by `&&`. */
function holds(condition: string | undefined, outcomes: Record<string, string>, outputs: Record<string, string>): boolean {
    if (condition === undefined) return Object.values(outcomes).every(o => o === 'success');
    return condition.split('&&').map(term => term.trim()).every(term => {
        if (term === 'always()') return true;
        const m = /^steps\.(\w+)\.(outcome|outputs\.(\w+)) == '(.*)'$/.exec(term);
        if (!m) throw new Error(`the test does not know the condition ${term}`);
        return (m[2] === 'outcome' ? outcomes[m[1]] : outputs[m[3]]) === m[4];
    });
}

/**
 * Runs the workflow's steps (all but the install, which the built CLI on PATH stands in
 * for) with their `if:` conditions; the exit code of each step, or 'skipped'.
 */
function runWorkflow(cwd: string, tools: string): Record<string, number | null | 'skipped'> {
    const output = path.join(tools, 'github-output');
    const codes: Record<string, number | null | 'skipped'> = {};
    const outcomes: Record<string, string> = {};
    const outputs: Record<string, string> = {};
    for (const step of workflowSteps()) {
        if (!step.run || step.name === 'Install trellis') continue;
        if (!holds(step.if, outcomes, outputs)) {
            codes[step.name] = 'skipped';
            continue;
        }
        fs.writeFileSync(output, '');
        const env: Record<string, string> = {
            ...process.env as Record<string, string>,
            PATH: `${tools}${path.delimiter}${path.dirname(process.execPath)}${path.delimiter}${process.env.PATH}`,
            GITHUB_REPOSITORY: 'acme/plans', GITHUB_OUTPUT: output, FAKE_GH_STORE: path.join(tools, 'comments.json'),
        };
        for (const [k, v] of Object.entries(step.env)) {
            env[k] = v.replace(/\$\{\{\s*([\w.]+)\s*\}\}/g, (_, name: string) => {
                if (!(name in expressions)) throw new Error(`the test does not know \${{ ${name} }}`);
                return expressions[name];
            });
        }
        const result = spawnSync('bash', ['--noprofile', '--norc', '-eo', 'pipefail', '-c', step.run], { cwd, env, encoding: 'utf8' });
        codes[step.name] = result.status;
        const id = step.id ?? step.name;
        outcomes[id] = result.status === 0 ? 'success' : 'failure';
        for (const line of fs.readFileSync(output, 'utf8').split('\n')) {
            const [key, ...rest] = line.split('=');
            if (key && step.id) outputs[key] = rest.join('=');
        }
    }
    return codes;
}

describe('the CI recipe of docs/ci.md', () => {
    test('names the steps the README promises', () => {
        const runs = workflowSteps().map(s => s.run ?? '').join('\n');
        expect(runs).toContain('trellis check --format sarif > trellis.sarif');
        expect(runs).toContain('trellis format --check');
        expect(runs).toContain('trellis diff --git origin/main > trellis-diff.md');
        expect(fs.readFileSync(path.join(repoRoot, 'README.md'), 'utf8')).toContain('(docs/ci.md)');
    });

    test('on a pull request pushed twice: SARIF, format check, and one plan comment, updated', () => {
        const root = tempPlan({ 'seed/README.md': 'the plan\n' });
        const tools = path.join(root, 'tools');
        fs.mkdirSync(tools);
        fs.writeFileSync(path.join(tools, 'trellis'), `#!/bin/sh\nexec "${process.execPath}" "${path.join(repoRoot, 'bin/trellis.cjs')}" "$@"\n`, { mode: 0o755 });
        fs.writeFileSync(path.join(tools, 'gh'), `#!/usr/bin/env node\n${fakeGh}`, { mode: 0o755 });

        // origin: main holds the plan. The pull request raises an allocation and leaves a file untidy.
        const seed = path.join(root, 'seed');
        for (const [name, text] of Object.entries(baseFiles)) write(seed, name, text);
        git(seed, 'init', '-q', '-b', 'main');
        git(seed, '-c', 'user.email=p@example.com', '-c', 'user.name=P', 'commit', '-q', '--allow-empty', '-m', 'start');
        git(seed, 'add', '-A');
        git(seed, '-c', 'user.email=p@example.com', '-c', 'user.name=P', 'commit', '-q', '-m', 'the plan');
        git(root, 'clone', '-q', '--bare', seed, 'origin.git');
        git(root, 'clone', '-q', 'origin.git', 'work');
        const work = path.join(root, 'work');
        write(work, 'plan.trellis', planText.replace('owner platform 60%', 'owner platform   80 %'));

        const first = runWorkflow(work, tools);
        expect(first['Check the plan']).toBe(0);
        const sarif = JSON.parse(fs.readFileSync(path.join(work, 'trellis.sarif'), 'utf8')) as { runs: { results: { ruleId: string }[] }[] };
        expect(sarif.runs[0].results.map(r => r.ruleId)).toEqual(['overloaded-team']);
        expect(first['Check the formatting']).toBe(1);
        expect(first['Compare the plan with main']).toBe(0);
        expect(first['Post the comparison as one sticky comment']).toBe(0);
        expect(first['Fail when the change introduces an error']).toBe('skipped'); // a warning is no gate
        let comments = JSON.parse(fs.readFileSync(path.join(tools, 'comments.json'), 'utf8')) as { id: number; body: string }[];
        expect(comments).toHaveLength(1);
        expect(comments[0].body.split('\n').slice(0, 2)).toEqual([
            '<!-- trellis-diff -->',
            '**Trellis** (`origin/main` → `working tree`): 1 bet changed; platform goes to 110% in 2027-Q1; 1 warning introduced',
        ]);

        // Second push: formatted, but now naming a team that does not exist.
        write(work, 'plan.trellis', planText.replace('owner platform 60%', 'owner platform 80%').replace('depends-on sso', 'depends-on sso, nobody'));
        const second = runWorkflow(work, tools);
        expect(second['Check the plan']).toBe(1);
        expect(second['Check the formatting']).toBe(0);
        expect(second['Compare the plan with main']).toBe(0);
        expect(second['Post the comparison as one sticky comment']).toBe(0);
        expect(second['Fail when the change introduces an error']).toBe(1);
        comments = JSON.parse(fs.readFileSync(path.join(tools, 'comments.json'), 'utf8')) as { id: number; body: string }[];
        expect(comments.map(c => c.id)).toEqual([100]);
        expect(comments[0].body).toContain('1 error and 1 warning introduced');
        expect(comments[0].body).toContain("🛑 error `unresolved-reference` on `checkout`: No bet or team named 'nobody'");
    });
});
