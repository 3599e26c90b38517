// The plan as a planner sees it, computed once per workspace build: team loads and WIP per
// quarter, which bets are active when, pillar shares in person-quarters, blast radius,
// dependency loops and why-chains up the metric tree.

import { describe, expect, test } from 'vitest';
import { quarterIndex, quarterLabel } from '../../language/model/periods.js';
import type { PlanModel, QuarterLoad, TeamFacts } from '../../language/model/plan-model.js';
import { buildWorkspace } from '../helpers.js';

async function modelOf(files: string | Record<string, string>, today = '2027-01-15'): Promise<PlanModel> {
    const ws = await buildWorkspace(typeof files === 'string' ? { 'plan.trellis': files } : files, { today });
    return ws.services.plan.PlanService.model;
}

const Q = (year: number, quarter: number) => quarterIndex(year, quarter);

/** `{ '2027-Q1': 110, ... }`: a team's load per quarter, as the capacity lens shows it. */
function loads(team: TeamFacts | undefined): Record<string, number> {
    const result: Record<string, number> = {};
    for (const [quarter, load] of [...(team?.loads ?? new Map<number, QuarterLoad>()).entries()].sort((a, b) => a[0] - b[0])) result[quarterLabel(quarter)] = load.load;
    return result;
}

/** `{ '2027-Q1': 2, ... }`: how many distinct bets a team works on per quarter. */
function wip(team: TeamFacts | undefined): Record<string, number> {
    const result: Record<string, number> = {};
    for (const [quarter, load] of [...(team?.loads ?? new Map<number, QuarterLoad>()).entries()].sort((a, b) => a[0] - b[0])) {
        result[quarterLabel(quarter)] = new Set(load.allocations.map(a => a.bet.name)).size;
    }
    return result;
}

function activeQuarters(model: PlanModel, bet: string): string[] {
    return (model.bets.get(bet)?.quarters ?? []).map(quarterLabel);
}

describe('loads and WIP per quarter', () => {
    const plan = `
team platform { capacity 8 }
team web { capacity 4 }
bet a { owner platform 50% support web 20% during 2027-Q1 .. 2027-Q2 }
bet b { owner web 30% support platform 25% during 2027-Q2 .. 2027-Q3 }
bet c { owner platform 10% support platform 5% during 2027-Q2 }
`;

    test('a team\'s load in a quarter sums its owner and support shares of the bets active then', async () => {
        const model = await modelOf(plan);
        expect(loads(model.teams.get('platform'))).toEqual({ '2027-Q1': 50, '2027-Q2': 90, '2027-Q3': 25 });
        expect(loads(model.teams.get('web'))).toEqual({ '2027-Q1': 20, '2027-Q2': 50, '2027-Q3': 30 });
    });

    test('WIP counts bets, once each, even when a team both owns and supports one', async () => {
        const model = await modelOf(plan);
        expect(wip(model.teams.get('platform'))).toEqual({ '2027-Q1': 1, '2027-Q2': 3, '2027-Q3': 1 });
        expect(model.teams.get('platform')!.loads.get(Q(2027, 2))!.allocations.map(a => `${a.bet.name} ${a.role} ${a.share}`))
            .toEqual(['a owner 50', 'b support 25', 'c owner 10', 'c support 5']);
    });

    test('the bets a team owns and supports', async () => {
        const model = await modelOf(plan);
        expect(model.teams.get('platform')!.owns.map(b => b.name)).toEqual(['a', 'c']);
        expect(model.teams.get('platform')!.supports.map(b => b.name)).toEqual(['b', 'c']);
    });

    test('bets in several files load the same team', async () => {
        const model = await modelOf({
            'teams.trellis': 'team platform { capacity 8 }',
            'one.trellis': 'bet a { owner platform 60% during 2027-Q1 }',
            'two.trellis': 'bet b { support platform 70% during 2027-Q1 }',
        });
        expect(loads(model.teams.get('platform'))).toEqual({ '2027-Q1': 130 });
    });
});

