// The plan comparison in-process: `elementsChangedSince`, which a view of the plan can use
// to mark what changed since a revision, and the Markdown's handling of text from the plan
// (titles and messages are shown as text, never as Markdown or HTML).

import { describe, expect, test } from 'vitest';
import { diffToMarkdown } from '../../language/diff/diff-markdown.js';
import { diffPlans, elementsChangedSince } from '../../language/diff/plan-diff.js';

const today = '2027-01-15';
const teams = 'team platform "Platform" { capacity 4 }\n\nteam web { capacity 5 }\n';
const bets = 'bet sso {\n  pillar foundations\n  owner platform 60%\n  during 2027-Q1\n}\n\npillar foundations { target 100% }\n';

describe('elementsChangedSince', () => {
    test('names the elements added and changed; a reformat or a move to another file is neither', async () => {
        const base = [{ file: 'teams.trellis', text: teams }, { file: 'bets.trellis', text: bets }];
        const head = [
            { file: 'teams.trellis', text: 'team platform "Platform" {\n  capacity 6\n}\n' },
            { file: 'web.trellis', text: 'team   web {capacity 5}\n' },
            { file: 'bets.trellis', text: bets.replace('during 2027-Q1', 'during 2027-Q1 // soon') + '\nbet search {\n  pillar foundations\n  owner web 20%\n}\n' },
        ];
        expect(await elementsChangedSince(base, head, today)).toEqual({ added: ['search'], changed: ['platform'] });
    });
});

describe('the Markdown comment', () => {
    test('shows titles and messages from the plan as text', async () => {
        const base = [{ file: 'teams.trellis', text: teams }];
        const head = [{ file: 'teams.trellis', text: teams.replace('"Platform"', '"Platform | <img src=x> `core`"') + '\nbet x { owner nobody<b> 10% }\n' }];
        const markdown = diffToMarkdown(await diffPlans(base, head, { base: 'a', head: 'b' }, today));
        expect(markdown).toContain('- team `platform` (`teams.trellis:1`): `title` `"Platform"` → `` "Platform \\| <img src=x> `core`" ``');
        // Outside code spans (where GitHub shows HTML as text), no tag is left unescaped.
        const prose = markdown.replace(/``.*?``|`[^`\n]*`/g, '');
        expect(prose).not.toMatch(/(^|[^\\])<(img|b)\b/m);
        expect(prose).toContain("Unexpected character '\\<'");
    });

    test('many findings introduced: the first eight stay in view, the rest folds', async () => {
        const orphans = Array.from({ length: 12 }, (_, i) => `bet b${String(i).padStart(2, '0')} { owner platform 1% }`).join('\n');
        const diff = await diffPlans([{ file: 'teams.trellis', text: teams }], [{ file: 'teams.trellis', text: teams }, { file: 'bets.trellis', text: orphans }],
            { base: 'a', head: 'b' }, today);
        const markdown = diffToMarkdown(diff);
        // Twelve orphan bets, and the platform team carrying too many of them at once.
        expect(diff.findings.introduced.map(f => f.code).sort()).toEqual([...Array(12).fill('orphan-bet'), 'fragmented-allocation', 'too-much-wip'].sort());
        const section = markdown.slice(markdown.indexOf('#### Findings introduced (14)'), markdown.indexOf('</details>'));
        const [inView, folded] = section.split('<details><summary>6 more</summary>');
        expect(inView.match(/^- ⚠️ warning/gm)).toHaveLength(8);
        expect(folded.match(/^- ⚠️ warning/gm)).toHaveLength(6);
    });

    test('cuts to the length it is given, saying so', async () => {
        const many = Array.from({ length: 400 }, (_, i) => `team t${i} { capacity 2 }`).join('\n');
        const diff = await diffPlans([], [{ file: 'a.trellis', text: many }], { base: 'a', head: 'b' }, today);
        const markdown = diffToMarkdown(diff, 2_000);
        expect(markdown.length).toBeLessThanOrEqual(2_000);
        expect(markdown.split('\n')[0]).toBe('**Trellis** (`a` → `b`): 400 teams added');
        expect(markdown).toMatch(/…and \d+ more, left out to fit the comment/);
    });
});
