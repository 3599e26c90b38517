// Every construct of the plan language parses without errors, into the values a planner
// wrote: each element and property, titles, comments, periods, ranges, percentages, signed
// decimals, names in any script or spelled like keywords, a BOM and CRLF line endings.

import { EmptyFileSystem, type LangiumDocument } from 'langium';
import { parseHelper } from 'langium/test';
import { describe, expect, test } from 'vitest';
import {
    isAllowProperty, isAwarenessProperty, isBaselineProperty, isBet, isCapacityProperty, isChangeProperty, isCheckProperty,
    isDependsOnProperty, isDrivesProperty, isDuringProperty, isEffectivenessProperty, isExpectsProperty, isFundingProperty,
    isGoal, isGoalProperty, isMaxBlastRadiusProperty, isMaxLoadProperty, isMaxWipProperty, isMetric, isMinSliceProperty,
    isMovesProperty, isNorthStarProperty, isOwnerProperty, isPillar, isPillarProperty, isPillarToleranceProperty, isPolicy,
    isReviewProperty, isStageProperty, isSupportProperty, isTargetProperty, isTeam, isTypeProperty, isUnitProperty,
    type Element, type Plan, type Policy, type Property,
} from '../../language/generated/ast.js';
import { createTrellisServices } from '../../language/trellis-module.js';
import { buildPlan } from '../helpers.js';

const parse = parseHelper<Plan>(createTrellisServices(EmptyFileSystem).Trellis);

function syntaxErrors(doc: LangiumDocument<Plan>): string[] {
    return [...doc.parseResult.lexerErrors.map(e => e.message), ...doc.parseResult.parserErrors.map(e => e.message)];
}

async function parseClean(text: string): Promise<Plan> {
    const doc = await parse(text);
    expect(syntaxErrors(doc)).toEqual([]);
    return doc.parseResult.value;
}

function element(plan: Plan, name: string): Exclude<Element, Policy> {
    const found = plan.elements.find((e): e is Exclude<Element, Policy> => !isPolicy(e) && e.name === name);
    if (!found) throw new Error(`no element '${name}'`);
    return found;
}

function prop<T extends Property>(el: Element, guard: (p: unknown) => p is T): T {
    const found = el.properties.find(guard);
    if (!found) throw new Error(`no such property on ${el.$type}`);
    return found;
}

/** The spec's own example plan, with every property of every element. */
const fullPlan = `
// acme.trellis — every element and every property
policy {
  max-load 110%
  max-wip 3
  max-blast-radius 8
  pillar-tolerance 10%
  min-slice 20%
  check orphan-metric off
  check overloaded-team error
}

pillar growth "Grow new teams" { target 40% }
pillar retention "Keep the teams we have" { target 35% allow unlinked-goal "rebalanced in Q2" until 2027-06-30 }
pillar foundations { target 25% }

metric weekly-active-teams "Weekly active teams" {
  north-star
  unit "teams/week"
  baseline 1200
  target 1500 by 2027-Q4
}

metric activation "New teams reaching a first plan within a day" {
  unit "%"
  baseline 42.5
  target 60 by 2027-06
  drives weekly-active-teams
}

goal faster-activation "New teams reach first value in a day" {
  pillar growth
  moves activation, weekly-active-teams
}

team onboarding "Onboarding" {
  type stream-aligned
  capacity 6.5
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
  support platform 20%, onboarding 5%
  support platform 2.5%
  funding new-offering
  stage validate
  during 2027-Q1 .. 2027-Q2
  review 2027-02-15
  depends-on sso-v2, platform
  expects activation +8, weekly-active-teams -3.5
  expects activation
}

bet sso-v2 "Single sign-on v2" {
  pillar foundations
  owner platform 50%
  funding platform
  during 2027-Q1
}
`;

