import { beforeAll, describe, expect, test } from 'vitest';
import { buildDiagram } from '../../language/graph/build-diagram.js';
import type { PillarsDiagram } from '../../language/graph/diagram.js';
import { loadPlan, type LoadedPlan } from './fixture.js';

let plan: LoadedPlan;
beforeAll(async () => { plan = await loadPlan(); });

const view = (options = {}) => buildDiagram(plan.model, 'pillars', options, plan.findings) as PillarsDiagram;

describe('pillars view', () => {
    test('target against actual share for each pillar, with the bets behind it', () => {
        const diagram = view();
        expect(diagram.type).toBe('bars');
        expect(diagram.tolerance).toBe(10);
        expect(diagram.targets).toEqual({ sum: 100, complete: true });
        const [foundations, growth] = diagram.bars;
        expect(foundations).toMatchObject({ pillar: 'foundations', title: 'Keep the lights on', target: 30 });
        expect(growth).toMatchObject({ pillar: 'growth', target: 70 });
        expect(foundations.actual! + growth.actual!).toBeCloseTo(100, 0);
        expect(growth.bets.map(b => b.name)).toEqual(['guided-setup', 'invites']);
        // guided-setup: onboarding 60% × 6 people × 2 quarters + platform 20% × 8 × 2 = 10.4 person-quarters
        expect(growth.bets[0]).toMatchObject({ name: 'guided-setup', personQuarters: 10.4 });
    });

    test('a pillar out of its tolerance band is marked', () => {
        const drifting = view().bars.filter(b => b.marks.includes('pillar-drift'));
        expect(drifting.map(b => b.pillar)).toEqual(['foundations', 'growth']);
        expect(drifting[1].severity).toBe('warning');
        expect(drifting[1].messages[0]).toMatch(/growth/);
    });

    test('a team filter keeps the bars and only that team’s bets', () => {
        const diagram = view({ team: 'platform' });
        expect(diagram.bars.map(b => b.pillar)).toEqual(['foundations', 'growth']);
        expect(diagram.bars.flatMap(b => b.bets.map(x => x.name))).toEqual(['billing', 'sso-v2', 'guided-setup']);
        expect(view({ pillar: 'growth' }).bars.map(b => b.pillar)).toEqual(['growth']);
    });
});
