// Focus mode and collapsed team boxes: what a planner sees of a big plan when they pick one
// element, or fold a team's bets into the team.

import { beforeAll, describe, expect, test } from 'vitest';
import { buildDiagram, ViewOptionError } from '../../language/graph/build-diagram.js';
import type { GraphDiagram, ViewOptions } from '../../language/graph/diagram.js';
import { loadPlan, type LoadedPlan } from './fixture.js';

let plan: LoadedPlan;
beforeAll(async () => { plan = await loadPlan(); });

const view = (options: ViewOptions, name: 'dependencies' | 'metrics' = 'dependencies') => buildDiagram(plan.model, name, options, plan.findings) as GraphDiagram;
const ids = (diagram: GraphDiagram) => diagram.nodes.map(n => n.id);

describe('focus on one element', () => {
    test('depth 1: the element, what it depends on and what depends on it, nothing further', () => {
        const diagram = view({ focus: 'guided-setup', depth: 1 });
        // sso-v2 (it depends on it), invites (depends on it), onboarding (owns it), platform (supports it).
        expect(ids(diagram)).toEqual(['guided-setup', 'invites', 'onboarding', 'platform', 'sso-v2']);
        expect(diagram.focus).toEqual({ name: 'guided-setup', depth: 1, shown: 5, total: 11 });
        expect(diagram.nodes.find(n => n.id === 'guided-setup')!.tags).toContain('focus');
        expect(diagram.edges.every(e => ids(diagram).includes(e.from) && ids(diagram).includes(e.to))).toBe(true);
    });

    test('up and down are followed on their own: a sibling\'s dependencies do not come along', () => {
        // invites -> guided-setup -> sso-v2 <- billing: billing depends on what guided-setup depends on, but on neither of them through guided-setup's chain.
        const down = ids(view({ focus: 'invites', depth: 2 }));
        expect(down).toContain('sso-v2');
        expect(down).not.toContain('billing');
    });

    test('defaults to two hops, and keeps only the team boxes that still hold something', () => {
        const diagram = view({ focus: 'loop-a' });
        expect(diagram.focus?.depth).toBe(2);
        // Its owner comes along, not the owner's other bets (legacy): they are not on its chain.
        expect(ids(diagram)).toEqual(['data', 'loop-a', 'loop-b']);
        expect(diagram.clusters.map(c => c.id)).toEqual(['data']);
    });

    test('works in the metric tree too', () => {
        const diagram = view({ focus: 'activation', depth: 1 }, 'metrics');
        expect(ids(diagram)).toEqual(expect.arrayContaining(['activation', 'weekly-active', 'faster-activation', 'guided-setup']));
        expect(ids(diagram)).not.toContain('uptime');
    });

    test('names something the plan lacks, or a depth below 1: a message a person can act on', () => {
        expect(() => view({ focus: 'nobody' })).toThrow(new ViewOptionError("focus needs an element of the plan; 'nobody' is not defined in the plan"));
        expect(() => view({ focus: 'growth' })).toThrow("'growth' is not drawn in the dependencies view");
        expect(() => view({ focus: 'sso-v2', depth: 0 })).toThrow('depth must be a whole number of hops, 1 or more, not 0');
    });
});

describe('collapsed team boxes', () => {
    test('a collapsed team stands alone for its bets, says how many, and takes their edges', () => {
        const diagram = view({ collapsed: ['platform'] });
        expect(ids(diagram)).not.toContain('sso-v2');
        expect(ids(diagram)).not.toContain('billing');
        const platform = diagram.nodes.find(n => n.id === 'platform')!;
        expect(platform.tags).toContain('collapsed');
        expect(platform.cluster).toBeUndefined();
        expect(platform.lines).toContain('2 bets inside, collapsed');
        expect(diagram.clusters.map(c => c.id)).not.toContain('platform');
        // guided-setup depended on sso-v2, which is now inside platform: the arrow goes to the team, once.
        expect(diagram.edges.filter(e => e.from === 'guided-setup' && e.to === 'platform').map(e => e.kind).sort()).toEqual(['depends-on', 'support']);
    });

    test('other teams stay as they were, and an unknown name changes nothing', () => {
        expect(view({ collapsed: ['nobody'] })).toEqual(view({}));
        expect(ids(view({ collapsed: ['platform'] }))).toContain('loop-a');
    });
});
