// What is written, judged on its own: values out of range, impossible periods, properties
// given twice or in the wrong element, unknown words, and `check` / `allow` entries that name
// no check. All of it is `invalid-value`, an error at the value or property concerned.

import { describe, expect, test } from 'vitest';
import { buildPlan, buildWorkspace } from '../helpers.js';
import { ERROR, codes, messages, seen } from './findings.js';

/** The plan of SPEC.md's "Elements" section, written as the spec writes it. */
const acme = `// acme.trellis — a small example

policy {
  max-load 100%
  max-wip 3
  max-blast-radius 8
  pillar-tolerance 10%
  min-slice 20%
  check orphan-metric off
  check overloaded-team error
}

pillar growth "Grow new teams" { target 40% }
pillar retention "Keep the teams we have" { target 35% }
pillar foundations "Keep the lights on, pay down debt" { target 25% }

metric weekly-active-teams "Weekly active teams" {
  north-star
  unit "teams/week"
  baseline 1200
  target 1500 by 2027-Q4
}

metric activation "New teams reaching a first plan within a day" {
  unit "%"
  baseline 42
  target 60 by 2027-Q2
  drives weekly-active-teams
}

goal faster-activation "New teams reach first value in a day" {
  pillar growth
  moves activation
}

team onboarding "Onboarding" {
  type stream-aligned
  capacity 6
  awareness explicit
  change rapid-growth
  effectiveness getting-better
  depends-on platform
}

team platform "Platform" {
  type platform
  capacity 8
  allow overloaded-team "two hires start in January" until 2027-03-31
}

bet guided-setup "Guided first-plan setup" {
  goal faster-activation
  owner onboarding 60%
  support platform 20%
  funding new-offering
  stage validate
  during 2027-Q1 .. 2027-Q2
  review 2027-02-15
  depends-on sso-v2
  expects activation +8
}

bet sso-v2 "Single sign-on v2" {
  pillar foundations
  owner platform 50%
  funding platform
  during 2027-Q1
}
`;

const base = `team t { capacity 4 }
pillar p { target 100% }
`;

