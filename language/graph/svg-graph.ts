// The SVG of the node-and-edge views (dependencies, metric tree), drawn from Graphviz's layout:
// team boxes, edges with their labels set on their own line, nodes with their wrapped text,
// and a legend above. Each node is `<g class="node KIND ..." data-name="NAME">` holding its box
// and its text, each edge `<g class="edge KIND ...">` holding its path and its label.

import type { GraphDiagram } from './diagram.js';
import { edgeClasses, largeGraph, nodeClasses } from './dot.js';
import { xml } from './escape.js';
import { edgeTooltip, nodeTooltip } from './labels.js';
import type { GraphLayout, Point } from './layout.js';
import { clusterLabel, lineHeight, nodeText, textStyles } from './node-text.js';
import { textWidth } from './text-metrics.js';
import { graphLegend } from './svg-legend.js';
import { impactBanner, margin, n, svgOpen, textElement, type SvgOptions } from './svg-parts.js';

const pad = 8;

export function graphSvg(diagram: GraphDiagram, layout: GraphLayout, options: SvgOptions): string {
    const width = Math.max(layout.width + 2 * pad, 520);
    const large = diagram.nodes.length > largeGraph;
    const body: string[] = [];
    let top = impactBanner(diagram.impact, width, body, options);
    if (diagram.focus && (options.standalone ?? true)) {
        const f = diagram.focus;
        body.push(textElement(margin, top + margin + 12, `Focused on ${f.name}: ${f.shown} of ${f.total} elements, up to ${f.depth} hop${f.depth === 1 ? '' : 's'} up and down`, textStyles.legend, 'diagram-note'));
        top += 20;
    }
    const legend = graphLegend(diagram, margin, top + margin - 6, width - 2 * margin);
    body.push(legend.markup);
    top += margin + legend.height;
    const height = layout.height + top + 2 * pad;
    const out = svgOpen(diagram, width, height, options);
    out.push(...body);
    out.push(`<g class="graph" transform="translate(${pad} ${n(top + pad)})">`);

    // What an edge label must not cover: the nodes, the team box headings, the labels placed before it.
    const obstacles: Box[] = [...layout.nodes.values()].map(b => ({ x: b.x - b.width / 2, y: b.y - b.height / 2, width: b.width, height: b.height }));
    out.push('<g class="clusters">');
    for (const box of layout.clusters) {
        const cluster = diagram.clusters.find(c => c.id === box.id);
        if (!cluster) continue;
        const heading = clusterLabel(cluster.label, cluster.id);
        const at = box.label ?? { x: box.x + 8 + heading.width / 2, y: box.y + 6 + heading.height / 2 };
        const left = Math.max(box.x + 6, at.x - heading.width / 2 + 3);
        const step = lineHeight(textStyles.cluster);
        const first = at.y - heading.height / 2 + step / 2 + textStyles.cluster.size * 0.39;
        obstacles.push({ x: left, y: at.y - heading.height / 2, width: heading.width, height: heading.height });
        out.push(`<g class="cluster${cluster.impact ? ' impact' : ''}" data-name="${xml(cluster.id)}" data-kind="team">`
            + `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="8"/>`
            + heading.lines.map((line, i) => textElement(left, first + i * step, line, textStyles.cluster, 'cluster-label')).join('') + '</g>');
    }
    out.push('</g>');

    out.push('<g class="edges">');
    for (const path of layout.edges) {
        const edge = diagram.edges[path.index];
        if (!edge || path.points.length < 2) continue;
        const parts = [`<g class="${edgeClasses(edge).join(' ')}" data-from="${xml(edge.from)}" data-to="${xml(edge.to)}">`, `<title>${xml(edgeTooltip(edge))}</title>`];
        parts.push(`<path class="edge-line" d="${pathData(path.points)}"/>`);
        if (path.arrow) parts.push(`<path class="arrowhead" d="${arrowData(path.points[path.points.length - 1], path.arrow)}"/>`);
        if (edge.label !== undefined && !large) {
            const text = { width: textWidth(edge.label, textStyles.edge), size: textStyles.edge.size };
            const at = placeLabel(text, flatten(path.points), obstacles);
            obstacles.push(textBox(at, text));
            // The baseline, so the text's box is centred on `at`.
            parts.push(textElement(at.x, at.y + text.size * 0.39, edge.label, textStyles.edge, 'edge-label', 'middle'));
        }
        parts.push('</g>');
        out.push(parts.join(''));
    }
    out.push('</g>');

    out.push('<g class="nodes">');
    for (const node of diagram.nodes) {
        const box = layout.nodes.get(node.id);
        if (!box) continue;
        const text = nodeText(node);
        const block = text.lines.reduce((sum, l) => sum + lineHeight(l.style), 0);
        let slot = box.y - block / 2;
        const texts: string[] = [];
        for (const line of text.lines) {
            const step = lineHeight(line.style);
            texts.push(textElement(box.x, slot + step / 2 + line.style.size * 0.36, line.text, line.style, line.cls, 'middle'));
            slot += step;
        }
        out.push(`<g class="${nodeClasses(node).join(' ')}" data-name="${xml(node.id)}" data-kind="${node.kind}">`
            + `<title>${xml(nodeTooltip(node))}</title>`
            + `<rect class="node-box" x="${n(box.x - box.width / 2)}" y="${n(box.y - box.height / 2)}" width="${n(box.width)}" height="${n(box.height)}" rx="6"/>`
            + texts.join('') + '</g>');
    }
    out.push('</g>', '</g>', '</svg>', '');
    return out.join('\n');
}

