// The language server's side of "Trellis: Compare Plan with Revision…": the plan as the
// editor holds it (unsaved edits included) against the plan files of a git revision, as the
// Markdown comment `trellis diff --git REV` prints. The revision's files are read with the
// CLI's git reader; the comparison is the same code the CLI runs.

import * as path from 'node:path';
import { URI } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { gitRange, planTextsAt, realFolder, toSlashes } from '../cli/diff-git.js';
import { UsageError } from '../cli/workspace.js';
import { diffToMarkdown } from '../language/diff/diff-markdown.js';
import { diffPlans, elementsChangedSince } from '../language/diff/plan-diff.js';
import type { PlanText } from '../language/diff/plan-snapshot.js';
import { ComparePlanRequest, type ComparePlanParams, type ComparePlanResult } from '../language/protocol.js';
import type { TrellisServices } from '../language/trellis-module.js';

export function registerDiffRequests(connection: Connection, shared: LangiumSharedServices, services: TrellisServices): void {
    connection.onRequest(ComparePlanRequest.method, async (params: ComparePlanParams): Promise<ComparePlanResult> => {
        try {
            const { base, head, labels } = await comparedSides(shared, params);
            return { markdown: diffToMarkdown(await diffPlans(base, head, labels, services.plan.PlanService.today)) };
        } catch (error) {
            if (error instanceof UsageError) return { markdown: '', error: error.message.replace(/^--git: /, '') };
            throw error;
        }
    });
}

/**
 * The names of the elements added and changed in the editor's plan since a git revision (for
 * the preview to mark them). Throws a UsageError, with a message for the user, when the
 * revision cannot be read.
 */
export async function elementsChangedSinceRevision(
    shared: LangiumSharedServices, services: TrellisServices, params: ComparePlanParams,
): Promise<{ added: string[]; changed: string[] }> {
    const { base, head } = await comparedSides(shared, params);
    return elementsChangedSince(base, head, services.plan.PlanService.today);
}

/** The revision's plan files and the editor's (or, for `A..B`, B's), in the document's workspace folder. */
async function comparedSides(shared: LangiumSharedServices, params: ComparePlanParams): Promise<{ base: PlanText[]; head: PlanText[]; labels: { base: string; head: string } }> {
    const folder = workspaceFolderOf(shared, URI.parse(params.uri));
    const range = gitRange(folder, params.revision.trim() || 'HEAD');
    const base = planTextsAt(folder, range.base.commit, []);
    const head = range.head ? planTextsAt(folder, range.head.commit, []) : await shared.workspace.WorkspaceLock.read(() => currentTexts(shared, folder));
    return { base, head, labels: { base: range.base.label, head: range.head?.label ?? 'editor' } };
}

/** The workspace folder holding the document (the longest that does), else the document's own folder. */
function workspaceFolderOf(shared: LangiumSharedServices, uri: URI): string {
    const file = uri.fsPath;
    const folders = (shared.workspace.WorkspaceManager.workspaceFolders ?? [])
        .map(f => URI.parse(f.uri).fsPath)
        .filter(f => file === f || file.startsWith(f.endsWith(path.sep) ? f : f + path.sep))
        .sort((a, b) => b.length - a.length);
    return folders[0] ?? path.dirname(file);
}

/** The open and indexed plan documents under the folder, named relative to it. */
function currentTexts(shared: LangiumSharedServices, folder: string): PlanText[] {
    const root = realFolder(folder);
    const texts: PlanText[] = [];
    for (const doc of shared.workspace.LangiumDocuments.all) {
        if (doc.uri.scheme !== 'file' || !doc.uri.path.endsWith('.trellis')) continue;
        const file = toSlashes(path.relative(root, realFolder(doc.uri.fsPath)));
        if (file.startsWith('../') || path.isAbsolute(file)) continue;
        texts.push({ file, text: doc.textDocument.getText() });
    }
    return texts;
}
