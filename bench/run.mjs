// `npm run bench`: measures Trellis at the scale of a large company and writes BENCHMARKS.md.
//
//   npm run bench                      all sizes (1k, 10k, 50k, 100k elements), ~15-25 minutes
//   npm run bench -- --quick           1k only, fast: what CI runs so the benchmark cannot rot
//   npm run bench -- --sizes 1k,10k --lsp-sizes 10k --edits 20 --out /tmp/b.md
//   node bench/run.mjs --from /tmp/trellis-bench/results.json   the report again, from a run's figures
//   node bench/run.mjs --chains-only --chain-sizes 10k,40k      only chained against unchained plans
//
// Measured, with medians of several runs: `trellis check` as a whole process; the language
// server through LSP (startup, edit to fresh diagnostics, hover); heap per element; preview
// layout time; and, side by side in the same run, TaskJuggler's `tj3 --check-syntax` on the
// equivalent project and `JSON.parse` of the equivalent JSON (the floor).

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import {
    editableBets, generatePlan, layoutPlan, layouts, parseSize, planJson, sizeLabel, taskJugglerProject, writeWorkspace,
} from './generate.mjs';
import { LspSession } from './lsp-session.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
let cli = path.join(repo, 'bin', 'trellis.cjs');
const today = '2027-01-15';

// ---------------------------------------------------------------------------------------
// Options

function options(argv) {
    const quick = argv.includes('--quick');
    const value = (name, fallback) => {
        const i = argv.indexOf(`--${name}`);
        return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : fallback;
    };
    const sizes = value('sizes', quick ? '1k' : '1k,10k,50k,100k').split(',').map(parseSize);
    const lspDefault = quick ? '1k' : sizes.filter(s => s >= 10_000 && s <= 50_000).map(sizeLabel).join(',') || sizeLabel(sizes[0]);
    return {
        quick,
        sizes,
        lspSizes: value('lsp-sizes', lspDefault).split(',').filter(Boolean).map(parseSize),
        layouts: value('layouts', layouts.join(',')).split(','),
        edits: Number(value('edits', quick ? '10' : '50')),
        runs: value('runs', undefined),
        compareSize: parseSize(value('compare-size', quick ? '1k' : '10k')),
        layoutNodes: value('layout-nodes', quick ? '200' : '200,1000').split(',').map(Number),
        out: value('out', quick ? path.join(os.tmpdir(), 'trellis-bench', 'BENCHMARKS.quick.md') : path.join(repo, 'BENCHMARKS.md')),
        work: value('work', path.join(os.tmpdir(), 'trellis-bench')),
        skipLsp: argv.includes('--skip-lsp'),
        skipCheck: argv.includes('--skip-check'),
        skipHeap: argv.includes('--skip-heap'),
        cli: value('cli', undefined),
        chainSizes: value('chain-sizes', quick ? '1k' : '10k,40k').split(',').filter(Boolean).map(parseSize),
        chainsOnly: argv.includes('--chains-only'),
    };
}

// ---------------------------------------------------------------------------------------
// Statistics and formatting

