// Completion: property names valid for the element at hand, names of the right kind of
// element (across files), value words, check codes and severities, and a snippet for each
// element at the top level.

import { EmptyFileSystem } from 'langium';
import { expectCompletion } from 'langium/test';
import { describe, expect, test } from 'vitest';
import { CompletionItemKind, InsertTextFormat, type CompletionItem, type CompletionList } from 'vscode-languageserver';
import { createTrellisServices } from '../../language/trellis-module.js';
import { markedWorkspace } from './lsp-helpers.js';

const services = createTrellisServices(EmptyFileSystem).Trellis;
const complete = expectCompletion(services);

/** One element of each kind, so that offering the wrong kind shows up. */
const plan = `
metric wat { north-star }
metric activation { drives wat }
pillar growth { target 100% }
goal faster { pillar growth moves activation }
team platform { capacity 8 }
team onboarding { capacity 6 }
bet sso { owner platform 50% goal faster }
`;

/** The labels offered at the `<|>` in `text` (after the plan above), sorted. */
async function labels(text: string): Promise<string[]> {
    let result: string[] = [];
    await complete({
        text: plan + text, index: 0, disposeAfterCheck: true,
        assert: (list: CompletionList) => { result = list.items.map(i => i.label).sort(); },
    });
    return result;
}

async function items(text: string): Promise<CompletionItem[]> {
    let result: CompletionItem[] = [];
    await complete({ text: plan + text, index: 0, disposeAfterCheck: true, assert: (list: CompletionList) => { result = list.items; } });
    return result;
}

const sorted = (words: readonly string[]) => [...words].sort();

describe('property names valid for the element only', () => {
    test.each([
        ['bet', ['allow', 'depends-on', 'during', 'expects', 'funding', 'goal', 'owner', 'pillar', 'review', 'stage', 'support']],
        ['team', ['allow', 'awareness', 'capacity', 'change', 'depends-on', 'effectiveness', 'type']],
        ['goal', ['allow', 'moves', 'pillar']],
        ['metric', ['allow', 'baseline', 'drives', 'north-star', 'target', 'unit']],
        ['pillar', ['allow', 'target']],
    ])('in a %s', async (kind, expected) => {
        expect(await labels(`${kind} x {\n  <|>\n}`)).toEqual(sorted(expected));
    });

    test('in the policy', async () => {
        expect(await labels('policy {\n  <|>\n}')).toEqual(sorted(['check', 'max-blast-radius', 'max-load', 'max-wip', 'pillar-tolerance', 'min-slice']));
    });

    test('after other properties, in a block not yet closed, and right before the brace', async () => {
        const bet = ['allow', 'depends-on', 'during', 'expects', 'funding', 'goal', 'pillar', 'review', 'stage', 'support'];
        expect(await labels('bet x {\n  owner platform 50%\n  <|>\n}')).toEqual(bet);
        expect(await labels('bet x {\n  owner platform 50%\n  <|>')).toEqual(bet);
        expect(await labels('team x {\n  capacity 3\n  <|>}')).toEqual(sorted(['allow', 'awareness', 'change', 'depends-on', 'effectiveness', 'type']));
    });

    test('a property already given is not offered again; the ones that repeat are', async () => {
        // Accepting `owner` a second time would be an invalid-value error, and more.
        const given = 'bet x {\n  allow orphan-bet\n  owner platform 50%\n  goal faster\n  during 2027-Q1\n  support onboarding 10%\n  depends-on sso\n  expects activation +2\n  <|>\n}';
        expect(await labels(given)).toEqual(['allow', 'depends-on', 'expects', 'funding', 'pillar', 'review', 'stage', 'support']);
        expect(await labels('metric m {\n  north-star\n  unit "%"\n  drives wat\n  <|>\n}')).toEqual(['allow', 'baseline', 'drives', 'target']);
        expect(await labels('goal g {\n  pillar growth\n  moves activation\n  <|>\n}')).toEqual(['allow', 'moves']);
        expect(await labels('policy {\n  max-load 90%\n  check orphan-metric off\n  <|>\n}')).toEqual(sorted(['check', 'max-blast-radius', 'max-wip', 'pillar-tolerance', 'min-slice']));
        // Given in another element only: still offered here.
        expect(await labels('bet y {\n  <|>\n}')).toContain('owner');
    });

    test('a half-typed name: offered if not given yet, not if it is', async () => {
        expect(await labels('team x {\n  capacity 3\n  type platform\n  ty<|>\n}')).toEqual([]);
        expect(await labels('team x {\n  capa<|>\n}')).toEqual(['capacity']);
    });

    test('a half-typed property name', async () => {
        expect(await labels('team x {\n  capa<|>\n}')).toEqual(['capacity']);
    });
});

