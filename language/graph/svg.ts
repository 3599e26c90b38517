// SVG for every view, written by hand from the Graphviz layout (dependencies, metric tree,
// svg-graph.ts) or from a grid and bar layout of our own (capacity, pillars, svg-tables.ts).
// Elements that stand for a plan element carry `data-name` and `data-kind`, which the preview
// uses to reveal and highlight; every name and title goes through `xml()`. Text is measured in
// the font the drawings name (text-metrics.ts). A standalone SVG embeds a light stylesheet; the
// preview's copy leaves colours to the webview and the editor's theme.

import type { Diagram } from './diagram.js';
import { layoutGraph } from './layout.js';
import { graphSvg } from './svg-graph.js';
import type { SvgOptions } from './svg-parts.js';
import { capacitySvg, pillarsSvg } from './svg-tables.js';

export type { SvgOptions };

export async function toSvg(diagram: Diagram, options: SvgOptions = {}): Promise<string> {
    switch (diagram.type) {
        case 'graph': return graphSvg(diagram, await layoutGraph(diagram), options);
        case 'grid': return capacitySvg(diagram, options);
        case 'bars': return pillarsSvg(diagram, options);
    }
}
