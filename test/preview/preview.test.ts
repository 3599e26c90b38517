// The preview's webview in headless Chromium (Debian's package, driven by playwright-core):
// the real page with a real plan, clicked and updated as in the editor. These tests fail,
// never skip, when Chromium is missing.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostileFiles, hostileTexts, planFiles } from '../graph/fixture.js';
import type { PreviewState } from '../../client/preview/messages.js';
import { launchChromium, openPreview, readPlanFolder, type PreviewPage } from './webview-harness.js';

let browser: Browser;
beforeAll(async () => { browser = await launchChromium(); }, 60_000);
afterAll(async () => { await browser?.close(); });

const count = (p: PreviewPage, selector: string) => p.page.locator(selector).count();
const evaluate = <T>(p: PreviewPage, expression: string) => p.page.evaluate(expression) as Promise<T>;

describe('the preview webview', () => {
    let preview: PreviewPage;
    beforeAll(async () => {
        preview = await openPreview(browser, { files: planFiles });
        await preview.drawn('dependencies');
    }, 60_000);
    afterAll(async () => { await preview?.close(); });

    test('draws every bet and team of the plan', async () => {
        expect(await count(preview, '#viewport svg .nodes [data-name]')).toBe(11);
        expect(await preview.page.locator('#viewport .node[data-name="platform"] .heading').textContent()).toBe('Platform');
        expect(await preview.page.locator('#viewport .node[data-name="platform"]').getAttribute('class')).toContain('mark-overloaded-team');
        expect(await preview.page.locator('.view-tab.selected').textContent()).toBe('Dependencies');
        expect(preview.refused).toEqual([]);
        expect(await evaluate<string[]>(preview, 'window.__cspViolations')).toEqual([]);
    });

    test('fills the filters and the impact picker from the plan', async () => {
        const teams = await preview.page.locator('#filter-team option').allTextContents();
        expect(teams).toEqual(['All teams', 'data — Data', 'onboarding — Onboarding', 'platform — Platform']);
        expect(await preview.page.locator('#filter-pillar option').allTextContents()).toEqual(['All pillars', 'foundations — Keep the lights on', 'growth — Grow new teams']);
        expect(await preview.page.locator('#impact optgroup').evaluateAll(groups => groups.map(g => g.getAttribute('label')))).toEqual(['Teams', 'Bets']);
    });

    test('clicking a node posts reveal with its name', async () => {
        await preview.page.locator('#viewport .node[data-name="sso-v2"]').click();
        expect(await preview.waitForPosted(m => m.type === 'reveal')).toEqual({ type: 'reveal', name: 'sso-v2' });
    });

    test('hovering a node shows its tooltip, findings included', async () => {
        await preview.page.locator('#viewport .node[data-name="platform"]').hover();
        const tooltip = preview.page.locator('#tooltip');
        await tooltip.waitFor({ state: 'visible' });
        expect(await tooltip.textContent()).toContain("Team 'platform' is at 130% of capacity in 2027-Q1");
    });

    test('highlights the element under the editor cursor', async () => {
        await preview.send({ type: 'highlight', name: 'billing' });
        await preview.page.waitForSelector('#viewport .node[data-name="billing"].is-highlighted');
        await preview.send({ type: 'highlight', name: 'guided-setup' });
        await preview.page.waitForSelector('#viewport .node[data-name="guided-setup"].is-highlighted');
        expect(await count(preview, '#viewport .is-highlighted')).toBe(1);
    });

    test('applies an update in place: no reload, zoom and scroll kept', async () => {
        await preview.page.locator('#zoom-in').click();
        await evaluate(preview, 'window.__sameDocument = 42');
        const before = await preview.page.locator('#viewport').getAttribute('style');
        await preview.workspace.edit('bets.trellis', `${planFiles['bets.trellis']}\nbet new-thing "Something new" { goal reliable owner data 20% during 2027-Q2 depends-on billing }\n`);
        await preview.refresh();
        await preview.page.waitForSelector('#viewport .node[data-name="new-thing"]');
        expect(await evaluate<number>(preview, 'window.__sameDocument')).toBe(42);
        expect(await preview.page.locator('#viewport').getAttribute('style')).toBe(before);
        expect(preview.posted.filter(m => m.type === 'ready')).toHaveLength(1);
    });

    test('switches views from the tabs', async () => {
        for (const [tab, view, selector] of [
            ['Capacity', 'capacity', '.row-head[data-name="platform"]'],
            ['Pillars', 'pillars', '.bar[data-name="growth"]'],
            ['Metric tree', 'metrics', '.node.north-star[data-name="weekly-active"]'],
            ['Dependencies', 'dependencies', '.node[data-name="sso-v2"]'],
        ] as const) {
            await preview.page.getByRole('tab', { name: tab }).click();
            expect(await preview.waitForPosted(m => m.type === 'options' && m.options.view === view)).toBeTruthy();
            await preview.drawn(view);
            expect(await count(preview, `#viewport ${selector}`)).toBeGreaterThan(0);
        }
        expect(await preview.page.locator('#viewport .cell.overloaded').count()).toBe(0); // the dependencies view again
    });

    test('capacity cells show the bets behind them', async () => {
        await preview.page.getByRole('tab', { name: 'Capacity' }).click();
        await preview.drawn('capacity');
        const cell = preview.page.locator('#viewport .cell[data-name="platform"][data-quarter="2027-Q1"]');
        expect(await cell.getAttribute('class')).toContain('overloaded');
        expect(await cell.getAttribute('data-tip')).toContain('sso-v2 (Single sign-on v2): owner 50%');
        await preview.page.getByRole('tab', { name: 'Dependencies' }).click();
        await preview.drawn('dependencies');
    });

    test('impact mode: picks a bet, highlights what would stall, with a count; cleared from the banner', async () => {
        await preview.page.locator('#impact').selectOption('sso-v2');
        await preview.page.waitForSelector('#viewport svg.has-impact');
        // billing, guided-setup, invites, and new-thing (added by the update test, depends on billing)
        expect(await preview.page.locator('#banner-text').textContent()).toBe("If 'sso-v2' did nothing for six months, 8 elements would stall: 4 bets, 2 goals and 2 metrics. Its blast radius is 4 bets.");
        expect(await count(preview, '#viewport .nodes .impact-stalled')).toBe(4);
        await preview.page.locator('#banner-clear').click();
        await preview.page.waitForSelector('#viewport svg:not(.has-impact)');
        expect(await preview.page.locator('#banner').isHidden()).toBe(true);
    });

    test('Alt+click on a team shows its impact', async () => {
        await preview.page.locator('#viewport .node[data-name="data"]').click({ modifiers: ['Alt'] });
        await preview.page.waitForSelector('#viewport svg.has-impact');
        expect(await preview.page.locator('#impact').inputValue()).toBe('data');
        await preview.page.locator('#banner-clear').click();
        await preview.page.waitForSelector('#viewport svg:not(.has-impact)');
    });

    test('filters by team and by pillar', async () => {
        await preview.page.locator('#filter-team').selectOption('data');
        await preview.page.waitForSelector('#viewport .node[data-name="loop-a"]');
        await preview.page.waitForSelector('#viewport .node[data-name="sso-v2"]', { state: 'detached' });
        await preview.page.locator('#filter-team').selectOption('');
        await preview.page.locator('#filter-pillar').selectOption('growth');
        await preview.page.waitForSelector('#viewport .node[data-name="loop-a"]', { state: 'detached' });
        await preview.page.locator('#filter-pillar').selectOption('');
        await preview.page.waitForSelector('#viewport .node[data-name="loop-a"]');
    });

    test('"Changes since HEAD" asks for the marks, and says how many came back or why none did', async () => {
        await preview.page.locator('#changes').check();
        const asked = await preview.waitForPosted(m => m.type === 'options' && m.options.changes === true);
        expect(asked).toMatchObject({ type: 'options', options: { changes: true } });
        const svg = '<svg xmlns="http://www.w3.org/2000/svg" class="trellis-diagram view-dependencies" data-view="dependencies" width="10" height="10"><g class="nodes"></g></svg>';
        await preview.send({ type: 'update', options: { view: 'dependencies', cluster: true, changes: true }, title: 'Dependencies', svg, choices: [], elements: [], changes: { revision: 'HEAD', added: 2, changed: 3 } });
        await expect.poll(() => preview.page.locator('#changes-count').textContent()).toBe('(2 added, 3 changed)');
        await preview.send({ type: 'update', options: { view: 'dependencies', cluster: true, changes: true }, title: 'Dependencies', svg, choices: [], elements: [], changes: { revision: 'HEAD', added: 0, changed: 0, error: 'examples is not inside a git repository' } });
        await expect.poll(() => preview.page.locator('#changes-count').textContent()).toBe('(examples is not inside a git repository)');
        const count = preview.posted.length;
        await preview.page.locator('#changes').uncheck();
        await expect.poll(() => preview.posted.slice(count).find(m => m.type === 'options')).toMatchObject({ type: 'options', options: { view: 'dependencies' } });
        const off = preview.posted.slice(count).find(m => m.type === 'options');
        expect(off?.type === 'options' && off.options.changes).toBeFalsy();
        await preview.refresh();
    });

    test('a filter that names something gone shows why, and clears', async () => {
        await preview.send({ type: 'update', options: { view: 'dependencies', cluster: true, team: 'gone' }, title: '', svg: '', choices: [], elements: [], error: "There is no team 'gone' in the plan" });
        await preview.page.waitForSelector('#banner.error:not([hidden])');
        expect(await preview.page.locator('#banner-text').textContent()).toBe("There is no team 'gone' in the plan");
        await preview.page.locator('#banner-clear').click();
        await preview.page.waitForSelector('#banner', { state: 'hidden' });
    });

    test('exports SVG and PNG: each posts export with its format, and the PNG is the view drawn at twice its size', async () => {
        await preview.page.getByRole('button', { name: 'SVG' }).click();
        expect(await preview.waitForPosted(m => m.type === 'export')).toEqual({ type: 'export', format: 'svg' });
        await preview.page.getByRole('button', { name: 'PNG' }).click();
        expect(await preview.waitForPosted(m => m.type === 'export' && m.format === 'png')).toEqual({ type: 'export', format: 'png' });
        await expect.poll(() => preview.exports.length).toBe(2);
        const [svg, png] = preview.exports;
        if ('error' in svg || 'error' in png) throw new Error(`an export failed: ${JSON.stringify([svg, png].map(e => 'error' in e ? e.error : e.name))}`);
        expect(svg.name).toBe('dependencies.svg');
        expect(new TextDecoder().decode(svg.bytes)).toMatch(/^<svg[^>]*xmlns/);
        expect(png.name).toBe('dependencies.png');
        expect([...png.bytes.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
        // The IHDR's width: twice the drawing's.
        const width = new DataView(png.bytes.buffer, png.bytes.byteOffset).getUint32(16);
        const svgWidth = Number(/width="([\d.]+)"/.exec(new TextDecoder().decode(svg.bytes))![1]);
        expect(Math.abs(width - 2 * svgWidth)).toBeLessThanOrEqual(2);
    });

    test('pans by dragging, zooms with the buttons and fits', async () => {
        const style = () => preview.page.locator('#viewport').getAttribute('style');
        const before = await style();
        const box = (await preview.page.locator('#canvas').boundingBox())!;
        await preview.page.mouse.move(box.x + 20, box.y + box.height - 20);
        await preview.page.mouse.down();
        await preview.page.mouse.move(box.x + 120, box.y + box.height - 60, { steps: 5 });
        await preview.page.mouse.up();
        expect(await style()).not.toBe(before);
        await preview.page.locator('#zoom-fit').click();
        expect(await style()).toMatch(/scale\(/);
    });
});

const scaleOf = async (p: PreviewPage) => Number(/scale\(([\d.]+)\)/.exec((await p.page.locator('#viewport').getAttribute('style')) ?? '')?.[1]);
const box = async (p: PreviewPage, selector: string) => (await p.page.locator(selector).first().boundingBox())!;
const centreOf = (b: { x: number; y: number; width: number; height: number }) => ({ x: b.x + b.width / 2, y: b.y + b.height / 2 });
const within = (inner: { x: number; y: number; width: number; height: number }, outer: { x: number; y: number; width: number; height: number }) =>
    inner.x >= outer.x - 0.5 && inner.y >= outer.y - 0.5 && inner.x + inner.width <= outer.x + outer.width + 0.5 && inner.y + inner.height <= outer.y + outer.height + 0.5;
/** The smallest text on screen, in CSS pixels: its font size times the zoom. */
const smallestText = async (p: PreviewPage) => (await scaleOf(p)) * await evaluate<number>(p,
    `Math.min(...[...document.querySelectorAll('#viewport svg text')].filter(t => t.getBBox().width > 0).map(t => parseFloat(getComputedStyle(t).fontSize)))`);
/** Waits until the focus banner says this. */
const bannerSays = (p: PreviewPage, text: string) => p.page.locator('#focus-text', { hasText: text }).waitFor();
// Polled from here: the page's CSP (no eval) rules out waitForFunction with an expression.
const nodeCountIs = (p: PreviewPage, n: number) => expect.poll(() => count(p, '#viewport .nodes .node'), { timeout: 60_000 }).toBe(n);
const acmeFiles = () => readPlanFolder(path.resolve(import.meta.dirname, '../../examples/acme'));

/** A plan too large to read whole: teams with many bets, most of them waiting on one. */
function largePlanFiles(bets: number): Record<string, string> {
    const teams = Array.from({ length: 8 }, (_, i) => `team t${i} "Team ${i}" { capacity 40 }`);
    const lines = Array.from({ length: bets }, (_, i) => {
        const dependsOn = i === 0 ? '' : i % 3 === 0 ? `depends-on b${i - 1}` : 'depends-on hub';
        return `bet b${i} "Bet number ${i}" { pillar p owner t${i % 8} 1% during 2027-Q1 ${dependsOn} }`;
    });
    return { 'large.trellis': ['pillar p "P" { target 100% }', ...teams, 'bet hub "The hub everyone waits on" { pillar p owner t0 5% during 2027-Q1 }', ...lines].join('\n') };
}

describe('the preview opens readable', () => {
    test('at 100%, centred on the element at the editor\'s cursor', async () => {
        const preview = await openPreview(browser, { files: acmeFiles(), cursor: 'identity', size: { width: 1000, height: 800 } });
        try {
            await preview.drawn('dependencies');
            expect(await scaleOf(preview)).toBe(1);
            const node = await box(preview, '#viewport .node[data-name="identity"]');
            const canvas = await box(preview, '#canvas');
            expect(within(node, canvas)).toBe(true);
            expect(await preview.page.locator('#viewport .node[data-name="identity"]').getAttribute('class')).toContain('is-highlighted');
            // Centred as far as the drawing's edges allow: no empty band on the side it is near.
            const drawing = await box(preview, '#viewport svg');
            const off = { x: centreOf(node).x - centreOf(canvas).x, y: centreOf(node).y - centreOf(canvas).y };
            if (Math.abs(off.x) > 2) expect(Math.min(Math.abs(drawing.x - canvas.x - 12), Math.abs(drawing.x + drawing.width - canvas.x - canvas.width + 12))).toBeLessThan(1);
            if (Math.abs(off.y) > 2) expect(Math.min(Math.abs(drawing.y - canvas.y - 12), Math.abs(drawing.y + drawing.height - canvas.y - canvas.height + 12))).toBeLessThan(1);
            expect(await smallestText(preview)).toBeGreaterThanOrEqual(11);
        } finally {
            await preview.close();
        }
    });

    test('the metric tree on its north star, at 100%', async () => {
        const preview = await openPreview(browser, { files: acmeFiles(), state: { options: { view: 'metrics', cluster: true } } });
        try {
            await preview.drawn('metrics');
            expect(await scaleOf(preview)).toBe(1);
            expect(within(await box(preview, '#viewport .node.north-star'), await box(preview, '#canvas'))).toBe(true);
        } finally {
            await preview.close();
        }
    });

    test('capacity and pillars across the pane\'s width, from the top left of the table, never below 100%', async () => {
        for (const view of ['capacity', 'pillars'] as const) {
            const preview = await openPreview(browser, { files: acmeFiles(), size: { width: 1000, height: 700 }, state: { options: { view, cluster: true } } });
            try {
                await preview.drawn(view);
                const scale = await scaleOf(preview);
                expect(scale).toBeGreaterThanOrEqual(1);
                const canvas = await box(preview, '#canvas');
                const drawing = await box(preview, '#viewport svg');
                expect(drawing.x - canvas.x).toBeGreaterThanOrEqual(0);
                expect(drawing.y - canvas.y).toBeLessThanOrEqual(12.5);
                // It fills the width (less the margins), unless that would blow it up past 125% or shrink it below 100%.
                if (scale > 1 && scale < 1.25) expect(Math.abs(drawing.width - (canvas.width - 24))).toBeLessThan(2);
                const firstRow = view === 'capacity' ? '#viewport .row-head' : '#viewport .bar';
                expect(within(await box(preview, `${firstRow} .heading`), canvas)).toBe(true);
                expect(await smallestText(preview)).toBeGreaterThanOrEqual(11);
            } finally {
                await preview.close();
            }
        }
    });

    test('Fit never shrinks text below 11 px: a plan too large to fit legibly is fitted to the width and scrolls', async () => {
        const preview = await openPreview(browser, { files: acmeFiles(), size: { width: 900, height: 700 } });
        try {
            await preview.drawn('dependencies');
            await preview.page.locator('#zoom-out').click();
            await preview.page.locator('#zoom-out').click();
            expect(await scaleOf(preview)).toBeLessThan(1);
            await preview.page.getByRole('button', { name: 'Fit' }).click();
            expect(await scaleOf(preview)).toBe(1);
            expect(await smallestText(preview)).toBeGreaterThanOrEqual(11);
            const canvas = await box(preview, '#canvas');
            const drawing = await box(preview, '#viewport svg');
            expect(drawing.height).toBeGreaterThan(canvas.height); // more below: scroll to it
            expect(drawing.y - canvas.y).toBeCloseTo(12, 0); // from the top
            // Scrolling moves down the drawing.
            await preview.page.mouse.move(canvas.x + 100, canvas.y + 100);
            await preview.page.mouse.wheel(0, 400);
            expect((await box(preview, '#viewport svg')).y).toBeLessThan(drawing.y - 300);
        } finally {
            await preview.close();
        }
    });

    test('a small plan fits whole, at its natural size at most', async () => {
        const preview = await openPreview(browser, { files: planFiles, size: { width: 1600, height: 1000 } });
        try {
            await preview.drawn('dependencies');
            await preview.page.getByRole('button', { name: 'Fit' }).click();
            expect(await scaleOf(preview)).toBeLessThanOrEqual(1);
            expect(within(await box(preview, '#viewport svg'), await box(preview, '#canvas'))).toBe(true);
        } finally {
            await preview.close();
        }
    });

    test('zoom and scroll survive reopening the preview', async () => {
        const first = await openPreview(browser, { files: planFiles });
        let saved: PreviewState;
        let style: string | null;
        try {
            await first.drawn('dependencies');
            await first.page.locator('#zoom-in').click();
            style = await first.page.locator('#viewport').getAttribute('style');
            saved = await first.page.evaluate('acquireVsCodeApi().getState()') as PreviewState;
        } finally {
            await first.close();
        }
        expect(saved.zoom?.dependencies?.scale).toBe(1.25);
        const second = await openPreview(browser, { files: planFiles, state: saved });
        try {
            await second.drawn('dependencies');
            expect(await second.page.locator('#viewport').getAttribute('style')).toBe(style);
        } finally {
            await second.close();
        }
    });

    test('the drawing is set in the shipped Noto Sans, loaded from the extension', async () => {
        const preview = await openPreview(browser, { files: planFiles });
        try {
            await preview.drawn('dependencies');
            await preview.page.evaluate('document.fonts.ready');
            expect(await evaluate<string>(preview, "getComputedStyle(document.querySelector('#viewport .node .heading')).fontFamily")).toMatch(/^"?Noto Sans"?, "?Noto Sans SC"?/);
            expect(await preview.page.evaluate('document.fonts.check("12px \'Noto Sans\'")')).toBe(true);
            expect(preview.fontsServed).toEqual(expect.arrayContaining(['NotoSans-Regular.ttf', 'NotoSans-SemiBold.ttf']));
            // The Chinese and Japanese font is large: fetched only for a plan that needs it.
            expect(preview.fontsServed).not.toContain('NotoSansSC-Regular.ttf');
            expect(preview.refused).toEqual([]);
            expect(await evaluate<string[]>(preview, 'window.__cspViolations')).toEqual([]);
        } finally {
            await preview.close();
        }
        const cjk = await openPreview(browser, { files: { 'cjk.trellis': 'team data "数据平台" { capacity 4 }\nbet 导入 "从表格导入计划" { owner data 50% during 2027-Q1 }\n' } });
        try {
            await cjk.drawn('dependencies');
            await cjk.page.evaluate('document.fonts.ready');
            expect(cjk.fontsServed).toContain('NotoSansSC-Regular.ttf');
            expect(await cjk.page.locator('#viewport .node[data-name="导入"]').getAttribute('aria-label')).toBe('Bet 导入 — 从表格导入计划');
        } finally {
            await cjk.close();
        }
    });
});

describe('search and keyboard', () => {
    let preview: PreviewPage;
    beforeAll(async () => {
        preview = await openPreview(browser, { files: acmeFiles(), size: { width: 1000, height: 800 } });
        await preview.drawn('dependencies');
    }, 60_000);
    afterAll(async () => { await preview?.close(); });

    test('Ctrl+F finds elements by name or title; Enter jumps to the node, centres and selects it', async () => {
        // VS Code listens for keys on the webview's window and runs its own Find for Ctrl+F: ours must stop there.
        await preview.page.evaluate("window.__heardByEditor = []; window.addEventListener('keydown', e => window.__heardByEditor.push(e.key))");
        await preview.page.locator('#canvas').focus();
        await preview.page.keyboard.press('Control+f');
        expect(await preview.page.evaluate('document.activeElement.id')).toBe('search');
        expect(await evaluate<string[]>(preview, 'window.__heardByEditor')).toEqual(['Control']);
        await preview.page.keyboard.type('sign-on');
        const options = preview.page.locator('#search-results [role="option"]');
        await options.first().waitFor();
        expect(await options.locator('.match-name').allTextContents()).toContain('saml-sso');
        await preview.page.locator('#search').fill('saml');
        expect(await options.first().locator('.match-name').textContent()).toBe('saml-sso');
        await preview.page.keyboard.press('Enter');
        const node = preview.page.locator('#viewport .node[data-name="saml-sso"]');
        await preview.page.waitForSelector('#viewport .node[data-name="saml-sso"].is-selected');
        expect(await node.evaluate(n => n === n.ownerDocument.activeElement)).toBe(true);
        const canvas = await box(preview, '#canvas');
        expect(within((await node.boundingBox())!, canvas)).toBe(true);
        expect(await preview.page.locator('#search-results').isHidden()).toBe(true);
        expect(await scaleOf(preview)).toBeGreaterThanOrEqual(1);
    });

    test('a search that matches nothing says so', async () => {
        await preview.page.locator('#search').fill('zzz-nothing');
        expect(await preview.page.locator('#search-results .no-match').textContent()).toBe('No element has that name or title');
        await preview.page.keyboard.press('Escape');
        await preview.page.keyboard.press('Escape');
        expect(await preview.page.locator('#search').inputValue()).toBe('');
    });

    test('nodes are buttons with accessible names, reached with Tab', async () => {
        const node = preview.page.locator('#viewport .node[data-name="identity"]');
        expect(await node.getAttribute('role')).toBe('button');
        expect(await node.getAttribute('tabindex')).toBe('0');
        expect(await node.getAttribute('aria-label')).toMatch(/^Team identity — Identity & Access/);
        expect(await preview.page.locator('#viewport .node[data-name="saml-sso"]').getAttribute('aria-label')).toMatch(/^Bet saml-sso — /);
        await preview.page.locator('#canvas').focus();
        await preview.page.keyboard.press('Tab');
        const first = await preview.page.evaluate('document.activeElement.getAttribute("data-name")');
        expect(first).toBe(await preview.page.locator('#viewport .nodes .node').first().getAttribute('data-name'));
        await preview.page.keyboard.press('Tab');
        expect(await preview.page.evaluate('document.activeElement.getAttribute("data-name")')).toBe(await preview.page.locator('#viewport .nodes .node').nth(1).getAttribute('data-name'));
    });

    test('arrow keys move to the nearest node that way; Enter reveals its definition', async () => {
        await preview.page.locator('#viewport .node[data-name="identity"]').focus();
        const active = () => preview.page.evaluate('document.activeElement.getAttribute("data-name")') as Promise<string>;
        const centre = async (name: string) => centreOf(await box(preview, `#viewport .node[data-name="${name}"]`));
        for (const [key, check] of [
            ['ArrowLeft', (a: { x: number }, b: { x: number }) => b.x < a.x],
            ['ArrowDown', (a: { y: number }, b: { y: number }) => b.y > a.y],
            ['ArrowRight', (a: { x: number }, b: { x: number }) => b.x > a.x],
            ['ArrowUp', (a: { y: number }, b: { y: number }) => b.y < a.y],
        ] as const) {
            const from = await active();
            await preview.page.keyboard.press(key);
            const to = await active();
            expect(to, `${key} from ${from}`).not.toBe(from);
            // Both measured after the move (the drawing may have panned to bring the new node into view).
            expect(check(await centre(from) as never, await centre(to) as never), `${key}: ${from} -> ${to}`).toBe(true);
            expect(within(await box(preview, `#viewport .node[data-name="${to}"]`), await box(preview, '#canvas'))).toBe(true);
        }
        const name = await active();
        const count = preview.posted.length;
        await preview.page.keyboard.press('Enter');
        expect(await preview.waitForPosted(m => m.type === 'reveal' && preview.posted.indexOf(m) >= count)).toEqual({ type: 'reveal', name });
    });
});

describe('focus mode', () => {
    let preview: PreviewPage;
    beforeAll(async () => {
        preview = await openPreview(browser, { files: acmeFiles(), size: { width: 1000, height: 800 } });
        await preview.drawn('dependencies');
    }, 60_000);
    afterAll(async () => { await preview?.close(); });

    const nodes = () => count(preview, '#viewport .nodes .node');
    /** Brings a node into view with the search box, as a reader would. */
    const jump = async (name: string) => {
        await preview.page.locator('#search').fill(name);
        await preview.page.locator('#search').press('Enter');
        await preview.page.waitForSelector(`#viewport .node.is-selected[data-name="${name}"]`);
    };
    const focusOptions = (name: string | undefined) => preview.waitForPosted(m => m.type === 'options' && m.options.focus === name);

    test('F on a node shows it with its neighbours; the banner says how many of how many', async () => {
        const total = await nodes();
        await preview.page.locator('#viewport .node[data-name="identity"]').focus();
        await preview.page.keyboard.press('f');
        const options = await focusOptions('identity');
        expect(options.type === 'options' && options.options.depth).toBe(2);
        await preview.page.waitForSelector('#viewport .node.focus[data-name="identity"]');
        await preview.drawn('dependencies');
        const shown = await nodes();
        expect(shown).toBeLessThan(total);
        expect(await preview.page.locator('#focus-text').textContent()).toBe(`Focused on identity (Identity & Access) — ${shown} of ${total} elements, 2 hops up and down`);
        expect(await preview.page.getByRole('button', { name: 'Show whole plan' }).isVisible()).toBe(true);
        expect(within(await box(preview, '#viewport .node.focus'), await box(preview, '#canvas'))).toBe(true);
    });

    test('the hops control narrows and widens the focus', async () => {
        const atTwo = await nodes();
        await preview.page.locator('#depth').selectOption('1');
        await preview.waitForPosted(m => m.type === 'options' && m.options.depth === 1);
        await bannerSays(preview, '1 hop up and down');
        const atOne = await nodes();
        expect(atOne).toBeLessThan(atTwo);
        await preview.page.locator('#depth').selectOption('5');
        await bannerSays(preview, '5 hops up and down');
        expect(await nodes()).toBeGreaterThanOrEqual(atTwo);
        await preview.page.locator('#depth').selectOption('2');
        await bannerSays(preview, '2 hops up and down');
    });

    test('"Show whole plan" goes back, centred on the element that was focused', async () => {
        await preview.page.getByRole('button', { name: 'Show whole plan' }).click();
        await focusOptions(undefined);
        await preview.page.waitForSelector('#focus-banner', { state: 'hidden' });
        await preview.drawn('dependencies');
        expect(await count(preview, '#viewport .node.focus')).toBe(0);
        expect(within(await box(preview, '#viewport .node[data-name="identity"]'), await box(preview, '#canvas'))).toBe(true);
    });

    test('double-click focuses; Escape leaves focus mode', async () => {
        const total = await nodes();
        await jump('saml-sso');
        await preview.page.locator('#viewport .node[data-name="saml-sso"]').dblclick();
        await focusOptions('saml-sso');
        await preview.page.waitForSelector('#viewport .node.focus[data-name="saml-sso"]');
        expect(await nodes()).toBeLessThan(total);
        await preview.page.keyboard.press('Escape');
        await preview.page.waitForSelector('#focus-banner', { state: 'hidden' });
        await nodeCountIs(preview, total);
    });

    test('"Focus" in the toolbar focuses on the element at the editor\'s cursor', async () => {
        await preview.send({ type: 'highlight', name: 'billing' });
        await preview.page.waitForSelector('#viewport .node.is-highlighted[data-name="billing"]');
        await preview.page.evaluate("document.activeElement.blur()");
        await preview.page.getByRole('button', { name: 'Focus', exact: true }).click();
        await focusOptions('billing');
        await preview.page.waitForSelector('#viewport .node.focus[data-name="billing"]');
        await preview.page.getByRole('button', { name: 'Show whole plan' }).click();
        await preview.page.waitForSelector('#focus-banner', { state: 'hidden' });
    });

    test('searching for an element outside the focus focuses on it', async () => {
        await jump('saml-sso');
        await preview.page.keyboard.press('f');
        await preview.page.waitForSelector('#viewport .node.focus[data-name="saml-sso"]');
        const drawn = new Set(await preview.page.locator('#viewport [data-name]').evaluateAll(els => els.map(e => e.getAttribute('data-name'))));
        const outside = ['identity', 'billing', 'mobile-offline', 'docs-real-time', 'ci-in-ten-minutes'].find(n => !drawn.has(n));
        expect(outside).toBeDefined();
        await preview.page.locator('#search').fill(outside!);
        expect(await preview.page.locator('#search-results [role="option"]').first().locator('.match-kind').textContent()).toMatch(/outside the focus/);
        await preview.page.keyboard.press('Enter');
        await preview.page.waitForSelector(`#viewport .node.focus[data-name="${outside}"]`);
        await preview.page.keyboard.press('Escape');
        await preview.page.locator('#canvas').focus();
        await preview.page.keyboard.press('Escape');
        await preview.page.waitForSelector('#focus-banner', { state: 'hidden' });
    });
});

describe('team boxes', () => {
    test('collapse by clicking the box\'s name, open again with the "+" on the team', async () => {
        const preview = await openPreview(browser, { files: planFiles });
        try {
            await preview.drawn('dependencies');
            expect(await count(preview, '#viewport .node[data-name="sso-v2"]')).toBe(1);
            const label = preview.page.locator('#viewport .cluster[data-name="platform"] .cluster-label');
            expect(await label.getAttribute('aria-label')).toBe('Collapse the box of team platform');
            await label.click();
            expect(await preview.waitForPosted(m => m.type === 'options' && (m.options.collapsed ?? []).includes('platform'))).toBeTruthy();
            await preview.page.waitForSelector('#viewport .node.collapsed[data-name="platform"]');
            expect(await count(preview, '#viewport .node[data-name="sso-v2"]')).toBe(0);
            expect(await count(preview, '#viewport .cluster[data-name="platform"]')).toBe(0);
            expect(await preview.page.locator('#viewport .node[data-name="platform"]').getAttribute('aria-label')).toContain('team box collapsed');
            const saved = await preview.page.evaluate('acquireVsCodeApi().getState()') as PreviewState;
            expect(saved.options.collapsed).toEqual(['platform']);
            await preview.page.getByRole('button', { name: 'Expand the box of team platform' }).click();
            await preview.page.waitForSelector('#viewport .node[data-name="sso-v2"]');
            expect(await count(preview, '#viewport .node.collapsed')).toBe(0);
        } finally {
            await preview.close();
        }
    });
});

describe('a large plan', () => {
    test('opens focused on the element most depend on, says so, and shows the whole plan on request', async () => {
        const preview = await openPreview(browser, { files: largePlanFiles(170), size: { width: 1000, height: 800 } });
        try {
            await preview.page.waitForSelector('#viewport .node.focus[data-name="hub"]', { timeout: 60_000 });
            await preview.drawn('dependencies');
            const text = await preview.page.locator('#focus-text').textContent();
            expect(text).toMatch(/^This plan is large, so the preview opened focused on hub \(The hub everyone waits on\) — \d+ of 179 elements, 2 hops up and down$/);
            expect(await scaleOf(preview)).toBe(1);
            expect(within(await box(preview, '#viewport .node.focus'), await box(preview, '#canvas'))).toBe(true);
            await preview.page.getByRole('button', { name: 'Show whole plan' }).click();
            await nodeCountIs(preview, 179);
            expect(await preview.page.locator('#focus-banner').isHidden()).toBe(true);
        } finally {
            await preview.close();
        }
    }, 120_000);

    test('opens focused on the element at the cursor when there is one', async () => {
        const preview = await openPreview(browser, { files: largePlanFiles(170), cursor: 'b42' });
        try {
            await preview.page.waitForSelector('#viewport .node.focus[data-name="b42"]', { timeout: 60_000 });
            expect(await preview.page.locator('#viewport .node[data-name="b42"]').getAttribute('class')).toContain('is-highlighted');
        } finally {
            await preview.close();
        }
    }, 120_000);
});

describe('a plan whose titles are hostile', () => {
    test('renders them as text and runs no script, in every view', async () => {
        const preview = await openPreview(browser, { files: hostileFiles });
        try {
            await preview.drawn('dependencies');
            for (const [tab, view] of [['Metric tree', 'metrics'], ['Capacity', 'capacity'], ['Pillars', 'pillars'], ['Dependencies', 'dependencies']] as const) {
                await preview.page.getByRole('tab', { name: tab }).click();
                await preview.drawn(view);
                expect(await evaluate<unknown>(preview, 'window.__pwned')).toBeUndefined();
                expect(await count(preview, 'img, script:not([nonce]), iframe, foreignObject')).toBe(0);
            }
            const text = await preview.page.locator('#viewport').textContent();
            expect(text).toContain('<script>window.__pwned = 1</script>');
            const tips = await preview.page.locator('#viewport [data-tip]').evaluateAll(els => els.map(e => e.getAttribute('data-tip')).join('\n'));
            for (const hostile of hostileTexts) expect(tips).toContain(hostile);
            expect(await preview.page.locator('#filter-team option').allTextContents()).toContain(`t1 — ${hostileTexts[0]}`);
            await preview.page.locator('#impact').selectOption('b--2');
            await preview.page.waitForSelector('#viewport svg.has-impact');
            expect(await evaluate<unknown>(preview, 'window.__pwned')).toBeUndefined();
            expect(await evaluate<string[]>(preview, 'window.__cspViolations')).toEqual([]);
            expect(preview.refused).toEqual([]);
        } finally {
            await preview.close();
        }
    });
});

describe('screenshots of the example plan', () => {
    // Written to docs/images when TRELLIS_SCREENSHOTS=1 (`npm run screenshots:preview`),
    // otherwise to a temporary folder: the run checks they can be taken without touching the repo.
    const acme = path.resolve(import.meta.dirname, '../../examples/acme');
    const target = process.env.TRELLIS_SCREENSHOTS === '1' ? path.resolve(import.meta.dirname, '../../docs/images') : fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-shots-'));

    test('all four views of examples/acme', async () => {
        const files = fs.existsSync(acme) ? readPlanFolder(acme) : planFiles;
        fs.mkdirSync(target, { recursive: true });
        // Each view at a readable zoom, centred on what a reader should look at first: the
        // element the editor's cursor is on (a highlight brings it into view, as in the editor).
        type Shot = { view: 'dependencies' | 'metrics' | 'capacity' | 'pillars'; theme: 'light' | 'dark'; file: string; impact?: string; focus?: 'blast' | 'north-star' };
        const shots: Shot[] = [
            { view: 'dependencies', theme: 'light', file: 'preview-dependencies.png', focus: 'blast' },
            { view: 'metrics', theme: 'light', file: 'preview-metrics.png', focus: 'north-star' },
            { view: 'capacity', theme: 'light', file: 'preview-capacity.png' },
            { view: 'pillars', theme: 'light', file: 'preview-pillars.png' },
            { view: 'dependencies', theme: 'dark', file: 'preview-impact-dark.png', focus: 'blast', impact: 'blast' },
        ];
        for (const shot of shots) {
            const probe = await openPreview(browser, { files, state: { options: { view: 'capacity', cluster: true } } });
            const model = probe.workspace.services.plan.PlanService.model;
            await probe.close();
            const mostDependedOn = [...model.teams.keys(), ...model.bets.keys()].sort((a, b) => model.blastRadius(b) - model.blastRadius(a) || (a < b ? -1 : 1))[0];
            const focus = shot.focus === 'blast' ? mostDependedOn : shot.focus === 'north-star' ? model.northStars()[0]?.name : undefined;
            // The preview opens as it does in the editor: at 100%, centred on the element at the cursor.
            const preview = await openPreview(browser, {
                files, theme: shot.theme, size: { width: 1280, height: shot.view === 'capacity' ? 900 : 800 }, cursor: focus,
                state: {
                    source: 'file:///workspace/strategy.trellis',
                    options: { view: shot.view, cluster: true, impact: shot.impact ? mostDependedOn : undefined },
                },
            });
            try {
                await preview.drawn(shot.view);
                await preview.page.evaluate('document.fonts.ready');
                await preview.page.mouse.move(0, 0);
                // Small drawings (capacity, pillars) are cut below their last row.
                const drawing = (await preview.page.locator('#viewport svg').boundingBox())!;
                const height = Math.min(shot.view === 'capacity' ? 900 : 800, Math.max(360, Math.ceil(drawing.y + drawing.height + 16)));
                await preview.page.screenshot({ path: path.join(target, shot.file), clip: { x: 0, y: 0, width: 1280, height } });
                expect(fs.statSync(path.join(target, shot.file)).size).toBeGreaterThan(10_000);
            } finally {
                await preview.close();
            }
        }
    }, 120_000);
});
