// Measures the layout of the dependencies view of generated plans of about 500 and 1,000 bets
// and teams: `trellis graph --format dot` writes the exact DOT the SVG export lays out, and
// Graphviz (WebAssembly, as in the CLI and the language server) lays it out here, in process,
// so the figure is the layout alone; the whole `trellis graph --format svg` run is timed too.
// Not a timed test: run it by hand after `npm run build`.
//
//   node bench/graph-layout.mjs [--runs 3]

import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { generatePlan, layoutPlan, writeWorkspace } from './generate.mjs';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 3;
const cli = path.resolve(import.meta.dirname, '../bin/trellis.cjs');
const graphviz = await Graphviz.load();

const best = fn => {
    const times = [];
    for (let i = 0; i < runs; i++) {
        const start = process.hrtime.bigint();
        fn();
        times.push(Number(process.hrtime.bigint() - start) / 1e6);
    }
    return `${Math.min(...times).toFixed(0)} ms`;
};
const graph = args => execFileSync(process.execPath, [cli, 'graph', ...args, '--today', '2027-01-15'], { stdio: ['ignore', 'ignore', 'inherit'] });

for (const elements of [575, 1150]) {
    const plan = generatePlan(elements, 1);
    const dir = path.join(os.tmpdir(), `trellis-graph-bench-${elements}`);
    writeWorkspace(dir, layoutPlan(plan, 'grouped').files);
    const out = `${dir}.out`;
    const results = [];
    for (const [label, extra] of [['clustered by team', []], ['without clusters', ['--no-clusters']]]) {
        graph([dir, '--view', 'dependencies', '--format', 'dot', '-o', `${out}.dot`, ...extra]);
        const dot = fs.readFileSync(`${out}.dot`, 'utf8');
        const layout = best(() => graphviz.layout(dot, 'json', 'dot'));
        const whole = best(() => graph([dir, '--view', 'dependencies', '--format', 'svg', '-o', `${out}.svg`, ...extra]));
        results.push(`${label}: layout ${layout}, whole \`trellis graph --format svg\` ${whole}`);
    }
    console.log(`${plan.bets.length + plan.teams.length} bets and teams (${elements} elements) — ${results.join('; ')} (best of ${runs})`);
}
