/// <reference types="mocha" />
// The preview: "Trellis: Open Preview to the Side" opens a webview beside the plan, where a
// reader finds an element, moves to it by keyboard, opens its definition with Enter, focuses on
// it, and saves the view as a PNG. The extension host cannot reach into the webview, so the
// runner does those steps in the page as a user would (helpers.ts `driveWebview`), and the tests
// check what the editor shows for them.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { contributedCommand, driveWebview, show, waitFor, webviewTabs, workspaceFile } from './helpers.js';

suite('Preview', () => {
    test('Open Preview to the Side opens a webview beside the plan', async () => {
        const command = contributedCommand(/preview to the side/i);
        assert.ok((await vscode.commands.getCommands(true)).includes(command), `${command} is contributed but not registered`);
        const editor = await show('bets.trellis');
        await vscode.commands.executeCommand(command);
        const tab = await waitFor('a Trellis preview tab', () => webviewTabs()[0], { timeout: 30_000, events: [vscode.window.tabGroups.onDidChangeTabs] });
        assert.notEqual(tab.group.viewColumn, editor.viewColumn, 'the preview should open beside the editor, not over it');
        assert.match(tab.label, /trellis|preview|bets/i);
        const [bets] = await driveWebview('wait for the dependencies view', [
            { action: 'waitFor', selector: 'body[data-drawn="dependencies"] #viewport .node[data-name="sso-v2"]' },
            { action: 'count', selector: '#viewport .nodes .node[data-kind="bet"]' },
        ]);
        assert.ok(Number(bets) >= 5, `the dependencies view should draw the fixture's bets, drew ${bets}`);
    });

    test('Ctrl+F finds an element by its title and jumps to it', async () => {
        const [focused] = await driveWebview('press Ctrl+F', [
            { action: 'press', selector: '#canvas', value: 'Control+f' },
            { action: 'active' },
        ]);
        assert.equal(focused, 'search', 'Ctrl+F should put the keyboard in the search box');
        const [typed, stillFocused] = await driveWebview('type "Single sign"', [
            { action: 'type', value: 'Single sign' },
            { action: 'attribute', selector: '#search', value: 'aria-expanded' },
            { action: 'active' },
        ]);
        assert.equal(stillFocused, 'search', 'typing should stay in the search box');
        assert.equal(typed, 'true', 'the search box should list its matches');
        const [selected, active] = await driveWebview('pick sso-v2', [
            { action: 'waitFor', selector: '#search-results [role="option"][data-name="sso-v2"]' },
            { action: 'press', selector: '#search', value: 'Enter' },
            { action: 'waitFor', selector: '#viewport .node.is-selected[data-name="sso-v2"]' },
            { action: 'attribute', selector: '#viewport .node.is-selected', value: 'data-name' },
            { action: 'active' },
        ]);
        assert.equal(selected, 'sso-v2');
        assert.equal(active, 'sso-v2', 'the node found should have the keyboard, so Enter opens it');
    });

    test('Enter on a node opens its definition in the editor', async () => {
        const bets = await show('bets.trellis');
        bets.selection = new vscode.Selection(0, 0, 0, 0);
        const [label] = await driveWebview('press Enter on sso-v2', [
            { action: 'attribute', selector: '#viewport .node[data-name="sso-v2"]', value: 'aria-label' },
            { action: 'press', selector: '#viewport .node[data-name="sso-v2"]', value: 'Enter' },
        ]);
        assert.match(label ?? '', /^Bet sso-v2 — Single sign-on v2/);
        const editor = await waitFor('the editor to select sso-v2', () => {
            const e = vscode.window.activeTextEditor;
            return e && e.document.uri.toString() === workspaceFile('bets.trellis').toString() && e.document.getText(e.selection) === 'sso-v2' ? e : undefined;
        }, { timeout: 30_000, events: [vscode.window.onDidChangeTextEditorSelection, vscode.window.onDidChangeActiveTextEditor] });
        assert.match(editor.document.lineAt(editor.selection.active.line).text, /^bet sso-v2 /);
    });

    test('focus mode: F shows a node with its neighbours, Escape shows the whole plan again', async () => {
        const [whole, banner, shown, back] = await driveWebview('focus on guided-setup and leave', [
            { action: 'count', selector: '#viewport .nodes .node' },
            { action: 'press', selector: '#viewport .node[data-name="guided-setup"]', value: 'f' },
            { action: 'waitFor', selector: '#focus-banner:not([hidden])' },
            { action: 'waitFor', selector: 'body:not(.is-loading) #viewport .node.focus[data-name="guided-setup"]' },
            { action: 'text', selector: '#focus-text' },
            { action: 'count', selector: '#viewport .nodes .node' },
            { action: 'press', selector: '#canvas', value: 'Escape' },
            { action: 'waitFor', selector: '#focus-banner', value: 'hidden' },
            { action: 'waitFor', selector: 'body:not(.is-loading) #viewport .node[data-name="loop-back"]' },
            { action: 'count', selector: '#viewport .nodes .node' },
        ]);
        const match = /^Focused on guided-setup \(Guided first-plan setup\) — (\d+) of (\d+) elements, 2 hops up and down$/.exec(banner ?? '');
        assert.ok(match, `the banner should say what is focused and how much is shown, said: ${banner}`);
        assert.equal(Number(match[1]), Number(shown));
        assert.equal(Number(match[2]), Number(whole));
        assert.ok(Number(shown) < Number(whole), `focus should hide part of the plan: ${shown} of ${whole}`);
        assert.equal(back, whole);
    });

    test('Export PNG saves the view as a PNG image', async () => {
        // The save dialog offers the view's name beside the plan; accepting it saves there.
        const target = workspaceFile('dependencies.png');
        await vscode.workspace.fs.delete(target).then(undefined, () => undefined);
        const [offered] = await driveWebview('export a PNG', [
            { action: 'click', selector: '#export-png' },
            // code-server's save dialog: a path in the quick input, which it fills in once shown.
            { action: 'waitFor', selector: '.quick-input-widget input', frame: 'workbench' },
            { action: 'waitForValue', selector: '.quick-input-widget input', value: 'dependencies.png', frame: 'workbench' },
            { action: 'press', selector: '.quick-input-widget input', value: 'Enter', frame: 'workbench' },
        ]);
        assert.ok(offered?.endsWith('/dependencies.png'), `the dialog should offer dependencies.png, offered ${offered}`);
        const bytes = await waitFor(`${target.fsPath} to be written`, async () => {
            const stat = await vscode.workspace.fs.stat(target).then(s => s, () => undefined);
            return stat && stat.size > 0 ? vscode.workspace.fs.readFile(target) : undefined;
        }, { timeout: 60_000, events: [], poll: 200 });
        assert.deepEqual([...bytes.slice(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'the file should be a PNG');
        const width = new DataView(bytes.buffer, bytes.byteOffset).getUint32(16);
        assert.ok(width >= 400, `the PNG should be drawn at twice the view's size, is ${width} px wide`);
    });
});
