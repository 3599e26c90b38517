// Dependency checks over the whole workspace's depends-on graph: loops, blast radius, and
// active bets waiting on dropped or later-landing work.

import { describe, expect, test } from 'vitest';
import { buildPlan, buildWorkspace } from '../helpers.js';
import { WARNING, messages, seen } from './findings.js';

const base = `team t { capacity 10 }
pillar p { target 100% }
`;

describe('dependency-cycle', () => {
    test('is reported on every element of the loop, in its own file, at the link that closes the loop', async () => {
        const ws = await buildWorkspace({
            'a.trellis': `${base}bet a { owner t 10% pillar p depends-on b }\nbet b { owner t 10% pillar p depends-on c }\n`,
            'c.trellis': 'bet c { owner t 10% pillar p depends-on a }\n',
        });
        expect(seen(ws, 'dependency-cycle')).toEqual([
            { file: 'a.trellis', line: 3, at: 'b', severity: WARNING, message: 'Dependency loop: a → b → c → a; none of these can finish first' },
            { file: 'a.trellis', line: 4, at: 'c', severity: WARNING, message: 'Dependency loop: b → c → a → b; none of these can finish first' },
            { file: 'c.trellis', line: 1, at: 'a', severity: WARNING, message: 'Dependency loop: c → a → b → c; none of these can finish first' },
        ]);
    });

    test('finds loops between teams, and only names the members of the loop', async () => {
        const ws = await buildPlan(`
team u { capacity 3 depends-on v }
team v { capacity 3 depends-on w, u }
team w { capacity 3 }
team x { capacity 3 depends-on u }
`);
        expect(seen(ws, 'dependency-cycle')).toEqual([
            { file: 'plan.trellis', line: 2, at: 'v', severity: WARNING, message: 'Dependency loop: u → v → u; none of these can finish first' },
            { file: 'plan.trellis', line: 3, at: 'u', severity: WARNING, message: 'Dependency loop: v → u → v; none of these can finish first' },
        ]);
    });

    test('does not fire for a chain, a diamond, or a self-dependency (which has its own code)', async () => {
        const ws = await buildPlan(`${base}
bet a { owner t 10% pillar p depends-on b, c }
bet b { owner t 10% pillar p depends-on d }
bet c { owner t 10% pillar p depends-on d }
bet d { owner t 10% pillar p depends-on t }
bet s { owner t 10% pillar p depends-on s }
`);
        expect(ws.withCode('dependency-cycle')).toHaveLength(0);
        expect(ws.withCode('self-dependency')).toHaveLength(1);
    });

    test('breaking the loop in one file clears the warnings in the other', async () => {
        const ws = await buildWorkspace({
            'a.trellis': `${base}bet a { owner t 10% pillar p depends-on b }\n`,
            'b.trellis': 'bet b { owner t 10% pillar p depends-on a }\n',
        });
        expect(ws.withCode('dependency-cycle', 'a.trellis')).toHaveLength(1);
        expect(ws.withCode('dependency-cycle', 'b.trellis')).toHaveLength(1);
        await ws.edit('b.trellis', 'bet b { owner t 10% pillar p }\n');
        expect(ws.withCode('dependency-cycle')).toHaveLength(0);
        await ws.edit('b.trellis', 'bet b { owner t 10% pillar p depends-on a }\n');
        expect(messages(ws, 'dependency-cycle', 'a.trellis')).toEqual(['Dependency loop: a → b → a; none of these can finish first']);
    });
});

describe('high-blast-radius', () => {
    const dependents = (n: number) => Array.from({ length: n }, (_, i) => `bet b${i + 1} { owner t 10% pillar p depends-on core }`).join('\n');

    test('fires on an element with more dependent bets than max-blast-radius (default 8)', async () => {
        const ws = await buildWorkspace({
            'core.trellis': 'team core "Core" { capacity 6 }\n',
            'bets.trellis': `${base}${dependents(9)}\n`,
        });
        expect(seen(ws, 'high-blast-radius')).toEqual([{
            file: 'core.trellis', line: 1, at: 'core', severity: WARNING,
            message: "Team 'core' has a blast radius of 9 bets (b1, b2, b3, b4, b5, b6 and 3 more); max-blast-radius is 8: a slip here stalls all of them",
        }]);
    });

    test('does not fire at exactly max-blast-radius', async () => {
        const ws = await buildPlan(`team core { capacity 6 }\n${base}${dependents(8)}\n`);
        expect(ws.withCode('high-blast-radius')).toHaveLength(0);
    });

    test('counts bets of any stage that depend through chains of bets and teams', async () => {
        const ws = await buildPlan(`policy { max-blast-radius 2 }
${base}team core { capacity 6 }
team app { capacity 6 depends-on core }
bet a { owner t 10% pillar p depends-on app }
bet b { owner t 10% pillar p depends-on a }
bet c { owner t 10% pillar p depends-on b stage dropped }
`);
        expect(seen(ws, 'high-blast-radius')).toEqual([
            { file: 'plan.trellis', line: 4, at: 'core', severity: WARNING, message: "Team 'core' has a blast radius of 3 bets (a, b, c); max-blast-radius is 2: a slip here stalls all of them" },
            { file: 'plan.trellis', line: 5, at: 'app', severity: WARNING, message: "Team 'app' has a blast radius of 3 bets (a, b, c); max-blast-radius is 2: a slip here stalls all of them" },
        ]);
    });

    test('policy max-blast-radius sets the threshold; a new dependent in another file updates the team\'s file', async () => {
        const ws = await buildWorkspace({
            'policy.trellis': 'policy { max-blast-radius 1 }\n',
            'core.trellis': 'team core { capacity 6 }\n',
            'bets.trellis': `${base}bet a { owner t 10% pillar p depends-on core }\n`,
        });
        expect(ws.withCode('high-blast-radius')).toHaveLength(0);
        await ws.edit('bets.trellis', `${base}bet a { owner t 10% pillar p depends-on core }\nbet b { owner t 10% pillar p depends-on a }\n`);
        expect(seen(ws, 'high-blast-radius')).toEqual([{
            file: 'core.trellis', line: 1, at: 'core', severity: WARNING,
            message: "Team 'core' has a blast radius of 2 bets (a, b); max-blast-radius is 1: a slip here stalls all of them",
        }]);
        await ws.edit('policy.trellis', 'policy { max-blast-radius 2 }\n');
        expect(ws.withCode('high-blast-radius')).toHaveLength(0);
    });
});

