// `trellis diff BASE HEAD` through the built command, on crafted plan pairs: what a reviewer
// of a plan change reads (elements, loads, shares, blast radius, findings), by meaning and
// not by text, in JSON and as a pull-request comment, and the exit codes a CI gate relies on.

import { afterAll, describe, expect, test } from 'vitest';
import { baseFiles, diff, diffJson, planPair, planText, teamsText } from './diff-fixture.js';
import { removeTempDirs, tempPlan, trellis } from './run-cli.js';

afterAll(removeTempDirs);

const raised = planText.replace('owner platform 60%', 'owner platform 80%');

describe('no change by meaning', () => {
    test('reformatted, properties reordered and comments edited: nothing to report', () => {
        const reformatted = planText
            .replace('// The base plan of the diff tests.', '/* rewritten header */')
            .replace('bet sso "Single sign-on" {\n  pillar foundations\n  owner platform 60%   // the platform team\'s main bet\n  during 2027-Q1\n}',
                'bet   sso "Single sign-on" { during 2027-Q1\n      owner platform   60 %\n pillar foundations }')
            .replace('  owner web 50%\n  support platform 30%', '  support platform 30%\n\n\n  owner web 50%');
        const teams = teamsText.replace('  capacity 5\n  depends-on platform', '  depends-on   platform // and no one else\n  capacity 5');
        const dir = planPair({ 'plan.trellis': reformatted, 'teams.trellis': teams });
        const { status, json } = diffJson(dir);
        expect(status).toBe(0);
        expect(json.elements).toEqual({ added: [], removed: [], changed: [] });
        expect(json.loads).toEqual([]);
        expect(json.pillars).toEqual([]);
        expect(json.blastRadius).toEqual([]);
        expect(json.findings).toEqual({ introduced: [], resolved: [], changed: [] });
        expect(json.summary).toEqual({ added: 0, removed: 0, changed: 0, loads: 0, introduced: 0, resolved: 0 });
    });

    test('the Markdown of an unchanged plan is one short line', () => {
        const result = diff(planPair({}));
        expect(result.status).toBe(0);
        expect(result.stdout).toBe('**Trellis** (`base` → `head`): no change to the plan — same elements, loads, shares and findings.\n');
    });
});

describe('a raised allocation', () => {
    const dir = planPair({ 'plan.trellis': raised });

    test('is one changed bet, one load change and one finding introduced', () => {
        const { status, json } = diffJson(dir);
        expect(status).toBe(0); // a warning does not fail the gate
        expect(json.base).toBe('base');
        expect(json.head).toBe('head');
        expect(json.elements.changed).toEqual([{
            kind: 'bet', name: 'sso', file: 'plan.trellis', line: 15,
            properties: [{ property: 'owner', before: 'platform 60%', after: 'platform 80%' }],
        }]);
        expect(json.loads).toEqual([{ team: 'platform', quarter: '2027-Q1', before: 90, after: 110, wipBefore: 2, wipAfter: 2 }]);
        expect(json.findings.introduced).toEqual([{
            file: 'teams.trellis', line: 1, column: 6, severity: 'warning', code: 'overloaded-team', element: 'platform',
            message: "Team 'platform' is at 110% of capacity in 2027-Q1 (sso 80%, checkout 30%); max-load is 100%",
        }]);
        expect(json.findings.resolved).toEqual([]);
        expect(json.pillars).toEqual([
            { pillar: 'foundations', target: 25, before: 24.5, after: 30.2 },
            { pillar: 'growth', target: 75, before: 75.5, after: 69.8 },
        ]);
        expect(json.summary).toEqual({ added: 0, removed: 0, changed: 1, loads: 1, introduced: 1, resolved: 0 });
    });

    test('reads in ten seconds as a comment: summary first, then the finding, the loads, the elements', () => {
        const { stdout } = diff(dir);
        const lines = stdout.split('\n');
        expect(lines[0]).toBe('**Trellis** (`base` → `head`): 1 bet changed; platform goes to 110% in 2027-Q1; 1 warning introduced');
        expect(stdout).toContain("- ⚠️ warning `overloaded-team` on `platform`: Team 'platform' is at 110% of capacity in 2027-Q1 (sso 80%, checkout 30%); max-load is 100% (`teams.trellis:1`)");
        expect(stdout).toContain('| `platform` | 2027-Q1 | 90% → **110%** | 2 |');
        expect(stdout).toContain('- bet `sso` (`plan.trellis:15`): `owner` `platform 60%` → `platform 80%`');
        const order = ['Findings introduced', 'Team loads', 'Pillar shares', 'Changed (1)'].map(h => stdout.indexOf(h));
        expect(order.every(i => i > 0)).toBe(true);
        expect([...order].sort((a, b) => a - b)).toEqual(order);
    });

    test('the same inputs give the same bytes', () => {
        expect(diff(dir, '--format', 'json').stdout).toBe(diff(dir, '--format', 'json').stdout);
    });
});

