// The hand-written scanners for quoted text and block comments accept exactly what the
// grammar's regular expressions do, on every short text over the characters that matter.

import { describe, expect, test } from 'vitest';
import { matchBlockComment, matchString } from '../../language/parser/linear-terminals.js';

/** Every text of up to `length` characters over `alphabet`. */
function* texts(alphabet: readonly string[], length: number): Generator<string> {
    if (length === 0) {
        yield '';
        return;
    }
    for (const shorter of texts(alphabet, length - 1)) {
        yield shorter;
        if (shorter.length === length - 1) for (const c of alphabet) yield shorter + c;
    }
}

function agree(matcher: (text: string, offset: number) => RegExpExecArray | null, regex: RegExp, alphabet: string[], length: number): string[] {
    const sticky = new RegExp(regex.source, 'y');
    const differ: string[] = [];
    for (const body of new Set(texts(alphabet, length))) {
        const text = `x${body}`; // matched at offset 1, as inside a file
        sticky.lastIndex = 1;
        const expected = sticky.exec(text)?.[0];
        const actual = matcher(text, 1)?.[0];
        if (actual !== expected) differ.push(JSON.stringify(text));
    }
    return differ;
}

describe('linear scanners', () => {
    test('quoted text: the same matches as /"(\\\\.|[^"\\\\\\r\\n])*"/', () => {
        expect(agree(matchString, /"(\\.|[^"\\\r\n])*"/, ['"', '\\', 'a', '\n', '\r', '\u2028'], 6)).toEqual([]);
    });

    test('block comments: the same matches as /\\/\\*[\\s\\S]*?\\*\\//', () => {
        expect(agree(matchBlockComment, /\/\*[\s\S]*?\*\//, ['/', '*', 'a', '\n'], 7)).toEqual([]);
    });

    test('a 5 MB title is one match', () => {
        const text = `team t "${'x'.repeat(5_000_000)}"`;
        expect(matchString(text, 7)?.[0].length).toBe(5_000_002);
    });
});