const sorted = xs => [...xs].sort((a, b) => a - b);
const median = xs => {
    const s = sorted(xs);
    if (s.length === 0) return NaN;
    const mid = Math.floor(s.length / 2);
    return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
};
const p95 = xs => {
    const s = sorted(xs);
    return s.length === 0 ? NaN : s[Math.min(s.length - 1, Math.ceil(0.95 * s.length) - 1)];
};
const ms = x => (Number.isFinite(x) ? (x >= 10_000 ? `${(x / 1000).toFixed(1)} s` : x >= 1000 ? `${(x / 1000).toFixed(2)} s` : `${x.toFixed(x < 10 ? 1 : 0)} ms`) : 'n/a');
const mb = bytes => (bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(0)} KB` : `${(bytes / 1024 / 1024).toFixed(bytes < 10 * 1024 * 1024 ? 1 : 0)} MB`);
const kb = bytes => `${(bytes / 1024).toFixed(1)} KB`;
const log = message => process.stderr.write(`[bench] ${message}\n`);

// ---------------------------------------------------------------------------------------
// Processes

const timeBinary = fs.existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;

/** Runs a command to completion: wall time, and CPU time and peak memory when /usr/bin/time is there. */
function runTimed(command, args, { input } = {}) {
    const timed = timeBinary ? [timeBinary, ['-f', 'TRELLIS-BENCH %U %S %M', command, ...args]] : [command, args];
    const t0 = performance.now();
    const result = spawnSync(timed[0], timed[1], { encoding: 'utf8', maxBuffer: 1 << 30, input, stdio: ['pipe', 'pipe', 'pipe'] });
    const wall = performance.now() - t0;
    if (result.error) throw result.error;
    let cpu, rss;
    const line = /TRELLIS-BENCH ([\d.]+) ([\d.]+) (\d+)/.exec(result.stderr ?? '');
    if (line) {
        cpu = (Number(line[1]) + Number(line[2])) * 1000;
        rss = Number(line[3]) * 1024;
    }
    return { wall, cpu, rss, status: result.status, stdout: result.stdout, stderr: (result.stderr ?? '').replace(/TRELLIS-BENCH[^\n]*\n?/, '') };
}

function hasCommand(name) {
    return spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' }).status === 0;
}

// ---------------------------------------------------------------------------------------
// Workspaces

function prepare(work, size, wanted) {
    const plan = generatePlan(size, 1);
    const result = { plan, dirs: {} };
    for (const layout of wanted) {
        const dir = path.join(work, `${sizeLabel(size)}-${layout}`);
        const { files, where } = layoutPlan(plan, layout);
        writeWorkspace(dir, files);
        const bytes = [...files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
        result.dirs[layout] = { dir, files: files.size, bytes, where };
    }
    return result;
}

// ---------------------------------------------------------------------------------------
// Measurements

function measureCheck(dir, runs) {
    const samples = [];
    let summary;
    for (let i = 0; i < runs; i++) {
        const r = runTimed(process.execPath, [cli, 'check', dir, '--today', today, '--format', 'json']);
        if (r.status !== 0 && r.status !== 1) throw new Error(`trellis check ${dir} exited with ${r.status}: ${r.stderr.slice(0, 2000)}`);
        summary = JSON.parse(r.stdout).summary;
        samples.push(r);
    }
    return {
        wall: median(samples.map(s => s.wall)), min: Math.min(...samples.map(s => s.wall)),
        cpu: samples[0].cpu !== undefined ? median(samples.map(s => s.cpu)) : undefined,
        rss: samples[0].rss !== undefined ? Math.max(...samples.map(s => s.rss)) : undefined,
        runs, summary,
    };
}

/**
 * The same plan twice, as `trellis check` sees it: unchained, and with every bet depending on
 * the one before it (`depends-on b{i-1}`), the plan whose dependents and blast radii used to
 * grow with the square of its size. Spread layout; same elements, same files.
 */
function measureChains(work, size, runs) {
    const rows = [];
    for (const chain of [0, 1]) {
        const dir = path.join(work, `${sizeLabel(size)}-spread-${chain ? 'chained' : 'unchained'}`);
        const { files } = layoutPlan(generatePlan(size, 1, { chain }), 'spread');
        writeWorkspace(dir, files);
        const bytes = [...files.values()].reduce((sum, text) => sum + Buffer.byteLength(text), 0);
        rows.push({ size, chained: chain > 0, files: files.size, bytes, ...measureCheck(dir, runs) });
    }
    return rows;
}

function measureTj3(tjp, runs) {
    if (!hasCommand('tj3')) return { missing: 'tj3 is not installed (Debian: apt-get install tj3)' };
    const samples = [];
    for (let i = 0; i < runs; i++) {
        const r = runTimed('tj3', ['--check-syntax', '--no-color', tjp]);
        if (r.status !== 0) return { missing: `tj3 --check-syntax failed: ${(r.stderr || r.stdout).slice(0, 500)}` };
        samples.push(r.wall);
    }
    return { wall: median(samples), runs };
}

function measureJson(jsonFile, runs) {
    const text = fs.readFileSync(jsonFile, 'utf8');
    const inProcess = [];
    for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        JSON.parse(text);
        inProcess.push(performance.now() - t0);
    }
    const wholeProcess = [];
    for (let i = 0; i < runs; i++) {
        wholeProcess.push(runTimed(process.execPath, ['-e', `JSON.parse(require('fs').readFileSync(${JSON.stringify(jsonFile)}, 'utf8'))`]).wall);
    }
    return { inProcess: median(inProcess), wholeProcess: median(wholeProcess), bytes: Buffer.byteLength(text) };
}

async function bundleEntries(outdir) {
    const esbuild = await import('esbuild');
    await esbuild.build({
        entryPoints: [path.join(repo, 'bench', 'measure-heap.ts'), path.join(repo, 'bench', 'measure-layout.ts')],
        bundle: true, platform: 'node', format: 'cjs', target: 'node22', outdir, outExtension: { '.js': '.cjs' }, logLevel: 'warning',
        // As esbuild.mjs does: `import.meta.url` is the bundle's own file (the layout finds its fonts by it).
        define: { 'import.meta.url': 'import_meta_url' },
        banner: { js: "const import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
    });
    return { heap: path.join(outdir, 'measure-heap.cjs'), layout: path.join(outdir, 'measure-layout.cjs') };
}

function measureHeap(entry, dir, mode) {
    const r = runTimed(process.execPath, ['--expose-gc', entry, dir, mode]);
    if (r.status !== 0) throw new Error(`heap measurement failed: ${r.stderr.slice(0, 2000)}`);
    return JSON.parse(r.stdout);
}

function measureLayout(entry, dir) {
    const r = runTimed(process.execPath, [entry, dir, '5']);
    if (r.status !== 0) return { error: r.stderr.trim().split('\n').slice(0, 3).join(' ') };
    const result = JSON.parse(r.stdout);
    return { ...result, layout: median(result.layoutMs), svg: median(result.svgMs) };
}

/** Elements whose dependencies view has about `nodes` nodes (bets and teams are ~93% of elements). */
function workspaceForNodes(work, nodes) {
    const size = Math.round(nodes / 0.93);
    const dir = path.join(work, `layout-${nodes}`);
    writeWorkspace(dir, layoutPlan(generatePlan(size, 2), 'grouped').files);
    return dir;
}

async function measureLsp({ plan, dirs }, layout, edits) {
    const { dir, files, where } = dirs[layout];
    const teams = new Map(plan.teams.map(t => [t.name, t]));
    const session = await LspSession.start({ cli, root: dir, fileCount: files, today, timeoutMs: edits <= 10 ? 120_000 : 600_000 });
    session.editTimeoutMs = edits <= 10 ? 20_000 : 60_000;
    try {
        const startupMs = session.startupMs;
        const rss = session.rss();
        const result = { startupMs, rss };

        // Bet-file edits: raise a bet's owner share to 100% (its team, defined elsewhere, becomes
        // overloaded) and put it back (the finding goes). Fresh = the edited file got diagnostics
        // and the team's file shows the finding, or no longer shows it.
        const candidates = editableBets(plan);
        const picks = Array.from({ length: Math.ceil(edits / 2) }, (_, i) => candidates[Math.floor((i * candidates.length) / Math.ceil(edits / 2))]);
        const betEdits = [], betSettles = [];
        for (let i = 0; i < edits; i++) {
            const bet = picks[Math.floor(i / 2)];
            const file = path.join(dir, where.get(bet.name));
            const teamFile = path.join(dir, where.get(bet.owner.team));
            session.open(file);
            const original = fs.readFileSync(file, 'utf8');
            const raise = i % 2 === 0;
            const text = raise ? replaceInBlock(original, 'bet', bet.name, /owner (\S+) \d+%/, `owner $1 100%`) : original;
            const overloaded = diags => diags.some(d => d.code === 'overloaded-team' && d.message.startsWith(`Team '${bet.owner.team}'`));
            const t0 = performance.now();
            betEdits.push(await session.edit(file, text, of => overloaded(of(teamFile)) === raise));
            await session.settle();
            betSettles.push(session.lastPublish - t0);
        }
        Object.assign(result, { betEdit: { median: median(betEdits), p95: p95(betEdits), settle: median(betSettles), n: betEdits.length } });

        // Edits of the file that defines the teams (in the central layout, the one definitions
        // file): a team's capacity to 1 and back, which shows and clears its one-person-team finding.
        const owners = [...new Set(candidates.map(b => b.owner.team))].filter(t => teams.get(t).capacity >= 2);
        const defEdits = [], defSettles = [];
        for (let i = 0; i < edits; i++) {
            const team = owners[Math.floor(i / 2) * 7 % owners.length];
            const file = path.join(dir, where.get(team));
            session.open(file);
            const original = fs.readFileSync(file, 'utf8');
            const shrink = i % 2 === 0;
            const text = shrink ? replaceInBlock(original, 'team', team, /capacity \d+/, 'capacity 1') : original;
            const alone = diags => diags.some(d => d.code === 'one-person-team' && d.message.startsWith(`Team '${team}'`));
            const t0 = performance.now();
            defEdits.push(await session.edit(file, text, of => alone(of(file)) === shrink));
            await session.settle();
            defSettles.push(session.lastPublish - t0);
        }
        Object.assign(result, { definitionsEdit: { median: median(defEdits), p95: p95(defEdits), settle: median(defSettles), n: defEdits.length } });

        // Hovers on team and bet names where they are defined.
        const hovers = [];
        for (let i = 0; i < 20; i++) {
            const name = i % 2 === 0 ? owners[i % owners.length] : picks[i % picks.length].name;
            const kind = i % 2 === 0 ? 'team' : 'bet';
            const file = path.join(dir, where.get(name));
            const text = fs.readFileSync(file, 'utf8');
            const at = text.indexOf(`${kind} ${name} `) + kind.length + 1;
            const line = text.slice(0, at).split('\n').length - 1;
            const character = at - text.lastIndexOf('\n', at - 1) - 1;
            const { ms: hoverMs, result: hover } = await session.hover(file, line, character + 1);
            if (!hover) throw new Error(`no hover on ${kind} ${name}`);
            hovers.push(hoverMs);
        }
        Object.assign(result, { hover: { median: median(hovers), p95: p95(hovers), n: hovers.length }, rssAfter: session.rss() });
        return result;
    } finally {
        await session.stop();
    }
}

function replaceInBlock(text, kind, name, pattern, replacement) {
    const start = text.indexOf(`${kind} ${name} `);
    if (start < 0) throw new Error(`no ${kind} ${name}`);
    const end = text.indexOf('\n}', start);
    const block = text.slice(start, end);
    const changed = block.replace(pattern, replacement);
    if (changed === block) throw new Error(`nothing to change in ${kind} ${name}`);
    return text.slice(0, start) + changed + text.slice(end);
}

// ---------------------------------------------------------------------------------------
// Report

function machine() {
    const cpus = os.cpus();
    return {
        cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, node: process.version, memory: os.totalmem(),
        platform: `${os.type()} ${os.release()}`, load: os.loadavg().map(x => x.toFixed(2)).join(' '),
    };
}

const targets = {
    check50k: 4000, check50kStretch: 2500, tj3Ratio: 6, betEdit: 150, definitionsEdit: 1000, heapPerElement: 6 * 1024,
    layout1000: 1000, layout200: 200,
};

function verdict(ok) {
    return ok === undefined ? 'not measured' : ok ? 'met' : '**not met**';
}

/** What was done for issue 6, and why targets that are not met are not, with what would meet them. */
function analysis() {
    return [
        '## What makes it fast', '',
        '- **Lexing.** Names allow letters of any script, so the name terminal is a Unicode regular expression, which Langium turns into a matcher function; that made Chevrotain give up its first-character dispatch and try every token type at every position. The token builder gives the name token its start characters back: lexing 50k elements went from ~5 s to ~0.3 s (`language/parser/trellis-token-builder.ts`).',
        '- **Names and titles.** Each distinct name is one shared string, so the model\'s and the scopes\' map lookups compare strings by identity; a title is one slice of the text instead of a chain of one string per character (`language/parser/trellis-value-converter.ts`).',
        '- **The plan model after an edit.** What an element says is read once per parse; when only the insides of elements changed (the common edit), the new model is derived from the previous one: the changed elements are read again and only the teams, goals, metrics and dependencies they touch are linked again, in plan order, so every list and every sum (even its rounding) is what a full build gives (`language/model/plan-model.ts`).',
        '- **Workspace checks after an edit.** Only the elements a change touched are judged again (teams whose loads moved, goals whose bets changed, what a changed dependency reaches, every element of the changed file); the other findings are kept, and all are put back in full-run order (`language/validation/workspace-checks.ts`).',
        '- **Relinking.** Langium relinks every file that refers into a changed file; every bet file refers to the definitions, so editing them relinked the workspace (3-4 s at 50k). Now a file is relinked only when a name it uses was added, removed or changed kind; otherwise its references find their targets again by name when read, and paths in the index of references are by name, so they stay right (`language/workspace/trellis-document-builder.ts`, `trellis-node-locator.ts`, `language/references/trellis-scope.ts`).',
        '- **Re-judging other files.** A file whose workspace findings changed (the team file, when a bet\'s allocation moved) gets only those findings replaced, not every check of the file run again (`language/validation/document-validator.ts`).',
        '- **Per-keystroke work over the whole workspace.** The global scope is read by name from the index as it changes instead of copied into maps after every edit; whether a file refers into a changed one is a set lookup, not a scan of its references; linking, indexing and validation walk the tree without a stream and a pause per node (`trellis-index-manager.ts`, `syntax-walk.ts`, `trellis-validation-registry.ts`).',
        '- **Blast radius.** The dependents of every element used to be kept as a set each: in a plan where each bet depends on the one before, that is the square of the plan (40k elements ran out of a 4 GB heap). They are one compact graph now (numbers, not names), walked for one element at a time when the hover or impact mode asks; the check counts each element\'s dependent bets only up to 1,000 (or `max-blast-radius` + 1) and says "more than" beyond it, comparing names by a rank computed once (`language/model/dependents.ts`, `language/validation/dependency-checks.ts`).',
        '- **The command line** builds no index of references (nothing asks it where an element is used), and keeps V8\'s compiled code between runs.',
        '',
        'Every one of these is locked in by `test/perf/incremental.test.ts`: after hundreds of random edits of generated workspaces, in every layout, the edited workspace has exactly the diagnostics, reference targets and find-references answers of a fresh build of the same texts (not timed).', '',
        '## Where the rest goes, and what would close the gaps', '',
        '- **`trellis check` at 50k elements** is bound by parsing: Langium builds a concrete syntax tree of about 21 leaf and 24 composite nodes per element, and the garbage collector spends a fifth to a quarter of the run on that allocation (see the phases above). Parsing in two worker threads was built and measured: each worker parsed half the files, sent the other a summary of what its files export and say, linked against stand-in nodes for the other half and reported its own files\' findings, with output identical to one thread. On this 2-core machine it was slower (50k: 8.3 s against 6.8 s; 10k: 2.6 s against 2.0 s): the two workers and the collector\'s helper threads compete for two cores, each worker still builds the whole plan model and runs the workspace checks, and half a plan\'s summary has to cross between threads. It was not kept. What would close the gap is a leaner parse: Langium allocates a closure per alternative at every choice point (the `Name` rule alone has 35 alternatives, taken for every name and reference) and an object of ~100 bytes per token; with a parser that allocates less, 50k elements would parse in a fraction of the time on one core.',
        '- **Editing the central definitions file** (7,000 elements, 1.3 MB in one file) re-parses the whole file on every change, and its old tree becomes garbage: parsing it and collecting the old one are most of the time, which keeps this edit at the edge of its 1 s target (see its p95). Keeping definitions in files of a few hundred elements (the grouped and spread layouts) makes the same edit a few tens of milliseconds; being well inside 1 s with one huge file needs incremental reparsing of just the edited element, which Langium does not do.',
        '- **The server\'s resident memory** in the central layout grows to a few GB over a hundred edits of its 1.3 MB file while the live heap stays flat (~620 MB at 50k, checked with forced collections after each edit): V8 lets the old generation grow before collecting it. Starting the server with `--max-old-space-size` (e.g. 1536) would bound it, at the cost of more frequent collections.',
        '- **Heap per element** is about half the concrete syntax tree (leaf nodes ~104 bytes, composite nodes with their child arrays ~120 bytes) and a quarter the abstract syntax tree; the plan model, findings and indexes are the rest. Reaching 6 KB needs a leaner tree: fewer composite nodes (the `Name` data-type rule wraps every name and reference in one), or dropping the syntax tree of files that are not open and re-parsing them on demand.',
        '',
    ];
}

/** The chained and unchained plans side by side, with the ratio of the two at each size. */
function chainsSection(chains) {
    if (chains.length === 0) return [];
    const lines = ['## Chained and unchained plans, whole process', '',
        'The same generated plan (spread layout) checked twice: as it is, and with every bet also depending on the bet before it (`depends-on b{i-1}`: one chain through the whole plan, so the first bet has every other bet among its dependents). A chained plan must check within 2× of the unchained plan\'s time and memory. Its extra findings are real: most bets now have a high blast radius, and many depend on a bet that lands later.', '',
        '| elements | plan | files | size | wall (median) | CPU | peak RSS | runs | findings (E/W/I) | chained / unchained |', '|---|---|---|---|---|---|---|---|---|---|'];
    for (const size of [...new Set(chains.map(c => c.size))]) {
        const plain = chains.find(c => c.size === size && !c.chained), chained = chains.find(c => c.size === size && c.chained);
        for (const c of [plain, chained].filter(Boolean)) {
            const ratio = c === chained && plain ? `${(chained.wall / plain.wall).toFixed(2)}× time, ${chained.rss && plain.rss ? `${(chained.rss / plain.rss).toFixed(2)}× memory` : 'memory n/a'}` : '';
            lines.push(`| ${sizeLabel(c.size)} | ${c.chained ? 'chained' : 'unchained'} | ${c.files} | ${mb(c.bytes)} | ${ms(c.wall)} | ${c.cpu !== undefined ? ms(c.cpu) : 'n/a'} | ${c.rss ? mb(c.rss) : 'n/a'} | ${c.runs} | ${c.summary.errors}/${c.summary.warnings}/${c.summary.infos} | ${ratio} |`);
        }
    }
    lines.push('');
    return lines;
}

function report(o, m, results) {
    const lines = [];
    const p = (...xs) => lines.push(...xs);
    const check = results.check;
    const worstCheck = size => check.filter(c => c.size === size).reduce((a, b) => (!a || b.wall > a.wall ? b : a), undefined);
    const lspAt = size => results.lsp.filter(r => r.size === size);
    const biggestLsp = Math.max(...results.lsp.map(r => r.size), 0);
    const heapBig = results.heap.filter(h => h.mode === 'editor').reduce((a, b) => (!a || b.size > a.size ? b : a), undefined);
    const c50 = worstCheck(50_000);
    const compare = results.compare;

    p('# Benchmarks', '');
    p(`Written by \`npm run bench${o.quick ? ' -- --quick' : ''}\` (bench/run.mjs) on ${new Date().toISOString().slice(0, 10)}.`, '');
    p(`Machine: ${m.cores} cores, ${m.cpu}, ${mb(m.memory)} RAM, ${m.platform}, Node ${m.node}; load average at start ${m.load}.`, '');
    p('Figures are medians of several runs (p95 where given) on a machine shared with other work, so',
        'they carry noise; re-run `npm run bench` on a quiet machine for figures to quote. Workspaces are',
        'generated by `bench/generate.mjs` (seed 1): ~50 elements a file, three layouts (see the end).', '');

    p('## Targets', '', '| measure | target | measured | |', '|---|---|---|---|');
    if (c50) {
        p(`| \`trellis check\`, 50k elements / ${c50.files} files, whole process | ≤ 4 s (stretch 2.5 s) | ${ms(c50.wall)} (${c50.layout}, slowest layout) | ${verdict(c50.wall <= targets.check50k)}${c50.wall <= targets.check50kStretch ? ', stretch met' : ''} |`);
    }
    if (compare?.tj3?.wall) {
        const ratio = compare.tj3.wall / compare.check.wall;
        p(`| vs \`tj3 --check-syntax\`, ${sizeLabel(compare.size)} project | ≥ 6× faster (10k) | ${ratio.toFixed(1)}× (${ms(compare.check.wall)} vs ${ms(compare.tj3.wall)}) | ${verdict(compare.size >= 10_000 ? ratio >= targets.tj3Ratio : undefined)} |`);
    } else {
        p(`| vs \`tj3 --check-syntax\` | ≥ 6× faster | not measured: ${compare?.tj3?.missing ?? 'no comparison run'} | not measured |`);
    }
    for (const r of lspAt(biggestLsp)) {
        p(`| bet-file edit to fresh diagnostics, ${sizeLabel(r.size)} ${r.layout} | median ≤ 150 ms | ${ms(r.betEdit.median)} (p95 ${ms(r.betEdit.p95)}) | ${verdict(r.size >= 50_000 ? r.betEdit.median <= targets.betEdit : undefined)} |`);
    }
    for (const r of lspAt(biggestLsp)) {
        p(`| definitions-file edit to fresh diagnostics, ${sizeLabel(r.size)} ${r.layout} | ≤ 1 s | ${ms(r.definitionsEdit.median)} (p95 ${ms(r.definitionsEdit.p95)}) | ${verdict(r.size >= 50_000 ? r.definitionsEdit.median <= targets.definitionsEdit : undefined)} |`);
    }
    if (heapBig) {
        const per = heapBig.heapUsed / heapBig.size;
        p(`| heap per element after a build, ${sizeLabel(heapBig.size)}, as the language server holds it | ≤ 6 KB | ${kb(per)} | ${verdict(heapBig.size >= 50_000 ? per <= targets.heapPerElement : undefined)} |`);
    }
    for (const chained of (results.chains ?? []).filter(c => c.chained)) {
        const plain = results.chains.find(c => c.size === chained.size && !c.chained);
        if (!plain) continue;
        const time = chained.wall / plain.wall, memory = chained.rss && plain.rss ? chained.rss / plain.rss : undefined;
        p(`| chained plan (each bet on the one before) vs unchained, ${sizeLabel(chained.size)}, \`trellis check\` | within 2× in time and memory | ${time.toFixed(2)}× time, ${memory !== undefined ? `${memory.toFixed(2)}× memory` : 'memory n/a'} | ${verdict(time <= 2 && (memory === undefined || memory <= 2))} |`);
    }
    const c100 = check.filter(c => c.size === 100_000);
    p(`| 100k elements checkable with default settings | yes | ${c100.length > 0 ? `yes, ${ms(Math.max(...c100.map(c => c.wall)))}, peak RSS ${c100[0].rss ? mb(Math.max(...c100.map(c => c.rss))) : 'n/a'}` : 'not measured'} | ${verdict(c100.length > 0 ? true : undefined)} |`);
    for (const l of results.layout) {
        if (l.error) {
            p(`| preview layout, ~${l.target} nodes | ${l.target >= 1000 ? '≤ 1 s' : '≤ 200 ms'} | not measured: ${l.error} | not measured |`);
        } else {
            const limit = l.target >= 1000 ? targets.layout1000 : targets.layout200;
            p(`| preview layout (Graphviz), ${l.nodes} nodes | ${l.target >= 1000 ? '≤ 1 s' : '≤ 200 ms'} | ${ms(l.layout)} | ${verdict(l.layout <= limit)} |`);
        }
    }
    p('');

    p('## `trellis check`, whole process', '', 'Wall time from start to exit of `node bin/trellis.cjs check DIR --format json` (median of the runs; CPU is user + system).', '');
    p('| elements | layout | files | size | wall (median) | fastest | CPU | peak RSS | runs | findings (E/W/I) |', '|---|---|---|---|---|---|---|---|---|---|');
    for (const c of check) {
        p(`| ${sizeLabel(c.size)} | ${c.layout} | ${c.files} | ${mb(c.bytes)} | ${ms(c.wall)} | ${ms(c.min)} | ${c.cpu !== undefined ? ms(c.cpu) : 'n/a'} | ${c.rss ? mb(c.rss) : 'n/a'} | ${c.runs} | ${c.summary.errors}/${c.summary.warnings}/${c.summary.infos} |`);
    }
    p('');

    p(...chainsSection(results.chains ?? []));

    if (compare) {
        p(`## Side by side, ${sizeLabel(compare.size)} elements`, '', 'The same plan as Trellis files, as a TaskJuggler project (teams as resources, bets as tasks with dates, allocations and dependencies, goals, metrics and pillars as milestones) and as one JSON document.', '');
        p('| | wall (median) | ratio to `trellis check` |', '|---|---|---|');
        p(`| \`trellis check\` (${compare.layout} layout, whole process) | ${ms(compare.check.wall)} | 1× |`);
        p(compare.tj3.wall ? `| \`tj3 --check-syntax\` (whole process) | ${ms(compare.tj3.wall)} | ${(compare.tj3.wall / compare.check.wall).toFixed(1)}× slower |` : `| \`tj3 --check-syntax\` | not measured: ${compare.tj3.missing} | |`);
        p(`| \`node -e "JSON.parse(...)"\` of the equivalent JSON (${mb(compare.json.bytes)}), whole process | ${ms(compare.json.wholeProcess)} | ${(compare.check.wall / compare.json.wholeProcess).toFixed(1)}× faster than \`trellis check\` |`);
        p(`| \`JSON.parse\` alone, in process (the floor) | ${ms(compare.json.inProcess)} | ${(compare.check.wall / compare.json.inProcess).toFixed(0)}× faster than \`trellis check\` |`);
        p('');
    }

    if (results.lsp.length > 0) {
        p('## Language server, through LSP', '',
            `\`node bin/trellis.cjs lsp --stdio\` driven by a client built on \`vscode-languageserver-protocol\`, with the workspace folder open. Each edit replaces an open file's text (${o.edits} edits, half of them undoing the one before).`, '',
            '- *startup*: from starting the server to diagnostics for every file.',
            '- *bet-file edit*: a bet\'s owner share raised to 100% and back; fresh means the edited file got new diagnostics **and** the overload finding appeared on (or left) its team in another, unopened file.',
            '- *definitions-file edit*: a team\'s capacity set to 1 and back in the file that defines it (in the central layout, the file with every team, metric, goal and pillar); fresh means its one-person-team finding appeared (or left).',
            '- *settled*: until the server published its last diagnostics for that edit.',
            '- *hover*: on team and bet names where they are defined.', '');
        p('| elements | layout | files | startup | bet-file edit median / p95 | settled | definitions-file edit median / p95 | settled | hover median / p95 | server RSS |', '|---|---|---|---|---|---|---|---|---|---|');
        for (const r of results.lsp) {
            p(`| ${sizeLabel(r.size)} | ${r.layout} | ${r.files} | ${ms(r.startupMs)} | ${ms(r.betEdit.median)} / ${ms(r.betEdit.p95)} | ${ms(r.betEdit.settle)} | ${ms(r.definitionsEdit.median)} / ${ms(r.definitionsEdit.p95)} | ${ms(r.definitionsEdit.settle)} | ${ms(r.hover.median)} / ${ms(r.hover.p95)} | ${r.rssAfter ? mb(r.rssAfter) : 'n/a'} |`);
        }
        p('');
    }

    if (results.heap.length > 0) {
        p('## Heap per element', '', '`process.memoryUsage().heapUsed` after a full build and two forced collections, in a fresh process (spread layout), divided by the number of elements. *editor* is what the language server holds (with the index of references for find references and rename); *check* is what `trellis check` holds (without it).', '');
        p('| elements | mode | heap | per element |', '|---|---|---|---|');
        for (const h of results.heap) p(`| ${sizeLabel(h.size)} | ${h.mode} | ${mb(h.heapUsed)} | ${kb(h.heapUsed / h.size)} |`);
        p('');
    }

    const phased = results.heap.filter(h => h.mode === 'check' && h.phases);
    if (phased.length > 0) {
        p('## Where a full build\'s time goes', '', 'In process, as `trellis check` builds (from the heap runs above, one run each): reading and parsing the files; indexing what each file defines; linking references; validating (per-element checks, the plan model and the workspace checks).', '');
        p('| elements | parse | index | link | validate | total |', '|---|---|---|---|---|---|');
        for (const h of phased) {
            const ph = h.phases;
            const total = ph.parse + (ph.index ?? 0) + (ph.link ?? 0) + (ph.references ?? 0) + (ph.validate ?? 0);
            const share = x => `${ms(x ?? 0)} (${Math.round((100 * (x ?? 0)) / total)}%)`;
            p(`| ${sizeLabel(h.size)} | ${share(ph.parse)} | ${share(ph.index)} | ${share(ph.link)} | ${share(ph.validate)} | ${ms(total)} |`);
        }
        p('');
    }

    if (results.layout.length > 0) {
        p('## Preview layout', '', 'The dependencies view (bets and teams, depends-on and ownership edges, boxes per owning team) of a generated workspace, built as a diagram and laid out by `language/graph/layout.ts` (Graphviz `dot` in WebAssembly), as the preview does off the editor\'s UI thread. Median of 5 layouts after a first one that also loads Graphviz.', '');
        p('| nodes | edges | diagram | first layout | layout (median) | SVG (layout + drawing) |', '|---|---|---|---|---|---|');
        for (const l of results.layout) {
            p(l.error ? `| ~${l.target} | | not measured: ${l.error} | | | |` : `| ${l.nodes} | ${l.edges} | ${ms(l.buildMs)} | ${ms(l.firstLayoutMs)} | ${ms(l.layout)} | ${ms(l.svg)} |`);
        }
        p('');
    }

    p(...analysis());

    p('## The workspaces', '',
        'A seeded generator (`bench/generate.mjs`) writes the same plan in three layouts, about 50 elements a file:', '',
        '- **central**: policy, pillars, metrics, goals and teams in one `definitions.trellis`; bets in files of 50, by area;',
        '- **grouped**: a folder per area with its teams, metrics, goals and bets;',
        '- **spread**: every element shuffled into files of 50, so every file mixes kinds and refers everywhere.', '',
        'Per 1,000 elements: 3 pillars (40/35/25%), 20 metrics in a tree under one north star, 50 goals, 80 teams (capacity 1-11; platform teams others lean on) and ~850 bets over 2027-Q1..Q4, with owner and support allocations that keep most teams under 100% (about one team in eight ends up overloaded), review dates, expected metric changes, and dependencies mostly on earlier bets of the same area (a few loops). The policy raises `max-wip` to 12, `min-slice` to 5% and `max-blast-radius` to 40, as a large organisation would.', '',
        '```sh',
        'node bench/generate.mjs --elements 50k --layout spread --out /tmp/trellis-50k --tjp --json',
        'npm run bench                 # everything, writes BENCHMARKS.md',
        'npm run bench:quick           # 1k only, as CI runs it (after the build)',
        '```', '');
    return lines.join('\n');
}

