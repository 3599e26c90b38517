// PNG from the SVG we draw, with resvg (in WebAssembly: no browser, no system Graphviz, no
// native module) and only the fonts Trellis ships, so a title is as wide in the PNG as it was
// measured at layout time, whatever fonts the machine has.

import { initWasm, Resvg } from '@resvg/resvg-wasm';
import { readAsset } from './assets.js';

/** Pixels per SVG unit by default: crisp on slides and high-density screens. */
export const defaultPngScale = 2;

interface Renderer {
    readonly fonts: Uint8Array[];
}

// resvg's WebAssembly can be started once per process; like Graphviz (layout.ts), it is loaded
// on first use and kept.
let renderer: Promise<Renderer> | undefined;

function load(): Promise<Renderer> {
    renderer ??= (async () => {
        await initWasm(readAsset('resvg.wasm'));
        return { fonts: [readAsset('NotoSans-Regular.ttf'), readAsset('NotoSans-SemiBold.ttf'), readAsset('NotoSansSC-Regular.ttf')] };
    })();
    return renderer;
}

/** The SVG rendered at `scale` times its size, on the background it draws (white when standalone). */
export async function svgToPng(svg: string, scale = defaultPngScale): Promise<Uint8Array> {
    if (!(scale > 0 && scale <= 8)) throw new RangeError(`the PNG scale must be above 0 and at most 8, not ${scale}`);
    const { fonts } = await load();
    const resvg = new Resvg(svg, {
        fitTo: { mode: 'zoom', value: scale },
        font: { fontBuffers: fonts, defaultFontFamily: 'Noto Sans', sansSerifFamily: 'Noto Sans' },
    });
    try {
        const image = resvg.render();
        try {
            return image.asPng();
        } finally {
            image.free();
        }
    } finally {
        resvg.free();
    }
}
