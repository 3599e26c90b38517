// The preview's webview in headless Chromium (Debian's package, driven by playwright-core):
// the real page with a real plan, clicked and updated as in the editor. These tests fail,
// never skip, when Chromium is missing.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { hostileFiles, hostileTexts, planFiles } from '../graph/fixture.js';
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
        expect(await preview.page.locator('#banner-text').textContent()).toBe("If 'sso-v2' did nothing for six months, 8 elements would stall: 4 bets, 2 goals and 2 metrics.");
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
        type Shot = { view: 'dependencies' | 'metrics' | 'capacity' | 'pillars'; theme: 'light' | 'dark'; file: string; scale?: number; impact?: string; focus?: 'blast' | 'north-star' };
        const shots: Shot[] = [
            { view: 'dependencies', theme: 'light', file: 'preview-dependencies.png', scale: 0.85, focus: 'blast' },
            { view: 'metrics', theme: 'light', file: 'preview-metrics.png', scale: 0.8, focus: 'north-star' },
            { view: 'capacity', theme: 'light', file: 'preview-capacity.png' },
            { view: 'pillars', theme: 'light', file: 'preview-pillars.png' },
            { view: 'dependencies', theme: 'dark', file: 'preview-impact-dark.png', scale: 0.7, focus: 'blast', impact: 'blast' },
        ];
        for (const shot of shots) {
            const probe = await openPreview(browser, { files, state: { options: { view: 'capacity', cluster: true } } });
            const model = probe.workspace.services.plan.PlanService.model;
            await probe.close();
            const mostDependedOn = [...model.teams.keys(), ...model.bets.keys()].sort((a, b) => model.blastRadius(b) - model.blastRadius(a) || (a < b ? -1 : 1))[0];
            const focus = shot.focus === 'blast' ? mostDependedOn : shot.focus === 'north-star' ? model.northStars()[0]?.name : undefined;
            const preview = await openPreview(browser, {
                files, theme: shot.theme, size: { width: 1280, height: shot.view === 'capacity' ? 900 : 800 },
                state: {
                    source: 'file:///workspace/strategy.trellis',
                    options: { view: shot.view, cluster: true, impact: shot.impact ? mostDependedOn : undefined },
                    zoom: shot.scale ? { [shot.view]: { scale: shot.scale, x: 16, y: 16 } } : undefined,
                },
            });
            try {
                await preview.drawn(shot.view);
                if (focus) {
                    await preview.send({ type: 'highlight', name: focus });
                    await preview.page.waitForSelector('#viewport .is-highlighted');
                }
                if (focus) {
                    // The north star and the most depended-on element sit at the right end of their
                    // graphs (arrows run left to right): drag it to the right edge to show what leads to it.
                    const canvas = (await preview.page.locator('#canvas').boundingBox())!;
                    const node = (await preview.page.locator('#viewport .node.is-highlighted').first().boundingBox())!;
                    const dx = canvas.x + canvas.width - 24 - (node.x + node.width);
                    await preview.page.mouse.move(canvas.x + 10, canvas.y + 10);
                    await preview.page.mouse.down();
                    await preview.page.mouse.move(canvas.x + 10 + dx, canvas.y + 10, { steps: 4 });
                    await preview.page.mouse.up();
                }
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
