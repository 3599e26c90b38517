// A real LSP client for the real server: spawns `trellis lsp --stdio` (the built CLI, with
// the Node running the tests) in a temporary workspace folder, speaks LSP over its stdio
// through vscode-languageserver-protocol, answers the server's requests like an editor
// (settings from `workspace/configuration`, capability registrations), and keeps the latest
// diagnostics of every file. Every wait has a deadline; nothing sleeps.

import { spawn, type ChildProcess } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
    ConfigurationRequest, createProtocolConnection, DidChangeConfigurationNotification, DidChangeTextDocumentNotification,
    DidChangeWatchedFilesNotification, DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, FileChangeType, ExitNotification, InitializedNotification, InitializeRequest, LogMessageNotification,
    PublishDiagnosticsNotification, RegistrationRequest, ShowMessageNotification, ShowMessageRequest, ShutdownRequest, StreamMessageReader,
    StreamMessageWriter, WorkDoneProgressCreateRequest,
    type Diagnostic, type ProtocolConnection, type ShowMessageParams,
} from 'vscode-languageserver-protocol/node';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repoRoot, 'bin/trellis.cjs');
const builtCli = path.join(repoRoot, 'out/cli.cjs');

/** How long any one wait may take before the test fails with what was seen instead. */
export const DEADLINE_MS = 20_000;

/** A diagnostic as the user sees it in the Problems panel. */
export interface Seen {
    readonly line: number;
    readonly character: number;
    readonly endLine: number;
    readonly endCharacter: number;
    readonly severity: number | undefined;
    readonly code: string;
    readonly message: string;
}

export interface ServerOptions {
    /** The `trellis` section the client answers `workspace/configuration` with. */
    readonly settings?: { today?: string };
}

export class TrellisServer {
    readonly folder: string;
    readonly connection: ProtocolConnection;
    /** Latest diagnostics per file name (relative to the folder), as last published. */
    readonly diagnostics = new Map<string, Seen[]>();
    /** Latest diagnostics per file name exactly as published, `data` included (for code actions). */
    readonly published = new Map<string, Diagnostic[]>();
    /** How many times diagnostics were published per file name. */
    readonly publishCount = new Map<string, number>();
    /** Sections the server asked for with `workspace/configuration`. */
    readonly configurationRequests: string[] = [];
    /** Messages shown to the user (`window/showMessage` and `window/showMessageRequest`). */
    readonly messages: ShowMessageParams[] = [];
    settings: { today?: string };
    private readonly process: ChildProcess;
    private stderr = '';
    private exit?: { code: number | null; signal: NodeJS.Signals | null };
    private readonly waiters = new Set<() => void>();
    private readonly versions = new Map<string, number>();
    /** The last messages the server logged. */
    readonly logs: string[] = [];

