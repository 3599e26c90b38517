// Find all references (Langium's default): every place an element is named, in every file.

import { EmptyFileSystem } from 'langium';
import { expectFindReferences } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { createTrellisServices } from '../../language/trellis-module.js';
import { markedWorkspace } from './lsp-helpers.js';

const services = createTrellisServices(EmptyFileSystem).Trellis;
const findReferences = expectFindReferences(services);

describe('find references in one file (Langium helper)', () => {
    test('a team: owner, support and depends-on, from the definition and from a reference', async () => {
        await findReferences({
            text: `team <|>platform { capacity 8 }
team web { capacity 3 depends-on <|platform|> }
bet sso { owner <|pla<|>tform|> 50% support web 10%, <|platform|> 10% }
bet other { owner web 20% }`,
            includeDeclaration: false, disposeAfterCheck: true,
        });
    });

    test('a metric, with its declaration', async () => {
        await findReferences({
            text: `metric <|w<|>at|> { north-star }
metric a { drives <|wat|> }
goal g { moves a, <|wat|> }
bet b { expects <|wat|> +1 }`,
            includeDeclaration: true, disposeAfterCheck: true,
        });
    });
});

describe('find references across files', () => {
    test('every file that names the element, and only those', async () => {
        const ws = await markedWorkspace({
            'teams.trellis': 'team <|>platform { capacity 8 }\nteam web { capacity 3 depends-on platform }\n',
            'growth.trellis': 'bet a { owner platform 50% }\nbet b { support web 10%, platform 10% }\n',
            'core.trellis': 'bet c { depends-on platform }\n',
            'other.trellis': 'bet d { owner web 20% }\n',
        });
        const refs = await ws.services.lsp.ReferencesProvider!.findReferences(ws.doc('teams.trellis'), { ...ws.at('teams.trellis'), context: { includeDeclaration: true } }) ?? [];
        const found = refs.map(r => `${ws.fileOf(r.uri)}:${r.range.start.line + 1}:${r.range.start.character + 1} ${ws.doc(ws.fileOf(r.uri)).textDocument.getText(r.range)}`);
        expect(found.sort()).toEqual([
            'core.trellis:1:20 platform',
            'growth.trellis:1:15 platform',
            'growth.trellis:2:26 platform',
            'teams.trellis:1:6 platform',
            'teams.trellis:2:34 platform',
        ]);
    });
});
