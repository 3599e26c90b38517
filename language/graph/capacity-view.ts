// The capacity view: each team's load per quarter of the plan window as a heat-map grid.
// A cell is the sum of the team's allocations to bets active that quarter; cells above
// max-load (or with more bets than max-wip) are marked, and each cell lists the bets behind it.

import type { PlanModel } from '../model/plan-model.js';
import type { CapacityAllocation, CapacityDiagram, CapacityRow, ImpactSummary, ViewOptions } from './diagram.js';
import { titleOf } from './dependencies-view.js';
import type { FindingsByElement } from './element-findings.js';
import { impactRoles } from './impact-roles.js';
import { byName, findingsOf, round1, sortedBy, wipOf } from './view-helpers.js';

export function capacityView(model: PlanModel, findings: FindingsByElement, options: ViewOptions, impact?: ImpactSummary): CapacityDiagram {
    const role = impactRoles(impact);
    const { maxLoad, maxWip } = model.policy;
    const quarters = model.quarters;
    const current = model.currentQuarter;
    const rows: CapacityRow[] = [];
    for (const team of sortedBy(model.teams.values(), t => t.name)) {
        if (options.team !== undefined && team.name !== options.team) continue;
        if (options.pillar !== undefined && ![...team.owns, ...team.supports].some(b => b.pillar === options.pillar && model.isActive(b))) continue;
        const cells = quarters.map(quarter => {
            const load = team.loads.get(quarter);
            const allocations: CapacityAllocation[] = sortedBy(load?.allocations ?? [], a => a.bet.name).map(a => ({
                bet: a.bet.name, title: a.bet.title, role: a.role, share: round1(a.share),
                impact: role(a.bet.name) !== undefined || undefined,
            }));
            const total = load?.load ?? 0;
            return {
                quarter: model.quarterLabel(quarter),
                load: round1(total),
                wip: load ? wipOf(load) : 0,
                // As the overloaded-team check, the hover and the lens judge it.
                overloaded: total > maxLoad + 1e-9,
                tooMuchWip: (load ? wipOf(load) : 0) > maxWip,
                allocations,
                impact: allocations.some(a => a.impact) || undefined,
            };
        });
        rows.push({
            team: team.name, title: team.title, capacity: team.capacity, cells,
            impact: role(team.name), ...findingsOf(findings, team.name),
        });
    }
    return {
        type: 'grid', view: 'capacity', title: titleOf('Capacity', options),
        maxLoad, maxWip,
        quarters: quarters.map(q => ({ label: model.quarterLabel(q), current: q === current })),
        rows: rows.sort((a, b) => byName(a.team, b.team)), impact,
    };
}
