// Inlay hints: after each allocation, the team's resulting load in the bet's busiest quarter.

import { describe, expect, test } from 'vitest';
import type { InlayHint } from 'vscode-languageserver';
import { markedWorkspace, textAt, type MarkedWorkspace } from './lsp-helpers.js';
import { planFiles } from './plan-fixture.js';

async function hints(ws: MarkedWorkspace, file: string): Promise<Array<{ after: string; label: string }>> {
    const doc = ws.doc(file);
    const text = doc.textDocument.getText();
    const range = { start: { line: 0, character: 0 }, end: doc.textDocument.positionAt(text.length) };
    const result: InlayHint[] = await ws.services.lsp.InlayHintProvider!.getInlayHints(doc, { textDocument: { uri: doc.uri.toString() }, range }) ?? [];
    // What the hint follows on its line, so a failure reads like the editor line.
    return result.map(h => ({
        after: textAt(doc, { start: { line: h.position.line, character: 0 }, end: h.position }).trim(),
        label: typeof h.label === 'string' ? h.label : h.label.map(p => p.value).join(''),
    }));
}

describe('inlay hints', () => {
    test('each allocation shows the team\'s load in the busiest quarter of the bet, overloads marked', async () => {
        const ws = await markedWorkspace(planFiles);
        expect(await hints(ws, 'bets.trellis')).toEqual([
            { after: 'owner platform 50%', label: 'platform at 130% ⚠' },
            { after: 'owner onboarding 60%', label: 'onboarding at 60% in 2027-Q1' },
            { after: 'support platform 20%', label: 'platform at 130% in 2027-Q1 ⚠' },
            { after: 'owner platform 60%', label: 'platform at 130% ⚠' },
        ]);
    });

    test('none on bets that are not active, on allocations without a share, for unknown teams or before the team is typed', async () => {
        const ws = await markedWorkspace({
            'plan.trellis': 'team t { capacity 4 }\nbet a { owner t 50% stage done during 2027-Q1 }\nbet b { owner t during 2027-Q1 }\nbet c { owner ghost 30% during 2027-Q1 }\nbet d {\n  owner 60%\n  during 2027-Q1\n}\n',
        });
        expect(await hints(ws, 'plan.trellis')).toEqual([]);
    });

    test('the hint changes when an allocation in another file changes', async () => {
        const ws = await markedWorkspace({
            'a.trellis': 'team t { capacity 4 }\nbet a { owner t 50% during 2027-Q1 }\n',
            'b.trellis': 'bet b { owner t 30% during 2027-Q1 }\n',
        });
        expect(await hints(ws, 'a.trellis')).toEqual([{ after: 'bet a { owner t 50%', label: 't at 80%' }]);
        await ws.edit('b.trellis', 'bet b { owner t 70% during 2027-Q1 }\n');
        expect(await hints(ws, 'a.trellis')).toEqual([{ after: 'bet a { owner t 50%', label: 't at 120% ⚠' }]);
    });

    test('the tooltip says what the figure is and the max-load it is judged against', async () => {
        const ws = await markedWorkspace({ 'plan.trellis': 'policy { max-load 90% }\nteam t { capacity 4 }\nbet a { owner t 50% during 2027-Q1 }\n' });
        const doc = ws.doc('plan.trellis');
        const [hint] = await ws.services.lsp.InlayHintProvider!.getInlayHints(doc, {
            textDocument: { uri: doc.uri.toString() }, range: { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } },
        }) ?? [];
        expect(hint.tooltip).toBe("Load of team 't' with this allocation, in the busiest quarter of 'a'; max-load is 90%");
    });
});
