// Loads plan files from paths given on the command line into the language services and
// builds them as one workspace, exactly as the language server would.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { URI, type LangiumDocument } from 'langium';
import { EmptyFileSystem } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createTrellisServices, type TrellisServices } from '../language/trellis-module.js';
import type { TrellisIndexManager } from '../language/workspace/trellis-index-manager.js';

/** A problem with the input that makes the command unusable: exit code 2. */
export class UsageError extends Error { }

export interface LoadedWorkspace {
    readonly services: TrellisServices;
    readonly documents: readonly LangiumDocument[];
}

const skippedFolders = new Set(['node_modules', '.git']);

/** All `.trellis` files under the given files and folders, sorted, each once. */
export function findPlanFiles(paths: readonly string[]): string[] {
    const found = new Set<string>();
    const walk = (dir: string) => {
        let entries: fs.Dirent[];
        try {
            entries = fs.readdirSync(dir, { withFileTypes: true });
        } catch (error) {
            throw new UsageError(`cannot read folder ${dir}: ${reason(error)}`);
        }
        for (const entry of entries) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) {
                if (!skippedFolders.has(entry.name)) walk(full);
            } else if (entry.isFile() && entry.name.endsWith('.trellis')) {
                found.add(path.resolve(full));
            }
        }
    };
    for (const p of paths) {
        let stat: fs.Stats;
        try {
            stat = fs.statSync(p);
        } catch {
            throw new UsageError(`no such file or folder: ${p}`);
        }
        if (stat.isDirectory()) walk(p);
        else found.add(path.resolve(p));
    }
    return [...found].sort();
}

/** Reads a plan file as UTF-8 (a BOM is dropped); anything else is a usage error. */
export function readPlanFile(file: string): string {
    let bytes: Buffer;
    try {
        bytes = fs.readFileSync(file);
    } catch (error) {
        throw new UsageError(`cannot read ${displayPath(file)}: ${reason(error)}`);
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
    (shared.workspace.IndexManager as TrellisIndexManager).indexReferences = false;
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

export function diagnosticsOf(doc: LangiumDocument): Diagnostic[] {
    return doc.diagnostics ?? [];
}

/** A path relative to the current folder, with forward slashes. */
export function displayPath(file: string): string {
    const rel = path.relative(process.cwd(), file) || path.basename(file);
    return rel.split(path.sep).join('/');
}

function reason(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'it is a folder';
    return (error as Error).message ?? String(error);
}
