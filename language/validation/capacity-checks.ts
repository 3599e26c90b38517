// Capacity checks, judged per team over the quarters of the plan: load above max-load, more
// concurrent bets than max-wip, focus split into slivers, and one-person teams that own work.
// Each team gets at most one finding per code, naming its worst quarter and the rest.

import type { PlanModel, QuarterLoad, TeamFacts } from '../model/plan-model.js';
import { quarterLabel } from '../model/periods.js';
import { IssueCodes } from '../model/codes.js';
import { list, pct, type Finding } from './report.js';

/** `only`: judge just these teams (the others' findings are known not to have changed). */
export function checkCapacity(model: PlanModel, add: (finding: Finding) => void, only?: ReadonlySet<string>): void {
    const { maxLoad, maxWip, minSlice } = model.policy;
    for (const team of only ? [...only].flatMap(name => model.teams.get(name) ?? []) : model.teams.values()) {
        const quarters = [...team.loads.values()].sort((a, b) => a.quarter - b.quarter);

        const overloaded = quarters.filter(q => q.load > maxLoad + 1e-9);
        if (overloaded.length > 0) {
            const peak = worst(overloaded, q => q.load);
            add({
                code: IssueCodes.OverloadedTeam, node: team.node, property: 'name',
                message: `Team '${team.name}' is at ${pct(peak.load)} of capacity in ${quarterLabel(peak.quarter)} (${breakdown(peak)}); max-load is ${pct(maxLoad)}`
                    + others(overloaded, peak, q => pct(q.load)),
            });
        }

        const busy = quarters.filter(q => betsOf(q).length > maxWip);
        if (busy.length > 0) {
            const peak = worst(busy, q => betsOf(q).length);
            const bets = betsOf(peak);
            add({
                code: IssueCodes.TooMuchWip, node: team.node, property: 'name',
                message: `Team '${team.name}' carries ${bets.length} bets at once in ${quarterLabel(peak.quarter)} (${list(bets)}); max-wip is ${maxWip}`
                    + others(busy, peak, q => `${betsOf(q).length} bets`),
            });
        }

        const slivers = (q: QuarterLoad) => q.allocations.filter(a => a.share < minSlice);
        const fragmented = quarters.filter(q => slivers(q).length >= 3);
        if (fragmented.length > 0) {
            const peak = worst(fragmented, q => slivers(q).length);
            const small = slivers(peak).map(a => `${a.bet.name} ${pct(a.share)}`);
            add({
                code: IssueCodes.FragmentedAllocation, node: team.node, property: 'name',
                message: `Team '${team.name}' has ${small.length} allocations below min-slice ${pct(minSlice)} in ${quarterLabel(peak.quarter)} (${list(small)}): the percentages add up, the focus does not`
                    + others(fragmented, peak, q => `${slivers(q).length} slivers`),
            });
        }

        checkOnePersonTeam(team, add);
    }
}

function checkOnePersonTeam(team: TeamFacts, add: (finding: Finding) => void): void {
    if (team.capacity === undefined || team.capacity >= 2) return;
    const active = team.owns.filter(b => b.quarters.length > 0).map(b => b.name);
    if (active.length === 0) return;
    add({
        code: IssueCodes.OnePersonTeam, node: team.node, property: 'name',
        message: `Team '${team.name}' has capacity ${team.capacity} and owns ${active.length === 1 ? 'active bet' : `${active.length} active bets`} ${list(active)}: one absence stops ${active.length === 1 ? 'it' : 'them'}`,
    });
}

/** Distinct bets behind a quarter's allocations (a bet counts once even if owner and support). */
function betsOf(q: QuarterLoad): string[] {
    return [...new Set(q.allocations.map(a => a.bet.name))];
}

function breakdown(q: QuarterLoad): string {
    return list(q.allocations.map(a => `${a.bet.name} ${pct(a.share)}`), 8);
}

/** The quarter with the highest value; the earliest wins a tie. */
function worst(quarters: QuarterLoad[], value: (q: QuarterLoad) => number): QuarterLoad {
    return quarters.reduce((best, q) => (value(q) > value(best) ? q : best));
}

function others(quarters: QuarterLoad[], peak: QuarterLoad, figure: (q: QuarterLoad) => string): string {
    const rest = quarters.filter(q => q !== peak);
    if (rest.length === 0) return '';
    return `; also in ${list(rest.map(q => `${quarterLabel(q.quarter)} (${figure(q)})`), 4)}`;
}