describe('elements and properties', () => {
    test('the full example parses without errors and validates without syntax or reference errors', async () => {
        await parseClean(fullPlan);
        const ws = await buildPlan(fullPlan);
        expect(ws.diagnostics().filter(d => d.code === 'syntax-error' || d.code === 'unresolved-reference')).toEqual([]);
    });

    test('each element kind with its name and title', async () => {
        const plan = await parseClean(fullPlan);
        expect(plan.elements.map(e => [e.$type, isPolicy(e) ? undefined : e.name, isPolicy(e) ? undefined : e.title])).toEqual([
            ['Policy', undefined, undefined],
            ['Pillar', 'growth', 'Grow new teams'],
            ['Pillar', 'retention', 'Keep the teams we have'],
            ['Pillar', 'foundations', undefined],
            ['Metric', 'weekly-active-teams', 'Weekly active teams'],
            ['Metric', 'activation', 'New teams reaching a first plan within a day'],
            ['Goal', 'faster-activation', 'New teams reach first value in a day'],
            ['Team', 'onboarding', 'Onboarding'],
            ['Team', 'platform', 'Platform'],
            ['Bet', 'guided-setup', 'Guided first-plan setup'],
            ['Bet', 'sso-v2', 'Single sign-on v2'],
        ]);
    });

    test('policy properties', async () => {
        const policy = (await parseClean(fullPlan)).elements[0];
        expect(isPolicy(policy)).toBe(true);
        expect(prop(policy, isMaxLoadProperty).value).toMatchObject({ value: 110, percent: true });
        expect(prop(policy, isMaxWipProperty).value).toMatchObject({ value: 3, percent: false });
        expect(prop(policy, isMaxBlastRadiusProperty).value.value).toBe(8);
        expect(prop(policy, isPillarToleranceProperty).value).toMatchObject({ value: 10, percent: true });
        expect(prop(policy, isMinSliceProperty).value).toMatchObject({ value: 20, percent: true });
        expect(policy.properties.filter(isCheckProperty).map(c => [c.code, c.level])).toEqual([['orphan-metric', 'off'], ['overloaded-team', 'error']]);
    });

    test('pillar and metric properties', async () => {
        const plan = await parseClean(fullPlan);
        const growth = element(plan, 'growth');
        expect(isPillar(growth)).toBe(true);
        expect(prop(growth, isTargetProperty).value).toMatchObject({ value: 40, percent: true });
        expect(prop(element(plan, 'retention'), isAllowProperty)).toMatchObject({ code: 'unlinked-goal', reason: 'rebalanced in Q2', until: '2027-06-30' });

        const star = element(plan, 'weekly-active-teams');
        expect(isMetric(star)).toBe(true);
        expect(star.properties.some(isNorthStarProperty)).toBe(true);
        expect(prop(star, isUnitProperty).unit).toBe('teams/week');
        expect(prop(star, isBaselineProperty).value.value).toBe(1200);
        expect(prop(star, isTargetProperty)).toMatchObject({ value: { value: 1500, percent: false }, by: '2027-Q4' });

        const activation = element(plan, 'activation');
        expect(prop(activation, isBaselineProperty).value.value).toBe(42.5);
        expect(prop(activation, isTargetProperty).by).toBe('2027-06');
        expect(prop(activation, isDrivesProperty).metrics.map(m => m.ref?.name)).toEqual(['weekly-active-teams']);
    });

    test('goal and team properties', async () => {
        const plan = await parseClean(fullPlan);
        const goal = element(plan, 'faster-activation');
        expect(isGoal(goal)).toBe(true);
        expect(prop(goal, isPillarProperty).pillar.ref?.name).toBe('growth');
        expect(prop(goal, isMovesProperty).metrics.map(m => m.$refText)).toEqual(['activation', 'weekly-active-teams']);

        const team = element(plan, 'onboarding');
        expect(isTeam(team)).toBe(true);
        expect(prop(team, isTypeProperty).value).toBe('stream-aligned');
        expect(prop(team, isCapacityProperty).value.value).toBe(6.5);
        expect(prop(team, isAwarenessProperty).value).toBe('explicit');
        expect(prop(team, isChangeProperty).value).toBe('rapid-growth');
        expect(prop(team, isEffectivenessProperty).value).toBe('getting-better');
        expect(prop(team, isDependsOnProperty).targets.map(t => t.ref?.name)).toEqual(['platform']);
        expect(prop(element(plan, 'platform'), isAllowProperty)).toMatchObject({ code: 'overloaded-team', reason: 'two hires start in January', until: '2027-03-31' });
    });

    test('bet properties, including repeated and comma-separated ones', async () => {
        const plan = await parseClean(fullPlan);
        const bet = element(plan, 'guided-setup');
        expect(isBet(bet)).toBe(true);
        expect(prop(bet, isGoalProperty).goal.ref?.name).toBe('faster-activation');
        expect(prop(bet, isOwnerProperty).allocation).toMatchObject({ team: { $refText: 'onboarding' }, share: { value: 60, percent: true } });
        expect(bet.properties.filter(isSupportProperty).flatMap(s => s.allocations.map(a => `${a.team.$refText} ${a.share?.value}%`)))
            .toEqual(['platform 20%', 'onboarding 5%', 'platform 2.5%']);
        expect(prop(bet, isFundingProperty).value).toBe('new-offering');
        expect(prop(bet, isStageProperty).value).toBe('validate');
        expect(prop(bet, isDuringProperty)).toMatchObject({ from: '2027-Q1', to: '2027-Q2' });
        expect(prop(bet, isReviewProperty).date).toBe('2027-02-15');
        expect(prop(bet, isDependsOnProperty).targets.map(t => [t.$refText, t.ref?.$type])).toEqual([['sso-v2', 'Bet'], ['platform', 'Team']]);
        expect(bet.properties.filter(isExpectsProperty).flatMap(e => e.changes.map(c => [c.metric.$refText, c.change?.value])))
            .toEqual([['activation', 8], ['weekly-active-teams', -3.5], ['activation', undefined]]);
        expect(prop(element(plan, 'sso-v2'), isPillarProperty).pillar.$refText).toBe('foundations');
        expect(prop(element(plan, 'sso-v2'), isDuringProperty).to).toBeUndefined();
    });

    test('properties come in any order', async () => {
        const plan = await parseClean('bet b { during 2027-Q1 stage commit owner t 50% goal g funding rebuild }\nteam t { capacity 3 type platform }\ngoal g { moves m pillar p }');
        expect(element(plan, 'b').properties.map(p => p.$type)).toEqual(['DuringProperty', 'StageProperty', 'OwnerProperty', 'GoalProperty', 'FundingProperty']);
    });

    test('elements without a block or a title', async () => {
        const plan = await parseClean('pillar p\nmetric m\ngoal g\nteam t\nbet b\nteam u "U"\nbet c {}');
        expect(plan.elements.map(e => [e.$type, isPolicy(e) ? '' : e.name, e.properties.length])).toEqual([
            ['Pillar', 'p', 0], ['Metric', 'm', 0], ['Goal', 'g', 0], ['Team', 't', 0], ['Bet', 'b', 0], ['Team', 'u', 0], ['Bet', 'c', 0],
        ]);
    });

    test('titles keep any text between the quotes, including escaped quotes', async () => {
        const plan = await parseClean('team t "Plateforme données — équipe \\"cœur\\"" { capacity 2 }');
        expect(element(plan, 't').title).toBe('Plateforme données — équipe "cœur"');
    });
});

