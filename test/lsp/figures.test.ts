// One figure everywhere: on examples/acme, the blast radius, load and WIP a planner reads in
// the diagnostics, the hover, the code lenses, impact mode and the capacity view are the same
// numbers; head counts read "1 person" / "N people".

import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { GrammarUtils, type LangiumDocument } from 'langium';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CodeLens } from 'vscode-languageserver';
import { isBet, isPlan, isTeam, type Bet, type Team } from '../../language/generated/ast.js';
import { buildDiagram } from '../../language/graph/build-diagram.js';
import type { CapacityDiagram } from '../../language/graph/diagram.js';
import { findingsByElement } from '../../language/graph/element-findings.js';
import { impactOf } from '../../language/graph/impact.js';
import { toMermaid } from '../../language/graph/mermaid.js';
import { buildWorkspace, type TestWorkspace } from '../helpers.js';

const acme = path.resolve(import.meta.dirname, '../../examples/acme');

let ws: TestWorkspace;
beforeAll(async () => {
    const files: Record<string, string> = {};
    for (const file of readdirSync(acme).filter(f => f.endsWith('.trellis'))) files[file] = readFileSync(path.join(acme, file), 'utf8');
    ws = await buildWorkspace(files, { today: '2027-01-15' });
});

function elements(): Array<{ doc: LangiumDocument; node: Team | Bet }> {
    const result: Array<{ doc: LangiumDocument; node: Team | Bet }> = [];
    for (const doc of ws.documents.values()) {
        const root = doc.parseResult.value;
        if (!isPlan(root)) continue;
        for (const node of root.elements) if (isTeam(node) || isBet(node)) result.push({ doc, node });
    }
    return result;
}

async function hover(doc: LangiumDocument, node: Team | Bet): Promise<string> {
    const name = GrammarUtils.findNodeForProperty(node.$cstNode, 'name')!;
    const result = await ws.services.lsp.HoverProvider!.getHoverContent(doc, { textDocument: { uri: doc.uri.toString() }, position: name.range.start });
    return (result!.contents as { value: string }).value;
}

async function lensTitle(doc: LangiumDocument, node: Team): Promise<string> {
    const lenses: CodeLens[] = await ws.services.lsp.CodeLensProvider!.provideCodeLens(doc, { textDocument: { uri: doc.uri.toString() } }) ?? [];
    return lenses.find(l => l.range.start.line === node.$cstNode!.range.start.line)!.command!.title;
}

