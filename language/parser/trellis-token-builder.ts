// Keywords that are also valid names (`team`, `metric`, `check`, ...) must give way to a
// longer name that starts with them (`team-alpha`, `metric-cycle`): the lexer needs the
// name terminal as each keyword's "longer alternative". Langium finds those by testing the
// terminal's regular expression source, but a terminal with the `u` flag (which names need
// for letters of any script, `\p{L}`) is built as a matcher function with no source, so it
// was never found and `metric-cycle` lexed as `metric` followed by a stray dash. This tests
// such matchers by running them on the keyword.
//
// Such a matcher function also tells Chevrotain nothing about the characters a name can
// start with, so it gave up its first-character dispatch for the whole lexer and tried
// every token type at every position: lexing 50k elements took ~5 s instead of ~0.3 s.
// `START_CHARS_HINT` gives that back (every character the name's first class admits), and
// a name that cannot contain a line break need not be scanned for one.

import { DefaultTokenBuilder, GrammarUtils, type GrammarAST } from 'langium';
import { linearTerminals } from './linear-terminals.js';

type TokenType = Parameters<DefaultTokenBuilder['buildKeywordToken']>[1][number];

export class TrellisTokenBuilder extends DefaultTokenBuilder {
    protected override findLongerAlt(keyword: GrammarAST.Keyword, terminalTokens: TokenType[]): TokenType[] {
        const found = super.findLongerAlt(keyword, terminalTokens);
        for (const token of terminalTokens) {
            const pattern = token.PATTERN;
            if (typeof pattern !== 'function' || found.includes(token)) continue;
            const match = (pattern as (text: string, offset: number) => RegExpExecArray | null)(keyword.value, 0);
            if (match?.[0] === keyword.value) found.push(token);
        }
        return found;
    }

    protected override buildTerminalToken(terminal: GrammarAST.TerminalRule): TokenType {
        const token = super.buildTerminalToken(terminal);
        const linear = linearTerminals[terminal.name];
        if (linear) {
            token.PATTERN = linear.match;
            token.START_CHARS_HINT = [linear.start.charCodeAt(0)];
            token.LINE_BREAKS = linear.lineBreaks;
            return token;
        }
        if (typeof token.PATTERN !== 'function') return token;
        const regex = GrammarUtils.terminalRegex(terminal);
        const classes = characterClasses(regex.source);
        if (!classes) return token;
        const first = new RegExp(`^${classes[0]}$`, regex.flags.replace(/[gy]/g, ''));
        const hints: number[] = [];
        for (let code = 0; code <= 0xffff; code++) {
            // A high surrogate may start a letter beyond the first plane: let the matcher decide.
            if ((code >= 0xd800 && code <= 0xdbff) || first.test(String.fromCharCode(code))) hints.push(code);
        }
        token.START_CHARS_HINT = hints;
        const any = new RegExp(classes.join('|'), regex.flags.replace(/[gy]/g, ''));
        if (!any.test('\n') && !any.test('\r')) token.LINE_BREAKS = false;
        return token;
    }
}

/**
 * The character classes of a pattern made only of classes, the first one mandatory
 * (`[\p{L}_][\p{L}\p{N}_-]*`), or undefined for any other shape: only then are the
 * characters it can start with exactly those of its first class.
 */
function characterClasses(source: string): string[] | undefined {
    const parts = source.match(/\[(?:\\.|[^\]\\])*\][*+?]?/g);
    if (!parts || parts.join('') !== source || /[*?]$/.test(parts[0])) return undefined;
    return parts.map(part => part.replace(/[*+?]$/, ''));
}
