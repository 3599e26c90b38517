// The real server under load and abuse: a burst of 500 full-text edits must end in exactly
// the diagnostics a fresh server gives for the final text; garbage bytes on disk and random
// input typed into an open file must never bring it down or make a request fail.

import { afterEach, describe, expect, test } from 'vitest';
import {
    CodeActionRequest, CodeLensRequest, CompletionRequest, DefinitionRequest, DocumentFormattingRequest, DocumentHighlightRequest,
    DocumentSymbolRequest, ErrorCodes, FoldingRangeRequest, HoverRequest, InlayHintRequest, LSPErrorCodes, ReferencesRequest, ResponseError,
    SemanticTokensRequest,
} from 'vscode-languageserver-protocol/node';
import { codes, TrellisServer, type Seen } from './lsp-client.js';
import { bets, planFiles } from './workspace-fixture.js';

const servers: TrellisServer[] = [];
async function start(files: Record<string, string | Uint8Array>): Promise<TrellisServer> {
    // No trellis.today here: both servers of a comparison judge against the same system date
    // from their first build on, so a fresh server's first diagnostics are its final ones.
    const server = await TrellisServer.start(files);
    servers.push(server);
    return server;
}
afterEach(async () => {
    await Promise.all(servers.splice(0).map(s => s.stop()));
});

/** Waits until the server has published diagnostics for every file, and returns them. */
async function settled(server: TrellisServer, files: readonly string[]): Promise<Record<string, Seen[]>> {
    await server.until(() => files.every(f => server.diagnostics.has(f)), () => `diagnostics for ${files.filter(f => !server.diagnostics.has(f)).join(', ')}`);
    return Object.fromEntries(files.map(f => [f, server.diagnostics.get(f)!]));
}

/** A deterministic pseudo-random generator (mulberry32), so a failure can be replayed. */
function random(seed: number): () => number {
    return () => {
        seed |= 0;
        seed = (seed + 0x6D2B79F5) | 0;
        let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
        t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
}

// Two servers, 500 edits and 300 fuzzed ones: more than the default test time on a busy machine.
const slow = { timeout: 90_000 };

describe('a burst of 500 edits', slow, () => {
    /** Typed at the end of bets.trellis: overloads platform (60% + 30% + 45% in 2027-Q1) and has no review. */
    const rush = '\nbet rush "Rush job" {\n  goal faster\n  owner platform 45%\n  funding new-offering\n  during 2027-Q1\n}\n';

    /** 500 texts of bets.trellis, as typed: the new bet typed, half deleted, retyped, with allocation tweaks elsewhere. */
    function keystrokes(): string[] {
        const lengths: number[] = [];
        let length = 0;
        let direction = 1;
        while (lengths.length < 499) {
            length += direction;
            if (length >= rush.length) direction = -1;
            if (length <= Math.floor(rush.length / 3)) direction = 1;
            lengths.push(length);
        }
        const texts = lengths.map((n, i) => {
            const base = i % 37 === 0 ? bets.replace('owner platform 60%', `owner platform ${i % 100}%`) : bets;
            return base + rush.slice(0, n);
        });
        texts.push(bets + rush);
        return texts;
    }

    test('ends in the diagnostics a fresh server gives for the final text', async () => {
        const texts = keystrokes();
        expect(texts).toHaveLength(500);
        const final = texts[texts.length - 1];
        const files = Object.keys(planFiles);

        const fresh = await start({ ...planFiles, 'bets.trellis': final });
        const expected = await settled(fresh, files);
        // The final text is worth comparing: a cross-file finding and one on the new bet.
        expect(codes(expected['teams.trellis'])).toEqual(['overloaded-team']);
        expect(codes(expected['bets.trellis'])).toContain('missing-review');

        const edited = await start(planFiles);
        await settled(edited, files);
        await edited.open('bets.trellis');
        for (const text of texts) await edited.change('bets.trellis', text);

        await edited.until(
            () => files.every(f => JSON.stringify(edited.diagnostics.get(f)) === JSON.stringify(expected[f])),
            () => `the diagnostics of a fresh start:\n${files.map(f => `${f}\n  expected ${JSON.stringify(expected[f])}\n  got      ${JSON.stringify(edited.diagnostics.get(f))}`).join('\n')}`,
        );
        expect(edited.exited).toBeUndefined();
    });
});

describe('any input', slow, () => {
    /** Bytes no editor would write: NULs, invalid UTF-8, lone surrogates, stray braces and quotes. */
    function garbage(seed: number, size: number): Uint8Array {
        const next = random(seed);
        const bytes = new Uint8Array(size);
        const specials = [0x00, 0xff, 0xfe, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x7b, 0x7d, 0x22, 0x25, 0x0a, 0x0d, 0x2e];
        for (let i = 0; i < size; i++) bytes[i] = next() < 0.3 ? specials[Math.floor(next() * specials.length)] : Math.floor(next() * 256);
        return bytes;
    }

    test('garbage bytes in plan files are syntax errors, and the rest of the plan is still checked', async () => {
        const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]);
        const server = await start({ ...planFiles, 'garbage.trellis': garbage(1, 8192), 'image.trellis': png, 'empty.trellis': '' });
        const seen = await settled(server, [...Object.keys(planFiles), 'garbage.trellis', 'image.trellis', 'empty.trellis']);
        expect(codes(seen['garbage.trellis'])).toContain('syntax-error');
        expect(codes(seen['image.trellis'])).toContain('syntax-error');
        expect(seen['empty.trellis']).toEqual([]);
        expect(codes(seen['plans/extra.trellis'])).toEqual(['unresolved-reference']);
        expect(server.exited).toBeUndefined();
    });

    test('random text typed into an open file never brings the server down or fails a request', async () => {
        const server = await start(planFiles);
        await settled(server, Object.keys(planFiles));
        await server.open('bets.trellis');
        const next = random(42);
        const words = ['baseline', 'target', 'capacity', 'metric', 'bet', 'team', 'owner', 'support', '{', '}', '{{{{', '"', '%', ',', '..', '2027-Q9', '2027-02-30', '9999999999999999999999', '-0',
            'depends-on', 'allow', 'check', 'policy', 'north-star', '/*', '*/', '//', '\u0000', '\uD800', '🚀', 'platform', 'sso', 'faster', '\n', ' ', '\t'];
        const failures: string[] = [];
        let text = bets;
        for (let i = 0; i < 300; i++) {
            const at = Math.floor(next() * (text.length + 1));
            const roll = next();
            if (roll < 0.35) text = text.slice(0, at) + text.slice(Math.min(text.length, at + 1 + Math.floor(next() * 20)));
            else if (roll < 0.9) text = text.slice(0, at) + words[Math.floor(next() * words.length)] + text.slice(at);
            else text = text.slice(0, at) + String.fromCharCode(...Array.from({ length: 8 }, () => Math.floor(next() * 0xffff))) + text.slice(at);
            await server.change('bets.trellis', text);
            if (i % 25 === 24) failures.push(...await everyFeature(server, text, next));
        }
        expect(failures).toEqual([]);
        // Still serving: the original text gives the original diagnostics again.
        await server.change('bets.trellis', bets);
        await server.diagnosticsOf('plans/extra.trellis', d => codes(d).join() === 'unresolved-reference');
        await server.diagnosticsOf('bets.trellis', d => !codes(d).includes('syntax-error'), 'no syntax error once the text is whole again');
        expect(server.exited).toBeUndefined();
    });
});

