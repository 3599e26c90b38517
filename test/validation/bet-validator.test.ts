// Per-element checks that read the element itself (and today): a bet's owner, what it
// serves, its review date, an optimizer's metric, self-dependencies, and expired allowances.

import { describe, expect, test } from 'vitest';
import { buildPlan, buildWorkspace } from '../helpers.js';
import { ERROR, WARNING, messages, seen } from './findings.js';

const base = `team t { capacity 4 }
pillar p { target 100% }
`;

describe('missing-owner', () => {
    test('is an error on a bet without an owner, even when teams support it', async () => {
        const ws = await buildPlan(`${base}bet guided-setup "Guided setup" { pillar p support t 20% }\n`);
        expect(seen(ws, 'missing-owner')).toEqual([{
            file: 'plan.trellis', line: 3, at: 'guided-setup', severity: ERROR,
            message: "Bet 'guided-setup' has no owner: add 'owner TEAM 50%' with the team accountable for it",
        }]);
    });

    test('does not fire on a bet with an owner, whatever its stage', async () => {
        const ws = await buildPlan(`${base}bet a { pillar p owner t 20% }\nbet b { pillar p owner t 20% stage dropped }\n`);
        expect(ws.withCode('missing-owner')).toHaveLength(0);
    });
});

describe('orphan-bet', () => {
    test('fires on a bet with neither a goal nor a pillar', async () => {
        const ws = await buildPlan(`${base}bet stray { owner t 20% }\n`);
        expect(seen(ws, 'orphan-bet')).toEqual([{
            file: 'plan.trellis', line: 3, at: 'stray', severity: WARNING,
            message: "Bet 'stray' serves no goal and counts towards no pillar: add 'goal GOAL' or 'pillar PILLAR'",
        }]);
    });

    test('does not fire on a bet with a goal or with a pillar', async () => {
        const ws = await buildPlan(`${base}goal g { pillar p }\nbet a { owner t 20% goal g }\nbet b { owner t 20% pillar p }\n`);
        expect(ws.withCode('orphan-bet')).toHaveLength(0);
    });
});

describe('missing-review', () => {
    test('fires on an active new-offering bet without a review date, at its funding', async () => {
        const ws = await buildPlan(`${base}bet launch { owner t 20% pillar p funding new-offering during 2027-Q1 }\nbet open { owner t 20% pillar p funding new-offering }\n`);
        expect(seen(ws, 'missing-review')).toEqual([
            {
                file: 'plan.trellis', line: 3, at: 'new-offering', severity: WARNING,
                message: "Bet 'launch' is an active new offering without a review date: set its pivot-or-proceed date with 'review YYYY-MM-DD'",
            },
            {
                file: 'plan.trellis', line: 4, at: 'new-offering', severity: WARNING,
                message: "Bet 'open' is an active new offering without a review date: set its pivot-or-proceed date with 'review YYYY-MM-DD'",
            },
        ]);
    });

    test('does not fire with a review date, for a done or dropped bet, or for other funding', async () => {
        const ws = await buildPlan(`${base}
bet a { owner t 20% pillar p funding new-offering review 2027-03-01 }
bet b { owner t 20% pillar p funding new-offering stage done }
bet c { owner t 20% pillar p funding new-offering stage dropped }
bet d { owner t 20% pillar p funding rebuild }
bet e { owner t 20% pillar p }
`);
        expect(ws.withCode('missing-review')).toHaveLength(0);
    });
});

describe('overdue-review', () => {
    test('fires on an active bet whose review date is before today, at the date, counting the days', async () => {
        const ws = await buildPlan(`${base}bet b { owner t 20% pillar p during 2027-Q1 funding new-offering review 2027-01-10 }\n`, { today: '2027-01-15' });
        expect(seen(ws, 'overdue-review')).toEqual([{
            file: 'plan.trellis', line: 3, at: '2027-01-10', severity: WARNING,
            message: "Bet 'b' was due for its review on 2027-01-10, 5 days before today (2027-01-15); hold it and record pivot or proceed",
        }]);
    });

    test('a month counts until its last day; one day is singular', async () => {
        const plan = `${base}bet b { owner t 20% pillar p review 2027-01 }\n`;
        expect((await buildPlan(plan, { today: '2027-01-31' })).withCode('overdue-review')).toHaveLength(0);
        expect(messages(await buildPlan(plan, { today: '2027-02-01' }), 'overdue-review')).toEqual([
            "Bet 'b' was due for its review on 2027-01, 1 day before today (2027-02-01); hold it and record pivot or proceed",
        ]);
    });

    test('does not fire on the review day itself, for a later date, or for a bet that is done or dropped', async () => {
        const ws = await buildPlan(`${base}
bet a { owner t 20% pillar p review 2027-01-15 }
bet b { owner t 20% pillar p review 2027-Q2 }
bet c { owner t 20% pillar p review 2026-11-01 stage done }
bet d { owner t 20% pillar p review 2026-11-01 stage dropped }
`, { today: '2027-01-15' });
        expect(ws.withCode('overdue-review')).toHaveLength(0);
    });
});

