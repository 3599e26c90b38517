// The facts of a plan, element by element: what each team, bet, goal, metric and pillar says
// (read once per parse, see read-facts.ts), and the fields linking fills in (loads, owners,
// goals served, metrics moved; see link-facts.ts). The plan model (plan-model.ts) answers
// questions about them.
//
// A fact's `node` is its syntax node. When a file is parsed again around an element whose
// text did not change, the element keeps its facts and links and only its `node` (and its
// allocations' nodes) move to the new tree: that is the one field outside linking that a
// build writes.

import type { Allocation, Bet, Goal, Metric, NamedElement, Pillar, Plan, Policy, Property, Team } from '../generated/ast.js';
import type { IssueCode, Level } from './codes.js';
import type { Period } from './periods.js';
import type { Funding, Stage } from './vocabulary.js';

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
    node: Allocation;
}

export interface QuarterLoad {
    readonly quarter: number;
    /** Sum of the team's allocations to bets active this quarter, in percent of its capacity. */
    load: number;
    readonly allocations: AllocationFacts[];
}

export interface TeamFacts {
    node: Team;
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
    node: Bet;
    readonly name: string;
    readonly title?: string;
    readonly stage: Stage;
    readonly funding?: Funding | string;
    /** Set as the bet is read (its allocations point back at it). */
    owner?: AllocationFacts;
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
    node: Goal;
    readonly name: string;
    readonly title?: string;
    readonly pillar?: string;
    readonly moves: readonly string[];
    readonly servedBy: BetFacts[];
}

export interface MetricFacts {
    node: Metric;
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
    node: Pillar;
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
    /** The build number (`PlanModel.generation`) of the model this one was derived from. */
    readonly basedOn: number;
    /** Whether any `depends-on`, or any `drives`, changed. */
    readonly graphChanged: boolean;
    readonly drivesChanged: boolean;
}

/** The maps a build fills in (see model-builder.ts); a PlanModel reads them. */
export interface PlanTables {
    /** All definitions of each name, in document order; more than one is a duplicate. */
    readonly definitions: Map<string, NamedElement[]>;
    readonly teams: Map<string, TeamFacts>;
    readonly bets: Map<string, BetFacts>;
    readonly goals: Map<string, GoalFacts>;
    readonly metrics: Map<string, MetricFacts>;
    readonly pillars: Map<string, PillarFacts>;
    /** Bets and teams that name each element in their `depends-on`: bets in plan order, then teams. */
    readonly dependents: Map<string, string[]>;
}
