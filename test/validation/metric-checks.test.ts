// Metric tree checks: loops in `drives`, metrics nothing uses, and the north star (none, or
// more than one).

import { describe, expect, test } from 'vitest';
import { buildPlan, buildWorkspace } from '../helpers.js';
import { ERROR, INFO, WARNING, messages, seen } from './findings.js';

describe('metric-cycle', () => {
    test('is an error on every metric of the loop, at its drives link into the loop', async () => {
        const ws = await buildWorkspace({
            'a.trellis': 'metric star { north-star }\nmetric m1 {\n  drives m2, star\n}\n',
            'b.trellis': 'metric m2 { drives m1 }\n',
        });
        expect(seen(ws, 'metric-cycle')).toEqual([
            { file: 'a.trellis', line: 3, at: 'm2', severity: ERROR, message: 'Metric loop: m1 → m2 → m1; a metric tree cannot feed itself' },
            { file: 'b.trellis', line: 1, at: 'm1', severity: ERROR, message: 'Metric loop: m2 → m1 → m2; a metric tree cannot feed itself' },
        ]);
    });

    test('a metric that drives itself is reported at that link', async () => {
        const ws = await buildPlan('metric star { north-star }\nmetric m3 {\n  drives star, m3\n}\n');
        expect(seen(ws, 'metric-cycle')).toEqual([
            { file: 'plan.trellis', line: 3, at: 'm3', severity: ERROR, message: "Metric 'm3' drives itself" },
        ]);
    });

    test('does not fire for a tree, even where two inputs drive the same metric', async () => {
        const ws = await buildPlan(`
metric star { north-star }
metric mid { drives star }
metric a { drives mid, star }
metric b { drives mid }
`);
        expect(ws.withCode('metric-cycle')).toHaveLength(0);
    });

    test('closing the loop from another file reports it in both', async () => {
        const ws = await buildWorkspace({
            'a.trellis': 'metric star { north-star }\nmetric m1 { drives m2 }\n',
            'b.trellis': 'metric m2 { drives star }\n',
        });
        expect(ws.withCode('metric-cycle')).toHaveLength(0);
        await ws.edit('b.trellis', 'metric m2 { drives m1 }\n');
        expect(messages(ws, 'metric-cycle', 'a.trellis')).toEqual(['Metric loop: m1 → m2 → m1; a metric tree cannot feed itself']);
        expect(messages(ws, 'metric-cycle', 'b.trellis')).toEqual(['Metric loop: m2 → m1 → m2; a metric tree cannot feed itself']);
    });
});

describe('orphan-metric', () => {
    test('is info on a metric that nothing moves, expects or is driven by it', async () => {
        const ws = await buildWorkspace({
            'metrics.trellis': 'metric star { north-star }\nmetric churn "Churn" { unit "%" }\n',
            'goals.trellis': 'goal g { moves star }\n',
        });
        expect(seen(ws, 'orphan-metric')).toEqual([{
            file: 'metrics.trellis', line: 2, at: 'churn', severity: INFO,
            message: "Metric 'churn' is moved by no goal, expected by no bet and drives no other metric: link it or remove it",
        }]);
    });

    test('does not fire for a metric a goal moves, a bet expects, that drives another, or the north star', async () => {
        const ws = await buildPlan(`
team t { capacity 4 }
pillar p { target 100% }
metric star { north-star }
metric moved
metric expected
metric input { drives star }
goal g { pillar p moves moved }
bet b { owner t 50% goal g expects expected +3 }
`);
        expect(ws.withCode('orphan-metric')).toHaveLength(0);
    });

    test('disappears when a goal in another file starts to move the metric', async () => {
        const ws = await buildWorkspace({
            'metrics.trellis': 'metric star { north-star }\nmetric churn\n',
            'goals.trellis': 'goal g { moves star }\n',
        });
        expect(ws.withCode('orphan-metric', 'metrics.trellis')).toHaveLength(1);
        await ws.edit('goals.trellis', 'goal g { moves star, churn }\n');
        expect(ws.withCode('orphan-metric')).toHaveLength(0);
    });
});

describe('no-north-star', () => {
    test('is info on each metric that drives no other, when no metric is the north star', async () => {
        const ws = await buildPlan(`
metric input { drives top }
metric top
metric lone
`);
        expect(seen(ws, 'no-north-star')).toEqual([
            { file: 'plan.trellis', line: 3, at: 'top', severity: INFO, message: "The plan has 3 metrics but no north star; 'top' drives no other metric — if the tree leads here, mark it `north-star`" },
            { file: 'plan.trellis', line: 4, at: 'lone', severity: INFO, message: "The plan has 3 metrics but no north star; 'lone' drives no other metric — if the tree leads here, mark it `north-star`" },
        ]);
    });

    test('more than one north star is a warning on each of them', async () => {
        const ws = await buildWorkspace({
            'a.trellis': 'metric revenue {\n  north-star\n}\n',
            'b.trellis': 'metric users { north-star }\nmetric input { drives users }\n',
        });
        expect(seen(ws, 'no-north-star')).toEqual([
            { file: 'a.trellis', line: 2, at: 'north-star', severity: WARNING, message: 'The plan has 2 north stars (revenue, users); keep one and let the others drive it' },
            { file: 'b.trellis', line: 1, at: 'north-star', severity: WARNING, message: 'The plan has 2 north stars (revenue, users); keep one and let the others drive it' },
        ]);
    });

    test('does not fire with exactly one north star, or without metrics', async () => {
        expect((await buildPlan('metric star { north-star }\nmetric input { drives star }\n')).withCode('no-north-star')).toHaveLength(0);
        expect((await buildPlan('team t { capacity 3 }\n')).withCode('no-north-star')).toHaveLength(0);
    });

    test('marking a north star in another file clears the findings on the metrics', async () => {
        const ws = await buildWorkspace({
            'a.trellis': 'metric input { drives top }\n',
            'b.trellis': 'metric top\n',
        });
        expect(messages(ws, 'no-north-star', 'b.trellis')).toEqual([
            "The plan has 2 metrics but no north star; 'top' drives no other metric — if the tree leads here, mark it `north-star`",
        ]);
        await ws.edit('b.trellis', 'metric top { north-star }\n');
        expect(ws.withCode('no-north-star')).toHaveLength(0);
    });
});
