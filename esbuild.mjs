// Bundles the extension client, the language server, the CLI and the preview's webview. Type-checking is `tsc -b`.
import * as esbuild from 'esbuild';
import { readFileSync } from 'node:fs';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const watch = process.argv.includes('--watch');
const minify = process.argv.includes('--minify');

const common = {
    bundle: true,
    platform: 'node',
    target: 'node22',
    format: 'cjs',
    sourcemap: !minify,
    minify,
    logLevel: 'warning',
    define: { TRELLIS_VERSION: JSON.stringify(pkg.version) },
};

const builds = [
    { ...common, entryPoints: ['client/extension.ts'], outfile: 'out/extension.cjs', external: ['vscode'] },
    { ...common, entryPoints: ['server/main.ts'], outfile: 'out/server.cjs' },
    { ...common, entryPoints: ['cli/main.ts'], outfile: 'out/cli.cjs' },
    // The preview's webview: a browser page, its own bundle (script and stylesheet), no Node.
    {
        bundle: true, platform: 'browser', target: 'chrome114', format: 'iife', sourcemap: !minify, minify, logLevel: 'warning',
        entryPoints: [{ in: 'client/webview/main.ts', out: 'preview' }, { in: 'client/webview/preview.css', out: 'preview' }],
        outdir: 'out/webview',
    },
];

if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
} else {
    await Promise.all(builds.map(options => esbuild.build(options)));
}
