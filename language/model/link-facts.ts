// Linking the facts of a plan to each other: team loads per quarter, owned and supported bets,
// the bets that serve each goal, the goals, bets and metrics that move each metric, the
// dependents of each element, and the pillars' shares. Every field linking fills in is
// cleared in one place (`clearLinks`) and filled in one place per kind, used by a full build
// and by a derived one alike (model-builder.ts, model-derive.ts).

import { isCheckProperty, type Policy, type Property } from '../generated/ast.js';
import { isIssueCode, levels, type IssueCode, type Level } from './codes.js';
import { quarterOfDay, type Period } from './periods.js';
import {
    defaultPolicy, type AllocationFacts, type BetFacts, type GoalFacts, type MetricFacts, type PillarFacts, type PlanPolicy,
    type PlanTables, type PolicyEntry, type TeamFacts,
} from './plan-facts.js';

export type LinkedFacts = TeamFacts | BetFacts | GoalFacts | MetricFacts | PillarFacts;

/** Clears every field that linking fills in: what a build starts each element's facts from. */
export function clearLinks(facts: LinkedFacts, kind: 'policy' | 'team' | 'bet' | 'goal' | 'metric' | 'pillar' | undefined, quarters?: number[]): void {
    switch (kind) {
        case 'team': {
            const team = facts as TeamFacts;
            team.loads.clear();
            team.owns.length = 0;
            team.supports.length = 0;
            return;
        }
        case 'bet': {
            const bet = facts as BetFacts;
            bet.pillar = undefined;
            if (quarters) bet.quarters = quarters;
            return;
        }
        case 'goal':
            (facts as GoalFacts).servedBy.length = 0;
            return;
        case 'metric': {
            const metric = facts as MetricFacts;
            metric.drivenBy.length = 0;
            metric.movedBy.length = 0;
            metric.expectedBy.length = 0;
            return;
        }
        case 'pillar': {
            const pillar = facts as PillarFacts;
            pillar.personQuarters = 0;
            pillar.actualShare = undefined;
            pillar.bets.length = 0;
            return;
        }
    }
}

/** Cross-links between all facts: loads, owners, goals served, metrics moved, dependents. */
export function linkAll(tables: PlanTables): void {
    const { teams, bets, goals, metrics } = tables;
    for (const bet of bets.values()) {
        const goal = bet.goal !== undefined ? goals.get(bet.goal) : undefined;
        bet.pillar = bet.ownPillar ?? goal?.pillar;
        if (goal) goal.servedBy.push(bet);
        for (const change of bet.expects) metrics.get(change.metric)?.expectedBy.push(bet);
        forEachAllocation(bet, allocation => {
            const team = teams.get(allocation.team);
            if (team) allocate(team, bet, allocation);
        });
        for (const dep of distinct(bet.dependsOn)) addDependent(tables.dependents, dep, bet.name);
    }
    for (const team of teams.values()) {
        for (const dep of distinct(team.dependsOn)) addDependent(tables.dependents, dep, team.name);
    }
    for (const goal of goals.values()) {
        for (const metric of goal.moves) metrics.get(metric)?.movedBy.push(goal);
    }
    for (const metric of metrics.values()) {
        for (const target of metric.drives) {
            if (target !== metric.name) metrics.get(target)?.drivenBy.push(metric.name);
        }
    }
}

/** The bet's owner allocation, then each support allocation, in the order written. */
export function forEachAllocation(bet: BetFacts, visit: (allocation: AllocationFacts) => void): void {
    if (bet.owner) visit(bet.owner);
    for (const allocation of bet.support) visit(allocation);
}

/** Links one allocation of a bet to its team: the bet owned or supported, and its share in each active quarter. */
export function allocate(team: TeamFacts, bet: BetFacts, allocation: AllocationFacts): void {
    (allocation.role === 'owner' ? team.owns : team.supports).push(bet);
    if (!allocation.counts) return;
    for (const quarter of bet.quarters) {
        let load = team.loads.get(quarter);
        if (!load) {
            load = { quarter, load: 0, allocations: [] };
            team.loads.set(quarter, load);
        }
        load.load += allocation.share;
        load.allocations.push(allocation);
    }
}