describe('comments', () => {
    test('line and block comments anywhere between tokens', async () => {
        const plan = await parseClean(`// header
/* a block comment
   over lines */
team /* inline */ t "T" { // after the brace
  capacity /* people */ 4 // trailing
  /* before a property */ type platform
}
// bet commented-out { }
/* bet also-out { } */
bet b { owner t 50% } // end`);
        expect(plan.elements.map(e => (isPolicy(e) ? 'policy' : e.name))).toEqual(['t', 'b']);
        expect(prop(element(plan, 't'), isCapacityProperty).value.value).toBe(4);
        expect(prop(element(plan, 't'), isTypeProperty).value).toBe('platform');
    });

    test('a comment at the very end without a newline', async () => {
        const plan = await parseClean('team t { capacity 1 } // the end');
        expect(plan.elements).toHaveLength(1);
    });
});

describe('periods, ranges and numbers', () => {
    test.each([
        ['quarter', '2027-Q1', '2027-Q3'],
        ['month', '2027-01', '2027-12'],
        ['one-digit month', '2027-1', '2027-9'],
        ['date', '2027-01-15', '2027-03-31'],
        ['mixed', '2027-Q1', '2027-03-15'],
    ])('a %s range', async (_kind, from, to) => {
        const plan = await parseClean(`bet b { during ${from} .. ${to} review ${to} }`);
        expect(prop(element(plan, 'b'), isDuringProperty)).toMatchObject({ from, to });
        expect(prop(element(plan, 'b'), isReviewProperty).date).toBe(to);
    });

    test('a range needs no spaces around ..', async () => {
        const plan = await parseClean('bet b { during 2027-Q1..2027-Q2 }');
        expect(prop(element(plan, 'b'), isDuringProperty)).toMatchObject({ from: '2027-Q1', to: '2027-Q2' });
    });

    test('a single period is a range of one', async () => {
        const plan = await parseClean('bet b { during 2027-03 }');
        expect(prop(element(plan, 'b'), isDuringProperty).from).toBe('2027-03');
        expect(prop(element(plan, 'b'), isDuringProperty).to).toBeUndefined();
    });

    test('percentages, plain numbers, decimals and signed changes', async () => {
        const plan = await parseClean('metric m { baseline 0.75 target 99.95 by 2027-Q4 }\nbet b { owner t 12.5% support t 0%, t 100% expects m +8, m -3.5, m +0.25, m 2 }\nteam t { capacity 3 }');
        expect(prop(element(plan, 'm'), isBaselineProperty).value).toMatchObject({ value: 0.75, percent: false });
        expect(prop(element(plan, 'm'), isTargetProperty).value.value).toBe(99.95);
        const bet = element(plan, 'b');
        expect(prop(bet, isOwnerProperty).allocation.share).toMatchObject({ value: 12.5, percent: true });
        expect(prop(bet, isSupportProperty).allocations.map(a => a.share?.value)).toEqual([0, 100]);
        expect(prop(bet, isExpectsProperty).changes.map(c => c.change?.value)).toEqual([8, -3.5, 0.25, 2]);
    });

    test('impossible periods still parse, so validation can say what is wrong with them', async () => {
        const text = 'bet b { during 2027-Q5 .. 2027-13 review 2027-02-30 }';
        await parseClean(text);
        const ws = await buildPlan(text);
        const messages = ws.withCode('invalid-value').map(d => d.message);
        expect(messages).toEqual(expect.arrayContaining([
            expect.stringContaining("'2027-Q5' is not a quarter"),
            expect.stringContaining("'2027-13' is not a month"),
            expect.stringContaining("'2027-02-30' is not a date"),
        ]));
    });
});

