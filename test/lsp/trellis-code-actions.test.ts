// Quick fixes: each one is applied the way the editor applies it, and the finding it fixes
// must be gone when the workspace is checked again.

import { EmptyFileSystem } from 'langium';
import { testCodeAction } from 'langium/test';
import { describe, expect, test } from 'vitest';
import type { CodeAction } from 'vscode-languageserver';
import { createTrellisServices } from '../../language/trellis-module.js';
import { buildWorkspace, type TestWorkspace } from '../helpers.js';
import { markedWorkspace, type MarkedWorkspace } from './lsp-helpers.js';

/** The quick fixes offered for the (first) diagnostic with this code in a file. */
async function fixesFor(ws: MarkedWorkspace, file: string, code: string, nth = 0): Promise<CodeAction[]> {
    const doc = ws.doc(file);
    const diagnostic = ws.withCode(code, file)[nth];
    if (!diagnostic) throw new Error(`no ${code} in ${file}: ${ws.diagnostics(file).map(d => d.code).join(', ')}`);
    const actions = await ws.services.lsp.CodeActionProvider!.getCodeActions(doc, {
        textDocument: { uri: doc.uri.toString() }, range: diagnostic.range, context: { diagnostics: [diagnostic] },
    }) ?? [];
    return actions.filter(CodeActionIs);
}

function CodeActionIs(a: unknown): a is CodeAction {
    return typeof a === 'object' && a !== null && 'title' in a && 'edit' in a;
}

interface Fixed {
    /** The text of each file the fix changed. */
    readonly changed: Record<string, string>;
    /** The workspace checked again after the fix. */
    readonly after: TestWorkspace;
}

/** Applies the quick fix with this title and checks the whole workspace again. */
async function applyFix(files: Record<string, string>, file: string, code: string, title: string | RegExp, nth = 0): Promise<Fixed> {
    const ws = await markedWorkspace(files);
    const actions = await fixesFor(ws, file, code, nth);
    const action = actions.find(a => (typeof title === 'string' ? a.title === title : title.test(a.title)));
    if (!action) throw new Error(`no fix '${title}' for ${code}; offered: ${actions.map(a => a.title).join(' | ')}`);
    const changed = ws.apply(action.edit);
    const after = await buildWorkspace({ ...files, ...changed });
    return { changed, after };
}

const titles = (actions: CodeAction[]) => actions.map(a => a.title);

describe('create a missing element', () => {
    const services = createTrellisServices(EmptyFileSystem).Trellis;
    services.plan.PlanService.setToday('2027-01-15');

    test('a goal, at the end of the file (Langium helper: one fix, and the error goes)', async () => {
        const input = 'team t { capacity 4 }\nbet b {\n  goal faster\n  owner t 50%\n}\n';
        const result = await testCodeAction(services)(input, 'linking-error', `${input}\ngoal faster\n`);
        expect(result.action?.title).toBe("Create goal 'faster'");
        expect(result.action?.isPreferred).toBe(true);
        await result.dispose();
    });

    test('a team after owner, with a type and capacity to fill in', async () => {
        const files = { 'bets.trellis': 'bet b {\n  owner platform 50%\n}' };
        const { changed, after } = await applyFix(files, 'bets.trellis', 'unresolved-reference', "Create team 'platform'");
        expect(changed['bets.trellis']).toBe('bet b {\n  owner platform 50%\n}\n\nteam platform {\n  type stream-aligned\n  capacity 5\n}\n');
        expect(after.withCode('unresolved-reference')).toEqual([]);
    });

    test('a metric after moves, a pillar after pillar', async () => {
        const metric = await applyFix({ 'plan.trellis': 'goal g { moves nps }\n' }, 'plan.trellis', 'unresolved-reference', "Create metric 'nps'");
        expect(metric.changed['plan.trellis']).toBe('goal g { moves nps }\n\nmetric nps\n');
        expect(metric.after.withCode('unresolved-reference')).toEqual([]);
        const pillar = await applyFix({ 'plan.trellis': 'goal g { pillar growth }\n\n' }, 'plan.trellis', 'unresolved-reference', "Create pillar 'growth'");
        expect(pillar.changed['plan.trellis']).toBe('goal g { pillar growth }\n\npillar growth {\n  target 0%\n}\n');
        expect(pillar.after.withCode('unresolved-reference')).toEqual([]);
    });

    test('after depends-on: a bet or a team, neither preferred', async () => {
        const ws = await markedWorkspace({ 'plan.trellis': 'team t { capacity 3 }\nbet b { owner t 50% depends-on ledger }\n' });
        const actions = await fixesFor(ws, 'plan.trellis', 'unresolved-reference');
        expect(titles(actions)).toEqual(["Create bet 'ledger'", "Create team 'ledger'"]);
        expect(actions.map(a => a.isPreferred)).toEqual([false, false]);
        const { after } = await applyFix({ 'plan.trellis': 'team t { capacity 3 }\nbet b { owner t 50% depends-on ledger }\n' }, 'plan.trellis', 'unresolved-reference', "Create bet 'ledger'");
        expect(after.withCode('unresolved-reference')).toEqual([]);
    });

    test('after depends-on in a team: only a team (teams depend on teams)', async () => {
        const ws = await markedWorkspace({ 'plan.trellis': 'team web { capacity 3 depends-on ledger }\n' });
        expect(titles(await fixesFor(ws, 'plan.trellis', 'unresolved-reference'))).toEqual(["Create team 'ledger'"]);
    });

    test('not offered when the name belongs to an element of another kind (it would be a duplicate)', async () => {
        const ws = await markedWorkspace({ 'plan.trellis': 'goal faster\nbet b { owner faster 50% }\n' });
        expect(ws.withCode('unresolved-reference')[0].message).toBe("'faster' is a goal, not a team");
        expect(titles(await fixesFor(ws, 'plan.trellis', 'unresolved-reference'))).toEqual([]);
    });
});

