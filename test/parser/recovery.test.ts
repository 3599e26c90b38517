// A syntax error must not blind the author to the rest of the plan: the parser recovers, and
// the elements after the error are still parsed, linked and checked — by the per-element
// checks and by the workspace checks (load, cycles, pillars) alike.

import { describe, expect, test } from 'vitest';
import { isPolicy, type Plan } from '../../language/generated/ast.js';
import { buildPlan, buildWorkspace, rangeText } from '../helpers.js';

/** Findings after the broken line: an invalid allocation, an overloaded team, an ownerless bet, a loop. */
const after = `
team t { capacity 2 }
bet big { pillar p owner t 150% during 2027-Q1 }
bet heavy { pillar p owner t 80% during 2027-Q1 }
bet heavier { pillar p owner t 40% during 2027-Q1 }
bet nobody { pillar p during 2027-Q1 }
bet x { pillar p owner t 10% during 2027-Q2 depends-on y }
bet y { pillar p owner t 10% during 2027-Q2 depends-on x }
pillar p { target 100% }
`;

function codesAfterLine(ws: Awaited<ReturnType<typeof buildPlan>>, line: number): string[] {
    return ws.diagnostics().filter(d => d.range.start.line > line).map(d => d.code as string).sort();
}

const expectedAfter = ['dependency-cycle', 'dependency-cycle', 'invalid-value', 'missing-owner', 'overloaded-team'];

describe('recovery from a syntax error in the middle of a file', () => {
    test.each([
        ['stray characters between elements', 'team early { capacity 1 }\n%% oops ## \n'],
        ['a period missing at the end of a range', 'bet early { pillar p owner t 10% during 2027-Q1 .. }\n'],
        ['an unknown property', 'bet early { pillar p owner t 10% frobnicate 3 }\n'],
        ['a stray string inside a block', 'bet early { pillar p owner t 10% "stray" }\n'],
        ['an element without a name', 'bet { pillar p owner t 10% }\n'],
        ['a block left open', 'goal early { moves m\n'],
        ['a missing allocation share and a dangling comma', 'bet early { pillar p owner t 10% support , }\n'],
    ])('%s', async (_what, broken) => {
        const ws = await buildPlan(`metric m { north-star }\n${broken}${after}`);
        const brokenLines = broken.split('\n').length - 1;
        const syntax = ws.withCode('syntax-error');
        expect(syntax.length).toBeGreaterThan(0);
        // Reported at the broken text, or at the latest at the first token after it.
        expect(syntax.map(d => d.range.start.line).every(line => line >= 1 && line <= brokenLines + 2)).toBe(true);
        // Everything after the error is still checked, and found where it is.
        expect(codesAfterLine(ws, brokenLines + 1).filter(c => c !== 'syntax-error')).toEqual(expect.arrayContaining(expectedAfter));
        const doc = ws.documents.get('plan.trellis')!;
        expect(rangeText(doc, ws.withCode('missing-owner').at(-1)!)).toBe('nobody');
        expect(ws.withCode('overloaded-team')[0].message).toContain('heavy 80%, heavier 40%');
    });

    test('the elements after the error are in the syntax tree with their properties', async () => {
        const ws = await buildPlan(`team t { capacity 2 }\n}}} what is this {{{\n${after}`);
        const plan = ws.documents.get('plan.trellis')!.parseResult.value as Plan;
        expect(plan.elements.map(e => (isPolicy(e) ? 'policy' : e.name))).toEqual(expect.arrayContaining(['big', 'heavy', 'heavier', 'nobody', 'x', 'y', 'p']));
    });

    test('a property that belongs to another element is not a syntax error but a clear invalid-value, and checking goes on', async () => {
        const ws = await buildPlan(`bet misplaced { capacity 3 pillar p owner t 10% }\n${after}`);
        expect(ws.withCode('syntax-error')).toEqual([]);
        expect(ws.withCode('invalid-value').map(d => d.message)).toContain("'capacity' is not a property of a bet; it belongs to a team");
        expect(ws.withCode('missing-owner')).toHaveLength(1);
        expect(ws.withCode('dependency-cycle')).toHaveLength(2);
    });

    test('a syntax error in one file leaves the findings of the other files in place', async () => {
        const ws = await buildWorkspace({
            'broken.trellis': 'team t { capacity 2 }\nbet half { owner t 80% during 2027-Q1 ..\n',
            'bets.trellis': 'pillar p { target 100% }\nbet more { pillar p owner t 40% during 2027-Q1 }\nbet nobody { pillar p }\n',
        });
        expect(ws.withCode('syntax-error', 'broken.trellis')).toHaveLength(1);
        expect(ws.withCode('missing-owner', 'bets.trellis')).toHaveLength(1);
        expect(ws.withCode('unresolved-reference')).toEqual([]);
        // The bet with the unfinished range still counts its allocation towards the team.
        const overload = ws.withCode('overloaded-team', 'broken.trellis');
        expect(overload).toHaveLength(1);
        expect(overload[0].message).toMatch(/at 120% of capacity in 2027-Q1 \(.*half 80%/);
    });
});
