// What `trellis check` tells a CI job through its exit code — 0 clean, 1 errors or too many
// warnings, 2 bad usage or unreadable input — and how it judges dates with --today. Every
// bad input gets one line on stderr naming the problem, and never a stack trace.

import { afterAll, describe, expect, test } from 'vitest';
import { removeTempDirs, tempPlan, trellis, trellisJson, type CliResult } from './run-cli.js';

afterAll(removeTempDirs);

/** Two warnings (an overloaded team and a bet with no goal or pillar) and no error. */
const warningsOnly = [
    'pillar p { target 100% }',
    'team t { capacity 2 }',
    'bet a { pillar p owner t 70% during 2027-Q1 }',
    'bet b { owner t 40% during 2027-Q1 }',
    '',
].join('\n');

/** A bet with a review date, to judge against different days. */
const withReview = 'pillar p { target 100% }\nteam t { capacity 3 }\nbet launch { pillar p owner t 50% funding new-offering during 2027-Q1 .. 2027-Q2 review 2027-03-01 }\n';

function expectUsageError(result: CliResult, names: RegExp): void {
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.split('\n');
    expect(lines).toHaveLength(2); // one line and its newline
    expect(lines[1]).toBe('');
    expect(lines[0]).toMatch(/^trellis: /);
    expect(lines[0]).toMatch(names);
    expect(result.stderr).not.toMatch(/\n\s+at |Error:|internal error/);
}

describe('exit codes', () => {
    test('0 for a plan with warnings but no errors', () => {
        const dir = tempPlan({ 'plan.trellis': warningsOnly });
        const { status, report } = trellisJson(['check', '--today', '2027-01-15'], dir);
        expect(report.diagnostics.map(d => d.code).sort()).toEqual(['orphan-bet', 'overloaded-team']);
        expect(status).toBe(0);
    });

    test('1 for a plan with an error', () => {
        const dir = tempPlan({ 'plan.trellis': `${warningsOnly}bet c { pillar p }\n` });
        expect(trellis(['check', '--today', '2027-01-15'], dir).status).toBe(1);
    });

    test('1 when a syntax error is the only problem', () => {
        const dir = tempPlan({ 'plan.trellis': 'team t { capacity 2 }\n}\n' });
        const result = trellis(['check', '--today', '2027-01-15'], dir);
        expect(result.stdout).toMatch(/^plan\.trellis:2:1 error syntax-error /);
        expect(result.status).toBe(1);
    });

    test('--max-warnings: 1 only when the warnings exceed it, with a line on stderr saying so', () => {
        const dir = tempPlan({ 'plan.trellis': warningsOnly });
        const atLimit = trellis(['check', '--today', '2027-01-15', '--max-warnings', '2'], dir);
        expect(atLimit.status).toBe(0);
        expect(atLimit.stderr).toBe('');
        const over = trellis(['check', '--today', '2027-01-15', '--max-warnings', '1'], dir);
        expect(over.status).toBe(1);
        expect(over.stdout).toContain('1 file checked: 0 errors, 2 warnings');
        expect(over.stderr).toBe('trellis: 2 warnings, more than --max-warnings 1\n');
        expect(trellis(['check', '--today', '2027-01-15', '--max-warnings', '0', '--format', 'json'], dir).status).toBe(1);
    });

    test('--max-warnings counts warnings only, not infos or hints', () => {
        const dir = tempPlan({ 'plan.trellis': 'metric m { north-star }\nmetric lonely\n' });
        const result = trellis(['check', '--today', '2027-01-15', '--max-warnings', '0'], dir);
        expect(result.stdout).toContain('0 warnings, 1 info');
        expect(result.status).toBe(0);
    });

    test('--max-warnings does not excuse an error', () => {
        const dir = tempPlan({ 'plan.trellis': 'bet c { pillar p }\npillar p { target 100% }\n' });
        expect(trellis(['check', '--today', '2027-01-15', '--max-warnings', '100'], dir).status).toBe(1);
    });
});

