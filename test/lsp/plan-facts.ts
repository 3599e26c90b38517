// What a plan means, written out as plain data: teams' loads per quarter, bets' quarters,
// owner and support, pillars' shares, metric drives, and the diagnostics' codes and
// messages. Two texts with equal facts are the same plan, whatever their layout.

import type { TestWorkspace } from '../helpers.js';
import { quarterLabel } from '../../language/model/periods.js';

export function planFacts(ws: TestWorkspace): unknown {
    const model = ws.services.plan.PlanService.model;
    const round = (n: number | undefined) => (n === undefined ? undefined : Math.round(n * 1000) / 1000);
    return {
        policy: { ...model.policy, levels: [...model.policy.levels] },
        window: [quarterLabel(model.window.from), quarterLabel(model.window.to)],
        teams: [...model.teams.values()].map(t => ({
            name: t.name, title: t.title, type: t.type, capacity: t.capacity, dependsOn: t.dependsOn,
            loads: [...t.loads.values()].map(q => `${quarterLabel(q.quarter)} ${round(q.load)}: ${q.allocations.map(a => `${a.bet.name} ${a.share}`).join(', ')}`),
        })),
        bets: [...model.bets.values()].map(b => ({
            name: b.name, title: b.title, stage: b.stage, funding: b.funding, goal: b.goal, pillar: b.pillar,
            quarters: b.quarters.map(quarterLabel), review: b.review?.text,
            owner: b.owner && `${b.owner.team} ${b.owner.share}`, support: b.support.map(a => `${a.team} ${a.share}`),
            dependsOn: b.dependsOn, expects: b.expects,
        })),
        goals: [...model.goals.values()].map(g => ({ name: g.name, pillar: g.pillar, moves: g.moves })),
        metrics: [...model.metrics.values()].map(m => ({
            name: m.name, northStar: m.northStar, unit: m.unit, baseline: m.baseline, target: m.target, drives: m.drives,
        })),
        pillars: [...model.pillars.values()].map(p => ({ name: p.name, target: p.target, actual: round(p.actualShare), personQuarters: round(p.personQuarters) })),
        diagnostics: [...ws.documents].map(([file, doc]) => ({
            file,
            findings: (doc.diagnostics ?? []).map(d => `${d.severity} ${String(d.code)}: ${d.message}`).sort(),
        })),
    };
}
