// Langium's own diagnostics under the spec's codes: text that does not parse is
// `syntax-error`, a name that nothing of the right kind defines is `unresolved-reference`.
// Both are always errors, and a broken file must not hide findings anywhere else.

import { describe, expect, test } from 'vitest';
import { allCodes } from '../../language/model/codes.js';
import { buildPlan, buildWorkspace } from '../helpers.js';
import { ERROR, WARNING, codes, messages, seen } from './findings.js';

describe('syntax-error', () => {
    test.each([
        ['a missing number', 'team platform { capacity }', '}', 'Expecting a number but found `}`.'],
        ['a missing name', 'team { capacity 3 }', '{', 'Expecting a name but found `{`.'],
        ['a missing name after a keyword that is also a name', 'bet b { owner }', '}', 'Expecting a name but found `}`.'],
        ['a quoted title instead of a name', 'team "Platform" { capacity 3 }', '"Platform"', 'Expecting a name but found `"Platform"`.'],
        ['a missing period', 'metric m { target 5 by }', '}', 'Expecting a period (2027-Q1, 2027-03 or 2027-03-15) but found `}`.'],
        ['an unknown word in a block', 'team platform { headcount 3 }', 'headcount', "Expecting '}' but found `headcount`."],
        ['an unclosed block', 'team platform { capacity 3', '', "Expecting '}' but found the end of the file."],
        ['a stray character', 'team platform { capacity 3 } @', '@', "Unexpected character '@'"],
    ])('is an error, in the plan\'s words, on %s', async (_what, text, at, message) => {
        const ws = await buildPlan(`${text}\n`);
        expect(seen(ws, 'syntax-error').map(({ at: a, severity, message: m }) => ({ at: a, severity, message: m }))).toEqual([{ at, severity: ERROR, message }]);
    });

    test('a name may begin with a keyword', async () => {
        const ws = await buildPlan(`team support-desk { capacity 3 }
team teamwork { capacity 3 depends-on support-desk }
metric metrics { north-star }
bet checkout-v2 { goal goals owner teamwork 20% support support-desk 10% }
bet betA { goal goals owner teamwork 20% depends-on checkout-v2 }
goal goals { pillar pillar-a moves metrics }
pillar pillar-a { target 100% }
`);
        expect(ws.withCode('syntax-error').map(d => d.message)).toEqual([]);
        expect(ws.withCode('unresolved-reference').map(d => d.message)).toEqual([]);
    });

    test('does not fire on well-formed text, with comments, CRLF line ends and a BOM', async () => {
        const ws = await buildPlan('\uFEFF// plan\r\n/* teams\r\n */ team platform "Platform" { capacity 8 } // people\r\n');
        expect(ws.withCode('syntax-error')).toHaveLength(0);
    });

    test('the rest of the file is still checked', async () => {
        const ws = await buildPlan(`team t { capacity }
pillar p { target 100% }
bet b { pillar p }
`);
        expect(seen(ws, 'syntax-error').map(s => s.line)).toEqual([1]);
        expect(seen(ws, 'missing-owner').map(s => `${s.line} ${s.at}`)).toEqual(['3 b']);
    });

    test('fragments the parser recovers are not reported with made-up values', async () => {
        const ws = await buildPlan(`bet 5 { }
team t { type }
team u { allow }
policy { check }
bet b { stage }
`);
        for (const d of ws.diagnostics()) expect(d.message).not.toContain('undefined');
        expect(codes(ws)).toEqual(['missing-owner', 'orphan-bet', 'syntax-error']);
        expect(seen(ws, 'missing-owner').map(s => s.at)).toEqual(['b']);
    });

    test('a broken file does not hide findings in other files, nor its own recovered elements', async () => {
        const ws = await buildWorkspace({
            'teams.trellis': 'team platform { capacity 8 }\n',
            'bets.trellis': 'pillar p { target 100% }\nbet a { pillar p owner platform 70% during 2027-Q1 }\n',
            'metrics.trellis': 'metric star { north-star }\nmetric churn\n',
        });
        expect(ws.withCode('overloaded-team')).toHaveLength(0);
        // Half-typed: the block of `b` is not closed yet.
        await ws.edit('bets.trellis', 'pillar p { target 100% }\nbet a { pillar p owner platform 70% during 2027-Q1 }\nbet b { pillar p owner platform 40% during 2027-Q1\n');
        expect(seen(ws, 'syntax-error')).toEqual([
            { file: 'bets.trellis', line: 3, at: '', severity: ERROR, message: "Expecting '}' but found the end of the file." },
        ]);
        expect(seen(ws, 'overloaded-team')).toEqual([{
            file: 'teams.trellis', line: 1, at: 'platform', severity: WARNING,
            message: "Team 'platform' is at 110% of capacity in 2027-Q1 (a 70%, b 40%); max-load is 100%",
        }]);
        expect(messages(ws, 'orphan-metric', 'metrics.trellis')).toEqual([
            "Metric 'churn' is moved by no goal, expected by no bet and drives no other metric: link it or remove it",
        ]);
        // A syntax error in the middle of a file.
        await ws.edit('bets.trellis', 'pillar p { target 100% }\nbet a { pillar p owner platform 70% during }\nbet b { pillar p owner platform 40% during 2027-Q1 }\n');
        expect(seen(ws, 'syntax-error').map(s => `${s.file}:${s.line} ${s.message}`)).toEqual([
            'bets.trellis:2 Expecting a period (2027-Q1, 2027-03 or 2027-03-15) but found `}`.',
        ]);
        expect(ws.withCode('orphan-metric', 'metrics.trellis')).toHaveLength(1);
        expect(ws.withCode('one-person-team')).toHaveLength(0);
    });

    test('cannot be switched off or allowed', async () => {
        const ws = await buildWorkspace({
            'policy.trellis': 'policy { check syntax-error off }\n',
            'plan.trellis': 'team t { capacity 3 allow syntax-error "wip" \n  type }\n',
        });
        expect(seen(ws, 'syntax-error').map(s => `${s.file} ${s.severity}`)).toEqual(['plan.trellis 1']);
        expect(messages(ws, 'invalid-value')).toEqual([
            "'syntax-error' is always an error and cannot be switched",
            "'syntax-error' cannot be allowed: fix the text instead",
        ]);
    });
});