describe('invalid-value', () => {
    test('does not fire on the spec\'s example plan, with properties in any order', async () => {
        const ws = await buildPlan(acme);
        expect(ws.withCode('invalid-value')).toHaveLength(0);
        // Only what the plan really says: no action on retention, growth far above its target.
        expect(codes(ws)).toEqual(['pillar-drift']);
        const reordered = await buildPlan(`${base}bet b { during 2027-Q1 stage commit funding rebuild owner t 50% support t 10% pillar p }\n`);
        expect(reordered.withCode('invalid-value')).toHaveLength(0);
    });

    test.each([
        ['an allocation above 100%', 'bet b { pillar p owner t 150% }', '150%', 'An allocation of 150% is outside 0–100%'],
        ['a negative allocation', 'bet b { pillar p owner t 50% support t -5% }', '-5%', 'An allocation of -5% is outside 0–100%'],
        ['an allocation without %', 'bet b { pillar p owner t 50 }', '50', 'An allocation is a share of the team: write 50%'],
        ['an allocation without a share', 'bet b { pillar p owner t }', 't', "'owner t' needs the team's allocation, like 'owner t 50%'"],
        ['a pillar target above 100%', 'pillar q { target 120% }', '120%', 'A target share of 120% is outside 0–100%'],
        ['a pillar target without %', 'pillar q { target 40 }', '40', "A pillar's target is a share: write 40%"],
        ['a pillar target with a date', 'pillar q { target 0% by 2027-Q4 }', '0%', "A pillar's target is a share of the plan and has no date; remove 'by 2027-Q4'"],
        ['a capacity of 0', 'team z { capacity 0 }', '0', 'Capacity must be more than 0 people (it is 0)'],
        ['a negative capacity', 'team z { capacity -2 }', '-2', 'Capacity must be more than 0 people (it is -2)'],
        ['a capacity in %', 'team z { capacity 5% }', '5%', 'Capacity is a number of people, not a percentage: write 5'],
        ['a range that ends before it starts', 'bet b { pillar p owner t 10% during 2027-Q3 .. 2027-Q1 }', '2027-Q1', 'The range 2027-Q3 .. 2027-Q1 ends before it starts'],
        ['a range of dates that ends before it starts', 'bet b { pillar p owner t 10% during 2027-03-15 .. 2027-03-14 }', '2027-03-14', 'The range 2027-03-15 .. 2027-03-14 ends before it starts'],
        ['an impossible quarter', 'bet b { pillar p owner t 10% during 2027-Q5 }', '2027-Q5', "'2027-Q5' is not a quarter: quarters run from Q1 to Q4"],
        ['an impossible month', 'bet b { pillar p owner t 10% review 2027-13 }', '2027-13', "'2027-13' is not a month: months run from 01 to 12"],
        ['an impossible date', 'bet b { pillar p owner t 10% review 2027-02-30 }', '2027-02-30', "'2027-02-30' is not a date: February 2027 has 28 days"],
        ['an impossible metric target date', 'metric m { north-star target 5 by 2027-Q0 }', '2027-Q0', "'2027-Q0' is not a quarter: quarters run from Q1 to Q4"],
        ['an impossible until date', 'team z { capacity 3 allow too-much-wip "ok" until 2027-04-31 }', '2027-04-31', "'2027-04-31' is not a date: April 2027 has 30 days"],
        ['a property given twice', 'team z { capacity 3\n  capacity 4 }', 'capacity 4', "'capacity' is given twice in team 'z'; the first one counts"],
        ['a policy property given twice', 'policy { max-wip 2 max-wip 3 }', 'max-wip 3', "'max-wip' is given twice in policy; the first one counts"],
        ['a check given twice for one code', 'policy { check orphan-bet off check orphan-metric off\n  check orphan-bet error }', 'check orphan-bet error', "'check orphan-bet' is given twice in policy; the first one counts"],
        ['a property of another element', 'bet b { pillar p owner t 10% capacity 3 }', 'capacity 3', "'capacity' is not a property of a bet; it belongs to a team"],
        ['a policy property in a team', 'team z { capacity 3 max-load 120% }', 'max-load 120%', "'max-load' is not a property of a team; it belongs to a policy"],
        ['a property that belongs to several elements', 'team z { capacity 3 pillar p }', 'pillar p', "'pillar' is not a property of a team; it belongs to a goal or a bet"],
        ['an unknown stage', 'bet b { pillar p owner t 10% stage someday }', 'someday', "'someday' is not a stage; use one of explore | validate | commit | scale | done | dropped"],
        ['an unknown funding kind', 'bet b { pillar p owner t 10% funding venture }', 'venture', "'venture' is not a funding kind; use one of new-offering | operational-optimizer | rebuild | platform"],
        ['an unknown team type', 'team z { capacity 3 type squad }', 'squad', "'squad' is not a team type; use one of stream-aligned | platform | enabling | complicated-subsystem"],
        ['an unknown awareness level', 'team z { capacity 3 awareness vague }', 'vague', "'vague' is not an awareness level; use one of unintelligible | implicit | explicit"],
        ['min-slice above 100%', 'policy { min-slice 120% }', '120%', 'min-slice 120% is outside 0–100%'],
        ['pillar-tolerance without %', 'policy { pillar-tolerance 10 }', '10', 'pillar-tolerance is a percentage: write 10%'],
        ['a negative max-load', 'policy { max-load -5% }', '-5%', 'max-load cannot be negative (it is -5%)'],
        ['max-load without %', 'policy { max-load 120 }', '120', 'max-load is a percentage of capacity: write 120%'],
        ['a fractional max-wip', 'policy { max-wip 2.5 }', '2.5', 'max-wip is a whole number of bets (it is 2.5)'],
        ['max-blast-radius in %', 'policy { max-blast-radius 8% }', '8%', 'max-blast-radius is a whole number of bets (it is 8%)'],
        ['an unknown severity', 'policy { check orphan-bet loud }', 'loud', "'loud' is not a severity; use one of off | hint | info | warning | error"],
        ['a check on syntax errors', 'policy { check syntax-error off }', 'syntax-error', "'syntax-error' is always an error and cannot be switched"],
        ['an allowance for an unknown code', 'team z { capacity 3 allow overload "busy" }', 'overload', "'overload' is not a check code, so there is nothing to allow"],
        ['an allowance without a reason', 'team z { capacity 3 allow overloaded-team }', 'overloaded-team', 'An allowance needs a reason others can read: allow overloaded-team "why this is acceptable"'],
        ['an allowance for a reference error', 'bet b { pillar p owner t 10% allow unresolved-reference "later" }', 'unresolved-reference', "'unresolved-reference' cannot be allowed: fix the text instead"],
        ['a team depending on a bet', 'team z { capacity 3 depends-on b }\nbet b { pillar p owner t 10% }', 'b', "A team depends on teams, and 'b' is a bet: put the dependency on the bets that need it"],
    ])('is an error on %s', async (_what, text, at, message) => {
        const ws = await buildPlan(`${base}${text}\n`);
        expect(seen(ws, 'invalid-value').map(({ at: a, severity, message: m }) => ({ at: a, severity, message: m }))).toEqual([{ at, severity: ERROR, message }]);
    });

    test('an unknown check code names the codes that can be switched', async () => {
        const ws = await buildPlan('policy { check overload off }\n');
        expect(messages(ws, 'invalid-value')).toEqual([
            "'overload' is not a check code; codes are duplicate-name, invalid-value, missing-owner, metric-cycle, self-dependency, "
            + 'overloaded-team, too-much-wip, fragmented-allocation, unlinked-goal, orphan-bet, orphan-metric, no-north-star, '
            + 'dependency-cycle, high-blast-radius, pillar-targets, pillar-drift, missing-review, overdue-review, '
            + 'optimizer-without-metric, depends-on-dropped, late-dependency, expired-allowance, one-person-team',
        ]);
    });

    test('accepts the edges of every range: 0% and 100%, max-load above 100%, a leap day, decimals and signs', async () => {
        const ws = await buildPlan(`policy { max-load 150% min-slice 0% pillar-tolerance 100% max-wip 0 max-blast-radius 0 }
team t { capacity 2.5 }
pillar p { target 100% }
pillar q { target 0% }
metric m { north-star baseline -3.5 target 60 by 2028-02-29 }
bet a { pillar p owner t 0% support t 100% during 2028-02-29 review 2028-Q1 expects m -3.5 }
bet b { pillar p owner t 100% during 2027-12 .. 2028-01-01 }
`);
        expect(ws.withCode('invalid-value')).toHaveLength(0);
    });

    test('the first of a repeated property is the one that counts', async () => {
        const ws = await buildPlan(`team z { capacity 1 capacity 5 }\n${base}bet b { pillar p owner z 50% during 2027-Q1 }\n`);
        expect(messages(ws, 'one-person-team')).toEqual(["Team 'z' has capacity 1 and owns active bet b: one absence stops it"]);
    });

    test('the first of a repeated check is the one that counts', async () => {
        const ws = await buildPlan(`policy { check orphan-bet off check orphan-bet error }\n${base}bet stray { owner t 10% }\n`);
        expect(ws.withCode('orphan-bet')).toHaveLength(0);
    });

    test('a team depending on a bet in another file is judged again when that file changes', async () => {
        const ws = await buildWorkspace({
            'teams.trellis': 'team z { capacity 3 depends-on core }\n',
            'other.trellis': `${base}bet core { pillar p owner t 10% }\n`,
        });
        expect(seen(ws, 'invalid-value').map(s => `${s.file}:${s.line} ${s.at}`)).toEqual(['teams.trellis:1 core']);
        await ws.edit('other.trellis', `${base}team core { capacity 3 }\n`);
        expect(ws.withCode('invalid-value')).toHaveLength(0);
    });

    test('a misplaced property does not stop the rest of the file from being checked', async () => {
        const ws = await buildPlan(`${base}bet b { pillar p owner t 10% capacity 3 }\nbet c { pillar p }\n`);
        expect(seen(ws, 'invalid-value').map(s => s.line)).toEqual([3]);
        expect(seen(ws, 'missing-owner').map(s => `${s.line} ${s.at}`)).toEqual(['4 c']);
    });
});