function pathData(points: readonly Point[]): string {
    const [start, ...rest] = points;
    let d = `M${n(start.x)},${n(start.y)}`;
    if (rest.length % 3 === 0) {
        for (let i = 0; i < rest.length; i += 3) d += ` C${n(rest[i].x)},${n(rest[i].y)} ${n(rest[i + 1].x)},${n(rest[i + 1].y)} ${n(rest[i + 2].x)},${n(rest[i + 2].y)}`;
    } else {
        for (const p of rest) d += ` L${n(p.x)},${n(p.y)}`;
    }
    return d;
}

/** The edge as a polyline: each cubic Bézier piece sampled at eight steps. */
export function flatten(points: readonly Point[]): Point[] {
    const [start, ...rest] = points;
    if (rest.length % 3 !== 0) return [...points];
    const out: Point[] = [start];
    let from = start;
    for (let i = 0; i < rest.length; i += 3) {
        const [a, b, c] = [rest[i], rest[i + 1], rest[i + 2]];
        for (let k = 1; k <= 8; k++) {
            const t = k / 8, u = 1 - t;
            out.push({
                x: u * u * u * from.x + 3 * u * u * t * a.x + 3 * u * t * t * b.x + t * t * t * c.x,
                y: u * u * u * from.y + 3 * u * u * t * a.y + 3 * u * t * t * b.y + t * t * t * c.y,
            });
        }
        from = c;
    }
    return out;
}

interface Box { readonly x: number; readonly y: number; readonly width: number; readonly height: number }

/** The box a label's text covers when centred at `at` (Noto Sans: about 1.36 em from ascender to descender). */
function textBox(at: Point, text: { width: number; size: number }): Box {
    const height = text.size * 1.36;
    return { x: at.x - text.width / 2, y: at.y - height / 2, width: text.width, height };
}

function overlap(a: Box, b: Box): number {
    const w = Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x);
    const h = Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y);
    return w > 0 && h > 0 ? w * h : 0;
}

/**
 * Where an edge's label goes: touching its own line, on the side and at the place along the
 * line where it covers no node, no team box heading and no label placed before it, tried from
 * the middle of the line outwards; the candidate that covers least wins when none is free.
 */
export function placeLabel(text: { width: number; size: number }, line: readonly Point[], obstacles: readonly Box[]): Point {
    const candidates: Point[] = [];
    const total = line.reduce((sum, p, i) => (i === 0 ? 0 : sum + Math.hypot(p.x - line[i - 1].x, p.y - line[i - 1].y)), 0);
    for (const t of [0.5, 0.4, 0.6, 0.3, 0.7, 0.2, 0.8, 0.45, 0.55, 0.35, 0.65, 0.25, 0.75, 0.15, 0.85]) {
        const at = alongLine(line, t * total);
        if (!at) continue;
        const normal = { x: -at.direction.y, y: at.direction.x };
        for (const side of [1, -1]) candidates.push(beside(at.point, { x: at.point.x + side * normal.x, y: at.point.y + side * normal.y }, text));
    }
    let best = candidates[0] ?? line[0], bestCover = Infinity;
    for (const candidate of candidates) {
        const box = textBox(candidate, text);
        const cover = obstacles.reduce((sum, o) => sum + overlap(box, o), 0);
        if (cover === 0) return candidate;
        if (cover < bestCover) {
            best = candidate;
            bestCover = cover;
        }
    }
    return best;
}

/** The label's centre beside `point`, towards `towards`, its text one pixel off the line. */
function beside(point: Point, towards: Point, text: { width: number; size: number }): Point {
    const d = Math.hypot(towards.x - point.x, towards.y - point.y);
    if (d < 1e-6) return point;
    const ux = (towards.x - point.x) / d, uy = (towards.y - point.y) / d;
    const half = { x: text.width / 2 + 1, y: (text.size * 1.36) / 2 + 1 };
    const reach = Math.min(Math.abs(ux) > 1e-6 ? half.x / Math.abs(ux) : Infinity, Math.abs(uy) > 1e-6 ? half.y / Math.abs(uy) : Infinity);
    return { x: point.x + ux * reach, y: point.y + uy * reach };
}

/** The point `distance` along the line, with the line's direction there. */
function alongLine(line: readonly Point[], distance: number): { point: Point; direction: Point } | undefined {
    let left = distance;
    for (let i = 1; i < line.length; i++) {
        const a = line[i - 1], b = line[i];
        const length = Math.hypot(b.x - a.x, b.y - a.y);
        if (length === 0) continue;
        if (left <= length || i === line.length - 1) {
            const t = Math.min(1, left / length);
            return { point: { x: a.x + t * (b.x - a.x), y: a.y + t * (b.y - a.y) }, direction: { x: (b.x - a.x) / length, y: (b.y - a.y) / length } };
        }
        left -= length;
    }
    return undefined;
}

/** A filled triangle from the end of the line to the tip Graphviz left room for. */
function arrowData(from: Point, tip: Point): string {
    const dx = tip.x - from.x, dy = tip.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    const half = Math.min(4, length * 0.45);
    const px = (-dy / length) * half, py = (dx / length) * half;
    return `M${n(tip.x)},${n(tip.y)} L${n(from.x + px)},${n(from.y + py)} L${n(from.x - px)},${n(from.y - py)} Z`;
}