describe('unresolved-reference', () => {
    test('is an error at a name that no element defines', async () => {
        const ws = await buildPlan('pillar p { target 100% }\nbet b { pillar p owner nobody 50% depends-on ghost }\n');
        expect(seen(ws, 'unresolved-reference')).toEqual([
            { file: 'plan.trellis', line: 2, at: 'nobody', severity: ERROR, message: "No team named 'nobody' in the workspace" },
            { file: 'plan.trellis', line: 2, at: 'ghost', severity: ERROR, message: "No bet or team named 'ghost' in the workspace" },
        ]);
    });

    test('says what the name is when it is an element of the wrong kind', async () => {
        const ws = await buildPlan('team platform { capacity 3 }\nmetric m { north-star }\nbet b { goal platform owner platform 50% expects platform }\ngoal g { moves m pillar m }\n');
        expect(seen(ws, 'unresolved-reference').map(s => `${s.line} ${s.at}: ${s.message}`)).toEqual([
            "3 platform: 'platform' is a team, not a goal",
            "3 platform: 'platform' is a team, not a metric",
            "4 m: 'm' is a metric, not a pillar",
        ]);
    });

    test('names are case-sensitive', async () => {
        const ws = await buildPlan('team Platform { capacity 3 }\npillar p { target 100% }\nbet b { pillar p owner platform 50% }\n');
        expect(messages(ws, 'unresolved-reference')).toEqual(["No team named 'platform' in the workspace"]);
    });

    test('resolves names across files, and follows edits in the file that defines them', async () => {
        const ws = await buildWorkspace({
            'bets.trellis': 'pillar p { target 100% }\nbet b { pillar p owner platform 50% }\n',
            'teams.trellis': 'team platform { capacity 3 }\n',
        });
        expect(ws.withCode('unresolved-reference')).toHaveLength(0);
        await ws.edit('teams.trellis', 'team core { capacity 3 }\n');
        expect(seen(ws, 'unresolved-reference')).toEqual([
            { file: 'bets.trellis', line: 2, at: 'platform', severity: ERROR, message: "No team named 'platform' in the workspace" },
        ]);
        await ws.edit('teams.trellis', 'team core { capacity 3 }\nteam platform { capacity 3 }\n');
        expect(ws.withCode('unresolved-reference')).toHaveLength(0);
    });

    test('cannot be switched off or allowed', async () => {
        const ws = await buildPlan(`policy { check unresolved-reference warning }
pillar p { target 100% }
bet b { pillar p owner nobody 50% allow unresolved-reference "coming soon" }
`);
        expect(seen(ws, 'unresolved-reference').map(s => `${s.at} ${s.severity}`)).toEqual(['nobody 1']);
        expect(messages(ws, 'invalid-value')).toEqual([
            "'unresolved-reference' is always an error and cannot be switched",
            "'unresolved-reference' cannot be allowed: fix the text instead",
        ]);
    });
});

describe('codes on every diagnostic', () => {
    test('a messy workspace reports nothing without one of the spec\'s codes', async () => {
        const ws = await buildWorkspace({
            'a.trellis': 'team t { capacity }\nteam t { capacity 0 capacity 2 }\nbet b { owner nobody 150% during 2027-Q3 .. 2027-Q1 depends-on b }\n@',
            'b.trellis': 'policy { check overload off max-load 90 }\nmetric m1 { drives m2 } metric m2 { drives m1 }\ngoal g { pillar p }\npillar p { target 40% }\nbet',
        });
        const all = ws.diagnostics();
        expect(all.length).toBeGreaterThan(10);
        for (const d of all) expect(allCodes).toContain(d.code);
    });
});
