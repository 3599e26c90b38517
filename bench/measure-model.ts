// The plan model and the workspace checks at scale, in process (run by bench/run.mjs,
// bundled with esbuild): after a full build, how long a full link of the model over the
// facts cached per parse takes, and a full run of the workspace checks on it: what every
// build after an edit pays.
//
//   node --expose-gc out/bench/measure-model.cjs DIR [RUNS]

import { EmptyFileSystem, URI } from 'langium';
import { findPlanFiles, readPlanFile } from '../cli/workspace.js';
import { createTrellisServices } from '../language/trellis-module.js';
import { PlanModelBuilder } from '../language/model/model-builder.js';
import { computeWorkspaceFindings } from '../language/validation/workspace-checks.js';

function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted[Math.floor(sorted.length / 2)];
}

async function main(): Promise<void> {
    const [dir, runsText = '15'] = process.argv.slice(2);
    const runs = Number(runsText);
    const { shared, Trellis } = createTrellisServices(EmptyFileSystem);
    Trellis.plan.PlanService.setToday('2027-01-15');
    const documents = findPlanFiles([dir]).map(file => {
        const doc = shared.workspace.LangiumDocumentFactory.fromString(readPlanFile(file), URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const plan = documents.map(doc => ({ uri: doc.uri.toString(), root: doc.parseResult.value as never })).sort((a, b) => (a.uri < b.uri ? -1 : 1));
    const builder = new PlanModelBuilder({ derive: false });
    builder.build(plan, '2027-01-15'); // reads and caches the facts, as the first build does
    const link: number[] = [], checks: number[] = [];
    let elements = 0;
    for (let i = 0; i < runs; i++) {
        const t0 = performance.now();
        const model = builder.build(plan, '2027-01-15');
        const t1 = performance.now();
        computeWorkspaceFindings(model);
        const t2 = performance.now();
        link.push(t1 - t0);
        checks.push(t2 - t1);
        elements = model.definitions.size;
    }
    process.stdout.write(JSON.stringify({ elements, files: documents.length, link: median(link), checks: median(checks), runs }) + '\n');
}

void main();