describe('elements added, removed and moved', () => {
    const extraBet = '\nbet search "Search" {\n  goal faster\n  owner web 20%\n  during 2027-Q2\n  depends-on sso\n}\n';
    const withoutWeb = teamsText.replace(/\nteam web[\s\S]*$/, '');

    test('a bet added, a team moved to another file: the move is a file change, not added and removed', () => {
        const dir = planPair({ 'plan.trellis': planText + extraBet, 'teams.trellis': withoutWeb, 'more/web.trellis': 'team web "Web" {\n  capacity 5\n  depends-on platform\n}\n' });
        const { json } = diffJson(dir);
        expect(json.elements.added).toEqual([{ kind: 'bet', name: 'search', file: 'plan.trellis', line: 29 }]);
        expect(json.elements.removed).toEqual([]);
        expect(json.elements.changed).toEqual([{
            kind: 'team', name: 'web', file: 'more/web.trellis', line: 1,
            properties: [{ property: 'file', before: 'teams.trellis', after: 'more/web.trellis' }],
        }]);
        // web carries one more bet in 2027-Q2; sso has one more dependent bet.
        expect(json.loads).toEqual([{ team: 'web', quarter: '2027-Q2', before: 50, after: 70, wipBefore: 1, wipAfter: 2 }]);
        expect(json.blastRadius).toEqual([{ name: 'sso', kind: 'bet', before: 1, after: 2 }]);
    });

    test('a bet removed, with the load it took off its teams', () => {
        const dir = planPair({ 'plan.trellis': planText.replace(/\nbet checkout[\s\S]*$/, '') });
        const { status, json } = diffJson(dir);
        expect(status).toBe(0);
        expect(json.elements.removed).toEqual([{ kind: 'bet', name: 'checkout', file: 'plan.trellis', line: 21 }]);
        expect(json.loads).toEqual([
            { team: 'platform', quarter: '2027-Q1', before: 90, after: 60, wipBefore: 2, wipAfter: 1 },
            { team: 'platform', quarter: '2027-Q2', before: 30, after: 0, wipBefore: 1, wipAfter: 0 },
            { team: 'web', quarter: '2027-Q1', before: 50, after: 0, wipBefore: 1, wipAfter: 0 },
            { team: 'web', quarter: '2027-Q2', before: 50, after: 0, wipBefore: 1, wipAfter: 0 },
        ]);
        // The goal has no bet left behind it, and the growth pillar has no work left: warnings the change introduces.
        expect(json.findings.introduced.map(f => [f.severity, f.code, f.element, f.line])).toEqual([
            ['warning', 'pillar-drift', 'growth', 2], ['warning', 'pillar-drift', 'foundations', 3], ['warning', 'unlinked-goal', 'faster', 10],
        ]);
        expect(json.pillars).toEqual([
            { pillar: 'foundations', target: 25, before: 24.5, after: 100 },
            { pillar: 'growth', target: 75, before: 75.5, after: 0 },
        ]);
    });
});

