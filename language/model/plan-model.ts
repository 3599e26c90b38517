// The plan as a planner sees it: teams with their load and WIP per quarter, bets with their
// active quarters, pillars with target and actual share, the dependency graph with cycles
// and blast radius, and the metric tree with why-chains. Built once per workspace build from
// the syntax trees of all plan files (names are matched by their text, so the model never
// waits on linking), then read by checks, hovers, lenses, the preview and the CLI. After an
// ordinary edit it is derived from the model before it, relinking only what the edit touched.

import {
    isAllowProperty, isBaselineProperty, isBet, isCapacityProperty, isCheckProperty, isDependsOnProperty, isDrivesProperty,
    isDuringProperty, isExpectsProperty, isFundingProperty, isGoal, isGoalProperty, 
    isMetric, isMovesProperty, isNorthStarProperty, isOwnerProperty, isPillar,
    isPillarProperty, isPolicy, isReviewProperty, isStageProperty, isSupportProperty,
    isTargetProperty, isTeam, isTypeProperty, isUnitProperty,
    type Allocation, type Bet, type Goal, type Metric, type NamedElement, type Pillar, type Plan, type Policy, type Property,
    type Team,
} from '../generated/ast.js';
import type { AstNode } from 'langium';
import { codeInfo, isIssueCode, levels, type IssueCode, type Level } from '../validation/codes.js';
import { DependentsGraph, type BoundedBets } from './dependents.js';
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

/** An element whose text changed, in the same place of the same file, with the same kind and name. */
export interface ElementChange {
    readonly uri: string;
    readonly name: string;
    readonly old: NamedElement;
    readonly new: NamedElement;
    /** Whether it is the definition that carries its name's facts (the first of duplicates). */
    readonly primary: boolean;
    /** Whether its text is the same (only the file around it changed): its facts are too, only its place moved. */
    readonly sameText: boolean;
}

/** What changed between a model and the one it was derived from. */
export interface PlanDelta {
    /** The elements whose text changed. */
    readonly changes: readonly ElementChange[];
    /** Elements of the changed files whose text did not change, new syntax node by old. */
    readonly moved: ReadonlyMap<NamedElement, NamedElement>;
    /** The files the changes are in. */
    readonly documents: ReadonlySet<string>;
    /** Changed bets, and their facts before the change. */
    readonly bets: ReadonlySet<string>;
    readonly previousBets: ReadonlyMap<string, BetFacts>;
    /** Changed teams' facts before the change. */
    readonly previousTeams: ReadonlyMap<string, TeamFacts>;
    readonly changedTeams: ReadonlySet<string>;
    readonly changedGoals: ReadonlySet<string>;
    readonly changedMetrics: ReadonlySet<string>;
    /** Teams, goals and metrics whose links (loads, bets served, ...) were rebuilt. */
    readonly teams: ReadonlySet<string>;
    readonly goals: ReadonlySet<string>;
    readonly metrics: ReadonlySet<string>;
    /** Whether any `depends-on`, or any `drives`, changed. */
    readonly graphChanged: boolean;
    readonly drivesChanged: boolean;
}

interface Orders {
    readonly bets: ReadonlyMap<string, number>;
    readonly teams: ReadonlyMap<string, number>;
    readonly goals: ReadonlyMap<string, number>;
    readonly metrics: ReadonlyMap<string, number>;
}

/** Models built so far; a model can be derived from only the last one (see `derivable`). */
let builds = 0;

