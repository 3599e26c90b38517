import { beforeAll, describe, expect, test } from 'vitest';
import { buildDiagram } from '../../language/graph/build-diagram.js';
import type { GraphDiagram } from '../../language/graph/diagram.js';
import { impactOf } from '../../language/graph/impact.js';
import { loadPlan, type LoadedPlan } from './fixture.js';

let plan: LoadedPlan;
beforeAll(async () => { plan = await loadPlan(); });

describe('impact', () => {
    test('of a bet: its dependents, the goals they serve and the metrics they move', () => {
        const impact = impactOf(plan.model, 'sso-v2')!;
        expect(impact).toMatchObject({
            source: 'sso-v2', kind: 'bet',
            bets: ['billing', 'guided-setup', 'invites'], teams: [],
            goals: ['faster-activation', 'reliable'], metrics: ['activation', 'uptime'],
            count: 7,
        });
        expect(impact.blastRadius).toEqual(['billing', 'guided-setup', 'invites']);
        expect(impact.ownBets).toEqual([]);
        expect(impact.description).toBe("If 'sso-v2' did nothing for six months, 7 elements would stall: 3 bets, 2 goals and 2 metrics. Its blast radius is 3 bets.");
    });

    test('of a team: the bets it owns or supports, their dependents, and the teams that depend on it', () => {
        const impact = impactOf(plan.model, 'platform')!;
        expect(impact.kind).toBe('team');
        expect(impact.bets).toEqual(['billing', 'guided-setup', 'invites', 'sso-v2']);
        expect(impact.teams).toEqual(['onboarding']);
        // Its own bets are not its blast radius: only onboarding (a team) depends on platform.
        expect(impact.ownBets).toEqual(['billing', 'guided-setup', 'sso-v2']);
        expect(impact.blastRadius).toEqual([]);
        expect(impact.description).toBe("If 'platform' did nothing for six months, 9 elements would stall: 4 bets, 1 team, 2 goals and 2 metrics."
            + ' Its blast radius is 0 bets; it works on 3 bets of its own, and 1 more bet depends on them.');
    });

    test('done and dropped bets do not stall; nothing depending is said plainly', () => {
        expect(impactOf(plan.model, 'onboarding')!.bets).not.toContain('moonshot');
        expect(impactOf(plan.model, 'invites')!.description).toBe("If 'invites' did nothing for six months, 2 elements would stall: 1 goal and 1 metric. Its blast radius is 0 bets.");
        expect(impactOf(plan.model, 'weekly-active')).toBeUndefined();
    });

    test('in a view: the source, the stalled and the edges between them', () => {
        const diagram = buildDiagram(plan.model, 'dependencies', { impact: 'sso-v2' }, plan.findings) as GraphDiagram;
        const role = (id: string) => diagram.nodes.find(n => n.id === id)!.impact;
        expect(role('sso-v2')).toBe('source');
        expect(role('billing')).toBe('stalled');
        expect(role('loop-a')).toBeUndefined();
        expect(diagram.edges.filter(e => e.impact).map(e => `${e.from}->${e.to}`)).toEqual(['billing->sso-v2', 'guided-setup->sso-v2', 'invites->guided-setup']);
        expect(diagram.impact?.count).toBe(7);
        const metrics = buildDiagram(plan.model, 'metrics', { impact: 'sso-v2' }, plan.findings) as GraphDiagram;
        // sso-v2 serves no goal and expects no metric, so the tree shows only what it stalls.
        expect(metrics.nodes.filter(n => n.impact).map(n => n.id)).toEqual(['activation', 'uptime', 'faster-activation', 'reliable', 'billing', 'guided-setup', 'invites']);
    });
});

describe('impact and blast radius agree', () => {
    test('a done or dropped dependent counts in the blast radius, as the diagnostic counts it, but does not stall', async () => {
        const { model } = await loadPlan({
            'plan.trellis': `
team core "Core" { capacity 4 }
bet base "Base" { pillar p owner core 50% during 2027-Q1 }
bet next "Next" { pillar p owner core 20% during 2027-Q1 depends-on base }
bet old "Old" { pillar p owner core 10% stage done during 2027-Q1 depends-on base }
pillar p "P" { target 100% }
`,
        });
        const impact = impactOf(model, 'base')!;
        expect(impact.blastRadius).toEqual(['next', 'old']);
        expect(impact.blastRadius.length).toBe(model.blastRadius('base'));
        expect(impact.bets).toEqual(['next']);
        expect(impact.description).toContain('Its blast radius is 2 bets (1 of them done or dropped, which would not stall).');
    });
});
