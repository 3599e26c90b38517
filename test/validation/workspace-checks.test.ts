// Checks over the whole workspace that are not about capacity, dependencies, metrics or
// strategy: names defined twice anywhere, and policy blocks spread over several files.

import { describe, expect, test } from 'vitest';
import { buildPlan, buildWorkspace } from '../helpers.js';
import { ERROR, WARNING, messages, seen } from './findings.js';

describe('duplicate-name', () => {
    test('is an error at both definitions, naming where each one is', async () => {
        const ws = await buildWorkspace({
            'a.trellis': 'team platform { capacity 3 }\n',
            'b.trellis': 'pillar p { target 100% }\nbet platform { pillar p owner platform 50% }\n',
        });
        expect(seen(ws, 'duplicate-name')).toEqual([
            {
                file: 'a.trellis', line: 1, at: 'platform', severity: ERROR,
                message: "'platform' is defined 2 times (team in a.trellis:1, bet in b.trellis:2); names are global across the workspace — rename the others",
            },
            {
                file: 'b.trellis', line: 2, at: 'platform', severity: ERROR,
                message: "'platform' is defined 2 times (team in a.trellis:1, bet in b.trellis:2); names are global across the workspace — rename this one",
            },
        ]);
    });

    test('does not fire for names that differ only in case, or for distinct names', async () => {
        const ws = await buildPlan('team platform { capacity 3 }\nteam Platform { capacity 3 }\nteam données { capacity 3 }\n');
        expect(ws.withCode('duplicate-name')).toHaveLength(0);
    });

    test('adding a definition in one file marks the untouched file, removing it clears both', async () => {
        const ws = await buildWorkspace({
            'a.trellis': 'metric activation { north-star }\n',
            'b.trellis': 'team core { capacity 3 }\n',
        });
        expect(ws.withCode('duplicate-name')).toHaveLength(0);
        await ws.edit('b.trellis', 'team core { capacity 3 }\ngoal activation { moves activation }\n');
        expect(seen(ws, 'duplicate-name').map(s => `${s.file}:${s.line} ${s.at}`)).toEqual(['a.trellis:1 activation', 'b.trellis:2 activation']);
        await ws.edit('b.trellis', 'team core { capacity 3 }\n');
        expect(ws.withCode('duplicate-name')).toHaveLength(0);
    });

    test('counts every definition in the same file too', async () => {
        const ws = await buildPlan('team t { capacity 3 }\nteam t { capacity 4 }\nteam t { capacity 5 }\n');
        expect(messages(ws, 'duplicate-name')).toEqual([
            "'t' is defined 3 times (team in plan.trellis:1, team in plan.trellis:2, team in plan.trellis:3); names are global across the workspace — rename the others",
            "'t' is defined 3 times (team in plan.trellis:1, team in plan.trellis:2, team in plan.trellis:3); names are global across the workspace — rename this one",
            "'t' is defined 3 times (team in plan.trellis:1, team in plan.trellis:2, team in plan.trellis:3); names are global across the workspace — rename this one",
        ]);
    });
});

describe('policy blocks across files', () => {
    const teams = 'team platform { capacity 8 }\npillar p { target 100% }\n';
    const busy = `bet a { pillar p owner platform 25% during 2027-Q1 }
bet b { pillar p owner platform 25% during 2027-Q1 }
bet c { pillar p owner platform 40% during 2027-Q1 }
bet d { pillar p owner platform 35% during 2027-Q1 }
`;

    test('settings from several blocks and files all apply', async () => {
        const ws = await buildWorkspace({
            'load.trellis': 'policy { max-load 120% }\n',
            'wip.trellis': 'policy { max-wip 4 }\npolicy { check overloaded-team error }\n',
            'plan.trellis': teams + busy,
        });
        expect(seen(ws, 'overloaded-team').map(s => `${s.severity} ${s.message}`)).toEqual([
            `${ERROR} Team 'platform' is at 125% of capacity in 2027-Q1 (a 25%, b 25%, c 40%, d 35%); max-load is 120%`,
        ]);
        expect(ws.withCode('too-much-wip')).toHaveLength(0);
    });

    test('a setting repeated in another block is an error there, and the first one counts', async () => {
        const ws = await buildWorkspace({
            'a.trellis': 'policy { max-load 110% check too-much-wip error }\n',
            'b.trellis': 'policy {\n  max-load 130%\n  check too-much-wip hint\n}\n',
            'plan.trellis': teams + busy,
        });
        expect(seen(ws, 'invalid-value')).toEqual([
            { file: 'b.trellis', line: 2, at: 'max-load 130%', severity: ERROR, message: "'max-load' is already set in another policy block; the first one counts" },
            { file: 'b.trellis', line: 3, at: 'check too-much-wip hint', severity: ERROR, message: "'check too-much-wip' is already set in another policy block; the first one counts" },
        ]);
        expect(messages(ws, 'overloaded-team')).toEqual([
            "Team 'platform' is at 125% of capacity in 2027-Q1 (a 25%, b 25%, c 40%, d 35%); max-load is 110%",
        ]);
        expect(seen(ws, 'too-much-wip').map(s => s.severity)).toEqual([ERROR]);
    });

    test('changing the policy file re-judges findings in every other file', async () => {
        const ws = await buildWorkspace({
            'policy.trellis': '',
            'plan.trellis': teams + busy + 'bet e { pillar p }\n',
        });
        expect(seen(ws, 'overloaded-team').map(s => s.severity)).toEqual([WARNING]);
        expect(seen(ws, 'missing-owner').map(s => s.severity)).toEqual([ERROR]);
        await ws.edit('policy.trellis', 'policy { max-load 125% check missing-owner warning }\n');
        expect(ws.withCode('overloaded-team')).toHaveLength(0);
        expect(seen(ws, 'missing-owner').map(s => `${s.at} ${s.severity}`)).toEqual([`e ${WARNING}`]);
        await ws.edit('policy.trellis', 'policy { max-load 120% check missing-owner off check overloaded-team error }\n');
        expect(ws.withCode('missing-owner')).toHaveLength(0);
        expect(seen(ws, 'overloaded-team').map(s => `${s.file} ${s.severity} ${s.message}`)).toEqual([
            `plan.trellis ${ERROR} Team 'platform' is at 125% of capacity in 2027-Q1 (a 25%, b 25%, c 40%, d 35%); max-load is 120%`,
        ]);
    });
});
