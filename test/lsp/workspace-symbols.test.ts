// Workspace symbols (Langium's default): find any element of the plan by name, in any file.

import { describe, expect, test } from 'vitest';
import { markedWorkspace } from './lsp-helpers.js';

describe('workspace symbols', () => {
    test('every element of every file; a query narrows them down', async () => {
        const ws = await markedWorkspace({
            'teams.trellis': 'team platform { capacity 8 }\nteam web-app { capacity 4 }\n',
            'strategy.trellis': 'pillar growth { target 100% }\nmetric wat { north-star }\ngoal faster { pillar growth moves wat }\n',
            'bets.trellis': 'bet sso { owner platform 50% goal faster }\nbet web-push { owner web-app 10% goal faster }\n',
        });
        const provider = ws.services.shared.lsp.WorkspaceSymbolProvider!;
        const find = async (query: string) => (await provider.getSymbols({ query })).map(s => `${s.name} ${ws.fileOf(s.location.uri)}`).sort();
        expect(await find('')).toEqual([
            'faster strategy.trellis', 'growth strategy.trellis', 'platform teams.trellis', 'sso bets.trellis',
            'wat strategy.trellis', 'web-app teams.trellis', 'web-push bets.trellis',
        ]);
        expect(await find('web')).toEqual(['web-app teams.trellis', 'web-push bets.trellis']);
        expect(await find('plat')).toEqual(['platform teams.trellis']);
    });

    test('the location selects the name at its definition', async () => {
        const ws = await markedWorkspace({ 'teams.trellis': 'team platform { capacity 8 }\n' });
        const [symbol] = await ws.services.shared.lsp.WorkspaceSymbolProvider!.getSymbols({ query: 'platform' });
        expect(symbol.location).toEqual({ uri: ws.doc('teams.trellis').uri.toString(), range: { start: { line: 0, character: 5 }, end: { line: 0, character: 13 } } });
    });
});