describe('which bets are active when', () => {
    test('a bet is active in every quarter of its during range, both ends included', async () => {
        const model = await modelOf('team t { capacity 2 }\nbet a { owner t 10% during 2027-Q2 .. 2028-Q1 }');
        expect(activeQuarters(model, 'a')).toEqual(['2027-Q2', '2027-Q3', '2027-Q4', '2028-Q1']);
    });

    test('months and dates count in the quarter they fall in', async () => {
        const model = await modelOf(`team t { capacity 2 }
bet month { owner t 10% during 2027-03 }
bet months { owner t 10% during 2027-03 .. 2027-04 }
bet dates { owner t 10% during 2027-02-15 .. 2027-07-01 }
bet mixed { owner t 10% during 2027-Q4 .. 2028-01-31 }
bet day { owner t 10% during 2027-12-31 }`);
        expect(activeQuarters(model, 'month')).toEqual(['2027-Q1']);
        expect(activeQuarters(model, 'months')).toEqual(['2027-Q1', '2027-Q2']);
        expect(activeQuarters(model, 'dates')).toEqual(['2027-Q1', '2027-Q2', '2027-Q3']);
        expect(activeQuarters(model, 'mixed')).toEqual(['2027-Q4', '2028-Q1']);
        expect(activeQuarters(model, 'day')).toEqual(['2027-Q4']);
    });

    test('a bet without during is active over the plan window: earliest to latest period named anywhere', async () => {
        const model = await modelOf({
            'bets.trellis': 'team t { capacity 4 }\nbet always { owner t 20% }\nbet later { owner t 10% during 2027-Q3 review 2027-08-01 }',
            // Every kind of period counts towards the window: a metric target date and an allowance's until.
            'metrics.trellis': 'metric m { north-star target 10 by 2027-02 }\nmetric n { allow orphan-metric "kept for the board deck" until 2028-01-15 }',
        });
        expect(model.quarters.map(quarterLabel)).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4', '2028-Q1']);
        expect(activeQuarters(model, 'always')).toEqual(['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4', '2028-Q1']);
        expect(loads(model.teams.get('t'))).toEqual({ '2027-Q1': 20, '2027-Q2': 20, '2027-Q3': 30, '2027-Q4': 20, '2028-Q1': 20 });
    });

    test('with no period anywhere, a bet without during is active in the current quarter', async () => {
        const model = await modelOf('team t { capacity 4 }\nbet always { owner t 20% }', '2027-08-20');
        expect(model.quarters.map(quarterLabel)).toEqual(['2027-Q3']);
        expect(activeQuarters(model, 'always')).toEqual(['2027-Q3']);
    });

    test('done and dropped bets are inactive: no quarters, no load', async () => {
        const model = await modelOf(`team t { capacity 4 }
bet finished { owner t 60% stage done during 2027-Q1 }
bet abandoned { owner t 60% stage dropped }
bet going { owner t 30% stage scale during 2027-Q1 }`);
        expect(activeQuarters(model, 'finished')).toEqual([]);
        expect(activeQuarters(model, 'abandoned')).toEqual([]);
        expect(model.isActive(model.bets.get('finished')!)).toBe(false);
        expect(model.isActive(model.bets.get('going')!)).toBe(true);
        expect(loads(model.teams.get('t'))).toEqual({ '2027-Q1': 30 });
    });

    test('the stage defaults to explore', async () => {
        const model = await modelOf('bet b { during 2027-Q1 }');
        expect(model.bets.get('b')!.stage).toBe('explore');
    });
});

