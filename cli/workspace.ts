// Loads plan files from paths given on the command line into the language services and
// builds them as one workspace, exactly as the language server would.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { EmptyFileSystem } from 'langium';
import { createTrellisServices, type TrellisServices } from '../language/trellis-module.js';
import { reason, UsageError } from './plan-files.js';

export { findPlanFiles, UsageError } from './plan-files.js';

export interface LoadedWorkspace {
    readonly services: TrellisServices;
    readonly documents: readonly LangiumDocument[];
}

/** Reads a plan file as UTF-8 (a BOM is dropped); anything else is a usage error. */
export function readPlanFile(file: string): string {
    let bytes: Buffer;
    let fd: number | undefined;
    try {
        // Opened without blocking and checked before reading: a FIFO would wait for a writer forever.
        fd = fs.openSync(file, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
        if (!fs.fstatSync(fd).isFile()) throw new UsageError(`${displayPath(file)} is not a regular file`);
        bytes = fs.readFileSync(fd);
    } catch (error) {
        if (error instanceof UsageError) throw error;
        throw new UsageError(`cannot read ${displayPath(file)}: ${reason(error)}`);
    } finally {
        if (fd !== undefined) fs.closeSync(fd);
    }
    try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return text.startsWith('\uFEFF') ? text.slice(1) : text;
    } catch {
        throw new UsageError(`${displayPath(file)} is not UTF-8 text`);
    }
}

/** Parses, links and validates the files as one plan. */
export async function loadWorkspace(files: readonly string[], today?: string): Promise<LoadedWorkspace> {
    const { shared, Trellis } = createTrellisServices(EmptyFileSystem);
    // Nothing here asks where an element is used: no index of references to build.
    shared.workspace.IndexManager.indexReferences = false;
    if (today !== undefined && !Trellis.plan.PlanService.setToday(today)) {
        throw new UsageError(`--today must be a date like 2027-03-15, not '${today}'`);
    }
    const factory = shared.workspace.LangiumDocumentFactory;
    const documents = files.map(file => {
        const doc = factory.fromString(readPlanFile(file), URI.file(file));
        shared.workspace.LangiumDocuments.addDocument(doc);
        return doc;
    });
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    return { services: Trellis, documents };
}

/** A path relative to the current folder, with forward slashes. */
export function displayPath(file: string): string {
    const rel = path.relative(process.cwd(), file) || path.basename(file);
    return rel.split(path.sep).join('/');
}
