// Preview layout time (run by bench/run.mjs, bundled with esbuild): the dependencies view of
// a workspace built as a diagram, then laid out with Graphviz (what the preview does for each
// view, off the editor's UI thread), and drawn as SVG.
//
//   node out/bench/measure-layout.cjs DIR [RUNS]

import { findPlanFiles, loadWorkspace } from '../cli/workspace.js';
import { buildDiagram } from '../language/graph/build-diagram.js';
import { findingsByElement } from '../language/graph/element-findings.js';
import { layoutGraph } from '../language/graph/layout.js';
import { toSvg } from '../language/graph/svg.js';

async function main(): Promise<void> {
    const [dir, runsText = '5'] = process.argv.slice(2);
    const runs = Number(runsText);
    const { services } = await loadWorkspace(findPlanFiles([dir]), '2027-01-15');
    const plan = services.plan.PlanService;
    let t = performance.now();
    const diagram = buildDiagram(plan.model, 'dependencies', {}, findingsByElement(services.validation.WorkspaceFindings.current));
    const buildMs = performance.now() - t;
    if (diagram.type !== 'graph') throw new Error('the dependencies view is not a graph');
    t = performance.now();
    await layoutGraph(diagram);
    const firstLayoutMs = performance.now() - t; // includes loading Graphviz
    const layoutMs: number[] = [];
    for (let i = 0; i < runs; i++) {
        t = performance.now();
        await layoutGraph(diagram);
        layoutMs.push(performance.now() - t);
    }
    const svgMs: number[] = [];
    for (let i = 0; i < Math.max(1, Math.floor(runs / 2)); i++) {
        t = performance.now();
        await toSvg(diagram);
        svgMs.push(performance.now() - t);
    }
    process.stdout.write(JSON.stringify({ nodes: diagram.nodes.length, edges: diagram.edges.length, buildMs, firstLayoutMs, layoutMs, svgMs }) + '\n');
}

main().catch(error => {
    process.stderr.write(`${(error as Error).stack ?? error}\n`);
    process.exitCode = 1;
});
