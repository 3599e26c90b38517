/// <reference types="mocha" />
// What only the editor itself does with language-configuration.json: comment toggling, words
// that keep their dashes, auto-closing braces and indentation after a `{`.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

async function scratch(content: string): Promise<vscode.TextEditor> {
    const doc = await vscode.workspace.openTextDocument({ language: 'trellis', content });
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    editor.options = { tabSize: 2, insertSpaces: true };
    return editor;
}

suite('Language configuration', () => {
    teardown(async () => {
        await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    test('Toggle Line Comment uses //', async () => {
        const editor = await scratch('team platform {\n  capacity 8\n}\n');
        editor.selection = new vscode.Selection(1, 4, 1, 4);
        await vscode.commands.executeCommand('editor.action.commentLine');
        assert.equal(editor.document.lineAt(1).text, '  // capacity 8');
        await vscode.commands.executeCommand('editor.action.blockComment');
        assert.match(editor.document.getText(), /\/\*.*\*\//);
    });

    test('names with dashes, periods and percentages are single words', () => {
        return scratch('bet guided-setup {\n  owner données 60%\n  during 2027-Q1 .. 2027-Q2\n}\n').then(editor => {
            const doc = editor.document;
            const word = (line: number, character: number) => doc.getText(doc.getWordRangeAtPosition(new vscode.Position(line, character)));
            assert.equal(word(0, 8), 'guided-setup');
            assert.equal(word(1, 9), 'données');
            assert.equal(word(1, 16), '60%');
            assert.equal(word(2, 12), '2027-Q1');
        });
    });

    test('typing { closes it, and Enter indents the block', async () => {
        const editor = await scratch('');
        await vscode.commands.executeCommand('type', { text: 'team platform ' });
        await vscode.commands.executeCommand('type', { text: '{' });
        assert.equal(editor.document.getText(), 'team platform {}');
        await vscode.commands.executeCommand('type', { text: '\n' });
        assert.equal(editor.document.getText(), 'team platform {\n  \n}');
        await vscode.commands.executeCommand('type', { text: 'name "Platform' });
        assert.equal(editor.document.lineAt(1).text, '  name "Platform"', 'the quote closes itself');
    });
});
