// Picks Graphviz options for the dependencies view by measuring, not by eye (issue 10, item 3).
// Takes the exact DOT `trellis graph --view dependencies --format dot` writes, for examples/acme
// and for a generated plan of about 300 bets and teams, rewrites its `graph [...]` line (and, for
// "affinity" order, the order of the team boxes), lays each candidate out with Graphviz
// (WebAssembly, in a worker so a crash or a runaway layout cannot take the run down) and counts:
//
//   e×c    edge–cluster crossings: (edge, team box) pairs where the edge's drawn path enters the
//          box of a team that holds neither of its ends;
//   e×e    edge–edge crossings: proper intersections between the flattened paths of two edges
//          that share no end node;
//   lbl    edge-label overlaps: label boxes overlapping another label or a node (+ label boxes
//          crossed by another edge, after the slash);
//   area   bounding box, width × height in points, and the aspect ratio against a 16:10 pane
//          ("fit" is the zoom at which the drawing fits a 1600 × 1000 pane);
//   ms     layout time, median of --runs.
//
// Stage 1 is a grid over rankdir × newrank × splines × team-box order; stage 2 varies the best
// few stage-1 sets one option at a time (concentrate, ranksep/nodesep, pack/packmode, unflatten,
// the large-graph search limits, a wrap of the team boxes into columns); stage 3 combines the
// stage-2 changes that helped; stage 4 tries the finalists on every plan in both orders. The
// recommendation minimises edge–cluster crossings, then edge–edge crossings, among sets whose
// area is within 1.3× of the smallest and whose aspect ratio is sane.
// Not a timed test: run it by hand after `npm run build`.
//
//   node bench/graph-options.mjs [--runs 3] [--plan acme|generated] [--timeout 15] [--markdown FILE]

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { clearTimeout, setTimeout } from 'node:timers';
import { Worker, isMainThread, parentPort } from 'node:worker_threads';
import { generatePlan, layoutPlan, writeWorkspace } from './generate.mjs';

function argument(name, fallback) {
    const i = process.argv.indexOf(`--${name}`);
    return i > 0 ? process.argv[i + 1] : fallback;
}

