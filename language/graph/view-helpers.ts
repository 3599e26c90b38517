// Small helpers the view builders share: a locale-independent sort by name (so output never
// depends on the machine), rounding for figures, and the labels of periods, percentages and
// head counts.

import type { BetFacts, PlanModel, QuarterLoad } from '../model/plan-model.js';
import type { ElementFindings } from './diagram.js';
import type { FindingsByElement } from './element-findings.js';
import { noFindings } from './element-findings.js';

/** Code-point order: the same on every machine, unlike `localeCompare`. */
export function byName(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}

export function sortedBy<T>(items: Iterable<T>, key: (item: T) => string): T[] {
    return [...items].sort((a, b) => byName(key(a), key(b)));
}

/** One decimal, without `-0`. */
export function round1(value: number): number {
    const r = Math.round(value * 10) / 10;
    return Object.is(r, -0) ? 0 : r;
}

/** `1 person`, `6 people`: a team's capacity as a planner says it, in every view and export. */
export function people(count: number): string {
    return `${count} ${count === 1 ? 'person' : 'people'}`;
}

/**
 * A team's WIP in a quarter: the bets it works on, each once even when it both owns and
 * supports one — as too-much-wip, the hover and the lenses count it.
 */
export function wipOf(quarter: QuarterLoad): number {
    return new Set(quarter.allocations.map(a => a.bet.name)).size;
}

export function percent(value: number): string {
    return `${round1(value)}%`;
}

export function findingsOf(findings: FindingsByElement, name: string): ElementFindings {
    const f = findings.get(name) ?? noFindings;
    return { marks: f.marks, severity: f.severity, messages: f.messages };
}

/** `2027-Q1 .. 2027-Q2`, or one period when both ends are the same. */
export function duringLabel(bet: BetFacts): string | undefined {
    if (!bet.during) return undefined;
    const { from, to } = bet.during;
    return from.text === to.text ? from.text : `${from.text} .. ${to.text}`;
}

/** Person-quarters a bet spends: each allocation × the team's capacity × active quarters. */
export function personQuarters(model: PlanModel, bet: BetFacts, team?: string): number {
    let total = 0;
    for (const allocation of [bet.owner, ...bet.support]) {
        if (!allocation || (team !== undefined && allocation.team !== team)) continue;
        const capacity = model.teams.get(allocation.team)?.capacity;
        if (capacity === undefined) continue;
        total += (allocation.share / 100) * capacity * bet.quarters.length;
    }
    return total;
}

/** Teams a bet occupies: its owner and supporters. */
export function teamsOf(bet: BetFacts): string[] {
    return [bet.owner, ...bet.support].filter(a => a !== undefined).map(a => a.team);
}

/** Whether `target` can be reached from `start` by following `next` (not counting `start` itself unless looped). */
export function reaches(start: string, target: string, next: (name: string) => readonly string[]): boolean {
    const seen = new Set<string>();
    const stack = [...next(start)];
    while (stack.length > 0) {
        const n = stack.pop()!;
        if (n === target) return true;
        if (seen.has(n)) continue;
        seen.add(n);
        stack.push(...next(n));
    }
    return false;
}