describe('names of the right kind', () => {
    test.each([
        ['owner', 'bet x {\n  owner <|>\n}', ['onboarding', 'platform']],
        ['support, second in a list', 'bet x {\n  support platform 20%, <|>\n}', ['onboarding', 'platform']],
        ['moves', 'goal g {\n  moves <|>\n}', ['activation', 'wat']],
        ['expects', 'bet x {\n  expects <|>\n}', ['activation', 'wat']],
        ['goal', 'bet x {\n  goal <|>\n}', ['faster']],
        ['pillar', 'bet x {\n  pillar <|>\n}', ['growth']],
        ['depends-on in a bet: bets and teams, not the bet itself', 'bet x {\n  depends-on <|>\n}', ['onboarding', 'platform', 'sso']],
        ['depends-on in a team: only other teams', 'team web {\n  depends-on <|>\n}', ['onboarding', 'platform']],
        ['drives: other metrics', 'metric m {\n  drives <|>\n}', ['activation', 'wat']],
        ['a half-typed name', 'bet x {\n  owner pla<|>\n}', ['platform']],
    ])('after %s', async (_what, text, expected) => {
        expect(await labels(text)).toEqual(expected);
    });

    test('names defined in other files of the workspace', async () => {
        const ws = await markedWorkspace({
            'teams.trellis': 'team platform { capacity 8 }\nteam web { capacity 4 }\n',
            'strategy.trellis': 'metric wat { north-star }\ngoal faster { moves wat }\n',
            'owner.trellis': 'bet x {\n  owner <|>\n}\n',
            'goal.trellis': 'bet y {\n  goal <|>\n}\ngoal g2\n',
            'moves.trellis': 'goal g3 {\n  moves <|>\n}\n',
        });
        const offered = async (file: string) => {
            const list = await ws.services.lsp.CompletionProvider!.getCompletion(ws.doc(file), ws.at(file));
            return (list?.items ?? []).map(i => i.label).sort();
        };
        expect(await offered('owner.trellis')).toEqual(['platform', 'web']);
        expect(await offered('goal.trellis')).toEqual(['faster', 'g2', 'g3']);
        expect(await offered('moves.trellis')).toEqual(['wat']);
    });

    test('nothing where a new element\'s name goes', async () => {
        expect(await labels('bet <|>')).toEqual([]);
    });
});

describe('value words', () => {
    test.each([
        ['type', 'team t {\n  type <|>\n}', ['complicated-subsystem', 'enabling', 'platform', 'stream-aligned']],
        ['funding', 'bet b {\n  funding <|>\n}', ['new-offering', 'operational-optimizer', 'platform', 'rebuild']],
        ['stage', 'bet b {\n  stage <|>\n}', ['commit', 'done', 'dropped', 'explore', 'scale', 'validate']],
        ['awareness', 'team t {\n  awareness <|>\n}', ['explicit', 'implicit', 'unintelligible']],
        ['change', 'team t {\n  change <|>\n}', ['descaling', 'moderate-growth', 'rapid-growth', 'revolutionary', 'slow']],
        ['effectiveness', 'team t {\n  effectiveness <|>\n}', ['getting-better', 'getting-worse', 'needs-radical-change', 'working-for-now']],
    ])('after %s', async (_what, text, expected) => {
        expect(await labels(text)).toEqual(expected);
    });

    test('each comes with what it means', async () => {
        const offered = await items('bet b {\n  funding <|>\n}');
        const offering = offered.find(i => i.label === 'new-offering');
        expect(offering?.kind).toBe(CompletionItemKind.EnumMember);
        expect(offering?.documentation).toMatch(/^funding: a new offering, funded like a startup/);
    });
});

describe('check codes and severities', () => {
    const switchable = [
        'dependency-cycle', 'depends-on-dropped', 'duplicate-name', 'expired-allowance', 'fragmented-allocation', 'high-blast-radius',
        'invalid-value', 'late-dependency', 'metric-cycle', 'missing-owner', 'missing-review', 'no-north-star', 'one-person-team',
        'optimizer-without-metric', 'orphan-bet', 'orphan-metric', 'overdue-review', 'overloaded-team', 'pillar-drift', 'pillar-targets',
        'self-dependency', 'too-much-wip', 'unlinked-goal',
    ];

    test('after check: every code a policy can switch (not syntax-error or unresolved-reference)', async () => {
        expect(await labels('policy {\n  check <|>\n}')).toEqual(switchable);
    });

    test('after allow: the same codes', async () => {
        expect(await labels('bet b {\n  allow <|>\n}')).toEqual(switchable);
    });

    test('a code comes with its default severity and meaning', async () => {
        const offered = await items('policy {\n  check <|>\n}');
        const wip = offered.find(i => i.label === 'too-much-wip');
        expect(wip?.detail).toBe('check, default warning');
        expect(wip?.documentation).toBe("A team's number of concurrent bets in some quarter exceeds max-wip (default 3).");
    });

    test('after a code in check: the severities', async () => {
        expect(await labels('policy {\n  check overloaded-team <|>\n}')).toEqual(['error', 'hint', 'info', 'off', 'warning']);
    });
});

