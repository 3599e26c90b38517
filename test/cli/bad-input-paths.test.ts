// What the paths on the command line can name, through the built `trellis` command: linked
// plan files and folders are followed (loops end), and what cannot be read as a plan — a FIFO,
// a file that is not `.trellis`, an empty folder, a broken link — is exit 2 with one line
// naming the path and the reason, never a hang or a silent pass.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { removeTempDirs, tempPlan, trellis, trellisJson, type CliResult } from './run-cli.js';

afterAll(removeTempDirs);

const today = ['--today', '2027-01-15'];
const clean = 'pillar p { target 100% }\nteam t { capacity 3 }\nbet a { pillar p owner t 50% during 2027-Q1 }\n';
/** A bet without an owner: one error. */
const broken = 'bet orphan { pillar p }\n';

function expectUsageError(result: CliResult, names: RegExp): void {
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(/^trellis: [^\n]+\n$/);
    expect(result.stderr).toMatch(names);
    expect(result.stderr).not.toMatch(/internal error|\n\s+at /);
    expect(result.status).toBe(2);
}

function mkfifo(file: string): void {
    const made = spawnSync('mkfifo', [file]);
    if (made.status !== 0) throw new Error(`mkfifo ${file} failed: ${made.stderr}`);
}

describe('symbolic links inside the checked folder are followed', () => {
    test('a linked plan file counts, under the path of the link', () => {
        const outside = tempPlan({ 'shared.trellis': broken });
        const dir = tempPlan({ 'plan.trellis': clean });
        fs.symlinkSync(path.join(outside, 'shared.trellis'), path.join(dir, 'linked.trellis'));
        const { status, report } = trellisJson(['check', ...today], dir);
        expect(report.diagnostics.map(d => [d.file, d.code])).toEqual([['linked.trellis', 'missing-owner']]);
        expect(report.summary.files).toBe(2);
        expect(status).toBe(1);
    });

    test('a linked folder counts, for check and for graph', () => {
        const outside = tempPlan({ 'more/bets.trellis': broken });
        const dir = tempPlan({ 'plan.trellis': clean });
        fs.symlinkSync(path.join(outside, 'more'), path.join(dir, 'team-b'));
        const { status, report } = trellisJson(['check', ...today], dir);
        expect(report.diagnostics.map(d => [d.file, d.code])).toEqual([['team-b/bets.trellis', 'missing-owner']]);
        expect(status).toBe(1);
        expect(JSON.parse(trellis(['graph', '--format', 'json', ...today], dir).stdout).nodes.map((n: { id: string }) => n.id)).toContain('orphan');
    });

    test('links that loop back are walked once, and a file reached twice is read once', () => {
        const dir = tempPlan({ 'plans/plan.trellis': clean });
        fs.symlinkSync('..', path.join(dir, 'plans', 'up'));
        fs.symlinkSync('.', path.join(dir, 'plans', 'here'));
        fs.symlinkSync('plan.trellis', path.join(dir, 'plans', 'again.trellis'));
        const { status, report } = trellisJson(['check', 'plans', '.', 'plans/plan.trellis', ...today], dir);
        expect(report.summary.files).toBe(1);
        expect(report.diagnostics).toEqual([]); // read twice, every name would be a duplicate
        expect(status).toBe(0);
    });

    test('a link to a missing plan file is exit 2, not skipped', () => {
        const dir = tempPlan({ 'plan.trellis': clean });
        fs.symlinkSync('gone.trellis', path.join(dir, 'moved.trellis'));
        expectUsageError(trellis(['check', ...today], dir), /moved\.trellis is a symbolic link to a missing file/);
    });

    test('a plan file link that loops is exit 2', () => {
        const dir = tempPlan({ 'plan.trellis': clean });
        fs.symlinkSync('self.trellis', path.join(dir, 'self.trellis'));
        expectUsageError(trellis(['check', ...today], dir), /self\.trellis is a symbolic link that loops/);
    });
});

describe('what is not a plan is exit 2 with the reason', () => {
    test('a FIFO given by path', () => {
        const dir = tempPlan({ 'plan.trellis': clean });
        mkfifo(path.join(dir, 'pipe.trellis'));
        expectUsageError(trellis(['check', 'pipe.trellis'], dir), /^trellis: pipe\.trellis is not a regular file/);
        expectUsageError(trellis(['graph', 'plan.trellis', 'pipe.trellis'], dir), /pipe\.trellis is not a regular file/);
    });

    test('a FIFO named as a plan file inside a checked folder', () => {
        const dir = tempPlan({ 'plans/plan.trellis': clean });
        mkfifo(path.join(dir, 'plans', 'pipe.trellis'));
        expectUsageError(trellis(['check', 'plans'], dir), /plans\/pipe\.trellis is not a regular file/);
    });

    test('a file that is not .trellis, given by path', () => {
        const dir = tempPlan({ 'plan.trellis': clean, 'notes.txt': clean });
        expectUsageError(trellis(['check', 'plan.trellis', 'notes.txt'], dir), /^trellis: notes\.txt is not a plan file: plan files end in \.trellis$/m);
        expectUsageError(trellis(['graph', 'notes.txt'], dir), /notes\.txt is not a plan file/);
    });

    test('files in a folder that are not .trellis are not read', () => {
        const dir = tempPlan({ 'plan.trellis': clean, 'notes.txt': broken });
        expect(trellisJson(['check', ...today], dir).report.summary.files).toBe(1);
    });

    test.each([['check'], ['graph']])('an empty folder: %s exits 2, so a mistyped CI path does not pass', command => {
        const dir = tempPlan({ 'plan.trellis': clean, 'docs/readme.md': '# not a plan\n' });
        fs.mkdirSync(path.join(dir, 'empty'));
        expectUsageError(trellis([command, 'empty'], dir), /^trellis: no \.trellis files in empty$/m);
        expectUsageError(trellis([command, 'plan.trellis', 'docs'], dir), /no \.trellis files in docs/);
        expectUsageError(trellis([command], path.join(dir, 'empty')), /no \.trellis files in the current folder/);
    });

    test('a folder given twice is not empty the second time', () => {
        const dir = tempPlan({ 'plans/plan.trellis': clean });
        expect(trellis(['check', 'plans', 'plans', ...today], dir).status).toBe(0);
    });
});
