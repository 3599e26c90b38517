// Runs inside the preview's webview: draws the SVG the language server made, pans and zooms,
// keeps each view's place across updates and restarts, posts `reveal` when a node is clicked,
// and highlights the element under the editor's cursor. Updates replace the drawing in place
// (no page reload), so zoom, scroll and the toolbar stay as they were.

import type { ElementChoice, HostMessage, PanZoom, PreviewOptions, PreviewState, WebviewMessage } from '../preview/messages.js';
import { createPanZoom } from './pan-zoom.js';

interface VsCodeApi {
    postMessage(message: WebviewMessage): void;
    getState(): PreviewState | undefined;
    setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

const vscode = acquireVsCodeApi();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const initial = JSON.parse($('trellis-preview-state').dataset.state ?? '{}') as PreviewState;
let state: PreviewState = vscode.getState() ?? initial;
let highlighted: string | undefined;
let drawnView: string | undefined;

const canvas = $<HTMLElement>('canvas');
const viewport = $<HTMLElement>('viewport');
const status = $<HTMLElement>('status');
const tooltip = $<HTMLElement>('tooltip');
const banner = $<HTMLElement>('banner');
const bannerText = $<HTMLElement>('banner-text');
const bannerClear = $<HTMLButtonElement>('banner-clear');
const teamSelect = $<HTMLSelectElement>('filter-team');
const pillarSelect = $<HTMLSelectElement>('filter-pillar');
const impactSelect = $<HTMLSelectElement>('impact');
const clusterBox = $<HTMLInputElement>('cluster');

const panZoom = createPanZoom(canvas, viewport, zoom => saveZoom(zoom));

function save(next: Partial<PreviewState>): void {
    state = { ...state, ...next };
    vscode.setState(state);
}

function saveZoom(zoom: PanZoom): void {
    save({ zoom: { ...state.zoom, [state.options.view]: zoom } });
}

/** Changes what is shown: remembered, reflected in the toolbar, and asked of the host. */
function setOptions(change: Partial<PreviewOptions>): void {
    const options = { ...state.options, ...change };
    for (const key of ['team', 'pillar', 'impact'] as const) if (!options[key]) delete (options as { [k: string]: unknown })[key];
    save({ options });
    syncToolbar();
    document.body.classList.add('is-loading');
    vscode.postMessage({ type: 'options', options });
}

function syncToolbar(): void {
    const { options } = state;
    document.body.dataset.view = options.view;
    for (const tab of document.querySelectorAll<HTMLButtonElement>('.view-tab')) {
        const selected = tab.dataset.view === options.view;
        tab.setAttribute('aria-selected', String(selected));
        tab.classList.toggle('selected', selected);
    }
    teamSelect.value = options.team ?? '';
    pillarSelect.value = options.pillar ?? '';
    impactSelect.value = options.impact ?? '';
    clusterBox.checked = options.cluster;
}

function fillSelect(select: HTMLSelectElement, none: string, choices: readonly ElementChoice[], value: string | undefined): void {
    const wanted = [['', none], ...choices.map(c => [c.name, c.title !== undefined ? `${c.name} — ${c.title}` : c.name])];
    const current = [...select.options].map(o => [o.value, o.text]);
    if (JSON.stringify(wanted) !== JSON.stringify(current)) {
        select.replaceChildren(...wanted.map(([v, text]) => {
            const option = document.createElement('option');
            option.value = v;
            option.text = text; // text, never markup
            return option;
        }));
    }
    select.value = value ?? '';
}

function fillImpact(choices: readonly ElementChoice[], value: string | undefined): void {
    const groups: Array<[string, ElementChoice[]]> = [['Teams', choices.filter(c => c.kind === 'team')], ['Bets', choices.filter(c => c.kind === 'bet')]];
    const signature = JSON.stringify(groups);
    if (impactSelect.dataset.signature !== signature) {
        const none = document.createElement('option');
        none.value = '';
        none.text = 'No impact';
        const children: HTMLElement[] = [none];
        for (const [label, list] of groups) {
            if (list.length === 0) continue;
            const group = document.createElement('optgroup');
            group.label = label;
            for (const c of list) {
                const option = document.createElement('option');
                option.value = c.name;
                option.text = c.title !== undefined ? `${c.name} — ${c.title}` : c.name;
                group.append(option);
            }
            children.push(group);
        }
        impactSelect.replaceChildren(...children);
        impactSelect.dataset.signature = signature;
    }
    impactSelect.value = value ?? '';
}

function showBanner(text: string | undefined, clearLabel: string, kind: 'impact' | 'error'): void {
    banner.hidden = text === undefined;
    banner.className = `banner ${kind}`;
    bannerText.textContent = text ?? '';
    bannerClear.textContent = clearLabel;
    bannerClear.dataset.kind = kind;
}

/** Replaces the drawing in place. The SVG is parsed as XML, never as HTML. */
function draw(svgText: string): boolean {
    const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const root = parsed.documentElement;
    if (root.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) return false;
    // Tooltips come from our own tooltip box, themed and instant, instead of the browser's.
    for (const title of [...root.querySelectorAll('title')]) {
        const owner = title.parentElement;
        if (owner && owner !== root) {
            owner.setAttribute('data-tip', title.textContent ?? '');
            title.remove();
        }
    }
    viewport.replaceChildren(document.importNode(root, true));
    return true;
}

function applyHighlight(): void {
    for (const el of viewport.querySelectorAll('.is-highlighted')) el.classList.remove('is-highlighted');
    if (highlighted === undefined) return;
    for (const el of viewport.querySelectorAll(`[data-name="${CSS.escape(highlighted)}"]`)) el.classList.add('is-highlighted');
}

function onUpdate(message: Extract<HostMessage, { type: 'update' }>): void {
    document.body.classList.remove('is-loading');
    const viewChanged = message.options.view !== drawnView;
    save({ source: message.source, options: message.options });
    const choices = message.choices;
    fillSelect(teamSelect, 'All teams', choices.filter(c => c.kind === 'team'), message.options.team);
    fillSelect(pillarSelect, 'All pillars', choices.filter(c => c.kind === 'pillar'), message.options.pillar);
    fillImpact(choices, message.options.impact);
    syncToolbar();

    if (message.error !== undefined) {
        showBanner(message.error, 'Clear filters', 'error');
        return;
    }
    if (message.impact) showBanner(`${message.impact.description}`, 'Clear impact', 'impact');
    else showBanner(undefined, '', 'impact');
    if (!draw(message.svg)) {
        status.textContent = 'The drawing could not be read.';
        status.hidden = false;
        return;
    }
    status.hidden = true;
    drawnView = message.options.view;
    document.body.dataset.drawn = message.options.view;
    applyHighlight();
    if (viewChanged) {
        const saved = state.zoom?.[message.options.view];
        if (saved) panZoom.set(saved, false);
        else panZoom.fitWidth();
    }
}

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
    const message = event.data;
    switch (message?.type) {
        case 'update': onUpdate(message); break;
        case 'highlight': {
            highlighted = message.name;
            applyHighlight();
            // Follow the editor: bring the element into view if it is off-screen.
            const element = viewport.querySelector('.node.is-highlighted') ?? viewport.querySelector('.is-highlighted');
            if (element) panZoom.reveal(element);
            break;
        }
        case 'exported':
            status.hidden = true;
            break;
    }
});

