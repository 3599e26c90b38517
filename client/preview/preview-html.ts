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
  <div class="search" role="search">
    <input type="search" id="search" placeholder="Find… (Ctrl+F)" title="Find an element by name or title (Ctrl+F / ⌘F); Enter jumps to it" autocomplete="off" spellcheck="false" role="combobox" aria-label="Find an element by name or title" aria-expanded="false" aria-controls="search-results" aria-autocomplete="list">
    <ul id="search-results" class="search-results" role="listbox" aria-label="Matching elements" hidden></ul>
  </div>
  <label class="field"><span class="field-label">Team</span> <select id="filter-team" title="Show only what concerns one team"></select></label>
  <label class="field"><span class="field-label">Pillar</span> <select id="filter-pillar" title="Show only what concerns one pillar"></select></label>
  <label class="field"><span class="field-label">Impact</span> <select id="impact" title="What would stall if this team or bet did nothing for six months? (Alt+click a node)"></select></label>
  <label class="field toggle" id="cluster-field" title="Draw a box around each team and the bets it owns (click a box's name to collapse it)"><input type="checkbox" id="cluster"> Group by team</label>
  <label class="field toggle graph-only" id="changes-field" title="Mark the elements added and changed since the last commit (HEAD), as 'trellis diff' sees them"><input type="checkbox" id="changes"> Changes since HEAD <span id="changes-count" class="field-note" aria-live="polite"></span></label>
  <div class="focus-tools graph-only" role="group" aria-label="Focus">
    <button type="button" id="focus-selected" title="Show only the selected element and its neighbours (F, or double-click a node)">Focus</button>
    <select id="depth" title="How many hops up and down the chain focus mode shows" aria-label="Hops shown around the focused element">${[1, 2, 3, 4, 5].map(d => `<option value="${d}">${d} hop${d === 1 ? '' : 's'}</option>`).join('')}</select>
  </div>
  <span class="spacer"></span>
  <div class="zoom" role="group" aria-label="Zoom">
    <button type="button" id="zoom-out" title="Zoom out (-)">−</button>
    <button type="button" id="zoom-fit" title="Fit to window, never smaller than readable (0)">Fit</button>
    <button type="button" id="zoom-in" title="Zoom in (+)">+</button>
  </div>
  <div class="export" role="group" aria-label="Export">
    <span class="field-label">Export</span>
    <button type="button" id="export-svg" title="Save this view as an SVG file">SVG</button>
    <button type="button" id="export-png" title="Save this view as a PNG image (twice its size, crisp on slides)">PNG</button>
  </div>
</header>
<div id="focus-banner" class="banner focus" hidden><span id="focus-text"></span><button type="button" id="focus-clear" title="Show the whole plan (Escape)">Show whole plan</button></div>
<div id="banner" class="banner" hidden><span id="banner-text"></span><button type="button" id="banner-clear"></button></div>
<main id="canvas" tabindex="0" aria-label="Plan diagram: Tab and the arrow keys move between elements, Enter opens one in the editor, F focuses on it, C collapses or opens a team box, Escape shows the whole plan"><div id="viewport"></div><p id="status" class="status">Loading the plan…</p></main>
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
