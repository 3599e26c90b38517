// A long session with the real server: 2,000 seeded random edits across 20 plan files, as an
// editor and a file watcher produce them while someone works and switches branches: edits of
// open files, files opened and closed (saved or not), and files created, changed, deleted and
// renamed on disk and reported with `workspace/didChangeWatchedFiles`, some of them created
// and deleted again before the server could read them. It must end, for every file, in the
// diagnostics a fresh server gives for the final files, with the server still running.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { WorkspaceSymbolRequest } from 'vscode-languageserver-protocol/node';
import { generatePlan, layoutPlan, random, type Random } from '../../bench/generate.mjs';
import { TrellisServer, type Seen } from './lsp-client.js';

const seed = 20261202;
/** Edits of open files; the other steps (about a third) come on top. */
const edits = 2000;
const today = '2027-02-01';

const servers: TrellisServer[] = [];
afterEach(async () => {
    await Promise.all(servers.splice(0).map(s => s.stop()));
});

type FileEvent = { file: string; type: 'created' | 'changed' | 'deleted' };

/** What the editor and the disk hold, as the session goes. */
class Session {
    readonly open = new Map<string, string>();
    /** File events not yet reported (a watcher reports some late). */
    readonly pending: FileEvent[] = [];
    /** How many steps of each kind were taken. */
    readonly counts = new Map<string, number>();
    private created = 0;

    constructor(readonly server: TrellisServer, readonly r: Random, readonly names: readonly string[], readonly teams: readonly string[]) {}

    get folder(): string {
        return this.server.folder;
    }

    onDisk(): string[] {
        return fs.readdirSync(this.folder).filter(f => f.endsWith('.trellis')).sort();
    }

    closed(): string[] {
        return this.onDisk().filter(f => !this.open.has(f));
    }

    read(file: string): string {
        return fs.readFileSync(path.join(this.folder, file), 'utf8');
    }

    write(file: string, text: string): void {
        fs.writeFileSync(path.join(this.folder, file), text);
    }

    remove(file: string): void {
        fs.rmSync(path.join(this.folder, file));
    }

    newName(): string {
        return `soak-${++this.created}.trellis`;
    }

    /** A few elements that touch the rest of the plan: load on its teams, dependencies on its bets. */
    newText(): string {
        const { r } = this;
        const lines: string[] = [];
        for (let i = 0, n = r.int(1, 4); i < n; i++) {
            const name = `soak-b${this.created}-${i}`;
            lines.push(`bet ${name} {`, `  owner ${r.pick(this.teams)} ${r.int(1, 12) * 5}%`, `  during 2027-Q${r.int(1, 4)}`);
            if (r.chance(0.5)) lines.push(`  depends-on ${r.pick(this.names)}`);
            lines.push('}');
        }
        if (r.chance(0.3)) lines.push(`team ${r.chance(0.5) ? r.pick(this.teams) : `soak-t${this.created}`} { capacity ${r.int(1, 6)} }`);
        return `${lines.join('\n')}\n`;
    }

    /** One random change to a plan text, of the kinds typing makes (some leave it broken for a while). */
    mutate(text: string): string {
        const { r } = this;
        const lines = text.split('\n');
        const at = r.int(0, lines.length - 1);
        const roll = r.next();
        if (roll < 0.3) {
            const numbers = [...text.matchAll(/\b\d+%|capacity \d+/g)];
            if (numbers.length === 0) return text + '\n';
            const m = r.pick(numbers);
            const value = m[0].startsWith('capacity') ? `capacity ${r.int(0, 9)}` : `${r.int(0, 24) * 5}%`;
            return text.slice(0, m.index) + value + text.slice(m.index! + m[0].length);
        }
        if (roll < 0.5) {
            lines.splice(at, 1);
        } else if (roll < 0.75) {
            lines.splice(at, 0, r.pick([
                `  depends-on ${r.pick(this.names)}`, `  owner ${r.pick(this.teams)} ${r.int(1, 20) * 5}%`, '  stage dropped', '}',
                `bet typed-${r.int(1, 30)} { owner ${r.pick(this.teams)} ${r.int(1, 20) * 5}% during 2027-Q${r.int(1, 4)} }`,
                `team ${r.pick(this.teams)} { capacity 2 }`, `  support ${r.pick(this.teams)} 10%`,
            ]));
        } else {
            const p = r.int(0, text.length);
            return text.slice(0, p) + r.pick([' ', '{', '}', '%', '"', '-', '\n', 'x']) + text.slice(p);
        }
        return lines.join('\n');
    }