async function main() {
    const runs = Number(argument('runs', 3));
    const timeout = Number(argument('timeout', 15)) * 1000;
    const only = argument('plan', undefined);
    const markdown = argument('markdown', undefined);
    const cli = path.resolve(import.meta.dirname, '../bin/trellis.cjs');
    const dotOf = dir => execFileSync(process.execPath, [cli, 'graph', dir, '--view', 'dependencies', '--format', 'dot', '--today', '2027-01-15'], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });

    const plans = [];
    if (!only || only === 'acme') plans.push({ name: 'examples/acme', dot: dotOf(path.resolve(import.meta.dirname, '../examples/acme')) });
    if (!only || only === 'generated') {
        // 325 generated elements give 299 bets and teams, all of them nodes of the view.
        const elements = 325;
        const plan = generatePlan(elements, 1);
        const dir = path.join(os.tmpdir(), `trellis-graph-options-${elements}`);
        fs.rmSync(dir, { recursive: true, force: true });
        writeWorkspace(dir, layoutPlan(plan, 'grouped').files);
        plans.push({ name: `generated, ${elements} elements (seed 1, grouped)`, dot: dotOf(dir) });
    }

    const runner = new Runner(timeout);
    const sections = [];
    const started = Date.now();
    for (const plan of plans) {
        const parsed = parseDot(plan.dot);
        const affinity = affinityOrder(parsed);
        const results = [];
        const seen = new Map();
        const evaluate = async candidate => {
            const key = JSON.stringify([sortedAttrs(candidate.attrs), candidate.order, candidate.unflatten ?? null, candidate.wrap ?? 1]);
            if (seen.has(key)) return seen.get(key);
            const dot = buildDot(parsed, candidate.attrs, candidate.order === 'affinity' ? affinity : parsed.clusterOrder, candidate.wrap ?? 1);
            const outcome = await runner.run({ dot, runs, unflatten: candidate.unflatten });
            const result = { ...candidate, ...measureOutcome(outcome, parsed) };
            results.push(result);
            seen.set(key, result);
            return result;
        };

        // The shipped set, unchanged, is the reference.
        const shipped = { name: 'shipped', attrs: {}, order: 'emitted', stage: 0 };
        await evaluate(shipped);

        // Stage 1: the grid.
        for (const rankdir of ['LR', 'TB']) {
            for (const newrank of ['true', 'false']) {
                for (const splines of ['true', 'false', 'polyline', 'ortho', 'curved']) {
                    for (const order of ['emitted', 'affinity']) {
                        await evaluate({ attrs: { rankdir, newrank, splines }, order, stage: 1 });
                    }
                }
            }
        }

        // Stage 2: one change at a time on the best few.
        const large = 'mclimit' in parsed.graphAttrs;
        const modifiers = [
            { label: 'concentrate', attrs: { concentrate: 'true' } },
            { label: 'tight sep', attrs: { nodesep: '0.15', ranksep: '0.4' } },
            { label: 'loose sep', attrs: { nodesep: '0.5', ranksep: '1.2' } },
            { label: 'pack graph', attrs: { pack: 'true', packmode: 'graph' } },
            { label: 'pack array', attrs: { pack: 'true', packmode: 'array_u' } },
            { label: 'unflatten -l3 -f', unflatten: { l: 3, f: true, c: 0 } },
            { label: 'unflatten -l5 -f -c4', unflatten: { l: 5, f: true, c: 4 } },
            { label: 'unflatten -l2 -f', unflatten: { l: 2, f: true, c: 0 } },
            { label: 'unflatten -l3 -f -c3', unflatten: { l: 3, f: true, c: 3 } },
            { label: 'wrap 2', wrap: 2 },
            large
                ? { label: 'no search limits', attrs: { mclimit: undefined, nslimit: undefined, nslimit1: undefined, searchsize: undefined, remincross: undefined } }
                : { label: 'large-graph limits', attrs: { mclimit: '0.3', nslimit: '1', nslimit1: '1', searchsize: '10', remincross: 'false' } },
        ];
        const apply = (base, mod, stage) => ({
            attrs: { ...base.attrs, ...(mod.attrs ?? {}) },
            order: base.order,
            unflatten: mod.unflatten ?? base.unflatten,
            wrap: mod.wrap ?? base.wrap,
            stage,
        });
        for (const mod of modifiers) await evaluate(apply(shipped, mod, 2));
        const top = rank(results.filter(r => r.ok && r.stage === 1)).slice(0, 4);
        const gains = [];
        for (const base of top) {
            for (const mod of modifiers) {
                const result = await evaluate(apply(base, mod, 2));
                if (result.ok && compare(result, base, results) < 0 && base === top[0]) gains.push(mod);
            }
        }

        // Stage 3: greedily combine the changes that helped the best set.
        let best = top[0];
        for (const mod of gains) {
            const result = await evaluate(apply(best, mod, 3));
            if (result.ok && compare(result, best, results) < 0) best = result;
        }

        // Stage 4: the finalists on both plans, in both team orders, so one set can be chosen
        // for every plan: newrank=false, splines=polyline, with and without unflatten and
        // concentrate, and the best set in the other team order.
        for (const order of ['emitted', 'affinity']) {
            for (const unflatten of [undefined, { l: 3, f: true, c: 0 }]) {
                for (const concentrate of [undefined, 'true']) {
                    await evaluate({ attrs: { rankdir: 'LR', newrank: 'false', splines: 'polyline', ...(concentrate ? { concentrate } : {}) }, order, unflatten, stage: 4 });
                }
            }
            await evaluate({ ...best, order, stage: 4 });
        }

        const chosen = rank(results.filter(r => r.ok))[0];
        sections.push(report(plan, parsed, results, chosen, affinity));
        console.log(sections.at(-1));
    }
    runner.close();
    const summary = `Ran in ${((Date.now() - started) / 1000).toFixed(0)} s (${runs} runs per set, ${os.cpus().length} CPUs, Node ${process.version}).`;
    console.log(summary);
    if (markdown) fs.writeFileSync(markdown, `${sections.join('\n')}\n${summary}\n`);
}

// ---------------------------------------------------------------------------------------------
// Running Graphviz in a worker, with a time limit; a worker that failed or overran is replaced.

