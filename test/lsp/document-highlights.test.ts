// Document highlights (Langium's default): put the cursor on a name and see every place it
// is named in this file.

import { EmptyFileSystem } from 'langium';
import { expectHighlight } from 'langium/test';
import { describe, test } from 'vitest';
import { createTrellisServices } from '../../language/trellis-module.js';

const services = createTrellisServices(EmptyFileSystem).Trellis;
const highlight = expectHighlight(services);

describe('document highlights', () => {
    test('a team: its definition and every reference, not other names', async () => {
        await highlight({
            text: `team <|platform|> { capacity 8 }
team web { capacity 3 depends-on <|platform|> }
bet sso { owner <|plat<|>form|> 50% support web 10%, <|platform|> 10% }`,
            index: 0, disposeAfterCheck: true,
        });
    });

    test('a goal, from its definition', async () => {
        await highlight({
            text: `goal <|fa<|>ster|> { }
bet a { goal <|faster|> }
bet b { goal <|faster|> }
bet c { goal other }
goal other`,
            index: 0, disposeAfterCheck: true,
        });
    });
});
