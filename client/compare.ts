// "Trellis: Compare Plan with Revision…": asks for a git revision (HEAD by default), has the
// language server compare the plan with it (`trellis/comparePlan`, the code `trellis diff`
// runs) and shows the Markdown comment in a Markdown preview beside the plan. The comment is
// served read-only from a `trellis-diff:` document, so closing it asks nothing.

import type { Disposable, ExtensionContext, TextDocumentContentProvider } from 'vscode';
import { commands, EventEmitter, Uri, ViewColumn, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { ComparePlanRequest, type ComparePlanParams, type ComparePlanResult } from '../language/protocol.js';

const scheme = 'trellis-diff';

export function registerCompare(context: ExtensionContext, client: LanguageClient): void {
    const comments = new Map<string, string>();
    const changed = new EventEmitter<Uri>();
    const provider: TextDocumentContentProvider = { onDidChange: changed.event, provideTextDocumentContent: uri => comments.get(uri.toString()) ?? '' };

    const compare = async (resource?: Uri) => {
        const editor = window.activeTextEditor;
        const source = resource ?? (editor?.document.languageId === 'trellis' ? editor.document.uri : undefined);
        if (!source) {
            void window.showInformationMessage('Trellis: open a plan file to compare its plan with a revision.');
            return;
        }
        const revision = await window.showInputBox({
            title: 'Compare Plan with Revision',
            prompt: 'A git revision: a branch, a tag, a commit, or A..B for two revisions',
            value: 'HEAD',
            placeHolder: 'HEAD, main, origin/main, v1.2, 1a2b3c4, main..feature',
        });
        if (revision === undefined) return;
        const params: ComparePlanParams = { revision: revision.trim() || 'HEAD', uri: source.toString() };
        const result = await client.sendRequest<ComparePlanResult>(ComparePlanRequest.method, params);
        if (result.error) {
            void window.showErrorMessage(`Trellis: cannot compare with ${params.revision}: ${result.error}`);
            return;
        }
        const uri = Uri.from({ scheme, path: `/Plan changes since ${params.revision.replace(/[/\\]/g, '-')}.md` });
        comments.set(uri.toString(), result.markdown);
        changed.fire(uri);
        await workspace.openTextDocument(uri);
        try {
            await commands.executeCommand('markdown.showPreviewToSide', uri);
        } catch {
            // The built-in Markdown extension is disabled: show the comment's text instead.
            await window.showTextDocument(uri, { viewColumn: ViewColumn.Beside, preview: true });
        }
    };

    const disposables: Disposable[] = [
        changed,
        workspace.registerTextDocumentContentProvider(scheme, provider),
        commands.registerCommand('trellis.compareWithRevision', compare),
    ];
    context.subscriptions.push(...disposables);
}
