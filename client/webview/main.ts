// Runs inside the preview's webview: draws the SVG the language server made, pans and zooms,
// keeps each view's place across updates and restarts, posts `reveal` when a node is clicked
// (or Enter is pressed on it), highlights the element under the editor's cursor, and offers
// what a large plan needs: search, keyboard moves between nodes, focus on one element with
// its neighbours, and team boxes that collapse. Updates replace the drawing in place (no page
// reload), so zoom, scroll and the toolbar stay as they were.

import type { ElementChoice, HostMessage, PanZoom, PreviewOptions, PreviewState, WebviewMessage } from '../preview/messages.js';
import { graphViews } from '../preview/messages.js';
import { decorateNodes, mostDependedOn, navigableNodes, nearestInDirection, nodeSelector, type Direction } from './navigation.js';
import { createPanZoom } from './pan-zoom.js';
import { createSearch, type SearchItem } from './search.js';

interface VsCodeApi {
    postMessage(message: WebviewMessage): void;
    getState(): PreviewState | undefined;
    setState(state: PreviewState): void;
}

declare function acquireVsCodeApi(): VsCodeApi;

type UpdateMessage = Extract<HostMessage, { type: 'update' }>;

/** More nodes than this in the dependencies view and the preview opens focused. */
const largePlan = 150;
const defaultDepth = 2;
/** The smallest text a drawing may show on screen, in pixels. */
const smallestReadable = 11;

const vscode = acquireVsCodeApi();
const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const initial = JSON.parse($('trellis-preview-state').dataset.state ?? '{}') as PreviewState;
let state: PreviewState = vscode.getState() ?? initial;
/** The element under the editor's cursor. */
let highlighted: string | undefined;
/** The element picked in the preview (clicked, reached by keyboard or search): what F focuses on. */
let selected: string | undefined;
let drawnView: string | undefined;
let drawnFocus: string | undefined;
/** After the next drawing, put this element in the middle. */
let pendingCentre: string | undefined;
let elements = new Map<string, ElementChoice>();

const canvas = $<HTMLElement>('canvas');
const viewport = $<HTMLElement>('viewport');
const status = $<HTMLElement>('status');
const tooltip = $<HTMLElement>('tooltip');
const banner = $<HTMLElement>('banner');
const bannerText = $<HTMLElement>('banner-text');
const bannerClear = $<HTMLButtonElement>('banner-clear');
const focusBanner = $<HTMLElement>('focus-banner');
const focusText = $<HTMLElement>('focus-text');
const teamSelect = $<HTMLSelectElement>('filter-team');
const pillarSelect = $<HTMLSelectElement>('filter-pillar');
const impactSelect = $<HTMLSelectElement>('impact');
const depthSelect = $<HTMLSelectElement>('depth');
const clusterBox = $<HTMLInputElement>('cluster');
const changesBox = $<HTMLInputElement>('changes');
const changesCount = $<HTMLElement>('changes-count');
const searchInput = $<HTMLInputElement>('search');

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
    for (const key of ['team', 'pillar', 'impact', 'focus', 'depth', 'collapsed'] as const) {
        const value = options[key];
        if (value === undefined || value === '' || (Array.isArray(value) && value.length === 0)) delete (options as { [k: string]: unknown })[key];
    }
    save({ options });
    syncToolbar();
    document.body.classList.add('is-loading');
    vscode.postMessage({ type: 'options', options });
}