// ---------------------------------------------------------------------------------------

async function main() {
    const o = options(process.argv.slice(2));
    const from = process.argv.indexOf('--from');
    if (from >= 0) {
        // Writes the report again from a run's results.json (its text changed, not its figures).
        const saved = JSON.parse(fs.readFileSync(process.argv[from + 1], 'utf8'));
        fs.writeFileSync(o.out, report(saved.options, saved.machine, saved.results));
        log(`wrote ${o.out}`);
        return;
    }
    if (o.cli) cli = path.resolve(o.cli); // a copy of bin/ and out/, to measure one build while working on the next
    else if (!fs.existsSync(path.join(repo, 'out', 'cli.cjs'))) throw new Error('out/cli.cjs is missing: npm run build first');
    fs.mkdirSync(o.work, { recursive: true });
    const m = machine();
    log(`machine: ${m.cores} cores, ${m.cpu}, Node ${m.node}, load ${m.load}`);
    const results = { check: [], lsp: [], heap: [], layout: [], chains: [], compare: undefined };
    const runsFor = size => Number(o.runs ?? (size <= 10_000 ? 5 : size <= 50_000 ? 3 : 2));
    for (const size of o.skipCheck ? [] : o.chainSizes) {
        log(`trellis check ${sizeLabel(size)}, unchained and chained`);
        results.chains.push(...measureChains(o.work, size, runsFor(size)));
    }
    if (o.chainsOnly) {
        const markdown = chainsSection(results.chains).join('\n');
        if (o.out !== path.join(repo, 'BENCHMARKS.md')) fs.writeFileSync(o.out, markdown);
        process.stdout.write(`${markdown}\n`);
        return;
    }
    // Inside the repository (out/bench), so the bundles find the fonts in node_modules.
    const entries = await bundleEntries(path.join(repo, 'out', 'bench'));

    for (const size of o.sizes) {
        const wanted = size >= 100_000 ? ['spread'] : o.layouts;
        log(`generating ${sizeLabel(size)} (${wanted.join(', ')})`);
        const ws = prepare(o.work, size, [...new Set([...wanted, ...(o.lspSizes.includes(size) ? o.layouts : [])])]);
        for (const layout of o.skipCheck ? [] : wanted) {
            log(`trellis check ${sizeLabel(size)} ${layout}`);
            const { dir, files, bytes } = ws.dirs[layout];
            results.check.push({ size, layout, files, bytes, ...measureCheck(dir, runsFor(size)) });
        }
        if (size === o.compareSize && !o.skipCheck) {
            log(`side by side at ${sizeLabel(size)}: tj3 and JSON.parse`);
            const tjp = path.join(o.work, `${sizeLabel(size)}.tjp`);
            const json = path.join(o.work, `${sizeLabel(size)}.json`);
            fs.writeFileSync(tjp, taskJugglerProject(ws.plan));
            fs.writeFileSync(json, planJson(ws.plan));
            const layout = wanted.includes('spread') ? 'spread' : wanted[0];
            results.compare = {
                size, layout, check: results.check.find(c => c.size === size && c.layout === layout),
                tj3: measureTj3(tjp, Math.min(3, runsFor(size))), json: measureJson(json, 5),
            };
        }
        if (!o.skipHeap) {
            log(`heap ${sizeLabel(size)}`);
            const heapDir = (ws.dirs.spread ?? Object.values(ws.dirs)[0]).dir;
            for (const mode of ['editor', 'check']) results.heap.push({ size, mode, ...measureHeap(entries.heap, heapDir, mode === 'check' ? 'cli' : 'editor') });
        }
        if (!o.skipLsp && o.lspSizes.includes(size)) {
            for (const layout of o.layouts) {
                log(`language server ${sizeLabel(size)} ${layout}: startup, ${o.edits} bet-file edits, ${o.edits} definitions-file edits, 20 hovers`);
                results.lsp.push({ size, layout, files: ws.dirs[layout].files, ...await measureLsp(ws, layout, o.edits) });
            }
        }
    }
    for (const nodes of o.layoutNodes) {
        log(`preview layout, ~${nodes} nodes`);
        results.layout.push({ target: nodes, ...measureLayout(entries.layout, workspaceForNodes(o.work, nodes)) });
    }

    const markdown = report(o, m, results);
    fs.mkdirSync(path.dirname(o.out), { recursive: true });
    fs.writeFileSync(o.out, markdown);
    fs.writeFileSync(path.join(o.work, 'results.json'), JSON.stringify({ machine: m, options: o, results }, null, 2));
    process.stdout.write(markdown.split('\n## ')[0] + '\n' + markdown.split('\n## ')[1].replace(/^/, '## ') + '\n');
    log(`wrote ${path.relative(process.cwd(), o.out) || o.out}`);
}

main().catch(error => {
    process.stderr.write(`bench: ${error.stack ?? error}\n`);
    process.exitCode = 1;
});