class Runner {
    constructor(timeout) { this.timeout = timeout; this.worker = undefined; }
    spawn() { this.worker = new Worker(new URL(import.meta.url)); this.worker.unref(); }
    run(job) {
        if (!this.worker) this.spawn();
        const worker = this.worker;
        return new Promise(resolve => {
            const done = outcome => {
                clearTimeout(timer);
                worker.off('message', onMessage);
                worker.off('error', onError);
                worker.off('exit', onExit);
                if (outcome.error !== undefined) { worker.terminate(); this.worker = undefined; }
                resolve(outcome);
            };
            const onMessage = message => done(message);
            const onError = error => done({ error: `worker crashed: ${String(error?.message ?? error).slice(0, 120)}` });
            const onExit = code => done({ error: `worker exited (${code})` });
            const timer = setTimeout(() => done({ error: `timed out after ${this.timeout / 1000} s` }), this.timeout);
            worker.on('message', onMessage);
            worker.on('error', onError);
            worker.on('exit', onExit);
            worker.postMessage(job);
        });
    }
    close() { this.worker?.terminate(); }
}

// ---------------------------------------------------------------------------------------------
// The DOT that `graphDot` writes: header, `graph [...]`, node and edge defaults, one
// `subgraph "cluster_<team>" {...}` block per team, loose nodes, edges.

const quoted = '"((?:[^"\\\\]|\\\\.)*)"';
const nodeLine = new RegExp(`^\\s+${quoted} \\[`);
const edgeLine = new RegExp(`^ {2}${quoted} -> ${quoted}`);

function parseDot(dot) {
    const lines = dot.split('\n');
    const head = [];
    const defaults = [];
    const clusters = new Map();
    const tail = [];
    const nodeCluster = new Map();
    const edges = [];
    let graphAttrs;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i];
        if (graphAttrs === undefined) {
            const m = /^ {2}graph \[(.*)\];$/.exec(line);
            if (m) graphAttrs = parseAttrs(m[1]); else head.push(line);
        } else if (line.startsWith('  subgraph ')) {
            const id = new RegExp(`^ {2}subgraph "cluster_((?:[^"\\\\]|\\\\.)*)"`).exec(line)[1];
            const block = [line];
            while (lines[++i] !== '  }') {
                block.push(lines[i]);
                const n = nodeLine.exec(lines[i]);
                if (n && lines[i].startsWith('    "')) nodeCluster.set(n[1], id);
            }
            block.push('  }');
            clusters.set(id, block);
        } else if (clusters.size === 0 && /^ {2}(node|edge) \[/.test(line)) {
            defaults.push(line);
        } else {
            tail.push(line);
            const e = edgeLine.exec(line);
            if (e) edges.push([e[1], e[2]]);
        }
    }
    return { head, graphAttrs, defaults, clusters, clusterOrder: [...clusters.keys()], tail, nodeCluster, edges };
}

