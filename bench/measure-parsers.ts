// The initial build parsed on the main thread (as `trellis check` does) or on worker threads
// with Langium's `WorkerThreadAsyncParser` and its `Hydrator` (run by bench/run.mjs, bundled
// with esbuild, one process per run so that its wall time and peak memory are its own).
// Otherwise the build is `trellis check`'s (cli/workspace.ts `loadWorkspace`, with the parse
// timed apart): no index of references, every check. Prints how
// long the parse (and, with workers, rebuilding their results on the main thread) and the rest of the build took and a digest of every diagnostic, so that the
// two modes can be compared for identical output.
//
//   node out/bench/measure-parsers.cjs DIR sync|workers [THREADS]

import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Cancellation, DefaultHydrator, EmptyFileSystem, URI, type AstNode, type LangiumDocument, type ParseResult } from 'langium';
import { WorkerThreadAsyncParser } from 'langium/node';
import { formatText, sortDiagnostics, summarize, toFileDiagnostic } from '../cli/report-formats.js';
import { findPlanFiles, readPlanFile } from '../cli/workspace.js';
import { createTrellisServices } from '../language/trellis-module.js';

async function main(): Promise<void> {
    const [dir, mode = 'sync', threadsText = '2'] = process.argv.slice(2);
    const threads = Number(threadsText);
    const workerPath = fileURLToPath(new URL('parse-worker.cjs', import.meta.url)); // next to this bundle
    class ThreadedParser extends WorkerThreadAsyncParser {
        protected override threadCount = threads;
    }
    /** Rebuilding each worker's result on the main thread, timed. */
    class TimedHydrator extends DefaultHydrator {
        spent = 0;
        override hydrate<T extends AstNode = AstNode>(result: ParseResult<object>): ParseResult<T> {
            const start = performance.now();
            const hydrated = super.hydrate<T>(result);
            this.spent += performance.now() - start;
            return hydrated;
        }
    }
    const hydrator: { current?: TimedHydrator } = {};
    const { shared, Trellis } = createTrellisServices(EmptyFileSystem, mode !== 'workers' ? {} : {
        parser: { AsyncParser: services => new ThreadedParser(services, workerPath) },
        serializer: { Hydrator: services => (hydrator.current = new TimedHydrator(services)) },
    });
    shared.workspace.IndexManager.indexReferences = false;
    Trellis.plan.PlanService.setToday('2027-01-15');
    const factory = shared.workspace.LangiumDocumentFactory;
    const files = findPlanFiles([dir]);
    let firstResult: number | undefined;
    const t0 = performance.now();
    // With a cancellation token the factory parses through the async parser (the workers).
    const documents: LangiumDocument[] = mode === 'workers'
        ? await Promise.all(files.map(async file => {
            const doc = await factory.fromString(readPlanFile(file), URI.file(file), Cancellation.CancellationToken.None);
            firstResult ??= performance.now() - t0; // the workers' start-up: loading the bundle, building the parser
            return doc;
        }))
        : files.map(file => factory.fromString(readPlanFile(file), URI.file(file)));
    for (const doc of documents) shared.workspace.LangiumDocuments.addDocument(doc);
    const t1 = performance.now();
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const t2 = performance.now();
    // The digest of what `trellis check` would print, so "identical" means identical output.
    const diagnostics = sortDiagnostics(documents.flatMap(doc => (doc.diagnostics ?? []).map(d => toFileDiagnostic(doc.uri.fsPath, d))));
    const digest = createHash('sha256').update(formatText(diagnostics, summarize(documents.length, diagnostics))).digest('hex').slice(0, 16);
    process.stdout.write(JSON.stringify({ mode, threads: mode === 'workers' ? threads : 0, files: documents.length, parse: t1 - t0, firstResult: firstResult ?? 0, hydrate: hydrator.current?.spent ?? 0, build: t2 - t1, diagnostics: diagnostics.length, digest }) + '\n');
    process.exit(0); // the worker threads would keep the process alive
}

void main();
