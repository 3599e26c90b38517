// The text of every box and label in the node-and-edge views, wrapped and measured in the font
// the drawings use (text-metrics.ts), and the size of the box it needs. DOT gives Graphviz these
// sizes and the SVG draws these lines, so the two always agree: titles whole (never cut with
// "…"), no text under 11 px, each line inside its box.

import type { DiagramNode } from './diagram.js';
import { nodeLabel } from './labels.js';
import { textWidth, wrapText, type TextStyle } from './text-metrics.js';

export type LineClass = 'heading' | 'name' | 'fact' | 'findings';

export const textStyles: Readonly<Record<LineClass | 'edge' | 'cluster' | 'legend', TextStyle>> = {
    heading: { size: 12, weight: 'semibold' },
    name: { size: 11, weight: 'regular' },
    fact: { size: 11, weight: 'regular' },
    findings: { size: 11, weight: 'semibold' },
    edge: { size: 11, weight: 'regular' },
    cluster: { size: 12, weight: 'semibold' },
    legend: { size: 11, weight: 'regular' },
};

/** Distance between baselines: 1.35 × the font size, rounded up. */
export function lineHeight(style: TextStyle): number {
    return Math.ceil(style.size * 1.35);
}

/** Widest text line in a node box before it wraps, in px. */
export const maxTextWidth = 220;
/** Room between the text and the box's edge. */
const padX = 10, padY = 7;
/**
 * Room kept beyond the measured width: an exported SVG is drawn in the reader's own font when
 * Noto Sans is not installed, and the common fallbacks (DejaVu Sans, Verdana) run a few percent wider.
 */
export const fallbackSlack = 1.08;

export interface TextLine {
    readonly text: string;
    readonly cls: LineClass;
    readonly style: TextStyle;
}

export interface NodeText {
    readonly lines: readonly TextLine[];
    /** The box the text needs, in px. */
    readonly width: number;
    readonly height: number;
}

export function nodeText(node: DiagramNode): NodeText {
    const label = nodeLabel(node);
    const parts: Array<[string, LineClass]> = [[label.heading, 'heading']];
    if (label.name !== undefined) parts.push([label.name, 'name']);
    for (const fact of label.facts) parts.push([fact, 'fact']);
    if (label.findings !== undefined) parts.push([label.findings, 'findings']);
    const lines: TextLine[] = [];
    for (const [text, cls] of parts) {
        const style = textStyles[cls];
        for (const line of wrapText(text, maxTextWidth, style)) lines.push({ text: line, cls, style });
    }
    const widest = Math.max(...lines.map(l => textWidth(l.text, l.style)));
    const height = lines.reduce((sum, l) => sum + lineHeight(l.style), 0);
    return { lines, width: Math.ceil(Math.max(widest * fallbackSlack, 60) + 2 * padX), height: Math.ceil(height + 2 * padY) };
}

/** The box a one-line label needs (edge labels, team box headings), in px. */
export function labelSize(text: string, style: TextStyle): { width: number; height: number } {
    return { width: Math.ceil(textWidth(text, style) * fallbackSlack + 6), height: lineHeight(style) + 2 };
}

/** Widest heading a team box gets before it names the team instead of giving its title. */
const maxClusterLabelWidth = 200;

/**
 * A team box's heading, with the room it needs (Graphviz reserves exactly that): the team's
 * title when it fits in 200 px, else its name — the team's own box inside shows the whole
 * title. One short line, because in a left-to-right layout Graphviz does not make a box taller
 * for a heading wider than its contents, and a wrapped or long heading ran into the nodes
 * (seen in test/graph/legibility.test.ts).
 */
export function clusterLabel(title: string, name: string): { lines: string[]; width: number; height: number } {
    const style = textStyles.cluster;
    const text = textWidth(title, style) <= maxClusterLabelWidth ? title : name;
    return { lines: [text], width: Math.ceil(textWidth(text, style) * fallbackSlack + 6), height: lineHeight(style) + 2 };
}
