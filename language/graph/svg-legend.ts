// The legend of the node-and-edge views: what the boxes, borders and lines mean, drawn with
// the same classes as the diagram itself (so the preview's theme colours them alike), small,
// in rows under the drawing's top edge. Legend parts carry no `data-name`: they are not nodes.

import type { GraphDiagram } from './diagram.js';
import { lineHeight, textStyles } from './node-text.js';
import { n, textElement, textWidth } from './svg-parts.js';

type Swatch =
    | { readonly box: string; readonly text: string }
    | { readonly line: string; readonly text: string }
    | { readonly cluster: true; readonly text: string };

function items(diagram: GraphDiagram): Swatch[] {
    const impact: Swatch[] = [
        ...(diagram.impact ? [{ box: 'bet impact-source', text: 'stops' }, { box: 'bet impact-stalled', text: 'would stall' }] : []),
        ...(diagram.changesSince !== undefined ? [{ box: 'bet added', text: `added since ${diagram.changesSince}` }, { box: 'bet changed', text: `changed since ${diagram.changesSince}` }] : []),
    ];
    const states: Swatch[] = [
        { box: 'bet done', text: 'done or dropped (struck through)' },
        { box: 'bet severity-warning', text: 'has a warning' },
        { box: 'bet severity-error', text: 'has an error' },
    ];
    if (diagram.view === 'metrics') {
        return [
            { box: 'metric north-star', text: 'north star' }, { box: 'metric', text: 'metric' }, { box: 'goal', text: 'goal' }, { box: 'bet', text: 'bet' },
            ...states, ...impact,
            { line: 'drives', text: 'drives' }, { line: 'moves', text: 'moves' }, { line: 'serves', text: 'serves' },
            { line: 'expects', text: 'expects a change of' }, { line: 'cycle', text: 'part of a loop' },
        ];
    }
    return [
        { box: 'team', text: 'team' }, { box: 'bet', text: 'bet' }, ...(diagram.clusters.length > 0 ? [{ cluster: true as const, text: 'the bets a team owns' }] : []),
        ...states, ...impact,
        { line: 'depends-on', text: 'depends on' }, { line: 'support', text: 'supported by (share of the team)' },
        ...(diagram.clusters.length === 0 ? [{ line: 'owner', text: 'owned by' }] : []), { line: 'cycle', text: 'part of a loop' },
    ];
}

/** The legend in rows no wider than `width`, its top-left at (x, y); returns the markup and its height. */
export function graphLegend(diagram: GraphDiagram, x: number, y: number, width: number): { markup: string; height: number } {
    const style = textStyles.legend;
    const row = lineHeight(style) + 6;
    const parts: string[] = ['<g class="legend" aria-label="Legend">'];
    let cx = x, cy = y;
    for (const item of items(diagram)) {
        const swatch = 'line' in item ? 30 : 22;
        const itemWidth = swatch + 6 + textWidth(item.text, style) + 16;
        if (cx > x && cx + itemWidth > x + width) {
            cx = x;
            cy += row;
        }
        const mid = cy + row / 2 - 2;
        if ('box' in item) {
            parts.push(`<g class="legend-swatch ${item.box}"><rect class="node-box" x="${n(cx)}" y="${n(mid - 7)}" width="22" height="14" rx="3"/></g>`);
        } else if ('cluster' in item) {
            parts.push(`<g class="legend-swatch cluster"><rect x="${n(cx)}" y="${n(mid - 7)}" width="22" height="14" rx="4"/></g>`);
        } else {
            parts.push(`<g class="legend-swatch ${item.line}"><path class="edge-line" d="M${n(cx)},${n(mid)} L${n(cx + swatch - 7)},${n(mid)}"/>`
                + `<path class="arrowhead" d="M${n(cx + swatch)},${n(mid)} L${n(cx + swatch - 7)},${n(mid - 3.5)} L${n(cx + swatch - 7)},${n(mid + 3.5)} Z"/></g>`);
        }
        parts.push(textElement(cx + swatch + 6, mid + 4, item.text, style, 'legend-text'));
        cx += itemWidth;
    }
    parts.push('</g>');
    return { markup: parts.join(''), height: cy - y + row };
}
