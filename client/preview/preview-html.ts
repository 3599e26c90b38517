// The preview's HTML, like the Markdown preview's: a fresh nonce per page, a strict
// Content-Security-Policy (nothing by default; our script by nonce; styles, images and fonts
// only from the extension's own files), no remote resource, and the initial state handed over
// as escaped JSON in a data attribute rather than inline script. Free of the `vscode` API, so
// the browser tests load exactly this page.

import { randomBytes } from 'node:crypto';
import type { PreviewState } from './messages.js';
import { previewViews } from '../../language/protocol.js';

export interface PreviewHtmlInput {
    /** `webview.cspSource`: where local resources are served from. */
    readonly cspSource: string;
    readonly nonce: string;
    readonly scriptUri: string;
    readonly styleUri: string;
    readonly state: PreviewState;
}

export function newNonce(): string {
    return randomBytes(18).toString('base64');
}

const viewLabels: Record<string, string> = { dependencies: 'Dependencies', metrics: 'Metric tree', capacity: 'Capacity', pillars: 'Pillars' };

export function previewHtml(input: PreviewHtmlInput): string {
    const { cspSource, nonce } = input;
    const csp = [
        "default-src 'none'",
        `img-src ${cspSource}`,
        `style-src ${cspSource}`,
        `font-src ${cspSource}`,
        `script-src 'nonce-${nonce}'`,
    ].join('; ');
    const tabs = previewViews.map(view => `<button type="button" role="tab" class="view-tab" data-view="${view}" aria-selected="false">${viewLabels[view]}</button>`).join('');
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${attr(csp)}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${attr(input.styleUri)}">
<title>Trellis Preview</title>
</head>
<body>
<div id="trellis-preview-state" data-state="${attr(JSON.stringify(input.state))}"></div>
<header class="toolbar">
  <div class="view-tabs" role="tablist" aria-label="View">${tabs}</div>
  <label class="field"><span class="field-label">Team</span> <select id="filter-team" title="Show only what concerns one team"></select></label>
  <label class="field"><span class="field-label">Pillar</span> <select id="filter-pillar" title="Show only what concerns one pillar"></select></label>
  <label class="field"><span class="field-label">Impact</span> <select id="impact" title="What would stall if this team or bet did nothing for six months? (Alt+click a node)"></select></label>
  <label class="field toggle" id="cluster-field" title="Draw a box around each team and the bets it owns"><input type="checkbox" id="cluster"> Group by team</label>
  <span class="spacer"></span>
  <div class="zoom" role="group" aria-label="Zoom">
    <button type="button" id="zoom-out" title="Zoom out (-)">−</button>
    <button type="button" id="zoom-fit" title="Fit to window (0)">Fit</button>
    <button type="button" id="zoom-in" title="Zoom in (+)">+</button>
  </div>
  <button type="button" id="export" title="Save this view as an SVG file">Export SVG</button>
</header>
<div id="banner" class="banner" hidden><span id="banner-text"></span><button type="button" id="banner-clear"></button></div>
<main id="canvas" tabindex="0" aria-label="Plan diagram"><div id="viewport"></div><p id="status" class="status">Loading the plan…</p></main>
<div id="tooltip" class="tooltip" role="tooltip" hidden></div>
<script nonce="${attr(nonce)}" src="${attr(input.scriptUri)}"></script>
</body>
</html>
`;
}

/** A double-quoted attribute value. */
function attr(text: string): string {
    return text.replace(/[&<>"]/g, c => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);
}