export class PlanModel {
    readonly today: string;
    readonly policy: PlanPolicy;
    /** Every `policy` property that set something, by keyword; later duplicates are in `policyDuplicates`. */
    readonly policyDuplicates: PolicyEntry[];
    /** All definitions of each name, in document order; more than one is a duplicate. */
    readonly definitions: Map<string, NamedElement[]>;
    readonly teams: Map<string, TeamFacts>;
    readonly bets: Map<string, BetFacts>;
    readonly goals: Map<string, GoalFacts>;
    readonly metrics: Map<string, MetricFacts>;
    readonly pillars: Map<string, PillarFacts>;
    /** First and last quarter of the plan window (inclusive). */
    readonly window: { readonly from: number; readonly to: number };
    /** Sum of all pillar targets in percent, and whether every pillar has one. */
    readonly pillarTargets: { readonly sum: number; readonly complete: boolean };
    /**
     * When this model was derived from the one before it: the elements that changed and what
     * their change touched, so the workspace checks can re-judge only those.
     */
    readonly delta?: PlanDelta;

    private readonly dependents: Map<string, string[]>;
    /** The dependents as one compact graph, built on first use (see `DependentsGraph`). */
    private dependentsGraph?: DependentsGraph;
    private cyclesCache?: { dependency: Map<string, string[]>; metric: Map<string, string[]> };
    /** The documents this model was built from, and when: see `derivable`. */
    private readonly sources: readonly PlanDocument[];
    private readonly generation: number;
    private orderCache?: Orders;

