import { beforeAll, describe, expect, test } from 'vitest';
import { buildDiagram, ViewOptionError } from '../../language/graph/build-diagram.js';
import type { GraphDiagram } from '../../language/graph/diagram.js';
import { loadPlan, type LoadedPlan } from './fixture.js';

let plan: LoadedPlan;
beforeAll(async () => { plan = await loadPlan(); });

const view = (options = {}) => buildDiagram(plan.model, 'dependencies', options, plan.findings) as GraphDiagram;

describe('dependencies view', () => {
    test('shows every bet and team, sorted by name, in a box per owning team', () => {
        const diagram = view();
        expect(diagram.type).toBe('graph');
        expect(diagram.nodes.map(n => n.id)).toEqual(['billing', 'data', 'guided-setup', 'invites', 'legacy', 'loop-a', 'loop-b', 'moonshot', 'onboarding', 'platform', 'sso-v2']);
        expect(diagram.clusters.map(c => [c.id, c.label])).toEqual([['data', 'Data'], ['onboarding', 'Onboarding'], ['platform', 'Platform']]);
        expect(diagram.nodes.find(n => n.id === 'sso-v2')).toMatchObject({ kind: 'bet', title: 'Single sign-on v2', cluster: 'platform' });
        expect(diagram.nodes.find(n => n.id === 'platform')).toMatchObject({ kind: 'team', cluster: 'platform', lines: ['platform · 8 people', 'peak 130% in 2027-Q1'] });
    });

    test('draws depends-on arrows from the dependent to what it depends on, and support links', () => {
        const edges = view().edges.map(e => `${e.from} ${e.kind} ${e.to}${e.label ? ` (${e.label})` : ''}`);
        expect(edges).toContain('guided-setup depends-on sso-v2');
        expect(edges).toContain('onboarding depends-on platform');
        expect(edges).toContain('guided-setup support platform (support 20%)');
        expect(edges.some(e => e.includes(' owner '))).toBe(false); // ownership is the box
    });

    test('without clusters, ownership is an edge with its share', () => {
        const diagram = view({ cluster: false });
        expect(diagram.clusters).toEqual([]);
        expect(diagram.nodes.every(n => n.cluster === undefined)).toBe(true);
        expect(diagram.edges).toContainEqual(expect.objectContaining({ from: 'sso-v2', to: 'platform', kind: 'owner', label: 'owner 50%' }));
    });

    test('marks findings on nodes and loops on edges', () => {
        const diagram = view();
        const node = (id: string) => diagram.nodes.find(n => n.id === id)!;
        expect(node('platform').marks).toContain('overloaded-team');
        expect(node('platform').severity).toBe('warning');
        expect(node('loop-a').marks).toContain('dependency-cycle');
        expect(node('sso-v2').marks).toContain('high-blast-radius');
        expect(node('sso-v2').lines).toContain('blast radius 3');
        expect(node('platform').messages.join('\n')).toContain("Team 'platform' is at 130% of capacity in 2027-Q1");
        expect(diagram.edges.filter(e => e.marks.includes('cycle')).map(e => `${e.from}->${e.to}`)).toEqual(['loop-a->loop-b', 'loop-b->loop-a']);
        expect(node('legacy').tags).toContain('done');
        expect(node('moonshot').tags).toContain('dropped');
    });

    test('a team filter keeps its bets and what they touch', () => {
        const diagram = view({ team: 'onboarding' });
        expect(diagram.title).toBe('Dependencies — team onboarding');
        expect(diagram.nodes.map(n => n.id)).toEqual(['guided-setup', 'invites', 'moonshot', 'onboarding', 'platform', 'sso-v2']);
    });

    test('a pillar filter keeps the pillar’s bets and their neighbours', () => {
        const ids = view({ pillar: 'foundations' }).nodes.map(n => n.id);
        expect(ids).toContain('sso-v2');
        expect(ids).toContain('billing'); // depends on sso-v2
        expect(ids).not.toContain('invites');
    });

    test('names that are not in the plan are a clear error', () => {
        expect(() => view({ team: 'nobody' })).toThrow(new ViewOptionError("there is no team 'nobody' in the plan"));
        expect(() => view({ pillar: 'nope' })).toThrow(ViewOptionError);
        expect(() => view({ impact: 'activation' })).toThrow("impact needs a team or a bet; 'activation' is a metric");
    });

    test('the same plan gives the same model', async () => {
        const again = await loadPlan();
        expect(buildDiagram(again.model, 'dependencies', {}, again.findings)).toEqual(view());
    });
});
