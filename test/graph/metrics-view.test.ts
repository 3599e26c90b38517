import { beforeAll, describe, expect, test } from 'vitest';
import { buildDiagram } from '../../language/graph/build-diagram.js';
import type { GraphDiagram } from '../../language/graph/diagram.js';
import { loadPlan, type LoadedPlan } from './fixture.js';

let plan: LoadedPlan;
beforeAll(async () => { plan = await loadPlan(); });

const view = (options = {}) => buildDiagram(plan.model, 'metrics', options, plan.findings) as GraphDiagram;

describe('metric tree view', () => {
    test('has the north star, input metrics, goals and the bets behind them', () => {
        const diagram = view();
        const byKind = (kind: string) => diagram.nodes.filter(n => n.kind === kind).map(n => n.id);
        expect(byKind('metric')).toEqual(['activation', 'uptime', 'weekly-active']);
        expect(byKind('goal')).toEqual(['faster-activation', 'reliable']);
        expect(byKind('bet')).toEqual(['billing', 'guided-setup', 'invites', 'legacy', 'loop-a', 'loop-b', 'moonshot']);
        expect(byKind('team')).toEqual([]);
        const star = diagram.nodes.find(n => n.id === 'weekly-active')!;
        expect(star.tags).toEqual(['north-star']);
        expect(star.lines).toEqual(['1200 → 1500 by 2027-Q4 teams/week']);
    });

    test('edges flow from bets to goals to metrics to the north star', () => {
        const edges = view().edges.map(e => `${e.from} ${e.kind} ${e.to}${e.label ? ` ${e.label}` : ''}`);
        expect(edges).toContain('activation drives weekly-active');
        expect(edges).toContain('uptime drives weekly-active');
        expect(edges).toContain('faster-activation moves activation');
        expect(edges).toContain('guided-setup serves faster-activation');
        expect(edges).toContain('guided-setup expects activation +8');
    });

    test('a pillar filter keeps its goals, their bets and the branch up to the root', () => {
        const ids = view({ pillar: 'growth' }).nodes.map(n => n.id);
        expect(ids).toEqual(['activation', 'weekly-active', 'faster-activation', 'guided-setup', 'invites', 'moonshot']);
    });

    test('a team filter keeps the team’s bets and what they serve', () => {
        const ids = view({ team: 'data' }).nodes.map(n => n.id);
        expect(ids).toEqual(['uptime', 'weekly-active', 'reliable', 'legacy', 'loop-a', 'loop-b']);
    });
});
