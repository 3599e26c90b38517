// Test helpers: build several plan files as one workspace in memory, with Langium's own
// services (no VS Code), and read the diagnostics as a user would see them.

import { EmptyFileSystem, TextDocument, URI, type LangiumDocument } from 'langium';
import type { Diagnostic } from 'vscode-languageserver';
import { createTrellisServices, type TrellisServices } from '../language/trellis-module.js';
import type { LangiumSharedServices } from 'langium/lsp';

export interface TestWorkspace {
    readonly shared: LangiumSharedServices;
    readonly services: TrellisServices;
    readonly documents: Map<string, LangiumDocument>;
    /** Diagnostics of one file, or of all files when no name is given. */
    diagnostics(file?: string): Diagnostic[];
    /** Diagnostics with a given code, across all files unless one is named. */
    withCode(code: string, file?: string): Diagnostic[];
    /** Replaces a file's text and rebuilds as the language server does after an edit in the editor. */
    edit(file: string, text: string): Promise<void>;
}

/** `files` maps a file name (e.g. `teams.trellis`) to its text. */
export async function buildWorkspace(files: Record<string, string>, options: { today?: string } = {}): Promise<TestWorkspace> {
    const { shared, Trellis } = createTrellisServices(EmptyFileSystem);
    Trellis.plan.PlanService.setToday(options.today ?? '2027-01-15');
    const documents = new Map<string, LangiumDocument>();
    for (const [name, text] of Object.entries(files)) {
        const doc = shared.workspace.LangiumDocumentFactory.fromString(text, uriOf(name));
        shared.workspace.LangiumDocuments.addDocument(doc);
        documents.set(name, doc);
    }
    await shared.workspace.DocumentBuilder.build([...documents.values()], { validation: true });

    const diagnostics = (file?: string) => file !== undefined
        ? documents.get(file)?.diagnostics ?? []
        : [...documents.values()].flatMap(d => d.diagnostics ?? []);
    return {
        shared, services: Trellis, documents,
        diagnostics,
        withCode: (code, file) => diagnostics(file).filter(d => d.code === code),
        async edit(file, text) {
            const uri = uriOf(file);
            const previous = shared.workspace.TextDocuments?.get(uri.toString());
            shared.workspace.TextDocuments?.set(TextDocument.create(uri.toString(), 'trellis', (previous?.version ?? 0) + 1, text));
            await shared.workspace.DocumentBuilder.update([uri], []);
            documents.set(file, shared.workspace.LangiumDocuments.getDocument(uri)!);
        },
    };
}

/** One file, for checks that do not need several. */
export async function buildPlan(text: string, options: { today?: string } = {}): Promise<TestWorkspace> {
    return buildWorkspace({ 'plan.trellis': text }, options);
}

export function uriOf(file: string): URI {
    return URI.parse(`file:///workspace/${file}`);
}

/** The text a diagnostic's range covers, to assert where a finding sits. */
export function rangeText(doc: LangiumDocument, d: Diagnostic): string {
    return doc.textDocument.getText(d.range);
}
