// Capacity checks: load above max-load, WIP above max-wip, focus split into slivers, and
// one-person teams that own work. They are workspace-wide: bets in one file load a team
// defined in another, and the finding sits on the team.

import { describe, expect, test } from 'vitest';
import { buildPlan, buildWorkspace, rangeText } from '../helpers.js';
import { INFO, WARNING, messages, seen } from './findings.js';

const teams = `
team platform "Platform" { capacity 8 }
`;

describe('overloaded-team', () => {
    test('fires on the team, in its own file, naming the quarter, the bets and their shares', async () => {
        const ws = await buildWorkspace({
            'teams.trellis': teams,
            'bets.trellis': `
bet sso-v2 { pillar p owner platform 50% during 2027-Q1 }
bet guided-setup { pillar p owner platform 20% during 2027-Q1 }
bet billing { pillar p owner platform 60% during 2027-Q1 }
pillar p { target 100% }
`,
        });
        const found = ws.withCode('overloaded-team');
        expect(found).toHaveLength(1);
        expect(found[0].message).toBe("Team 'platform' is at 130% of capacity in 2027-Q1 (sso-v2 50%, guided-setup 20%, billing 60%); max-load is 100%");
        expect(found[0].severity).toBe(WARNING);
        expect(ws.withCode('overloaded-team', 'teams.trellis')).toHaveLength(1);
        expect(rangeText(ws.documents.get('teams.trellis')!, found[0])).toBe('platform');
    });

    test('does not fire at exactly max-load', async () => {
        const ws = await buildWorkspace({
            'teams.trellis': teams,
            'bets.trellis': `
bet a { pillar p owner platform 50% during 2027-Q1 }
bet b { pillar p owner platform 50% during 2027-Q1 }
pillar p { target 100% }
`,
        });
        expect(ws.withCode('overloaded-team')).toHaveLength(0);
    });

    test('raising an allocation in one file updates the warning on the team in another file', async () => {
        const ws = await buildWorkspace({
            'teams.trellis': teams,
            'bets.trellis': 'pillar p { target 100% }\nbet a { pillar p owner platform 50% during 2027-Q1 }\n',
        });
        expect(ws.withCode('overloaded-team', 'teams.trellis')).toHaveLength(0);
        await ws.edit('bets.trellis', 'pillar p { target 100% }\nbet a { pillar p owner platform 70% during 2027-Q1 }\nbet b { pillar p owner platform 40% during 2027-Q1 }\n');
        expect(ws.withCode('overloaded-team', 'teams.trellis').map(d => d.message)).toEqual([
            "Team 'platform' is at 110% of capacity in 2027-Q1 (a 70%, b 40%); max-load is 100%",
        ]);
        await ws.edit('bets.trellis', 'pillar p { target 100% }\nbet a { pillar p owner platform 70% during 2027-Q1 }\n');
        expect(ws.withCode('overloaded-team', 'teams.trellis')).toHaveLength(0);
    });

    test('is reported once per team, at its worst quarter, with the other overloaded quarters', async () => {
        const ws = await buildPlan(`${teams}
pillar p { target 100% }
bet a { pillar p owner platform 80% during 2027-Q1 .. 2027-Q2 }
bet b { pillar p owner platform 30% during 2027-Q1 }
bet c { pillar p owner platform 25% during 2027-Q2 .. 2027-Q3 }
bet d { pillar p owner platform 90% during 2027-Q3 }
`);
        expect(messages(ws, 'overloaded-team')).toEqual([
            "Team 'platform' is at 115% of capacity in 2027-Q3 (c 25%, d 90%); max-load is 100%; also in 2027-Q1 (110%), 2027-Q2 (105%)",
        ]);
    });

    test('counts support allocations, and only the bets active in that quarter', async () => {
        const ws = await buildPlan(`${teams}
team web { capacity 4 }
pillar p { target 100% }
bet a { pillar p owner web 50% support platform 60% during 2027-Q1 }
bet b { pillar p owner platform 50% during 2027-Q1 }
bet c { pillar p owner platform 90% during 2027-Q2 }
bet d { pillar p owner platform 90% during 2027-Q1 stage done }
bet e { pillar p owner platform 90% during 2027-Q1 stage dropped }
`);
        expect(seen(ws, 'overloaded-team')).toEqual([{
            file: 'plan.trellis', line: 2, at: 'platform', severity: WARNING,
            message: "Team 'platform' is at 110% of capacity in 2027-Q1 (a 60%, b 50%); max-load is 100%",
        }]);
    });

    test('a month or a date counts in the quarter it falls in', async () => {
        const ws = await buildPlan(`${teams}
pillar p { target 100% }
bet b { pillar p owner platform 50% during 2027-02 .. 2027-04 }
bet c { pillar p owner platform 60% during 2027-05-15 }
bet d { pillar p owner platform 60% during 2027-01-03 .. 2027-03-31 }
`);
        expect(messages(ws, 'overloaded-team')).toEqual([
            "Team 'platform' is at 110% of capacity in 2027-Q1 (b 50%, d 60%); max-load is 100%; also in 2027-Q2 (110%)",
        ]);
    });

    test('a bet without during loads every quarter of the plan window, which every file extends', async () => {
        const ws = await buildWorkspace({
            'teams.trellis': teams,
            'bets.trellis': `
pillar p { target 100% }
bet always { pillar p owner platform 60% }
bet early { pillar p owner platform 50% during 2027-Q1 }
`,
            'metrics.trellis': 'metric m { north-star target 10 by 2027-Q2 }\n',
        });
        expect(messages(ws, 'overloaded-team')).toEqual([
            "Team 'platform' is at 110% of capacity in 2027-Q1 (always 60%, early 50%); max-load is 100%",
        ]);
        // A bet in the last quarter of the window: `always` is active there too.
        await ws.edit('metrics.trellis', 'metric m { north-star target 10 by 2027-Q3 }\nbet late { pillar p owner platform 45% during 2027-Q3 }\n');
        expect(messages(ws, 'overloaded-team', 'teams.trellis')).toEqual([
            "Team 'platform' is at 110% of capacity in 2027-Q1 (always 60%, early 50%); max-load is 100%; also in 2027-Q3 (105%)",
        ]);
    });

    test('with no period anywhere, bets without during are active in the current quarter', async () => {
        const plan = `${teams}
pillar p { target 100% }
bet a { pillar p owner platform 60% }
bet b { pillar p owner platform 50% }
`;
        expect(messages(await buildPlan(plan, { today: '2027-01-15' }), 'overloaded-team')).toEqual([
            "Team 'platform' is at 110% of capacity in 2027-Q1 (a 60%, b 50%); max-load is 100%",
        ]);
        expect(messages(await buildPlan(plan, { today: '2027-05-02' }), 'overloaded-team')).toEqual([
            "Team 'platform' is at 110% of capacity in 2027-Q2 (a 60%, b 50%); max-load is 100%",
        ]);
    });

    test('policy max-load 120% raises the threshold, from any file', async () => {
        const bets = (share: number) => `
pillar p { target 100% }
bet a { pillar p owner platform 70% during 2027-Q1 }
bet b { pillar p owner platform ${share}% during 2027-Q1 }
`;
        const ws = await buildWorkspace({ 'policy.trellis': 'policy { max-load 120% }\n', 'teams.trellis': teams, 'bets.trellis': bets(50) });
        expect(ws.withCode('overloaded-team')).toHaveLength(0);
        await ws.edit('bets.trellis', bets(60));
        expect(seen(ws, 'overloaded-team')).toEqual([{
            file: 'teams.trellis', line: 2, at: 'platform', severity: WARNING,
            message: "Team 'platform' is at 130% of capacity in 2027-Q1 (a 70%, b 60%); max-load is 120%",
        }]);
        await ws.edit('policy.trellis', 'policy { max-load 130% }\n');
        expect(ws.withCode('overloaded-team')).toHaveLength(0);
        await ws.edit('policy.trellis', '');
        expect(messages(ws, 'overloaded-team', 'teams.trellis')).toEqual([
            "Team 'platform' is at 130% of capacity in 2027-Q1 (a 70%, b 60%); max-load is 100%",
        ]);
    });
});

