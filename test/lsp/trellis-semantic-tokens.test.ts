// Semantic tokens: each kind of element gets its own token type, at its definition (marked
// as a declaration) and wherever it is named, so any theme colours teams, bets, metrics,
// goals and pillars apart; periods and numbers are numbers, check codes stand out.

import { EmptyFileSystem } from 'langium';
import { clearDocuments, expectSemanticToken, highlightHelper } from 'langium/test';
import { beforeAll, describe, expect, test } from 'vitest';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import { kindTokens } from '../../language/lsp/trellis-semantic-tokens.js';
import { createTrellisServices } from '../../language/trellis-module.js';

const services = createTrellisServices(EmptyFileSystem).Trellis;
const parse = highlightHelper(services);
/** Tokens of one document; the document is removed again so the next one stands alone. */
async function highlight(text: string): Promise<Awaited<ReturnType<typeof parse>>> {
    const result = await parse(text);
    await clearDocuments(services);
    return result;
}
const declaration = services.lsp.SemanticTokenProvider!.tokenModifiers[SemanticTokenModifiers.declaration];

const plan = `pillar <|growth|> { target 100% }
metric <|wat|> { north-star }
metric <|activation|> { drives <|wat|> }
goal <|faster|> { pillar <|growth|> moves <|activation|> }
team <|platform|> { capacity <|8|> }
team <|onboarding|> { capacity 6 depends-on <|platform|> }
bet <|sso|> { owner <|platform|> <|50|>% support <|onboarding|> 10% goal <|faster|> }
bet <|guided|> { pillar <|growth|> owner <|onboarding|> 60% depends-on <|sso|>, <|platform|> expects <|activation|> +8 }
bet <|timed|> { during <|2027-Q1|> .. <|2027-Q2|> review <|2027-02-15|> allow <|orphan-bet|> "why" until <|2027-06-30|> }
metric <|nps|> { target 60 by <|2027-Q4|> }
policy { check <|too-much-wip|> off }
`;

describe('semantic tokens', () => {
    let planTokens: Awaited<ReturnType<typeof highlight>>;
    beforeAll(async () => {
        planTokens = await highlight(plan);
    });

    test('every kind of element has a token type of its own', () => {
        const types = ['Team', 'Bet', 'Metric', 'Goal', 'Pillar'].map(kind => kindTokens[kind]);
        expect(new Set(types).size).toBe(5);
        expect(types.every(t => t in services.lsp.SemanticTokenProvider!.tokenTypes)).toBe(true);
    });

    const expected: Array<[string, SemanticTokenTypes]> = [
        ['growth', kindTokens.Pillar], ['wat', kindTokens.Metric], ['activation', kindTokens.Metric], ['wat', kindTokens.Metric],
        ['faster', kindTokens.Goal], ['growth', kindTokens.Pillar], ['activation', kindTokens.Metric],
        ['platform', kindTokens.Team], ['8', SemanticTokenTypes.number],
        ['onboarding', kindTokens.Team], ['platform', kindTokens.Team],
        ['sso', kindTokens.Bet], ['platform', kindTokens.Team], ['50', SemanticTokenTypes.number], ['onboarding', kindTokens.Team], ['faster', kindTokens.Goal],
        ['guided', kindTokens.Bet], ['growth', kindTokens.Pillar], ['onboarding', kindTokens.Team], ['sso', kindTokens.Bet], ['platform', kindTokens.Team], ['activation', kindTokens.Metric],
        ['timed', kindTokens.Bet], ['2027-Q1', SemanticTokenTypes.number], ['2027-Q2', SemanticTokenTypes.number], ['2027-02-15', SemanticTokenTypes.number],
        ['orphan-bet', SemanticTokenTypes.macro], ['2027-06-30', SemanticTokenTypes.number],
        ['nps', kindTokens.Metric], ['2027-Q4', SemanticTokenTypes.number],
        ['too-much-wip', SemanticTokenTypes.macro],
    ];

    test.each(expected.map(([text, type], index) => [index, text, type] as const))('range %i: %s is a %s token', async (index, _text, type) => {
        const result = planTokens;
        expect(result.ranges).toHaveLength(expected.length);
        const [start, end] = result.ranges[index];
        expect(plan.replace(/<\||\|>/g, '').slice(start, end)).toBe(expected[index][0]);
        expectSemanticToken(result, { rangeIndex: index, tokenType: type });
    });

    test('definitions are declarations, references are not', async () => {
        const { tokens } = await highlight('team platform { capacity 4 }\nbet b { owner platform 50% }');
        const names = tokens.filter(t => t.text === 'platform');
        expect(names.map(t => [t.tokenType, (t.tokenModifiers & declaration) !== 0])).toEqual([[kindTokens.Team, true], [kindTokens.Team, false]]);
    });

    test('a depends-on target is coloured as what it turns out to be: a team or a bet', async () => {
        const { tokens } = await highlight('team a { capacity 4 }\nbet b { owner a 10% }\nbet c { depends-on a, b }');
        const targets = tokens.filter(t => t.offset > 'team a { capacity 4 }\nbet b { owner a 10% }\nbet c'.length && (t.text === 'a' || t.text === 'b'));
        expect(targets.map(t => [t.text, t.tokenType])).toEqual([['a', kindTokens.Team], ['b', kindTokens.Bet]]);
    });

    test('keywords and value words are left to the TextMate grammar', async () => {
        const { tokens } = await highlight('team t { type platform capacity 4 }');
        expect(tokens.map(t => t.text)).toEqual(['t', '4']);
    });
});