describe('findings', () => {
    test('a finding the change fixes is resolved', () => {
        const dir = planPair({ 'plan.trellis': planText }, { ...baseFiles, 'plan.trellis': raised });
        const { status, json } = diffJson(dir);
        expect(status).toBe(0);
        expect(json.findings.resolved.map(f => [f.severity, f.code, f.element, f.file])).toEqual([['warning', 'overloaded-team', 'platform', 'teams.trellis']]);
        expect(json.findings.introduced).toEqual([]);
        expect(json.summary.resolved).toBe(1);
        expect(diff(dir).stdout.split('\n')[0]).toContain('1 finding resolved');
    });

    test('the same finding with new figures is changed, not introduced and resolved', () => {
        const dir = planPair({ 'plan.trellis': planText.replace('owner platform 60%', 'owner platform 95%') }, { ...baseFiles, 'plan.trellis': raised });
        const { json } = diffJson(dir);
        expect(json.findings.introduced).toEqual([]);
        expect(json.findings.resolved).toEqual([]);
        expect(json.findings.changed).toEqual([{
            code: 'overloaded-team', element: 'platform', severity: 'warning',
            before: "Team 'platform' is at 110% of capacity in 2027-Q1 (sso 80%, checkout 30%); max-load is 100%",
            after: "Team 'platform' is at 125% of capacity in 2027-Q1 (sso 95%, checkout 30%); max-load is 100%",
        }]);
    });

    test('an introduced error exits 1 and leads the comment, errors before warnings', () => {
        const broken = raised.replace('depends-on sso', 'depends-on sso, nobody');
        const dir = planPair({ 'plan.trellis': broken });
        const { status, json } = diffJson(dir);
        expect(status).toBe(1);
        expect(json.findings.introduced.map(f => [f.severity, f.code, f.element])).toEqual([
            ['error', 'unresolved-reference', 'checkout'],
            ['warning', 'overloaded-team', 'platform'],
        ]);
        const md = diff(dir);
        expect(md.status).toBe(1);
        expect(md.stdout.split('\n')[0]).toContain('1 error and 1 warning introduced');
        const first = md.stdout.indexOf('#### Findings introduced');
        expect(md.stdout.indexOf('🛑 error `unresolved-reference` on `checkout`')).toBeGreaterThan(first);
        expect(md.stdout.indexOf('🛑 error')).toBeLessThan(md.stdout.indexOf('⚠️ warning'));
    });

    test('an error the base already had does not fail the gate', () => {
        const broken = planText.replace('depends-on sso', 'depends-on sso, nobody');
        const dir = planPair({ 'plan.trellis': broken.replace('during 2027-Q1\n', 'during 2027-Q1 .. 2027-Q2\n') }, { ...baseFiles, 'plan.trellis': broken });
        const { status, json } = diffJson(dir);
        expect(status).toBe(0);
        expect(json.findings.introduced.filter(f => f.severity === 'error')).toEqual([]);
    });
});

describe('a long comment', () => {
    test('stays under GitHub\'s 65,536 characters, saying what it left out', () => {
        const bets = Array.from({ length: 3000 }, (_, i) => `bet a-bet-with-a-name-long-enough-to-fill-the-line-${i} {\n  goal faster\n  owner web 1%\n  during 2027-Q1\n}\n`).join('\n');
        const dir = planPair({ 'more.trellis': bets });
        const { stdout, status } = diff(dir);
        expect(status).toBe(0);
        expect(stdout.length).toBeLessThanOrEqual(65_000); // with room for the sticky comment's marker
        expect(stdout.split('\n')[0]).toContain('3000 bets added');
        expect(stdout).toMatch(/…and \d+ more, left out to fit the comment/);
        expect(stdout).toContain('<details><summary><b>Added (3000)</b></summary>');
    });
});

describe('bad usage exits 2 with one line on stderr', () => {
    test.each([
        [['diff', 'base', 'missing'], /no such file or folder: missing/],
        [['diff', 'base'], /diff needs two folders, BASE and HEAD, or --git REV/],
        [['diff', 'base', 'head', '--format', 'html'], /--format must be one of markdown, json/],
        [['diff', 'base', 'head', '--today', '2027-13-01'], /--today must be a date/],
    ])('trellis %j', (args, message) => {
        const dir = planPair({});
        const result = trellis(args, dir);
        expect(result.status).toBe(2);
        expect(result.stdout).toBe('');
        expect(result.stderr).toMatch(message);
        expect(result.stderr.trim().split('\n')).toHaveLength(1);
    });

    test('two folders without plan files', () => {
        const dir = tempPlan({ 'a/readme.txt': 'no plans', 'b/readme.txt': 'none' });
        const result = trellis(['diff', 'a', 'b'], dir);
        expect(result.status).toBe(2);
        expect(result.stderr).toBe('trellis: no .trellis files in a\n');
    });
});
