// Bundles the end-to-end suite (test/e2e) into out/test/e2e/*.cjs for VS Code's extension host:
// `index.cjs` exports run() for --extensionTestsPath, each *.test.cjs is one mocha file.
// `vscode` comes from the host; `mocha` from node_modules, so @vscode/test-cli can use its own.
import * as esbuild from 'esbuild';
import { readdirSync, rmSync } from 'node:fs';

const tests = readdirSync('test/e2e').filter(f => f.endsWith('.test.ts')).map(f => `test/e2e/${f}`);
rmSync('out/test/e2e', { recursive: true, force: true });
await esbuild.build({
    entryPoints: ['test/e2e/index.ts', ...tests],
    outdir: 'out/test/e2e',
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
});
