// Deriving a plan model from the one built before it, when only the insides of elements
// changed (the common edit): the changed elements are read again and only the teams, goals,
// metrics and dependents they touch are linked again, in plan order, so every list and every
// sum (even its rounding) is what a full build gives. The new model takes over the previous
// one's maps, which the builder then marks superseded.
//
// Measured at 50k elements (BENCHMARKS.md, "The plan model on every build"): a full link over
// the cached facts and a full run of the workspace checks take several times what a derived
// build and the re-judging of what it touched take, so this path earns its keep.

import type { AstNode } from 'langium';
import { isBet, isGoal, isMetric, isPillar, isTeam, type Bet, type Goal, type Metric, type NamedElement, type Pillar, type Team } from '../generated/ast.js';
import { allocate, clearLinks, forEachAllocation, planWindow, type LinkedFacts } from './link-facts.js';
import type { Period } from './periods.js';
import type { BetFacts, ElementChange, GoalFacts, MetricFacts, PlanDelta, PlanDocument, PlanTables, TeamFacts } from './plan-facts.js';
import type { PlanModel } from './plan-model.js';
import { isActiveStage, range, readBet, readGoal, readMetric, readPillar, readTeam, unlinked, type FactCache } from './read-facts.js';

/**
 * The elements that changed between `previous` and these documents, when the model can be
 * derived from it: only the insides of elements changed (same files, and in each the same
 * elements, kinds and names in the same order; no policy block changed), and the plan window
 * is the same. Otherwise undefined: build it afresh.
 */
export function changedElements(previous: PlanModel, documents: readonly PlanDocument[], today: string, facts: FactCache): ElementChange[] | undefined {
    if (previous.superseded || previous.today !== today) return undefined;
    const before = previous.documents;
    if (before.length !== documents.length) return undefined;
    const changes: ElementChange[] = [];
    let periodsChanged = false;
    for (let i = 0; i < documents.length; i++) {
        const was = before[i], now = documents[i];
        if (was.uri !== now.uri) return undefined;
        if (was.root === now.root) continue;
        const a = was.root.elements, b = now.root.elements;
        if (a.length !== b.length) return undefined;
        if (!sameSpan(facts.periodSpan(was.root), facts.periodSpan(now.root))) periodsChanged = true;
        for (let j = 0; j < a.length; j++) {
            const kind = facts.entryOf(a[j]).kind;
            if (kind === undefined || facts.entryOf(b[j]).kind !== kind) return undefined;
            if (kind === 'policy') {
                // A policy block may sit in the file as long as it reads the same (and repeats no other block's setting).
                if (a[j].$cstNode?.text !== b[j].$cstNode?.text || previous.policyDuplicates.some(d => d.policy === a[j])) return undefined;
                continue;
            }
            const name = (a[j] as NamedElement).name;
            if (!name || name !== (b[j] as NamedElement).name) return undefined;
            changes.push({
                uri: now.uri, name, old: a[j] as NamedElement, new: b[j] as NamedElement, primary: previous.definitions.get(name)?.[0] === a[j],
                sameText: sameText(a[j], b[j]),
            });
        }
    }
    if (periodsChanged) {
        const window = planWindow(documents.flatMap(d => facts.periodSpan(d.root) ?? []), today);
        if (window.from !== previous.window.from || window.to !== previous.window.to) return undefined;
    }
    return changes;
}

/** Whether two syntax nodes cover the same text (compared in place: a 7,000-element file has as many). */
function sameText(a: AstNode, b: AstNode): boolean {
    const x = a.$cstNode, y = b.$cstNode;
    if (!x || !y || x.length !== y.length) return false;
    const left = x.root.fullText, right = y.root.fullText;
    for (let i = 0, p = x.offset, q = y.offset; i < x.length; i++, p++, q++) {
        if (left.charCodeAt(p) !== right.charCodeAt(q)) return false;
    }
    return true;
}