describe('too-much-wip', () => {
    const plan = (bets: string, policy = '') => `${policy}${teams}
team web { capacity 4 }
pillar p { target 100% }
${bets}`;

    test('fires on the team when it carries more bets at once than max-wip (default 3)', async () => {
        const ws = await buildPlan(plan(`
bet a { pillar p owner platform 25% during 2027-Q1 }
bet b { pillar p owner platform 25% during 2027-Q1 }
bet c { pillar p owner web 50% support platform 25% during 2027-Q1 }
bet d { pillar p owner platform 25% during 2027-Q1 .. 2027-Q2 }
`));
        expect(seen(ws, 'too-much-wip')).toEqual([{
            file: 'plan.trellis', line: 2, at: 'platform', severity: WARNING,
            message: "Team 'platform' carries 4 bets at once in 2027-Q1 (a, b, c, d); max-wip is 3",
        }]);
    });

    test('does not fire at exactly max-wip, nor count done or dropped bets', async () => {
        const ws = await buildPlan(plan(`
bet a { pillar p owner platform 25% during 2027-Q1 }
bet b { pillar p owner platform 25% during 2027-Q1 }
bet c { pillar p owner platform 25% during 2027-Q1 }
bet d { pillar p owner platform 25% during 2027-Q1 stage done }
bet e { pillar p owner platform 25% during 2027-Q1 stage dropped }
bet f { pillar p owner platform 25% during 2027-Q2 }
`));
        expect(ws.withCode('too-much-wip')).toHaveLength(0);
    });

    test('a bet the team both owns and supports counts once', async () => {
        const ws = await buildPlan(plan(`
bet a { pillar p owner platform 25% support platform 5% during 2027-Q1 }
bet b { pillar p owner platform 25% during 2027-Q1 }
bet c { pillar p owner platform 25% during 2027-Q1 }
`));
        expect(ws.withCode('too-much-wip')).toHaveLength(0);
    });

    test('policy max-wip 2 makes three concurrent bets too many', async () => {
        const bets = `
bet a { pillar p owner platform 30% during 2027-Q1 }
bet b { pillar p owner platform 30% during 2027-Q1 .. 2027-Q2 }
bet c { pillar p owner platform 30% during 2027-Q2 }
bet d { pillar p owner platform 30% during 2027-Q2 }
`;
        expect((await buildPlan(plan(bets))).withCode('too-much-wip')).toHaveLength(0);
        const ws = await buildPlan(plan(bets, 'policy { max-wip 2 }\n'));
        expect(seen(ws, 'too-much-wip')).toEqual([{
            file: 'plan.trellis', line: 3, at: 'platform', severity: WARNING,
            message: "Team 'platform' carries 3 bets at once in 2027-Q2 (b, c, d); max-wip is 2",
        }]);
    });
});

