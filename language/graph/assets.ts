// The files the drawings need at run time: the font every drawing is measured and rendered
// with (Noto Sans, with Noto Sans SC for Chinese and Japanese), and resvg's WebAssembly for PNG.
// The build copies them into out/assets beside the bundles (esbuild.mjs), so the packaged
// extension and the command line carry them; run from source (tests), they are read from
// node_modules, where the same npm packages put them.

import * as fs from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Each asset: its name in out/assets, and the npm package file it is copied from. */
export const assets = {
    'NotoSans-Regular.ttf': '@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf',
    'NotoSans-SemiBold.ttf': '@expo-google-fonts/noto-sans/600SemiBold/NotoSans_600SemiBold.ttf',
    'NotoSansSC-Regular.ttf': '@expo-google-fonts/noto-sans-sc/400Regular/NotoSansSC_400Regular.ttf',
    'resvg.wasm': '@resvg/resvg-wasm/index_bg.wasm',
} as const;

export type AssetName = keyof typeof assets;

/** The font family every drawing names, the font it is measured with first. */
export const fontFamily = "'Noto Sans', 'Noto Sans SC', sans-serif";

/** Where an asset is: out/assets beside the running bundle, else the npm package's file. */
export function assetPath(name: AssetName): string {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const bundled = path.join(here, 'assets', name);
    if (fs.existsSync(bundled)) return bundled;
    try {
        return createRequire(import.meta.url).resolve(assets[name]);
    } catch {
        throw new Error(`Trellis cannot find ${name} (looked in ${path.join(here, 'assets')} and for ${assets[name]}); run 'npm run build'`);
    }
}

export function readAsset(name: AssetName): Buffer {
    return fs.readFileSync(assetPath(name));
}
