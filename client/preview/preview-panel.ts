// One preview panel on the extension-host side: it asks the language server for the view its
// webview shows, redraws (debounced) whenever the server says the plan changed, reveals an
// element's definition when the webview reports a click, tells the webview which element is
// under the editor's cursor, and saves the view as SVG or PNG. It never parses a plan itself.

import type { Disposable, TextEditor, Webview, WebviewPanel } from 'vscode';
import { Position, Range, Selection, TextEditorRevealType, Uri, ViewColumn, window, workspace } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { PreviewViewRequest, type PlanElementInfo, type PreviewViewResult } from '../../language/protocol.js';
import { defaultOptions, type ExportFormat, type HostMessage, type PreviewOptions, type PreviewState, type WebviewMessage } from './messages.js';
import { exportFile, updateMessage, viewParams } from './host-messages.js';
import { newNonce, previewHtml } from './preview-html.js';

export const previewViewType = 'trellis.preview';

/** How long to wait after the last change before redrawing. */
const updateDelay = 250;

export class TrellisPreviewPanel {
    private options: PreviewOptions;
    private source?: string;
    private elements: readonly PlanElementInfo[] = [];
    private ready = false;
    private timer?: ReturnType<typeof setTimeout>;
    private sequence = 0;
    private highlighted?: string;
    private readonly disposables: Disposable[] = [];
    private disposed = false;

    constructor(
        readonly panel: WebviewPanel,
        private readonly client: LanguageClient,
        private readonly extensionUri: Uri,
        state: PreviewState | undefined,
        private readonly onDispose: () => void,
    ) {
        this.options = { ...defaultOptions, ...state?.options };
        this.source = state?.source;
        const webview = panel.webview;
        webview.options = webviewOptions(extensionUri);
        panel.iconPath = Uri.joinPath(extensionUri, 'images', 'icon.png');
        webview.html = this.html(webview);
        this.disposables.push(
            webview.onDidReceiveMessage((message: WebviewMessage) => this.onMessage(message)),
            // A hidden webview is unloaded and reloads when shown again; its 'ready' asks for a drawing.
            panel.onDidDispose(() => this.dispose()),
            window.onDidChangeTextEditorSelection(event => this.onSelection(event.textEditor)),
            window.onDidChangeActiveTextEditor(editor => {
                if (editor?.document.languageId === 'trellis') {
                    this.source = editor.document.uri.toString();
                    this.onSelection(editor);
                }
            }),
        );
    }

    /** Points the preview at another plan file (the plan is the whole workspace either way). */
    setSource(source: Uri | undefined): void {
        if (source) this.source = source.toString();
        this.scheduleUpdate(0);
    }

    /** The plan changed (the server finished a build). */
    planChanged(): void {
        this.scheduleUpdate(updateDelay);
    }

    dispose(): void {
        if (this.disposed) return;
        this.disposed = true;
        clearTimeout(this.timer);
        for (const d of this.disposables) d.dispose();
        this.panel.dispose();
        this.onDispose();
    }

    private html(webview: Webview): string {
        const base = Uri.joinPath(this.extensionUri, 'out', 'webview');
        return previewHtml({
            cspSource: webview.cspSource,
            nonce: newNonce(),
            scriptUri: webview.asWebviewUri(Uri.joinPath(base, 'preview.js')).toString(),
            styleUri: webview.asWebviewUri(Uri.joinPath(base, 'preview.css')).toString(),
            state: { source: this.source, options: this.options },
        });
    }

    private onMessage(message: WebviewMessage): void {
        switch (message.type) {
            case 'ready':
                this.ready = true;
                this.options = { ...defaultOptions, ...message.options };
                this.scheduleUpdate(0);
                break;
            case 'options':
                this.options = { ...defaultOptions, ...message.options };
                this.scheduleUpdate(0);
                break;
            case 'reveal':
                void this.reveal(message.name);
                break;
            case 'export':
                void this.export(message.format);
                break;
        }
    }

    private scheduleUpdate(delay: number): void {
        if (this.disposed || !this.ready) return;
        clearTimeout(this.timer);
        this.timer = setTimeout(() => void this.update(), delay);
    }

    private async request(standalone: boolean, png = false): Promise<PreviewViewResult> {
        if (!this.client.isRunning()) await this.client.start();
        return this.client.sendRequest<PreviewViewResult>(PreviewViewRequest.method, viewParams(this.options, standalone, png, this.source));
    }