/** Asks for every read-only feature at a random place; returns the requests that failed. */
async function everyFeature(server: TrellisServer, text: string, next: () => number): Promise<string[]> {
    const lines = text.split('\n');
    const line = Math.floor(next() * lines.length);
    const position = { line, character: Math.floor(next() * (lines[line].length + 1)) };
    const textDocument = { uri: server.uri('bets.trellis') };
    const range = { start: { line: 0, character: 0 }, end: { line: lines.length, character: 0 } };
    const requests: Array<[string, Promise<unknown>]> = [
        ['hover', server.connection.sendRequest(HoverRequest.type, { textDocument, position })],
        ['completion', server.connection.sendRequest(CompletionRequest.type, { textDocument, position })],
        ['code lens', server.connection.sendRequest(CodeLensRequest.type, { textDocument })],
        ['inlay hints', server.connection.sendRequest(InlayHintRequest.type, { textDocument, range })],
        ['symbols', server.connection.sendRequest(DocumentSymbolRequest.type, { textDocument })],
        ['semantic tokens', server.connection.sendRequest(SemanticTokensRequest.type, { textDocument })],
        ['formatting', server.connection.sendRequest(DocumentFormattingRequest.type, { textDocument, options: { tabSize: 2, insertSpaces: true } })],
        ['definition', server.connection.sendRequest(DefinitionRequest.type, { textDocument, position })],
        ['references', server.connection.sendRequest(ReferencesRequest.type, { textDocument, position, context: { includeDeclaration: true } })],
        ['highlights', server.connection.sendRequest(DocumentHighlightRequest.type, { textDocument, position })],
        ['folding', server.connection.sendRequest(FoldingRangeRequest.type, { textDocument })],
        // The client's diagnostics may be a few edits behind the text, as in a real editor.
        ['quick fixes', server.connection.sendRequest(CodeActionRequest.type, {
            textDocument, range: { start: position, end: position }, context: { diagnostics: server.published.get('bets.trellis') ?? [] },
        })],
    ];
    const failures: string[] = [];
    for (const [name, request] of requests) {
        try {
            await request;
        } catch (error) {
            // Work made stale by a newer edit may be cancelled; anything else is a failure the user would see.
            const code = error instanceof ResponseError ? error.code : undefined;
            if (code !== LSPErrorCodes.RequestCancelled && code !== LSPErrorCodes.ContentModified && code !== ErrorCodes.PendingResponseRejected) {
                failures.push(`${name} at ${position.line}:${position.character}: ${(error as Error).message}`);
            }
        }
    }
    return failures;
}