describe('names', () => {
    test('names in any script, with digits, _ and -', async () => {
        const plan = await parseClean([
            'team données "Données" { capacity 3 }',
            'team équipe_2 { capacity 2 }',
            'team Δ-team { capacity 2 }',
            'team 開発 { capacity 2 }',
            'team _internal { capacity 1 }',
            'bet SSOv2 { owner données 50% support équipe_2 20%, 開発 30% depends-on Δ-team, _internal }',
        ].join('\n'));
        expect(plan.elements.map(e => (isPolicy(e) ? '' : e.name))).toEqual(['données', 'équipe_2', 'Δ-team', '開発', '_internal', 'SSOv2']);
        const ws = await buildPlan(plan.$document!.textDocument.getText());
        expect(ws.withCode('unresolved-reference')).toEqual([]);
    });

    test('names are case-sensitive', async () => {
        const ws = await buildPlan('team Platform { capacity 2 }\nbet b { owner platform 50% }');
        expect(ws.withCode('unresolved-reference').map(d => d.message)).toEqual([expect.stringContaining("'platform'")]);
    });

    test.each(['team', 'bet', 'goal', 'metric', 'pillar', 'policy', 'platform', 'capacity', 'type', 'check', 'owner', 'support', 'target', 'north-star', 'depends-on', 'by', 'until'])(
        'a name spelled like the keyword %s', async name => {
            const plan = await parseClean(`team ${name} { capacity 3 }\nbet b { owner ${name} 50% depends-on ${name} }`);
            expect(element(plan, name).$type).toBe('Team');
            expect(prop(element(plan, 'b'), isOwnerProperty).allocation.team.ref?.name).toBe(name);
        });

    // A keyword must not be cut off the front of a longer name (`teams-connector` is not
    // `team` + `s-connector`), including the check codes that start with a keyword.
    test.each(['teams-connector', 'checkout', 'goals', 'target-state', 'bypass', 'policyholders', 'unit-tests', 'données-team'])(
        'a name that starts with a keyword: %s', async name => {
            const plan = await parseClean(`team ${name} { capacity 3 }\nbet b { owner ${name} 50% depends-on ${name} }`);
            expect(element(plan, name).$type).toBe('Team');
            expect(prop(element(plan, 'b'), isOwnerProperty).allocation.team.ref?.name).toBe(name);
        });

    test.each(['pillar-drift', 'pillar-targets', 'metric-cycle', 'depends-on-dropped'])(
        'a check code that starts with a keyword: %s', async code => {
            const plan = await parseClean(`policy { check ${code} off }\npillar p { target 100% allow ${code} "known" }`);
            expect(plan.elements[0].properties.filter(isCheckProperty).map(c => c.code)).toEqual([code]);
            expect(prop(element(plan, 'p'), isAllowProperty).code).toBe(code);
        });
});

