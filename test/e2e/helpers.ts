// Helpers for the end-to-end suite, which runs inside a real VS Code extension host (desktop
// through @vscode/test-electron, or code-server through scripts/e2e-code-server.mjs). They wait
// on editor events or poll a condition until a deadline — never a fixed sleep.

import * as assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as vscode from 'vscode';

export const extensionId = 'trellis.trellis';

/** A file of the workspace the suite runs in (a copy of test/e2e/fixture). */
export function workspaceFile(name: string): vscode.Uri {
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the e2e suite needs a folder open: a copy of test/e2e/fixture');
    return vscode.Uri.joinPath(folder.uri, name);
}

export function isOpen(uri: vscode.Uri): boolean {
    return vscode.workspace.textDocuments.some(doc => doc.uri.toString() === uri.toString());
}

/** A diagnostic's code as a string, whether VS Code holds it plain or with a link. */
export function codeOf(diagnostic: vscode.Diagnostic): string | undefined {
    const code = diagnostic.code;
    if (code === undefined) return undefined;
    return typeof code === 'object' ? String(code.value) : String(code);
}

export function withCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
    return vscode.languages.getDiagnostics(uri).filter(d => codeOf(d) === code);
}

/** The diagnostics of a file as lines, for failure messages. */
export function describeDiagnostics(uri: vscode.Uri): string {
    const lines = vscode.languages.getDiagnostics(uri)
        .map(d => `  ${d.range.start.line + 1}:${d.range.start.character + 1} ${codeOf(d)} ${d.message}`);
    return `${vscode.workspace.asRelativePath(uri)}: ${lines.length ? `\n${lines.join('\n')}` : 'no diagnostics'}`;
}

interface WaitOptions {
    /** How long to wait in all (ms). */
    timeout?: number;
    /** Events after which to look again, besides polling. */
    events?: vscode.Event<unknown>[];
    /** Polling interval (ms) for conditions no event announces. */
    poll?: number;
    /** More context for the failure message. */
    explain?: () => string;
}

/**
 * Resolves with the first truthy value of `condition`, checked now, after each of `events` and
 * every `poll` ms; rejects with `what` (and `explain()`) when `timeout` passes first.
 */
export function waitFor<T>(what: string, condition: () => T | undefined | null | false | Promise<T | undefined | null | false>, options: WaitOptions = {}): Promise<T> {
    const { timeout = 30_000, events = [vscode.languages.onDidChangeDiagnostics], poll = 250, explain } = options;
    return new Promise<T>((resolve, reject) => {
        let settled = false;
        let checking = false;
        const subscriptions: vscode.Disposable[] = [];
        const finish = (error: Error | undefined, value?: T) => {
            if (settled) return;
            settled = true;
            clearTimeout(deadline);
            clearInterval(timer);
            subscriptions.forEach(s => s.dispose());
            if (error) reject(error); else resolve(value as T);
        };
        const check = async () => {
            if (settled || checking) return;
            checking = true;
            try {
                const value = await condition();
                if (value) finish(undefined, value);
            } catch (error) {
                finish(error instanceof Error ? error : new Error(String(error)));
            } finally {
                checking = false;
            }
        };
        const deadline = setTimeout(() => {
            finish(new Error(`Timed out after ${timeout} ms waiting for ${what}${explain ? `\n${explain()}` : ''}`));
        }, timeout);
        const timer = setInterval(() => void check(), poll);
        for (const event of events) subscriptions.push(event(() => void check()));
        void check();
    });
}

export function waitForDiagnostic(uri: vscode.Uri, code: string, timeout = 60_000, matching: (d: vscode.Diagnostic) => boolean = () => true): Promise<vscode.Diagnostic> {
    return waitFor(`a '${code}' diagnostic in ${vscode.workspace.asRelativePath(uri)}`,
        () => withCode(uri, code).find(matching),
        { timeout, explain: () => describeDiagnostics(uri) });
}

export function waitForNoDiagnostic(uri: vscode.Uri, code: string, timeout = 30_000, matching: (d: vscode.Diagnostic) => boolean = () => true): Promise<true> {
    return waitFor(`the '${code}' diagnostic in ${vscode.workspace.asRelativePath(uri)} to go away`,
        () => !withCode(uri, code).some(matching),
        { timeout, explain: () => describeDiagnostics(uri) });
}

/** The position of `inner` inside the first occurrence of `context` in the document. */
export function positionOf(doc: vscode.TextDocument, context: string, inner: string = context): vscode.Position {
    const at = doc.getText().indexOf(context);
    assert.ok(at >= 0, `'${context}' not found in ${vscode.workspace.asRelativePath(doc.uri)}`);
    const offset = context.indexOf(inner);
    assert.ok(offset >= 0, `'${inner}' is not part of '${context}'`);
    return doc.positionAt(at + offset);
}

/** The range of `text` (first occurrence) in the document. */
export function rangeOf(doc: vscode.TextDocument, text: string): vscode.Range {
    const start = positionOf(doc, text);
    return new vscode.Range(start, doc.positionAt(doc.offsetAt(start) + text.length));
}