function parseAttrs(text) {
    const attrs = {};
    for (const m of text.matchAll(/(\w+)=("(?:[^"\\]|\\.)*"|[^,\s\]]+)/g)) attrs[m[1]] = m[2].startsWith('"') ? m[2].slice(1, -1) : m[2];
    return attrs;
}

function sortedAttrs(attrs) {
    return Object.entries(attrs).sort(([a], [b]) => (a < b ? -1 : 1));
}

function buildDot(parsed, overrides, order, wrap) {
    const attrs = { ...parsed.graphAttrs };
    for (const [key, value] of Object.entries(overrides)) {
        if (value === undefined) delete attrs[key]; else attrs[key] = value;
    }
    const graphLine = `  graph [${Object.entries(attrs).map(([k, v]) => `${k}="${v}"`).join(', ')}];`;
    const tail = [...parsed.tail];
    if (wrap > 1) tail.splice(tail.lastIndexOf('}'), 0, ...wrapLines(parsed, order, wrap));
    return [...parsed.head, graphLine, ...parsed.defaults, ...order.flatMap(id => parsed.clusters.get(id)), ...tail].join('\n');
}

/**
 * Not a Graphviz option but what a flat plan needs: the team boxes, in the given order, cut
 * into `columns` runs of about the same number of nodes, and each run pushed a rank past the
 * one before by an invisible node that every node of the earlier run points to and that
 * points to every node of the later run (weight 0, so only ranks change). A column of team
 * boxes 1:10 tall becomes `columns` columns side by side.
 */
function wrapLines(parsed, order, columns) {
    const members = new Map(order.map(id => [id, []]));
    for (const [node, cluster] of parsed.nodeCluster) members.get(cluster)?.push(node);
    const total = [...members.values()].reduce((s, m) => s + m.length, 0);
    const groups = [[]];
    let count = 0;
    for (const id of order) {
        if (count >= (total * groups.length) / columns && groups.length < columns) groups.push([]);
        groups.at(-1).push(...members.get(id));
        count += members.get(id).length;
    }
    const lines = [];
    const q = name => `"${name.replace(/"/g, '\\"')}"`;
    for (let g = 1; g < groups.length; g++) {
        const hub = `__wrap${g}`;
        lines.push(`  ${q(hub)} [shape="point", width=0, height=0, label="", style="invis"];`);
        for (const node of groups[g - 1]) lines.push(`  ${q(node)} -> ${q(hub)} [style="invis", weight=0];`);
        for (const node of groups[g]) lines.push(`  ${q(hub)} -> ${q(node)} [style="invis", weight=0];`);
    }
    return lines;
}

/**
 * Team boxes in an order that puts teams joined by many edges next to each other: a greedy
 * chain (start at the team with the most edges to other teams, then always append the team
 * with the most edges to the last one, ties to the placed ones as a whole), then moves of
 * single teams while they lower Σ edges × distance. Teams without cross-team edges go last.
 */
function affinityOrder(parsed) {
    const ids = parsed.clusterOrder;
    const weight = new Map(ids.map(id => [id, new Map()]));
    const total = new Map(ids.map(id => [id, 0]));
    for (const [from, to] of parsed.edges) {
        const a = parsed.nodeCluster.get(from);
        const b = parsed.nodeCluster.get(to);
        if (a === undefined || b === undefined || a === b) continue;
        weight.get(a).set(b, (weight.get(a).get(b) ?? 0) + 1);
        weight.get(b).set(a, (weight.get(b).get(a) ?? 0) + 1);
        total.set(a, total.get(a) + 1);
        total.set(b, total.get(b) + 1);
    }
    const w = (a, b) => weight.get(a).get(b) ?? 0;
    const connected = ids.filter(id => total.get(id) > 0);
    const order = [];
    const left = new Set(connected);
    while (left.size > 0) {
        let pick;
        let key;
        for (const id of left) {
            const last = order.at(-1);
            const k = [last ? w(last, id) : 0, order.reduce((s, p) => s + w(p, id), 0), total.get(id)];
            if (!key || k[0] > key[0] || (k[0] === key[0] && (k[1] > key[1] || (k[1] === key[1] && k[2] > key[2])))) { pick = id; key = k; }
        }
        order.push(pick);
        left.delete(pick);
    }
    const cost = list => {
        let c = 0;
        for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) c += w(list[i], list[j]) * (j - i);
        return c;
    };
    let current = cost(order);
    for (let improved = true; improved;) {
        improved = false;
        for (let i = 0; i < order.length; i++) {
            for (let j = 0; j < order.length; j++) {
                if (i === j) continue;
                const next = [...order];
                const [moved] = next.splice(i, 1);
                next.splice(j, 0, moved);
                const c = cost(next);
                if (c < current) { order.splice(0, order.length, ...next); current = c; improved = true; }
            }
        }
    }
    return [...order, ...ids.filter(id => total.get(id) === 0)];
}

// ---------------------------------------------------------------------------------------------
// Measuring a layout.

function measureOutcome(outcome, parsed) {
    if (outcome.error !== undefined) return { ok: false, error: outcome.error };
    let json;
    try {
        json = JSON.parse(outcome.json);
    } catch {
        return { ok: false, error: /nan/.test(outcome.json) ? 'NaN coordinates in the output' : 'unreadable JSON output' };
    }
    const times = [...outcome.times].sort((a, b) => a - b);
    return { ok: true, ms: times[Math.floor(times.length / 2)], ...measure(json, parsed) };
}

