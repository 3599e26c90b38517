// Heap after a build, in a fresh process (run by bench/run.mjs, bundled with esbuild):
// `editor` builds like the language server (with the index of references that find
// references and rename use), `cli` like `trellis check` (without it). Also where the
// build's time went, phase by phase.
//
//   node --expose-gc out/bench/measure-heap.cjs DIR editor|cli

import { DocumentState, EmptyFileSystem, URI } from 'langium';
import { findPlanFiles, readPlanFile } from '../cli/workspace.js';
import { createTrellisServices } from '../language/trellis-module.js';

async function main(): Promise<void> {
    const [dir, mode = 'editor'] = process.argv.slice(2);
    const collect = (globalThis as { gc?: () => void }).gc ?? (() => undefined);
    collect();
    const before = process.memoryUsage().heapUsed;
    const { shared, Trellis } = createTrellisServices(EmptyFileSystem);
    if (mode === 'cli') shared.workspace.IndexManager.indexReferences = false;
    Trellis.plan.PlanService.setToday('2027-01-15');
    const files = findPlanFiles([dir]);
    const phases: Record<string, number> = {};
    let last = performance.now();
    const documents = files.map(file => {
        const doc = shared.workspace.LangiumDocumentFactory.fromString(readPlanFile(file), URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    phases.parse = performance.now() - last;
    last = performance.now();
    const names: Array<[DocumentState, string]> = [[DocumentState.IndexedContent, 'index'], [DocumentState.Linked, 'link'], [DocumentState.IndexedReferences, 'references'], [DocumentState.Validated, 'validate']];
    for (const [state, name] of names) {
        shared.workspace.DocumentBuilder.onBuildPhase(state, () => {
            const now = performance.now();
            phases[name] = now - last;
            last = now;
        });
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const diagnostics = documents.reduce((sum, doc) => sum + (doc.diagnostics?.length ?? 0), 0);
    collect();
    collect();
    const { heapUsed, rss } = process.memoryUsage();
    process.stdout.write(JSON.stringify({ heapUsed, baseline: before, rss, files: documents.length, diagnostics, phases }) + '\n');
    // Keep everything reachable until measured.
    (globalThis as { keep?: unknown }).keep = { shared, documents };
}

void main();