describe('--today', () => {
    test('judges review dates against the given day', () => {
        const dir = tempPlan({ 'plan.trellis': withReview });
        const before = trellisJson(['check', '--today', '2027-03-01'], dir).report;
        expect(before.diagnostics).toEqual([]);
        const after = trellisJson(['check', '--today', '2027-03-02'], dir).report;
        expect(after.diagnostics.map(d => [d.code, d.line])).toEqual([['overdue-review', 3]]);
        expect(after.diagnostics[0].message).toContain('2027-03-01, 1 day before today (2027-03-02)');
    });

    test('judges allowances against the given day', () => {
        const dir = tempPlan({ 'plan.trellis': warningsOnly.replace('team t { capacity 2 }', 'team t { capacity 2 allow overloaded-team "a hire starts in February" until 2027-02-28 }') });
        const within = trellisJson(['check', '--today', '2027-02-28'], dir).report;
        expect(within.diagnostics.map(d => d.code)).toEqual(['orphan-bet']);
        const expired = trellisJson(['check', '--today', '2027-03-01'], dir).report;
        expect(expired.diagnostics.map(d => d.code).sort()).toEqual(['expired-allowance', 'orphan-bet', 'overloaded-team']);
    });

    test('without --today, the system date is used (a review in 1999 is overdue)', () => {
        const dir = tempPlan({ 'plan.trellis': withReview.replace('during 2027-Q1 .. 2027-Q2 review 2027-03-01', 'during 1999-Q1 review 1999-03-01') });
        expect(trellisJson(['check'], dir).report.diagnostics.map(d => d.code)).toEqual(['overdue-review']);
    });

    test.each([
        ['2027-02-30', /--today.*2027-02-30/],
        ['2027-13-01', /--today.*2027-13-01/],
        ['tomorrow', /--today.*tomorrow/],
        ['2027-3-1', /--today.*2027-3-1/],
    ])('a malformed date (%s) is bad usage', (today, names) => {
        const dir = tempPlan({ 'plan.trellis': withReview });
        expectUsageError(trellis(['check', '--today', today], dir), names);
    });

    test('a missing value is bad usage', () => {
        const dir = tempPlan({ 'plan.trellis': withReview });
        expectUsageError(trellis(['check', '--today'], dir), /--today/);
    });
});

describe('bad usage and unreadable input: exit 2, one line on stderr', () => {
    test('an unknown flag', () => {
        const dir = tempPlan({ 'plan.trellis': withReview });
        expectUsageError(trellis(['check', '--colour', 'always'], dir), /--colour/);
    });

    test('an unknown --format', () => {
        const dir = tempPlan({ 'plan.trellis': withReview });
        expectUsageError(trellis(['check', '--format', 'xml'], dir), /--format.*xml/);
    });

    test('a --max-warnings that is not a whole number', () => {
        const dir = tempPlan({ 'plan.trellis': withReview });
        expectUsageError(trellis(['check', '--max-warnings', 'many'], dir), /--max-warnings.*many/);
        expectUsageError(trellis(['check', '--max-warnings', '-1'], dir), /--max-warnings/);
        expectUsageError(trellis(['check', '--max-warnings', '2.5'], dir), /--max-warnings.*2\.5/);
        expectUsageError(trellis(['check', '--max-warnings', ''], dir), /--max-warnings/);
    });

    test('an unknown command', () => {
        expectUsageError(trellis(['chekc']), /chekc/);
    });

    test('a path that does not exist, even next to one that does', () => {
        const dir = tempPlan({ 'plan.trellis': withReview });
        expectUsageError(trellis(['check', 'plan.trellis', 'missing/plan.trellis'], dir), /missing\/plan\.trellis/);
    });

    test('a file that is not UTF-8', () => {
        const latin1 = Buffer.from('team caf\xe9 { capacity 2 }\n', 'latin1');
        const dir = tempPlan({ 'good.trellis': withReview, 'latin1.trellis': latin1 });
        expectUsageError(trellis(['check', '.'], dir), /latin1\.trellis.*UTF-8/);
    });

    test('a UTF-16 file is not UTF-8 either', () => {
        const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('team t { capacity 2 }\n', 'utf16le')]);
        const dir = tempPlan({ 'utf16.trellis': utf16 });
        expectUsageError(trellis(['check', 'utf16.trellis'], dir), /utf16\.trellis.*UTF-8/);
    });
});
