import { beforeAll, describe, expect, test } from 'vitest';
import { buildDiagram } from '../../language/graph/build-diagram.js';
import type { CapacityDiagram } from '../../language/graph/diagram.js';
import { loadPlan, type LoadedPlan } from './fixture.js';

let plan: LoadedPlan;
beforeAll(async () => { plan = await loadPlan(); });

const view = (options = {}) => buildDiagram(plan.model, 'capacity', options, plan.findings) as CapacityDiagram;

describe('capacity view', () => {
    test('a row per team and a column per quarter of the plan window', () => {
        const diagram = view();
        expect(diagram.type).toBe('grid');
        expect(diagram.quarters).toEqual([
            { label: '2027-Q1', current: true }, { label: '2027-Q2', current: false },
            { label: '2027-Q3', current: false }, { label: '2027-Q4', current: false },
        ]);
        expect(diagram.rows.map(r => [r.team, r.capacity])).toEqual([['data', 4], ['onboarding', 6], ['platform', 8]]);
    });

    test('cells carry the load, the WIP and the bets behind them; overloaded cells are marked', () => {
        const platform = view().rows.find(r => r.team === 'platform')!;
        expect(platform.marks).toContain('overloaded-team');
        expect(platform.cells[0]).toEqual({
            quarter: '2027-Q1', load: 130, wip: 3, overloaded: true, tooMuchWip: false,
            allocations: [
                { bet: 'billing', title: 'Billing revamp', role: 'owner', share: 60 },
                { bet: 'guided-setup', title: 'Guided first-plan setup', role: 'support', share: 20 },
                { bet: 'sso-v2', title: 'Single sign-on v2', role: 'owner', share: 50 },
            ],
        });
        expect(platform.cells[1]).toMatchObject({ quarter: '2027-Q2', load: 20, wip: 1, overloaded: false });
        expect(platform.cells[2]).toMatchObject({ load: 0, wip: 0, allocations: [] });
    });

    test('done and dropped bets take no capacity', () => {
        const data = view().rows.find(r => r.team === 'data')!;
        expect(data.cells[0]).toMatchObject({ load: 0, wip: 0 });
    });

    test('filters keep one team, or the teams working on a pillar', () => {
        expect(view({ team: 'data' }).rows.map(r => r.team)).toEqual(['data']);
        expect(view({ pillar: 'growth' }).rows.map(r => r.team)).toEqual(['onboarding', 'platform']);
    });

    test('impact marks the cells whose bets would stall', () => {
        const diagram = view({ impact: 'sso-v2' });
        const platform = diagram.rows.find(r => r.team === 'platform')!;
        expect(platform.cells[0].impact).toBe(true);
        expect(platform.cells[0].allocations.filter(a => a.impact).map(a => a.bet)).toEqual(['billing', 'guided-setup', 'sso-v2']);
    });
});
