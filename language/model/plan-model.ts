// The plan as a planner sees it: teams with their load and WIP per quarter, bets with their
// active quarters, pillars with target and actual share, the dependency graph with cycles
// and blast radius, and the metric tree with why-chains. Built once per workspace build from
// the syntax trees of all plan files (names are matched by their text, so the model never
// waits on linking), then read by checks, hovers, lenses, the preview and the CLI.

import {
    isAllowProperty, isBaselineProperty, isBet, isCapacityProperty, isCheckProperty, isDependsOnProperty, isDrivesProperty,
    isDuringProperty, isExpectsProperty, isFundingProperty, isGoal, isGoalProperty, 
    isMetric, isMovesProperty, isNorthStarProperty, isOwnerProperty, isPillar,
    isPillarProperty, isPolicy, isReviewProperty, isStageProperty, isSupportProperty,
    isTargetProperty, isTeam, isTypeProperty, isUnitProperty,
    type Allocation, type Bet, type Goal, type Metric, type NamedElement, type Pillar, type Plan, type Policy, type Property,
    type Team,
} from '../generated/ast.js';
import { codeInfo, isIssueCode, levels, type IssueCode, type Level } from '../validation/codes.js';
import { parsePeriod, periodOf, quarterLabel, quarterOfDay, type Period } from './periods.js';
import { propertiesOf, propertyOf, stages, type Funding, type Stage } from './vocabulary.js';

/** Workspace-wide thresholds, merged from every `policy` block. Percentages are in points. */
export interface PlanPolicy {
    readonly maxLoad: number;
    readonly maxWip: number;
    readonly maxBlastRadius: number;
    readonly pillarTolerance: number;
    readonly minSlice: number;
    /** Severity overrides from `check CODE LEVEL`. */
    readonly levels: ReadonlyMap<IssueCode, Level>;
}

export const defaultPolicy: PlanPolicy = {
    maxLoad: 100, maxWip: 3, maxBlastRadius: 8, pillarTolerance: 10, minSlice: 20, levels: new Map(),
};

export interface AllocationFacts {
    readonly bet: BetFacts;
    readonly team: string;
    /** Share of the team, in percent (0 when missing or invalid). */
    readonly share: number;
    /** False when the share is missing or outside 0–100%: that is reported, and counts towards nothing. */
    readonly counts: boolean;
    readonly role: 'owner' | 'support';
    readonly node: Allocation;
}

export interface QuarterLoad {
    readonly quarter: number;
    /** Sum of the team's allocations to bets active this quarter, in percent of its capacity. */
    load: number;
    readonly allocations: AllocationFacts[];
}

export interface TeamFacts {
    readonly node: Team;
    readonly name: string;
    readonly title?: string;
    readonly type?: string;
    /** People; undefined when missing or not a positive number. */
    readonly capacity?: number;
    readonly dependsOn: readonly string[];
    /** Load per active quarter, by quarter index. Quarters without active bets are absent. */
    readonly loads: Map<number, QuarterLoad>;
    readonly owns: BetFacts[];
    readonly supports: BetFacts[];
}

export interface MetricChangeFacts {
    readonly metric: string;
    readonly change?: number;
}

export interface BetFacts {
    readonly node: Bet;
    readonly name: string;
    readonly title?: string;
    readonly stage: Stage;
    readonly funding?: Funding | string;
    readonly owner?: AllocationFacts;
    readonly support: AllocationFacts[];
    readonly goal?: string;
    /** The bet's own `pillar`. */
    readonly ownPillar?: string;
    /** The bet's pillar: its own, else its goal's. Resolved after all elements are read. */
    pillar?: string;
    readonly during?: { readonly from: Period; readonly to: Period };
    /**
     * Quarters in which the bet is active: its `during`, else the plan window; none when done
     * or dropped, or when its `during` is invalid (that is an error; it should count nowhere).
     */
    quarters: number[];
    readonly review?: Period;
    readonly dependsOn: readonly string[];
    readonly expects: readonly MetricChangeFacts[];
}

export interface GoalFacts {
    readonly node: Goal;
    readonly name: string;
    readonly title?: string;
    readonly pillar?: string;
    readonly moves: readonly string[];
    readonly servedBy: BetFacts[];
}

