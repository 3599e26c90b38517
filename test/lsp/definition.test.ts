// Go to definition (Langium's default): from any reference to the element it names, in the
// same file or another one, for every kind of reference.

import { EmptyFileSystem } from 'langium';
import { expectGoToDefinition } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { createTrellisServices } from '../../language/trellis-module.js';
import { markedWorkspace } from './lsp-helpers.js';

const services = createTrellisServices(EmptyFileSystem).Trellis;
const gotoDefinition = expectGoToDefinition(services);

describe('go to definition in one file (Langium helper)', () => {
    const text = `team <|platform|> { capacity 8 }
metric <|wat|> { north-star }
pillar <|growth|> { target 100% }
goal <|faster|> { pillar gr<|>owth moves w<|>at }
bet <|sso|> { owner plat<|>form 50% goal fa<|>ster }
bet guided { depends-on s<|>so, platfor<|>m expects <|>wat +3 support <|>platform 10% }`;

    test.each([
        [0, 2, 'the pillar of a goal'], [1, 1, 'a metric it moves'], [2, 0, 'the owner of a bet'], [3, 3, 'the goal of a bet'],
        [4, 4, 'a bet in depends-on'], [5, 0, 'a team in depends-on'], [6, 1, 'a metric in expects'], [7, 0, 'a supporting team'],
    ])('marker %i goes to range %i: %s', async (index, rangeIndex) => {
        await gotoDefinition({ text, index, rangeIndex, disposeAfterCheck: true });
    });
});

describe('go to definition across files', () => {
    test('from a bet in one file to the team, goal and metric defined in others', async () => {
        const ws = await markedWorkspace({
            'teams.trellis': 'team <|platform|> "Platform" {\n  capacity 8\n}\n',
            'strategy.trellis': 'metric <|wat|> { north-star }\ngoal <|faster|> { moves wat }\n',
            'bets.trellis': 'bet sso {\n  owner pl<|>atform 50%\n  goal <|>faster\n  expects wat<|> +2\n}\n',
        });
        const target = async (index: number) => {
            const [link] = await ws.services.lsp.DefinitionProvider!.getDefinition(ws.doc('bets.trellis'), ws.at('bets.trellis', index)) ?? [];
            return { file: ws.fileOf(link.targetUri), selection: link.targetSelectionRange };
        };
        expect(await target(0)).toEqual({ file: 'teams.trellis', selection: ws.range('teams.trellis') });
        expect(await target(1)).toEqual({ file: 'strategy.trellis', selection: ws.range('strategy.trellis', 1) });
        expect(await target(2)).toEqual({ file: 'strategy.trellis', selection: ws.range('strategy.trellis', 0) });
    });

    test('nothing for a name no element has', async () => {
        const ws = await markedWorkspace({ 'bets.trellis': 'bet sso { owner gh<|>ost 50% }\n' });
        expect(await ws.services.lsp.DefinitionProvider!.getDefinition(ws.doc('bets.trellis'), ws.at('bets.trellis')) ?? []).toEqual([]);
    });
});
