// The SVG of the table views: capacity (each team's load per quarter as a heat map) and
// pillars (target against actual share, with the bets behind each bar). Titles are wrapped in
// their column, never cut; rows grow to hold them; no text is under 11 px.

import type { CapacityDiagram, PillarsDiagram } from './diagram.js';
import { heatLevel } from './dot.js';
import { xml } from './escape.js';
import { clipTitle } from './labels.js';
import { lineHeight } from './node-text.js';
import { impactBanner, impactBannerWidth, margin, n, svgOpen, textElement, textWidth, wrappedText, type SvgOptions } from './svg-parts.js';
import type { TextStyle } from './text-metrics.js';
import { wrapText } from './text-metrics.js';
import { people, percent } from './view-helpers.js';

const title: TextStyle = { size: 14, weight: 'semibold' };
const note: TextStyle = { size: 12, weight: 'regular' };
const heading: TextStyle = { size: 12, weight: 'semibold' };
const small: TextStyle = { size: 11, weight: 'regular' };
const smallBold: TextStyle = { size: 11, weight: 'semibold' };

/** The diagram's title and the note under it, wrapped to `width`; returns the height used. */
function titleBlock(body: string[], y: number, text: string, subtitle: string, width: number): number {
    body.push(textElement(margin, y + 14, text, title, 'diagram-title'));
    const sub = wrappedText(margin, y + 34, subtitle, width - 2 * margin, note, 'diagram-note');
    body.push(sub.markup);
    return 24 + sub.height + 8;
}

export function capacitySvg(diagram: CapacityDiagram, options: SvgOptions): string {
    const cellWidth = 84, headHeight = 26;
    const capacityNote = `Load per quarter in percent of each team's capacity · max-load ${percent(diagram.maxLoad)} · max-wip ${diagram.maxWip}`;
    const labelMax = 260;
    const labelWidth = Math.max(160, Math.min(labelMax, Math.max(...diagram.rows.map(r => textWidth(`${clipTitle(r.title ?? r.team)} ⚠`, heading) + 16))));
    const gridWidth = labelWidth + diagram.quarters.length * cellWidth;
    const width = Math.max(gridWidth + 2 * margin, Math.min(impactBannerWidth(diagram.impact), 900), Math.min(textWidth(capacityNote, note) + 2 * margin, 900), 440);
    const body: string[] = [];
    let y = margin + impactBanner(diagram.impact, width, body, options);
    y += titleBlock(body, y, diagram.title, capacityNote, width);
    const x0 = margin + labelWidth;
    diagram.quarters.forEach((q, i) => {
        body.push(textElement(x0 + i * cellWidth + cellWidth / 2, y + 16, q.label, smallBold, `quarter${q.current ? ' current' : ''}`, 'middle'));
    });
    y += headHeight;
    const gridTop = y;
    for (const row of diagram.rows) {
        const rowClasses = ['row-head', 'node', 'team', ...row.marks.map(m => `mark-${m}`)];
        if (row.severity) rowClasses.push(`severity-${row.severity}`);
        if (row.impact) rowClasses.push(`impact-${row.impact}`);
        const sub = [row.team, row.capacity !== undefined ? people(row.capacity) : undefined].filter(Boolean).join(' · ');
        const tip = [`Team ${row.team}${row.title !== undefined ? ` — ${row.title}` : ''}`, ...row.messages].join('\n');
        const head = wrappedText(margin, y + 17, `${clipTitle(row.title ?? row.team)}${row.marks.includes('overloaded-team') ? ' ⚠' : ''}`, labelWidth - 12, heading, 'heading');
        const subText = wrappedText(margin, y + 17 + head.height, sub, labelWidth - 12, small, 'sub');
        const rowHeight = Math.max(42, head.height + subText.height + 10);
        body.push(`<g class="${rowClasses.join(' ')}" data-name="${xml(row.team)}" data-kind="team"><title>${xml(tip)}</title>`
            + `<rect class="row-hit" x="${margin}" y="${n(y)}" width="${n(labelWidth - 8)}" height="${n(rowHeight)}" fill="transparent"/>`
            + head.markup + subText.markup + '</g>');
        row.cells.forEach((cell, i) => {
            const classes = ['cell', `heat-${heatLevel(cell.load, diagram.maxLoad)}`];
            if (cell.overloaded) classes.push('overloaded');
            if (cell.tooMuchWip) classes.push('too-much-wip');
            if (cell.impact) classes.push('impact');
            const cellTip = cell.allocations.length > 0
                ? [`${row.team} in ${cell.quarter}: ${percent(cell.load)} of capacity, ${cell.wip} bet${cell.wip === 1 ? '' : 's'}${cell.overloaded ? ` — over max-load ${percent(diagram.maxLoad)}` : ''}`,
                    ...cell.allocations.map(a => `${a.bet}${a.title !== undefined ? ` (${a.title})` : ''}: ${a.role} ${percent(a.share)}`)].join('\n')
                : `${row.team} in ${cell.quarter}: no active bets`;
            const cx = x0 + i * cellWidth, mid = y + rowHeight / 2;
            body.push(`<g class="${classes.join(' ')}" data-name="${xml(row.team)}" data-kind="team" data-quarter="${xml(cell.quarter)}"><title>${xml(cellTip)}</title>`
                + `<rect x="${n(cx)}" y="${n(y)}" width="${cellWidth}" height="${n(rowHeight)}" rx="3"/>`
                + (cell.load > 0
                    ? textElement(cx + cellWidth / 2, mid - 2, `${percent(cell.load)}${cell.overloaded ? ' ⚠' : ''}`, heading, 'load', 'middle')
                    + textElement(cx + cellWidth / 2, mid + 13, `${cell.wip} bet${cell.wip === 1 ? '' : 's'}`, small, 'wip', 'middle')
                    : '')
                + '</g>');
        });
        y += rowHeight;
    }
    const current = diagram.quarters.findIndex(q => q.current);
    if (current >= 0 && diagram.rows.length > 0) {
        body.push(`<rect class="current-column" x="${n(x0 + current * cellWidth)}" y="${n(gridTop - headHeight + 2)}" width="${cellWidth}" height="${n(y - gridTop + headHeight - 2)}" rx="4"/>`);
    }
    if (diagram.rows.length === 0) {
        body.push(textElement(margin, y + 16, 'No teams to show.', note, 'diagram-note'));
        y += 40;
    }
    y += 14;
    const legend = [['empty', 0], ['≤ 50%', 1], ['≤ 85%', 2], ['≤ 100%', 3], ['over', 4], ['> 125%', 5]] as const;
    let lx = margin;
    body.push(`<g class="legend" aria-label="Legend">${textElement(lx, y + 11, 'Load, of max-load:', small, 'diagram-note')}`);
    lx += textWidth('Load, of max-load:', small) + 10;
    for (const [text, level] of legend) {
        body.push(`<rect class="swatch heat-${level}" x="${n(lx)}" y="${n(y)}" width="14" height="14" rx="2" stroke="#8888" stroke-width="0.5"/>${textElement(lx + 18, y + 11, text, small, 'diagram-note')}`);
        lx += 18 + textWidth(text, small) + 14;
    }
    body.push(`${textElement(lx, y + 11, '⚠ over max-load', small, 'diagram-note')}</g>`);
    y += 14 + margin;
    return [...svgOpen(diagram, Math.max(width, lx + textWidth('⚠ over max-load', small) + margin), y, options), ...body, '</svg>', ''].join('\n');
}