describe('add a review date stub to a new offering', () => {
    const files = {
        'plan.trellis': 'pillar p { target 100% }\nteam t { capacity 4 }\n\nbet trial "Usage-based trial" {\n  pillar p\n  owner t 50%\n  funding new-offering\n  during 2027-Q2 .. 2027-Q3\n}\n',
    };

    test('review on the last day of its first active quarter, after funding; the warning goes', async () => {
        const { changed, after } = await applyFix(files, 'plan.trellis', 'missing-review', "Add a review date (review 2027-06-30) to 'trial'");
        expect(changed['plan.trellis']).toContain('  funding new-offering\n  review 2027-06-30\n  during 2027-Q2 .. 2027-Q3\n}');
        expect(after.withCode('missing-review')).toEqual([]);
        expect(after.diagnostics().filter(d => d.severity === 1)).toEqual([]);
    });

    test('in a bet written on one line, the block opens up', async () => {
        const { changed, after } = await applyFix(
            { 'plan.trellis': 'pillar p { target 100% }\nteam t { capacity 4 }\nbet trial { pillar p owner t 50% funding new-offering during 2027-Q1 }\n' },
            'plan.trellis', 'missing-review', /^Add a review date/);
        expect(changed['plan.trellis']).toBe('pillar p { target 100% }\nteam t { capacity 4 }\nbet trial {\n  pillar p owner t 50% funding new-offering during 2027-Q1\n  review 2027-03-31\n}\n');
        expect(after.withCode('missing-review')).toEqual([]);
    });

    test('it is the preferred fix', async () => {
        const actions = await fixesFor(await markedWorkspace(files), 'plan.trellis', 'missing-review');
        expect(actions.filter(a => a.isPreferred).map(a => a.title)).toEqual(["Add a review date (review 2027-06-30) to 'trial'"]);
    });
});