for (const tab of document.querySelectorAll<HTMLButtonElement>('.view-tab')) {
    tab.addEventListener('click', () => setOptions({ view: tab.dataset.view as PreviewOptions['view'] }));
}
teamSelect.addEventListener('change', () => setOptions({ team: teamSelect.value || undefined }));
pillarSelect.addEventListener('change', () => setOptions({ pillar: pillarSelect.value || undefined }));
impactSelect.addEventListener('change', () => setOptions({ impact: impactSelect.value || undefined }));
clusterBox.addEventListener('change', () => setOptions({ cluster: clusterBox.checked }));
bannerClear.addEventListener('click', () => {
    if (bannerClear.dataset.kind === 'error') setOptions({ team: undefined, pillar: undefined, impact: undefined });
    else setOptions({ impact: undefined });
});
$('zoom-in').addEventListener('click', () => panZoom.zoomBy(1.25));
$('zoom-out').addEventListener('click', () => panZoom.zoomBy(0.8));
$('zoom-fit').addEventListener('click', () => panZoom.fit(true));
$('export').addEventListener('click', () => vscode.postMessage({ type: 'export' }));

canvas.addEventListener('keydown', event => {
    if (event.key === '+' || event.key === '=') panZoom.zoomBy(1.25);
    else if (event.key === '-') panZoom.zoomBy(0.8);
    else if (event.key === '0') panZoom.fit(true);
});

// A click (not the end of a drag) on an element reveals it; Alt+click shows its impact.
canvas.addEventListener('click', event => {
    if (panZoom.wasDrag()) return;
    const target = (event.target as Element).closest('[data-name]');
    const name = target?.getAttribute('data-name');
    if (!target || name === null || name === undefined) return;
    const kind = target.getAttribute('data-kind');
    if (event.altKey && (kind === 'team' || kind === 'bet')) {
        setOptions({ impact: state.options.impact === name ? undefined : name });
        return;
    }
    vscode.postMessage({ type: 'reveal', name });
});

canvas.addEventListener('pointermove', event => {
    const target = (event.target as Element).closest('[data-tip]');
    const tip = target?.getAttribute('data-tip');
    if (!tip || panZoom.isDragging()) {
        tooltip.hidden = true;
        return;
    }
    tooltip.textContent = tip;
    tooltip.hidden = false;
    const x = Math.min(event.clientX + 14, window.innerWidth - tooltip.offsetWidth - 8);
    const y = event.clientY + 18 + tooltip.offsetHeight > window.innerHeight ? event.clientY - tooltip.offsetHeight - 10 : event.clientY + 18;
    tooltip.style.left = `${Math.max(4, x)}px`;
    tooltip.style.top = `${Math.max(4, y)}px`;
});
canvas.addEventListener('pointerleave', () => { tooltip.hidden = true; });

state = { ...state, options: { ...initial.options, ...state.options } };
syncToolbar();
vscode.setState(state);
vscode.postMessage({ type: 'ready', options: state.options });
