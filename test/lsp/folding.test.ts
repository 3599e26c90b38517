// Folding (Langium's default): every block that spans lines folds, and so do multi-line
// comments; the closing line stays visible.

import { EmptyFileSystem } from 'langium';
import { expectFoldings } from 'langium/test';
import { describe, test } from 'vitest';
import { createTrellisServices } from '../../language/trellis-module.js';

const services = createTrellisServices(EmptyFileSystem).Trellis;
const foldings = expectFoldings(services);

describe('folding', () => {
    test('multi-line blocks fold; one-line blocks do not', async () => {
        await foldings({
            text: `pillar growth { target 100% }
<|team platform {
  capacity 8
  type platform|>
}
<|bet sso {
  owner platform 50%|>
}
metric wat { north-star }
`,
            disposeAfterCheck: true,
        });
    });

    test('a multi-line comment folds', async () => {
        await foldings({
            text: `<|/* The plan for 2027.
   Agreed in January.|>
*/
team t { capacity 3 }
`,
            disposeAfterCheck: true,
        });
    });
});