describe('pillar shares in person-quarters', () => {
    test('share × capacity × active quarters, over all active bets that have a pillar', async () => {
        const model = await modelOf(`
pillar growth { target 60% }
pillar run { target 40% }
goal g { pillar growth }
team big { capacity 10 }
team small { capacity 2 }
bet a { goal g owner big 50% during 2027-Q1 .. 2027-Q2 }           // 0.5 × 10 × 2 = 10
bet b { pillar run owner small 50% support big 10% during 2027-Q1 } // 0.5 × 2 + 0.1 × 10 = 2
bet c { pillar run goal g owner big 30% during 2027-Q2 }            // own pillar wins: 3 to run
bet no-pillar { owner big 40% during 2027-Q1 }                      // not counted anywhere
bet done { pillar growth owner big 100% stage done during 2027-Q1 } // inactive: not counted
`);
        expect(model.bets.get('a')!.pillar).toBe('growth');
        expect(model.bets.get('c')!.pillar).toBe('run');
        expect(model.pillars.get('growth')!.personQuarters).toBeCloseTo(10);
        expect(model.pillars.get('run')!.personQuarters).toBeCloseTo(5);
        expect(model.pillars.get('growth')!.actualShare).toBeCloseTo(66.667, 2);
        expect(model.pillars.get('run')!.actualShare).toBeCloseTo(33.333, 2);
        expect(model.pillars.get('growth')!.bets.map(b => b.name)).toEqual(['a']);
        expect(model.pillarTargets).toEqual({ sum: 100, complete: true });
    });

    test('a bet without during counts every quarter of the plan window', async () => {
        const model = await modelOf(`
pillar a { target 50% }
pillar b { target 50% }
team t { capacity 4 }
bet ongoing { pillar a owner t 25% }
bet once { pillar b owner t 25% during 2027-Q1 .. 2027-Q4 }
bet short { pillar b owner t 25% during 2027-Q2 }
`);
        // ongoing: 0.25 × 4 × 4 = 4; once: 4; short: 1.
        expect(model.pillars.get('a')!.personQuarters).toBeCloseTo(4);
        expect(model.pillars.get('b')!.personQuarters).toBeCloseTo(5);
        expect(model.pillars.get('a')!.actualShare).toBeCloseTo(44.444, 2);
    });

    test('targets that do not add up, or a pillar without one, are known as such', async () => {
        expect((await modelOf('pillar a { target 40% }\npillar b { target 35% }')).pillarTargets).toEqual({ sum: 75, complete: true });
        expect((await modelOf('pillar a { target 40% }\npillar b')).pillarTargets).toEqual({ sum: 40, complete: false });
    });
});

describe('dependencies and blast radius', () => {
    const plan = `
team identity { capacity 6 }
team web { capacity 6 depends-on identity }
team mobile { capacity 4 depends-on web }
bet sso { owner identity 50% depends-on identity }
bet login { owner web 50% depends-on sso }
bet profile { owner web 20% depends-on login }
bet app { owner mobile 50% depends-on mobile }
bet old { owner web 10% stage done depends-on sso }
bet gone { owner web 10% stage dropped depends-on profile }
bet unrelated { owner web 10% }
`;

    test('dependents are everything that depends on an element, directly or through a chain, never itself', async () => {
        const model = await modelOf(plan);
        expect([...model.allDependents('identity')].sort()).toEqual(['app', 'gone', 'login', 'mobile', 'old', 'profile', 'sso', 'web']);
        expect([...model.allDependents('sso')].sort()).toEqual(['gone', 'login', 'old', 'profile']);
        expect(model.directDependents('sso')).toEqual(['login', 'old']);
        expect([...model.allDependents('unrelated')]).toEqual([]);
    });

    test('the blast radius counts bets of any stage, not teams', async () => {
        const model = await modelOf(plan);
        // identity: sso, login, profile, old, gone (through sso) and app (through web -> mobile), not web or mobile.
        expect(model.blastRadius('identity')).toBe(6);
        expect(model.blastRadius('sso')).toBe(4);
        expect(model.blastRadius('web')).toBe(1);
        expect(model.blastRadius('profile')).toBe(1);
        expect(model.blastRadius('unrelated')).toBe(0);
    });

    test('a self-dependency is not a dependent and not a loop', async () => {
        const model = await modelOf(plan);
        expect(model.allDependents('sso').has('sso')).toBe(false);
        expect(model.dependencyCycle('sso')).toBeUndefined();
        expect(model.dependencyCycles()).toEqual([]);
    });

    test('a dependency loop is found for every element on it, as a closed path starting there', async () => {
        const model = await modelOf(`
team a { depends-on c }
team c { depends-on a }
bet x { depends-on y }
bet y { depends-on z }
bet z { depends-on x, outside }
bet outside { depends-on nothing }
bet tail { depends-on x }
`);
        expect(model.dependencyCycle('x')).toEqual(['x', 'y', 'z', 'x']);
        expect(model.dependencyCycle('y')).toEqual(['y', 'z', 'x', 'y']);
        expect(model.dependencyCycle('z')).toEqual(['z', 'x', 'y', 'z']);
        expect(model.dependencyCycle('a')).toEqual(['a', 'c', 'a']);
        expect(model.dependencyCycle('tail')).toBeUndefined();
        expect(model.dependencyCycle('outside')).toBeUndefined();
        expect(model.dependencyCycles().map(c => c.slice(0, -1).sort().join(','))).toEqual(expect.arrayContaining(['x,y,z', 'a,c']));
        expect(model.dependencyCycles()).toHaveLength(2);
        // Everything on a loop depends on everything else on it; the radius of each is the loop's other bets and what hangs off them.
        expect(model.blastRadius('x')).toBe(3);
    });

    test('loops across files are found the same way', async () => {
        const model = await modelOf({ 'a.trellis': 'bet p { depends-on q }', 'b.trellis': 'bet q { depends-on p }' });
        expect(model.dependencyCycle('p')).toEqual(['p', 'q', 'p']);
    });
});

