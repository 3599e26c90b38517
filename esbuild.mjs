// Bundles the extension client, the language server, the CLI and the preview's webview. Type-checking is `tsc -b`.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

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
    // `import.meta.url` in a CommonJS bundle: the bundle's own file (language/graph/assets.ts finds out/assets by it).
    define: { TRELLIS_VERSION: JSON.stringify(pkg.version), 'import.meta.url': 'import_meta_url' },
    banner: { js: "const import_meta_url = require('node:url').pathToFileURL(__filename).href;" },
};

// The fonts the drawings are measured and rendered with, and resvg's WebAssembly (for PNG),
// copied beside the bundles: the packaged extension and the CLI carry them (see language/graph/assets.ts).
const assets = {
    'NotoSans-Regular.ttf': '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    'NotoSans-SemiBold.ttf': '@expo-google-fonts/noto-sans/600SemiBold/NotoSans_600SemiBold.ttf',
    'NotoSansSC-Regular.ttf': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    'resvg.wasm': '@resvg/resvg-wasm/index_bg.wasm',
};
const require = createRequire(import.meta.url);
mkdirSync('out/assets', { recursive: true });
for (const [name, file] of Object.entries(assets)) copyFileSync(require.resolve(file), `out/assets/${name}`);

const builds = [
    { ...common, entryPoints: ['client/extension.ts'], outfile: 'out/extension.cjs', external: ['vscode'] },
    { ...common, entryPoints: ['server/main.ts'], outfile: 'out/server.cjs' },
    { ...common, entryPoints: ['cli/main.ts'], outfile: 'out/cli.cjs' },
    // The preview's webview: a browser page, its own bundle (script and stylesheet), no Node.
    {
        bundle: true, platform: 'browser', target: 'chrome114', format: 'iife', sourcemap: !minify, minify, logLevel: 'warning',
        entryPoints: [{ in: 'client/webview/main.ts', out: 'preview' }, { in: 'client/webview/preview.css', out: 'preview' }],
        outdir: 'out/webview',
        // The stylesheet's fonts are the ones in out/assets, served beside out/webview as they are.
        external: ['../assets/*'],
    },
];

if (watch) {
    for (const options of builds) await (await esbuild.context(options)).watch();
} else {
    await Promise.all(builds.map(options => esbuild.build(options)));
}