describe('link a goal to a metric', () => {
    const files = {
        'strategy.trellis': 'metric wat { north-star }\nmetric activation { drives wat }\ngoal known { moves wat }\ngoal faster "Faster" {\n  pillar p\n}\npillar p { target 100% }\n',
        'bets.trellis': 'team t { capacity 4 }\nbet b { goal faster owner t 50% during 2027-Q1 }\nbet c { goal known owner t 20% during 2027-Q1 }\n',
    };

    test('one fix per metric, those no goal moves yet first', async () => {
        const actions = await fixesFor(await markedWorkspace(files), 'strategy.trellis', 'unlinked-goal');
        expect(titles(actions).filter(t => t.startsWith('Link'))).toEqual([
            "Link goal 'faster' to metric 'activation'", "Link goal 'faster' to metric 'wat'",
        ]);
    });

    test('applying it adds `moves` to the goal and the warning goes', async () => {
        const { changed, after } = await applyFix(files, 'strategy.trellis', 'unlinked-goal', "Link goal 'faster' to metric 'activation'");
        expect(changed['strategy.trellis']).toContain('goal faster "Faster" {\n  pillar p\n  moves activation\n}');
        expect(after.withCode('unlinked-goal')).toEqual([]);
    });

    test('not offered when the goal moves a metric but no active bet serves it', async () => {
        const ws = await markedWorkspace({ 'plan.trellis': 'metric m { north-star }\ngoal idle { moves m }\n' });
        expect(ws.withCode('unlinked-goal')).toHaveLength(1);
        expect(titles(await fixesFor(ws, 'plan.trellis', 'unlinked-goal')).filter(t => t.startsWith('Link'))).toEqual([]);
    });
});

describe('remove a self-dependency', () => {
    const head = 'pillar p { target 100% }\nteam t { capacity 4 }\nbet other { pillar p owner t 10% }\n';

    test('the whole line when it is the only target', async () => {
        const files = { 'plan.trellis': `${head}bet x {\n  pillar p\n  owner t 50%\n  depends-on x\n}\n` };
        const { changed, after } = await applyFix(files, 'plan.trellis', 'self-dependency', "Remove 'x' from its own depends-on");
        expect(changed['plan.trellis']).toBe(`${head}bet x {\n  pillar p\n  owner t 50%\n}\n`);
        expect(after.withCode('self-dependency')).toEqual([]);
        expect(after.diagnostics()).toEqual([]);
    });

    test('from a list, first or later in it, keeping the other targets', async () => {
        const first = await applyFix({ 'plan.trellis': `${head}bet x { pillar p owner t 5% depends-on x, other }\n` }, 'plan.trellis', 'self-dependency', /^Remove/);
        expect(first.changed['plan.trellis']).toBe(`${head}bet x { pillar p owner t 5% depends-on other }\n`);
        expect(first.after.withCode('self-dependency')).toEqual([]);
        const later = await applyFix({ 'plan.trellis': `${head}bet x {\n  depends-on other, x, t\n  pillar p\n}\n` }, 'plan.trellis', 'self-dependency', /^Remove/);
        expect(later.changed['plan.trellis']).toBe(`${head}bet x {\n  depends-on other, t\n  pillar p\n}\n`);
        expect(later.after.withCode('self-dependency')).toEqual([]);
    });

    test('a team that depends on itself', async () => {
        const { changed, after } = await applyFix({ 'plan.trellis': 'team t {\n  capacity 4\n  depends-on t\n}\n' }, 'plan.trellis', 'self-dependency', "Remove 't' from its own depends-on");
        expect(changed['plan.trellis']).toBe('team t {\n  capacity 4\n}\n');
        expect(after.withCode('self-dependency')).toEqual([]);
    });
});

describe('accept a finding with allow', () => {
    test('adds `allow CODE "reason"` to the element; the finding goes', async () => {
        const files = { 'plan.trellis': 'team t { capacity 4 }\nbet x {\n  owner t 50%\n}\n' };
        const { changed, after } = await applyFix(files, 'plan.trellis', 'orphan-bet', "Accept orphan-bet on 'x' (allow, with a reason)");
        expect(changed['plan.trellis']).toBe('team t { capacity 4 }\nbet x {\n  owner t 50%\n  allow orphan-bet "why this is acceptable"\n}\n');
        expect(after.withCode('orphan-bet')).toEqual([]);
    });

    test('on a one-line block and on an element without a block', async () => {
        const oneLine = await applyFix({ 'plan.trellis': 'team t { capacity 4 }\nbet x { owner t 50% }\n' }, 'plan.trellis', 'orphan-bet', /^Accept/);
        expect(oneLine.changed['plan.trellis']).toBe('team t { capacity 4 }\nbet x {\n  owner t 50%\n  allow orphan-bet "why this is acceptable"\n}\n');
        expect(oneLine.after.withCode('orphan-bet')).toEqual([]);
        const bare = await applyFix({ 'plan.trellis': 'metric wat { north-star }\nmetric lonely\n' }, 'plan.trellis', 'orphan-metric', /^Accept/);
        expect(bare.changed['plan.trellis']).toBe('metric wat { north-star }\nmetric lonely {\n  allow orphan-metric "why this is acceptable"\n}\n');
        expect(bare.after.withCode('orphan-metric')).toEqual([]);
    });

    test('on a workspace finding (a team overloaded by bets in another file)', async () => {
        const files = {
            'teams.trellis': 'team t {\n  capacity 4\n}\n',
            'bets.trellis': 'pillar p { target 100% }\nbet a { pillar p owner t 70% during 2027-Q1 }\nbet b { pillar p owner t 50% during 2027-Q1 }\n',
        };
        const { changed, after } = await applyFix(files, 'teams.trellis', 'overloaded-team', "Accept overloaded-team on 't' (allow, with a reason)");
        expect(changed['teams.trellis']).toBe('team t {\n  capacity 4\n  allow overloaded-team "why this is acceptable"\n}\n');
        expect(after.withCode('overloaded-team')).toEqual([]);
    });
});