describe('fragmented-allocation', () => {
    const plan = (bets: string, policy = '') => `${policy}${teams}
pillar p { target 100% }
${bets}`;

    test('fires when 3 or more of a team\'s allocations in a quarter are below min-slice (default 20%)', async () => {
        const ws = await buildPlan(plan(`
bet a { pillar p owner platform 10% during 2027-Q1 }
bet b { pillar p owner platform 15% during 2027-Q1 }
bet c { pillar p owner platform 5% during 2027-Q1 }
`));
        expect(seen(ws, 'fragmented-allocation')).toEqual([{
            file: 'plan.trellis', line: 2, at: 'platform', severity: WARNING,
            message: "Team 'platform' has 3 allocations below min-slice 20% in 2027-Q1 (a 10%, b 15%, c 5%): the percentages add up, the focus does not",
        }]);
    });

    test('does not fire for two slivers, nor for allocations of exactly min-slice', async () => {
        const ws = await buildPlan(plan(`
bet a { pillar p owner platform 10% during 2027-Q1 }
bet b { pillar p owner platform 15% during 2027-Q1 }
bet c { pillar p owner platform 20% during 2027-Q1 }
bet d { pillar p owner platform 5% during 2027-Q2 }
`));
        expect(ws.withCode('fragmented-allocation')).toHaveLength(0);
    });

    test('policy min-slice changes what counts as a sliver', async () => {
        const bets = `
bet a { pillar p owner platform 25% during 2027-Q1 }
bet b { pillar p owner platform 25% during 2027-Q1 }
bet c { pillar p owner platform 25% during 2027-Q1 }
`;
        expect((await buildPlan(plan(bets))).withCode('fragmented-allocation')).toHaveLength(0);
        expect(messages(await buildPlan(plan(bets, 'policy { min-slice 30% }\n')), 'fragmented-allocation')).toEqual([
            "Team 'platform' has 3 allocations below min-slice 30% in 2027-Q1 (a 25%, b 25%, c 25%): the percentages add up, the focus does not",
        ]);
        const slivers = `
bet a { pillar p owner platform 10% during 2027-Q1 }
bet b { pillar p owner platform 15% during 2027-Q1 }
bet c { pillar p owner platform 5% during 2027-Q1 }
`;
        expect((await buildPlan(plan(slivers, 'policy { min-slice 10% }\n'))).withCode('fragmented-allocation')).toHaveLength(0);
    });
});

