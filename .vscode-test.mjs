// The end-to-end suite in desktop VS Code, through @vscode/test-cli and @vscode/test-electron,
// for machines that can download VS Code: `npm run test:e2e:electron` (or `npx vscode-test` after
// `npm run build && npm run build:e2e`). CI and machines without that download use the
// code-server runner instead (`npm run test:e2e`, scripts/e2e-code-server.mjs): the same test files.
import { defineConfig } from '@vscode/test-cli';
import { cpSync, existsSync, mkdtempSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The suite edits, renames and saves, so it works on a fresh copy of the fixture.
const workspace = join(mkdtempSync(join(tmpdir(), 'trellis-e2e-')), 'workspace');
cpSync('test/e2e/fixture', workspace, { recursive: true });

// In name order, as the code-server runner loads them: activation.test runs first, while no plan
// file has been opened yet.
const built = 'out/test/e2e';
const files = existsSync(built) ? readdirSync(built).filter(f => f.endsWith('.test.cjs')).sort().map(f => `${built}/${f}`) : [];

export default defineConfig({
    label: 'e2e',
    files,
    workspaceFolder: workspace,
    version: process.env.VSCODE_TEST_VERSION ?? 'stable',
    launchArgs: ['--disable-extensions', '--disable-workspace-trust', '--skip-welcome', '--skip-release-notes'],
    mocha: { ui: 'tdd', timeout: 90_000, color: true },
});