function measure(json) {
    const [, , width, height] = json.bb.split(',').map(Number);
    const objects = json.objects ?? [];
    const nodes = new Map();
    const clusters = [];
    for (const o of objects) {
        if (o.name.startsWith('cluster_') && o.bb) {
            const [x1, y1, x2, y2] = o.bb.split(',').map(Number);
            clusters.push({ box: [x1 + 1, y1 + 1, x2 - 1, y2 - 1], nodes: new Set(o.nodes ?? []) });
        } else if (o.pos !== undefined && o.style !== 'invis') {
            const [x, y] = o.pos.split(',').map(Number);
            const w = Number(o.width) * 72 / 2;
            const h = Number(o.height) * 72 / 2;
            nodes.set(o._gvid, [x - w, y - h, x + w, y + h]);
        }
    }
    const edges = [];
    const labels = [];
    for (const e of json.edges ?? []) {
        if (e.pos === undefined || e.style === 'invis') continue;
        const segments = flatten(e.pos);
        if (segments.length === 0) continue;
        edges.push({ tail: e.tail, head: e.head, segments, box: boundsOf(segments) });
        if (e.lp !== undefined) {
            const [x, y] = e.lp.split(',').map(Number);
            const text = (e._ldraw_ ?? []).find(op => op.op === 'T');
            const font = (e._ldraw_ ?? []).find(op => op.op === 'F');
            const w = (text?.width ?? 40) / 2 + 2;
            const h = (font?.size ?? 10) * 1.2 / 2 + 1;
            const near = Math.min(...segments.flatMap(seg => seg.map(([px, py]) => Math.hypot(px - x, py - y))));
            labels.push({ edge: edges.length - 1, box: [x - w, y - h, x + w, y + h], stray: near > 2 * w + 60 });
        }
    }

    let edgeEdge = 0;
    for (let i = 0; i < edges.length; i++) {
        const a = edges[i];
        for (let j = i + 1; j < edges.length; j++) {
            const b = edges[j];
            if (a.tail === b.tail || a.tail === b.head || a.head === b.tail || a.head === b.head) continue;
            if (!overlaps(a.box, b.box)) continue;
            for (const s of a.segments) {
                for (const t of b.segments) if (properCross(s, t)) edgeEdge++;
            }
        }
    }
    let edgeCluster = 0;
    for (const e of edges) {
        for (const c of clusters) {
            if (c.nodes.has(e.tail) || c.nodes.has(e.head) || !overlaps(e.box, c.box)) continue;
            if (e.segments.some(s => segmentHitsBox(s, c.box))) edgeCluster++;
        }
    }
    let labelLabel = 0;
    let labelNode = 0;
    let labelEdge = 0;
    for (let i = 0; i < labels.length; i++) {
        for (let j = i + 1; j < labels.length; j++) if (overlaps(labels[i].box, labels[j].box)) labelLabel++;
        for (const box of nodes.values()) if (overlaps(labels[i].box, box)) labelNode++;
        for (let k = 0; k < edges.length; k++) {
            if (k === labels[i].edge || !overlaps(edges[k].box, labels[i].box)) continue;
            if (edges[k].segments.some(s => segmentHitsBox(s, labels[i].box))) labelEdge++;
        }
    }
    const stray = labels.filter(l => l.stray).length;
    return { width, height, area: width * height, edgeEdge, edgeCluster, labels: labels.length, stray, labelLabel, labelNode, labelEdge, edgesDrawn: edges.length };
}

/** An edge's `pos` (B-splines, `;`-separated, with `s,`/`e,` arrow points) as line segments. */
function flatten(pos) {
    const segments = [];
    for (const spline of pos.split(';')) {
        const points = [];
        let start;
        let end;
        for (const part of spline.trim().split(/\s+/)) {
            if (part === '') continue;
            if (part.startsWith('e,')) end = part.slice(2).split(',').map(Number);
            else if (part.startsWith('s,')) start = part.slice(2).split(',').map(Number);
            else points.push(part.split(',').map(Number));
        }
        if (points.length === 0) continue;
        const line = [];
        if (start) line.push(start);
        line.push(points[0]);
        for (let i = 1; i + 2 < points.length; i += 3) {
            const [p0, p1, p2, p3] = [points[i - 1], points[i], points[i + 1], points[i + 2]];
            for (let k = 1; k <= 8; k++) {
                const t = k / 8;
                const u = 1 - t;
                line.push([
                    u * u * u * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t * t * t * p3[0],
                    u * u * u * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t * t * t * p3[1],
                ]);
            }
        }
        if (end) line.push(end);
        for (let i = 1; i < line.length; i++) {
            if (line[i][0] !== line[i - 1][0] || line[i][1] !== line[i - 1][1]) segments.push([line[i - 1], line[i]]);
        }
    }
    return segments;
}