describe('switch a check off in the policy', () => {
    test('in the existing policy, in another file; the finding goes everywhere', async () => {
        const files = {
            'bets.trellis': 'team t { capacity 4 }\nbet x { owner t 50% }\nbet y { owner t 20% }\n',
            'policy.trellis': '// Thresholds for the whole plan.\npolicy {\n  max-wip 4\n}\n',
        };
        const { changed, after } = await applyFix(files, 'bets.trellis', 'orphan-bet', 'Switch orphan-bet off for the whole plan (policy)');
        expect(Object.keys(changed)).toEqual(['policy.trellis']);
        expect(changed['policy.trellis']).toBe('// Thresholds for the whole plan.\npolicy {\n  max-wip 4\n  check orphan-bet off\n}\n');
        expect(after.withCode('orphan-bet')).toEqual([]);
    });

    test('a check the policy already sets is switched to off, not given twice', async () => {
        const files = {
            'bets.trellis': 'team t { capacity 4 }\nbet x { owner t 50% }\n',
            'policy.trellis': 'policy {\n  check orphan-bet error\n  max-wip 4\n}\n',
        };
        const { changed, after } = await applyFix(files, 'bets.trellis', 'orphan-bet', 'Switch orphan-bet off for the whole plan (policy)');
        expect(changed).toEqual({ 'policy.trellis': 'policy {\n  check orphan-bet off\n  max-wip 4\n}\n' });
        expect(after.diagnostics()).toEqual([]);
    });

    test('with no policy anywhere: a new policy at the top of this file', async () => {
        const files = { 'bets.trellis': 'team t { capacity 4 }\nbet x { owner t 50% }\n' };
        const { changed, after } = await applyFix(files, 'bets.trellis', 'orphan-bet', 'Switch orphan-bet off for the whole plan (policy)');
        expect(changed['bets.trellis']).toBe('policy {\n  check orphan-bet off\n}\n\nteam t { capacity 4 }\nbet x { owner t 50% }\n');
        expect(after.withCode('orphan-bet')).toEqual([]);
    });

    test('with no policy anywhere: the new policy goes below the file\'s header comment, not above it', async () => {
        const files = { 'bets.trellis': '// Bets of the growth area.\n// Owned by product ops.\n\n// the one team\nteam t { capacity 4 }\nbet x { owner t 50% }\n' };
        const { changed } = await applyFix(files, 'bets.trellis', 'orphan-bet', 'Switch orphan-bet off for the whole plan (policy)');
        expect(changed['bets.trellis']).toBe('// Bets of the growth area.\n// Owned by product ops.\n\npolicy {\n  check orphan-bet off\n}\n\n// the one team\nteam t { capacity 4 }\nbet x { owner t 50% }\n');
    });
});

describe('no accept or switch-off for findings that cannot be silenced', () => {
    test('an unresolved reference offers only to create the element', async () => {
        const ws = await markedWorkspace({ 'plan.trellis': 'bet x { goal nowhere }\n' });
        expect(titles(await fixesFor(ws, 'plan.trellis', 'unresolved-reference'))).toEqual(["Create goal 'nowhere'"]);
    });
});
