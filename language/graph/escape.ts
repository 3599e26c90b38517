// Escaping for every output format. Names and titles come from plan files and may hold any
// text (`<script>`, `"><img onerror=...>`, `]]>`); each format gets them as inert text only.

// Characters XML 1.0 does not allow anywhere, even escaped: C0 controls other than tab, LF,
// CR, lone surrogates, U+FFFE and U+FFFF.
// eslint-disable-next-line no-control-regex
const invalidXml = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

// Bidirectional embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069) reorder
// the text around them: `abc\u202Efed` reads as "abcdef". A drawing shows each as its code
// (`\u202E`), so no title can make a picture say what the plan does not; the check reports
// them as `invalid-value` (see text-validator).
const bidiControls = /[\u202A-\u202E\u2066-\u2069]/g;

const codeOf = (c: string) => `\\u${c.codePointAt(0)!.toString(16).toUpperCase()}`;

/** Bidirectional controls written out as visible text (`\u202E`). */
export function showBidi(text: string): string {
    return text.replace(bidiControls, codeOf);
}

/**
 * JSON text with bidirectional controls written as JSON escapes (`\u202e`): the same data to
 * a program that parses it, and no reordered text to a person who reads the file.
 */
export function jsonWithoutBidi(json: string): string {
    return json.replace(bidiControls, c => `\\u${c.codePointAt(0)!.toString(16)}`);
}

/** The bidirectional controls in a text, each once, as `\u202E`. */
export function bidiControlsIn(text: string): string[] {
    return [...new Set(text.match(bidiControls) ?? [])].map(codeOf);
}

/** Text or an attribute value in XML, SVG or HTML. */
export function xml(text: string): string {
    return showBidi(text).replace(invalidXml, '\uFFFD').replace(/[&<>"']/g, c => xmlEntities[c]);
}

const xmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * A Graphviz double-quoted string: quotes and backslashes escaped (so `\N`, `\G`, `\l` in a
 * title stay text), line breaks given by the caller as real newlines become `\n`.
 *
 * No line of it is left empty: the WebAssembly Graphviz (@hpcc-js/wasm-graphviz 1.x) gives an
 * empty line of a label no font, and a label whose first line is empty (a title that is empty
 * or starts with a line break) then fails its layout with "table index is out of bounds"
 * some of the time. A space is a line with a font, and draws the same.
 */
export function dotString(text: string): string {
    const lines = showBidi(text).replace(invalidXml, '\uFFFD').replace(/[\\"]/g, c => `\\${c}`).split(/\r\n|\r|\n/);
    const body = lines.length === 1 ? lines[0] : lines.map(line => (line === '' ? ' ' : line)).join('\\n');
    return `"${body}"`;
}

/** Text inside a Graphviz HTML-like label (`<TD>...</TD>`). */
export function dotHtml(text: string): string {
    return xml(text);
}

/**
 * Text inside a Mermaid `"..."` label. Mermaid reads `#name;` and `#123;` as entity codes, so
 * every character that could end the string or be read as markup is written as one.
 */
export function mermaidText(text: string): string {
    // The caller joins lines with `<br/>`: a line break or tab inside a line is a title's own.
    return showBidi(text).replace(invalidXml, '\uFFFD').replace(/[\r\n\t]+/g, ' ').replace(/[#&<>"`\\[\]{}|]/g, c => `#${c.codePointAt(0)};`);
}

/**
 * A Mermaid node id for an element name: letters and digits kept, every other character
 * spelled as `_` and its code point, so distinct names never share an id and no name can be
 * read as a keyword (`end`) or an edge (`--`).
 */
export function mermaidId(prefix: string, name: string): string {
    let id = prefix;
    for (const ch of name) id += /[A-Za-z0-9]/.test(ch) ? ch : `_${ch.codePointAt(0)!.toString(16)}_`;
    return id;
}

/** Cuts a long title for a label; the full text stays in the tooltip. */
export function truncate(text: string, max = 40): string {
    const chars = [...text];
    return chars.length <= max ? text : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
