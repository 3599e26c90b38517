// Impact mode: "what if this team or bet did nothing for six months?" The bets that would
// stall are the ones it owns or supports (for a team) and everything that depends on those
// through `depends-on`, directly or through a chain — the same dependents the blast radius
// counts. The goals those bets serve and the metrics they move are at risk with them.

import type { PlanModel } from '../model/plan-model.js';
import type { ImpactSummary } from './diagram.js';
import { byName } from './view-helpers.js';

/** The impact of a team or bet; undefined when the name is neither. */
export function impactOf(model: PlanModel, source: string): ImpactSummary | undefined {
    const isTeam = model.teams.has(source);
    if (!isTeam && !model.bets.has(source)) return undefined;

    const stalled = new Set<string>();
    const start: string[] = [source];
    if (isTeam) {
        const team = model.teams.get(source)!;
        for (const bet of [...team.owns, ...team.supports]) if (model.isActive(bet)) start.push(bet.name);
    }
    for (const name of start) {
        if (name !== source) stalled.add(name);
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
    return {
        source, kind: isTeam ? 'team' : 'bet',
        teams, bets, goals: goalList, metrics: metricList, count,
        description: describe(source, count, bets.length, teams.length, goalList.length, metricList.length),
    };
}

function describe(source: string, count: number, bets: number, teams: number, goals: number, metrics: number): string {
    if (count === 0) return `If '${source}' did nothing for six months, nothing else would stall: nothing depends on it.`;
    const parts = [plural(bets, 'bet'), plural(teams, 'team'), plural(goals, 'goal'), plural(metrics, 'metric')].filter(p => p !== '');
    const listed = parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : parts[0];
    return `If '${source}' did nothing for six months, ${plural(count, 'element')} would stall: ${listed}.`;
}

function plural(n: number, word: string): string {
    return n === 0 ? '' : `${n} ${word}${n === 1 ? '' : 's'}`;
}