export function pillarsSvg(diagram: PillarsDiagram, options: SvgOptions): string {
    const labelWidth = Math.max(180, Math.min(320, Math.max(...diagram.bars.map(b => textWidth(`${clipTitle(b.title ?? b.pillar)} ⚠`, heading) + 16))));
    const barWidth = 560, barHeight = 26, axisHeight = 22;
    const highest = Math.max(0, ...diagram.bars.flatMap(b => [b.actual ?? 0, (b.target ?? 0) + diagram.tolerance]));
    const scaleMax = Math.min(100, Math.max(20, Math.ceil(highest / 10) * 10));
    const scale = (share: number) => (Math.min(share, scaleMax) / scaleMax) * barWidth;
    const width = Math.max(margin * 2 + labelWidth + barWidth + 90, Math.min(impactBannerWidth(diagram.impact), 1000));
    const body: string[] = [];
    let y = margin + impactBanner(diagram.impact, width, body, options);
    const subtitle = `Target against actual share of person-quarters · tolerance ±${diagram.tolerance} points${diagram.targets.sum !== 100 || !diagram.targets.complete ? ` · targets add up to ${percent(diagram.targets.sum)}` : ''}`;
    y += titleBlock(body, y, diagram.title, subtitle, width);
    // The legend: what the band, the line and the segments are.
    const legendY = y;
    let lx = margin + labelWidth;
    const key = (mark: string, text: string) => {
        body.push(mark + textElement(lx + 20, legendY + 11, text, small, 'diagram-note'));
        lx += 20 + textWidth(text, small) + 18;
    };
    body.push('<g class="legend" aria-label="Legend">');
    key(`<rect class="tolerance" x="${n(lx)}" y="${n(legendY)}" width="14" height="14"/>`, 'within tolerance');
    key(`<line class="target" x1="${n(lx + 7)}" x2="${n(lx + 7)}" y1="${n(legendY)}" y2="${n(legendY + 14)}"/>`, 'target');
    key(`<g class="segment"><rect x="${n(lx)}" y="${n(legendY + 1)}" width="14" height="12"/></g>`, 'one bet\'s share');
    body.push('</g>');
    y += 26;
    const x0 = margin + labelWidth;
    for (let t = 0; t <= scaleMax; t += 10) body.push(textElement(x0 + scale(t), y + 12, `${t}%`, small, 'tick', 'middle'));
    y += axisHeight;
    const top = y;
    const rows: string[] = [];
    for (const bar of diagram.bars) {
        const classes = ['bar', 'node', 'pillar', ...bar.marks.map(m => `mark-${m}`)];
        if (bar.severity) classes.push(`severity-${bar.severity}`);
        if (bar.impact) classes.push('impact');
        const figures = `target ${bar.target !== undefined ? percent(bar.target) : '—'} · actual ${bar.actual !== undefined ? percent(bar.actual) : '—'}`;
        const tip = [`Pillar ${bar.pillar}${bar.title !== undefined ? ` — ${bar.title}` : ''}`, `${figures} · ${bar.personQuarters} person-quarters`, ...bar.messages].join('\n');
        const barY = y + 8;
        const head = wrappedText(margin, barY + 12, `${clipTitle(bar.title ?? bar.pillar)}${bar.marks.includes('pillar-drift') ? ' ⚠' : ''}`, labelWidth - 14, heading, 'heading');
        const sub = wrappedText(margin, barY + 12 + head.height, `${bar.pillar} · ${figures}`, labelWidth - 14, small, 'sub');
        // The bets behind the bar by name, largest first, wrapped under it.
        const names = [...bar.bets].sort((a, b) => b.personQuarters - a.personQuarters || (a.name < b.name ? -1 : 1)).map(b => `${b.name} ${b.personQuarters}`);
        const betLines = names.length > 0 ? wrapText(`bets (person-quarters): ${names.join(' · ')}`, barWidth + 60, small) : [];
        const rowHeight = Math.max(head.height + sub.height + 18, barHeight + 30 + betLines.length * lineHeight(small)) + 10;
        rows.push(`<g class="${classes.join(' ')}" data-name="${xml(bar.pillar)}" data-kind="pillar"><title>${xml(tip)}</title>`
            + `<rect class="row-hit" x="${margin}" y="${n(y)}" width="${n(labelWidth - 8)}" height="${n(rowHeight - 8)}" fill="transparent"/>`
            + head.markup + sub.markup
            + `<rect class="track" x="${n(x0)}" y="${n(barY)}" width="${barWidth}" height="${barHeight}" rx="3"/>`
            + '</g>');
        if (bar.target !== undefined) {
            const lo = Math.max(0, bar.target - diagram.tolerance), hi = Math.min(scaleMax, bar.target + diagram.tolerance);
            rows.push(`<rect class="tolerance" x="${n(x0 + scale(lo))}" y="${n(barY - 4)}" width="${n(Math.max(0, scale(hi) - scale(lo)))}" height="${barHeight + 8}"/>`);
        }
        let sx = x0;
        bar.bets.forEach((bet, i) => {
            const w = scale(bet.share);
            if (w <= 0) return;
            const segClasses = ['segment', 'node', 'bet'];
            if (i % 2 === 1) segClasses.push('alt');
            if (bet.impact) segClasses.push('impact');
            // A segment names its bet when the name fits inside it, else gives its person-quarters
            // when those fit; its tooltip always says both.
            const words = [bet.name, String(bet.personQuarters)].find(t => textWidth(t, small) + 8 < w);
            const label = words !== undefined ? textElement(sx + 4, barY + 17, words, small, 'segment-label') : '';
            rows.push(`<g class="${segClasses.join(' ')}" data-name="${xml(bet.name)}" data-kind="bet"><title>${xml(`Bet ${bet.name}${bet.title !== undefined ? ` — ${bet.title}` : ''}\n${bet.personQuarters} person-quarters (${percent(bet.share)} of all)`)}</title>`
                + `<rect x="${n(sx)}" y="${n(barY)}" width="${n(w)}" height="${barHeight}"/>${label}</g>`);
            sx += w;
        });
        if (bar.target !== undefined) {
            rows.push(`<line class="target" x1="${n(x0 + scale(bar.target))}" x2="${n(x0 + scale(bar.target))}" y1="${n(barY - 6)}" y2="${n(barY + barHeight + 6)}"/>`);
        }
        betLines.forEach((line, i) => rows.push(textElement(x0, barY + barHeight + 20 + i * lineHeight(small), line, small, 'bet-names')));
        const figure = bar.actual !== undefined ? percent(bar.actual) : '—';
        let actualX = Math.min(x0 + Math.max(scale(bar.actual ?? 0), sx - x0) + 8, x0 + barWidth + 8);
        // Clear of the target line, which would run through the figure.
        const targetX = bar.target !== undefined ? x0 + scale(bar.target) : undefined;
        if (targetX !== undefined && targetX > actualX - 3 && targetX < actualX + textWidth(figure, heading) + 3) actualX = targetX + 5;
        rows.push(textElement(actualX, barY + 18, figure, heading, `actual${bar.marks.includes('pillar-drift') ? ' drift' : ''}`));
        y += rowHeight;
    }
    for (let t = 0; t <= scaleMax; t += 10) {
        body.push(`<line class="axis" x1="${n(x0 + scale(t))}" x2="${n(x0 + scale(t))}" y1="${n(top - 4)}" y2="${n(y)}"/>`);
    }
    body.push(...rows);
    if (diagram.bars.length === 0) {
        body.push(textElement(margin, y + 16, 'No pillars to show.', note, 'diagram-note'));
        y += 40;
    }
    y += margin;
    return [...svgOpen(diagram, width, y, options), ...body, '</svg>', ''].join('\n');
}
