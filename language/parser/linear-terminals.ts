// Quoted text and block comments, scanned by hand instead of by their regular expressions.
//
// `"(\\.|[^"\\\r\n])*"` takes one step of the regular-expression engine's backtracking stack per
// character, so a 5 MB title overflowed it ("Maximum call stack size exceeded") and the
// file could not be read at all; `/\*[\s\S]*?\*\/` does the same for a long comment. These
// scanners match exactly what the grammar's terminals do, in one pass and constant stack.

/** Chevrotain's custom pattern: a match at `offset`, as `RegExp.exec` would give it, or null. */
export type TerminalMatcher = (text: string, offset: number) => RegExpExecArray | null;

function matched(text: string, start: number, end: number): RegExpExecArray {
    const result = [text.slice(start, end)] as unknown as RegExpExecArray;
    result.index = start;
    result.input = text;
    return result;
}

/** `"` then characters other than `"`, `\`, CR and LF, or `\` and any one character, then `"`. */
export const matchString: TerminalMatcher = (text, offset) => {
    if (text.charCodeAt(offset) !== 0x22) return null;
    for (let i = offset + 1; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === 0x22) return matched(text, offset, i + 1);
        if (c === 0x0a || c === 0x0d) return null;
        if (c === 0x5c) {
            // `\\.`: any one character that is not a line terminator (as `.` reads them)
            const escaped = text.charCodeAt(++i);
            if (Number.isNaN(escaped) || escaped === 0x0a || escaped === 0x0d || escaped === 0x2028 || escaped === 0x2029) return null;
        }
    }
    return null;
};

/** `/*`, then anything up to the first `*\/`. */
export const matchBlockComment: TerminalMatcher = (text, offset) => {
    if (text.charCodeAt(offset) !== 0x2f || text.charCodeAt(offset + 1) !== 0x2a) return null;
    const end = text.indexOf('*/', offset + 2);
    return end < 0 ? null : matched(text, offset, end + 2);
};

/** The hand-written matcher of a terminal, by the grammar's name for it. */
export const linearTerminals: Readonly<Record<string, { readonly match: TerminalMatcher; readonly start: string; readonly lineBreaks: boolean }>> = {
    STRING: { match: matchString, start: '"', lineBreaks: false },
    ML_COMMENT: { match: matchBlockComment, start: '/', lineBreaks: true },
};