describe('encodings and line endings', () => {
    const text = 'team t "T" {\n  capacity 2 // people\n}\n/* block\n   comment */\nbet b {\n  owner t 50%\n  during 2027-Q1 .. 2027-Q2\n}\n';

    test('a UTF-8 byte order mark before the first element', async () => {
        const plan = await parseClean(`\uFEFF${text}`);
        expect(plan.elements.map(e => (isPolicy(e) ? '' : e.name))).toEqual(['t', 'b']);
    });

    test('CRLF line endings, in comments too', async () => {
        const plan = await parseClean(text.replace(/\n/g, '\r\n'));
        expect(plan.elements.map(e => (isPolicy(e) ? '' : e.name))).toEqual(['t', 'b']);
        expect(prop(element(plan, 'b'), isDuringProperty)).toMatchObject({ from: '2027-Q1', to: '2027-Q2' });
    });

    test('CRLF and LF give the same diagnostics on the same lines', async () => {
        const plan = 'team t { capacity 2 }\r\nbet a { owner t 80% during 2027-Q1 }\r\n\r\nbet b { owner t 40% during 2027-Q1 }\r\n';
        const crlf = await buildPlan(plan);
        const lf = await buildPlan(plan.replace(/\r\n/g, '\n'));
        const summary = (ws: typeof lf) => ws.diagnostics().map(d => [d.code, d.range.start.line, d.range.start.character]);
        expect(summary(crlf)).toEqual(summary(lf));
        expect(summary(lf)).toEqual(expect.arrayContaining([['overloaded-team', 0, 5], ['orphan-bet', 3, 4]]));
    });
});