export interface MetricFacts {
    readonly node: Metric;
    readonly name: string;
    readonly title?: string;
    readonly northStar: boolean;
    readonly unit?: string;
    readonly baseline?: number;
    readonly target?: { readonly value: number; readonly by?: string };
    readonly drives: readonly string[];
    readonly drivenBy: string[];
    readonly movedBy: GoalFacts[];
    readonly expectedBy: BetFacts[];
}

export interface PillarFacts {
    readonly node: Pillar;
    readonly name: string;
    readonly title?: string;
    /** Target share in percent, when given. */
    readonly target?: number;
    /** Person-quarters of active bets with this pillar. */
    personQuarters: number;
    /** Actual share in percent of the person-quarters of all active bets with a pillar. */
    actualShare?: number;
    readonly bets: BetFacts[];
}

export interface PolicyEntry {
    readonly node: Property;
    readonly policy: Policy;
}

/** One document's contribution, in the order the model reads documents. */
export interface PlanDocument {
    readonly uri: string;
    readonly root: Plan;
}

export class PlanModel {
    readonly today: string;
    readonly policy: PlanPolicy;
    /** Every `policy` property that set something, by keyword; later duplicates are in `policyDuplicates`. */
    readonly policyDuplicates: PolicyEntry[] = [];
    /** All definitions of each name, in document order; more than one is a duplicate. */
    readonly definitions = new Map<string, NamedElement[]>();
    readonly teams = new Map<string, TeamFacts>();
    readonly bets = new Map<string, BetFacts>();
    readonly goals = new Map<string, GoalFacts>();
    readonly metrics = new Map<string, MetricFacts>();
    readonly pillars = new Map<string, PillarFacts>();
    /** First and last quarter of the plan window (inclusive). */
    readonly window: { readonly from: number; readonly to: number };
    /** Sum of all pillar targets in percent, and whether every pillar has one. */
    readonly pillarTargets: { readonly sum: number; readonly complete: boolean };

    private readonly dependents = new Map<string, string[]>();
    private readonly dependentsCache = new Map<string, ReadonlySet<string>>();
    private cyclesCache?: { dependency: Map<string, string[]>; metric: Map<string, string[]> };

    constructor(documents: readonly PlanDocument[], today: string) {
        this.today = today;
        const policyNodes: Policy[] = [];
        const periods: Period[] = [];
        const betsWithoutDuring: BetFacts[] = [];

        for (const { root } of documents) {
            for (const element of root.elements) {
                collectPeriods(element.properties, periods);
                if (isPolicy(element)) {
                    policyNodes.push(element);
                    continue;
                }
                const name = element.name;
                if (!name) continue; // a recovered parse may leave an element without a name
                const defs = this.definitions.get(name);
                if (defs) {
                    defs.push(element);
                    continue; // only the first definition carries the facts
                }
                this.definitions.set(name, [element]);
                if (isTeam(element)) this.teams.set(name, readTeam(element));
                else if (isBet(element)) {
                    const bet = readBet(element);
                    this.bets.set(name, bet);
                    if (!propertyOf(element, isDuringProperty) && isActiveStage(bet.stage)) betsWithoutDuring.push(bet);
                }
                else if (isGoal(element)) this.goals.set(name, readGoal(element));
                else if (isMetric(element)) this.metrics.set(name, readMetric(element));
                else if (isPillar(element)) this.pillars.set(name, readPillar(element));
            }
        }

        this.policy = this.readPolicy(policyNodes);
        this.window = planWindow(periods, today);
        for (const bet of betsWithoutDuring) bet.quarters = range(this.window.from, this.window.to);

        this.link();
        this.pillarTargets = this.computePillarShares();
    }

    /** All quarters of the plan window, in order. */
    get quarters(): number[] {
        return range(this.window.from, this.window.to);
    }

    /** The quarter today falls in. */
    get currentQuarter(): number {
        return quarterOfDay(this.today);
    }

    isActive(bet: BetFacts): boolean {
        return bet.quarters.length > 0;
    }

    /** Whether this node is the definition that carries its name's facts (the first of duplicates). */
    isPrimary(node: NamedElement): boolean {
        return this.definitions.get(node.name)?.[0] === node;
    }

