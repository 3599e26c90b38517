// Entry point that VS Code's extension host calls with `--extensionTestsPath` (the code-server
// runner passes it too): runs every bundled *.test.cjs beside this file with mocha and reports.
// The @vscode/test-cli runner (.vscode-test.mjs) loads the same test files with its own mocha.

import { appendFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { format } from 'node:util';
import Mocha from 'mocha';

export async function run(): Promise<void> {
    // In code-server the host's console reaches the runner mixed with the workbench's own logs;
    // the reporter's lines also go to a file the runner prints as they come.
    const output = process.env.TRELLIS_E2E_OUTPUT;
    if (output) {
        const consoleLog = Mocha.reporters.Base.consoleLog;
        Mocha.reporters.Base.consoleLog = (...args: unknown[]) => {
            appendFileSync(output, `${format(...args)}\n`);
            consoleLog(...args);
        };
    }
    const mocha = new Mocha({
        ui: 'tdd',
        timeout: 90_000,
        color: false,
        reporter: 'spec',
        grep: process.env.TRELLIS_E2E_GREP || undefined,
    });
    for (const file of readdirSync(__dirname).filter(f => f.endsWith('.test.cjs')).sort()) {
        mocha.addFile(join(__dirname, file));
    }
    const failures: { title: string; message: string }[] = [];
    const stats = await new Promise<Mocha.Stats>((resolve, reject) => {
        try {
            const runner = mocha.run(() => resolve(runner.stats ?? { passes: 0, failures: failures.length, pending: 0 } as Mocha.Stats));
            runner.on('fail', (test, error: Error) => failures.push({ title: test.fullTitle(), message: error.message }));
        } catch (error) {
            reject(error);
        }
    });
    const summary = { passed: stats.passes, failed: stats.failures, pending: stats.pending, failures };
    // The code-server runner reads this file to print its closing line.
    if (process.env.TRELLIS_E2E_RESULTS) writeFileSync(process.env.TRELLIS_E2E_RESULTS, JSON.stringify(summary, null, 2));
    if (summary.failed > 0) throw new Error(`${summary.failed} end-to-end test(s) failed`);
}
