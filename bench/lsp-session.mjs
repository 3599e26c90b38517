// A language client for the benchmark: starts `trellis lsp --stdio` on a workspace, as an
// editor would, and measures what a user waits for: every file's diagnostics at startup, fresh
// diagnostics after an edit (including the finding the edit causes in another, unopened file),
// and hovers.

import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { pathToFileURL } from 'node:url';
import { createProtocolConnection, StreamMessageReader, StreamMessageWriter } from 'vscode-languageserver-protocol/node';

const uriOf = file => pathToFileURL(file).href;

export class LspSession {
    /** Starts the server on `root` and resolves once every one of `fileCount` files has diagnostics. */
    static async start({ cli, root, fileCount, today, timeoutMs = 600_000 }) {
        const session = new LspSession();
        const t0 = performance.now();
        session.process = spawn(process.execPath, [cli, 'lsp', '--stdio'], { stdio: ['pipe', 'pipe', 'pipe'] });
        session.stderr = '';
        session.exited = undefined;
        session.process.stderr.on('data', chunk => { session.stderr += chunk; });
        // A server that stops is a failure now, not a wait until the timeout.
        session.process.once('exit', (code, signal) => {
            session.exited = `the server exited (${signal ?? `code ${code}`})`;
            for (const waiter of [...session.waiters]) waiter();
        });
        session.connection = createProtocolConnection(new StreamMessageReader(session.process.stdout), new StreamMessageWriter(session.process.stdin));
        session.diagnostics = new Map();
        session.waiters = [];
        session.lastPublish = 0;
        session.connection.onNotification('textDocument/publishDiagnostics', params => {
            session.diagnostics.set(params.uri, { at: performance.now(), diagnostics: params.diagnostics });
            session.lastPublish = performance.now();
            for (const waiter of [...session.waiters]) waiter();
        });
        session.connection.onRequest('workspace/configuration', params => params.items.map(item => (item.section === 'trellis' ? { today } : item.section === 'trellis.today' ? today : null)));
        session.connection.onRequest((_method, _params) => null);
        // The server's console output arrives as log messages: kept, to say what it logged when a wait fails.
        session.log = [];
        session.connection.onNotification('window/logMessage', params => {
            session.log.push(params.message);
            if (session.log.length > 20) session.log.shift();
        });
        session.connection.onNotification((_method, _params) => undefined);
        session.connection.listen();
        await session.connection.sendRequest('initialize', {
            processId: process.pid,
            rootUri: uriOf(root),
            workspaceFolders: [{ uri: uriOf(root), name: path.basename(root) }],
            capabilities: {
                workspace: { configuration: true, workspaceFolders: true },
                textDocument: { publishDiagnostics: {}, hover: { contentFormat: ['markdown', 'plaintext'] }, synchronization: {} },
            },
        });
        session.connection.sendNotification('initialized', {});
        await session.until(() => session.diagnostics.size >= fileCount, timeoutMs, () => `diagnostics for all ${fileCount} files (${session.missing(root)})`);
        session.startupMs = performance.now() - t0;
        session.versions = new Map();
        return session;
    }

    /** Which plan files under `root` never got diagnostics: what a stalled start-up waits for. */
    missing(root) {
        const files = fs.readdirSync(root, { recursive: true }).filter(f => String(f).endsWith('.trellis')).map(f => uriOf(path.join(root, String(f))));
        const never = files.filter(uri => !this.diagnostics.has(uri)).map(uri => path.relative(root, new URL(uri).pathname));
        return never.length === 0 ? 'every file has some' : `never got any: ${never.slice(0, 10).join(', ')}${never.length > 10 ? ` and ${never.length - 10} more` : ''}`;
    }

    /** Resolves when `condition()` holds, checking after every diagnostics notification; `what` may be a function, read when it fails. */
    until(condition, timeoutMs, whatOrDescribe) {
        const describe = () => (typeof whatOrDescribe === 'function' ? whatOrDescribe() : whatOrDescribe);
        if (condition()) return Promise.resolve();
        const what = { toString: describe };
        if (this.exited) return Promise.reject(new Error(`${this.exited} before ${what}: ${this.stderr.slice(-2000)}`));
        return new Promise((resolve, reject) => {
            const timer = setTimeout(() => {
                this.waiters = this.waiters.filter(w => w !== check);
                const said = [this.stderr.slice(-2000), ...this.log.map(m => m.slice(0, 500))].filter(Boolean).join('\n');
                reject(new Error(`timed out after ${timeoutMs} ms waiting for ${what}${said ? `; server said: ${said}` : ''}`));
            }, timeoutMs);
            const check = () => {
                if (this.exited) {
                    clearTimeout(timer);
                    this.waiters = this.waiters.filter(w => w !== check);
                    reject(new Error(`${this.exited} while waiting for ${what}${this.stderr ? `; it said: ${this.stderr.slice(-2000)}` : ''}`));
                    return;
                }
                if (!condition()) return;
                clearTimeout(timer);
                this.waiters = this.waiters.filter(w => w !== check);
                resolve();
            };
            this.waiters.push(check);
        });
    }

    /** Waits until no diagnostics have arrived for `quietMs`: the server has finished the round. */
    async settle(quietMs = 250, timeoutMs = 60_000) {
        const start = performance.now();
        for (;;) {
            const since = performance.now() - this.lastPublish;
            if (since >= quietMs) return;
            if (performance.now() - start > timeoutMs) return;
            await new Promise(resolve => setTimeout(resolve, quietMs - since + 5));
        }
    }

    open(file) {
        const uri = uriOf(file);
        if (this.versions.has(uri)) return;
        this.versions.set(uri, 1);
        this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'trellis', version: 1, text: fs.readFileSync(file, 'utf8') } });
    }

    /**
     * Replaces an open file's text and measures until `fresh(diagnosticsOf)` holds and the
     * edited file itself got diagnostics after the change. Returns milliseconds.
     */
    async edit(file, text, fresh, timeoutMs = this.editTimeoutMs ?? 60_000) {
        const uri = uriOf(file);
        const version = (this.versions.get(uri) ?? 1) + 1;
        this.versions.set(uri, version);
        const t0 = performance.now();
        this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
        await this.until(() => (this.diagnostics.get(uri)?.at ?? 0) > t0 && fresh(f => this.diagnostics.get(uriOf(f))?.diagnostics ?? []), timeoutMs, `fresh diagnostics after editing ${path.basename(file)}`);
        return performance.now() - t0;
    }

    async hover(file, line, character) {
        const t0 = performance.now();
        const result = await this.connection.sendRequest('textDocument/hover', { textDocument: { uri: uriOf(file) }, position: { line, character } });
        return { ms: performance.now() - t0, result };
    }

    /** The server's resident memory now, in bytes (Linux only). */
    rss() {
        try {
            const status = fs.readFileSync(`/proc/${this.process.pid}/status`, 'utf8');
            const kb = /VmRSS:\s+(\d+)/.exec(status);
            return kb ? Number(kb[1]) * 1024 : undefined;
        } catch {
            return undefined;
        }
    }

    async stop() {
        try {
            await Promise.race([this.connection.sendRequest('shutdown'), new Promise(resolve => setTimeout(resolve, 5000))]);
            this.connection.sendNotification('exit');
        } catch {
            // the server is gone already
        }
        await new Promise(resolve => {
            const timer = setTimeout(() => { this.process.kill('SIGKILL'); resolve(); }, 5000);
            this.process.once('exit', () => { clearTimeout(timer); resolve(); });
        });
        this.connection.dispose();
    }
}