    /** The kind of element a name defines (`team`, `bet`, ...), if any. */
    kindOf(name: string): string | undefined {
        const node = this.definitions.get(name)?.[0];
        return node?.$type.toLowerCase();
    }

    /** Bets and teams that name this element in their `depends-on`, directly. */
    directDependents(name: string): readonly string[] {
        return this.dependents.get(name) ?? [];
    }

    /** Everything that depends on this element, directly or through a chain (never itself). */
    allDependents(name: string): ReadonlySet<string> {
        let result = this.dependentsCache.get(name);
        if (!result) {
            const seen = new Set<string>();
            const stack = [...this.directDependents(name)];
            while (stack.length > 0) {
                const next = stack.pop()!;
                if (next === name || seen.has(next)) continue;
                seen.add(next);
                stack.push(...this.directDependents(next));
            }
            result = seen;
            this.dependentsCache.set(name, result);
        }
        return result;
    }

    /** How many bets (of any stage) depend on this element directly or through a chain. */
    blastRadius(name: string): number {
        let count = 0;
        for (const dependent of this.allDependents(name)) if (this.bets.has(dependent)) count++;
        return count;
    }

    /** What this element depends on: names of bets and teams that exist. */
    dependenciesOf(name: string): readonly string[] {
        const deps = this.bets.get(name)?.dependsOn ?? this.teams.get(name)?.dependsOn ?? [];
        return deps.filter(dep => this.bets.has(dep) || this.teams.has(dep));
    }

    /** The `depends-on` loop an element is part of, as a closed path (`a, b, a`), if any. */
    dependencyCycle(name: string): readonly string[] | undefined {
        return this.cycles().dependency.get(name);
    }

    /** The `drives` loop a metric is part of, as a closed path, if any. */
    metricCycle(name: string): readonly string[] | undefined {
        return this.cycles().metric.get(name);
    }

    /** All `depends-on` loops, each once, as closed paths. */
    dependencyCycles(): string[][] {
        return uniqueCycles(this.cycles().dependency);
    }

    metricCycles(): string[][] {
        return uniqueCycles(this.cycles().metric);
    }

    /** Metrics marked north-star. */
    northStars(): MetricFacts[] {
        return [...this.metrics.values()].filter(m => m.northStar);
    }

    /**
     * The why-chains of a bet: for each metric its goal moves (or, without a goal, each
     * metric it expects), the path up the metric tree to a metric that drives nothing —
     * the north star when the tree is whole. Each chain starts with the bet and its goal.
     */
    whyChains(betName: string): string[][] {
        const bet = this.bets.get(betName);
        if (!bet) return [];
        const goal = bet.goal !== undefined ? this.goals.get(bet.goal) : undefined;
        const head = goal ? [bet.name, goal.name] : [bet.name];
        const starts = goal ? goal.moves : bet.expects.map(e => e.metric);
        const chains: string[][] = [];
        for (const start of starts) {
            for (const path of this.metricPaths(start, new Set())) chains.push([...head, ...path]);
        }
        return chains.length > 0 ? chains : [head];
    }

    /** The facts of a bet node; for a duplicate definition, facts read from it alone. */
    betFacts(node: Bet): BetFacts {
        if (this.isPrimary(node)) return this.bets.get(node.name)!;
        const bet = readBet(node);
        if (!propertyOf(node, isDuringProperty) && isActiveStage(bet.stage)) bet.quarters = range(this.window.from, this.window.to);
        return bet;
    }

    /** A person-readable label for a quarter index. */
    quarterLabel(quarter: number): string {
        return quarterLabel(quarter);
    }

    /** Paths from a metric up the metric tree to metrics that drive nothing (the north star when whole). */
    metricChains(metric: string): string[][] {
        return this.metricPaths(metric, new Set());
    }

    private metricPaths(metric: string, seen: Set<string>): string[][] {
        const facts = this.metrics.get(metric);
        if (!facts) return [];
        const next = facts.drives.filter(m => this.metrics.has(m) && !seen.has(m) && m !== metric);
        if (next.length === 0) return [[metric]];
        seen.add(metric);
        const paths = next.flatMap(m => this.metricPaths(m, seen).map(p => [metric, ...p]));
        seen.delete(metric);
        return paths;
    }

