// An untitled editor (a plan typed into a new, never saved document) through the real server
// process: it is checked while open, and once closed it is gone, and the server goes on
// checking the workspace. Closing one used to leave a document with no language behind, which
// failed every later update: diagnostics, hover and rename all stopped in the real editor.

import { DidCloseTextDocumentNotification, DidOpenTextDocumentNotification, HoverRequest } from 'vscode-languageserver-protocol';
import { afterEach, describe, expect, test } from 'vitest';
import { TrellisServer } from './lsp-client.js';

let server: TrellisServer | undefined;
afterEach(async () => {
    await server?.stop();
    server = undefined;
});

const untitled = 'untitled:Untitled-1';

describe('an untitled plan document', () => {
    test('is checked while open; once closed, edits elsewhere are still checked and requests answered', async () => {
        server = await TrellisServer.start({
            'teams.trellis': 'team platform "Platform" { type platform capacity 4 }\n',
            'bets.trellis': 'bet sso "Single sign-on" { owner platform 50% during 2027-Q1 }\n',
        }, { settings: { today: '2027-01-15' } });
        await server.diagnosticsOf('teams.trellis', seen => seen.length === 0, 'no findings');

        for (const text of ['team scratch ', 'team scratch {}', 'team scratch {\n  name "Scratch\n}', 'team scratch {\n  name "Scratch"\n}']) {
            await server.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: untitled, languageId: 'trellis', version: 1, text } });
            await server.diagnosticsOf(untitled, () => true, 'diagnostics for the untitled document');
            await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: untitled } });
        }

        // The workspace goes on: an overload in bets.trellis shows on the team in teams.trellis.
        await server.open('bets.trellis');
        await server.change('bets.trellis', 'bet sso "Single sign-on" { owner platform 80% during 2027-Q1 }\nbet login { owner platform 50% during 2027-Q1 }\n');
        const seen = await server.diagnosticsOf('teams.trellis', s => s.some(d => d.code === 'overloaded-team'), 'the overload after the edit');
        expect(seen.map(d => d.code)).toContain('overloaded-team');
        const hover = await server.answer(server.connection.sendRequest(HoverRequest.type, { textDocument: { uri: server.uri('bets.trellis') }, position: { line: 0, character: 40 } }), 'a hover');
        expect(JSON.stringify(hover)).toContain('platform');
    });
});