describe('examples/acme: one figure everywhere', () => {
    test("identity's blast radius is 11 bets in the diagnostic, the hover, the lens and impact mode; its own bets are counted apart", async () => {
        const [diagnostic] = ws.withCode('high-blast-radius').filter(d => String(d.message).includes("'identity'"));
        expect(String(diagnostic.message)).toContain('has a blast radius of 11 bets');
        const { doc, node } = elements().find(e => e.node.name === 'identity')!;
        expect(await hover(doc, node)).toContain('Blast radius: 11 bets ⚠ (max-blast-radius 8)');
        expect(await lensTitle(doc, node as Team)).toMatch(/· blast radius 11 ⚠$/);
        const impact = impactOf(ws.services.plan.PlanService.model, 'identity')!;
        expect(impact.blastRadius).toHaveLength(11);
        expect(impact.ownBets).toEqual(['multi-region', 'passkeys', 'saml-sso', 'scim-provisioning']);
        expect(impact.bets).toHaveLength(13);
        expect(impact.description).toBe("If 'identity' did nothing for six months, 29 elements would stall: 13 bets, 3 teams, 6 goals and 7 metrics."
            + ' Its blast radius is 11 bets; it works on 4 bets of its own, 2 of them in its blast radius.');
    });

    test('for every team and bet, the hover, the lens, impact mode and any diagnostic give the same blast radius', async () => {
        const model = ws.services.plan.PlanService.model;
        const flagged = new Map<string, number>();
        for (const d of ws.withCode('high-blast-radius')) {
            const m = /'([^']+)' has a blast radius of (\d+) bets/.exec(String(d.message))!;
            flagged.set(m[1], Number(m[2]));
        }
        expect(flagged.size).toBeGreaterThan(0);
        for (const { doc, node } of elements()) {
            const impact = impactOf(model, node.name)!;
            const figure = impact.blastRadius.length;
            expect(await hover(doc, node), node.name).toContain(`Blast radius: ${figure} bet${figure === 1 ? '' : 's'}`);
            expect(impact.description, node.name).toContain(`Its blast radius is ${figure} bet${figure === 1 ? '' : 's'}`);
            if (flagged.has(node.name)) expect(flagged.get(node.name), node.name).toBe(figure);
            else expect(figure, node.name).toBeLessThanOrEqual(model.policy.maxBlastRadius);
            if (isTeam(node)) {
                const lens = await lensTitle(doc, node);
                if (figure > 0) expect(lens, node.name).toContain(`blast radius ${figure}`);
                else expect(lens, node.name).not.toContain('blast radius');
            }
        }
    });

    test("every team's load and WIP per quarter are the same in the hover, the lens and the capacity view", async () => {
        const model = ws.services.plan.PlanService.model;
        const capacity = buildDiagram(model, 'capacity', {}, findingsByElement(ws.services.validation.WorkspaceFindings.current)) as CapacityDiagram;
        const teams = elements().filter((e): e is { doc: LangiumDocument; node: Team } => isTeam(e.node));
        expect(teams.length).toBeGreaterThan(10);
        for (const { doc, node } of teams) {
            const text = await hover(doc, node);
            const row = capacity.rows.find(r => r.team === node.name)!;
            const busy = row.cells.filter(c => c.wip > 0);
            for (const cell of busy) {
                // `| 2027-Q1 | **130%** ⚠ | 3 | ...`
                const line = text.split('\n').find(l => l.startsWith(`| ${cell.quarter} |`));
                expect(line, `${node.name} ${cell.quarter}`).toBeDefined();
                const [, , load, wip] = line!.split('|').map(s => s.replace(/[*⚠ ]/g, ''));
                expect(load, `${node.name} ${cell.quarter}`).toBe(`${cell.load}%`);
                expect(Number(wip), `${node.name} ${cell.quarter}`).toBe(cell.wip);
            }
            const lens = await lensTitle(doc, node);
            if (busy.length === 0) {
                expect(lens).toMatch(/^Load 0% · no active bets/);
                continue;
            }
            const peak = Math.max(...busy.map(c => c.load));
            const peakQuarter = busy.find(c => c.load === peak)!.quarter;
            expect(lens, node.name).toMatch(new RegExp(`^Load ${peak}%( ⚠)? in ${peakQuarter} · ${Math.max(...busy.map(c => c.wip))} bets?`));
            expect(text, node.name).toContain(lens.replace(/ · blast radius.*$/, ''));
        }
    });
});

describe('head counts', () => {
    test('"1 person" and "N people" in the hover and in the Mermaid export', async () => {
        const small = await buildWorkspace({ 'plan.trellis': 'team solo "Solo" { capacity 1 }\nteam pair "Pair" { capacity 2 }\nbet b { pillar p owner solo 50% during 2027-Q1 }\npillar p { target 100% }\n' });
        const model = small.services.plan.PlanService.model;
        const mermaid = toMermaid(buildDiagram(model, 'capacity'));
        expect(mermaid).toContain('Solo · 1 person');
        expect(mermaid).toContain('Pair · 2 people');
        expect(mermaid).not.toContain('1 people');
        const doc = small.documents.get('plan.trellis')!;
        const solo = await small.services.lsp.HoverProvider!.getHoverContent(doc, { textDocument: { uri: doc.uri.toString() }, position: { line: 0, character: 6 } });
        expect((solo!.contents as { value: string }).value).toContain('team · 1 person');
    });
});
