// `trellis check` output as people, scripts and code-scanning services read it: the text
// lines, the JSON object and SARIF 2.1.0, all listing the same diagnostics in the same order.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { removeTempDirs, specCodes, tempPlan, trellis, trellisJson } from './run-cli.js';

afterAll(removeTempDirs);

// Team 'platform' is at 110% in 2027-Q1 (a warning in teams.trellis); bet 'c' has no owner
// (an error in bets.trellis, line 4).
const teams = 'team platform "Platform" { type platform capacity 4 }\n';
const bets = [
    'pillar core { target 100% }',
    'bet a { pillar core owner platform 60% during 2027-Q1 }',
    'bet b { pillar core owner platform 50% during 2027-Q1 review 2027-03-01 }',
    'bet c { pillar core during 2027-Q1 }',
    '',
].join('\n');

describe('text format', () => {
    test('prints one line per diagnostic as file:line:column severity code message, then a summary', () => {
        const dir = tempPlan({ 'plans/teams.trellis': teams, 'plans/bets.trellis': bets });
        const { status, stdout, stderr } = trellis(['check', 'plans', '--today', '2027-01-15'], dir);
        expect(stdout.split('\n')).toEqual([
            "plans/bets.trellis:4:5 error missing-owner Bet 'c' has no owner: add 'owner TEAM 50%' with the team accountable for it",
            "plans/teams.trellis:1:6 warning overloaded-team Team 'platform' is at 110% of capacity in 2027-Q1 (a 60%, b 50%); max-load is 100%",
            '2 files checked: 1 error, 1 warning, 0 infos, 0 hints',
            '',
        ]);
        expect(stderr).toBe('');
        expect(status).toBe(1);
    });

    test('a clean plan prints only the summary', () => {
        const dir = tempPlan({ 'plan.trellis': 'pillar core { target 100% }\nteam t { capacity 3 }\nbet a { pillar core owner t 50% during 2027-Q1 }\n' });
        const { status, stdout } = trellis(['check', 'plan.trellis', '--today', '2027-01-15'], dir);
        expect(stdout).toBe('1 file checked: 0 errors, 0 warnings, 0 infos, 0 hints\n');
        expect(status).toBe(0);
    });

    test('with no path, checks the current folder', () => {
        const dir = tempPlan({ 'teams.trellis': teams, 'bets.trellis': bets });
        const { stdout } = trellis(['check', '--today', '2027-01-15'], dir);
        expect(stdout).toContain('bets.trellis:4:5 error missing-owner');
        expect(stdout).toContain('teams.trellis:1:6 warning overloaded-team');
        expect(stdout.trimEnd().split('\n').at(-1)).toBe('2 files checked: 1 error, 1 warning, 0 infos, 0 hints');
    });

    test('a parser message that spans lines still takes one line', () => {
        const dir = tempPlan({ 'plan.trellis': 'team t { capacity 2 }\nbet x { owner t 10% support }\n' });
        const { stdout } = trellis(['check', 'plan.trellis', '--today', '2027-01-15'], dir);
        const lines = stdout.trimEnd().split('\n');
        const diagnosticLine = /^plan\.trellis:\d+:\d+ (error|warning|info|hint) [a-z-]+ \S/;
        for (const line of lines.slice(0, -1)) expect(line).toMatch(diagnosticLine);
        expect(lines.some(l => l.startsWith('plan.trellis:2:29 error syntax-error '))).toBe(true);
    });
});

