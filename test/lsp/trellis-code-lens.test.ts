// Code lenses: a team's peak load, WIP and blast radius above it, a pillar's target against its
// actual share.

import { describe, expect, test } from 'vitest';
import type { CodeLens } from 'vscode-languageserver';
import { markedWorkspace, type MarkedWorkspace } from './lsp-helpers.js';
import { planFiles } from './plan-fixture.js';

async function lenses(ws: MarkedWorkspace, file: string): Promise<Array<{ line: number; title: string }>> {
    const doc = ws.doc(file);
    const result: CodeLens[] = await ws.services.lsp.CodeLensProvider!.provideCodeLens(doc, { textDocument: { uri: doc.uri.toString() } }) ?? [];
    return result.map(lens => ({ line: lens.range.start.line, title: lens.command?.title ?? '' }));
}

describe('code lenses', () => {
    test('above each team: its peak load with the quarter, overload marked, its WIP and, when anything depends on it, its blast radius', async () => {
        const ws = await markedWorkspace(planFiles);
        expect(await lenses(ws, 'teams.trellis')).toEqual([
            { line: 0, title: 'Load 130% ⚠ in 2027-Q1 · 3 bets · blast radius 1' },
            { line: 6, title: 'Load 60% in 2027-Q1 · 1 bet' },
        ]);
    });

    test('above each pillar: its target and its actual share of person-quarters', async () => {
        const ws = await markedWorkspace(planFiles);
        expect(await lenses(ws, 'strategy.trellis')).toEqual([
            { line: 14, title: 'Target 40% · actual 59.3%' },
            { line: 15, title: 'Target 60% · actual 40.7%' },
        ]);
    });

    test('none above bets, goals, metrics or the policy', async () => {
        const ws = await markedWorkspace(planFiles);
        expect(await lenses(ws, 'bets.trellis')).toEqual([]);
    });

    test('too much WIP is marked, and the policy\'s max-load and max-wip are what count', async () => {
        const bets = ['a', 'b', 'c', 'd'].map(n => `bet ${n} { pillar p owner t 20% during 2027-Q2 }`).join('\n');
        const strict = await markedWorkspace({ 'plan.trellis': `pillar p { target 100% }\nteam t { capacity 5 }\n${bets}\n` });
        expect(await lenses(strict, 'plan.trellis')).toEqual([
            { line: 0, title: 'Target 100% · actual 100%' },
            { line: 1, title: 'Load 80% in 2027-Q2 · 4 bets ⚠' },
        ]);
        const lenient = await markedWorkspace({ 'plan.trellis': `policy { max-load 70% max-wip 4 }\npillar p { target 100% }\nteam t { capacity 5 }\n${bets}\n` });
        expect((await lenses(lenient, 'plan.trellis'))[1]).toEqual({ line: 2, title: 'Load 80% ⚠ in 2027-Q2 · 4 bets' });
    });

    test('a blast radius above max-blast-radius is marked', async () => {
        const bets = ['a', 'b', 'c'].map(n => `bet ${n} { pillar p owner u 20% during 2027-Q2 depends-on t }`).join('\n');
        const ws = await markedWorkspace({ 'plan.trellis': `policy { max-blast-radius 2 }\npillar p { target 100% }\nteam t { capacity 5 }\nteam u { capacity 5 }\n${bets}\n` });
        expect((await lenses(ws, 'plan.trellis'))[1]).toEqual({ line: 2, title: 'Load 0% · no active bets · blast radius 3 ⚠' });
    });

    test('a team with no active bets, a pillar without a target or without work', async () => {
        const ws = await markedWorkspace({ 'plan.trellis': 'team idle { capacity 3 }\npillar vague\n' });
        expect(await lenses(ws, 'plan.trellis')).toEqual([
            { line: 0, title: 'Load 0% · no active bets' },
            { line: 1, title: 'No target · no active work yet' },
        ]);
    });

    test('the lens follows an edit in another file', async () => {
        const ws = await markedWorkspace(planFiles);
        await ws.edit('bets.trellis', ws.doc('bets.trellis').textDocument.getText().replace('owner platform 60%', 'owner platform 10%'));
        expect((await lenses(ws, 'teams.trellis'))[0].title).toBe('Load 80% in 2027-Q1 · 3 bets · blast radius 1');
    });

    test('only the first of two teams with one name gets a lens', async () => {
        const ws = await markedWorkspace({ 'a.trellis': 'team t { capacity 2 }\n', 'b.trellis': 'team t { capacity 9 }\n' });
        expect(await lenses(ws, 'a.trellis')).toHaveLength(1);
        expect(await lenses(ws, 'b.trellis')).toEqual([]);
    });
});