function boundsOf(segments) {
    let [x1, y1, x2, y2] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const [p, q] of segments) {
        x1 = Math.min(x1, p[0], q[0]); y1 = Math.min(y1, p[1], q[1]);
        x2 = Math.max(x2, p[0], q[0]); y2 = Math.max(y2, p[1], q[1]);
    }
    return [x1, y1, x2, y2];
}

function overlaps(a, b) {
    return a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
}

function orient(a, b, c) {
    const v = (b[0] - a[0]) * (c[1] - a[1]) - (b[1] - a[1]) * (c[0] - a[0]);
    return Math.abs(v) < 1e-9 ? 0 : Math.sign(v);
}

function properCross([a, b], [c, d]) {
    const o1 = orient(a, b, c);
    const o2 = orient(a, b, d);
    const o3 = orient(c, d, a);
    const o4 = orient(c, d, b);
    return o1 * o2 < 0 && o3 * o4 < 0;
}

/** Liang–Barsky: does the segment pass through the (open) box? */
function segmentHitsBox([p, q], [x1, y1, x2, y2]) {
    let t0 = 0;
    let t1 = 1;
    const dx = q[0] - p[0];
    const dy = q[1] - p[1];
    for (const [pk, qk] of [[-dx, p[0] - x1], [dx, x2 - p[0]], [-dy, p[1] - y1], [dy, y2 - p[1]]]) {
        if (pk === 0) {
            if (qk <= 0) return false;
        } else {
            const r = qk / pk;
            if (pk < 0) { if (r > t1) return false; if (r > t0) t0 = r; } else { if (r < t0) return false; if (r < t1) t1 = r; }
        }
    }
    return t1 - t0 > 1e-9;
}

// ---------------------------------------------------------------------------------------------
// Ranking and the report.

const pane = 16 / 10;
const aspectBadness = r => Math.max((r.width / r.height) / pane, pane / (r.width / r.height));
const fit = r => Math.min(1600 / r.width, 1000 / r.height, 1);

/**
 * Sane aspect ratio: within 2.5× of 16:10 either way (1:1.6 .. 4:1), or, when no set gets
 * there (a flat plan is a long strip whatever the options), within 1.25× of the best one.
 * Feasible: a sane aspect ratio and an area within 1.3× of the smallest sane one. A set whose
 * edge labels were left behind, away from their edges (what `pack` does to labelled edges),
 * is never feasible.
 */
function feasible(r, all) {
    if (r.stray > 0) return false;
    const valid = all.filter(x => x.ok && x.stray === 0);
    const limit = Math.max(2.5, 1.25 * Math.min(...valid.map(aspectBadness)));
    const sane = x => aspectBadness(x) <= limit;
    const minArea = Math.min(...valid.filter(sane).map(x => x.area));
    return sane(r) && r.area <= 1.3 * minArea;
}

function why(r, all) {
    if (r.stray > 0) return 'labels';
    if (feasible(r, all)) return '✓';
    const valid = all.filter(x => x.ok && x.stray === 0);
    const limit = Math.max(2.5, 1.25 * Math.min(...valid.map(aspectBadness)));
    return aspectBadness(r) > limit ? 'aspect' : 'area';
}

function compare(a, b, all) {
    const fa = feasible(a, all) ? 0 : 1;
    const fb = feasible(b, all) ? 0 : 1;
    return fa - fb || a.edgeCluster - b.edgeCluster || a.edgeEdge - b.edgeEdge
        || (a.labelLabel + a.labelNode) - (b.labelLabel + b.labelNode) || a.area - b.area;
}

function rank(results) {
    return [...results].sort((a, b) => compare(a, b, results));
}

function describe(r) {
    if (r.name === 'shipped') return '**shipped** (as `trellis graph` writes it)';
    const parts = [];
    for (const [key, value] of sortedAttrs(r.attrs)) {
        if (value === undefined) parts.push(`−${key}`);
        else parts.push(`${key}=${value}`);
    }
    if (r.wrap > 1) parts.push(`wrap ${r.wrap} columns`);
    if (r.unflatten) parts.push(`unflatten -l${r.unflatten.l}${r.unflatten.f ? ' -f' : ''}${r.unflatten.c ? ` -c${r.unflatten.c}` : ''}`);
    return parts.join(' ') || '(same as shipped)';
}

