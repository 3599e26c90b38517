// Hover: each element explained in its place in the plan, with the figures a planner acts
// on; keywords, value words and check codes explained by what they mean.

import { EmptyFileSystem } from 'langium';
import { expectHover } from 'langium/test';
import { beforeAll, describe, expect, test } from 'vitest';
import type { TextDocumentPositionParams } from 'vscode-languageserver';
import { createTrellisServices } from '../../language/trellis-module.js';
import { markedWorkspace, type MarkedWorkspace } from './lsp-helpers.js';
import { planFiles } from './plan-fixture.js';

let ws: MarkedWorkspace;
beforeAll(async () => {
    ws = await markedWorkspace(planFiles);
});

async function hoverText(params: TextDocumentPositionParams): Promise<string> {
    const hover = await ws.services.lsp.HoverProvider!.getHoverContent(ws.doc(ws.fileOf(params.textDocument.uri)), params);
    const contents = hover?.contents;
    if (!contents || typeof contents !== 'object' || !('kind' in contents)) throw new Error('expected a Markdown hover');
    expect(contents.kind).toBe('markdown');
    return contents.value;
}

describe('hover on a team', () => {
    test('its type, capacity and context, load and WIP per quarter with the overloaded quarter marked', async () => {
        const text = await hoverText(ws.at('teams.trellis', 0));
        expect(text).toContain('**Team `platform`** — Platform \\*core\\*');
        expect(text).toContain('platform team · 10 people · awareness explicit');
        expect(text).toContain('| 2027-Q1 | **130%** ⚠ | 3 | sso-v2 50%, guided 20%, billing 60% |');
        expect(text).toContain('| 2027-Q2 | 20% | 1 | guided 20% |');
        expect(text).toContain('max-load 100%, max-wip 3');
    });

    test('the bets it owns and supports with allocations, who depends on it and its blast radius', async () => {
        const text = await hoverText(ws.at('teams.trellis', 0));
        expect(text).toContain('Owns: `sso-v2` 50%, `billing` 60%');
        expect(text).toContain('Supports: `guided` 20%');
        expect(text).toContain('Blast radius: 1 bet  \nDepended on by: `guided`, `onboarding`  \nDepends on: —');
    });

    test('leads with what matters: findings, blast radius and busiest quarter above the quarter table', async () => {
        const text = await hoverText(ws.at('teams.trellis', 0));
        const at = (part: string) => {
            const index = text.indexOf(part);
            expect(index, part).toBeGreaterThanOrEqual(0);
            return index;
        };
        // The finding the editor underlines, the figure impact mode and the lens give, then the detail.
        expect(at("Findings:\n- error `overloaded-team`: Team 'platform' is at 130% of capacity in 2027-Q1")).toBeLessThan(at('Blast radius: 1 bet'));
        expect(at('Blast radius: 1 bet')).toBeLessThan(at('Load 130% ⚠ in 2027-Q1 · 3 bets'));
        expect(at('Load 130% ⚠ in 2027-Q1 · 3 bets')).toBeLessThan(at('| Quarter | Load | WIP | Bets |'));
        expect(text.split('\n\n').slice(0, 4).join('\n\n')).not.toContain('| Quarter');
    });

    test('the same hover on a reference to the team in another file', async () => {
        const onReference = await hoverText(ws.at('bets.trellis', 1));
        expect(onReference).toBe(await hoverText(ws.at('teams.trellis', 0)));
    });
});

describe('hover on a bet', () => {
    test('its why-chain up to the north star, stage, funding and horizon', async () => {
        const text = await hoverText(ws.at('bets.trellis', 2));
        expect(text).toContain('**Bet `guided`** — Guided setup');
        // In titles, as a planner knows them, each with its name to find it by.
        expect(text).toContain('Why: Faster activation (`faster`) → Activation rate (`activation`) → Weekly active teams (`wat`) ★');
        expect(text).toContain('stage validate · funding new-offering · during 2027-Q1 .. 2027-Q2');
    });

    test('its review date and the days to it, its teams with allocations, pillar and expected changes', async () => {
        const text = await hoverText(ws.at('bets.trellis', 2));
        expect(text).toContain('Review 2027-02-15: in 31 days');
        expect(text).toContain('Owner: `onboarding` 60%  \nSupport: `platform` 20%');
        expect(text).toContain('Pillar: `growth` (from its goal)');
        expect(text).toContain('Expects: `activation` +8');
    });

    test('its dependencies both ways', async () => {
        expect(await hoverText(ws.at('bets.trellis', 2))).toContain('Blast radius: 0 bets  \nDepended on by: —  \nDepends on: `sso-v2`, `platform`');
        const sso = await hoverText(ws.at('bets.trellis', 0));
        expect(sso).toContain('Blast radius: 1 bet  \nDepended on by: `guided`  \nDepends on: —');
        expect(sso).toContain('Why: — it serves no goal and expects no metric');
        expect(sso).toContain('funding not set · during 2027-Q1');
    });

    test('an overdue review, and the findings on the bet, first after its name', async () => {
        const text = await hoverText(ws.at('bets.trellis', 5));
        expect(text).toContain('Review 2027-01-05: 10 days overdue');
        expect(text).toMatch(/^\*\*Bet `billing`\*\* — Billing\n\nFindings:\n- warning `overdue-review`: Bet 'billing' was due for its review on 2027-01-05/);
        expect(await hoverText(ws.at('bets.trellis', 2))).not.toContain('Findings');
    });

    test('a dropped bet says it is not active', async () => {
        expect(await hoverText(ws.at('bets.trellis', 6))).toContain('stage dropped (not active)');
    });
});

