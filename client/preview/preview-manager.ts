// Registers the preview: the two commands (like Markdown's "Open Preview" and "Open Preview
// to the Side"), the serializer that brings the panel back after a window reload, and the
// server's "plan changed" notification that makes an open preview redraw. One preview at a
// time: the plan is the whole workspace, whichever file it was opened from.

import type { Disposable, ExtensionContext, Uri, WebviewPanel, WebviewPanelSerializer } from 'vscode';
import { commands, ViewColumn, window } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PlanChangedNotification } from '../../language/protocol.js';
import type { PreviewState } from './messages.js';
import { previewViewType, TrellisPreviewPanel, webviewOptions } from './preview-panel.js';

class PreviewManager implements WebviewPanelSerializer<PreviewState>, Disposable {
    private preview?: TrellisPreviewPanel;

    constructor(private readonly context: ExtensionContext, private readonly client: LanguageClient) { }

    open(uri: Uri | undefined, toSide: boolean): void {
        const source = uri ?? (window.activeTextEditor?.document.languageId === 'trellis' ? window.activeTextEditor.document.uri : undefined);
        if (this.preview) {
            this.preview.panel.reveal(toSide ? ViewColumn.Beside : undefined, toSide);
            this.preview.setSource(source);
            return;
        }
        const panel = window.createWebviewPanel(previewViewType, 'Trellis Preview',
            { viewColumn: toSide ? ViewColumn.Beside : ViewColumn.Active, preserveFocus: toSide },
            { ...webviewOptions(this.context.extensionUri), retainContextWhenHidden: false, enableFindWidget: false });
        this.adopt(panel, { source: source?.toString(), options: { view: 'dependencies', cluster: true } });
    }

    async deserializeWebviewPanel(panel: WebviewPanel, state: PreviewState | undefined): Promise<void> {
        if (this.preview) {
            panel.dispose(); // one preview at a time
            return;
        }
        this.adopt(panel, state);
    }

    planChanged(): void {
        this.preview?.planChanged();
    }

    dispose(): void {
        this.preview?.dispose();
    }

    private adopt(panel: WebviewPanel, state: PreviewState | undefined): void {
        this.preview = new TrellisPreviewPanel(panel, this.client, this.context.extensionUri, state, () => {
            this.preview = undefined;
        });
    }
}

export function registerPreview(context: ExtensionContext, client: LanguageClient): void {
    const manager = new PreviewManager(context, client);
    context.subscriptions.push(
        manager,
        commands.registerCommand('trellis.openPreview', (uri?: Uri) => manager.open(uri, false)),
        commands.registerCommand('trellis.openPreviewToSide', (uri?: Uri) => manager.open(uri, true)),
        window.registerWebviewPanelSerializer(previewViewType, manager),
        client.onNotification(PlanChangedNotification.method, () => manager.planChanged()),
    );
}
