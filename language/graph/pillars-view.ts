// The pillars view: for each pillar its target share against its actual share of the
// person-quarters of active bets, with the bets behind the actual share. The tolerance band
// around the target is drawn, and a pillar that drifts out of it is marked.

import type { PlanModel } from '../model/plan-model.js';
import type { ImpactSummary, PillarBar, PillarBet, PillarsDiagram, ViewOptions } from './diagram.js';
import { titleOf } from './dependencies-view.js';
import type { FindingsByElement } from './element-findings.js';
import { impactRoles } from './impact-roles.js';
import { byName, findingsOf, personQuarters, round1, sortedBy, teamsOf } from './view-helpers.js';

export function pillarsView(model: PlanModel, findings: FindingsByElement, options: ViewOptions, impact?: ImpactSummary): PillarsDiagram {
    const role = impactRoles(impact);
    let total = 0;
    for (const pillar of model.pillars.values()) total += pillar.personQuarters;
    const bars: PillarBar[] = [];
    for (const pillar of sortedBy(model.pillars.values(), p => p.name)) {
        if (options.pillar !== undefined && pillar.name !== options.pillar) continue;
        const bets: PillarBet[] = [];
        for (const bet of sortedBy(pillar.bets, b => b.name)) {
            if (options.team !== undefined && !teamsOf(bet).includes(options.team)) continue;
            const pq = personQuarters(model, bet);
            bets.push({
                name: bet.name, title: bet.title, personQuarters: round1(pq),
                share: total > 0 ? round1((pq / total) * 100) : 0,
                impact: role(bet.name) !== undefined || undefined,
            });
        }
        bars.push({
            pillar: pillar.name, title: pillar.title,
            target: pillar.target, actual: pillar.actualShare !== undefined ? round1(pillar.actualShare) : undefined,
            personQuarters: round1(pillar.personQuarters), bets,
            impact: bets.some(b => b.impact) || undefined,
            ...findingsOf(findings, pillar.name),
        });
    }
    return {
        type: 'bars', view: 'pillars', title: titleOf('Pillars', options),
        tolerance: model.policy.pillarTolerance,
        targets: { sum: round1(model.pillarTargets.sum), complete: model.pillarTargets.complete },
        bars: bars.sort((a, b) => byName(a.pillar, b.pillar)), impact,
    };
}