function report(plan, parsed, results, chosen, affinity) {
    const base = parsed.graphAttrs;
    const ok = results.filter(r => r.ok);
    const sorted = [...rank(ok), ...results.filter(r => !r.ok)];
    const shipped = results.find(r => r.name === 'shipped');
    const minArea = Math.min(...ok.filter(r => r.stray === 0).map(r => r.area));
    const hasLabels = ok.some(r => r.labels > 0);
    const lines = [];
    lines.push(`### ${plan.name}`, '');
    lines.push(`${parsed.nodeCluster.size} nodes, ${parsed.edges.length} edges, ${parsed.clusters.size} team boxes. Shipped graph line: \`${Object.entries(base).map(([k, v]) => `${k}=${v}`).join(', ')}\`.`, '');
    lines.push(`Affinity order of the team boxes: ${affinity.join(', ')}.`, '');
    lines.push(`| # | options (changes to the shipped graph line) | team order | stage | e×c | e×e | ${hasLabels ? 'lbl (l×l+l×n / l×e) | ' : ''}W × H (pt) | area ×min | aspect W:H | fit 1600×1000 | feasible | ms |`);
    lines.push(`|---|---|---|---|---|---|${hasLabels ? '---|' : ''}---|---|---|---|---|---|`);
    sorted.forEach((r, i) => {
        const mark = r === chosen ? ' ✅' : '';
        if (!r.ok) {
            lines.push(`| ${i + 1} | ${describe(r)} | ${r.order} | ${r.stage} | — | — | ${hasLabels ? '— | ' : ''}failed: ${r.error.replace(/\|/g, '/')} | | | | | |`);
            return;
        }
        const aspect = r.width >= r.height ? `${(r.width / r.height).toFixed(2)}:1` : `1:${(r.height / r.width).toFixed(2)}`;
        lines.push(`| ${i + 1}${mark} | ${describe(r)} | ${r.order} | ${r.stage} | ${r.edgeCluster} | ${r.edgeEdge} | ${hasLabels ? `${r.labelLabel + r.labelNode} / ${r.labelEdge}${r.stray ? ` (${r.stray} left behind)` : ''} | ` : ''}${r.width.toFixed(0)} × ${r.height.toFixed(0)} | ${(r.area / minArea).toFixed(2)} | ${aspect} | ${(fit(r) * 100).toFixed(0)}% | ${why(r, ok)} | ${r.ms.toFixed(0)} |`);
    });
    lines.push('');
    if (chosen && shipped?.ok) {
        lines.push(`Chosen: ${describe(chosen)}, team order ${chosen.order} — ${chosen.edgeCluster} edge–cluster crossings (shipped ${shipped.edgeCluster}), ${chosen.edgeEdge} edge–edge (shipped ${shipped.edgeEdge}), ${chosen.width.toFixed(0)} × ${chosen.height.toFixed(0)} pt (shipped ${shipped.width.toFixed(0)} × ${shipped.height.toFixed(0)}), ${chosen.ms.toFixed(0)} ms (shipped ${shipped.ms.toFixed(0)}).`, '');
    }
    return lines.join('\n');
}

// Last, so that the classes and constants above are initialised when this runs.
if (!isMainThread) {
    const { Graphviz } = await import('@hpcc-js/wasm-graphviz');
    const gv = await Graphviz.load();
    parentPort.on('message', ({ dot, runs, unflatten }) => {
        const times = [];
        let json;
        try {
            for (let i = 0; i < runs; i++) {
                const start = process.hrtime.bigint();
                const source = unflatten ? gv.unflatten(dot, unflatten.l, unflatten.f, unflatten.c) : dot;
                json = gv.layout(source, 'json', 'dot');
                times.push(Number(process.hrtime.bigint() - start) / 1e6);
            }
            parentPort.postMessage({ json, times });
        } catch (error) {
            parentPort.postMessage({ error: String(error?.message ?? error).replace(/\s+/g, ' ').slice(0, 160) });
        }
    });
} else {
    await main();
}
