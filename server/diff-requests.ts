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
import { diffPlans } from '../language/diff/plan-diff.js';
import type { PlanText } from '../language/diff/plan-snapshot.js';
import { ComparePlanRequest, type ComparePlanParams, type ComparePlanResult } from '../language/protocol.js';
import type { TrellisServices } from '../language/trellis-module.js';

export function registerDiffRequests(connection: Connection, shared: LangiumSharedServices, services: TrellisServices): void {
    connection.onRequest(ComparePlanRequest.method, async (params: ComparePlanParams): Promise<ComparePlanResult> => {
        try {
            const folder = workspaceFolderOf(shared, URI.parse(params.uri));
            const head = await shared.workspace.WorkspaceLock.read(() => currentTexts(shared, folder));
            const range = gitRange(folder, params.revision.trim() || 'HEAD');
            const base = planTextsAt(folder, range.base.commit, []);
            const headTexts = range.head ? planTextsAt(folder, range.head.commit, []) : head;
            const labels = { base: range.base.label, head: range.head?.label ?? 'editor' };
            const diff = await diffPlans(base, headTexts, labels, services.plan.PlanService.today);
            return { markdown: diffToMarkdown(diff) };
        } catch (error) {
            if (error instanceof UsageError) return { markdown: '', error: error.message.replace(/^--git: /, '') };
            throw error;
        }
    });
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
