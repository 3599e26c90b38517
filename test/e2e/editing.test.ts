/// <reference types="mocha" />
// Changing a plan: quick fixes change the text, formatting straightens a file, and an edit in one
// file updates the findings of another.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import {
    codeOf, describeDiagnostics, isCodeAction, open, replaceText, waitFor, waitForDiagnostic, waitForNoDiagnostic, workspaceFile,
} from './helpers.js';

/** A quick fix offered for a diagnostic with `code`, applied as the light bulb would apply it. */
async function applyQuickFix(uri: vscode.Uri, code: string, on: (d: vscode.Diagnostic) => boolean = () => true): Promise<vscode.CodeAction> {
    const diagnostic = await waitForDiagnostic(uri, code, 60_000, on);
    // Code actions are computed for a document the editor has open.
    await vscode.workspace.openTextDocument(uri);
    let offered: (vscode.CodeAction | vscode.Command)[] = [];
    const fixes = await waitFor(`a quick fix for '${code}' at ${vscode.workspace.asRelativePath(uri)}:${diagnostic.range.start.line + 1}`, async () => {
        offered = await vscode.commands.executeCommand<(vscode.CodeAction | vscode.Command)[]>(
            'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value) ?? [];
        // The API command does not always carry each action's diagnostics back: then every quick
        // fix offered at exactly the diagnostic's range is a fix for it.
        const quickFixes = offered.filter(isCodeAction)
            .filter(a => a.diagnostics?.length ? a.diagnostics.some(d => codeOf(d) === code) : true);
        return quickFixes.length ? quickFixes : undefined;
    }, {
        timeout: 15_000, events: [],
        explain: () => `offered: ${JSON.stringify(offered.map(a => isCodeAction(a)
            ? { title: a.title, kind: a.kind?.value, diagnostics: a.diagnostics?.map(codeOf) }
            : { command: a.command, title: a.title }))}`,
    });
    // Titles are not fixed; prefer the fix itself over suppressing the finding (allow, check off).
    const suppression = /\ballow\b|\boff\b|suppress|ignore|disable|policy/i;
    const fix = fixes.find(a => a.isPreferred) ?? fixes.find(a => !suppression.test(a.title)) ?? fixes[0];
    if (fix.edit) assert.ok(await vscode.workspace.applyEdit(fix.edit), `applying '${fix.title}' failed`);
    if (fix.command) await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
    return fix;
}

/** The text of the block that starts with `header` (up to its closing brace). */
function blockOf(text: string, header: string): string {
    const start = text.indexOf(header);
    assert.ok(start >= 0, `'${header}' not found`);
    return text.slice(start, text.indexOf('}', start) + 1);
}

function formatEdits(uri: vscode.Uri): Thenable<vscode.TextEdit[] | undefined> {
    return vscode.commands.executeCommand<vscode.TextEdit[] | undefined>('vscode.executeFormatDocumentProvider', uri, { tabSize: 2, insertSpaces: true });
}

suite('Editing', () => {
    suiteSetup(async () => {
        await waitForDiagnostic(workspaceFile('findings.trellis'), 'missing-owner');
    });

    suiteTeardown(async () => {
        // The workspace is a throwaway copy; saving leaves no dirty editors behind for later suites.
        await vscode.workspace.saveAll(false);
    });

    test('quick fix: remove a self-dependency', async () => {
        const uri = workspaceFile('findings.trellis');
        const fix = await applyQuickFix(uri, 'self-dependency');
        const doc = await open('findings.trellis');
        assert.doesNotMatch(blockOf(doc.getText(), 'bet loop-back'), /depends-on\s+loop-back/, `'${fix.title}' left the self-dependency in place`);
        assert.match(blockOf(doc.getText(), 'bet loop-back'), /owner insights 20%|owner data-insights 20%/, 'the rest of the bet must stay');
        await waitForNoDiagnostic(uri, 'self-dependency');
    });

    test('quick fix: add a review date to a new offering', async () => {
        const uri = workspaceFile('findings.trellis');
        const fix = await applyQuickFix(uri, 'missing-review', d => d.message.includes('templates'));
        const doc = await open('findings.trellis');
        assert.match(blockOf(doc.getText(), 'bet templates'), /\n\s+review\s+\S+/, `'${fix.title}' did not add a review line to bet templates`);
        await waitForNoDiagnostic(uri, 'missing-review', 30_000, d => d.message.includes('templates'));
    });

    test('formatting indents a messy file by two spaces and keeps its comments', async () => {
        const uri = workspaceFile('messy.trellis');
        const doc = await open('messy.trellis');
        const edits = await waitFor('formatting edits for messy.trellis', async () => {
            const result = await formatEdits(uri);
            return result?.length ? result : undefined;
        }, { timeout: 15_000, events: [], explain: () => 'no formatter answered (Format Document returned no edits)' });
        const edit = new vscode.WorkspaceEdit();
        edit.set(uri, edits);
        assert.ok(await vscode.workspace.applyEdit(edit));

        const text = doc.getText();
        const lines = text.split(/\r?\n/);
        let depth = 0;
        for (const [index, line] of lines.entries()) {
            if (line.trim() === '') continue;
            const closes = line.trimStart().startsWith('}') ? 1 : 0;
            const expected = '  '.repeat(Math.max(0, depth - closes));
            assert.ok(line.startsWith(expected) && !/^\s/.test(line.slice(expected.length)),
                `line ${index + 1} should be indented by ${expected.length} spaces:\n${text}`);
            assert.doesNotMatch(line, /\s$/, `line ${index + 1} has trailing whitespace`);
            depth += (line.match(/\{/g) ?? []).length - (line.match(/\}/g) ?? []).length;
        }
        assert.match(text, /^team analytics "Analytics" \{$/m);
        assert.match(text, /^ {2}capacity 2$/m);
        assert.match(text, /^ {2}type stream-aligned +\/\/ reports and dashboards$/m);
        for (const comment of ['// Written in a hurry; the formatter puts it straight and keeps the comments.',
            '/* they also run the weekly business review */']) {
            assert.ok(text.includes(comment), `the comment '${comment}' was lost:\n${text}`);
        }
        // Idempotent: formatting the result changes nothing.
        const again = await formatEdits(uri) ?? [];
        const changing = again.filter(e => doc.getText(e.range) !== e.newText);
        assert.deepEqual(changing, [], `formatting twice changed the text again:\n${text}`);
    });

    test('an edit in one file updates the findings of another', async () => {
        const teams = workspaceFile('teams.trellis');
        const growth = await open('growth.trellis');
        const isPlatform = (d: vscode.Diagnostic) => d.message.includes('platform');
        assert.equal(vscode.languages.getDiagnostics(teams).filter(d => codeOf(d) === 'overloaded-team').length, 0, describeDiagnostics(teams));

        // platform carries 80% in 2027-Q1; 10% more here would not overload it, 60% does (130%).
        await replaceText(growth, 'support platform 10%', 'support platform 60%');
        const overload = await waitForDiagnostic(teams, 'overloaded-team', 30_000, isPlatform);
        assert.match(overload.message, /130\s*%/);
        assert.match(overload.message, /2027-Q1/);
        assert.equal(overload.severity, vscode.DiagnosticSeverity.Warning);

        // And back: the warning goes away again.
        await replaceText(growth, 'support platform 60%', 'support platform 10%');
        await waitForNoDiagnostic(teams, 'overloaded-team', 30_000, isPlatform);
    });
});
