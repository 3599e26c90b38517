// `trellis diff --git` through the built command on temporary git repositories: a revision
// against the working tree, two revisions (`A..B`), where a branch forked (`A...B`), limited
// to paths, and the usage errors git can give.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { baseFiles, planText, today, write, type DiffJson } from './diff-fixture.js';
import { removeTempDirs, tempPlan, trellis } from './run-cli.js';

afterAll(removeTempDirs);

function git(dir: string, ...args: string[]): string {
    const result = spawnSync('git', args, { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
    return result.stdout.trim();
}

/** A repository whose first commit on `main` holds these files. */
function repository(files: Record<string, string>): string {
    const dir = tempPlan(files);
    git(dir, 'init', '-q', '-b', 'main');
    git(dir, 'config', 'user.email', 'planner@example.com');
    git(dir, 'config', 'user.name', 'Planner');
    commitAll(dir, 'the plan');
    return dir;
}

function commitAll(dir: string, message: string): void {
    git(dir, 'add', '-A');
    git(dir, 'commit', '-q', '-m', message);
}

function diffJson(cwd: string, ...args: string[]): { status: number | null; json: DiffJson } {
    const result = trellis(['diff', ...args, '--today', today, '--format', 'json'], cwd);
    expect(result.stderr).toBe('');
    return { status: result.status, json: JSON.parse(result.stdout) as DiffJson };
}

const raised = planText.replace('owner platform 60%', 'owner platform 80%');

describe('--git REV: the working tree against a revision', () => {
    test('an edited, an untracked and a deleted file', () => {
        const dir = repository({ ...baseFiles, 'extra.trellis': 'team data "Data" { capacity 3 }\n' });
        write(dir, 'plan.trellis', raised);
        write(dir, 'new.trellis', 'team growth-loops { capacity 2 }\n');
        fs.rmSync(path.join(dir, 'extra.trellis'));
        const { status, json } = diffJson(dir, '--git', 'HEAD');
        expect(status).toBe(0);
        expect([json.base, json.head]).toEqual(['HEAD', 'working tree']);
        expect(json.elements.changed.map(e => [e.name, e.properties])).toEqual([['sso', [{ property: 'owner', before: 'platform 60%', after: 'platform 80%' }]]]);
        expect(json.elements.added).toEqual([{ kind: 'team', name: 'growth-loops', file: 'new.trellis', line: 1 }]);
        expect(json.elements.removed).toEqual([{ kind: 'team', name: 'data', file: 'extra.trellis', line: 1 }]);
        expect(json.findings.introduced.map(f => f.code)).toEqual(['overloaded-team']);
    });

    test('an unchanged working tree: the one-line comment', () => {
        const dir = repository(baseFiles);
        const result = trellis(['diff', '--git', 'HEAD', '--today', today], dir);
        expect(result.status).toBe(0);
        expect(result.stdout).toBe('**Trellis** (`HEAD` → `working tree`): no change to the plan — same elements, loads, shares and findings.\n');
    });

    test('PATHs limit both sides; files are named from the folder the command runs in', () => {
        const dir = repository({ 'plans/plan.trellis': planText, 'plans/teams.trellis': baseFiles['teams.trellis'], 'drafts/idea.trellis': 'team idea { capacity 1 }\n' });
        write(dir, 'plans/plan.trellis', raised);
        write(dir, 'drafts/idea.trellis', 'team idea { capacity 2 }\n');
        const { json } = diffJson(dir, '--git', 'HEAD', 'plans');
        expect(json.elements.changed.map(e => [e.name, e.file])).toEqual([['sso', 'plans/plan.trellis']]);
        // From inside the folder, the same change with names relative to it.
        const inside = diffJson(path.join(dir, 'plans'), '--git', 'HEAD');
        expect(inside.json.elements.changed.map(e => [e.name, e.file])).toEqual([['sso', 'plan.trellis']]);
        expect(inside.json.findings.introduced.map(f => [f.code, f.file])).toEqual([['overloaded-team', 'teams.trellis']]);
    });
});

describe('two revisions', () => {
    test('A..B compares two commits and ignores the working tree', () => {
        const dir = repository(baseFiles);
        const first = git(dir, 'rev-parse', 'HEAD');
        write(dir, 'plan.trellis', raised);
        commitAll(dir, 'raise sso');
        write(dir, 'plan.trellis', planText.replace('owner platform 60%', 'owner platform 10%')); // not committed
        const { status, json } = diffJson(dir, '--git', `${first}..HEAD`);
        expect(status).toBe(0);
        expect([json.base, json.head]).toEqual([first, 'HEAD']);
        expect(json.loads).toEqual([{ team: 'platform', quarter: '2027-Q1', before: 90, after: 110, wipBefore: 2, wipAfter: 2 }]);
    });

    test('A...B compares B with where it branched from A, leaving out what A did since', () => {
        const dir = repository(baseFiles);
        git(dir, 'checkout', '-q', '-b', 'feature');
        write(dir, 'plan.trellis', raised);
        commitAll(dir, 'raise sso');
        git(dir, 'checkout', '-q', 'main');
        write(dir, 'teams.trellis', baseFiles['teams.trellis'] + '\nteam data { capacity 3 }\n');
        commitAll(dir, 'a team on main');
        const direct = diffJson(dir, '--git', 'main..feature').json;
        expect(direct.elements.removed.map(e => e.name)).toEqual(['data']);
        const forked = diffJson(dir, '--git', 'main...feature').json;
        expect(forked.elements.removed).toEqual([]);
        expect(forked.elements.changed.map(e => e.name)).toEqual(['sso']);
    });

    test('a revision that does not have the plan yet: everything is added', () => {
        const dir = repository({ 'README.md': 'plans to come\n' });
        for (const [name, text] of Object.entries(baseFiles)) write(dir, name, text);
        const { json } = diffJson(dir, '--git', 'HEAD');
        expect(json.elements.added.map(e => `${e.kind} ${e.name}`)).toEqual([
            'pillar growth', 'pillar foundations', 'metric activation', 'goal faster', 'bet sso', 'bet checkout', 'team platform', 'team web',
        ]);
        expect(json.elements.removed).toEqual([]);
    });
});

describe('usage errors exit 2', () => {
    test('outside a git repository', () => {
        const dir = tempPlan(baseFiles);
        const result = trellis(['diff', '--git', 'HEAD'], dir);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^trellis: --git: .* is not inside a git repository\n$/);
    });

    test.each(['nope', 'HEAD..nope', '--all'])('an unknown revision: %s', revision => {
        const dir = repository(baseFiles);
        const result = trellis(['diff', `--git=${revision}`], dir);
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(/^trellis: --git: (unknown revision 'nope'|'--all' is not a revision)\n$/);
    });

    test('a plan file at the revision that is not UTF-8', () => {
        const dir = repository({ ...baseFiles, 'latin1.trellis': '' });
        fs.writeFileSync(path.join(dir, 'latin1.trellis'), Buffer.from([0x74, 0x65, 0x61, 0x6d, 0x20, 0xe9, 0x0a])); // "team \xe9"
        commitAll(dir, 'latin-1');
        fs.rmSync(path.join(dir, 'latin1.trellis'));
        const result = trellis(['diff', '--git', 'HEAD'], dir);
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(/^trellis: latin1\.trellis at [0-9a-f]{12} is not UTF-8 text\n$/);
    });

    test('a path that does not exist', () => {
        const dir = repository(baseFiles);
        const result = trellis(['diff', '--git', 'HEAD', 'missing'], dir);
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('trellis: no such file or folder: missing\n');
    });
});