    private constructor(folder: string, options: ServerOptions) {
        this.folder = folder;
        this.settings = { ...options.settings };
        this.process = spawn(process.execPath, [bin, 'lsp', '--stdio'], { cwd: folder, stdio: ['pipe', 'pipe', 'pipe'] });
        this.process.stderr!.setEncoding('utf8').on('data', (chunk: string) => { this.stderr += chunk; });
        this.process.on('exit', (code, signal) => {
            this.exit = { code, signal };
            this.notify();
        });
        this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout!), new StreamMessageWriter(this.process.stdin!));
        this.connection.onNotification(PublishDiagnosticsNotification.type, params => {
            // A document with no file behind it (an untitled editor) is kept by its URI.
            const file = params.uri.startsWith('file:') ? this.fileOf(params.uri) : params.uri;
            this.diagnostics.set(file, params.diagnostics.map(seen).sort(byPosition));
            this.published.set(file, params.diagnostics);
            this.publishCount.set(file, (this.publishCount.get(file) ?? 0) + 1);
            this.notify();
        });
        this.connection.onRequest(ConfigurationRequest.type, params => params.items.map(item => {
            this.configurationRequests.push(item.section ?? '');
            return item.section === 'trellis' ? { ...this.settings } : null;
        }));
        this.connection.onRequest(RegistrationRequest.type, () => undefined);
        this.connection.onRequest(WorkDoneProgressCreateRequest.type, () => undefined);
        this.connection.onNotification(ShowMessageNotification.type, params => {
            this.messages.push(params);
            this.notify();
        });
        this.connection.onRequest(ShowMessageRequest.type, params => {
            this.messages.push({ type: params.type, message: params.message });
            this.notify();
            return null;
        });
        // The server's console output arrives as log messages: the last few are kept for failure messages.
        this.connection.onNotification(LogMessageNotification.type, params => {
            this.logs.push(params.message);
            if (this.logs.length > 20) this.logs.shift();
        });
        this.connection.listen();
    }

    /** Writes the files into a fresh folder, starts the server there and initializes it. */
    static async start(files: Record<string, string | Uint8Array>, options: ServerOptions = {}): Promise<TrellisServer> {
        checkBuild();
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-lsp-'));
        for (const [name, content] of Object.entries(files)) {
            fs.mkdirSync(path.dirname(path.join(folder, name)), { recursive: true });
            fs.writeFileSync(path.join(folder, name), content);
        }
        const server = new TrellisServer(folder, options);
        const rootUri = pathToFileURL(folder).toString();
        await server.connection.sendRequest(InitializeRequest.type, {
            processId: process.pid,
            rootUri,
            workspaceFolders: [{ uri: rootUri, name: path.basename(folder) }],
            capabilities: {
                workspace: { configuration: true, didChangeConfiguration: { dynamicRegistration: true }, workspaceFolders: true },
                textDocument: {
                    synchronization: { dynamicRegistration: false },
                    publishDiagnostics: { relatedInformation: true },
                    hover: { contentFormat: ['markdown', 'plaintext'] },
                    rename: { prepareSupport: true },
                },
            },
        });
        await server.connection.sendNotification(InitializedNotification.type, {});
        return server;
    }

    uri(file: string): string {
        return pathToFileURL(path.join(this.folder, file)).toString();
    }

    fileOf(uri: string): string {
        return path.relative(this.folder, fileURLToPath(uri)).split(path.sep).join('/');
    }

    /** Opens a file in the "editor" with the given text (its text on disk by default). */
    async open(file: string, text = fs.readFileSync(path.join(this.folder, file), 'utf8')): Promise<void> {
        this.versions.set(file, 1);
        await this.connection.sendNotification(DidOpenTextDocumentNotification.type, {
            textDocument: { uri: this.uri(file), languageId: 'trellis', version: 1, text },
        });
    }

    /** Replaces an open file's whole text, as a full-sync editor does on every keystroke. */
    async change(file: string, text: string): Promise<void> {
        const version = (this.versions.get(file) ?? 1) + 1;
        this.versions.set(file, version);
        await this.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri: this.uri(file), version }, contentChanges: [{ text }],
        });
    }

    /** Closes a file in the "editor" (without saving it). */
    async close(file: string): Promise<void> {
        this.versions.delete(file);
        await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: this.uri(file) } });
    }

    /** Tells the server what changed on disk, as the editor's file watcher does. */
    async filesChanged(changes: ReadonlyArray<{ file: string; type: 'created' | 'changed' | 'deleted' }>): Promise<void> {
        const types: Record<string, FileChangeType> = { created: FileChangeType.Created, changed: FileChangeType.Changed, deleted: FileChangeType.Deleted };
        await this.connection.sendNotification(DidChangeWatchedFilesNotification.type, {
            changes: changes.map(c => ({ uri: this.uri(c.file), type: types[c.type] })),
        });
    }

    /**
     * Changes the client's settings and tells the server: with the new settings in the
     * notification (push, as VS Code does), or with `settings: null` so the server has to ask
     * for them (pull, as some other clients do).
     */
    async changeSettings(settings: { today?: string }, mode: 'push' | 'pull' = 'push'): Promise<void> {
        this.settings = { ...settings };
        await this.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: mode === 'push' ? { trellis: { ...settings } } : null });
    }

    /**
     * Waits until the latest diagnostics of a file satisfy a condition; fails at the deadline
     * with what the file had instead.
     */
    async diagnosticsOf(file: string, condition: (seen: Seen[]) => boolean, what = 'the expected diagnostics'): Promise<Seen[]> {
        await this.until(() => {
            const current = this.diagnostics.get(file);
            return current !== undefined && condition(current);
        }, () => `${file}: ${what}; last published: ${JSON.stringify(this.diagnostics.get(file) ?? 'nothing', null, 1)}`);
        return this.diagnostics.get(file)!;
    }

    /** The answer to a request; fails as soon as the server exits, or at the deadline, instead of waiting forever. */
    async answer<T>(request: Promise<T>, what: string, deadline = DEADLINE_MS): Promise<T> {
        let settled = false;
        const tracked = request.finally(() => {
            settled = true;
            this.notify();
        });
        tracked.catch(() => undefined); // reported below, when the wait ends
        await this.until(() => settled, () => `an answer to ${what}`, deadline);
        return tracked;
    }

    /** Waits until a condition on what the client has seen holds, or fails at the deadline. */
    until(condition: () => boolean, describe: () => string, deadline = DEADLINE_MS): Promise<void> {
        return new Promise((resolve, reject) => {
            const check = () => {
                if (condition()) {
                    finish();
                    resolve();
                } else if (this.exit) {
                    finish();
                    reject(new Error(`the server exited (${JSON.stringify(this.exit)}) while waiting for ${describe()}\nstderr:\n${this.stderr}`));
                }
            };
            const timer = setTimeout(() => {
                finish();
                reject(new Error(`no luck within ${deadline} ms waiting for ${describe()}\nstderr:\n${this.stderr}\nlogged:\n${this.logs.map(m => m.slice(0, 2000)).join('\n')}`));
            }, deadline);
            const finish = () => {
                clearTimeout(timer);
                this.waiters.delete(check);
            };
            this.waiters.add(check);
            check();
        });
    }

    get exited(): { code: number | null; signal: NodeJS.Signals | null } | undefined {
        return this.exit;
    }

    get errorOutput(): string {
        return this.stderr;
    }

    /** Ends the session politely (shutdown, exit); kills the process if it does not go. */
    async stop(): Promise<void> {
        try {
            if (!this.exit) {
                await withDeadline(this.connection.sendRequest(ShutdownRequest.type), 5_000);
                await this.connection.sendNotification(ExitNotification.type);
                await this.until(() => this.exit !== undefined, () => 'the server to exit', 5_000);
            }
        } catch {
            this.process.kill();
        } finally {
            this.connection.dispose();
            fs.rmSync(this.folder, { recursive: true, force: true });
        }
    }

    private notify(): void {
        for (const waiter of [...this.waiters]) waiter();
    }
}