    private readPolicy(nodes: Policy[]): PlanPolicy {
        const values: Record<string, number> = {};
        const set = new Map<string, Property>();
        const policyLevels = new Map<IssueCode, Level>();
        for (const policy of nodes) {
            for (const property of policy.properties) {
                const key = isCheckProperty(property) ? `check ${property.code}` : property.$type;
                if (set.has(key)) {
                    // Repeats inside one block are judged by the structure check; across blocks here.
                    if (set.get(key)!.$container !== policy) this.policyDuplicates.push({ node: property, policy });
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
        return {
            maxLoad: num('MaxLoadProperty', defaultPolicy.maxLoad),
            maxWip: num('MaxWipProperty', defaultPolicy.maxWip),
            maxBlastRadius: num('MaxBlastRadiusProperty', defaultPolicy.maxBlastRadius),
            pillarTolerance: num('PillarToleranceProperty', defaultPolicy.pillarTolerance),
            minSlice: num('MinSliceProperty', defaultPolicy.minSlice),
            levels: policyLevels,
        };
    }

    /** Cross-links between facts: loads, owners, goals served, metrics moved, dependents. */
    private link(): void {
        for (const bet of this.bets.values()) {
            const goal = bet.goal !== undefined ? this.goals.get(bet.goal) : undefined;
            bet.pillar = bet.ownPillar ?? goal?.pillar;
            if (goal) goal.servedBy.push(bet);
            for (const change of bet.expects) this.metrics.get(change.metric)?.expectedBy.push(bet);
            for (const allocation of [bet.owner, ...bet.support]) {
                if (!allocation) continue;
                const team = this.teams.get(allocation.team);
                if (!team) continue;
                (allocation.role === 'owner' ? team.owns : team.supports).push(bet);
                if (!allocation.counts) continue;
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
            for (const dep of bet.dependsOn) this.addDependent(dep, bet.name);
        }
        for (const team of this.teams.values()) {
            for (const dep of team.dependsOn) this.addDependent(dep, team.name);
        }
        for (const goal of this.goals.values()) {
            for (const metric of goal.moves) this.metrics.get(metric)?.movedBy.push(goal);
        }
        for (const metric of this.metrics.values()) {
            for (const target of metric.drives) {
                if (target !== metric.name) this.metrics.get(target)?.drivenBy.push(metric.name);
            }
        }
    }

    private addDependent(target: string, dependent: string): void {
        if (target === dependent) return; // a self-dependency is its own finding, not a dependent
        const list = this.dependents.get(target);
        if (list) {
            if (!list.includes(dependent)) list.push(dependent);
        } else {
            this.dependents.set(target, [dependent]);
        }
    }

    private computePillarShares(): { sum: number; complete: boolean } {
        let total = 0;
        for (const bet of this.bets.values()) {
            if (bet.quarters.length === 0 || bet.pillar === undefined) continue;
            const pillar = this.pillars.get(bet.pillar);
            if (!pillar) continue;
            pillar.bets.push(bet);
            for (const allocation of [bet.owner, ...bet.support]) {
                const capacity = allocation?.counts ? this.teams.get(allocation.team)?.capacity : undefined;
                if (!allocation || capacity === undefined) continue;
                const pq = (allocation.share / 100) * capacity * bet.quarters.length;
                pillar.personQuarters += pq;
                total += pq;
            }
        }
        let sum = 0;
        let complete = this.pillars.size > 0;
        for (const pillar of this.pillars.values()) {
            if (total > 0) pillar.actualShare = (pillar.personQuarters / total) * 100;
            if (pillar.target === undefined) complete = false;
            else sum += pillar.target;
        }
        return { sum, complete };
    }

    private cycles(): { dependency: Map<string, string[]>; metric: Map<string, string[]> } {
        if (!this.cyclesCache) {
            const depEdges = (name: string) => this.dependenciesOf(name).filter(d => d !== name);
            const metricEdges = (name: string) => (this.metrics.get(name)?.drives ?? []).filter(m => this.metrics.has(m));
            this.cyclesCache = {
                dependency: findCycles([...this.bets.keys(), ...this.teams.keys()], depEdges),
                metric: findCycles([...this.metrics.keys()], metricEdges),
            };
        }
        return this.cyclesCache;
    }
}

function isActiveStage(stage: Stage): boolean {
    return stage !== 'done' && stage !== 'dropped';
}

function title(node: { title?: string }): string | undefined {
    return node.title;
}

function readTeam(node: Team): TeamFacts {
    const capacity = propertyOf(node, isCapacityProperty)?.value;
    return {
        node, name: node.name, title: title(node),
        type: propertyOf(node, isTypeProperty)?.value,
        capacity: capacity && !capacity.percent && capacity.value > 0 ? capacity.value : undefined,
        dependsOn: propertiesOf(node, isDependsOnProperty).flatMap(p => p.targets.filter(Boolean).map(t => t.$refText)),
        loads: new Map(), owns: [], supports: [],
    };
}

function readBet(node: Bet): BetFacts {
    const stageValue = propertyOf(node, isStageProperty)?.value;
    const stage: Stage = (stages as readonly string[]).includes(stageValue ?? '') ? stageValue as Stage : 'explore';
    const duringNode = propertyOf(node, isDuringProperty);
    const from = periodOf(duringNode?.from);
    const to = duringNode?.to !== undefined ? periodOf(duringNode.to) : from;
    const during = from && to && to.lastDay >= from.firstDay ? { from, to } : undefined;
    const bet: BetFacts = {
        node, name: node.name, title: title(node), stage,
        funding: propertyOf(node, isFundingProperty)?.value,
        support: [],
        goal: propertyOf(node, isGoalProperty)?.goal?.$refText,
        ownPillar: propertyOf(node, isPillarProperty)?.pillar?.$refText,
        during,
        quarters: during && isActiveStage(stage) ? range(during.from.quarter, during.to.quarter) : [],
        review: periodOf(propertyOf(node, isReviewProperty)?.date),
        dependsOn: propertiesOf(node, isDependsOnProperty).flatMap(p => p.targets.filter(Boolean).map(t => t.$refText)),
        expects: propertiesOf(node, isExpectsProperty).flatMap(p => p.changes.filter(c => c.metric).map(c => ({ metric: c.metric.$refText, change: c.change?.value }))),
    };
    const owner = propertyOf(node, isOwnerProperty)?.allocation;
    const counts = (a: Allocation) => a.share !== undefined && a.share.percent && a.share.value >= 0 && a.share.value <= 100;
    const fact = (a: Allocation, role: 'owner' | 'support'): AllocationFacts => ({
        bet, team: a.team.$refText, share: counts(a) ? a.share!.value : 0, counts: counts(a), role, node: a,
    });
    const mutable = bet as { owner?: AllocationFacts };
    if (owner?.team) mutable.owner = fact(owner, 'owner');
    for (const support of propertiesOf(node, isSupportProperty)) {
        for (const a of support.allocations) if (a.team) bet.support.push(fact(a, 'support'));
    }
    return bet;
}

function readGoal(node: Goal): GoalFacts {
    return {
        node, name: node.name, title: title(node),
        pillar: propertyOf(node, isPillarProperty)?.pillar?.$refText,
        moves: propertiesOf(node, isMovesProperty).flatMap(p => p.metrics.filter(Boolean).map(m => m.$refText)),
        servedBy: [],
    };
}

function readMetric(node: Metric): MetricFacts {
    const target = propertyOf(node, isTargetProperty);
    return {
        node, name: node.name, title: title(node),
        northStar: propertyOf(node, isNorthStarProperty) !== undefined,
        unit: propertyOf(node, isUnitProperty)?.unit,
        baseline: propertyOf(node, isBaselineProperty)?.value.value,
        target: target ? { value: target.value.value, by: target.by } : undefined,
        drives: propertiesOf(node, isDrivesProperty).flatMap(p => p.metrics.filter(Boolean).map(m => m.$refText)),
        drivenBy: [], movedBy: [], expectedBy: [],
    };
}

function readPillar(node: Pillar): PillarFacts {
    const target = propertyOf(node, isTargetProperty)?.value;
    return {
        node, name: node.name, title: title(node),
        target: target?.percent ? target.value : undefined,
        personQuarters: 0, bets: [],
    };
}

/** Every period, date and `until` named in these properties. */
function collectPeriods(properties: readonly Property[], into: Period[]): void {
    for (const p of properties) {
        const texts = isDuringProperty(p) ? [p.from, p.to]
            : isReviewProperty(p) ? [p.date]
                : isTargetProperty(p) ? [p.by]
                    : isAllowProperty(p) ? [p.until] : [];
        for (const text of texts) {
            if (text === undefined) continue;
            const result = parsePeriod(text);
            if ('period' in result) into.push(result.period);
        }
    }
}

function planWindow(periods: readonly Period[], today: string): { from: number; to: number } {
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

function range(from: number, to: number): number[] {
    const result: number[] = [];
    for (let q = from; q <= to; q++) result.push(q);
    return result;
}

/**
 * Strongly connected components (Tarjan, iterative) with more than one member; for each
 * member, one closed loop through it (`a, b, c, a`) found by a search inside its component.
 */
function findCycles(nodes: readonly string[], edges: (node: string) => readonly string[]): Map<string, string[]> {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const onStack = new Set<string>();
    const stack: string[] = [];
    const result = new Map<string, string[]>();
    let counter = 0;

    for (const start of [...nodes].sort()) {
        if (index.has(start)) continue;
        const work: Array<{ node: string; next: number; succ: readonly string[] }> = [];
        const visit = (node: string) => {
            index.set(node, counter);
            low.set(node, counter);
            counter++;
            stack.push(node);
            onStack.add(node);
            work.push({ node, next: 0, succ: edges(node) });
        };
        visit(start);
        while (work.length > 0) {
            const frame = work[work.length - 1];
            if (frame.next < frame.succ.length) {
                const succ = frame.succ[frame.next++];
                if (!index.has(succ)) visit(succ);
                else if (onStack.has(succ)) low.set(frame.node, Math.min(low.get(frame.node)!, index.get(succ)!));
                continue;
            }
            work.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1].node;
                low.set(parent, Math.min(low.get(parent)!, low.get(frame.node)!));
            }
            if (low.get(frame.node) === index.get(frame.node)) {
                const component: string[] = [];
                let member: string;
                do {
                    member = stack.pop()!;
                    onStack.delete(member);
                    component.push(member);
                } while (member !== frame.node);
                if (component.length > 1) {
                    const members = new Set(component);
                    const loop = loopThrough([...component].sort()[0], members, edges);
                    for (const m of component) result.set(m, rotate(loop, m) ?? loopThrough(m, members, edges));
                }
            }
        }
    }
    return result;
}

/** A shortest closed path from `start` back to itself inside `members` (breadth-first). */
function loopThrough(start: string, members: ReadonlySet<string>, edges: (node: string) => readonly string[]): string[] {
    const parent = new Map<string, string>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
        const node = queue[i];
        for (const succ of [...edges(node)].sort()) {
            if (!members.has(succ)) continue;
            if (succ === start) {
                const path = [start];
                for (let n: string | undefined = node; n !== undefined && n !== start; n = parent.get(n)) path.splice(1, 0, n);
                path.push(start);
                return path;
            }
            if (!parent.has(succ)) {
                parent.set(succ, node);
                queue.push(succ);
            }
        }
    }
    return [start, start];
}

/** The same closed loop, starting at `member`, if the loop passes through it. */
function rotate(loop: readonly string[], member: string): string[] | undefined {
    const open = loop.slice(0, -1);
    const at = open.indexOf(member);
    if (at < 0) return undefined;
    const rotated = [...open.slice(at), ...open.slice(0, at)];
    return [...rotated, member];
}

function uniqueCycles(byMember: ReadonlyMap<string, string[]>): string[][] {
    const seen = new Set<string>();
    const result: string[][] = [];
    for (const loop of byMember.values()) {
        const key = [...loop.slice(0, -1)].sort().join('\u0000');
        if (seen.has(key)) continue;
        seen.add(key);
        result.push(loop);
    }
    return result;
}

/** Default severity of a code after the policy's `check` overrides. */
export function levelOf(policy: PlanPolicy, code: IssueCode): Level {
    return policy.levels.get(code) ?? codeInfo[code].severity;
}