function syncToolbar(): void {
    const { options } = state;
    document.body.dataset.view = options.view;
    document.body.classList.toggle('is-graph', graphViews.includes(options.view));
    for (const tab of document.querySelectorAll<HTMLButtonElement>('.view-tab')) {
        const isSelected = tab.dataset.view === options.view;
        tab.setAttribute('aria-selected', String(isSelected));
        tab.classList.toggle('selected', isSelected);
    }
    teamSelect.value = options.team ?? '';
    pillarSelect.value = options.pillar ?? '';
    impactSelect.value = options.impact ?? '';
    depthSelect.value = String(options.depth ?? defaultDepth);
    clusterBox.checked = options.cluster;
    changesBox.checked = options.changes === true;
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

/** Beside the toggle: how many elements are marked, or why none could be (no git repository, say). */
function showChanges(message: UpdateMessage): void {
    const changes = message.changes;
    changesCount.textContent = !changes ? '' : changes.error !== undefined ? `(${changes.error})` : `(${changes.added} added, ${changes.changed} changed)`;
}

function showFocusBanner(message: UpdateMessage): void {
    const focus = message.focus;
    focusBanner.hidden = focus === undefined;
    document.body.classList.toggle('is-focused', focus !== undefined);
    if (!focus) return;
    const title = elements.get(focus.name)?.title;
    const hops = `${focus.depth} hop${focus.depth === 1 ? '' : 's'} up and down`;
    const what = `${focus.name}${title !== undefined ? ` (${title})` : ''} — ${focus.shown} of ${focus.total} elements, ${hops}`;
    focusText.textContent = state.autoFocused ? `This plan is large, so the preview opened focused on ${what}` : `Focused on ${what}`;
}

/** Parses the SVG as XML, never as HTML; undefined when it does not parse. */
function parse(svgText: string): SVGSVGElement | undefined {
    const parsed = new DOMParser().parseFromString(svgText, 'image/svg+xml');
    const root = parsed.documentElement;
    if (root.nodeName !== 'svg' || parsed.getElementsByTagName('parsererror').length > 0) return undefined;
    return root as unknown as SVGSVGElement;
}

/** Replaces the drawing in place. */
function draw(svgText: string): boolean {
    const root = parse(svgText);
    if (!root) return false;
    // Tooltips come from our own tooltip box, themed and instant, instead of the browser's.
    for (const title of [...root.querySelectorAll('title')]) {
        const owner = title.parentElement;
        if (owner && owner !== (root as Element)) {
            owner.setAttribute('data-tip', title.textContent ?? '');
            title.remove();
        }
    }
    viewport.replaceChildren(document.importNode(root, true));
    decorateNodes(viewport, elements);
    addExpandToggles();
    return true;
}

/** A collapsed team box is drawn as its team: a small "+" on it opens the box again. */
function addExpandToggles(): void {
    const ns = 'http://www.w3.org/2000/svg';
    for (const node of viewport.querySelectorAll('.nodes .node.collapsed[data-name]')) {
        const box = node.querySelector('.node-box');
        if (!box) continue;
        const team = node.getAttribute('data-name') ?? '';
        const x = Number(box.getAttribute('x')) + Number(box.getAttribute('width')), y = Number(box.getAttribute('y'));
        const toggle = document.createElementNS(ns, 'g');
        toggle.setAttribute('class', 'box-toggle');
        toggle.setAttribute('data-toggle', team);
        toggle.setAttribute('role', 'button');
        toggle.setAttribute('aria-label', `Expand the box of team ${team}`);
        toggle.setAttribute('data-tip', `Open the box of team ${team} again`);
        const circle = document.createElementNS(ns, 'circle');
        circle.setAttribute('cx', String(x - 2));
        circle.setAttribute('cy', String(y + 2));
        circle.setAttribute('r', '9');
        const plus = document.createElementNS(ns, 'path');
        plus.setAttribute('d', `M${x - 7},${y + 2} h10 M${x - 2},${y - 3} v10`);
        toggle.append(circle, plus);
        node.append(toggle);
    }
}

/** The drawn element that stands for a name: its node, else its row or bar, else anything named. */
function elementFor(name: string): Element | undefined {
    const q = CSS.escape(name);
    return viewport.querySelector(`.nodes .node[data-name="${q}"]`)
        ?? viewport.querySelector(`.row-head[data-name="${q}"], .bar[data-name="${q}"]`)
        ?? viewport.querySelector(`[data-name="${q}"]`)
        ?? undefined;
}

function applyHighlight(): void {
    for (const el of viewport.querySelectorAll('.is-highlighted')) el.classList.remove('is-highlighted');
    if (highlighted === undefined) return;
    for (const el of viewport.querySelectorAll(`[data-name="${CSS.escape(highlighted)}"]`)) el.classList.add('is-highlighted');
}

function select(name: string | undefined): void {
    selected = name;
    for (const el of viewport.querySelectorAll('.is-selected')) el.classList.remove('is-selected');
    if (name === undefined) return;
    elementFor(name)?.classList.add('is-selected');
}

/** The scale at which the drawing's smallest visible text is readable (1 when it is 11 px or more). */
function readableFloor(): number {
    let smallest = Infinity;
    for (const text of viewport.querySelectorAll('svg text')) {
        const size = parseFloat(getComputedStyle(text).fontSize);
        if (size > 0 && size < smallest) smallest = size;
    }
    return Number.isFinite(smallest) ? Math.max(1, smallestReadable / smallest) : 1;
}

/** The first look at a view: readable, on what matters (the cursor's element, the focus, the north star), else fitted. */
function openView(message: UpdateMessage): void {
    const view = message.options.view;
    if (view === 'capacity' || view === 'pillars') return panZoom.fillWidth(false);
    const target = [message.highlight, message.focus?.name].map(name => (name !== undefined ? elementFor(name) : undefined)).find(el => el)
        ?? viewport.querySelector('.nodes .node.north-star')
        ?? undefined;
    if (target) panZoom.centerOn(target, panZoom.floor(), false);
    else panZoom.fit(false);
}

function onUpdate(message: UpdateMessage): void {
    document.body.classList.remove('is-loading');
    const viewChanged = message.options.view !== drawnView;
    save({ source: message.source, options: message.options });
    elements = new Map(message.elements.map(e => [e.name, e]));
    if (message.highlight !== undefined) highlighted = message.highlight;
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

    // A plan too large to read whole opens focused: on the cursor's element, else the one most depend on.
    if (message.options.view === 'dependencies' && !message.focus && !state.wholePlan && (message.nodeCount ?? 0) > largePlan) {
        const whole = parse(message.svg);
        const drawnNames = new Set(whole ? [...whole.querySelectorAll('.nodes .node[data-name]')].map(n => n.getAttribute('data-name')) : []);
        const target = message.highlight !== undefined && drawnNames.has(message.highlight) ? message.highlight : whole ? mostDependedOn(whole) : undefined;
        if (target !== undefined) {
            status.textContent = `This plan has ${message.nodeCount} elements: opening it focused on ${target}…`;
            status.hidden = false;
            save({ autoFocused: true });
            focusOn(target, true);
            return;
        }
    }

    if (!draw(message.svg)) {
        status.textContent = 'The drawing could not be read.';
        status.hidden = false;
        return;
    }
    status.hidden = true;
    drawnView = message.options.view;
    document.body.dataset.drawn = message.options.view;
    if (!message.focus) save({ autoFocused: false });
    showFocusBanner(message);
    showChanges(message);
    applyHighlight();
    if (selected !== undefined && !elementFor(selected)) selected = undefined;
    select(selected);
    panZoom.setFloor(readableFloor());

    const focusChanged = (message.focus?.name) !== drawnFocus;
    const previousFocus = drawnFocus;
    drawnFocus = message.focus?.name;
    const centre = pendingCentre ?? (focusChanged ? message.focus?.name ?? previousFocus : undefined);
    pendingCentre = undefined;
    const saved = state.zoom?.[message.options.view];
    if (viewChanged && saved) panZoom.set(saved, false);
    else if (viewChanged) openView(message);
    else if (centre !== undefined) {
        const target = elementFor(centre);
        if (target) panZoom.centerOn(target, Math.max(panZoom.get().scale, panZoom.floor()), true);
    }
}

/** Focus mode: the element and its neighbours `depth` hops up and down, the rest hidden. */
function focusOn(name: string, automatic = false): void {
    if (!graphViews.includes(state.options.view)) return;
    if (!automatic) save({ autoFocused: false });
    pendingCentre = name;
    selected = name;
    setOptions({ focus: name, depth: state.options.depth ?? defaultDepth });
}

function showWholePlan(): void {
    if (state.options.focus === undefined) return;
    pendingCentre = state.options.focus;
    save({ autoFocused: false, wholePlan: true });
    setOptions({ focus: undefined });
}

/** Collapses or opens a team's box (remembered with the options, drawn by the server). */
function toggleBox(team: string): void {
    const collapsed = new Set(state.options.collapsed ?? []);
    let focus = state.options.focus;
    if (collapsed.has(team)) collapsed.delete(team);
    else {
        collapsed.add(team);
        // A focused bet inside the box disappears with it: focus on its team instead.
        const cluster = viewport.querySelector(`.cluster[data-name="${CSS.escape(team)}"]`);
        const focused = focus !== undefined ? elementFor(focus) : undefined;
        if (cluster && focused && focus !== team && inside(focused, cluster)) focus = team;
    }
    pendingCentre = team;
    setOptions({ collapsed: [...collapsed].sort(), focus });
}

function inside(element: Element, box: Element): boolean {
    const a = element.getBoundingClientRect(), b = box.getBoundingClientRect();
    return a.left >= b.left && a.right <= b.right && a.top >= b.top && a.bottom <= b.bottom;
}

/** Scrolls to a node, centres and selects it, and gives it the keyboard. */
function jumpTo(name: string): void {
    const target = elementFor(name);
    if (!target) return;
    select(name);
    panZoom.centerOn(target, Math.max(panZoom.get().scale, panZoom.floor()), true);
    if (target.hasAttribute('tabindex')) (target as SVGElement).focus({ preventScroll: true });
}

function searchItems(): SearchItem[] {
    const drawn = new Set([...viewport.querySelectorAll('[data-name]')].map(el => el.getAttribute('data-name')!));
    const items: SearchItem[] = [];
    for (const name of drawn) {
        const element = elements.get(name);
        items.push({ name, kind: element?.kind ?? elementFor(name)?.getAttribute('data-kind') ?? '', title: element?.title });
    }
    // In focus mode the rest of the plan is a pick away: choosing it focuses on it.
    if (state.options.focus !== undefined && !focusBanner.hidden) {
        const kinds = state.options.view === 'dependencies' ? ['team', 'bet'] : ['metric', 'goal', 'bet'];
        for (const element of elements.values()) {
            if (!drawn.has(element.name) && kinds.includes(element.kind)) items.push({ ...element, outside: true });
        }
    }
    return items;
}

const search = createSearch(searchInput, $<HTMLUListElement>('search-results'), searchItems, item => {
    if (item.outside) focusOn(item.name);
    else jumpTo(item.name);
});

window.addEventListener('message', (event: MessageEvent<HostMessage>) => {
    const message = event.data;
    switch (message?.type) {
        case 'update': onUpdate(message); break;
        case 'highlight': {
            highlighted = message.name;
            // The cursor moved since the last pick in the preview: it is what "Focus" acts on now.
            if (message.name !== undefined) select(undefined);
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
    // Focus belongs to one view's drawing; another view starts whole (or focused again if large).
    tab.addEventListener('click', () => {
        if (tab.dataset.view !== state.options.view) setOptions({ view: tab.dataset.view as PreviewOptions['view'], focus: undefined });
    });
}
teamSelect.addEventListener('change', () => setOptions({ team: teamSelect.value || undefined }));
pillarSelect.addEventListener('change', () => setOptions({ pillar: pillarSelect.value || undefined }));
impactSelect.addEventListener('change', () => setOptions({ impact: impactSelect.value || undefined }));
clusterBox.addEventListener('change', () => setOptions({ cluster: clusterBox.checked }));
changesBox.addEventListener('change', () => setOptions({ changes: changesBox.checked || undefined }));
depthSelect.addEventListener('change', () => {
    pendingCentre = state.options.focus;
    setOptions({ depth: Number(depthSelect.value) });
});
bannerClear.addEventListener('click', () => {
    if (bannerClear.dataset.kind === 'error') setOptions({ team: undefined, pillar: undefined, impact: undefined, focus: undefined, collapsed: undefined });
    else setOptions({ impact: undefined });
});
$('focus-clear').addEventListener('click', showWholePlan);
$('focus-selected').addEventListener('click', () => {
    const name = selected ?? highlighted;
    if (name !== undefined && elementFor(name)?.matches('.nodes .node')) focusOn(name);
    else {
        status.textContent = 'Select an element first: click it, reach it with Tab, or find it.';
        status.hidden = false;
    }
});
$('zoom-in').addEventListener('click', () => panZoom.zoomBy(1.25));
$('zoom-out').addEventListener('click', () => panZoom.zoomBy(0.8));
$('zoom-fit').addEventListener('click', () => fitView());
$('export-svg').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'svg' }));
$('export-png').addEventListener('click', () => vscode.postMessage({ type: 'export', format: 'png' }));

function fitView(): void {
    if (state.options.view === 'capacity' || state.options.view === 'pillars') panZoom.fillWidth(true);
    else panZoom.fit(true);
}

const arrows: Record<string, Direction> = { ArrowLeft: 'left', ArrowRight: 'right', ArrowUp: 'up', ArrowDown: 'down' };

document.addEventListener('keydown', event => {
    const target = event.target as Element;
    if ((event.ctrlKey || event.metaKey) && !event.altKey && event.key.toLowerCase() === 'f') {
        // Ours, not the editor's: VS Code hears every key the webview does not stop (its own
        // listener is on the window), and its Find would take the keyboard to the text editor.
        event.preventDefault();
        event.stopPropagation();
        searchInput.focus();
        searchInput.select();
        return;
    }
    if (target.closest('input, select, textarea')) return;
    if (event.key === 'Escape') {
        if (state.options.focus !== undefined) {
            event.preventDefault();
            event.stopPropagation();
            showWholePlan();
        }
        return;
    }
    if (!canvas.contains(target) || event.ctrlKey || event.metaKey || event.altKey) return;
    const node = target.closest(nodeSelector);
    const name = node?.getAttribute('data-name') ?? undefined;
    if (event.key in arrows) {
        event.preventDefault();
        const nodes = navigableNodes(viewport);
        const from = node ?? (selected !== undefined ? elementFor(selected) : undefined);
        const next = from ? nearestInDirection(from, nodes, arrows[event.key]) : nodes[0];
        if (next) (next as SVGElement).focus({ preventScroll: true });
    } else if ((event.key === 'Enter' || event.key === ' ') && name !== undefined) {
        event.preventDefault();
        vscode.postMessage({ type: 'reveal', name });
    } else if ((event.key === 'f' || event.key === 'F') && name !== undefined && node?.matches('.nodes .node')) {
        event.preventDefault();
        focusOn(name);
    } else if ((event.key === 'c' || event.key === 'C') && name !== undefined && node?.matches('.nodes .node.team')
        && state.options.view === 'dependencies' && state.options.cluster) {
        event.preventDefault();
        toggleBox(name);
    } else if (event.key === '+' || event.key === '=') panZoom.zoomBy(1.25);
    else if (event.key === '-') panZoom.zoomBy(0.8);
    else if (event.key === '0') fitView();
});

// A node that gets the keyboard is selected and brought into view; the canvas itself never
// scrolls (the drawing moves by its transform), so a focus that scrolled it is undone.
canvas.addEventListener('focusin', event => {
    const node = (event.target as Element).closest(nodeSelector);
    const name = node?.getAttribute('data-name');
    if (!node || name === null || name === undefined) return;
    unscroll();
    select(name);
    panZoom.reveal(node);
});
function unscroll(): void {
    canvas.scrollTop = 0;
    canvas.scrollLeft = 0;
}
canvas.addEventListener('scroll', unscroll);

// A click (not the end of a drag) on an element reveals it; Alt+click shows its impact; a click
// on a team box's name (or the "+" of a collapsed one) collapses or opens it.
canvas.addEventListener('click', event => {
    if (panZoom.wasDrag()) return;
    search.close();
    const toggle = (event.target as Element).closest('[data-toggle]');
    if (toggle) {
        toggleBox(toggle.getAttribute('data-toggle')!);
        return;
    }
    const target = (event.target as Element).closest('[data-name]');
    const name = target?.getAttribute('data-name');
    if (!target || name === null || name === undefined) return;
    const kind = target.getAttribute('data-kind');
    if (event.altKey && (kind === 'team' || kind === 'bet')) {
        setOptions({ impact: state.options.impact === name ? undefined : name });
        return;
    }
    select(name);
    vscode.postMessage({ type: 'reveal', name });
});

// Double-click a node: focus on it.
canvas.addEventListener('dblclick', event => {
    const node = (event.target as Element).closest('.nodes .node[data-name]');
    const name = node?.getAttribute('data-name');
    if (name !== null && name !== undefined) focusOn(name);
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