    async report(events: FileEvent[]): Promise<void> {
        if (events.length > 0) await this.server.filesChanged(events);
    }

    private count(kind: string): void {
        this.counts.set(kind, (this.counts.get(kind) ?? 0) + 1);
    }

    /** One step of the session. */
    async step(): Promise<void> {
        const { r, server } = this;
        if (this.pending.length > 0 && r.chance(0.3)) await this.report(this.pending.splice(0));
        const roll = r.next();
        const closed = this.closed();
        if (roll < 0.7 || closed.length === 0) {
            if (this.open.size === 0 || (r.chance(0.05) && closed.length > 0)) {
                const file = r.pick(closed.length > 0 ? closed : this.onDisk());
                this.open.set(file, this.read(file));
                await server.open(file, this.open.get(file));
            }
            const file = r.pick([...this.open.keys()]);
            const text = r.chance(0.1) ? this.read(file) : this.mutate(this.open.get(file)!); // sometimes undone to the saved text
            this.open.set(file, text);
            await server.change(file, text);
            this.count('edit');
        } else if (roll < 0.76) {
            const file = r.pick(closed);
            this.open.set(file, this.read(file));
            await server.open(file);
            this.count('open');
        } else if (roll < 0.82) {
            if (this.open.size === 0) return;
            const file = r.pick([...this.open.keys()]);
            if (r.chance(0.5)) {
                this.write(file, this.open.get(file)!); // saved, then closed
                await this.report([{ file, type: 'changed' }]);
            }
            this.open.delete(file);
            await server.close(file);
            this.count('close');
        } else if (roll < 0.86) {
            const file = this.newName();
            this.write(file, this.newText());
            await this.report([{ file, type: 'created' }]);
            this.count('create');
        } else if (roll < 0.89) {
            if (closed.length <= 12) return;
            const file = r.pick(closed);
            this.remove(file);
            (r.chance(0.5) ? this.pending : []).push({ file, type: 'deleted' });
            if (!this.pending.some(e => e.file === file)) await this.report([{ file, type: 'deleted' }]);
            this.count('delete');
        } else if (roll < 0.92) {
            const file = r.pick(closed), renamed = this.newName();
            this.write(renamed, this.read(file));
            this.remove(file);
            await this.report([{ file, type: 'deleted' }, { file: renamed, type: 'created' }]);
            this.count('rename');
        } else if (roll < 0.95) {
            // Created and gone again before the server reads it; the deletion is reported now or later.
            const file = this.newName();
            this.write(file, this.newText());
            await this.report([{ file, type: 'created' }]);
            this.remove(file);
            if (r.chance(0.5)) this.pending.push({ file, type: 'deleted' });
            else await this.report([{ file, type: 'deleted' }]);
            this.count('created and gone');
        } else if (roll < 0.98) {
            const file = r.pick(closed);
            this.write(file, this.mutate(this.read(file)));
            await this.report([{ file, type: 'changed' }]);
            this.count('change on disk');
        } else {
            // A branch switch: several files changed, one deleted, one created, reported together.
            const events: FileEvent[] = [];
            for (const file of closed.slice(0, r.int(1, 4))) {
                this.write(file, this.mutate(this.read(file)));
                events.push({ file, type: 'changed' });
            }
            if (closed.length > 13) {
                const file = closed[closed.length - 1];
                this.remove(file);
                events.push({ file, type: 'deleted' });
            }
            const file = this.newName();
            this.write(file, this.newText());
            events.push({ file, type: 'created' });
            await this.report(events);
            this.count('branch switch');
        }
    }