describe('metric tree and why-chains', () => {
    const plan = `
metric star { north-star }
metric revenue { drives star }
metric activation { drives revenue }
metric setup-time { drives activation }
metric retention { drives star }
metric guardrail
goal fast-setup { moves setup-time, retention }
goal cheaper { moves guardrail }
bet wizard { goal fast-setup }
bet lone { expects activation +3 }
bet nothing
bet cost { goal cheaper }
`;

    test('a bet\'s why-chain runs bet → goal → metric moved → the metrics it drives → … → north star', async () => {
        const model = await modelOf(plan);
        expect(model.whyChains('wizard')).toEqual([
            ['wizard', 'fast-setup', 'setup-time', 'activation', 'revenue', 'star'],
            ['wizard', 'fast-setup', 'retention', 'star'],
        ]);
    });

    test('without a goal, the chain starts from the metrics the bet expects', async () => {
        const model = await modelOf(plan);
        expect(model.whyChains('lone')).toEqual([['lone', 'activation', 'revenue', 'star']]);
    });

    test('a chain stops at a metric that drives nothing; a bet linked to nothing is its own chain', async () => {
        const model = await modelOf(plan);
        expect(model.whyChains('cost')).toEqual([['cost', 'cheaper', 'guardrail']]);
        expect(model.whyChains('nothing')).toEqual([['nothing']]);
    });

    test('a metric loop does not make the chain endless', async () => {
        const model = await modelOf('metric a { drives b }\nmetric b { drives a }\ngoal g { moves a }\nbet x { goal g }');
        const chains = model.whyChains('x');
        expect(chains.length).toBeGreaterThan(0);
        for (const chain of chains) expect(chain.length).toBeLessThanOrEqual(4);
        expect(model.metricCycle('a')).toEqual(['a', 'b', 'a']);
    });

    test('the tree knows who moves, expects and drives each metric', async () => {
        const model = await modelOf(plan);
        expect(model.metrics.get('star')!.drivenBy.sort()).toEqual(['retention', 'revenue']);
        expect(model.metrics.get('activation')!.expectedBy.map(b => b.name)).toEqual(['lone']);
        expect(model.metrics.get('setup-time')!.movedBy.map(g => g.name)).toEqual(['fast-setup']);
        expect(model.northStars().map(m => m.name)).toEqual(['star']);
        expect(model.goals.get('fast-setup')!.servedBy.map(b => b.name)).toEqual(['wizard']);
    });
});

describe('policy and duplicates', () => {
    test('policy thresholds are read from the policy block; the rest keep their defaults', async () => {
        const model = await modelOf('policy { max-load 120% max-wip 5 check orphan-bet off }');
        expect(model.policy).toMatchObject({ maxLoad: 120, maxWip: 5, maxBlastRadius: 8, pillarTolerance: 10, minSlice: 20 });
        expect(model.policy.levels.get('orphan-bet')).toBe('off');
    });

    test('the first definition of a duplicated name carries the facts', async () => {
        const model = await modelOf({ 'a.trellis': 'team t { capacity 3 }', 'b.trellis': 'team t { capacity 9 }' });
        expect(model.teams.get('t')!.capacity).toBe(3);
        expect(model.definitions.get('t')).toHaveLength(2);
    });
});

