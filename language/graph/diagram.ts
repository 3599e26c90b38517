// The graph model: what each view of the plan shows, independent of how it is drawn. Built
// from the plan model by the view builders, turned into DOT, SVG, Mermaid or JSON by the
// renderers, and sent to the preview. Plain data, sorted by name, so the same plan always
// gives the same model. No imports: the client reads these types through the protocol.

export const viewNames = ['dependencies', 'metrics', 'capacity', 'pillars'] as const;
export type ViewName = typeof viewNames[number];

export const exportFormats = ['svg', 'png', 'dot', 'mermaid', 'json'] as const;
export type ExportFormat = typeof exportFormats[number];

export type ElementKind = 'team' | 'bet' | 'goal' | 'metric' | 'pillar';
export type FindingSeverity = 'error' | 'warning' | 'info' | 'hint';

/** What a view is asked to show. */
export interface ViewOptions {
    /** Only what concerns this team (its bets and what they touch). */
    readonly team?: string;
    /** Only what concerns this pillar. */
    readonly pillar?: string;
    /** A team or bet whose standstill to show: everything that would stall is highlighted. */
    readonly impact?: string;
    /** Dependencies view: group bets in a box per owning team (default true). */
    readonly cluster?: boolean;
    /** Node-and-edge views: only this element and what lies within `depth` hops of it. */
    readonly focus?: string;
    /** Hops up and down the chain from `focus` (default 2). */
    readonly depth?: number;
    /** Dependencies view: team boxes drawn as their team alone, the bets inside hidden. */
    readonly collapsed?: readonly string[];
    /** Node-and-edge views: elements to mark as added or changed since a revision. */
    readonly changes?: { readonly revision: string; readonly added: readonly string[]; readonly changed: readonly string[] };
}

/** What a focused diagram left out, for the preview's banner and the drawing's note. */
export interface FocusSummary {
    readonly name: string;
    readonly depth: number;
    /** Nodes shown, and in the whole view. */
    readonly shown: number;
    readonly total: number;
}

/** The findings on one element, as the editor shows them. */
export interface ElementFindings {
    /** Finding codes on the element, sorted, each once (`overloaded-team`, `dependency-cycle`). */
    readonly marks: readonly string[];
    /** The most severe finding, if any. */
    readonly severity?: FindingSeverity;
    /** Their messages, for tooltips. */
    readonly messages: readonly string[];
}

/** Everything that would stall if a team or bet did nothing for six months. */
export interface ImpactSummary {
    readonly source: string;
    readonly kind: 'team' | 'bet';
    readonly teams: readonly string[];
    /** Every bet that would stall: a team's own bets, its blast radius and what depends on its bets (active ones only). */
    readonly bets: readonly string[];
    /** A team's own work: the active bets it owns or supports (none for a bet). */
    readonly ownBets: readonly string[];
    /**
     * The bets that depend on the source through `depends-on`, directly or through a chain, of
     * any stage: their number is the blast radius that `high-blast-radius`, the hover and the
     * lenses give. Some may also be the team's own bets.
     */
    readonly blastRadius: readonly string[];
    readonly goals: readonly string[];
    readonly metrics: readonly string[];
    /** How many elements would stall, the source not counted. */
    readonly count: number;
    /**
     * What a planner can read out: `If 'identity' did nothing for six months, 29 elements would
     * stall: 13 bets, ... Its blast radius is 11 bets; it works on 4 bets of its own, ...`.
     */
    readonly description: string;
}

export type ImpactRole = 'source' | 'stalled';

export interface DiagramNode extends ElementFindings {
    /** The element's name: unique across the workspace. */
    readonly id: string;
    readonly kind: ElementKind;
    readonly title?: string;
    /** Short facts under the title (`validate · 2027-Q1 .. 2027-Q2`). */
    readonly lines: readonly string[];
    /** The cluster this node is drawn in, if any. */
    readonly cluster?: string;
    /** Extra style hints: `north-star`, `done`, `dropped`, `unowned`. */
    readonly tags: readonly string[];
    readonly impact?: ImpactRole;
}

export type EdgeKind = 'depends-on' | 'owner' | 'support' | 'drives' | 'moves' | 'serves' | 'expects';

export interface DiagramEdge {
    readonly from: string;
    readonly to: string;
    readonly kind: EdgeKind;
    readonly label?: string;
    /** `cycle` when the edge is part of a loop. */
    readonly marks: readonly string[];
    /** Both ends would stall (or one is the source). */
    readonly impact?: boolean;
}

export interface DiagramCluster {
    readonly id: string;
    readonly label: string;
    readonly impact?: boolean;
}

/** A node-and-edge view: dependencies and the metric tree. */
export interface GraphDiagram {
    readonly type: 'graph';
    readonly view: 'dependencies' | 'metrics';
    readonly title: string;
    /** Graphviz rank direction (`BT`: arrows point up, to the root at the top). */
    readonly direction: 'LR' | 'TB' | 'BT';
    readonly nodes: readonly DiagramNode[];
    readonly edges: readonly DiagramEdge[];
    readonly clusters: readonly DiagramCluster[];
    readonly impact?: ImpactSummary;
    /** Set when the view is focused on one element. */
    readonly focus?: FocusSummary;
    /** Set when elements are marked as added or changed since a revision (tags `added`, `changed`). */
    readonly changesSince?: string;
}

export interface CapacityAllocation {
    readonly bet: string;
    readonly title?: string;
    readonly role: 'owner' | 'support';
    /** Share of the team, in percent. */
    readonly share: number;
    readonly impact?: boolean;
}

export interface CapacityCell {
    readonly quarter: string;
    /** Sum of allocations in percent of the team's capacity (one decimal). */
    readonly load: number;
    /** Number of bets. */
    readonly wip: number;
    readonly overloaded: boolean;
    readonly tooMuchWip: boolean;
    readonly allocations: readonly CapacityAllocation[];
    /** Some of the bets behind the cell would stall. */
    readonly impact?: boolean;
}

export interface CapacityRow extends ElementFindings {
    readonly team: string;
    readonly title?: string;
    readonly capacity?: number;
    readonly cells: readonly CapacityCell[];
    readonly impact?: ImpactRole;
}

/** The capacity view: each team's load per quarter as a heat-map grid. */
export interface CapacityDiagram {
    readonly type: 'grid';
    readonly view: 'capacity';
    readonly title: string;
    readonly maxLoad: number;
    readonly maxWip: number;
    readonly quarters: readonly { readonly label: string; readonly current: boolean }[];
    readonly rows: readonly CapacityRow[];
    readonly impact?: ImpactSummary;
}

export interface PillarBet {
    readonly name: string;
    readonly title?: string;
    readonly personQuarters: number;
    /** Share of all person-quarters of active bets with a pillar, in percent. */
    readonly share: number;
    readonly impact?: boolean;
}

export interface PillarBar extends ElementFindings {
    readonly pillar: string;
    readonly title?: string;
    readonly target?: number;
    readonly actual?: number;
    readonly personQuarters: number;
    readonly bets: readonly PillarBet[];
    readonly impact?: boolean;
}

/** The pillars view: target against actual share per pillar, with the bets behind each. */
export interface PillarsDiagram {
    readonly type: 'bars';
    readonly view: 'pillars';
    readonly title: string;
    /** pillar-tolerance, in points. */
    readonly tolerance: number;
    readonly targets: { readonly sum: number; readonly complete: boolean };
    readonly bars: readonly PillarBar[];
    readonly impact?: ImpactSummary;
}

export type Diagram = GraphDiagram | CapacityDiagram | PillarsDiagram;
