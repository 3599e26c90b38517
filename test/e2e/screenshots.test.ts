/// <reference types="mocha" />
// Screenshots for the README, taken from the real editor. Registered only when the code-server
// runner asks for them (TRELLIS_E2E_SCREENSHOTS names the folder it watches); the runner opens the
// example plan, so the scenes find what to show from the plan's own findings.

import * as vscode from 'vscode';
import { codeOf, contributedCommand, screenshot, waitFor, webviewTabs } from './helpers.js';

const priority = ['overloaded-team', 'too-much-wip', 'high-blast-radius', 'pillar-drift', 'dependency-cycle'];

/** Resolves once diagnostics exist and have not changed for `quietMs`: the server has judged the plan. */
function diagnosticsSettled(quietMs = 1500): Promise<void> {
    let last = Date.now();
    const sub = vscode.languages.onDidChangeDiagnostics(() => { last = Date.now(); });
    return waitFor('the plan to be judged', () => vscode.languages.getDiagnostics().some(([, ds]) => ds.length > 0) && Date.now() - last > quietMs,
        { timeout: 90_000, events: [], poll: 200 }).then(() => sub.dispose());
}

if (process.env.TRELLIS_E2E_SCREENSHOTS) {
    suite('README screenshots', () => {
        suiteSetup(async () => {
            await diagnosticsSettled();
        });

        test('a plan with its findings and a hover on a team', async () => {
            const all = vscode.languages.getDiagnostics().flatMap(([uri, ds]) => ds.map(d => ({ uri, d })));
            const pick = priority.map(code => all.find(x => codeOf(x.d) === code)).find(x => x)
                ?? all.find(x => x.d.severity === vscode.DiagnosticSeverity.Warning) ?? all[0];
            const editor = await vscode.window.showTextDocument(pick.uri, { viewColumn: vscode.ViewColumn.One, preview: false });
            await vscode.commands.executeCommand('workbench.actions.view.problems');
            await vscode.window.showTextDocument(editor.document, { viewColumn: vscode.ViewColumn.One, preview: false });
            const at = pick.d.range.start;
            editor.selection = new vscode.Selection(at, at);
            // Near the top, so the hover (shown below: `editor.hover.above` is off) has room.
            editor.revealRange(new vscode.Range(Math.max(0, at.line - 2), 0, at.line, 0), vscode.TextEditorRevealType.AtTop);
            await vscode.commands.executeCommand('editor.action.showHover');
            await screenshot('editor-hover', 'hover');
            await vscode.commands.executeCommand('editor.action.hideHover');
            await vscode.commands.executeCommand('workbench.action.closePanel');
        });

        test('the preview beside the plan', async () => {
            const editor = vscode.window.activeTextEditor;
            if (editor) await vscode.window.showTextDocument(editor.document, vscode.ViewColumn.One);
            // Room for the drawing: no side bar, editor and preview side by side.
            await vscode.commands.executeCommand('workbench.action.closeSidebar');
            await vscode.commands.executeCommand(contributedCommand(/preview to the side/i));
            await waitFor('a Trellis preview tab', () => webviewTabs()[0], { timeout: 30_000, events: [vscode.window.tabGroups.onDidChangeTabs] });
            await screenshot('editor-preview-dependencies', 'webview');
            // The same preview on its capacity view: each team's load per quarter.
            await screenshot('editor-preview-capacity', 'webview', 'capacity');
            // And the other two views, so the README shows all four as the editor draws them.
            await screenshot('editor-preview-metrics', 'webview', 'metrics');
            await screenshot('editor-preview-pillars', 'webview', 'pillars');
        });
    });
}
