/// <reference types="mocha" />
// The extension starts by itself on a folder of plan files, and the language server reads the
// whole workspace: findings appear, with their codes, in files nobody has opened.

import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, describeDiagnostics, extensionId, isOpen, waitFor, waitForDiagnostic, withCode, workspaceFile } from './helpers.js';

suite('Activation and workspace diagnostics', () => {
    test('the extension activates on a folder that contains .trellis files', async () => {
        const ext = vscode.extensions.getExtension(extensionId);
        assert.ok(ext, `extension ${extensionId} is not installed in this VS Code`);
        // Nothing has been opened yet: activation must come from `workspaceContains:**/*.trellis`.
        await waitFor(`${extensionId} to activate by itself`, () => ext.isActive, { timeout: 60_000, events: [vscode.extensions.onDidChange] });
    });

    test('findings with codes appear for files that were never opened', async () => {
        const uri = workspaceFile('findings.trellis');
        assert.ok(!isOpen(uri), 'findings.trellis must not have been opened by an earlier test');
        const expected = ['missing-owner', 'self-dependency', 'missing-review'];
        await waitFor(`diagnostics ${expected.join(', ')} in findings.trellis`,
            () => expected.every(code => withCode(uri, code).length > 0),
            { timeout: 60_000, explain: () => describeDiagnostics(uri) });

        const [missingOwner] = withCode(uri, 'missing-owner');
        assert.equal(missingOwner.severity, vscode.DiagnosticSeverity.Error);
        assert.match(missingOwner.message, /audit-log/);
        const [missingReview] = withCode(uri, 'missing-review');
        assert.equal(missingReview.severity, vscode.DiagnosticSeverity.Warning);
        assert.match(missingReview.message, /templates/);
        assert.ok(!isOpen(uri), 'reading diagnostics must not have opened the file');
    });

    test('a clean file of the same plan has no errors', async () => {
        const teams = workspaceFile('teams.trellis');
        // Wait for the plan to be judged (findings.trellis has its findings), then look at teams.trellis.
        await waitForDiagnostic(workspaceFile('findings.trellis'), 'missing-owner');
        const errors = vscode.languages.getDiagnostics(teams).filter(d => d.severity === vscode.DiagnosticSeverity.Error);
        assert.deepEqual(errors.map(d => `${codeOf(d)} ${d.message}`), [], describeDiagnostics(teams));
    });
});
