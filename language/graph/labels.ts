// The words every format puts on a node: heading, name, facts and findings, and the text of
// its tooltip. One place, so the SVG, DOT and Mermaid of a view say the same thing.

import type { DiagramEdge, DiagramNode, ElementKind, ImpactSummary } from './diagram.js';

/** Short words for the findings worth showing on a node. */
const markWords: Readonly<Record<string, string>> = {
    'overloaded-team': 'overloaded',
    'too-much-wip': 'too much WIP',
    'fragmented-allocation': 'fragmented',
    'dependency-cycle': 'cycle',
    'metric-cycle': 'cycle',
    'high-blast-radius': 'high blast radius',
    'pillar-drift': 'drift',
    'depends-on-dropped': 'depends on dropped',
    'late-dependency': 'late dependency',
    'overdue-review': 'review overdue',
    'missing-review': 'no review date',
    'unlinked-goal': 'unlinked',
    'orphan-bet': 'orphan',
    'one-person-team': 'one person',
};

export const kindWords: Readonly<Record<ElementKind, string>> = {
    team: 'Team', bet: 'Bet', goal: 'Goal', metric: 'Metric', pillar: 'Pillar',
};

export interface NodeLabel {
    /** The title, or the name when there is none. */
    readonly heading: string;
    /** The name under a title; absent when the heading is the name. */
    readonly name?: string;
    readonly facts: readonly string[];
    /** `⚠ overloaded · cycle`, when the node has findings worth showing. */
    readonly findings?: string;
}

/** Longest title a drawing shows whole; real titles are far shorter (the tooltip has any title whole). */
export const maxDrawnTitle = 300;

/** A title as drawn: whole, unless it is longer than any real title (a 5 MB one must still draw). */
export function clipTitle(text: string): string {
    if (text.length <= maxDrawnTitle) return text;
    const chars = [...text.slice(0, maxDrawnTitle * 2)];
    return chars.length <= maxDrawnTitle ? text : `${chars.slice(0, maxDrawnTitle - 1).join('')}…`;
}

export function nodeLabel(node: DiagramNode): NodeLabel {
    const star = node.tags.includes('north-star') ? '★ ' : '';
    const heading = star + clipTitle(node.title ?? node.id);
    const words = [...new Set(node.marks.map(m => markWords[m]).filter(w => w !== undefined))];
    return {
        heading,
        name: node.title !== undefined ? node.id : undefined,
        facts: node.lines.filter(l => l !== ''),
        findings: words.length > 0 ? `⚠ ${words.join(' · ')}` : undefined,
    };
}

/** All lines of a node's label, top to bottom. */
export function labelLines(node: DiagramNode): string[] {
    const label = nodeLabel(node);
    return [label.heading, ...(label.name !== undefined ? [label.name] : []), ...label.facts, ...(label.findings !== undefined ? [label.findings] : [])];
}

/** The tooltip: kind, name and full title, facts, and every finding message. */
export function nodeTooltip(node: DiagramNode): string {
    const head = `${kindWords[node.kind]} ${node.id}${node.title !== undefined ? ` — ${node.title}` : ''}`;
    const impact = node.impact === 'source' ? ['Impact: the element that stops'] : node.impact === 'stalled' ? ['Impact: would stall'] : [];
    return [head, ...node.lines.filter(l => l !== ''), ...impact, ...node.messages].join('\n');
}

export function edgeTooltip(edge: DiagramEdge): string {
    const verb: Record<DiagramEdge['kind'], string> = {
        'depends-on': 'depends on', owner: 'is owned by', support: 'is supported by', drives: 'drives',
        moves: 'moves', serves: 'serves', expects: 'expects a change of',
    };
    const label = edge.label !== undefined && edge.kind !== 'owner' && edge.kind !== 'support' ? ` (${edge.label})` : '';
    const share = edge.kind === 'owner' || edge.kind === 'support' ? ` (${edge.label?.split(' ').pop()})` : '';
    return `${edge.from} ${verb[edge.kind]} ${edge.to}${label}${share}${edge.marks.includes('cycle') ? ' — part of a loop' : ''}`;
}

export function impactLine(impact: ImpactSummary | undefined): string | undefined {
    return impact?.description;
}
