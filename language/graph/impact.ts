// Impact mode: "what if this team or bet did nothing for six months?" The bets that would
// stall are the ones it owns or supports (for a team) and everything that depends on those
// through `depends-on`, directly or through a chain — the same dependents the blast radius
// counts. The goals those bets serve and the metrics they move are at risk with them. The
// summary keeps the team's own bets apart from its blast radius, so the figure it gives for
// the blast radius is the one high-blast-radius, the hover and the lenses give.

import type { PlanModel } from '../model/plan-model.js';
import type { ImpactSummary } from './diagram.js';
import { byName } from './view-helpers.js';

/** The impact of a team or bet; undefined when the name is neither. */
export function impactOf(model: PlanModel, source: string): ImpactSummary | undefined {
    const isTeam = model.teams.has(source);
    if (!isTeam && !model.bets.has(source)) return undefined;

    const ownBets = isTeam
        ? [...new Set([...model.teams.get(source)!.owns, ...model.teams.get(source)!.supports].filter(bet => model.isActive(bet)).map(bet => bet.name))].sort(byName)
        : [];
    // The same figure as high-blast-radius and the hover: the source's dependents, of any stage.
    const blastRadius = [...model.allDependents(source)].filter(name => model.bets.has(name)).sort(byName);

    const stalled = new Set<string>(ownBets);
    for (const name of [source, ...ownBets]) {
        for (const dependent of model.allDependents(name)) if (dependent !== source) stalled.add(dependent);
    }
    // A bet that is done or dropped does not stall.
    const bets = [...stalled].filter(name => {
        const bet = model.bets.get(name);
        return bet !== undefined && model.isActive(bet);
    }).sort(byName);
    const teams = [...stalled].filter(name => model.teams.has(name)).sort(byName);

    const goals = new Set<string>();
    const metrics = new Set<string>();
    const sourceBets = isTeam ? bets : [source, ...bets];
    for (const name of sourceBets) {
        const bet = model.bets.get(name)!;
        if (bet.goal !== undefined) {
            const goal = model.goals.get(bet.goal);
            if (goal) {
                goals.add(goal.name);
                for (const metric of goal.moves) if (model.metrics.has(metric)) metrics.add(metric);
            }
        }
        for (const change of bet.expects) if (model.metrics.has(change.metric)) metrics.add(change.metric);
    }
    const goalList = [...goals].sort(byName);
    const metricList = [...metrics].sort(byName);
    const count = bets.length + teams.length + goalList.length + metricList.length;
    const summary = { source, kind: isTeam ? 'team' as const : 'bet' as const, teams, bets, ownBets, blastRadius, goals: goalList, metrics: metricList, count };
    return { ...summary, description: describe(summary) };
}

function describe(impact: Omit<ImpactSummary, 'description'>): string {
    const { source, count, bets, teams, goals, metrics, ownBets, blastRadius } = impact;
    const parts = [plural(bets.length, 'bet'), plural(teams.length, 'team'), plural(goals.length, 'goal'), plural(metrics.length, 'metric')].filter(p => p !== '');
    const listed = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
    const what = count === 0
        ? `If '${source}' did nothing for six months, nothing else would stall.`
        : `If '${source}' did nothing for six months, ${plural(count, 'element')} would stall: ${listed}.`;

    const stalling = new Set(bets);
    const idle = blastRadius.filter(name => !stalling.has(name)).length;
    let radius = `Its blast radius is ${blastRadius.length} bet${blastRadius.length === 1 ? '' : 's'}`;
    if (idle > 0) radius += ` (${idle} of them done or dropped, which would not stall)`;
    if (impact.kind === 'bet') return `${what} ${radius}.`;

    const inRadius = new Set(blastRadius);
    const both = ownBets.filter(name => inRadius.has(name)).length;
    const own = new Set(ownBets);
    const knockOn = bets.filter(name => !own.has(name) && !inRadius.has(name)).length;
    let mine = ownBets.length === 0 ? 'it works on no bets of its own' : `it works on ${plural(ownBets.length, 'bet')} of its own`;
    if (both > 0) mine += `, ${both} of them in its blast radius`;
    if (knockOn > 0) mine += `, and ${plural(knockOn, 'more bet')} ${knockOn === 1 ? 'depends' : 'depend'} on them`;
    return `${what} ${radius}; ${mine}.`;
}

function plural(n: number, word: string): string {
    return n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`;
}
