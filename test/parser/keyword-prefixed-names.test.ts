import { describe, expect, test } from 'vitest';
import { buildPlan } from '../helpers.js';

describe('names that start with a keyword', () => {
    test('lex as one name, not a keyword and a stray dash', async () => {
        const ws = await buildPlan(`
team team-alpha { capacity 4 }
team support-tools { capacity 3 }
metric metric-of-record { north-star }
goal goal-setting { moves metric-of-record }
bet bet-on-it { goal goal-setting owner team-alpha 40% support support-tools 20% during 2027-Q1 }
policy { check metric-cycle info check pillar-drift off }
`);
        expect(ws.withCode('syntax-error')).toEqual([]);
        expect(ws.withCode('unresolved-reference')).toEqual([]);
        expect(ws.services.plan.PlanService.model.teams.get('support-tools')?.loads.get(2027 * 4)?.load).toBe(20);
        expect(ws.services.plan.PlanService.model.policy.levels.get('metric-cycle')).toBe('info');
    });
});
