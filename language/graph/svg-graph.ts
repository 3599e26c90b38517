// The SVG of the node-and-edge views (dependencies, metric tree), drawn from Graphviz's layout:
// team boxes, edges with their labels set on their own line, nodes with their wrapped text,
// and a legend above. Each node is `<g class="node KIND ..." data-name="NAME">` holding its box
// and its text, each edge `<g class="edge KIND ...">` holding its path and its label.

import type { GraphDiagram } from './diagram.js';
import { edgeClasses, nodeClasses } from './dot.js';
import { xml } from './escape.js';
import { edgeTooltip, nodeTooltip } from './labels.js';
import type { GraphLayout, Point } from './layout.js';
import { labelSize, lineHeight, nodeText, textStyles } from './node-text.js';
import { graphLegend } from './svg-legend.js';
import { impactBanner, margin, n, svgOpen, textElement, type SvgOptions } from './svg-parts.js';

const pad = 8;

export function graphSvg(diagram: GraphDiagram, layout: GraphLayout, options: SvgOptions): string {
    const width = Math.max(layout.width + 2 * pad, 520);
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

    out.push('<g class="clusters">');
    for (const box of layout.clusters) {
        const cluster = diagram.clusters.find(c => c.id === box.id);
        if (!cluster) continue;
        const size = labelSize(cluster.label, textStyles.cluster);
        const at = box.label ?? { x: box.x + 8 + size.width / 2, y: box.y + 12 };
        out.push(`<g class="cluster${cluster.impact ? ' impact' : ''}" data-name="${xml(cluster.id)}" data-kind="team">`
            + `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="8"/>`
            + textElement(Math.max(box.x + 6, at.x - size.width / 2 + 3), at.y + 4, cluster.label, textStyles.cluster, 'cluster-label') + '</g>');
    }
    out.push('</g>');

    out.push('<g class="edges">');
    for (const path of layout.edges) {
        const edge = diagram.edges[path.index];
        if (!edge || path.points.length < 2) continue;
        const parts = [`<g class="${edgeClasses(edge).join(' ')}" data-from="${xml(edge.from)}" data-to="${xml(edge.to)}">`, `<title>${xml(edgeTooltip(edge))}</title>`];
        parts.push(`<path class="edge-line" d="${pathData(path.points)}"/>`);
        if (path.arrow) parts.push(`<path class="arrowhead" d="${arrowData(path.points[path.points.length - 1], path.arrow)}"/>`);
        if (edge.label !== undefined && path.label) {
            const size = labelSize(edge.label, textStyles.edge);
            const at = onEdge(path.label, size, flatten(path.points));
            parts.push(textElement(at.x, at.y + 4, edge.label, textStyles.edge, 'edge-label', 'middle'));
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

/**
 * Where an edge's label goes: Graphviz keeps room for it beside the edge, sometimes a long way
 * off; the label is moved towards the nearest point of its own line until its box touches it.
 */
export function onEdge(label: Point, size: { width: number; height: number }, line: readonly Point[]): Point {
    let best = line[0], bestDistance = Infinity;
    for (let i = 1; i < line.length; i++) {
        const p = nearestOnSegment(label, line[i - 1], line[i]);
        const d = Math.hypot(p.x - label.x, p.y - label.y);
        if (d < bestDistance) {
            best = p;
            bestDistance = d;
        }
    }
    if (bestDistance < 1e-6) return label;
    const ux = (label.x - best.x) / bestDistance, uy = (label.y - best.y) / bestDistance;
    // From the box's centre to its edge along that direction, plus a hair of room.
    const reach = Math.min(Math.abs(ux) > 1e-6 ? size.width / 2 / Math.abs(ux) : Infinity, Math.abs(uy) > 1e-6 ? size.height / 2 / Math.abs(uy) : Infinity) + 1;
    if (bestDistance <= reach + 2) return label;
    return { x: best.x + ux * reach, y: best.y + uy * reach };
}

function nearestOnSegment(p: Point, a: Point, b: Point): Point {
    const dx = b.x - a.x, dy = b.y - a.y;
    const length = dx * dx + dy * dy;
    const t = length === 0 ? 0 : Math.max(0, Math.min(1, ((p.x - a.x) * dx + (p.y - a.y) * dy) / length));
    return { x: a.x + t * dx, y: a.y + t * dy };
}

/** A filled triangle from the end of the line to the tip Graphviz left room for. */
function arrowData(from: Point, tip: Point): string {
    const dx = tip.x - from.x, dy = tip.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    const half = Math.min(4, length * 0.45);
    const px = (-dy / length) * half, py = (dx / length) * half;
    return `M${n(tip.x)},${n(tip.y)} L${n(from.x + px)},${n(from.y + py)} L${n(from.x - px)},${n(from.y - py)} Z`;
}