describe('hover on a metric', () => {
    test('baseline to target, what it drives and the path to the north star, who moves it', async () => {
        const text = await hoverText(ws.at('strategy.trellis', 2));
        expect(text).toContain('**Metric `activation`** — Activation rate');
        expect(text).toContain('42 → 60 by 2027-Q2');
        expect(text).toContain('Drives: `wat`  \nDriven by: —');
        expect(text).toContain('Leads to: activation → wat ★');
        expect(text).toContain('Moved by goals: `faster`  \nExpected by bets: `guided`');
    });

    test('the north star, with its unit and what drives it', async () => {
        const text = await hoverText(ws.at('strategy.trellis', 0));
        expect(text).toContain('**North-star metric `wat`** — Weekly active teams');
        expect(text).toContain('1200 teams/week → 1500 teams/week by 2027-Q4');
        expect(text).toContain('Driven by: `activation`');
    });
});

describe('hover on a goal and a pillar', () => {
    test('a goal: its pillar, the metrics it moves, the bets that serve it', async () => {
        const text = await hoverText(ws.at('strategy.trellis', 4));
        expect(text).toContain('Pillar: `growth` · Moves: `activation`');
        expect(text).toContain('Served by active bets: `guided`  \nNot active: dropped-idea (dropped)');
    });

    test('a pillar: its target against its actual share of person-quarters', async () => {
        const text = await hoverText(ws.at('strategy.trellis', 3));
        expect(text).toContain('**Pillar `growth`** — Grow');
        expect(text).toContain('Target 40% · actual 59.3% (16 person-quarters)');
        expect(text).toContain('Bets: `guided`');
    });
});

describe('hover on words of the language', () => {
    test('a keyword: the grammar comment of its rule', async () => {
        expect(await hoverText(ws.at('strategy.trellis', 1))).toBe('**`north-star`** — Marks the metric the whole tree leads to.');
        expect(await hoverText(ws.at('teams.trellis', 1))).toBe('**`type`** — Team type: stream-aligned | platform | enabling | complicated-subsystem.');
    });

    test('a check code in `check`: its meaning, default severity and the severity in this plan', async () => {
        expect(await hoverText(ws.at('strategy.trellis', 5))).toBe(
            "**Check `overloaded-team`** (default warning; this plan: error)\n\nA team's load in some quarter exceeds max-load (default 100%).");
    });

    test('a check code in `allow`', async () => {
        expect(await hoverText(ws.at('bets.trellis', 4))).toBe('**Check `orphan-bet`** (default warning)\n\nA bet with neither a goal nor a pillar.');
    });

    test('value words: a team type, a funding kind, a severity', async () => {
        expect(await hoverText(ws.at('teams.trellis', 2))).toMatch(/^\*\*`platform`\*\* — a platform team/);
        expect(await hoverText(ws.at('bets.trellis', 3))).toMatch(/^\*\*`new-offering`\*\* — funding: a new offering, funded like a startup/);
        expect(await hoverText(ws.at('strategy.trellis', 6))).toMatch(/^\*\*`error`\*\* — severity: shown as an error/);
    });
});

describe('hover in a single file (Langium helper)', () => {
    const services = createTrellisServices(EmptyFileSystem).Trellis;
    services.plan.PlanService.setToday('2027-01-15');
    const hover = expectHover(services);

    test('a team with no active bets says so', async () => {
        await hover({ text: 'team <|>solo { capacity 1 }', index: 0, hover: /No active bets: load 0% in every quarter\./, disposeAfterCheck: true });
    });

    test('a stage word', async () => {
        await hover({ text: 'bet x { stage <|>validate }', index: 0, hover: '**`validate`** — stage: validating the solution with real users.', disposeAfterCheck: true });
    });

    test('nothing on punctuation: braces, commas, `%` and `..`', async () => {
        await hover({ text: 'bet x <|>{ support a 10% }', index: 0, hover: undefined, disposeAfterCheck: true });
        await hover({ text: 'bet x { support a 10%<|>, b 20% }', index: 0, hover: undefined, disposeAfterCheck: true });
        await hover({ text: 'bet x { support a 10%, b 20<|>% }', index: 0, hover: undefined, disposeAfterCheck: true });
        await hover({ text: 'bet x { during 2027-Q1 <|>.. 2027-Q2 }', index: 0, hover: undefined, disposeAfterCheck: true });
    });

    test('nothing on an unknown code, a period or a number', async () => {
        await hover({ text: 'bet x { allow <|>no-such-check }', index: 0, hover: undefined, disposeAfterCheck: true });
        await hover({ text: 'bet x { during <|>2027-Q1 }', index: 0, hover: undefined, disposeAfterCheck: true });
        await hover({ text: 'team x { capacity <|>4 }', index: 0, hover: undefined, disposeAfterCheck: true });
    });
});

describe('hover counts days like a person would', () => {
    const services = createTrellisServices(EmptyFileSystem).Trellis;
    services.plan.PlanService.setToday('2027-01-15');
    const hover = expectHover(services);
    const bet = (review: string) => `team t { capacity 4 }\nbet <|>x { owner t 50% during 2027-Q1 review ${review} }`;

    test.each([
        ['2027-01-16', 'Review 2027-01-16: in 1 day'],
        ['2027-01-15', 'Review 2027-01-15: today'],
        ['2027-01-14', 'Review 2027-01-14: 1 day overdue'],
        ['2027-03', 'Review 2027-03: in 75 days'],
    ])('review %s', async (review, expected) => {
        await hover({ text: bet(review), index: 0, hover: new RegExp(expected), disposeAfterCheck: true });
    });
});