    /**
     * Builds the model of these documents. Given the model built just before (`previous`),
     * and when only the insides of elements changed (no element added, removed, renamed or
     * moved, no policy touched, the plan window the same), it is derived from that one: the
     * changed elements are read again and only what they touch is linked again, instead of
     * the whole plan (see `derive`). Either way the result is the same.
     */
    constructor(documents: readonly PlanDocument[], today: string, previous?: PlanModel) {
        this.today = today;
        this.sources = documents;
        const changes = previous ? changedElements(previous, documents, today) : undefined;
        this.generation = ++builds;
        if (changes && previous) {
            // A derived model takes over the maps of the one before (which is not to be read again, see `entries`).
            this.definitions = previous.definitions;
            this.teams = previous.teams;
            this.bets = previous.bets;
            this.goals = previous.goals;
            this.metrics = previous.metrics;
            this.pillars = previous.pillars;
            this.dependents = previous.dependents;
            this.policy = previous.policy;
            this.policyDuplicates = previous.policyDuplicates;
            this.window = previous.window;
            this.orderCache = previous.orderCache;
            try {
                this.delta = this.derive(previous, changes);
                // Loops depend on the graph alone: unchanged graph, same loops.
                if (previous.cyclesCache && !this.delta.graphChanged && !this.delta.drivesChanged) this.cyclesCache = previous.cyclesCache;
                // The same elements, kinds and dependents: the same graph.
                if (!this.delta.graphChanged) this.dependentsGraph = previous.dependentsGraph;
                this.pillarTargets = this.computePillarShares(true);
                return;
            } catch (error) {
                // Never expected; a full build below starts from scratch (and resets every fact it reuses).
                console.error('Trellis: could not derive the plan model from the previous one; building it afresh:', error);
                this.delta = undefined;
                this.orderCache = undefined;
            }
        }
        this.definitions = new Map();
        this.teams = new Map();
        this.bets = new Map();
        this.goals = new Map();
        this.metrics = new Map();
        this.pillars = new Map();
        this.dependents = new Map();
        this.policyDuplicates = [];
        const policyNodes: Policy[] = [];
        const periods: Period[] = [];
        const betsWithoutDuring: BetFacts[] = [];

        for (const { root } of documents) {
            const span = periodSpan(root);
            if (span) periods.push(...span);
            for (const element of root.elements) {
                const entry = entryOf(element);
                if (entry.kind === 'policy') {
                    policyNodes.push(element as Policy);
                    continue;
                }
                const name = (element as NamedElement).name;
                if (!name) continue; // a recovered parse may leave an element without a name
                const defs = this.definitions.get(name);
                if (defs) {
                    defs.push(element as NamedElement);
                    continue; // only the first definition carries the facts
                }
                this.definitions.set(name, [element as NamedElement]);
                switch (entry.kind) {
                    case 'team':
                        this.teams.set(name, unlinked(entry, element as Team, readTeam));
                        break;
                    case 'bet': {
                        const bet = unlinked(entry, element as Bet, readBet);
                        this.bets.set(name, bet);
                        if (!entry.hasDuring && isActiveStage(bet.stage)) betsWithoutDuring.push(bet);
                        break;
                    }
                    case 'goal':
                        this.goals.set(name, unlinked(entry, element as Goal, readGoal));
                        break;
                    case 'metric':
                        this.metrics.set(name, unlinked(entry, element as Metric, readMetric));
                        break;
                    case 'pillar':
                        this.pillars.set(name, unlinked(entry, element as Pillar, readPillar));
                        break;
                }
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

    /** Everything that depends on this element, directly or through a chain (never itself); computed on each call. */
    allDependents(name: string): ReadonlySet<string> {
        // Most elements have no dependents: no set for each of them.
        if (!this.dependents.has(name)) return noDependents;
        return this.graph().all(name);
    }

    /** How many bets (of any stage) depend on this element directly or through a chain; computed on each call. */
    blastRadius(name: string): number {
        if (!this.dependents.has(name)) return 0;
        return this.graph().betCount(name);
    }

    /**
     * How many bets depend on this element, counted until more than `bound` are, and the first
     * `named` of them in name order: what the blast-radius check needs, at a cost that does not
     * grow with the element's whole radius (in a plan of long chains, the sum of every radius
     * is quadratic).
     */
    dependentBets(name: string, bound: number, named: number): BoundedBets {
        if (!this.dependents.has(name)) return { count: 0, complete: true, first: [] };
        return this.graph().boundedBets(name, bound, named);
    }

    private graph(): DependentsGraph {
        this.dependentsGraph ??= new DependentsGraph(this.dependents, name => this.bets.has(name));
        return this.dependentsGraph;
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
            for (let i = -1; i < bet.support.length; i++) {
                const allocation = i < 0 ? bet.owner : bet.support[i]; // the owner, then each support
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
            for (const dep of distinct(bet.dependsOn)) this.addDependent(dep, bet.name);
        }
        for (const team of this.teams.values()) {
            for (const dep of distinct(team.dependsOn)) this.addDependent(dep, team.name);
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
        // Each dependent comes once (its own repeats are dropped by the caller), so no search
        // of the list: a platform team with thousands of dependents made that quadratic.
        const list = this.dependents.get(target);
        if (list) list.push(dependent);
        else this.dependents.set(target, [dependent]);
    }

    /**
     * Re-reads the changed elements and relinks what they touch, exactly as `link` would have:
     * every list is rebuilt from its members in the order a full build visits them (bets, goals,
     * metrics and teams in plan order), and loads are summed in that order, so even rounding is
     * the same as in a full build.
     */
    private derive(previous: PlanModel, changes: readonly ElementChange[]): PlanDelta {
        const order = this.orders();
        const was = { bets: new Map<string, BetFacts>(), teams: new Map<string, TeamFacts>(), goals: new Map<string, GoalFacts>(), metrics: new Map<string, MetricFacts>() };
        const now = { bets: new Map<string, BetFacts>(), teams: new Map<string, TeamFacts>(), goals: new Map<string, GoalFacts>(), metrics: new Map<string, MetricFacts>() };
        const moved = new Map<NamedElement, NamedElement>();
        for (const change of changes) {
            const defs = [...this.definitions.get(change.name)!];
            const at = defs.indexOf(change.old);
            if (at < 0) throw new Error(`'${change.name}' was not defined where the previous model had it`);
            defs[at] = change.new;
            this.definitions.set(change.name, defs);
            if (change.sameText) {
                moved.set(change.old, change.new);
                if (change.primary) this.moveFacts(previous, change);
                continue;
            }
            if (!change.primary) continue;
            const entry = entryOf(change.new);
            switch (entry.kind) {
                case 'team':
                    was.teams.set(change.name, previous.teams.get(change.name)!);
                    this.teams.set(change.name, unlinked(entry, change.new as Team, readTeam));
                    now.teams.set(change.name, this.teams.get(change.name)!);
                    break;
                case 'bet': {
                    was.bets.set(change.name, previous.bets.get(change.name)!);
                    const bet = unlinked(entry, change.new as Bet, readBet);
                    if (!entry.hasDuring && isActiveStage(bet.stage)) bet.quarters = range(this.window.from, this.window.to);
                    this.bets.set(change.name, bet);
                    now.bets.set(change.name, bet);
                    break;
                }
                case 'goal':
                    was.goals.set(change.name, previous.goals.get(change.name)!);
                    this.goals.set(change.name, unlinked(entry, change.new as Goal, readGoal));
                    now.goals.set(change.name, this.goals.get(change.name)!);
                    break;
                case 'metric':
                    was.metrics.set(change.name, previous.metrics.get(change.name)!);
                    this.metrics.set(change.name, unlinked(entry, change.new as Metric, readMetric));
                    now.metrics.set(change.name, this.metrics.get(change.name)!);
                    break;
                case 'pillar':
                    this.pillars.set(change.name, unlinked(entry, change.new as Pillar, readPillar));
                    break;
            }
        }

        const allocated = (bet: BetFacts) => [bet.owner, ...bet.support].filter((a): a is AllocationFacts => a !== undefined).map(a => a.team);
        const both = <T>(name: string, old: Map<string, T>, fresh: Map<string, T>) => [old.get(name), fresh.get(name)].filter((x): x is T => x !== undefined);

        // Teams: who allocates them, in plan order, then their lists and loads as `link` fills them.
        const teams = new Set<string>(now.teams.keys());
        for (const name of now.bets.keys()) for (const b of both(name, was.bets, now.bets)) for (const t of allocated(b)) teams.add(t);
        for (const name of teams) {
            const team = this.teams.get(name);
            if (!team) continue;
            const before = was.teams.get(name) ?? team;
            const members = new Set([...before.owns, ...before.supports].map(b => b.name).filter(b => !now.bets.has(b)));
            for (const bet of now.bets.values()) if (allocated(bet).includes(name)) members.add(bet.name);
            team.owns.length = 0;
            team.supports.length = 0;
            team.loads.clear();
            for (const betName of sortBy(members, order.bets)) {
                const bet = this.bets.get(betName)!;
                for (let i = -1; i < bet.support.length; i++) {
                    const allocation = i < 0 ? bet.owner : bet.support[i];
                    if (allocation?.team !== name) continue;
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
            }
        }

        // Goals: the bets that serve them.
        const goals = new Set<string>(now.goals.keys());
        for (const name of now.bets.keys()) for (const b of both(name, was.bets, now.bets)) if (b.goal !== undefined) goals.add(b.goal);
        for (const name of goals) {
            const goal = this.goals.get(name);
            if (!goal) continue;
            const before = was.goals.get(name) ?? goal;
            const members = new Set(before.servedBy.map(b => b.name).filter(b => !now.bets.has(b)));
            for (const bet of now.bets.values()) if (bet.goal === name) members.add(bet.name);
            goal.servedBy.length = 0;
            for (const betName of sortBy(members, order.bets)) goal.servedBy.push(this.bets.get(betName)!);
        }
        // A bet's pillar is its own, else its goal's.
        const pillarless = new Set<BetFacts>(now.bets.values());
        for (const name of now.goals.keys()) for (const bet of this.goals.get(name)!.servedBy) pillarless.add(bet);
        for (const bet of pillarless) {
            const goal = bet.goal !== undefined ? this.goals.get(bet.goal) : undefined;
            bet.pillar = bet.ownPillar ?? goal?.pillar;
        }

        // Metrics: the bets that expect them, the goals that move them, the metrics that drive them.
        const metrics = new Set<string>(now.metrics.keys());
        for (const name of now.bets.keys()) for (const b of both(name, was.bets, now.bets)) for (const c of b.expects) metrics.add(c.metric);
        for (const name of now.goals.keys()) for (const g of both(name, was.goals, now.goals)) for (const m of g.moves) metrics.add(m);
        for (const name of now.metrics.keys()) for (const m of both(name, was.metrics, now.metrics)) for (const t of m.drives) metrics.add(t);
        for (const name of metrics) {
            const metric = this.metrics.get(name);
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
                const bet = this.bets.get(betName)!;
                for (const change of bet.expects) if (change.metric === name) metric.expectedBy.push(bet);
            }
            for (const goalName of sortBy(moving, order.goals)) {
                const goal = this.goals.get(goalName)!;
                for (const m of goal.moves) if (m === name) metric.movedBy.push(goal);
            }
            for (const driverName of sortBy(driving, order.metrics)) {
                const driver = this.metrics.get(driverName)!;
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
            const members = new Set((previous.dependents.get(target) ?? []).filter(d => !now.bets.has(d) && !now.teams.has(d)));
            for (const [name, bet] of now.bets) if (name !== target && bet.dependsOn.includes(target)) members.add(name);
            for (const [name, team] of now.teams) if (name !== target && team.dependsOn.includes(target)) members.add(name);
            const list = [...sortBy([...members].filter(m => this.bets.has(m)), order.bets), ...sortBy([...members].filter(m => !this.bets.has(m)), order.teams)];
            if (list.length > 0) this.dependents.set(target, list);
            else this.dependents.delete(target);
        }

        return {
            changes: changes.filter(c => !c.sameText), moved, teams, goals, metrics, graphChanged,
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
    private moveFacts(previous: PlanModel, change: ElementChange): void {
        const from = entryOf(change.old), to = entryOf(change.new);
        const rebind = (facts: { node: NamedElement }) => {
            facts.node = change.new;
            to.facts = facts as Entry['facts'];
            to.quarters = from.quarters;
        };
        switch (to.kind) {
            case 'team': rebind(previous.teams.get(change.name)! as unknown as { node: NamedElement }); break;
            case 'goal': rebind(previous.goals.get(change.name)! as unknown as { node: NamedElement }); break;
            case 'metric': rebind(previous.metrics.get(change.name)! as unknown as { node: NamedElement }); break;
            case 'pillar': rebind(previous.pillars.get(change.name)! as unknown as { node: NamedElement }); break;
            case 'bet': {
                const bet = previous.bets.get(change.name)!;
                const fresh = readBet(change.new as Bet);
                rebind(bet as unknown as { node: NamedElement });
                if (bet.owner && fresh.owner) (bet.owner as { node: Allocation }).node = fresh.owner.node;
                bet.support.forEach((a, i) => { (a as { node: Allocation }).node = fresh.support[i].node; });
                break;
            }
        }
    }

    /** The position of each bet, team, goal and metric in plan order (the order of the maps). */
    private orders(): Orders {
        if (!this.orderCache) {
            const positions = (map: Map<string, unknown>) => new Map([...map.keys()].map((k, i) => [k, i]));
            this.orderCache = { bets: positions(this.bets), teams: positions(this.teams), goals: positions(this.goals), metrics: positions(this.metrics) };
        }
        return this.orderCache;
    }

    /** Whether this is the model built last, so the facts it shares with the next one are still as it linked them. */
    get derivable(): boolean {
        return this.generation === builds;
    }

    /** The documents the model was built from. */
    get documents(): readonly PlanDocument[] {
        return this.sources;
    }

    private computePillarShares(reset = false): { sum: number; complete: boolean } {
        if (reset) {
            for (const pillar of this.pillars.values()) {
                pillar.personQuarters = 0;
                pillar.actualShare = undefined;
                pillar.bets.length = 0;
            }
        }
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

const noDependents: ReadonlySet<string> = new Set();

/*
 * The model is rebuilt after every change (at 50k elements the editor's budget for it is tens
 * of milliseconds), but most documents did not change. What an element says (its facts
 * before they are linked to each other) is read once per parse and kept with its syntax
 * node, which a new parse replaces; each build reuses those facts and only resets what
 * linking fills in (`unlink`). So a model is current until the next one is built: read it
 * synchronously (the plan service hands out the current one), do not keep it across a change.
 */
type Kind = 'policy' | 'team' | 'bet' | 'goal' | 'metric' | 'pillar' | undefined;

interface Entry {
    readonly kind: Kind;
    /** A bet with a `during` (else it is active over the plan window). */
    readonly hasDuring: boolean;
    facts?: TeamFacts | BetFacts | GoalFacts | MetricFacts | PillarFacts;
    /** A bet's quarters as read; a bet without `during` gets the window of each build. */
    quarters?: number[];
}

const entries = new WeakMap<object, Entry>();
const spans = new WeakMap<Plan, readonly Period[] | null>();

function entryOf(element: Plan['elements'][number]): Entry {
    let entry = entries.get(element);
    if (!entry) {
        const kind: Kind = isPolicy(element) ? 'policy' : isTeam(element) ? 'team' : isBet(element) ? 'bet'
            : isGoal(element) ? 'goal' : isMetric(element) ? 'metric' : isPillar(element) ? 'pillar' : undefined;
        entry = { kind, hasDuring: kind === 'bet' && propertyOf(element, isDuringProperty) !== undefined };
        entries.set(element, entry);
    }
    return entry;
}

/** The element's facts, read on first use, with what the last build linked into them cleared. */
function unlinked<N extends NamedElement, F extends TeamFacts | BetFacts | GoalFacts | MetricFacts | PillarFacts>(entry: Entry, node: N, read: (node: N) => F): F {
    if (!entry.facts) {
        const facts = read(node);
        entry.facts = facts;
        if ('quarters' in facts) entry.quarters = facts.quarters;
        return facts;
    }
    unlink(entry.facts, entry);
    return entry.facts as F;
}

/** Clears every field that `PlanModel.link` and `computePillarShares` fill in; a new such field belongs here too. */
function unlink(facts: TeamFacts | BetFacts | GoalFacts | MetricFacts | PillarFacts, entry: Entry): void {
    switch (entry.kind) {
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
            bet.quarters = entry.quarters!;
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

/**
 * The elements that changed between `previous` and these documents, when the model can be
 * derived from it: only the insides of elements changed (same files, and in each the same
 * elements, kinds and names in the same order; no policy block changed), and the plan window
 * is the same. Otherwise undefined: build it afresh.
 */
function changedElements(previous: PlanModel, documents: readonly PlanDocument[], today: string): ElementChange[] | undefined {
    if (!previous.derivable || previous.today !== today) return undefined;
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
        if (!sameSpan(periodSpan(was.root), periodSpan(now.root))) periodsChanged = true;
        for (let j = 0; j < a.length; j++) {
            const kind = entryOf(a[j]).kind;
            if (kind === undefined || entryOf(b[j]).kind !== kind) return undefined;
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
        const window = planWindow(documents.flatMap(d => periodSpan(d.root) ?? []), today);
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

/** The earliest and latest period a document names (they are all the plan window needs), read once per parse. */
function periodSpan(root: Plan): readonly Period[] | null {
    let span = spans.get(root);
    if (span === undefined) {
        const periods: Period[] = [];
        for (const element of root.elements) collectPeriods(element.properties, periods);
        span = periods.length === 0 ? null : [
            periods.reduce((a, b) => (b.quarter < a.quarter ? b : a)),
            periods.reduce((a, b) => (b.quarter > a.quarter ? b : a)),
        ];
        spans.set(root, span);
    }
    return span;
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
        baseline: propertyOf(node, isBaselineProperty)?.value?.value,
        target: target?.value ? { value: target.value.value, by: target.by } : undefined,
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

/** The names once each, in the order first given. */
function distinct(names: readonly string[]): readonly string[] {
    return names.length < 2 ? names : [...new Set(names)];
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
    // This runs on every bet and team after every change, and loops are rare: first a plain
    // search for one, in the order given; only when there is one, the search below, which
    // starts from names in sorted order so loops always read the same.
    if (!hasLoop(nodes, edges)) return new Map();
    const names = [...new Set(nodes)].sort();
    const ids = new Map<string, number>();
    const idOf = (name: string): number => {
        let id = ids.get(name);
        if (id === undefined) {
            id = names.length;
            names.push(name); // an edge to a name outside `nodes` is searched too, as before
            ids.set(name, id);
        }
        return id;
    };
    names.forEach((name, i) => ids.set(name, i));
    let index = new Int32Array(names.length).fill(-1);
    let low = new Int32Array(names.length);
    let onStack = new Uint8Array(names.length);
    const grow = () => {
        if (index.length >= names.length) return;
        const size = names.length * 2;
        const i2 = new Int32Array(size).fill(-1), l2 = new Int32Array(size), s2 = new Uint8Array(size);
        i2.set(index);
        l2.set(low);
        s2.set(onStack);
        [index, low, onStack] = [i2, l2, s2];
    };
    const stack: number[] = [];
    const result = new Map<string, string[]>();
    let counter = 0;
    const work: number[] = [];      // node of each frame
    const next: number[] = [];      // next successor to look at, per frame
    const succs: number[][] = [];   // successors, per frame

    const visit = (node: number) => {
        index[node] = low[node] = counter++;
        stack.push(node);
        onStack[node] = 1;
        work.push(node);
        next.push(0);
        succs.push(edges(names[node]).map(idOf));
        grow();
    };
    const starts = names.length;
    for (let start = 0; start < starts; start++) {
        if (index[start] >= 0) continue;
        visit(start);
        while (work.length > 0) {
            const top = work.length - 1;
            const node = work[top];
            const successors = succs[top];
            if (next[top] < successors.length) {
                const succ = successors[next[top]++];
                if (index[succ] < 0) visit(succ);
                else if (onStack[succ]) low[node] = Math.min(low[node], index[succ]);
                continue;
            }
            work.pop();
            next.pop();
            succs.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1];
                low[parent] = Math.min(low[parent], low[node]);
            }
            if (low[node] === index[node]) {
                const component: string[] = [];
                let member: number;
                do {
                    member = stack.pop()!;
                    onStack[member] = 0;
                    component.push(names[member]);
                } while (member !== node);
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

/** Whether following edges from these nodes ever comes back to a node on the way (a loop of two or more). */
function hasLoop(nodes: readonly string[], edges: (node: string) => readonly string[]): boolean {
    const onPath = 1, done = 2;
    const state = new Map<string, number>();
    const path: string[] = [];
    const pending: Array<readonly string[]> = [];
    const positions: number[] = [];
    for (const start of nodes) {
        if (state.has(start)) continue;
        state.set(start, onPath);
        path.push(start);
        pending.push(edges(start));
        positions.push(0);
        while (path.length > 0) {
            const top = path.length - 1;
            const successors = pending[top];
            if (positions[top] < successors.length) {
                const succ = successors[positions[top]++];
                const seen = state.get(succ);
                if (seen === onPath) {
                    if (succ !== path[top]) return true; // a node's edge to itself is not a loop of two or more
                } else if (seen === undefined) {
                    state.set(succ, onPath);
                    path.push(succ);
                    pending.push(edges(succ));
                    positions.push(0);
                }
                continue;
            }
            state.set(path.pop()!, done);
            pending.pop();
            positions.pop();
        }
    }
    return false;
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
