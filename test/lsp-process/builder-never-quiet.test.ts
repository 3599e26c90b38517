// The language server's document builder, in process, in the situations that left files
// without diagnostics: the first build of the workspace cancelled by the update that follows
// it (the start-up stall of the benchmark), a file gone by the time it is read, and a fault
// while checking one file.

import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { DocumentState, EmptyFileSystem, URI, type LangiumDocument } from 'langium';
import { NodeFileSystem } from 'langium/node';
import { CancellationTokenSource } from 'vscode-languageserver';
import { describe, expect, test, vi } from 'vitest';
import { createTrellisServices } from '../../language/trellis-module.js';
import { uriOf } from '../helpers.js';

const files: Record<string, string> = {
    'teams.trellis': 'team platform { type platform capacity 1 }\n',
    'bets.trellis': 'bet sso { owner platform 80% during 2027-Q1 }\nbet login { owner platform 30% during 2027-Q1 depends-on sso }\n',
    'other.trellis': 'bet lonely { owner nobody 10% }\n',
};

function workspace() {
    const { shared, Trellis } = createTrellisServices(EmptyFileSystem);
    Trellis.plan.PlanService.setToday('2027-01-15');
    const documents: LangiumDocument[] = [];
    for (const [name, text] of Object.entries(files)) {
        const doc = shared.workspace.LangiumDocumentFactory.fromString(text, uriOf(name));
        shared.workspace.LangiumDocuments.addDocument(doc);
        documents.push(doc);
    }
    return { shared, Trellis, documents };
}

const codesOf = (doc: LangiumDocument) => (doc.diagnostics ?? []).map(d => d.code).sort();

describe('the builder never leaves a file without diagnostics', () => {
    test('when the first build (which does not validate) is cancelled by the update that follows it', async () => {
        const { shared, documents } = workspace();
        const builder = shared.workspace.DocumentBuilder;
        const first = new CancellationTokenSource();
        // As the server starts: the first build has no validation; the update that reads the
        // settings comes while it links, and cancels it.
        const stop = builder.onDocumentPhase(DocumentState.IndexedContent, () => first.cancel());
        await builder.build(documents, {}, first.token).catch(() => undefined);
        stop.dispose();
        expect(documents.some(d => d.state < DocumentState.Validated)).toBe(true);

        await builder.update([], []);
        for (const doc of documents) expect(doc.state, doc.uri.path).toBe(DocumentState.Validated);
        expect(codesOf(documents[0])).toEqual(['one-person-team', 'overloaded-team']);
        expect(codesOf(documents[2])).toContain('unresolved-reference');
    });

    test('a file reported as changed but gone when read is dropped, and the others are checked without it', async () => {
        const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-gone-'));
        try {
            const { shared } = createTrellisServices(NodeFileSystem);
            const documents: LangiumDocument[] = [];
            for (const [name, text] of Object.entries({ ...files, 'new-69.trellis': 'team ghost { capacity 3 }\nbet haunt { owner ghost 10% }\n' })) {
                fs.writeFileSync(path.join(folder, name), text);
                documents.push(await shared.workspace.LangiumDocuments.getOrCreateDocument(URI.file(path.join(folder, name))));
            }
            const builder = shared.workspace.DocumentBuilder;
            await builder.build(documents, { validation: true });
            // Changed, then deleted before the server read it: Langium threw ENOENT out of the whole update.
            const gone = URI.file(path.join(folder, 'new-69.trellis'));
            fs.rmSync(gone.fsPath);
            await builder.update([gone], []);
            expect(shared.workspace.LangiumDocuments.hasDocument(gone)).toBe(false);
            const rest = documents.slice(0, 3).map(d => shared.workspace.LangiumDocuments.getDocument(d.uri)!);
            for (const doc of rest) expect(doc.state, doc.uri.path).toBe(DocumentState.Validated);
            expect(codesOf(rest[0])).toEqual(['one-person-team', 'overloaded-team']);
            // A later change still works.
            fs.writeFileSync(path.join(folder, 'other.trellis'), 'bet lonely { owner platform 10% }\n');
            await builder.update([rest[2].uri], []);
            expect(codesOf(shared.workspace.LangiumDocuments.getDocument(rest[2].uri)!)).not.toContain('unresolved-reference');
        } finally {
            fs.rmSync(folder, { recursive: true, force: true });
        }
    });

    test('a request that waits for the workspace is answered after an update in which no file had to be read again', async () => {
        const { shared, documents } = workspace();
        const builder = shared.workspace.DocumentBuilder;
        await builder.build(documents, { validation: true });
        // Deleting a file re-reads no other: no document goes through the early phases.
        const update = builder.update([], [documents[2].uri]);
        let answered = false;
        const request = builder.waitUntil(DocumentState.IndexedContent).then(() => { answered = true; });
        await update;
        for (let i = 0; i < 5 && !answered; i++) await new Promise(resolve => setImmediate(resolve));
        expect(answered).toBe(true);
        await request;
    });

    test('a fault while checking one file leaves that file one diagnostic saying so, and every other file its findings', async () => {
        const { shared, Trellis, documents } = workspace();
        const validator = Trellis.validation.DocumentValidator;
        const validate = validator.validateDocument.bind(validator);
        validator.validateDocument = (doc, ...rest) => {
            if (doc.uri.path.endsWith('bets.trellis')) throw new Error('a fault');
            return validate(doc, ...rest);
        };
        const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
        let logged: unknown[][];
        try {
            await shared.workspace.DocumentBuilder.build(documents, { validation: true });
        } finally {
            logged = spy.mock.calls.map(call => [...call]);
            spy.mockRestore();
        }
        expect(logged).toEqual([[expect.stringContaining('could not check file:///workspace/bets.trellis'), expect.any(Error)]]);
        expect(documents[1].diagnostics?.map(d => d.message)).toEqual([expect.stringContaining('Trellis could not check this file (a fault)')]);
        expect(codesOf(documents[0])).toEqual(['one-person-team', 'overloaded-team']);
        expect(codesOf(documents[2])).toContain('unresolved-reference');
    });
});