function sameSpan(a: readonly Period[] | null, b: readonly Period[] | null): boolean {
    return a === b || (a !== null && b !== null && a[0].quarter === b[0].quarter && a[1].quarter === b[1].quarter);
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
    return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Names in the order of their positions. */
function sortBy(names: Iterable<string>, positions: ReadonlyMap<string, number>): string[] {
    return [...names].sort((x, y) => positions.get(x)! - positions.get(y)!);
}

/**
 * Re-reads the changed elements and relinks what they touch, exactly as `link` would have:
 * every list is rebuilt from its members in the order a full build visits them (bets, goals,
 * metrics and teams in plan order), and loads are summed in that order, so even rounding is
 * the same as in a full build.
 */
export function derive(tables: PlanTables, previous: PlanModel, changes: readonly ElementChange[], facts: FactCache): PlanDelta {
    const order = previous.orders();
    const window = previous.window;
    const was = { bets: new Map<string, BetFacts>(), teams: new Map<string, TeamFacts>(), goals: new Map<string, GoalFacts>(), metrics: new Map<string, MetricFacts>() };
    const now = { bets: new Map<string, BetFacts>(), teams: new Map<string, TeamFacts>(), goals: new Map<string, GoalFacts>(), metrics: new Map<string, MetricFacts>() };
    const moved = new Map<NamedElement, NamedElement>();
    for (const change of changes) {
        const defs = [...tables.definitions.get(change.name)!];
        const at = defs.indexOf(change.old);
        if (at < 0) throw new Error(`'${change.name}' was not defined where the previous model had it`);
        defs[at] = change.new;
        tables.definitions.set(change.name, defs);
        if (change.sameText) {
            moved.set(change.old, change.new);
            if (change.primary) moveFacts(previous, change, facts);
            continue;
        }
        if (!change.primary) continue;
        const entry = facts.entryOf(change.new);
        switch (entry.kind) {
            case 'team':
                was.teams.set(change.name, previous.teams.get(change.name)!);
                tables.teams.set(change.name, unlinked(entry, change.new as Team, readTeam));
                now.teams.set(change.name, tables.teams.get(change.name)!);
                break;
            case 'bet': {
                was.bets.set(change.name, previous.bets.get(change.name)!);
                const bet = unlinked(entry, change.new as Bet, readBet);
                if (!entry.hasDuring && isActiveStage(bet.stage)) bet.quarters = range(window.from, window.to);
                tables.bets.set(change.name, bet);
                now.bets.set(change.name, bet);
                break;
            }
            case 'goal':
                was.goals.set(change.name, previous.goals.get(change.name)!);
                tables.goals.set(change.name, unlinked(entry, change.new as Goal, readGoal));
                now.goals.set(change.name, tables.goals.get(change.name)!);
                break;
            case 'metric':
                was.metrics.set(change.name, previous.metrics.get(change.name)!);
                tables.metrics.set(change.name, unlinked(entry, change.new as Metric, readMetric));
                now.metrics.set(change.name, tables.metrics.get(change.name)!);
                break;
            case 'pillar':
                tables.pillars.set(change.name, unlinked(entry, change.new as Pillar, readPillar));
                break;
        }
    }

    const allocated = (bet: BetFacts) => [bet.owner, ...bet.support].flatMap(a => (a ? [a.team] : []));
    const both = <T>(name: string, old: Map<string, T>, fresh: Map<string, T>) => [old.get(name), fresh.get(name)].filter((x): x is T => x !== undefined);

    // Teams: who allocates them, in plan order, then their lists and loads as `link` fills them.
    const teams = new Set<string>(now.teams.keys());
    for (const name of now.bets.keys()) for (const b of both(name, was.bets, now.bets)) for (const t of allocated(b)) teams.add(t);
    for (const name of teams) {
        const team = tables.teams.get(name);
        if (!team) continue;
        const before = was.teams.get(name) ?? team;
        const members = new Set([...before.owns, ...before.supports].map(b => b.name).filter(b => !now.bets.has(b)));
        for (const bet of now.bets.values()) if (allocated(bet).includes(name)) members.add(bet.name);
        clearLinks(team, 'team');
        for (const betName of sortBy(members, order.bets)) {
            const bet = tables.bets.get(betName)!;
            forEachAllocation(bet, allocation => {
                if (allocation.team === name) allocate(team, bet, allocation);
            });
        }
    }

    // Goals: the bets that serve them.
    const goals = new Set<string>(now.goals.keys());
    for (const name of now.bets.keys()) for (const b of both(name, was.bets, now.bets)) if (b.goal !== undefined) goals.add(b.goal);
    for (const name of goals) {
        const goal = tables.goals.get(name);
        if (!goal) continue;
        const before = was.goals.get(name) ?? goal;
        const members = new Set(before.servedBy.map(b => b.name).filter(b => !now.bets.has(b)));
        for (const bet of now.bets.values()) if (bet.goal === name) members.add(bet.name);
        goal.servedBy.length = 0;
        for (const betName of sortBy(members, order.bets)) goal.servedBy.push(tables.bets.get(betName)!);
    }
    // A bet's pillar is its own, else its goal's.
    const pillarless = new Set<BetFacts>(now.bets.values());
    for (const name of now.goals.keys()) for (const bet of tables.goals.get(name)!.servedBy) pillarless.add(bet);
    for (const bet of pillarless) {
        const goal = bet.goal !== undefined ? tables.goals.get(bet.goal) : undefined;
        bet.pillar = bet.ownPillar ?? goal?.pillar;
    }

    // Metrics: the bets that expect them, the goals that move them, the metrics that drive them.
    const metrics = new Set<string>(now.metrics.keys());
    for (const name of now.bets.keys()) for (const b of both(name, was.bets, now.bets)) for (const c of b.expects) metrics.add(c.metric);
    for (const name of now.goals.keys()) for (const g of both(name, was.goals, now.goals)) for (const m of g.moves) metrics.add(m);
    for (const name of now.metrics.keys()) for (const m of both(name, was.metrics, now.metrics)) for (const t of m.drives) metrics.add(t);
    for (const name of metrics) {
        const metric = tables.metrics.get(name);
        if (!metric) continue;
        const before = was.metrics.get(name) ?? metric;
        const expecting = new Set(before.expectedBy.map(b => b.name).filter(b => !now.bets.has(b)));
        for (const bet of now.bets.values()) if (bet.expects.some(c => c.metric === name)) expecting.add(bet.name);
        const moving = new Set(before.movedBy.map(g => g.name).filter(g => !now.goals.has(g)));
        for (const goal of now.goals.values()) if (goal.moves.includes(name)) moving.add(goal.name);
        const driving = new Set(before.drivenBy.filter(m => !now.metrics.has(m)));
        for (const m of now.metrics.values()) if (m.drives.includes(name)) driving.add(m.name);
        metric.expectedBy.length = 0;
        metric.movedBy.length = 0;
        metric.drivenBy.length = 0;
        for (const betName of sortBy(expecting, order.bets)) {
            const bet = tables.bets.get(betName)!;
            for (const change of bet.expects) if (change.metric === name) metric.expectedBy.push(bet);
        }
        for (const goalName of sortBy(moving, order.goals)) {
            const goal = tables.goals.get(goalName)!;
            for (const m of goal.moves) if (m === name) metric.movedBy.push(goal);
        }
        for (const driverName of sortBy(driving, order.metrics)) {
            const driver = tables.metrics.get(driverName)!;
            for (const target of driver.drives) if (target === name && target !== driver.name) metric.drivenBy.push(driver.name);
        }
    }

    // Dependents: bets in plan order, then teams in plan order, each once.
    const targets = new Set<string>();
    let graphChanged = false;
    for (const [name, bet] of now.bets) {
        const before = was.bets.get(name)!;
        if (!sameList(before.dependsOn, bet.dependsOn)) graphChanged = true;
        for (const d of [...before.dependsOn, ...bet.dependsOn]) targets.add(d);
    }
    for (const [name, team] of now.teams) {
        const before = was.teams.get(name)!;
        if (!sameList(before.dependsOn, team.dependsOn)) graphChanged = true;
        for (const d of [...before.dependsOn, ...team.dependsOn]) targets.add(d);
    }
    for (const target of targets) {
        const members = new Set((previous.directDependents(target)).filter(d => !now.bets.has(d) && !now.teams.has(d)));
        for (const [name, bet] of now.bets) if (name !== target && bet.dependsOn.includes(target)) members.add(name);
        for (const [name, team] of now.teams) if (name !== target && team.dependsOn.includes(target)) members.add(name);
        const list = [...sortBy([...members].filter(m => tables.bets.has(m)), order.bets), ...sortBy([...members].filter(m => !tables.bets.has(m)), order.teams)];
        if (list.length > 0) tables.dependents.set(target, list);
        else tables.dependents.delete(target);
    }

    return {
        basedOn: previous.generation, changes: changes.filter(c => !c.sameText), moved, teams, goals, metrics, graphChanged,
        drivesChanged: [...now.metrics].some(([name, m]) => !sameList(was.metrics.get(name)!.drives, m.drives)),
        bets: new Set(now.bets.keys()),
        changedTeams: new Set(now.teams.keys()), changedGoals: new Set(now.goals.keys()), changedMetrics: new Set(now.metrics.keys()),
        documents: new Set(changes.map(c => c.uri)),
        previousBets: was.bets, previousTeams: was.teams,
    };
}

/**
 * An element whose text did not change keeps its facts and their links; only the syntax
 * nodes they point at are the new ones (read from the new node, in the same shape).
 */
function moveFacts(previous: PlanModel, change: ElementChange, facts: FactCache): void {
    const from = facts.entryOf(change.old), to = facts.entryOf(change.new);
    const node = change.new;
    let moved: LinkedFacts | undefined;
    if (isTeam(node)) moved = Object.assign(previous.teams.get(change.name)!, { node });
    else if (isGoal(node)) moved = Object.assign(previous.goals.get(change.name)!, { node });
    else if (isMetric(node)) moved = Object.assign(previous.metrics.get(change.name)!, { node });
    else if (isPillar(node)) moved = Object.assign(previous.pillars.get(change.name)!, { node });
    else if (isBet(node)) {
        const bet = Object.assign(previous.bets.get(change.name)!, { node });
        // The same text reads as the same allocations, in the same order.
        const fresh = readBet(node);
        if (bet.owner && fresh.owner) bet.owner.node = fresh.owner.node;
        bet.support.forEach((a, i) => { a.node = fresh.support[i].node; });
        moved = bet;
    }
    to.facts = moved;
    to.quarters = from.quarters;
}
