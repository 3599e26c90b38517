// The plan as a planner sees it: teams with their load and WIP per quarter, bets with their
// active quarters, pillars with target and actual share, the dependency graph with cycles
// and blast radius, and the metric tree with why-chains. Read by checks, hovers, lenses, the
// preview and the CLI; built once per workspace build by the model builder (model-builder.ts)
// from the facts of every plan file (names are matched by their text, so the model never
// waits on linking).
//
// A model is current until the next one is built: the next build reuses the facts it reads
// (and, when derived, its maps), so the builder marks it `superseded`. Read a model
// synchronously (the plan service hands out the current one); do not keep it across a change.

import { isDuringProperty, type Bet, type NamedElement } from '../generated/ast.js';
import { findCycles, uniqueCycles } from './cycles.js';
import { DependentsGraph, type BoundedBets } from './dependents.js';
import { quarterLabel, quarterOfDay } from './periods.js';
import type {
    BetFacts, GoalFacts, MetricFacts, PillarFacts, PlanDelta, PlanDocument, PlanPolicy, PlanTables, PolicyEntry, TeamFacts,
} from './plan-facts.js';
import { isActiveStage, range, readBet } from './read-facts.js';
import { propertyOf } from './vocabulary.js';

export type {
    AllocationFacts, BetFacts, ElementChange, GoalFacts, MetricChangeFacts, MetricFacts, PillarFacts, PlanDelta, PlanDocument,
    PlanPolicy, PolicyEntry, QuarterLoad, TeamFacts,
} from './plan-facts.js';
export { defaultPolicy } from './plan-facts.js';

/** Each element's loop, by member, for `depends-on` and for `drives`. */
export interface Loops {
    readonly dependency: Map<string, string[]>;
    readonly metric: Map<string, string[]>;
}

/**
 * What a model computes on first use and a model derived from it may take over when the change
 * left it as it was (see model-derive.ts): the loops, the dependents graph, the plan order.
 */
export interface ModelMemo {
    cycles?: Loops;
    graph?: DependentsGraph;
    orders?: PlanOrders;
}

/** The position of each bet, team, goal and metric in plan order (the order of the maps). */
export interface PlanOrders {
    readonly bets: ReadonlyMap<string, number>;
    readonly teams: ReadonlyMap<string, number>;
    readonly goals: ReadonlyMap<string, number>;
    readonly metrics: ReadonlyMap<string, number>;
}

/** Everything a build makes; a model is these, with questions about them. */
export interface PlanParts extends PlanTables {
    readonly today: string;
    /** The documents the model was built from, in the order they were read. */
    readonly documents: readonly PlanDocument[];
    /** This build's number, counted by its builder. */
    readonly generation: number;
    readonly policy: PlanPolicy;
    readonly policyDuplicates: readonly PolicyEntry[];
    readonly window: { readonly from: number; readonly to: number };
    readonly pillarTargets: { readonly sum: number; readonly complete: boolean };
    readonly delta?: PlanDelta;
    readonly memo: ModelMemo;
}

export class PlanModel {
    readonly today: string;
    readonly documents: readonly PlanDocument[];
    /** The build this model came from, counted by its builder (see `PlanDelta.basedOn`). */
    readonly generation: number;
    readonly policy: PlanPolicy;
    /** Policy settings that a later `policy` block repeats (the first one counts). */
    readonly policyDuplicates: readonly PolicyEntry[];
    /** All definitions of each name, in document order; more than one is a duplicate. */
    readonly definitions: ReadonlyMap<string, readonly NamedElement[]>;
    readonly teams: ReadonlyMap<string, TeamFacts>;
    readonly bets: ReadonlyMap<string, BetFacts>;
    readonly goals: ReadonlyMap<string, GoalFacts>;
    readonly metrics: ReadonlyMap<string, MetricFacts>;
    readonly pillars: ReadonlyMap<string, PillarFacts>;
    /** First and last quarter of the plan window (inclusive). */
    readonly window: { readonly from: number; readonly to: number };
    /** Sum of all pillar targets in percent, and whether every pillar has one. */
    readonly pillarTargets: { readonly sum: number; readonly complete: boolean };
    /**
     * When this model was derived from the one before it: the elements that changed and what
     * their change touched, so the workspace checks can re-judge only those.
     */
    readonly delta?: PlanDelta;
    /** Loops, the dependents graph and plan order, computed on first use (see ModelMemo). */
    readonly memo: ModelMemo;
    /** Set when a later model was built: this one's facts are no longer as it linked them. */
    superseded = false;

    private readonly dependents: ReadonlyMap<string, readonly string[]>;

    constructor(parts: PlanParts) {
        this.today = parts.today;
        this.documents = parts.documents;
        this.generation = parts.generation;
        this.policy = parts.policy;
        this.policyDuplicates = parts.policyDuplicates;
        this.definitions = parts.definitions;
        this.teams = parts.teams;
        this.bets = parts.bets;
        this.goals = parts.goals;
        this.metrics = parts.metrics;
        this.pillars = parts.pillars;
        this.dependents = parts.dependents;
        this.window = parts.window;
        this.pillarTargets = parts.pillarTargets;
        this.delta = parts.delta;
        this.memo = parts.memo;
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
        this.memo.graph ??= new DependentsGraph(this.dependents, name => this.bets.has(name));
        return this.memo.graph;
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

    /** The position of each bet, team, goal and metric in plan order. */
    orders(): PlanOrders {
        if (!this.memo.orders) {
            const positions = (map: ReadonlyMap<string, unknown>) => new Map([...map.keys()].map((k, i) => [k, i]));
            this.memo.orders = { bets: positions(this.bets), teams: positions(this.teams), goals: positions(this.goals), metrics: positions(this.metrics) };
        }
        return this.memo.orders;
    }

    private cycles(): Loops {
        if (!this.memo.cycles) {
            const depEdges = (name: string) => this.dependenciesOf(name).filter(d => d !== name);
            const metricEdges = (name: string) => (this.metrics.get(name)?.drives ?? []).filter(m => this.metrics.has(m));
            this.memo.cycles = {
                dependency: findCycles([...this.bets.keys(), ...this.teams.keys()], depEdges),
                metric: findCycles([...this.metrics.keys()], metricEdges),
            };
        }
        return this.memo.cycles;
    }
}

const noDependents: ReadonlySet<string> = new Set();