describe('depends-on-dropped', () => {
    test('fires on the active bet, at its reference to the dropped bet', async () => {
        const ws = await buildWorkspace({
            'a.trellis': `${base}bet old { owner t 10% pillar p stage dropped during 2027-Q1 }\n`,
            'b.trellis': 'bet next { owner t 10% pillar p during 2027-Q2\n  depends-on t, old }\n',
        });
        expect(seen(ws, 'depends-on-dropped')).toEqual([{
            file: 'b.trellis', line: 2, at: 'old', severity: WARNING,
            message: "Bet 'next' depends on 'old', which is dropped: find another way or drop 'next' too",
        }]);
        // A dropped dependency is not also reported as landing late.
        expect(ws.withCode('late-dependency')).toHaveLength(0);
    });

    test('does not fire when the dependency is done, or the dependent itself is done or dropped', async () => {
        const ws = await buildPlan(`${base}
bet old { owner t 10% pillar p stage dropped }
bet finished { owner t 10% pillar p stage done }
bet a { owner t 10% pillar p depends-on finished }
bet b { owner t 10% pillar p stage done depends-on old }
bet c { owner t 10% pillar p stage dropped depends-on old }
`);
        expect(ws.withCode('depends-on-dropped')).toHaveLength(0);
    });

    test('appears when the dependency is dropped in another file', async () => {
        const ws = await buildWorkspace({
            'a.trellis': `${base}bet old { owner t 10% pillar p stage commit }\n`,
            'b.trellis': 'bet next { owner t 10% pillar p depends-on old }\n',
        });
        expect(ws.withCode('depends-on-dropped')).toHaveLength(0);
        await ws.edit('a.trellis', `${base}bet old { owner t 10% pillar p stage dropped }\n`);
        expect(messages(ws, 'depends-on-dropped', 'b.trellis')).toEqual([
            "Bet 'next' depends on 'old', which is dropped: find another way or drop 'next' too",
        ]);
    });
});

describe('late-dependency', () => {
    test('fires when a dependency\'s during ends after the dependent\'s', async () => {
        const ws = await buildPlan(`${base}
bet e { owner t 10% pillar p during 2027-Q2 depends-on d, f }
bet d { owner t 10% pillar p during 2027-Q1 .. 2027-Q2 }
bet f { owner t 10% pillar p during 2027-Q2 .. 2027-Q3 }
`);
        expect(seen(ws, 'late-dependency')).toEqual([{
            file: 'plan.trellis', line: 4, at: 'f', severity: WARNING,
            message: "Bet 'e' ends 2027-Q2 but depends on 'f', which ends 2027-Q3: the dependency lands too late",
        }]);
    });

    test('compares days, whatever the periods are written as', async () => {
        const ws = await buildPlan(`${base}
bet e { owner t 10% pillar p during 2027-01 .. 2027-03 depends-on early, late }
bet early { owner t 10% pillar p during 2027-02-01 .. 2027-Q1 }
bet late { owner t 10% pillar p during 2027-02-01 .. 2027-04-01 }
`);
        expect(messages(ws, 'late-dependency')).toEqual([
            "Bet 'e' ends 2027-03 but depends on 'late', which ends 2027-04-01: the dependency lands too late",
        ]);
    });

    test('does not fire without during on both sides, or when the dependent is not active', async () => {
        const ws = await buildPlan(`${base}
bet long { owner t 10% pillar p during 2027-Q1 .. 2027-Q4 }
bet open { owner t 10% pillar p }
bet a { owner t 10% pillar p depends-on long }
bet b { owner t 10% pillar p during 2027-Q1 depends-on open }
bet c { owner t 10% pillar p during 2027-Q1 stage done depends-on long }
`);
        expect(ws.withCode('late-dependency')).toHaveLength(0);
    });

    test('moving the dependency\'s end in another file updates the dependent\'s file', async () => {
        const ws = await buildWorkspace({
            'a.trellis': `${base}bet dep { owner t 10% pillar p during 2027-Q1 }\n`,
            'b.trellis': 'bet user { owner t 10% pillar p during 2027-Q2 depends-on dep }\n',
        });
        expect(ws.withCode('late-dependency')).toHaveLength(0);
        await ws.edit('a.trellis', `${base}bet dep { owner t 10% pillar p during 2027-Q1 .. 2027-Q3 }\n`);
        expect(seen(ws, 'late-dependency')).toEqual([{
            file: 'b.trellis', line: 1, at: 'dep', severity: WARNING,
            message: "Bet 'user' ends 2027-Q2 but depends on 'dep', which ends 2027-Q3: the dependency lands too late",
        }]);
    });
});
