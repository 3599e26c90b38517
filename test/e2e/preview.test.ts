/// <reference types="mocha" />
// The preview: "Trellis: Open Preview to the Side" opens a webview panel beside the plan.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { contributedCommand, show, waitFor, webviewTabs } from './helpers.js';

suite('Preview', () => {
    test('Open Preview to the Side opens a webview beside the plan', async () => {
        const command = contributedCommand(/preview to the side/i);
        assert.ok((await vscode.commands.getCommands(true)).includes(command), `${command} is contributed but not registered`);
        const editor = await show('bets.trellis');
        await vscode.commands.executeCommand(command);
        const tab = await waitFor('a Trellis preview tab', () => webviewTabs()[0], { timeout: 30_000, events: [vscode.window.tabGroups.onDidChangeTabs] });
        assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview should open beside the editor, not over it');
        assert.match(tab.label, /trellis|preview|bets/i);
    });
});
