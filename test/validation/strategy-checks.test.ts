// Strategy checks: goals with no metric or no work behind them, pillar targets that do not
// add up, and pillars whose actual share of planned person-quarters drifts from the target.

import { describe, expect, test } from 'vitest';
import { buildPlan, buildWorkspace } from '../helpers.js';
import { WARNING, messages, seen } from './findings.js';

describe('unlinked-goal', () => {
    test('fires on a goal that moves no metric', async () => {
        const ws = await buildPlan(`
team t { capacity 4 }
pillar p { target 100% }
goal g "Faster activation" { pillar p }
bet b { owner t 50% goal g }
`);
        expect(seen(ws, 'unlinked-goal')).toEqual([{
            file: 'plan.trellis', line: 4, at: 'g', severity: WARNING,
            message: "Goal 'g' moves no metric: say which metric shows it is reached with `moves METRIC`",
        }]);
    });

    test('fires on a goal that no active bet serves, naming the inactive ones and the metrics that will not move', async () => {
        const ws = await buildPlan(`
team t { capacity 4 }
pillar p { target 100% }
metric activation { north-star }
goal g { pillar p moves activation }
bet old { owner t 50% goal g stage dropped }
bet shipped { owner t 50% goal g stage done }
`);
        expect(seen(ws, 'unlinked-goal')).toEqual([{
            file: 'plan.trellis', line: 5, at: 'g', severity: WARNING,
            message: "Goal 'g' is served by no active bet (only old (dropped), shipped (done)): nothing in the plan works towards it, so activation will not move",
        }]);
    });

    test('a goal with neither gets one finding naming both gaps', async () => {
        const ws = await buildPlan('pillar p { target 100% }\ngoal g { pillar p }\n');
        expect(messages(ws, 'unlinked-goal')).toEqual([
            "Goal 'g' moves no metric and is served by no active bet: say which metric shows it is reached with `moves METRIC`, and give it the work that reaches it",
        ]);
    });

    test('does not fire for a goal that moves a metric and an active bet serves (with or without during)', async () => {
        const ws = await buildPlan(`
team t { capacity 4 }
pillar p { target 100% }
metric m { north-star }
goal g1 { pillar p moves m }
goal g2 { pillar p moves m }
bet a { owner t 20% goal g1 during 2027-Q1 }
bet b { owner t 20% goal g2 stage scale }
`);
        expect(ws.withCode('unlinked-goal')).toHaveLength(0);
    });

    test('follows bets in other files: dropping the only bet brings the warning back on the goal', async () => {
        const ws = await buildWorkspace({
            'goals.trellis': 'metric m { north-star }\ngoal g { moves m }\n',
            'bets.trellis': 'team t { capacity 4 }\nbet b { owner t 20% goal g stage commit }\n',
        });
        expect(ws.withCode('unlinked-goal')).toHaveLength(0);
        await ws.edit('bets.trellis', 'team t { capacity 4 }\nbet b { owner t 20% goal g stage dropped }\n');
        expect(seen(ws, 'unlinked-goal')).toEqual([{
            file: 'goals.trellis', line: 2, at: 'g', severity: WARNING,
            message: "Goal 'g' is served by no active bet (only b (dropped)): nothing in the plan works towards it, so m will not move",
        }]);
    });
});

describe('pillar-targets', () => {
    test('fires on each pillar, at its target, when the targets do not add up to 100%', async () => {
        const ws = await buildWorkspace({
            'a.trellis': 'pillar growth { target 60% }\n',
            'b.trellis': 'pillar foundations "Keep the lights on" { target 30% }\n',
        });
        const message = 'Pillar targets add up to 90%, not 100% (growth 60%, foundations 30%)';
        expect(seen(ws, 'pillar-targets')).toEqual([
            { file: 'a.trellis', line: 1, at: 'target 60%', severity: WARNING, message },
            { file: 'b.trellis', line: 1, at: 'target 30%', severity: WARNING, message },
        ]);
    });

    test('a pillar without a target is named, at the pillar\'s name', async () => {
        const ws = await buildPlan('pillar a { target 60% }\npillar b { target 40% }\npillar c\n');
        const message = "Pillar 'c' has no target while the other targets add up to 100% (a 60%, b 40%, c no target)";
        expect(seen(ws, 'pillar-targets')).toEqual([
            { file: 'plan.trellis', line: 1, at: 'target 60%', severity: WARNING, message },
            { file: 'plan.trellis', line: 2, at: 'target 40%', severity: WARNING, message },
            { file: 'plan.trellis', line: 3, at: 'c', severity: WARNING, message },
        ]);
    });

    test('does not fire when the targets add up to 100%, decimals included, or without pillars', async () => {
        expect((await buildPlan('pillar a { target 33.3% }\npillar b { target 33.3% }\npillar c { target 33.4% }\n')).withCode('pillar-targets')).toHaveLength(0);
        expect((await buildPlan('team t { capacity 3 }\n')).withCode('pillar-targets')).toHaveLength(0);
    });

    test('an edit in one file updates the finding on a pillar in another', async () => {
        const ws = await buildWorkspace({
            'a.trellis': 'pillar growth { target 60% }\n',
            'b.trellis': 'pillar foundations { target 40% }\n',
        });
        expect(ws.withCode('pillar-targets')).toHaveLength(0);
        await ws.edit('b.trellis', 'pillar foundations { target 45% }\n');
        expect(messages(ws, 'pillar-targets', 'a.trellis')).toEqual(['Pillar targets add up to 105%, not 100% (growth 60%, foundations 45%)']);
    });
});