describe('elements at the top level', () => {
    const elements = ['bet', 'goal', 'metric', 'pillar', 'policy', 'team'];
    const withSnippets = sorted([...elements, ...elements.map(e => `${e} …`)]);

    test('in an empty file: each element keyword and a snippet for each', async () => {
        let offered: string[] = [];
        await complete({ text: '<|>', index: 0, disposeAfterCheck: true, assert: list => { offered = list.items.map(i => i.label).sort(); } });
        expect(offered).toEqual(withSnippets);
    });

    test('after other elements, also after a block that names properties (pillar, goal)', async () => {
        expect(await labels('<|>')).toEqual(withSnippets);
        expect(await labels('bet x {\n  owner platform 50%\n}\n<|>')).toEqual(withSnippets);
        expect(await labels('te<|>')).toEqual(['team', 'team …']);
    });

    test('not inside a block', async () => {
        expect((await labels('team x {\n  <|>\n}')).filter(l => l.endsWith('…'))).toEqual([]);
    });

    test('a snippet is a whole element with placeholders to tab through', async () => {
        const team = (await items('<|>')).find(i => i.label === 'team …');
        expect(team?.kind).toBe(CompletionItemKind.Snippet);
        expect(team?.insertTextFormat).toBe(InsertTextFormat.Snippet);
        expect(team?.insertText).toBe('team ${1:name} "${2:Title}" {\n  type ${3|stream-aligned,platform,enabling,complicated-subsystem|}\n  capacity ${4:6}\n}');
        const bet = (await items('<|>')).find(i => i.label === 'bet …');
        expect(bet?.insertText).toMatch(/^bet \$\{1:name\} "\$\{2:Title\}" \{\n {2}goal \$\{3:goal\}\n {2}owner \$\{4:team\} \$\{5:50\}%/);
    });
});

describe('every item says what it is', () => {
    const places = [
        '<|>', 'bet x {\n  <|>\n}', 'team x {\n  <|>\n}', 'goal x {\n  <|>\n}', 'metric x {\n  <|>\n}', 'pillar x {\n  <|>\n}',
        'policy {\n  <|>\n}', 'bet x {\n  owner <|>\n}', 'bet x {\n  depends-on <|>\n}', 'goal g {\n  moves <|>\n}',
        'team t {\n  type <|>\n}', 'bet b {\n  stage <|>\n}', 'bet b {\n  funding <|>\n}', 'policy {\n  check <|>\n}',
        'policy {\n  check overloaded-team <|>\n}', 'metric m {\n  target 10 <|>\n}', 'bet b {\n  allow orphan-bet "why" <|>\n}',
    ];

    test.each(places)('at %j: a one-line detail on every item, never the bare word "Keyword"', async place => {
        const offered = await items(place);
        expect(offered.length).toBeGreaterThan(0);
        for (const item of offered) {
            expect(item.detail, item.label).toBeTruthy();
            expect(item.detail, item.label).not.toMatch(/\n|^Keyword$/);
        }
    });

    test('a property keyword: what the property means, and whether it repeats', async () => {
        const offered = await items('bet x {\n  <|>\n}');
        const support = offered.find(i => i.label === 'support')!;
        expect(support.detail).toBe('Teams that support a bet, each with its allocation.');
        expect(support.documentation).toMatchObject({ kind: 'markdown', value: expect.stringContaining('May be given more than once') });
        expect(offered.find(i => i.label === 'review')!.detail).toBe('The pivot-or-proceed date of a bet.');
    });

    test('an element keyword and its snippet: what the element is', async () => {
        const offered = await items('<|>');
        expect(offered.find(i => i.label === 'bet')!.detail).toBe('A bet: a piece of work with an owner, supporting teams, a goal and a horizon.');
        const snippet = offered.find(i => i.label === 'bet …')!;
        expect(snippet.detail).toBe('New bet, to fill in');
        expect(snippet.documentation).toMatchObject({ value: expect.stringContaining('A bet: a piece of work') });
    });

    test('a name: its kind and its title', async () => {
        const ws = await markedWorkspace({
            'teams.trellis': 'team platform "Platform & Infra" { capacity 8 }\nteam web { capacity 4 }\n',
            'bet.trellis': 'bet x {\n  owner <|>\n}\n',
        });
        const list = await ws.services.lsp.CompletionProvider!.getCompletion(ws.doc('bet.trellis'), ws.at('bet.trellis'));
        expect(list?.items.map(i => [i.label, i.detail]).sort()).toEqual([['platform', 'team — Platform & Infra'], ['web', 'team']]);
    });

    test('a value word: what kind of word, and what it means', async () => {
        const validate = (await items('bet b {\n  stage <|>\n}')).find(i => i.label === 'validate')!;
        expect(validate.detail).toBe('stage');
        expect(validate.documentation).toBe('stage: validating the solution with real users.');
    });
});
