// How wide a line of text is in the font every drawing uses (Noto Sans, regular and semibold,
// read from the font files Trellis ships, see assets.ts), and titles wrapped onto as many lines
// as they need. Boxes are sized from these figures before Graphviz lays them out, so a node's
// text stays inside its box in the SVG, the PNG and the preview alike.
//
// Chinese, Japanese and Korean characters are a full em wide in Noto Sans SC, the fallback for
// them, so they are counted as one em without reading that 10 MB font. Widths are sums of
// advances without kerning, which only ever narrows a line: a measured line is never too short.

import * as opentype from 'opentype.js';
import { readAsset } from './assets.js';

export type FontWeight = 'regular' | 'semibold';

export interface TextStyle {
    /** Font size in px. */
    readonly size: number;
    readonly weight: FontWeight;
}

interface Face {
    readonly unitsPerEm: number;
    readonly font: opentype.Font;
}

interface Faces {
    readonly regular: Face;
    readonly semibold: Face;
    /** Advance of each character in ems, per weight, filled as characters are met. */
    readonly advances: { readonly regular: Map<number, number>; readonly semibold: Map<number, number> };
}

// Read once per process on first use, like Graphviz (layout.ts): the parsed fonts never change.
let faces: Faces | undefined;

function load(): Faces {
    if (!faces) {
        const parse = (file: 'NotoSans-Regular.ttf' | 'NotoSans-SemiBold.ttf'): Face => {
            const bytes = readAsset(file);
            const font = opentype.parse(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength));
            return { font, unitsPerEm: font.unitsPerEm };
        };
        faces = { regular: parse('NotoSans-Regular.ttf'), semibold: parse('NotoSans-SemiBold.ttf'), advances: { regular: new Map(), semibold: new Map() } };
    }
    return faces;
}

/** Characters drawn a full em wide (CJK ideographs, kana, Hangul, full-width forms). */
export function isWide(code: number): boolean {
    return (code >= 0x1100 && code <= 0x115f) || (code >= 0x2e80 && code <= 0xa4cf) || (code >= 0xac00 && code <= 0xd7a3)
        || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xfe30 && code <= 0xfe4f) || (code >= 0xff00 && code <= 0xff60)
        || (code >= 0xffe0 && code <= 0xffe6) || (code >= 0x1f300 && code <= 0x1faff) || (code >= 0x20000 && code <= 0x3fffd);
}

function advance(all: Faces, weight: FontWeight, code: number): number {
    const cache = all.advances[weight];
    let em = cache.get(code);
    if (em === undefined) {
        const face = all[weight];
        const glyph = isWide(code) ? undefined : face.font.charToGlyph(String.fromCodePoint(code));
        // A character Noto Sans lacks is drawn from a fallback font: counted as wide as the widest Latin letters.
        em = isWide(code) ? 1 : glyph && glyph.index !== 0 ? (glyph.advanceWidth ?? face.unitsPerEm) / face.unitsPerEm : code < 0x20 ? 0 : 0.75;
        cache.set(code, em);
    }
    return em;
}

/** The width of one line of text, in px. */
export function textWidth(text: string, style: TextStyle): number {
    const all = load();
    let ems = 0;
    for (const ch of text) ems += advance(all, style.weight, ch.codePointAt(0)!);
    return ems * style.size;
}

/**
 * The text broken into lines no wider than `maxWidth` where it can be: between words, between
 * CJK characters, and inside a word only when the word alone is too
 * wide. Never drops a character: the lines joined give the text back (less the spaces at breaks).
 */
export function wrapText(text: string, maxWidth: number, style: TextStyle): string[] {
    const words = breakable(text.replace(/\s+/g, ' ').trim());
    if (words.length === 0) return [''];
    const all = load();
    const width = (piece: string) => {
        let ems = 0;
        for (const ch of piece) ems += advance(all, style.weight, ch.codePointAt(0)!);
        return ems * style.size;
    };
    // Each piece measured once and each line's width carried along: linear in the text's length.
    const lines: string[] = [];
    let line = '', lineWidth = 0;
    for (const word of words) {
        const bare = word.trimStart();
        const spaced = line === '' ? bare : word;
        const w = width(spaced);
        if (line === '' || lineWidth + w <= maxWidth) {
            line += spaced;
            lineWidth += w;
        } else {
            lines.push(line);
            line = bare;
            lineWidth = width(bare);
        }
        if (lineWidth > maxWidth && [...line].length > 1) {
            // A single word wider than the line: cut it where it overflows.
            let part = '', partWidth = 0;
            for (const ch of line) {
                const c = advance(all, style.weight, ch.codePointAt(0)!) * style.size;
                if (part !== '' && partWidth + c > maxWidth) {
                    lines.push(part);
                    part = '';
                    partWidth = 0;
                }
                part += ch;
                partWidth += c;
            }
            line = part;
            lineWidth = partWidth;
        }
    }
    if (line.trim() !== '') lines.push(line.trimEnd());
    return lines;
}

/** Pieces a line may break after: each word with its leading space, each wide character alone. */
function breakable(text: string): string[] {
    const pieces: string[] = [];
    let current = '';
    for (const ch of text) {
        const code = ch.codePointAt(0)!;
        if (ch === ' ') {
            if (current !== '') pieces.push(current);
            current = ' ';
        } else if (isWide(code)) {
            if (current !== '') pieces.push(current);
            pieces.push(ch);
            current = '';
        } else {
            // Not after a hyphen: `core-platform` split over two lines reads as two names.
            current += ch;
        }
    }
    if (current !== '') pieces.push(current);
    return pieces;
}