/** The tests talk to the built server: it must exist and be newer than the sources it is built from. */
function checkBuild(): void {
    const build = 'build first: flock /tmp/trellis-build.lock npm run build';
    if (!fs.existsSync(builtCli)) throw new Error(`${path.relative(repoRoot, builtCli)} is missing; ${build}`);
    const built = fs.statSync(builtCli).mtimeMs;
    for (const dir of ['language', 'server', 'cli']) {
        for (const entry of fs.readdirSync(path.join(repoRoot, dir), { recursive: true, withFileTypes: true })) {
            const file = path.join(entry.parentPath, entry.name);
            if (entry.isFile() && file.endsWith('.ts') && fs.statSync(file).mtimeMs > built) {
                throw new Error(`${path.relative(repoRoot, builtCli)} is older than ${path.relative(repoRoot, file)}; ${build}`);
            }
        }
    }
}

function seen(d: Diagnostic): Seen {
    return {
        line: d.range.start.line, character: d.range.start.character, endLine: d.range.end.line, endCharacter: d.range.end.character,
        severity: d.severity, code: String(d.code ?? ''), message: typeof d.message === 'string' ? d.message : d.message.value,
    };
}

function byPosition(a: Seen, b: Seen): number {
    return a.line - b.line || a.character - b.character || a.code.localeCompare(b.code) || a.message.localeCompare(b.message);
}

export function codes(seenList: readonly Seen[]): string[] {
    return seenList.map(d => d.code).sort();
}

async function withDeadline<T>(promise: Promise<T>, ms: number): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    try {
        return await Promise.race([promise, new Promise<never>((_, reject) => { timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms); })]);
    } finally {
        clearTimeout(timer);
    }
}
