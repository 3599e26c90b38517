// Pieces every SVG view is made of: numbers written short, the root element, text in the
// drawings' font at a measured size, and the impact banner of exported files.

import { fontFamily } from './assets.js';
import type { Diagram, ImpactSummary } from './diagram.js';
import { xml } from './escape.js';
import { lineHeight } from './node-text.js';
import { standaloneCss } from './svg-style.js';
import { textWidth, wrapText, type TextStyle } from './text-metrics.js';

export interface SvgOptions {
    /** Embed the stylesheet and a background, for a file that stands on its own (default true). */
    readonly standalone?: boolean;
}

export const margin = 16;

export function n(value: number): string {
    const r = Math.round(value * 10) / 10;
    return String(Object.is(r, -0) ? 0 : r);
}

/**
 * A `<text>` at a size and weight of its own (presentation attributes, so every reader of the
 * file draws it at the size it was measured at), escaped.
 */
export function textElement(x: number, y: number, text: string, style: TextStyle, cls: string, anchor?: 'middle' | 'end'): string {
    return `<text class="${cls}" x="${n(x)}" y="${n(y)}" font-size="${style.size}"${style.weight === 'semibold' ? ' font-weight="600"' : ''}${anchor ? ` text-anchor="${anchor}"` : ''}>${xml(text)}</text>`;
}

/** Text wrapped to `width`, one `<text>` per line from baseline `y`; returns the markup and the height used. */
export function wrappedText(x: number, y: number, text: string, width: number, style: TextStyle, cls: string): { markup: string; height: number } {
    const lines = wrapText(text, width, style);
    const step = lineHeight(style);
    return { markup: lines.map((line, i) => textElement(x, y + i * step, line, style, cls)).join(''), height: lines.length * step };
}

export { textWidth };

export function svgOpen(diagram: Diagram, width: number, height: number, options: SvgOptions): string[] {
    const classes = ['trellis-diagram', `view-${diagram.view}`];
    if (diagram.impact) classes.push('has-impact');
    const label = `Trellis — ${diagram.title}`;
    const out = [
        `<svg xmlns="http://www.w3.org/2000/svg" class="${classes.join(' ')}" data-view="${diagram.view}" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" font-family="${xml(fontFamily)}" role="img" aria-label="${xml(label)}">`,
        `<title>${xml(label)}</title>`,
    ];
    if (options.standalone ?? true) {
        out.push(`<style>${standaloneCss}</style>`);
        out.push(`<rect class="background" x="0" y="0" width="${n(width)}" height="${n(height)}"/>`);
    }
    return out;
}

const bannerStyle: TextStyle = { size: 12, weight: 'semibold' };

/** The width the impact banner needs on one line. */
export function impactBannerWidth(impact: ImpactSummary | undefined): number {
    return impact ? textWidth(impact.description, bannerStyle) + 2 * margin + 24 : 0;
}

/**
 * A banner over the diagram in impact mode, for exported files (the preview shows its own
 * above the drawing), wrapped to the drawing's width; returns its height.
 */
export function impactBanner(impact: ImpactSummary | undefined, width: number, out: string[], options: SvgOptions): number {
    if (!impact || !(options.standalone ?? true)) return 0;
    const inner = width - 2 * margin - 20;
    const text = wrappedText(margin + 10, margin + 17, impact.description, inner, bannerStyle, 'impact-text');
    const height = text.height + 14;
    out.push(`<g class="impact-banner" data-impact-count="${impact.count}"><rect x="${margin}" y="${margin}" width="${n(width - 2 * margin)}" height="${n(height)}" rx="4"/>${text.markup}</g>`);
    return height + 8;
}
