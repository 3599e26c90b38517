// Editor features through the real server process: hover with the plan's figures, rename
// edits across files (and a refusal the user can read), a quick fix built from the
// diagnostic the client got back, completion and formatting.

import { TextDocument } from 'langium';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
    CodeActionRequest, CompletionRequest, DefinitionRequest, DocumentFormattingRequest, HoverRequest, RenameRequest, ResponseError,
    type CodeAction, type CompletionItem, type CompletionList, type Location, type LocationLink, type MarkupContent, type TextEdit, type WorkspaceEdit,
} from 'vscode-languageserver-protocol/node';
import { TrellisServer } from './lsp-client.js';
import { bets, extra, planFiles, strategy, teams, today } from './workspace-fixture.js';

let server: TrellisServer;
beforeAll(async () => {
    server = await TrellisServer.start(planFiles, { settings: { today } });
    await server.diagnosticsOf('plans/extra.trellis', d => d.length > 0);
});
afterAll(async () => {
    await server?.stop();
});

const texts: Record<string, string> = { 'teams.trellis': teams, 'strategy.trellis': strategy, 'bets.trellis': bets, 'plans/extra.trellis': extra };

/** The position of the first occurrence of `needle` in a file, plus `delta` characters. */
function at(file: string, needle: string, delta = 0): { textDocument: { uri: string }; position: { line: number; character: number } } {
    const text = texts[file];
    const offset = text.indexOf(needle);
    if (offset < 0) throw new Error(`'${needle}' is not in ${file}`);
    const doc = TextDocument.create(server.uri(file), 'trellis', 1, text);
    return { textDocument: { uri: server.uri(file) }, position: doc.positionAt(offset + delta) };
}

/** Applies a workspace edit to the files' texts, per file name. */
function apply(edit: WorkspaceEdit | null): Record<string, string> {
    const result: Record<string, string> = {};
    for (const [uri, edits] of Object.entries(edit?.changes ?? {})) {
        const file = server.fileOf(uri);
        result[file] = TextDocument.applyEdits(TextDocument.create(uri, 'trellis', 1, texts[file]), edits);
    }
    return result;
}

describe('hover', () => {
    test('on a team: its load per quarter, bets and dependents', async () => {
        await server.open('teams.trellis');
        const hover = await server.connection.sendRequest(HoverRequest.type, at('teams.trellis', 'team platform', 5));
        const value = (hover?.contents as MarkupContent).value;
        expect((hover?.contents as MarkupContent).kind).toBe('markdown');
        expect(value).toContain('**Team `platform`** — Platform');
        expect(value).toContain('| 2027-Q1 | 90% | 2 | sso 60%, checkout 30% |');
        expect(value).toContain('Owns: `sso` 60%  \nSupports: `checkout` 30%');
        expect(value).toContain('Depended on by: `web`');
    });

    test('on a bet in a file that is not open: its why-chain and its finding', async () => {
        const hover = await server.connection.sendRequest(HoverRequest.type, at('bets.trellis', 'bet checkout', 5));
        const value = (hover?.contents as MarkupContent).value;
        expect(value).toContain('Why: `faster` → `activation` → Weekly active teams (`wat`) ★');
        expect(value).toContain('Review 2027-01-10: 5 days overdue');
        // The finding leads, before the why-chain and the detail.
        expect(value.indexOf('- warning `overdue-review`:')).toBeGreaterThan(0);
        expect(value.indexOf('- warning `overdue-review`:')).toBeLessThan(value.indexOf('Why:'));
    });

    test('nothing on white space', async () => {
        expect(await server.connection.sendRequest(HoverRequest.type, at('teams.trellis', '\n\nteam web', 1))).toBeNull();
    });
});

describe('completion', () => {
    test('in a bet that has its goal, owner and dates: only what it lacks and what repeats, each described', async () => {
        await server.open('bets.trellis');
        const result = await server.connection.sendRequest(CompletionRequest.type, at('bets.trellis', 'during 2027-Q1\n}', 'during 2027-Q1\n'.length));
        const items: CompletionItem[] = Array.isArray(result) ? result : (result as CompletionList | null)?.items ?? [];
        expect(items.map(i => i.label).sort()).toEqual(['allow', 'depends-on', 'expects', 'funding', 'pillar', 'review', 'stage', 'support']);
        for (const item of items) expect(item.detail, item.label).toMatch(/^[A-Z].+\.$/);
    });
});

describe('go to definition', () => {
    test('from a bet\'s owner to the team in another file', async () => {
        const result = await server.connection.sendRequest(DefinitionRequest.type, at('bets.trellis', 'owner web', 7));
        const [link] = (result ?? []) as Array<LocationLink | Location>;
        const uri = 'targetUri' in link ? link.targetUri : link.uri;
        expect(server.fileOf(uri)).toBe('teams.trellis');
    });
});

describe('rename', () => {
    test('a team: edits in every file that names it, opened or not', async () => {
        const edit = await server.connection.sendRequest(RenameRequest.type, { ...at('bets.trellis', 'owner platform', 7), newName: 'core-platform' });
        expect(apply(edit)).toEqual({
            'teams.trellis': teams.replace('team platform', 'team core-platform').replace('depends-on platform', 'depends-on core-platform'),
            'bets.trellis': bets.replace('owner platform', 'owner core-platform').replace('support platform', 'support core-platform'),
        });
    });

    test('refused, with the reason, when another element has the name', async () => {
        const rename = server.connection.sendRequest(RenameRequest.type, { ...at('teams.trellis', 'team platform', 6), newName: 'sso' });
        await expect(rename).rejects.toBeInstanceOf(ResponseError);
        await expect(rename).rejects.toThrow("'sso' is already a bet in this plan; names are global, pick another");
    });
});

describe('quick fix', () => {
    test('the diagnostic the client got back is enough to create the missing team', async () => {
        await server.diagnosticsOf('plans/extra.trellis', d => d.length > 0);
        const [published] = server.published.get('plans/extra.trellis')!;
        const actions = await server.connection.sendRequest(CodeActionRequest.type, {
            textDocument: { uri: server.uri('plans/extra.trellis') }, range: published.range, context: { diagnostics: [published] },
        }) as CodeAction[];
        expect(actions.map(a => a.title)).toEqual(["Create team 'nobody'"]);
        expect(apply(actions[0].edit ?? null)['plans/extra.trellis']).toBe(`${extra}\nteam nobody {\n  type stream-aligned\n  capacity 5\n}\n`);
    });
});

describe('formatting', () => {
    test('a messy file comes back straight', async () => {
        const messy = 'team   tidy {capacity 3\n      type platform}\n';
        await server.open('messy.trellis', messy);
        const edits: TextEdit[] = await server.connection.sendRequest(DocumentFormattingRequest.type, {
            textDocument: { uri: server.uri('messy.trellis') }, options: { tabSize: 2, insertSpaces: true },
        }) ?? [];
        expect(TextDocument.applyEdits(TextDocument.create(server.uri('messy.trellis'), 'trellis', 1, messy), edits))
            .toBe('team tidy {\n  capacity 3\n  type platform\n}\n');
    });
});
