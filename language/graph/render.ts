// One call for every export format: the CLI and the language server (for the preview and its
// "Export SVG") both come through here.

import { jsonWithoutBidi } from './escape.js';
import type { Diagram, ExportFormat } from './diagram.js';
import { toDot } from './dot.js';
import { layoutDot } from './layout.js';
import { toMermaid } from './mermaid.js';
import { toSvg, type SvgOptions } from './svg.js';

/** Every text format; PNG is the SVG rendered (png.ts). */
export async function renderDiagram(diagram: Diagram, format: Exclude<ExportFormat, 'png'>, options: SvgOptions = {}): Promise<string> {
    switch (format) {
        case 'svg': return toSvg(diagram, options);
        case 'dot': return diagram.type === 'graph' ? layoutDot(diagram) : toDot(diagram);
        case 'mermaid': return toMermaid(diagram);
        case 'json': return toJson(diagram);
    }
}

/** The graph model itself, keys in a fixed order and lists sorted by name: stable for diffs. */
export function toJson(diagram: Diagram): string {
    return jsonWithoutBidi(JSON.stringify({ trellis: 'graph', version: 1, ...diagram }, null, 2)) + '\n';
}
