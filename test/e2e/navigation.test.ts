/// <reference types="mocha" />
// Reading a plan: hover explains a team with its load, go to definition jumps across files, and
// rename changes a name in every file that uses it.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { hoverText, open, positionOf, waitFor, waitForDiagnostic, workspaceFile } from './helpers.js';

type Definition = vscode.Location | vscode.LocationLink;
const targetOf = (d: Definition) => 'targetUri' in d
    ? { uri: d.targetUri, range: d.targetSelectionRange ?? d.targetRange }
    : { uri: d.uri, range: d.range };

suite('Navigation', () => {
    suiteSetup(async () => {
        // The server has read the workspace once findings are published.
        await waitForDiagnostic(workspaceFile('findings.trellis'), 'missing-owner');
    });

    test('hover on a team shows its load per quarter', async () => {
        const doc = await open('teams.trellis');
        const at = positionOf(doc, 'team platform', 'platform');
        // platform carries guided-setup 20%, sso-v2 50% and data-import 10% in 2027-Q1.
        const text = await waitFor('a hover on team platform that shows its load (80% in 2027-Q1)', async () => {
            const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, at);
            const value = hoverText(hovers);
            return /80\s*%/.test(value) && value.includes('2027-Q1') ? value : undefined;
        }, { timeout: 20_000, events: [], explain: () => 'the hover did not mention 80% and 2027-Q1' });
        assert.match(text, /platform/i);
    });

    test('go to definition jumps to a team defined in another file', async () => {
        const bets = await open('bets.trellis');
        const at = positionOf(bets, 'owner platform 50%', 'platform');
        const definitions = await waitFor('a definition for platform', async () => {
            const result = await vscode.commands.executeCommand<Definition[]>('vscode.executeDefinitionProvider', bets.uri, at);
            return result?.length ? result : undefined;
        }, { timeout: 20_000, events: [] });
        const target = targetOf(definitions[0]);
        assert.equal(target.uri.toString(), workspaceFile('teams.trellis').toString());
        const teams = await open('teams.trellis');
        assert.deepEqual(target.range.start, positionOf(teams, 'team platform', 'platform'));
    });

    test('rename a team across files', async () => {
        const teams = await open('teams.trellis');
        const at = positionOf(teams, 'team insights', 'insights');
        const edit = await vscode.commands.executeCommand<vscode.WorkspaceEdit | undefined>('vscode.executeDocumentRenameProvider', teams.uri, at, 'data-insights');
        assert.ok(edit, 'rename returned no edit');
        const files = edit.entries().map(([uri]) => vscode.workspace.asRelativePath(uri)).sort();
        assert.deepEqual(files, ['bets.trellis', 'findings.trellis', 'teams.trellis']);
        assert.ok(await vscode.workspace.applyEdit(edit));

        assert.match((await open('teams.trellis')).getText(), /team data-insights "Insights"/);
        assert.match((await open('bets.trellis')).getText(), /support platform 20%, data-insights 30%/);
        assert.match((await open('findings.trellis')).getText(), /owner data-insights 20%/);
        for (const file of ['teams.trellis', 'bets.trellis', 'findings.trellis']) {
            assert.doesNotMatch((await open(file)).getText(), /(?<![\w-])insights(?![\w-])/, `${file} still uses the old name`);
        }

        // The server sees the renamed plan: the new name resolves to its definition.
        const bets = await open('bets.trellis');
        const use = positionOf(bets, 'data-insights 30%', 'data-insights');
        await waitFor('data-insights to resolve to teams.trellis', async () => {
            const result = await vscode.commands.executeCommand<Definition[]>('vscode.executeDefinitionProvider', bets.uri, use);
            return result?.some(d => targetOf(d).uri.toString() === teams.uri.toString());
        }, { timeout: 20_000, events: [] });
    });
});
