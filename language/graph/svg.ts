// SVG for every view, written by hand from the Graphviz layout (dependencies, metric tree)
// or from a grid and bar layout of our own (capacity, pillars). Elements that stand for a
// plan element carry `data-name` and `data-kind`, which the preview uses to reveal and
// highlight; every name and title goes through `xml()`. A standalone SVG embeds a light
// stylesheet; the preview's copy leaves styling to the webview and the editor's theme.

import type { CapacityDiagram, Diagram, GraphDiagram, ImpactSummary, PillarsDiagram } from './diagram.js';
import { edgeClasses, heatLevel, nodeClasses } from './dot.js';
import { truncate, xml } from './escape.js';
import { edgeTooltip, nodeLabel, nodeTooltip } from './labels.js';
import type { GraphLayout, Point } from './layout.js';
import { layoutGraph } from './layout.js';
import { standaloneCss } from './svg-style.js';
import { percent } from './view-helpers.js';

export interface SvgOptions {
    /** Embed the stylesheet and a background, for a file that stands on its own (default true). */
    readonly standalone?: boolean;
}

export async function toSvg(diagram: Diagram, options: SvgOptions = {}): Promise<string> {
    switch (diagram.type) {
        case 'graph': return graphSvg(diagram, await layoutGraph(diagram), options);
        case 'grid': return capacitySvg(diagram, options);
        case 'bars': return pillarsSvg(diagram, options);
    }
}

const margin = 16;
const lineHeight = 14.4; // Graphviz's 1.2 × the 12pt label font

function n(value: number): string {
    const r = Math.round(value * 10) / 10;
    return String(Object.is(r, -0) ? 0 : r);
}

/** A rough width of text at a font size, for our own grid and bar layouts. */
function textWidth(text: string, size: number): number {
    let width = 0;
    for (const ch of text) width += ch.codePointAt(0)! > 0x2e80 ? size : size * 0.6;
    return width;
}

function svgOpen(diagram: Diagram, width: number, height: number, options: SvgOptions): string[] {
    const classes = ['trellis-diagram', `view-${diagram.view}`];
    if (diagram.impact) classes.push('has-impact');
    const label = `Trellis — ${diagram.title}`;
    const out = [
        `<svg xmlns="http://www.w3.org/2000/svg" class="${classes.join(' ')}" data-view="${diagram.view}" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" role="img" aria-label="${xml(label)}">`,
        `<title>${xml(label)}</title>`,
    ];
    if (options.standalone ?? true) {
        out.push(`<style>${standaloneCss}</style>`);
        out.push(`<rect class="background" x="0" y="0" width="${n(width)}" height="${n(height)}"/>`);
    }
    return out;
}

/**
 * A banner over the diagram in impact mode, for exported files (the preview shows its own
 * above the drawing); returns its height.
 */
function impactBanner(impact: ImpactSummary | undefined, width: number, out: string[], options: SvgOptions): number {
    if (!impact || !(options.standalone ?? true)) return 0;
    const height = 30;
    out.push(`<g class="impact-banner" data-impact-count="${impact.count}"><rect x="${margin}" y="${margin}" width="${n(width - 2 * margin)}" height="${height - 6}" rx="4"/>`
        + `<text x="${margin + 10}" y="${margin + 16}" class="impact-text">${xml(impact.description)}</text></g>`);
    return height;
}

