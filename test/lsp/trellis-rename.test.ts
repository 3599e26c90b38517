// Rename across files, from the definition or any reference; refused with a message the
// user can act on when the new name is not a name or another element already has it.

import { describe, expect, test } from 'vitest';
import { ResponseError } from 'vscode-languageserver';
import { buildWorkspace } from '../helpers.js';
import { markedWorkspace } from './lsp-helpers.js';

const files = {
    'teams.trellis': 'team <|>platform "Platform" {\n  capacity 8\n}\nteam web {\n  capacity 4\n  depends-on platform\n}\n',
    'bets.trellis': 'pillar core { target 100% }\nbet sso {\n  pillar core\n  owner <|>platform 50%\n  support web 10%, platform 10%\n  depends-on platform\n}\nmetric m { north-star }\n',
};

describe('rename', () => {
    test('from the definition: every reference in every file, and the definition', async () => {
        const ws = await markedWorkspace(files);
        const edit = await ws.services.lsp.RenameProvider!.rename(ws.doc('teams.trellis'), { ...ws.at('teams.trellis'), newName: 'infra' });
        expect(ws.apply(edit)).toEqual({
            'teams.trellis': 'team infra "Platform" {\n  capacity 8\n}\nteam web {\n  capacity 4\n  depends-on infra\n}\n',
            'bets.trellis': 'pillar core { target 100% }\nbet sso {\n  pillar core\n  owner infra 50%\n  support web 10%, infra 10%\n  depends-on infra\n}\nmetric m { north-star }\n',
        });
    });

    test('from a reference in another file: the same edits', async () => {
        const ws = await markedWorkspace(files);
        const fromDefinition = await ws.services.lsp.RenameProvider!.rename(ws.doc('teams.trellis'), { ...ws.at('teams.trellis'), newName: 'infra' });
        const fromReference = await ws.services.lsp.RenameProvider!.rename(ws.doc('bets.trellis'), { ...ws.at('bets.trellis'), newName: 'infra' });
        expect(ws.apply(fromReference)).toEqual(ws.apply(fromDefinition));
    });

    test('the renamed plan is the same plan: no new findings', async () => {
        const ws = await markedWorkspace(files);
        const before = ws.diagnostics().map(d => d.code).sort();
        const edit = await ws.services.lsp.RenameProvider!.rename(ws.doc('bets.trellis'), { ...ws.at('bets.trellis'), newName: 'core-platform' });
        const after = await buildWorkspace({ ...files, ...ws.apply(edit) });
        expect(after.diagnostics().map(d => d.code).sort()).toEqual(before);
        expect(after.services.plan.PlanService.model.teams.get('core-platform')?.owns.map(b => b.name)).toEqual(['sso']);
    });

    test.each([
        ['web', "'web' is already a team in this plan; names are global, pick another"],
        ['core', "'core' is already a pillar in this plan; names are global, pick another"],
        ['m', "'m' is already a metric in this plan; names are global, pick another"],
        ['sso', "'sso' is already a bet in this plan; names are global, pick another"],
    ])('refuses %s: another element has that name', async (newName, message) => {
        const ws = await markedWorkspace(files);
        const rename = ws.services.lsp.RenameProvider!.rename(ws.doc('teams.trellis'), { ...ws.at('teams.trellis'), newName });
        await expect(rename).rejects.toBeInstanceOf(ResponseError);
        await expect(rename).rejects.toThrow(message);
    });

    test('to the name it already has: nothing to do, and no complaint', async () => {
        const ws = await markedWorkspace(files);
        expect(ws.apply(await ws.services.lsp.RenameProvider!.rename(ws.doc('bets.trellis'), { ...ws.at('bets.trellis'), newName: 'platform' }))).toEqual({});
    });

    test('a metric: in drives, moves and expects, across files', async () => {
        const ws = await markedWorkspace({
            'metrics.trellis': 'metric wat { north-star }\nmetric <|>activation { drives wat }\n',
            'goals.trellis': 'goal faster { moves activation, wat }\nbet b { expects activation +2 }\n',
        });
        const edit = await ws.services.lsp.RenameProvider!.rename(ws.doc('metrics.trellis'), { ...ws.at('metrics.trellis'), newName: 'activation-rate' });
        expect(ws.apply(edit)).toEqual({
            'metrics.trellis': 'metric wat { north-star }\nmetric activation-rate { drives wat }\n',
            'goals.trellis': 'goal faster { moves activation-rate, wat }\nbet b { expects activation-rate +2 }\n',
        });
    });

    test.each(['9lives', 'two words', 'a.b', '', 'quote"d'])('refuses %j: not a name', async newName => {
        const ws = await markedWorkspace(files);
        await expect(ws.services.lsp.RenameProvider!.rename(ws.doc('teams.trellis'), { ...ws.at('teams.trellis'), newName }))
            .rejects.toThrow(`'${newName}' is not a name: start with a letter or _, then letters, digits, _ or -`);
    });

    test('accepts names with letters of any script, digits, _ and -', async () => {
        const ws = await markedWorkspace(files);
        const edit = await ws.services.lsp.RenameProvider!.rename(ws.doc('teams.trellis'), { ...ws.at('teams.trellis'), newName: 'Plattform_Übergreifend-2' });
        expect(ws.apply(edit)['bets.trellis']).toContain('owner Plattform_Übergreifend-2 50%');
    });

    test('prepare rename: the name under the cursor, nothing on a keyword', async () => {
        const ws = await markedWorkspace({ 'plan.trellis': 'team <|>platform { capacity 8 }\nbet b { <|>owner platform 50% }\n' });
        const provider = ws.services.lsp.RenameProvider!;
        const range = await provider.prepareRename(ws.doc('plan.trellis'), ws.at('plan.trellis', 0));
        expect(range && 'start' in range ? ws.doc('plan.trellis').textDocument.getText(range) : undefined).toBe('platform');
        expect(await provider.prepareRename(ws.doc('plan.trellis'), ws.at('plan.trellis', 1))).toBeUndefined();
    });
});