describe('pillar-drift', () => {
    // Person-quarters: share × team capacity × active quarters. Here growth gets 50% × 10 × 1 = 5,
    // foundations 50% × 10 × 2 + 25% × 10 × 2 = 15: 25% against 75%.
    const drifting = `
team t { capacity 10 }
team u { capacity 10 }
pillar growth { target 60% }
pillar foundations { target 40% }
bet a { owner t 50% pillar growth during 2027-Q1 }
bet b { owner u 50% support t 25% pillar foundations during 2027-Q1 .. 2027-Q2 }
`;

    test('fires on each pillar whose actual share of person-quarters is off its target by more than 10 points', async () => {
        const ws = await buildPlan(drifting);
        expect(seen(ws, 'pillar-drift')).toEqual([
            {
                file: 'plan.trellis', line: 4, at: 'target 60%', severity: WARNING,
                message: "Pillar 'growth' gets 25% of planned person-quarters against a target of 60% (35 points under; pillar-tolerance is 10%); its bets: a",
            },
            {
                file: 'plan.trellis', line: 5, at: 'target 40%', severity: WARNING,
                message: "Pillar 'foundations' gets 75% of planned person-quarters against a target of 40% (35 points over; pillar-tolerance is 10%); its bets: b",
            },
        ]);
    });

    test('does not fire within pillar-tolerance; policy pillar-tolerance widens it', async () => {
        const plan = (policy: string) => `${policy}
team t { capacity 10 }
team u { capacity 10 }
pillar growth { target 60% }
pillar foundations { target 40% }
bet a { owner t 45% pillar growth during 2027-Q1 }
bet b { owner u 55% pillar foundations during 2027-Q1 }
`;
        expect(messages(await buildPlan(plan('')), 'pillar-drift')).toEqual([
            "Pillar 'growth' gets 45% of planned person-quarters against a target of 60% (15 points under; pillar-tolerance is 10%); its bets: a",
            "Pillar 'foundations' gets 55% of planned person-quarters against a target of 40% (15 points over; pillar-tolerance is 10%); its bets: b",
        ]);
        expect((await buildPlan(plan('policy { pillar-tolerance 20% }'))).withCode('pillar-drift')).toHaveLength(0);
        expect((await buildPlan(plan('policy { pillar-tolerance 15% }'))).withCode('pillar-drift')).toHaveLength(0);
    });

    test('counts a bet towards its goal\'s pillar, and ignores done bets; a pillar with no active bet is at 0%', async () => {
        const ws = await buildPlan(`
team t { capacity 10 }
pillar growth { target 50% }
pillar foundations { target 50% }
pillar research { target 0% }
goal g { pillar foundations }
bet a { owner t 50% pillar growth during 2027-Q1 }
bet b { owner t 50% goal g during 2027-Q1 }
bet c { owner t 90% pillar research during 2027-Q1 stage done }
`);
        expect(ws.withCode('pillar-drift')).toHaveLength(0);
        const skewed = await buildPlan(`
team t { capacity 10 }
pillar growth { target 50% }
pillar foundations { target 50% }
bet a { owner t 50% pillar growth during 2027-Q1 }
bet c { owner t 90% pillar foundations during 2027-Q1 stage done }
`);
        expect(messages(skewed, 'pillar-drift')).toEqual([
            "Pillar 'growth' gets 100% of planned person-quarters against a target of 50% (50 points over; pillar-tolerance is 10%); its bets: a",
            "Pillar 'foundations' gets 0% of planned person-quarters against a target of 50% (50 points under; pillar-tolerance is 10%); no active bet counts towards it",
        ]);
    });

    test('is judged only when the targets add up to 100%', async () => {
        const ws = await buildPlan(drifting.replace('target 40%', 'target 30%'));
        expect(ws.withCode('pillar-drift')).toHaveLength(0);
        expect(ws.withCode('pillar-targets')).toHaveLength(2);
    });

    test('a change of capacity in the teams file moves the drift on the pillars file', async () => {
        const ws = await buildWorkspace({
            'pillars.trellis': 'pillar growth { target 50% }\npillar foundations { target 50% }\n',
            'teams.trellis': 'team t { capacity 10 }\nteam u { capacity 10 }\n',
            'bets.trellis': 'bet a { owner t 50% pillar growth during 2027-Q1 }\nbet b { owner u 50% pillar foundations during 2027-Q1 }\n',
        });
        expect(ws.withCode('pillar-drift')).toHaveLength(0);
        await ws.edit('teams.trellis', 'team t { capacity 10 }\nteam u { capacity 30 }\n');
        expect(seen(ws, 'pillar-drift', 'pillars.trellis').map(s => `${s.line} ${s.message}`)).toEqual([
            "1 Pillar 'growth' gets 25% of planned person-quarters against a target of 50% (25 points under; pillar-tolerance is 10%); its bets: a",
            "2 Pillar 'foundations' gets 75% of planned person-quarters against a target of 50% (25 points over; pillar-tolerance is 10%); its bets: b",
        ]);
    });
});