    /** Saves and closes every open file and reports what is still unreported: the final files are the files on disk. */
    async finish(): Promise<void> {
        await this.report(this.pending.splice(0));
        for (const [file, text] of this.open) {
            this.write(file, text);
            await this.report([{ file, type: 'changed' }]);
            await this.server.close(file);
        }
        this.open.clear();
    }
}

describe('a long session of edits, closed and reopened files, and files created, deleted and renamed on disk', () => {
    test(`${edits} seeded random edits across 20 files, and files opened, closed, created, deleted and renamed, end in the diagnostics of a fresh server on the final files`, { timeout: 180_000 }, async () => {
        const plan = generatePlan(1000, 3);
        const { files } = layoutPlan(plan, 'spread');
        const initial = Object.fromEntries([...files].map(([name, text]) => [path.basename(name), text]));
        expect(Object.keys(initial)).toHaveLength(20);

        const server = await TrellisServer.start(initial, { settings: { today } });
        servers.push(server);
        await server.until(() => Object.keys(initial).every(f => server.diagnostics.has(f)), () => 'diagnostics for every file at start', 60_000);
        const names = [...plan.bets, ...plan.teams].map(e => e.name);
        const session = new Session(server, random(seed), names, plan.teams.map(t => t.name));
        for (let i = 0; (session.counts.get('edit') ?? 0) < edits; i++) {
            await session.step();
            // Now and then the editor waits for an answer, as a user waits for a result: the server catches up.
            if (i % 100 === 99) await server.answer(server.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'soak' }), 'workspace symbols', 60_000);
            else if (server.exited) throw new Error(`the server exited after ${i} steps: ${server.errorOutput}`);
        }
        await session.finish();
        // Every kind of step happened, many times.
        expect([...session.counts.keys()].sort()).toEqual(['branch switch', 'change on disk', 'close', 'create', 'created and gone', 'delete', 'edit', 'open', 'rename']);
        for (const [kind, n] of session.counts) expect(n, kind).toBeGreaterThanOrEqual(kind === 'edit' ? edits : 10);

        const final = Object.fromEntries(session.onDisk().map(f => [f, session.read(f)]));
        const fresh = await TrellisServer.start(final, { settings: { today } });
        servers.push(fresh);
        const finalFiles = Object.keys(final);
        await fresh.until(() => finalFiles.every(f => fresh.diagnostics.has(f)), () => 'diagnostics for every file on a fresh start', 60_000);
        const expected = new Map(finalFiles.map(f => [f, fresh.diagnostics.get(f)!]));
        // The session is worth comparing: files were deleted and created, and the plan has things to say.
        expect(finalFiles.filter(f => f.startsWith('soak-')).length).toBeGreaterThan(0);
        expect(Object.keys(initial).filter(f => !(f in final)).length).toBeGreaterThan(0);
        expect([...expected.values()].flat().length).toBeGreaterThan(50);

        const gone = [...server.diagnostics.keys()].filter(f => !(f in final));
        const same = (a: readonly Seen[] | undefined, b: readonly Seen[]) => JSON.stringify(a) === JSON.stringify(b);
        await server.until(
            () => finalFiles.every(f => same(server.diagnostics.get(f), expected.get(f)!)) && gone.every(f => server.diagnostics.get(f)!.length === 0),
            () => `the diagnostics of a fresh server:\n${[
                ...finalFiles.filter(f => !same(server.diagnostics.get(f), expected.get(f)!))
                    .map(f => `${f}\n  expected ${JSON.stringify(expected.get(f))}\n  got      ${JSON.stringify(server.diagnostics.get(f) ?? 'nothing')}`),
                ...gone.filter(f => server.diagnostics.get(f)!.length > 0).map(f => `${f} is gone but still shows ${server.diagnostics.get(f)!.length} diagnostics`),
            ].join('\n')}`,
            60_000,
        );
        expect(server.exited).toBeUndefined();
        expect(server.errorOutput).not.toMatch(/ENOENT|unhandled/i);
    });
});