export async function open(name: string): Promise<vscode.TextDocument> {
    return vscode.workspace.openTextDocument(workspaceFile(name));
}

export async function show(name: string, column = vscode.ViewColumn.One): Promise<vscode.TextEditor> {
    return vscode.window.showTextDocument(await open(name), { viewColumn: column, preview: false });
}

/** Replaces the first occurrence of `from` with `to` in an open document, as typing would. */
export async function replaceText(doc: vscode.TextDocument, from: string, to: string): Promise<void> {
    const edit = new vscode.WorkspaceEdit();
    edit.replace(doc.uri, rangeOf(doc, from), to);
    assert.ok(await vscode.workspace.applyEdit(edit), `could not replace '${from}' in ${vscode.workspace.asRelativePath(doc.uri)}`);
}

export function hoverText(hovers: readonly vscode.Hover[] | undefined): string {
    return (hovers ?? []).flatMap(h => h.contents)
        .map(content => typeof content === 'string' ? content : content.value)
        .join('\n');
}

export function isCodeAction(item: vscode.CodeAction | vscode.Command): item is vscode.CodeAction {
    return !(typeof (item as vscode.Command).command === 'string' && !('kind' in item) && !('edit' in item));
}

/** The command a contributed title names, e.g. "Open Preview to the Side"; fails clearly if none. */
export function contributedCommand(title: RegExp): string {
    const ext = vscode.extensions.getExtension(extensionId);
    assert.ok(ext, `extension ${extensionId} is not installed`);
    const commands = (ext.packageJSON.contributes?.commands ?? []) as { command: string; title: string }[];
    const found = commands.find(c => title.test(c.title));
    assert.ok(found, `no command titled ${title} is contributed by ${extensionId}; it contributes: ${commands.map(c => `${c.command} "${c.title}"`).join(', ') || 'none'}`);
    return found.command;
}

export function webviewTabs(): vscode.Tab[] {
    return vscode.window.tabGroups.all.flatMap(group => group.tabs)
        .filter(tab => tab.input instanceof vscode.TabInputWebview && /trellis/i.test(tab.input.viewType));
}

/**
 * Asks the runner for a screenshot of the workbench (the code-server runner watches the folder in
 * TRELLIS_E2E_SCREENSHOTS) and waits until it is written. `waitForUi` names what the runner waits
 * to be visible first: 'hover' or 'webview' (the preview; `view` makes it switch to that view).
 */
export async function screenshot(name: string, waitForUi: 'hover' | 'webview' | 'none' = 'none', view?: string): Promise<void> {
    const dir = process.env.TRELLIS_E2E_SCREENSHOTS;
    if (!dir) return;
    const png = join(dir, `${name}.png`);
    writeFileSync(join(dir, `${name}.request.json`), JSON.stringify({ name, waitFor: waitForUi, view }));
    await waitFor(`the runner to save ${png}`, () => existsSync(png), { timeout: 60_000, events: [], poll: 100 });
}

/** One thing to do in the preview's page (or the workbench around it), as a user would. */
export interface WebviewStep {
    /** `active` reads what has the keyboard: its id, else the name of the element it stands for. */
    /** `waitForValue` waits for an input's value to end with `value`, and reads it. */
    readonly action: 'click' | 'dblclick' | 'focus' | 'fill' | 'type' | 'press' | 'waitFor' | 'waitForValue' | 'text' | 'attribute' | 'count' | 'active';
    /** A CSS selector in the preview's page (or the workbench's, with `frame: 'workbench'`). */
    readonly selector?: string;
    /** The text to fill or type, the key to press, the attribute to read, the state to wait for. */
    readonly value?: string;
    readonly frame?: 'webview' | 'workbench';
}

/**
 * Has the runner do `steps` in the preview's webview, which the extension host cannot reach,
 * and returns what the reading steps (text, attribute, count, active, waitForValue) read, in order. The code-server
 * runner serves these requests (TRELLIS_E2E_DRIVE names the folder it watches).
 */
export async function driveWebview(what: string, steps: readonly WebviewStep[]): Promise<Array<string | null>> {
    const dir = process.env.TRELLIS_E2E_DRIVE;
    assert.ok(dir, 'driving the preview needs the code-server runner (npm run test:e2e), which sets TRELLIS_E2E_DRIVE');
    const name = `${what.replace(/[^a-z0-9]+/gi, '-')}-${randomUUID()}`;
    const result = join(dir, `${name}.result.json`);
    writeFileSync(join(dir, `${name}.drive.json`), JSON.stringify(steps));
    await waitFor(`the runner to ${what}`, () => existsSync(result), { timeout: 90_000, events: [], poll: 100 });
    const answer = JSON.parse(readFileSync(result, 'utf8')) as { values?: Array<string | null>; error?: string };
    rmSync(result);
    if (answer.error !== undefined) throw new Error(`could not ${what} in the preview: ${answer.error}`);
    return answer.values ?? [];
}