describe('optimizer-without-metric', () => {
    test('fires on an operational-optimizer bet that expects no metric, at its funding', async () => {
        const ws = await buildPlan(`${base}bet tune { owner t 20% pillar p funding operational-optimizer }\n`);
        expect(seen(ws, 'optimizer-without-metric')).toEqual([{
            file: 'plan.trellis', line: 3, at: 'operational-optimizer', severity: WARNING,
            message: "Bet 'tune' is an operational optimizer but expects no metric: say what it moves with 'expects METRIC +N'",
        }]);
    });

    test('applies to optimizers of any stage (the spec does not limit it to active bets)', async () => {
        const ws = await buildPlan(`${base}bet tuned { owner t 20% pillar p funding operational-optimizer stage done during 2027-Q1 }\n`);
        expect(messages(ws, 'optimizer-without-metric')).toEqual([
            "Bet 'tuned' is an operational optimizer but expects no metric: say what it moves with 'expects METRIC +N'",
        ]);
    });

    test('does not fire for an optimizer that expects a metric, or for other funding', async () => {
        const ws = await buildPlan(`${base}metric latency { north-star }
bet a { owner t 20% pillar p funding operational-optimizer expects latency -3.5 }
bet b { owner t 20% pillar p funding platform }
`);
        expect(ws.withCode('optimizer-without-metric')).toHaveLength(0);
    });
});

describe('self-dependency', () => {
    test('is an error at the reference, on a bet or a team', async () => {
        const ws = await buildPlan(`${base}bet s { owner t 20% pillar p\n  depends-on t, s }\nteam solo { capacity 2 depends-on solo }\n`);
        expect(seen(ws, 'self-dependency')).toEqual([
            { file: 'plan.trellis', line: 4, at: 's', severity: ERROR, message: "'s' depends on itself; remove it from depends-on" },
            { file: 'plan.trellis', line: 5, at: 'solo', severity: ERROR, message: "'solo' depends on itself; remove it from depends-on" },
        ]);
        // On the reference in the depends-on list, not on the team's name.
        expect(ws.withCode('self-dependency').map(d => d.range.start.character)).toEqual(['  depends-on t, '.length, 'team solo { capacity 2 depends-on '.length]);
    });

    test('does not fire for a dependency on another element', async () => {
        const ws = await buildPlan(`${base}bet a { owner t 20% pillar p depends-on b, t }\nbet b { owner t 20% pillar p }\n`);
        expect(ws.withCode('self-dependency')).toHaveLength(0);
    });
});

describe('expired-allowance', () => {
    const team = (until: string) => `team platform { capacity 8
  allow overloaded-team "two hires start in January" until ${until}
}
`;

    test('fires at the until date once it is before today', async () => {
        const ws = await buildWorkspace({ 'teams.trellis': team('2027-03-31') }, { today: '2027-04-01' });
        expect(seen(ws, 'expired-allowance')).toEqual([{
            file: 'teams.trellis', line: 2, at: '2027-03-31', severity: WARNING,
            message: "The allowance for overloaded-team on 'platform' expired on 2027-03-31 (today is 2027-04-01); it no longer silences anything — renew it with a new date or fix the finding",
        }]);
    });

    test('a quarter or month runs to its last day', async () => {
        expect((await buildPlan(team('2027-Q1'), { today: '2027-03-31' })).withCode('expired-allowance')).toHaveLength(0);
        expect(messages(await buildPlan(team('2027-02'), { today: '2027-03-01' }), 'expired-allowance')).toEqual([
            "The allowance for overloaded-team on 'platform' expired on 2027-02 (today is 2027-03-01); it no longer silences anything — renew it with a new date or fix the finding",
        ]);
    });

    test('does not fire on the until day itself, or for an allowance without until', async () => {
        expect((await buildPlan(team('2027-03-31'), { today: '2027-03-31' })).withCode('expired-allowance')).toHaveLength(0);
        const forever = 'team platform { capacity 8 allow overloaded-team "we accept it" }\n';
        expect((await buildPlan(forever, { today: '2099-01-01' })).withCode('expired-allowance')).toHaveLength(0);
    });
});