    private async update(): Promise<void> {
        if (!this.panel.visible) return; // redrawn when it shows again
        const sequence = ++this.sequence;
        let result: PreviewViewResult;
        try {
            result = await this.request(false);
        } catch (error) {
            if (sequence === this.sequence) this.post({ type: 'update', source: this.source, options: this.options, title: '', svg: '', choices: [], elements: [], error: `The language server could not draw the plan: ${(error as Error).message ?? error}` });
            return;
        }
        if (sequence !== this.sequence || this.disposed) return; // a newer request is on its way
        this.elements = result.elements;
        this.panel.title = `Preview: ${result.title}`;
        // The element at the cursor comes with the drawing, so the page can open centred on it.
        // With the preview focused there is no active editor: the last cursor still counts.
        const editor = window.activeTextEditor;
        this.highlighted = editor?.document.languageId === 'trellis' ? this.elementAt(editor)?.name : this.highlighted;
        this.post(updateMessage(result, this.options, this.source, this.highlighted));
    }

    private post(message: HostMessage): void {
        void this.panel.webview.postMessage(message);
    }

    /** Highlights the element whose definition holds the cursor of a plan editor. */
    private onSelection(editor: TextEditor): void {
        if (editor.document.languageId !== 'trellis') return;
        const element = this.elementAt(editor);
        if (element?.name === this.highlighted) return;
        this.highlighted = element?.name;
        this.post({ type: 'highlight', source: this.source, name: element?.name });
    }

    private elementAt(editor: TextEditor): PlanElementInfo | undefined {
        if (editor.document.languageId !== 'trellis') return undefined;
        const uri = editor.document.uri.toString();
        const position = editor.selection.active;
        return this.elements.find(e => e.uri === uri && contains(e.range, position));
    }

    private async reveal(name: string): Promise<void> {
        const element = this.elements.find(e => e.name === name);
        if (!element) return;
        const document = await workspace.openTextDocument(Uri.parse(element.uri));
        const { start, end } = element.selectionRange;
        const range = new Range(start.line, start.character, end.line, end.character);
        // Open it beside the preview, in the editor group the plan was edited in.
        const column = window.visibleTextEditors.find(e => e.document.uri.toString() === element.uri)?.viewColumn
            ?? window.visibleTextEditors.find(e => e.document.languageId === 'trellis')?.viewColumn
            ?? (this.panel.viewColumn === ViewColumn.One ? ViewColumn.Beside : ViewColumn.One);
        const editor = await window.showTextDocument(document, { viewColumn: column, preserveFocus: false });
        editor.selection = new Selection(range.start, range.end);
        editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
    }

    private async export(format: ExportFormat): Promise<void> {
        let result: PreviewViewResult;
        try {
            result = await this.request(true, format === 'png');
        } catch (error) {
            void window.showErrorMessage(`Trellis: could not export the view: ${(error as Error).message ?? error}`);
            return;
        }
        const file = exportFile(result, this.options, format);
        if ('error' in file) {
            void window.showErrorMessage(`Trellis: could not export the view: ${file.error}`);
            return;
        }
        const folder = this.source ? Uri.joinPath(Uri.parse(this.source), '..') : workspace.workspaceFolders?.[0]?.uri;
        const target = await window.showSaveDialog({
            defaultUri: folder ? Uri.joinPath(folder, file.name) : undefined,
            filters: file.filters,
            saveLabel: 'Export',
            title: `Export the ${result.title} view as ${format.toUpperCase()}`,
        });
        if (!target) return;
        await workspace.fs.writeFile(target, file.bytes);
        this.post({ type: 'exported', source: this.source, file: target.toString() });
        void window.showInformationMessage(`Trellis: saved ${workspace.asRelativePath(target)}`);
    }
}

/** Scripts on; local files only from the bundled webview folder and the fonts the drawings are measured with. */
export function webviewOptions(extensionUri: Uri): { enableScripts: boolean; localResourceRoots: Uri[] } {
    return { enableScripts: true, localResourceRoots: [Uri.joinPath(extensionUri, 'out', 'webview'), Uri.joinPath(extensionUri, 'out', 'assets')] };
}

function contains(range: PlanElementInfo['range'], position: Position): boolean {
    const after = position.line > range.start.line || (position.line === range.start.line && position.character >= range.start.character);
    const before = position.line < range.end.line || (position.line === range.end.line && position.character <= range.end.character);
    return after && before;
}