function graphSvg(diagram: GraphDiagram, layout: GraphLayout, options: SvgOptions): string {
    const bannerWidth = diagram.impact ? textWidth(diagram.impact.description, 12) + 2 * margin + 20 : 0;
    const pad = 8;
    const width = Math.max(layout.width + 2 * pad, bannerWidth, 200);
    const body: string[] = [];
    const top = impactBanner(diagram.impact, width, body, options);
    const height = layout.height + top + 2 * pad;
    const out = svgOpen(diagram, width, height, options);
    out.push(...body);
    out.push(`<g class="graph" transform="translate(${pad} ${n(top + pad)})">`);

    out.push('<g class="clusters">');
    for (const box of layout.clusters) {
        const cluster = diagram.clusters.find(c => c.id === box.id);
        if (!cluster) continue;
        const label = box.label ?? { x: box.x + 8, y: box.y + 14 };
        out.push(`<g class="cluster${cluster.impact ? ' impact' : ''}" data-name="${xml(cluster.id)}" data-kind="team">`
            + `<rect x="${n(box.x)}" y="${n(box.y)}" width="${n(box.width)}" height="${n(box.height)}" rx="8"/>`
            + `<text class="cluster-label" x="${n(box.x + 8)}" y="${n(label.y + 4)}">${xml(truncate(cluster.label, 48))}</text></g>`);
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
            parts.push(`<text class="edge-label" x="${n(path.label.x)}" y="${n(path.label.y + 3)}" text-anchor="middle">${xml(edge.label)}</text>`);
        }
        parts.push('</g>');
        out.push(parts.join(''));
    }
    out.push('</g>');

    out.push('<g class="nodes">');
    for (const node of diagram.nodes) {
        const box = layout.nodes.get(node.id);
        if (!box) continue;
        const label = nodeLabel(node);
        const lines: Array<{ text: string; cls: string }> = [{ text: label.heading, cls: 'heading' }];
        if (label.name !== undefined) lines.push({ text: label.name, cls: 'name' });
        for (const fact of label.facts) lines.push({ text: fact, cls: 'fact' });
        if (label.findings !== undefined) lines.push({ text: label.findings, cls: 'findings' });
        const first = box.y - (lines.length * lineHeight) / 2 + lineHeight / 2;
        const texts = lines.map((line, i) => `<text class="${line.cls}" x="${n(box.x)}" y="${n(first + i * lineHeight + 4)}" text-anchor="middle">${xml(line.text)}</text>`);
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

/** A filled triangle from the end of the line to the tip Graphviz left room for. */
function arrowData(from: Point, tip: Point): string {
    const dx = tip.x - from.x, dy = tip.y - from.y;
    const length = Math.hypot(dx, dy) || 1;
    const half = Math.min(4, length * 0.45);
    const px = (-dy / length) * half, py = (dx / length) * half;
    return `M${n(tip.x)},${n(tip.y)} L${n(from.x + px)},${n(from.y + py)} L${n(from.x - px)},${n(from.y - py)} Z`;
}

function capacitySvg(diagram: CapacityDiagram, options: SvgOptions): string {
    const cellWidth = 76, cellHeight = 38, headHeight = 26, titleHeight = 28;
    const capacityNote = `Load per quarter in percent of each team's capacity · max-load ${percent(diagram.maxLoad)} · max-wip ${diagram.maxWip}`;
    const labelWidth = Math.min(280, Math.max(150, ...diagram.rows.map(r => textWidth(truncate(r.title ?? r.team, 32), 12) + 24)));
    const gridWidth = labelWidth + diagram.quarters.length * cellWidth;
    const body: string[] = [];
    const noteWidth = textWidth(diagram.impact?.description ?? '', 12) + 2 * margin + 20;
    const width = Math.max(gridWidth + 2 * margin, noteWidth, textWidth(capacityNote, 12) + 2 * margin, 420);
    const banner = impactBanner(diagram.impact, width, body, options);
    let y = margin + banner;
    body.push(`<text class="diagram-title" x="${margin}" y="${n(y + 14)}">${xml(diagram.title)}</text>`);
    body.push(`<text class="diagram-note" x="${margin}" y="${n(y + 32)}">${xml(capacityNote)}</text>`);
    y += titleHeight + 18;
    const x0 = margin + labelWidth;
    diagram.quarters.forEach((q, i) => {
        body.push(`<text class="quarter${q.current ? ' current' : ''}" x="${n(x0 + i * cellWidth + cellWidth / 2)}" y="${n(y + 16)}" text-anchor="middle">${xml(q.label)}</text>`);
    });
    y += headHeight;
    const gridTop = y;
    for (const row of diagram.rows) {
        const rowClasses = ['row-head', 'node', 'team', ...row.marks.map(m => `mark-${m}`)];
        if (row.severity) rowClasses.push(`severity-${row.severity}`);
        if (row.impact) rowClasses.push(`impact-${row.impact}`);
        const sub = [row.team, row.capacity !== undefined ? `${row.capacity} people` : undefined].filter(Boolean).join(' · ');
        const tip = [`Team ${row.team}${row.title !== undefined ? ` — ${row.title}` : ''}`, ...row.messages].join('\n');
        body.push(`<g class="${rowClasses.join(' ')}" data-name="${xml(row.team)}" data-kind="team"><title>${xml(tip)}</title>`
            + `<rect class="row-hit" x="${margin}" y="${n(y)}" width="${n(labelWidth - 8)}" height="${cellHeight}" fill="transparent"/>`
            + `<text class="heading" x="${margin}" y="${n(y + 16)}">${xml(truncate(row.title ?? row.team, 32))}${row.marks.includes('overloaded-team') ? ' ⚠' : ''}</text>`
            + `<text class="sub" x="${margin}" y="${n(y + 30)}" font-size="10">${xml(sub)}</text></g>`);
        row.cells.forEach((cell, i) => {
            const classes = ['cell', `heat-${heatLevel(cell.load, diagram.maxLoad)}`];
            if (cell.overloaded) classes.push('overloaded');
            if (cell.tooMuchWip) classes.push('too-much-wip');
            if (cell.impact) classes.push('impact');
            const tip = cell.allocations.length > 0
                ? [`${row.team} in ${cell.quarter}: ${percent(cell.load)} of capacity, ${cell.wip} bet${cell.wip === 1 ? '' : 's'}${cell.overloaded ? ` — over max-load ${percent(diagram.maxLoad)}` : ''}`,
                    ...cell.allocations.map(a => `${a.bet}${a.title !== undefined ? ` (${a.title})` : ''}: ${a.role} ${percent(a.share)}`)].join('\n')
                : `${row.team} in ${cell.quarter}: no active bets`;
            const cx = x0 + i * cellWidth;
            body.push(`<g class="${classes.join(' ')}" data-name="${xml(row.team)}" data-kind="team" data-quarter="${xml(cell.quarter)}"><title>${xml(tip)}</title>`
                + `<rect x="${n(cx)}" y="${n(y)}" width="${cellWidth}" height="${cellHeight}" rx="3"/>`
                + (cell.load > 0
                    ? `<text class="load" x="${n(cx + cellWidth / 2)}" y="${n(y + 17)}" text-anchor="middle">${xml(percent(cell.load))}${cell.overloaded ? ' ⚠' : ''}</text>`
                    + `<text class="wip" x="${n(cx + cellWidth / 2)}" y="${n(y + 31)}" text-anchor="middle">${cell.wip} bet${cell.wip === 1 ? '' : 's'}</text>`
                    : '')
                + '</g>');
        });
        y += cellHeight;
    }
    const current = diagram.quarters.findIndex(q => q.current);
    if (current >= 0 && diagram.rows.length > 0) {
        body.push(`<rect class="current-column" x="${n(x0 + current * cellWidth)}" y="${n(gridTop - headHeight + 2)}" width="${cellWidth}" height="${n(y - gridTop + headHeight - 2)}" rx="4"/>`);
    }
    if (diagram.rows.length === 0) {
        body.push(`<text class="diagram-note" x="${margin}" y="${n(y + 16)}">No teams to show.</text>`);
        y += cellHeight;
    }
    y += 14;
    const legend = [['empty', 0], ['≤ 50%', 1], ['≤ 85%', 2], ['≤ 100%', 3], ['over', 4], ['> 125%', 5]] as const;
    let lx = margin;
    body.push(`<g class="legend"><text class="diagram-note" x="${lx}" y="${n(y + 11)}">of max-load:</text>`);
    lx += textWidth('of max-load:', 12) + 10;
    for (const [text, level] of legend) {
        body.push(`<rect class="swatch heat-${level}" x="${n(lx)}" y="${n(y)}" width="14" height="14" rx="2" stroke="#8888" stroke-width="0.5"/><text class="diagram-note" x="${n(lx + 18)}" y="${n(y + 11)}">${xml(text)}</text>`);
        lx += 18 + textWidth(text, 12) + 14;
    }
    body.push('</g>');
    y += 14 + margin;
    const out = svgOpen(diagram, width, y, options);
    return [...out, ...body, '</svg>', ''].join('\n');
}

function pillarsSvg(diagram: PillarsDiagram, options: SvgOptions): string {
    const labelWidth = Math.min(400, Math.max(170, ...diagram.bars.map(b => textWidth(truncate(b.title ?? b.pillar, 56), 12) + 24)));
    const barWidth = 560, rowHeight = 78, barHeight = 24, titleHeight = 28, axisHeight = 22;
    const highest = Math.max(0, ...diagram.bars.flatMap(b => [b.actual ?? 0, (b.target ?? 0) + diagram.tolerance]));
    const scaleMax = Math.min(100, Math.max(20, Math.ceil(highest / 10) * 10));
    const scale = (share: number) => (Math.min(share, scaleMax) / scaleMax) * barWidth;
    const noteWidth = textWidth(diagram.impact?.description ?? '', 12) + 2 * margin + 20;
    const width = Math.max(margin * 2 + labelWidth + barWidth + 90, noteWidth);
    const body: string[] = [];
    const banner = impactBanner(diagram.impact, width, body, options);
    let y = margin + banner;
    body.push(`<text class="diagram-title" x="${margin}" y="${n(y + 14)}">${xml(diagram.title)}</text>`);
    const note = `target against actual share of person-quarters · tolerance ±${diagram.tolerance} points${diagram.targets.sum !== 100 || !diagram.targets.complete ? ` · targets add up to ${percent(diagram.targets.sum)}` : ''}`;
    body.push(`<text class="diagram-note" x="${margin}" y="${n(y + 32)}">${xml(note)}</text>`);
    y += titleHeight + 18;
    const x0 = margin + labelWidth;
    for (let t = 0; t <= scaleMax; t += 10) {
        body.push(`<text class="tick" x="${n(x0 + scale(t))}" y="${n(y + 12)}" text-anchor="middle">${t}%</text>`);
    }
    y += axisHeight;
    const top = y;
    for (let t = 0; t <= scaleMax; t += 10) {
        body.push(`<line class="axis" x1="${n(x0 + scale(t))}" x2="${n(x0 + scale(t))}" y1="${n(top - 4)}" y2="${n(top + diagram.bars.length * rowHeight)}"/>`);
    }
    for (const bar of diagram.bars) {
        const classes = ['bar', 'node', 'pillar', ...bar.marks.map(m => `mark-${m}`)];
        if (bar.severity) classes.push(`severity-${bar.severity}`);
        if (bar.impact) classes.push('impact');
        const figures = `target ${bar.target !== undefined ? percent(bar.target) : '—'} · actual ${bar.actual !== undefined ? percent(bar.actual) : '—'}`;
        const tip = [`Pillar ${bar.pillar}${bar.title !== undefined ? ` — ${bar.title}` : ''}`, `${figures} · ${bar.personQuarters} person-quarters`, ...bar.messages].join('\n');
        const barY = y + 8;
        body.push(`<g class="${classes.join(' ')}" data-name="${xml(bar.pillar)}" data-kind="pillar"><title>${xml(tip)}</title>`
            + `<rect class="row-hit" x="${margin}" y="${n(y)}" width="${n(labelWidth - 8)}" height="${rowHeight - 8}" fill="transparent"/>`
            + `<text class="heading" x="${margin}" y="${n(barY + 10)}">${xml(truncate(bar.title ?? bar.pillar, 56))}${bar.marks.includes('pillar-drift') ? ' ⚠' : ''}</text>`
            + `<text class="sub" x="${margin}" y="${n(barY + 25)}" font-size="10">${xml(`${bar.pillar} · ${figures}`)}</text>`
            + `<rect class="track" x="${n(x0)}" y="${n(barY)}" width="${barWidth}" height="${barHeight}" rx="3"/>`
            + '</g>');
        if (bar.target !== undefined) {
            const lo = Math.max(0, bar.target - diagram.tolerance), hi = Math.min(scaleMax, bar.target + diagram.tolerance);
            body.push(`<rect class="tolerance" x="${n(x0 + scale(lo))}" y="${n(barY - 4)}" width="${n(Math.max(0, scale(hi) - scale(lo)))}" height="${barHeight + 8}"/>`);
        }
        let sx = x0;
        bar.bets.forEach((bet, i) => {
            const w = scale(bet.share);
            if (w <= 0) return;
            const segClasses = ['segment', 'node', 'bet'];
            if (i % 2 === 1) segClasses.push('alt');
            if (bet.impact) segClasses.push('impact');
            const label = textWidth(bet.name, 10) + 8 < w ? `<text x="${n(sx + 4)}" y="${n(barY + 16)}">${xml(bet.name)}</text>` : '';
            body.push(`<g class="${segClasses.join(' ')}" data-name="${xml(bet.name)}" data-kind="bet"><title>${xml(`Bet ${bet.name}${bet.title !== undefined ? ` — ${bet.title}` : ''}\n${bet.personQuarters} person-quarters (${percent(bet.share)} of all)`)}</title>`
                + `<rect x="${n(sx)}" y="${n(barY)}" width="${n(w)}" height="${barHeight}"/>${label}</g>`);
            sx += w;
        });
        if (bar.target !== undefined) {
            body.push(`<line class="target" x1="${n(x0 + scale(bar.target))}" x2="${n(x0 + scale(bar.target))}" y1="${n(barY - 6)}" y2="${n(barY + barHeight + 6)}"/>`);
            body.push(`<text class="target-label" x="${n(x0 + scale(bar.target))}" y="${n(barY + barHeight + 16)}" text-anchor="middle">target ${xml(percent(bar.target))}</text>`);
        }
        // The bets behind the bar by name, largest first, as far as the row has room.
        const names: string[] = [];
        let room = barWidth + 60 - textWidth('bets: ', 10);
        for (const bet of [...bar.bets].sort((a, b) => b.personQuarters - a.personQuarters || (a.name < b.name ? -1 : 1))) {
            const text = `${bet.name} ${bet.personQuarters}`;
            const width = textWidth(`${text} · `, 10);
            if (width > room) {
                names.push(`<tspan class="more">+${bar.bets.length - names.length} more</tspan>`);
                break;
            }
            room -= width;
            names.push(`<tspan data-name="${xml(bet.name)}" data-kind="bet"${bet.impact ? ' class="impact"' : ''}>${xml(text)}</tspan>`);
        }
        if (names.length > 0) {
            body.push(`<text class="bet-names" x="${n(x0)}" y="${n(barY + barHeight + 34)}">bets (person-quarters): ${names.join(' · ')}</text>`);
        }
        const actualX = x0 + Math.max(scale(bar.actual ?? 0), sx - x0) + 8;
        body.push(`<text class="actual${bar.marks.includes('pillar-drift') ? ' drift' : ''}" x="${n(Math.min(actualX, x0 + barWidth + 8))}" y="${n(barY + 16)}">${bar.actual !== undefined ? xml(percent(bar.actual)) : '—'}</text>`);
        y += rowHeight;
    }
    if (diagram.bars.length === 0) {
        body.push(`<text class="diagram-note" x="${margin}" y="${n(y + 16)}">No pillars to show.</text>`);
        y += rowHeight;
    }
    y += margin;
    const out = svgOpen(diagram, width, y, options);
    return [...out, ...body, '</svg>', ''].join('\n');
}