function addDependent(dependents: Map<string, string[]>, target: string, dependent: string): void {
    if (target === dependent) return; // a self-dependency is its own finding, not a dependent
    // Each dependent comes once (its own repeats are dropped by the caller), so no search
    // of the list: a platform team with thousands of dependents made that quadratic.
    const list = dependents.get(target);
    if (list) list.push(dependent);
    else dependents.set(target, [dependent]);
}

/** The names once each, in the order first given. */
function distinct(names: readonly string[]): readonly string[] {
    return names.length < 2 ? names : [...new Set(names)];
}

/**
 * Each pillar's active bets, person-quarters and actual share (cleared first: pillars are few,
 * so every build fills them again), and the sum of the pillar targets.
 */
export function linkPillars(tables: PlanTables): { sum: number; complete: boolean } {
    for (const pillar of tables.pillars.values()) clearLinks(pillar, 'pillar');
    let total = 0;
    for (const bet of tables.bets.values()) {
        if (bet.quarters.length === 0 || bet.pillar === undefined) continue;
        const pillar = tables.pillars.get(bet.pillar);
        if (!pillar) continue;
        pillar.bets.push(bet);
        forEachAllocation(bet, allocation => {
            const capacity = allocation.counts ? tables.teams.get(allocation.team)?.capacity : undefined;
            if (capacity === undefined) return;
            const pq = (allocation.share / 100) * capacity * bet.quarters.length;
            pillar.personQuarters += pq;
            total += pq;
        });
    }
    let sum = 0;
    let complete = tables.pillars.size > 0;
    for (const pillar of tables.pillars.values()) {
        if (total > 0) pillar.actualShare = (pillar.personQuarters / total) * 100;
        if (pillar.target === undefined) complete = false;
        else sum += pillar.target;
    }
    return { sum, complete };
}

/** The policy merged from every `policy` block, and the settings a later block repeats. */
export function readPolicy(nodes: readonly Policy[]): { policy: PlanPolicy; duplicates: PolicyEntry[] } {
    const duplicates: PolicyEntry[] = [];
    const values: Record<string, number> = {};
    const set = new Map<string, Property>();
    const policyLevels = new Map<IssueCode, Level>();
    for (const policy of nodes) {
        for (const property of policy.properties) {
            const key = isCheckProperty(property) ? `check ${property.code}` : property.$type;
            if (set.has(key)) {
                // Repeats inside one block are judged by the structure check; across blocks here.
                if (set.get(key)!.$container !== policy) duplicates.push({ node: property, policy });
                continue;
            }
            set.set(key, property);
            if (isCheckProperty(property)) {
                if (isIssueCode(property.code) && (levels as readonly string[]).includes(property.level)) {
                    policyLevels.set(property.code, property.level as Level);
                }
            } else if ('value' in property && typeof property.value === 'object' && property.value) {
                values[property.$type] = property.value.value;
            }
        }
    }
    const num = (guardType: string, fallback: number) => {
        const v = values[guardType];
        return typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;
    };
    const policy: PlanPolicy = {
        maxLoad: num('MaxLoadProperty', defaultPolicy.maxLoad),
        maxWip: num('MaxWipProperty', defaultPolicy.maxWip),
        maxBlastRadius: num('MaxBlastRadiusProperty', defaultPolicy.maxBlastRadius),
        pillarTolerance: num('PillarToleranceProperty', defaultPolicy.pillarTolerance),
        minSlice: num('MinSliceProperty', defaultPolicy.minSlice),
        levels: policyLevels,
    };
    return { policy, duplicates };
}

/** The first and last quarter any document names; today's quarter when none does. */
export function planWindow(periods: readonly Period[], today: string): { from: number; to: number } {
    if (periods.length === 0) {
        const q = quarterOfDay(today);
        return { from: q, to: q };
    }
    let from = Infinity, to = -Infinity;
    for (const p of periods) {
        from = Math.min(from, p.quarter);
        to = Math.max(to, p.quarter);
    }
    return { from, to };
}
