import { describe, expect, test } from 'vitest';
import { buildPlan } from '../helpers.js';

const overloaded = (allow: string) => `
pillar p { target 100% }
team t { capacity 4 ${allow} }
bet a { pillar p owner t 70% during 2027-Q1 }
bet b { pillar p owner t 70% during 2027-Q1 }
`;

describe('an allowance whose until is not a date', () => {
    test('is reported and silences nothing, rather than silencing forever', async () => {
        const ws = await buildPlan(overloaded('allow overloaded-team "two hires start in January" until 2027-02-30'));
        expect(ws.withCode('invalid-value').map(d => d.message)).toEqual(["'2027-02-30' is not a date: February 2027 has 28 days"]);
        expect(ws.withCode('overloaded-team')).toHaveLength(1);
    });

    test('a valid until in the future still silences', async () => {
        const ws = await buildPlan(overloaded('allow overloaded-team "two hires start in January" until 2027-02-28'));
        expect(ws.withCode('overloaded-team')).toHaveLength(0);
        expect(ws.withCode('invalid-value')).toHaveLength(0);
    });
});
