// Measures every exported picture as a planner would see it: each view of examples/acme and of a
// plan with long titles in many scripts (test/fixtures/wordy-plan) is drawn by the built CLI as
// a separate process, then the SVG is shown at natural size in headless Chromium with the fonts
// the drawings are measured with (the shipped Noto Sans and Noto Sans SC), and measured:
//   1. every visible text is at least 11 px;
//   2. no two pieces of text overlap (lines of the same node are separate pieces);
//   3. every node and every row heading shows its whole title, never cut with "…";
//   4. every edge label sits on its own edge;
//   5. a node's text stays inside its box.
// The PNG export is checked too: a PNG Chromium decodes, at twice the SVG's size by default and
// at its size with `--scale 1`. Every violation is collected and reported with numbers.

import { execFile } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { launchChromium } from '../preview/webview-harness.js';

const run = promisify(execFile);
const repoRoot = path.resolve(import.meta.dirname, '../..');
const cli = path.join(repoRoot, 'bin/trellis.cjs');
const assets = path.join(repoRoot, 'out/assets');
const fontFiles = ['NotoSans-Regular.ttf', 'NotoSans-SemiBold.ttf', 'NotoSansSC-Regular.ttf'];
const origin = 'https://trellis-legibility.test';

const views = ['dependencies', 'metrics', 'capacity', 'pillars'] as const;
type View = typeof views[number];

interface Plan { readonly name: string; readonly dir: string; readonly args: readonly string[] }
const plans: readonly Plan[] = [
    { name: 'examples/acme', dir: path.join(repoRoot, 'examples/acme'), args: ['--today', '2027-01-15'] },
    { name: 'wordy-plan', dir: path.join(repoRoot, 'test/fixtures/wordy-plan'), args: ['--today', '2027-01-15'] },
];

/** Everything the CLI exported for one plan and view. */
interface Export {
    readonly svg: string;
    readonly width: number;
    readonly height: number;
    /** Element name → title, from `--format json`. */
    readonly titles: Record<string, string>;
    readonly png2: Buffer;
    readonly png1: Buffer;
}

const exports = new Map<string, Export>();
const key = (plan: Plan, view: View) => `${plan.name} ${view}`;
let outDir: string;
let browser: Browser;
let page: Page;

async function trellis(args: readonly string[]): Promise<void> {
    await run(process.execPath, [cli, ...args], { cwd: repoRoot, maxBuffer: 64 * 1024 * 1024 });
}

/** The titles the JSON export gives each element the view draws with a heading. */
function titlesOf(json: Record<string, unknown>): Record<string, string> {
    const titles: Record<string, string> = {};
    const add = (name: unknown, title: unknown) => { titles[String(name)] = String(title); };
    if (json.type === 'graph') for (const n of json.nodes as Array<{ id: string; title: string }>) add(n.id, n.title);
    else if (json.type === 'grid') for (const r of json.rows as Array<{ team: string; title: string }>) add(r.team, r.title);
    else if (json.type === 'bars') for (const b of json.bars as Array<{ pillar: string; title: string }>) add(b.pillar, b.title);
    else throw new Error(`unexpected JSON export type ${String(json.type)}`);
    return titles;
}

async function exportView(plan: Plan, view: View): Promise<void> {
    const base = path.join(outDir, `${path.basename(plan.dir)}-${view}`);
    const common = ['graph', plan.dir, '--view', view, ...plan.args];
    await trellis([...common, '--format', 'svg', '-o', `${base}.svg`]);
    await trellis([...common, '--format', 'json', '-o', `${base}.json`]);
    await trellis([...common, '--format', 'png', '-o', `${base}.png`]);
    await trellis([...common, '--format', 'png', '--scale', '1', '-o', `${base}-1x.png`]);
    const svg = fs.readFileSync(`${base}.svg`, 'utf8');
    const root = /<svg\b[^>]*>/.exec(svg)?.[0] ?? '';
    const size = (attr: string) => Number(new RegExp(`\\s${attr}="([0-9.]+)"`).exec(root)?.[1] ?? NaN);
    exports.set(key(plan, view), {
        svg, width: size('width'), height: size('height'),
        titles: titlesOf(JSON.parse(fs.readFileSync(`${base}.json`, 'utf8')) as Record<string, unknown>),
        png2: fs.readFileSync(`${base}.png`), png1: fs.readFileSync(`${base}-1x.png`),
    });
}

