// The model's graph algorithms on their own, on small graphs written out by hand: loops
// (cycles.ts) and who depends on an element (dependents.ts). The checks, hover and drawings
// that use them are tested through the language services elsewhere.

import { describe, expect, test } from 'vitest';
import { findCycles, hasLoop, uniqueCycles } from '../../language/model/cycles.js';
import { DependentsGraph } from '../../language/model/dependents.js';

/** `'a>b a>c b>a'` as an edge function. */
function graph(spec: string): (node: string) => readonly string[] {
    const edges = new Map<string, string[]>();
    for (const pair of spec.split(' ').filter(Boolean)) {
        const [from, to] = pair.split('>');
        edges.set(from, [...(edges.get(from) ?? []), to]);
    }
    return node => edges.get(node) ?? [];
}

/** A closed loop written from its first name in name order (`c a b c` → `a b c a`), to compare loops. */
function canonical(loop: readonly string[]): string {
    const open = loop.slice(0, -1);
    const at = open.indexOf([...open].sort()[0]);
    return [...open.slice(at), ...open.slice(0, at), open[at]].join(' ');
}

describe('loops', () => {
    test('none in a tree or a diamond; a node pointing at itself is not a loop of two or more', () => {
        for (const spec of ['a>b a>c b>d', 'a>b a>c b>d c>d', 'a>a b>a']) {
            const edges = graph(spec);
            expect(hasLoop(['a', 'b', 'c', 'd'], edges), spec).toBe(false);
            expect(findCycles(['a', 'b', 'c', 'd'], edges), spec).toEqual(new Map());
        }
    });

    test('each member of a loop gets the loop starting from itself, the same way round', () => {
        const edges = graph('a>b b>c c>a c>d');
        expect(hasLoop(['d', 'c', 'b', 'a'], edges)).toBe(true);
        const cycles = findCycles(['d', 'c', 'b', 'a'], edges);
        expect(cycles).toEqual(new Map([['a', ['a', 'b', 'c', 'a']], ['b', ['b', 'c', 'a', 'b']], ['c', ['c', 'a', 'b', 'c']]]));
        expect(uniqueCycles(cycles).map(canonical)).toEqual(['a b c a']);
    });

    test('two loops apart are each found once; the order the nodes are given in does not change them', () => {
        const edges = graph('a>b b>a x>y y>z z>x q>a');
        const forward = findCycles(['a', 'b', 'q', 'x', 'y', 'z'], edges);
        const backward = findCycles(['z', 'y', 'x', 'q', 'b', 'a'], edges);
        expect(forward).toEqual(backward);
        expect(forward.has('q')).toBe(false);
        expect(uniqueCycles(forward).map(canonical).sort()).toEqual(['a b a', 'x y z x']);
    });

    test('within one tangle each member gets a shortest loop through it', () => {
        // a ⇄ b and b → c → d → b: one component of four; b's shortest loop is with a.
        const edges = graph('a>b b>a b>c c>d d>b');
        const cycles = findCycles(['a', 'b', 'c', 'd'], edges);
        expect([...cycles.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
        expect(cycles.get('a')).toEqual(['a', 'b', 'a']);
        expect(cycles.get('b')).toEqual(['b', 'a', 'b']);
        expect(cycles.get('c')).toEqual(['c', 'd', 'b', 'c']);
        for (const loop of cycles.values()) {
            expect(loop[0]).toBe(loop.at(-1));
            for (let i = 0; i + 1 < loop.length; i++) expect(edges(loop[i])).toContain(loop[i + 1]);
        }
    });

    test('an edge to a name outside the given nodes is followed too', () => {
        const edges = graph('a>b b>ghost ghost>a');
        expect(hasLoop(['a'], edges)).toBe(true);
        expect(findCycles(['a', 'b'], edges).get('ghost')).toEqual(['ghost', 'a', 'b', 'ghost']);
    });

    test('a chain of 100,000 nodes with a loop at its end, without running out of stack', () => {
        const n = 100_000;
        const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
        const edges = (node: string) => {
            const i = Number(node.slice(1));
            return i + 1 < n ? [`n${i + 1}`] : ['n99998'];
        };
        const cycles = findCycles(nodes, edges);
        expect(uniqueCycles(cycles).map(canonical)).toEqual(['n99998 n99999 n99998']);
    });
});

describe('dependents', () => {
    // platform ← api ← (web, mobile); web ← promo; team ops depends on api and is walked
    // through (its dependents count) but not counted itself.
    const dependents = new Map<string, string[]>([
        ['platform', ['api']],
        ['api', ['web', 'mobile', 'ops']],
        ['web', ['promo']],
        ['ops', ['oncall']],
    ]);
    const teams = new Set(['platform', 'ops']);
    const make = () => new DependentsGraph(dependents, name => !teams.has(name));

    test('everything that depends on an element, directly or through a chain, never itself', () => {
        const g = make();
        expect([...g.all('platform')].sort()).toEqual(['api', 'mobile', 'oncall', 'ops', 'promo', 'web']);
        expect([...g.all('web')]).toEqual(['promo']);
        expect([...g.all('promo')]).toEqual([]);
        expect([...g.all('unknown')]).toEqual([]);
    });

    test('only bets count; teams are walked through', () => {
        const g = make();
        expect(g.betCount('platform')).toBe(5); // api, web, mobile, promo, oncall
        expect(g.betCount('api')).toBe(4);
        expect(g.betCount('ops')).toBe(1);
    });

    test('counted up to a bound, with the first names in name order among those counted', () => {
        const g = make();
        expect(g.boundedBets('platform', 10, 3)).toEqual({ count: 5, complete: true, first: ['api', 'mobile', 'oncall'] });
        // Nearest first: api, then web and mobile; past a bound of 2 the walk stops at the third bet.
        expect(g.boundedBets('platform', 2, 5)).toEqual({ count: 3, complete: false, first: ['api', 'mobile', 'web'] });
        expect(g.boundedBets('unknown', 2, 5)).toEqual({ count: 0, complete: true, first: [] });
    });

    test('a loop neither counts an element among its own dependents nor walks forever', () => {
        const g = new DependentsGraph(new Map([['a', ['b']], ['b', ['c']], ['c', ['a']]]), () => true);
        expect([...g.all('a')].sort()).toEqual(['b', 'c']);
        expect(g.betCount('b')).toBe(2);
        expect(g.boundedBets('c', 100, 5)).toEqual({ count: 2, complete: true, first: ['a', 'b'] });
    });

    test('walks one after another give the same answers (the visit marks need no clearing)', () => {
        const g = make();
        const first = [g.betCount('platform'), g.betCount('web'), g.boundedBets('api', 1, 1).count];
        for (let i = 0; i < 5; i++) expect([g.betCount('platform'), g.betCount('web'), g.boundedBets('api', 1, 1).count]).toEqual(first);
    });
});
