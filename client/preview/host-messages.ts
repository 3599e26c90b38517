// What the panel asks of the language server and turns its answers into: the request's
// parameters, the message the webview draws from, and the bytes an export saves. Pure, so the
// panel and the browser tests do exactly the same thing.

import type { PreviewViewParams, PreviewViewResult } from '../../language/protocol.js';
import { graphViews, type ExportFormat, type HostMessage, type PreviewOptions } from './messages.js';

/** The request for a view as the webview's options describe it; `png` for an export to PNG. */
export function viewParams(options: PreviewOptions, standalone: boolean, png = false, source?: string): PreviewViewParams {
    const { view, team, pillar, impact, cluster, focus, depth, collapsed, changes } = options;
    const graph = graphViews.includes(view);
    return {
        view, team, pillar, impact, cluster, standalone,
        // Focus and collapsed boxes belong to the graph views; the webview keeps them per preview.
        focus: graph ? focus : undefined, depth: graph && focus !== undefined ? depth : undefined,
        collapsed: view === 'dependencies' && cluster && collapsed?.length ? collapsed : undefined,
        // Marked against the last commit of the git repository holding the plan the preview shows.
        changesSince: graph && changes && source !== undefined ? { revision: 'HEAD', uri: source } : undefined,
        ...(png ? { png: true, scale: 2 } : {}),
    };
}

export function updateMessage(result: PreviewViewResult, options: PreviewOptions, source: string | undefined, highlight?: string): HostMessage {
    const elements = result.elements.map(e => ({ name: e.name, kind: e.kind, title: e.title }));
    return {
        type: 'update', source, options,
        title: result.title, svg: result.svg, impact: result.impact, focus: result.focus, nodeCount: result.nodeCount, changes: result.changes, error: result.error,
        choices: elements.filter(e => e.kind === 'team' || e.kind === 'bet' || e.kind === 'pillar'),
        elements,
        highlight,
    };
}

export interface ExportFile {
    /** The file name offered in the save dialog. */
    readonly name: string;
    readonly filters: Record<string, string[]>;
    readonly bytes: Uint8Array;
}

/** The file an export saves, or why there is none. */
export function exportFile(result: PreviewViewResult, options: PreviewOptions, format: ExportFormat): ExportFile | { readonly error: string } {
    if (result.error !== undefined) return { error: result.error };
    const focused = options.focus !== undefined && graphViews.includes(options.view);
    const name = `${options.view}${focused ? `-${options.focus}` : ''}.${format}`;
    if (format === 'svg') return { name, filters: { 'SVG image': ['svg'] }, bytes: new TextEncoder().encode(result.svg) };
    if (result.png === undefined) return { error: 'the language server did not draw a PNG of this view' };
    return { name, filters: { 'PNG image': ['png'] }, bytes: Uint8Array.from(atob(result.png), c => c.charCodeAt(0)) };
}
