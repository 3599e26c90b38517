// The example plans, checked by the built command exactly as the README tells users to:
// every-check shows every check of the spec, acme shows only the findings its comments
// announce. Both assume today is 2027-01-15.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { removeTempDirs, repoRoot, specCodes, tempPlan, trellis, trellisJson, type JsonDiagnostic } from './run-cli.js';

afterAll(removeTempDirs);

const today = ['--today', '2027-01-15'];

function lines(file: string, base = repoRoot): string[] {
    return fs.readFileSync(path.join(base, file), 'utf8').split(/\r?\n/);
}

/**
 * The name of the element a diagnostic sits in: the nearest element header at or above it
 * (the examples start elements at the left margin and indent their properties).
 */
function elementOf(d: JsonDiagnostic, base = repoRoot): string {
    const text = lines(d.file, base);
    for (let i = d.line - 1; i >= 0; i--) {
        const m = /^(?:pillar|metric|goal|team|bet)\s+([^\s{"]+)/.exec(text[i]);
        if (m) return m[1];
        if (/^policy\b/.test(text[i])) return 'policy';
    }
    return '(none)';
}

/** The comments of the paragraph (lines up to the blank line above) a diagnostic sits in. */
function commentAbove(d: JsonDiagnostic): string {
    const text = lines(d.file);
    const comments: string[] = [];
    for (let i = d.line - 1; i >= 0 && text[i].trim() !== ''; i--) {
        const at = text[i].indexOf('//');
        if (at >= 0) comments.unshift(text[i].slice(at));
    }
    return comments.join('\n');
}

describe('examples/every-check', () => {
    const { status, report } = trellisJson(['check', 'examples/every-check', ...today]);

    test('reports every code of the Checks table except pillar-targets, which cannot appear with pillar-drift', () => {
        const codes = new Set(report.diagnostics.map(d => d.code));
        expect([...codes].sort()).toEqual(specCodes.filter(c => c !== 'pillar-targets').sort());
        expect(status).toBe(1);
    });

    test('each finding is announced by a comment naming its check', () => {
        const unannounced = report.diagnostics.filter(d => !commentAbove(d).includes(d.code));
        expect(unannounced.map(d => `${d.file}:${d.line} ${d.code}`)).toEqual([]);
    });

    test('each check is shown once, or on each element it concerns', () => {
        const byCode = (code: string) => report.diagnostics.filter(d => d.code === code).map(d => elementOf(d)).sort();
        expect(byCode('duplicate-name')).toEqual(['design', 'design']);
        expect(byCode('metric-cycle')).toEqual(['loop-a', 'loop-b']);
        expect(byCode('dependency-cycle')).toEqual(['schema-v2', 'sync-v2']);
        expect(byCode('no-north-star')).toEqual(['revenue', 'weekly-users']);
        expect(byCode('pillar-drift')).toEqual(['build', 'run']);
        const once = specCodes.filter(c => !['duplicate-name', 'metric-cycle', 'dependency-cycle', 'no-north-star', 'pillar-drift', 'pillar-targets'].includes(c));
        for (const code of once) expect(byCode(code), code).toHaveLength(1);
        expect(report.summary).toEqual({ files: 2, errors: 9, warnings: 18, infos: 2, hints: 0 });
    });

    test('the syntax error is the last thing in its file, so it hides nothing', () => {
        const syntax = report.diagnostics.filter(d => d.code === 'syntax-error');
        expect(syntax).toHaveLength(1);
        const text = lines(syntax[0].file);
        expect(text.slice(syntax[0].line).every(l => l.trim() === '')).toBe(true);
    });

    test('with targets that do not add up to 100%, as its header says, pillar-targets replaces pillar-drift', () => {
        const dir = tempPlan({
            'plan.trellis': lines('examples/every-check/plan.trellis').join('\n').replace('pillar build "Build new things" { target 50% }', 'pillar build "Build new things" { target 60% }'),
            'more.trellis': lines('examples/every-check/more.trellis').join('\n'),
        });
        const edited = trellisJson(['check', '.', ...today], dir).report;
        const codes = new Set(edited.diagnostics.map(d => d.code));
        expect(codes.has('pillar-targets')).toBe(true);
        expect(codes.has('pillar-drift')).toBe(false);
        expect(edited.diagnostics.filter(d => d.code === 'pillar-targets').map(d => elementOf(d, dir)).sort()).toEqual(['build', 'run']);
        expect(edited.diagnostics.find(d => d.code === 'pillar-targets')!.message).toContain('110%');
    });
});

describe('examples/acme', () => {
    const { status, report } = trellisJson(['check', 'examples/acme', ...today]);

    test('reports exactly the three findings its comments announce', () => {
        expect(report.diagnostics.map(d => [d.file, d.code, elementOf(d)])).toEqual([
            ['examples/acme/bets-retention.trellis', 'overdue-review', 'smart-search'],
            ['examples/acme/teams.trellis', 'high-blast-radius', 'identity'],
            ['examples/acme/teams.trellis', 'one-person-team', 'accessibility'],
        ]);
        for (const d of report.diagnostics) expect(commentAbove(d)).toContain(`Deliberate finding: ${d.code}`);
        expect(status).toBe(0);
    });

    test('the text summary line', () => {
        const { stdout } = trellis(['check', 'examples/acme', ...today]);
        expect(stdout.trimEnd().split('\n').at(-1)).toBe('5 files checked: 0 errors, 2 warnings, 1 info, 0 hints');
        expect(trellis(['check', 'examples/acme', ...today, '--max-warnings', '2']).status).toBe(0);
        expect(trellis(['check', 'examples/acme', ...today, '--max-warnings', '1']).status).toBe(1);
    });

    test('is a mid-size plan: at least 10 teams of all four types, 25 bets, three pillars adding to 100%', () => {
        const all = fs.readdirSync(path.join(repoRoot, 'examples/acme')).filter(f => f.endsWith('.trellis'))
            .map(f => fs.readFileSync(path.join(repoRoot, 'examples/acme', f), 'utf8')).join('\n');
        expect(all.match(/^team /gm)!.length).toBeGreaterThanOrEqual(10);
        expect(all.match(/^bet /gm)!.length).toBeGreaterThanOrEqual(25);
        for (const type of ['stream-aligned', 'platform', 'enabling', 'complicated-subsystem']) expect(all).toContain(`type ${type}\n`);
        const targets = [...all.matchAll(/^pillar \S+ "[^"]*" \{ target (\d+)% \}/gm)].map(m => Number(m[1]));
        expect(targets).toHaveLength(3);
        expect(targets.reduce((a, b) => a + b, 0)).toBe(100);
        expect(all.match(/^\s*north-star/gm)).toHaveLength(1);
    });

    test("the allowance on core-platform silences too-much-wip until 2027-06-30, then says it expired", () => {
        const july = trellisJson(['check', 'examples/acme', '--today', '2027-07-01']).report;
        const onCorePlatform = july.diagnostics.filter(d => elementOf(d) === 'core-platform').map(d => d.code).sort();
        expect(onCorePlatform).toEqual(['expired-allowance', 'too-much-wip']);
        const june = trellisJson(['check', 'examples/acme', '--today', '2027-06-30']).report;
        expect(june.diagnostics.filter(d => elementOf(d) === 'core-platform')).toEqual([]);
    });
});

describe('every example file states the day it assumes', () => {
    const files = ['acme', 'every-check'].flatMap(dir => fs.readdirSync(path.join(repoRoot, 'examples', dir))
        .filter(f => f.endsWith('.trellis')).map(f => `examples/${dir}/${f}`));

    test.each(files)('%s', file => {
        const header = lines(file).slice(0, lines(file).findIndex(l => !l.startsWith('//')));
        expect(header.join('\n')).toContain('2027-01-15');
    });
});

describe('each example opens in the editor judged on that day', () => {
    // The editor reads `trellis.today` from the folder's workspace settings (JSON with comments),
    // so opening the example shows the same findings as `--today 2027-01-15` on the command line.
    test.each(['acme', 'every-check'])('examples/%s/.vscode/settings.json sets trellis.today to 2027-01-15', dir => {
        const text = fs.readFileSync(path.join(repoRoot, 'examples', dir, '.vscode', 'settings.json'), 'utf8');
        const settings = JSON.parse(text.replace(/^\s*\/\/.*$/gm, '')) as Record<string, unknown>;
        expect(settings['trellis.today']).toBe('2027-01-15');
    });
});