describe('unfinished and invalid input', () => {
    test('a reference still being typed (`goal` with no name yet) does not break the model', async () => {
        const ws = await buildWorkspace({ 'plan.trellis': 'team t { capacity 2 }\ngoal g { pillar }\nbet x { goal }\nbet y { owner t 50% support }\n' });
        expect(ws.services.plan.PlanService.model.bets.get('x')?.goal).toBeUndefined();
        expect(ws.withCode('syntax-error').length).toBeGreaterThan(0);
    });

    test('a number still being typed (`baseline`, `target`, `capacity` with no value) does not break the model', async () => {
        for (const text of ['metric m {\n  baseline\n}\n', 'metric m { target }\n', 'pillar p { target }\n', 'team t { capacity }\n', 'policy { max-load }\n']) {
            const ws = await buildWorkspace({ 'plan.trellis': text });
            expect(ws.withCode('syntax-error').length, text).toBeGreaterThan(0);
            expect(() => ws.services.plan.PlanService.model, text).not.toThrow();
        }
    });

    test('an allocation outside 0–100% or without % counts towards nothing, and is no sliver', async () => {
        const ws = await buildWorkspace({ 'plan.trellis': `team t { capacity 4 }
pillar p { target 100% }
bet a { pillar p owner t 150% during 2027-Q1 }
bet b { pillar p owner t 120% during 2027-Q1 }
bet c { pillar p owner t 10 during 2027-Q1 }
bet d { pillar p owner t 30% during 2027-Q1 }
` });
        const load = ws.services.plan.PlanService.model.teams.get('t')?.loads.get(2027 * 4);
        expect(load?.load).toBe(30);
        expect(ws.withCode('fragmented-allocation')).toEqual([]);
        expect(ws.withCode('invalid-value').map(d => d.message)).toEqual([
            'An allocation of 150% is outside 0–100%',
            'An allocation of 120% is outside 0–100%',
            'An allocation is a share of the team: write 10%',
        ]);
    });
});

describe('a bet whose during is invalid', () => {
    test('counts in no quarter, so it cannot overload its teams across the whole window', async () => {
        const ws = await buildWorkspace({ 'plan.trellis': `team t { capacity 4 }
pillar p { target 100% }
bet a { pillar p owner t 80% during 2027-Q3 .. 2027-Q1 }
bet b { pillar p owner t 80% during 2027-Q2 }
bet c { pillar p owner t 10% during 2027-Q5 }
` });
        const model = ws.services.plan.PlanService.model;
        expect(model.bets.get('a')?.quarters).toEqual([]);
        expect(model.bets.get('c')?.quarters).toEqual([]);
        expect(ws.withCode('overloaded-team')).toEqual([]);
        expect(ws.withCode('invalid-value')).toHaveLength(2);
    });
});

describe('one model per build', () => {
    const plan = `team t { capacity 4 }
pillar p { target 100% }
bet a { pillar p owner t 80% during 2027-Q1 }
bet b { pillar p owner t 10% during 2027-Q1 }
`;

    test('an edit inside an element derives the next model; a rename links it in full; an older model says it is superseded', async () => {
        const ws = await buildWorkspace({ 'plan.trellis': plan });
        const service = ws.services.plan.PlanService;
        const first = service.model;
        expect(service.buildCounts).toEqual({ derived: 0, full: 1 });

        await ws.edit('plan.trellis', plan.replace('80%', '95%'));
        const second = service.model;
        expect(second).not.toBe(first);
        expect(first.superseded).toBe(true);
        expect(second.superseded).toBe(false);
        expect(second.delta?.basedOn).toBe(first.generation);
        expect(service.buildCounts).toEqual({ derived: 1, full: 1 });
        expect(second.teams.get('t')?.loads.get(2027 * 4)?.load).toBe(105);
        expect(ws.withCode('overloaded-team')).toHaveLength(1);

        await ws.edit('plan.trellis', plan.replace('bet b', 'bet c'));
        const third = service.model;
        expect(second.superseded).toBe(true);
        expect(third.delta).toBeUndefined();
        expect(service.buildCounts).toEqual({ derived: 1, full: 2 });
        expect([...third.bets.keys()]).toEqual(['a', 'c']);
        expect(ws.withCode('overloaded-team')).toEqual([]);
    });

    test('two sets of services never share a model builder', async () => {
        const one = await buildWorkspace({ 'plan.trellis': plan });
        await one.edit('plan.trellis', plan.replace('80%', '95%'));
        const two = await buildWorkspace({ 'plan.trellis': plan });
        void two.services.plan.PlanService.model;
        expect(two.services.plan.PlanService.buildCounts).toEqual({ derived: 0, full: 1 });
        expect(one.services.plan.PlanService.buildCounts).toEqual({ derived: 1, full: 1 });
    });
});