describe('JSON format', () => {
    test('is exactly {diagnostics:[{file,line,column,endLine,endColumn,severity,code,message}], summary:{files,errors,warnings,infos,hints}}', () => {
        const dir = tempPlan({ 'plans/teams.trellis': teams, 'plans/bets.trellis': bets });
        const { status, stdout } = trellis(['check', 'plans', '--today', '2027-01-15', '--format', 'json'], dir);
        expect(status).toBe(1);
        const report = JSON.parse(stdout);
        expect(Object.keys(report)).toEqual(['diagnostics', 'summary']);
        expect(report).toEqual({
            diagnostics: [
                {
                    file: 'plans/bets.trellis', line: 4, column: 5, endLine: 4, endColumn: 6, severity: 'error', code: 'missing-owner',
                    message: "Bet 'c' has no owner: add 'owner TEAM 50%' with the team accountable for it",
                },
                {
                    file: 'plans/teams.trellis', line: 1, column: 6, endLine: 1, endColumn: 14, severity: 'warning', code: 'overloaded-team',
                    message: "Team 'platform' is at 110% of capacity in 2027-Q1 (a 60%, b 50%); max-load is 100%",
                },
            ],
            summary: { files: 2, errors: 1, warnings: 1, infos: 0, hints: 0 },
        });
        for (const d of report.diagnostics) {
            expect(Object.keys(d)).toEqual(['file', 'line', 'column', 'endLine', 'endColumn', 'severity', 'code', 'message']);
        }
        expect(Object.keys(report.summary)).toEqual(['files', 'errors', 'warnings', 'infos', 'hints']);
    });

    test('files are relative to the current folder, with forward slashes, wherever the paths point', () => {
        const dir = tempPlan({ 'a/b/teams.trellis': teams, 'a/b/bets.trellis': bets });
        const fromTop = trellisJson(['check', 'a', '--today', '2027-01-15'], dir).report;
        expect(fromTop.diagnostics.map(d => d.file)).toEqual(['a/b/bets.trellis', 'a/b/teams.trellis']);
        const fromInside = trellisJson(['check', '.', '--today', '2027-01-15'], path.join(dir, 'a/b')).report;
        expect(fromInside.diagnostics.map(d => d.file)).toEqual(['bets.trellis', 'teams.trellis']);
        const fromSibling = trellisJson(['check', '../a/b/bets.trellis', '--today', '2027-01-15'], tempPlanIn(dir, 'c')).report;
        expect(fromSibling.diagnostics.length).toBeGreaterThan(0);
        expect(new Set(fromSibling.diagnostics.map(d => d.file))).toEqual(new Set(['../a/b/bets.trellis']));
    });

    test('lines and columns are 1-based and diagnostics are sorted by file, line and column', () => {
        const dir = tempPlan({
            'z.trellis': 'bet z1 { pillar p }\n\n   bet z2 { pillar p }\n',
            'm.trellis': 'pillar p { target 100% }\nbet m1 { pillar p } bet m2 { pillar p }\n',
        });
        const { report } = trellisJson(['check', '--today', '2027-01-15'], dir);
        const places = report.diagnostics.map(d => `${d.file}:${d.line}:${d.column}`);
        expect(places).toEqual(['m.trellis:2:5', 'm.trellis:2:25', 'z.trellis:1:5', 'z.trellis:3:8']);
        expect(report.diagnostics.every(d => d.code === 'missing-owner')).toBe(true);
        expect(report.summary).toEqual({ files: 2, errors: 4, warnings: 0, infos: 0, hints: 0 });
    });

    test('counts infos and hints by severity, including severities set by the policy', () => {
        const dir = tempPlan({
            'plan.trellis': 'policy { check orphan-bet hint }\nmetric m { north-star }\nmetric lonely\nteam t { capacity 2 }\nbet a { owner t 20% during 2027-Q1 }\n',
        });
        const { status, report } = trellisJson(['check', '--today', '2027-01-15'], dir);
        expect(report.diagnostics.map(d => [d.code, d.severity])).toEqual([['orphan-metric', 'info'], ['orphan-bet', 'hint']]);
        expect(report.summary).toEqual({ files: 1, errors: 0, warnings: 0, infos: 1, hints: 1 });
        expect(status).toBe(0);
    });
});