describe('one-person-team', () => {
    test('fires, as info, on a team of capacity below 2 that owns an active bet', async () => {
        const ws = await buildWorkspace({
            'teams.trellis': 'team solo "Solo" { capacity 1 }\n',
            'bets.trellis': 'pillar p { target 100% }\nbet a { pillar p owner solo 50% during 2027-Q1 }\n',
        });
        expect(seen(ws, 'one-person-team')).toEqual([{
            file: 'teams.trellis', line: 1, at: 'solo', severity: INFO,
            message: "Team 'solo' has capacity 1 and owns active bet a: one absence stops it",
        }]);
    });

    test('names every active bet it owns', async () => {
        const ws = await buildPlan(`
team duo { capacity 1.5 }
pillar p { target 100% }
bet a { pillar p owner duo 40% during 2027-Q1 }
bet b { pillar p owner duo 40% during 2027-Q2 }
bet c { pillar p owner duo 40% during 2027-Q1 stage done }
`);
        expect(messages(ws, 'one-person-team')).toEqual([
            "Team 'duo' has capacity 1.5 and owns 2 active bets a, b: one absence stops them",
        ]);
    });

    test('does not fire for a team of 2, a team that only supports, or one whose bets are done or dropped', async () => {
        const ws = await buildPlan(`
team pair { capacity 2 }
team helper { capacity 1 }
team retired { capacity 1 }
pillar p { target 100% }
bet a { pillar p owner pair 40% support helper 50% during 2027-Q1 }
bet b { pillar p owner retired 40% during 2027-Q1 stage done }
bet c { pillar p owner retired 40% during 2027-Q1 stage dropped }
`);
        expect(ws.withCode('one-person-team')).toHaveLength(0);
    });

    test('appears on the team when a bet it owns in another file becomes active', async () => {
        const ws = await buildWorkspace({
            'teams.trellis': 'team solo { capacity 1 }\n',
            'bets.trellis': 'pillar p { target 100% }\nbet a { pillar p owner solo 50% during 2027-Q1 stage done }\n',
        });
        expect(ws.withCode('one-person-team')).toHaveLength(0);
        await ws.edit('bets.trellis', 'pillar p { target 100% }\nbet a { pillar p owner solo 50% during 2027-Q1 stage commit }\n');
        expect(messages(ws, 'one-person-team', 'teams.trellis')).toEqual([
            "Team 'solo' has capacity 1 and owns active bet a: one absence stops it",
        ]);
    });
});