const fontCss = `
@font-face { font-family: 'Noto Sans'; font-weight: 400; src: url('${origin}/fonts/NotoSans-Regular.ttf') format('truetype'); }
@font-face { font-family: 'Noto Sans'; font-weight: 600; src: url('${origin}/fonts/NotoSans-SemiBold.ttf') format('truetype'); }
@font-face { font-family: 'Noto Sans SC'; font-weight: 400; src: url('${origin}/fonts/NotoSansSC-Regular.ttf') format('truetype'); }
html, body { margin: 0; padding: 0; background: #ffffff; }
svg { display: block; }
`;

/** The page the SVG is measured in, inline in HTML, served (with the fonts) from a stand-in origin. */
let currentHtml = '';
const pngs = new Map<string, Buffer>();

beforeAll(async () => {
    if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run 'npm run build' first.`);
    for (const font of fontFiles) {
        if (!fs.existsSync(path.join(assets, font))) throw new Error(`out/assets/${font} is missing: run 'npm run build' first.`);
    }
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-legibility-'));
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 })).newPage();
    await page.route('**/*', async route => {
        const url = new URL(route.request().url());
        if (url.origin !== origin) return route.abort();
        if (url.pathname === '/index.html') return route.fulfill({ status: 200, contentType: 'text/html', body: currentHtml });
        const font = /^\/fonts\/([\w-]+\.ttf)$/.exec(url.pathname)?.[1];
        if (font && fontFiles.includes(font)) return route.fulfill({ status: 200, contentType: 'font/ttf', body: fs.readFileSync(path.join(assets, font)) });
        const png = /^\/png\/(\w+)\.png$/.exec(url.pathname)?.[1];
        if (png && pngs.has(png)) return route.fulfill({ status: 200, contentType: 'image/png', body: pngs.get(png)! });
        return route.fulfill({ status: 404, body: '' });
    });
    // Two processes at a time: the machine has two cores.
    const jobs = plans.flatMap(plan => views.map(view => () => exportView(plan, view)));
    const worker = async () => { for (let job = jobs.shift(); job; job = jobs.shift()) await job(); };
    await Promise.all([worker(), worker()]);
}, 600_000);

afterAll(async () => {
    await browser?.close();
    if (outDir) fs.rmSync(outDir, { recursive: true, force: true });
});

/** Shows the SVG inline at natural size with the fonts loaded; returns font problems. */
async function show(svg: string): Promise<string[]> {
    currentHtml = `<!DOCTYPE html><html><head><meta charset="utf-8"><style>${fontCss}</style></head><body>${svg}</body></html>`;
    await page.goto(`${origin}/index.html`);
    return page.evaluate(async () => {
        const d = document as Document & { fonts: FontFaceSet };
        await Promise.all([
            d.fonts.load("400 12px 'Noto Sans'", 'Aé'), d.fonts.load("600 12px 'Noto Sans'", 'Aé'),
            d.fonts.load("400 12px 'Noto Sans SC'", '中文'),
        ]);
        await d.fonts.ready;
        const problems: string[] = [];
        const faces = [...d.fonts as unknown as Iterable<FontFace>];
        if (faces.length !== 3) problems.push(`expected 3 font faces, the page has ${faces.length}`);
        for (const f of faces) if (f.status !== 'loaded') problems.push(`font ${f.family} ${f.weight} is ${f.status}`);
        for (const spec of ["400 12px 'Noto Sans'", "600 12px 'Noto Sans'", "400 12px 'Noto Sans SC'"]) {
            if (!d.fonts.check(spec)) problems.push(`font ${spec} is not available`);
        }
        return problems;
    });
}

interface MeasureInput { readonly titles: Record<string, string>; readonly width: number; readonly height: number; readonly graph: boolean }

/** Runs in the page: every legibility rule, one message per violation. */
function measure(input: MeasureInput): string[] {
    const v: string[] = [];
    const r1 = (n: number) => Math.round(n * 10) / 10;
    // Chromium lays boxes out in 1/64 px and sums floats: compare at 0.01 px, far below what anyone sees.
    const r2 = (n: number) => Math.round(n * 100) / 100;
    const svg = document.querySelector('body > svg') as SVGSVGElement | null;
    if (!svg) return ['no <svg> in the page'];
    const box = svg.getBoundingClientRect();
    if (Math.abs(box.width - input.width) > 0.5 || Math.abs(box.height - input.height) > 0.5) {
        v.push(`not shown at scale 1: ${r1(box.width)}×${r1(box.height)} px for an SVG of ${input.width}×${input.height}`);
    }
    const owner = (el: Element) => {
        const g = el.closest('[data-name]');
        return g ? `${g.getAttribute('class')?.split(' ')[0] ?? 'g'} '${g.getAttribute('data-name')}'` : (el.parentElement?.getAttribute('class') ?? el.parentElement?.tagName ?? '');
    };
    const describe = (el: Element) => {
        const text = (el.textContent ?? '').trim();
        return `<text class="${el.getAttribute('class') ?? ''}"> "${text.length > 48 ? `${text.slice(0, 47)}…` : text}" in ${owner(el)}`;
    };
    const rect = (r: DOMRect) => `[${r1(r.left)}, ${r1(r.top)} ${r1(r.width)}×${r1(r.height)}]`;

    // Visible texts: rendered, not hidden, with content.
    const texts = Array.from(svg.querySelectorAll('text')).filter(t => {
        const style = getComputedStyle(t);
        return t.getClientRects().length > 0 && style.display !== 'none' && style.visibility !== 'hidden'
            && Number(style.opacity) > 0 && (t.textContent ?? '').trim() !== '';
    }) as SVGTextElement[];
    if (texts.length === 0) v.push('no visible text at all');
    const boxes = texts.map(t => t.getBoundingClientRect());

    // 1. Text sizes, as rendered (the computed size times the scale it is drawn at).
    for (const t of texts) {
        const ctm = t.getScreenCTM();
        const scale = ctm ? Math.hypot(ctm.a, ctm.b) : 1;
        const px = parseFloat(getComputedStyle(t).fontSize) * scale;
        if (!(r2(px) >= 11)) v.push(`text size ${r2(px)} px < 11 px: ${describe(t)}`);
    }

    // 2. No two text boxes overlap by more than 1 px.
    for (let i = 0; i < texts.length; i++) {
        for (let j = i + 1; j < texts.length; j++) {
            const a = boxes[i], b = boxes[j];
            const dx = Math.min(a.right, b.right) - Math.max(a.left, b.left);
            const dy = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top);
            if (r2(dx) > 1 && r2(dy) > 1) {
                v.push(`texts overlap by ${r2(dx)}×${r2(dy)} px: ${describe(texts[i])} ${rect(a)} and ${describe(texts[j])} ${rect(b)}`);
            }
        }
    }

    // 3. Whole titles in headings, never cut.
    const compact = (s: string) => s.replace(/\s+/g, '');
    const headed = Array.from(svg.querySelectorAll(input.graph ? 'g.node[data-name]' : 'g.row-head[data-name], g.bar[data-name]'));
    const seen = new Set<string>();
    for (const g of headed) {
        const name = g.getAttribute('data-name')!;
        seen.add(name);
        const title = input.titles[name];
        if (title === undefined) { v.push(`${owner(g)} is drawn but not in the JSON export`); continue; }
        const expected = (g.classList.contains('north-star') ? '★ ' : '') + title;
        // An overloaded team's row heading ends in the warning sign after its whole title.
        const marker = g.classList.contains('mark-overloaded-team') && g.classList.contains('row-head') ? ' ⚠' : '';
        const lines = Array.from(g.querySelectorAll('text.heading')).map(t => t.textContent ?? '');
        const shown = lines.join(' ');
        if (lines.length === 0) v.push(`${owner(g)} has no heading; its title is "${expected}"`);
        else if (compact(shown) !== compact(expected + marker) || (shown.includes('…') && !expected.includes('…'))) {
            v.push(`${owner(g)} shows "${lines.join(' | ')}" (${lines.length} lines), not its whole title "${expected}${marker}"`);
        }
    }
    for (const name of Object.keys(input.titles)) if (!seen.has(name)) v.push(`'${name}' is in the JSON export but has no ${input.graph ? 'node' : 'row heading'} in the SVG`);

    // 4. Each edge label within 4 px of its own edge.
    for (const g of Array.from(svg.querySelectorAll('g.edge'))) {
        const label = g.querySelector('text.edge-label');
        if (!label || (label.textContent ?? '').trim() === '') continue;
        const line = g.querySelector('path.edge-line') as SVGPathElement | null;
        const edge = `edge ${g.getAttribute('data-from')} → ${g.getAttribute('data-to')} label "${label.textContent}"`;
        if (!line) { v.push(`${edge} has no path.edge-line`); continue; }
        const ctm = line.getScreenCTM()!;
        const lb = label.getBoundingClientRect();
        const length = line.getTotalLength();
        const steps = Math.max(50, Math.ceil(length));
        let best = Infinity;
        for (let s = 0; s <= steps; s++) {
            const p = line.getPointAtLength(length * s / steps).matrixTransform(ctm);
            const dx = Math.max(lb.left - p.x, 0, p.x - lb.right);
            const dy = Math.max(lb.top - p.y, 0, p.y - lb.bottom);
            best = Math.min(best, Math.hypot(dx, dy));
        }
        if (r2(best) > 4) v.push(`${edge} ${rect(lb)} is ${r2(best)} px from its edge (at most 4)`);
    }

    // 5. A node's texts inside its box.
    for (const g of Array.from(svg.querySelectorAll('g.node[data-name]'))) {
        const nodeBox = g.querySelector('rect.node-box');
        if (!nodeBox) continue;
        const b = nodeBox.getBoundingClientRect();
        for (const t of Array.from(g.querySelectorAll('text'))) {
            if (!texts.includes(t as SVGTextElement)) continue;
            const r = t.getBoundingClientRect();
            const out = Math.max(b.left - r.left, r.right - b.right, b.top - r.top, r.bottom - b.bottom);
            if (r2(out) > 0.5) v.push(`${describe(t)} ${rect(r)} sticks ${r2(out)} px out of its box ${rect(b)}`);
        }
    }
    return v;
}

/** Width and height from a PNG's IHDR, or why it is not a PNG. */
function pngSize(png: Buffer): { width: number; height: number } | string {
    const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    if (png.length < 33 || !png.subarray(0, 8).equals(signature)) return 'no PNG signature';
    if (png.subarray(12, 16).toString('latin1') !== 'IHDR') return 'no IHDR chunk first';
    if (png.subarray(png.length - 8, png.length - 4).toString('latin1') !== 'IEND') return 'no IEND chunk at the end';
    return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

for (const plan of plans) {
    describe(`legibility of ${plan.name}`, () => {
        for (const view of views) {
            test(`${view}: text ≥ 11 px, no overlaps, whole titles, labels on their edges, text inside boxes`, async () => {
                const exported = exports.get(key(plan, view))!;
                const violations = (await show(exported.svg)).map(p => `fonts: ${p}`);
                const graph = view === 'dependencies' || view === 'metrics';
                violations.push(...await page.evaluate(measure, { titles: exported.titles, width: exported.width, height: exported.height, graph }));
                expect(violations.map(m => `${plan.name} ${view}: ${m}`)).toEqual([]);
            }, 120_000);

            test(`${view}: PNG at 2× the SVG's size by default, 1× with --scale 1, decodable`, async () => {
                const exported = exports.get(key(plan, view))!;
                const problems: string[] = [];
                for (const [scale, png] of [[2, exported.png2], [1, exported.png1]] as const) {
                    const size = pngSize(png);
                    if (typeof size === 'string') { problems.push(`scale ${scale}: ${size}`); continue; }
                    const want = { width: exported.width * scale, height: exported.height * scale };
                    if (Math.abs(size.width - want.width) >= 1 || Math.abs(size.height - want.height) >= 1) {
                        problems.push(`scale ${scale}: PNG is ${size.width}×${size.height} px, the SVG at ${scale}× is ${want.width}×${want.height}`);
                    }
                    pngs.set(`s${scale}`, png);
                    currentHtml = '<!DOCTYPE html><html><body></body></html>';
                    await page.goto(`${origin}/index.html`);
                    const decoded = await page.evaluate(async src => {
                        const img = new Image();
                        img.src = src;
                        try { await img.decode(); } catch (e) { return String(e); }
                        return { width: img.naturalWidth, height: img.naturalHeight };
                    }, `${origin}/png/s${scale}.png`);
                    if (typeof decoded === 'string') problems.push(`scale ${scale}: Chromium cannot decode the PNG: ${decoded}`);
                    else if (decoded.width !== size.width || decoded.height !== size.height) problems.push(`scale ${scale}: decodes as ${decoded.width}×${decoded.height}, IHDR says ${size.width}×${size.height}`);
                }
                expect(problems.map(m => `${plan.name} ${view} PNG: ${m}`)).toEqual([]);
            }, 120_000);
        }
    });
}