describe('SARIF format', () => {
    test('is SARIF 2.1.0 with one rule per check code and one result per diagnostic', () => {
        const dir = tempPlan({ 'plans/teams.trellis': teams, 'plans/bets.trellis': bets });
        const sarif = JSON.parse(trellis(['check', 'plans', '--today', '2027-01-15', '--format', 'sarif'], dir).stdout);
        expect(sarif.version).toBe('2.1.0');
        expect(sarif.$schema).toMatch(/sarif-2\.1\.0/);
        expect(sarif.runs).toHaveLength(1);
        const run = sarif.runs[0];
        expect(run.tool.driver.name).toBe('trellis');
        expect(run.tool.driver.rules.map((r: { id: string }) => r.id).sort()).toEqual([...specCodes].sort());
        for (const rule of run.tool.driver.rules) {
            expect(rule.shortDescription.text).not.toBe('');
            expect(['error', 'warning', 'note']).toContain(rule.defaultConfiguration.level);
        }
        expect(run.results).toEqual([
            {
                ruleId: 'missing-owner', ruleIndex: specCodes.indexOf('missing-owner'), level: 'error',
                message: { text: "Bet 'c' has no owner: add 'owner TEAM 50%' with the team accountable for it" },
                locations: [{ physicalLocation: { artifactLocation: { uri: 'plans/bets.trellis', uriBaseId: '%SRCROOT%' }, region: { startLine: 4, startColumn: 5, endLine: 4, endColumn: 6 } } }],
            },
            {
                ruleId: 'overloaded-team', ruleIndex: specCodes.indexOf('overloaded-team'), level: 'warning',
                message: { text: "Team 'platform' is at 110% of capacity in 2027-Q1 (a 60%, b 50%); max-load is 100%" },
                locations: [{ physicalLocation: { artifactLocation: { uri: 'plans/teams.trellis', uriBaseId: '%SRCROOT%' }, region: { startLine: 1, startColumn: 6, endLine: 1, endColumn: 14 } } }],
            },
        ]);
        for (const result of run.results) expect(run.tool.driver.rules[result.ruleIndex].id).toBe(result.ruleId);
    });

    test('lists the same findings, in the same order, as JSON; infos and hints are notes', () => {
        const json = trellisJson(['check', 'examples/every-check', '--today', '2027-01-15']).report;
        const sarif = JSON.parse(trellis(['check', 'examples/every-check', '--today', '2027-01-15', '--format', 'sarif']).stdout);
        const levels: Record<string, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
        expect(sarif.runs[0].results.map((r: SarifResult) => [
            r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri, r.locations[0].physicalLocation.region.startLine,
            r.locations[0].physicalLocation.region.startColumn, r.message.text,
        ])).toEqual(json.diagnostics.map(d => [d.code, levels[d.severity], d.file, d.line, d.column, d.message]));
    });
});

describe('input the way editors and operating systems write it', () => {
    const plan = 'team t { capacity 2 }\nbet lonely { owner t 50% during 2027-Q1 }\n';

    test('a UTF-8 byte order mark is accepted and does not shift columns', () => {
        const dir = tempPlan({ 'bom.trellis': `\uFEFF${plan}`, 'plain.trellis': 'team u { capacity 2 }\nbet other { owner u 50% during 2027-Q1 }\n' });
        const { report } = trellisJson(['check', '--today', '2027-01-15'], dir);
        expect(report.diagnostics.filter(d => d.code === 'syntax-error')).toEqual([]);
        const bom = report.diagnostics.find(d => d.file === 'bom.trellis' && d.code === 'orphan-bet')!;
        const plain = report.diagnostics.find(d => d.file === 'plain.trellis' && d.code === 'orphan-bet')!;
        expect([bom.line, bom.column]).toEqual([2, 5]);
        expect([plain.line, plain.column]).toEqual([2, 5]);
        expect(trellis(['check', 'bom.trellis', '--today', '2027-01-15'], dir).stdout).toMatch(/^bom\.trellis:2:5 warning orphan-bet /);
    });

    test('a BOM at the very start does not hide a finding on the first line', () => {
        const dir = tempPlan({ 'bom.trellis': '\uFEFFbet first { pillar p }\npillar p { target 100% }\n' });
        const { report } = trellisJson(['check', '--today', '2027-01-15'], dir);
        expect(report.diagnostics.map(d => [d.code, d.line, d.column])).toEqual([['missing-owner', 1, 5]]);
    });

    test('CRLF line endings give the same diagnostics at the same places as LF', () => {
        const lf = 'pillar p { target 100% }\n// a comment\nteam t { capacity 2 }\n\nbet a { pillar p owner t 80% during 2027-Q1 }\nbet b { pillar p owner t 40% during 2027-Q1 }\nbet c { pillar p during 2027-Q1 }\n';
        const lfDir = tempPlan({ 'plan.trellis': lf });
        const crlfDir = tempPlan({ 'plan.trellis': lf.replace(/\n/g, '\r\n') });
        const fromLf = trellisJson(['check', '--today', '2027-01-15'], lfDir).report;
        const fromCrlf = trellisJson(['check', '--today', '2027-01-15'], crlfDir).report;
        expect(fromLf.diagnostics.map(d => d.code)).toEqual(['overloaded-team', 'missing-owner']);
        expect(fromCrlf).toEqual(fromLf);
    });
});

