// Keywords that are also valid names (`team`, `metric`, `check`, ...) must give way to a
// longer name that starts with them (`team-alpha`, `metric-cycle`): the lexer needs the
// name terminal as each keyword's "longer alternative". Langium finds those by testing the
// terminal's regular expression source, but a terminal with the `u` flag (which names need
// for letters of any script, `\p{L}`) is built as a matcher function with no source, so it
// was never found and `metric-cycle` lexed as `metric` followed by a stray dash. This tests
// such matchers by running them on the keyword.

import { DefaultTokenBuilder, type GrammarAST } from 'langium';

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
}
