// Blast radius in a plan of long chains, where every bet depends on the one before: the
// dependents of all elements together grow with the square of the plan. The check counts
// each radius up to a bound and says "more than" beyond it; the hover's figure is exact.

import { describe, expect, test } from 'vitest';
import { buildWorkspace } from '../helpers.js';

/** `b0 ← b1 ← ... ← b{n-1}`: each bet depends on the one before; `hub` is a team b0 depends on. */
function chain(n: number): string {
    const lines = ['team hub { capacity 5 }'];
    for (let i = 0; i < n; i++) lines.push(`bet b${i} { owner hub 1% ${i === 0 ? 'depends-on hub' : `depends-on b${i - 1}`} }`);
    return `${lines.join('\n')}\n`;
}

describe('blast radius along a chain of 1,500 bets', () => {
    test('the check says "more than 1000 bets" past its bound, and the exact figure below it', async () => {
        const ws = await buildWorkspace({ 'chain.trellis': chain(1500) });
        const messages = new Map(ws.withCode('high-blast-radius').map(d => [d.range.start.line, d.message]));
        // Every element with more than 8 bets after it: the team, and b0 .. b1490. Past the bound, the
        // names are the first of those counted (the nearest 1,001), in name order.
        expect(messages.size).toBe(1 + 1491);
        expect(messages.get(0)).toBe("Team 'hub' has a blast radius of more than 1000 bets (b0, b1, b10, b100, b1000, b101 and more); max-blast-radius is 8: a slip here stalls all of them");
        // b498 has 1,001 bets after it, b499 exactly 1,000: counted in full.
        expect(messages.get(499)).toMatch(/^Bet 'b498' has a blast radius of more than 1000 bets \(/);
        expect(messages.get(500)).toBe("Bet 'b499' has a blast radius of 1000 bets (b1000, b1001, b1002, b1003, b1004, b1005 and 994 more); max-blast-radius is 8: a slip here stalls all of them");
        expect(messages.get(1491)).toBe("Bet 'b1490' has a blast radius of 9 bets (b1491, b1492, b1493, b1494, b1495, b1496 and 3 more); max-blast-radius is 8: a slip here stalls all of them");
        expect(messages.has(1492)).toBe(false);
    });

    test('the exact figure and every dependent, one element at a time, as the hover and impact mode need them', async () => {
        const ws = await buildWorkspace({ 'chain.trellis': chain(1500) });
        const model = ws.services.plan.PlanService.model;
        expect(model.blastRadius('hub')).toBe(1500);
        expect(model.blastRadius('b0')).toBe(1499);
        expect(model.blastRadius('b1499')).toBe(0);
        const all = model.allDependents('b1000');
        expect(all.size).toBe(499);
        expect(all.has('b1499') && all.has('b1001') && !all.has('b1000') && !all.has('b999')).toBe(true);
        expect(model.directDependents('b0')).toEqual(['b1']);
    });
});
