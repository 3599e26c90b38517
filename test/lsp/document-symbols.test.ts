// Document symbols: the outline lists every element of the file by name, with an icon per
// kind and its title beside it.

import { EmptyFileSystem } from 'langium';
import { expectSymbols } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { createTrellisServices } from '../../language/trellis-module.js';

const services = createTrellisServices(EmptyFileSystem).Trellis;
const symbols = expectSymbols(services);

const plan = `policy { max-wip 4 }
pillar growth { target 100% }
metric wat { north-star }
goal faster { pillar growth moves wat }
team platform "Platform" {
  capacity 8
}
bet sso {
  owner platform 50%
  goal faster
}
`;

describe('document symbols', () => {
    test('every named element, in file order', async () => {
        await symbols({ text: plan, expectedSymbols: ['growth', 'wat', 'faster', 'platform', 'sso'], disposeAfterCheck: true });
    });

    test('each symbol spans its element and selects its name', async () => {
        let found: DocumentSymbol[] = [];
        await symbols({ text: plan, assert: s => { found = s; }, disposeAfterCheck: true });
        const sso = found.find(s => s.name === 'sso')!;
        expect(sso.range).toEqual({ start: { line: 7, character: 0 }, end: { line: 10, character: 1 } });
        expect(sso.selectionRange).toEqual({ start: { line: 7, character: 4 }, end: { line: 7, character: 7 } });
    });

    test('each kind has its own icon, and the title shows beside the name', async () => {
        let found: DocumentSymbol[] = [];
        await symbols({ text: plan, assert: s => { found = s; }, disposeAfterCheck: true });
        expect(found.map(s => [s.name, s.kind, s.detail])).toEqual([
            ['growth', SymbolKind.Namespace, undefined],
            ['wat', SymbolKind.Variable, undefined],
            ['faster', SymbolKind.Event, undefined],
            ['platform', SymbolKind.Class, 'Platform'],
            ['sso', SymbolKind.Function, undefined],
        ]);
        expect(found.every(s => s.children === undefined || s.children.length === 0)).toBe(true);
    });

    test('an element left half-written still shows the others', async () => {
        await symbols({ text: 'team a { capacity 3 }\nbet {\nteam b { capacity 2 }', expectedSymbols: ['a', 'b'], disposeAfterCheck: true });
    });
});