describe('which files are checked', () => {
    test('a folder is searched recursively for .trellis files, and only those', () => {
        const dir = tempPlan({
            'top.trellis': 'bet top { pillar p }\n',
            'deep/er/still/nested.trellis': 'bet nested { pillar p }\n',
            'deep/pillars.trellis': 'pillar p { target 100% }\n',
            'deep/notes.md': 'bet not-a-plan { }\n',
            'deep/plan.trellis.bak': 'bet backup { }\n',
        });
        const { report } = trellisJson(['check', '.', '--today', '2027-01-15'], dir);
        expect(report.summary.files).toBe(3);
        expect(report.diagnostics.map(d => `${d.file} ${d.code} ${d.message.split(' ')[1]}`)).toEqual([
            "deep/er/still/nested.trellis missing-owner 'nested'",
            "top.trellis missing-owner 'top'",
        ]);
    });

    test('files in different folders form one plan: a name in one resolves in another', () => {
        const dir = tempPlan({ 'teams/t.trellis': 'team t { capacity 2 }\n', 'bets/b.trellis': 'pillar p { target 100% }\nbet a { pillar p owner t 50% during 2027-Q1 }\n' });
        const { status, report } = trellisJson(['check', 'teams', 'bets', '--today', '2027-01-15'], dir);
        expect(report.diagnostics).toEqual([]);
        expect(status).toBe(0);
        const alone = trellisJson(['check', 'bets', '--today', '2027-01-15'], dir).report;
        expect(alone.diagnostics.map(d => d.code)).toEqual(['unresolved-reference']);
    });

    test('the output is identical whatever order the paths are given in, and a file given twice counts once', () => {
        const dir = tempPlan({ 'a.trellis': teams, 'b.trellis': bets, 'sub/c.trellis': 'bet stray { owner platform 10% }\n' });
        const runs = [
            ['a.trellis', 'b.trellis', 'sub'],
            ['sub', 'b.trellis', 'a.trellis'],
            ['b.trellis', 'sub/c.trellis', 'a.trellis', 'b.trellis'],
            ['.'],
        ].flatMap(paths => ['text', 'json'].map(format => ({ format, out: trellis(['check', ...paths, '--today', '2027-01-15', '--format', format], dir).stdout })));
        for (const format of ['text', 'json']) {
            const outs = runs.filter(r => r.format === format).map(r => r.out);
            expect(new Set(outs).size).toBe(1);
        }
        expect(runs[0].out).toContain('3 files checked');
    });
});

function tempPlanIn(dir: string, sub: string): string {
    const target = path.join(dir, sub);
    fs.mkdirSync(target, { recursive: true });
    return target;
}

interface SarifResult {
    ruleId: string;
    level: string;
    message: { text: string };
    locations: Array<{ physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }>;
}
