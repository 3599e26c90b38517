// How findings become diagnostics: `policy { check CODE LEVEL }` sets the severity of any
// finding but syntax and reference errors, and `allow CODE "reason"` silences a code on one
// element until its `until` date has passed.

import { describe, expect, test } from 'vitest';
import { allCodes } from '../../language/model/codes.js';
import { buildPlan, buildWorkspace } from '../helpers.js';
import { ERROR, HINT, INFO, WARNING, messages, seen } from './findings.js';

const base = `team t { capacity 4 }
pillar p { target 100% }
`;

describe('policy check CODE LEVEL', () => {
    test.each([
        ['error', ERROR],
        ['warning', WARNING],
        ['info', INFO],
        ['hint', HINT],
    ] as const)('check orphan-bet %s gives the finding that severity', async (level, severity) => {
        const ws = await buildPlan(`policy { check orphan-bet ${level} }\n${base}bet stray { owner t 20% }\n`);
        expect(seen(ws, 'orphan-bet')).toEqual([{
            file: 'plan.trellis', line: 4, at: 'stray', severity,
            message: "Bet 'stray' serves no goal and counts towards no pillar: add 'goal GOAL' or 'pillar PILLAR'",
        }]);
    });

    test('check CODE off removes that code only', async () => {
        const ws = await buildPlan(`policy { check orphan-bet off }\n${base}bet stray { owner t 20% }\nbet lost { pillar p }\n`);
        expect(ws.withCode('orphan-bet')).toHaveLength(0);
        expect(messages(ws, 'missing-owner')).toEqual(["Bet 'lost' has no owner: add 'owner TEAM 50%' with the team accountable for it"]);
    });

    test('applies to workspace-wide findings in other files, errors included', async () => {
        const ws = await buildWorkspace({
            'policy.trellis': 'policy { check overloaded-team error check duplicate-name warning check self-dependency info }\n',
            'teams.trellis': 'team platform { capacity 8 }\ngoal g { moves m }\n',
            'plan.trellis': `pillar p { target 100% }
bet a { pillar p owner platform 80% during 2027-Q1 }
bet b { pillar p owner platform 80% during 2027-Q1 }
metric m { north-star }
goal g { moves m }
bet c { pillar p owner platform 10% depends-on c }
`,
        });
        expect(seen(ws, 'overloaded-team').map(s => `${s.file} ${s.severity}`)).toEqual([`teams.trellis ${ERROR}`]);
        expect(seen(ws, 'duplicate-name').map(s => `${s.file} ${s.severity}`)).toEqual([`teams.trellis ${WARNING}`, `plan.trellis ${WARNING}`]);
        expect(seen(ws, 'self-dependency').map(s => `${s.file} ${s.severity}`)).toEqual([`plan.trellis ${INFO}`]);
    });

    test('every code but syntax-error and unresolved-reference can be switched and allowed', async () => {
        const switchable = allCodes.filter(code => code !== 'syntax-error' && code !== 'unresolved-reference');
        expect(switchable).toHaveLength(23);
        const ws = await buildPlan(`policy {
${switchable.map(code => `  check ${code} hint`).join('\n')}
}
team t { capacity 4
${switchable.map(code => `  allow ${code} "accepted"`).join('\n')}
}
`);
        // Codes that begin with a keyword (metric-cycle, pillar-targets, pillar-drift) are names too.
        expect(ws.diagnostics().map(d => `${d.code}: ${d.message}`)).toEqual([]);
    });

    test('a code that begins with a keyword switches its check', async () => {
        const ws = await buildPlan('policy { check metric-cycle info }\nmetric m { north-star drives m }\n');
        expect(seen(ws, 'metric-cycle').map(s => `${s.at} ${s.severity}`)).toEqual([`m ${INFO}`]);
    });

    test('overrides the warning for more than one north star too', async () => {
        const plan = 'metric a { north-star }\nmetric b { north-star }\n';
        expect(seen(await buildPlan(plan), 'no-north-star').map(s => s.severity)).toEqual([WARNING, WARNING]);
        expect(seen(await buildPlan(`policy { check no-north-star hint }\n${plan}`), 'no-north-star').map(s => s.severity)).toEqual([HINT, HINT]);
        expect((await buildPlan(`policy { check no-north-star off }\n${plan}`)).withCode('no-north-star')).toHaveLength(0);
    });

    test('an invalid level changes nothing', async () => {
        const ws = await buildPlan(`policy { check orphan-bet loud }\n${base}bet stray { owner t 20% }\n`);
        expect(seen(ws, 'orphan-bet').map(s => s.severity)).toEqual([WARNING]);
    });

    test('syntax-error and unresolved-reference stay errors whatever the policy says', async () => {
        const ws = await buildWorkspace({
            'policy.trellis': 'policy { check syntax-error off check unresolved-reference hint }\n',
            'plan.trellis': `${base}bet b { pillar p owner nobody 20% during }\n`,
        });
        expect(seen(ws, 'syntax-error').map(s => s.severity)).toEqual([ERROR]);
        expect(seen(ws, 'unresolved-reference').map(s => `${s.at} ${s.severity}`)).toEqual([`nobody ${ERROR}`]);
    });
});

describe('allow CODE "reason"', () => {
    const teams = `team platform { capacity 8
  allow overloaded-team "two hires start in January" until 2027-03-31
}
team web { capacity 4 }
`;
    const bets = `pillar p { target 100% }
bet a { pillar p owner platform 80% support web 60% during 2027-Q1 }
bet b { pillar p owner platform 30% support web 50% during 2027-Q1 }
`;

    test('silences that code on that element only', async () => {
        const ws = await buildWorkspace({ 'teams.trellis': teams, 'bets.trellis': bets }, { today: '2027-01-15' });
        expect(seen(ws, 'overloaded-team')).toEqual([{
            file: 'teams.trellis', line: 4, at: 'web', severity: WARNING,
            message: "Team 'web' is at 110% of capacity in 2027-Q1 (a 60%, b 50%); max-load is 100%",
        }]);
        expect(ws.withCode('expired-allowance')).toHaveLength(0);
    });

    test('does not silence other codes on the same element', async () => {
        const ws = await buildPlan(`team platform { capacity 8 allow too-much-wip "short spikes" }
pillar p { target 100% }
bet a { pillar p owner platform 30% during 2027-Q1 }
bet b { pillar p owner platform 30% during 2027-Q1 }
bet c { pillar p owner platform 30% during 2027-Q1 }
bet d { pillar p owner platform 30% during 2027-Q1 }
`);
        expect(ws.withCode('too-much-wip')).toHaveLength(0);
        expect(messages(ws, 'overloaded-team')).toEqual([
            "Team 'platform' is at 120% of capacity in 2027-Q1 (a 30%, b 30%, c 30%, d 30%); max-load is 100%",
        ]);
    });

    test('silences a finding that sits on one of the element\'s properties', async () => {
        const ws = await buildPlan(`${base}
bet a { owner t 10% pillar p depends-on b allow dependency-cycle "being untangled" }
bet b { owner t 10% pillar p depends-on a }
bet c { owner t 10% pillar p funding new-offering allow missing-review "review set by the board" }
`);
        expect(seen(ws, 'dependency-cycle').map(s => `${s.line} ${s.message}`)).toEqual([
            '5 Dependency loop: b → a → b; none of these can finish first',
        ]);
        expect(ws.withCode('missing-review')).toHaveLength(0);
    });

    test('silences the finding until the end of its until day; after that the finding is back, with expired-allowance', async () => {
        const onTheDay = await buildWorkspace({ 'teams.trellis': teams, 'bets.trellis': bets }, { today: '2027-03-31' });
        expect(seen(onTheDay, 'overloaded-team').map(s => s.at)).toEqual(['web']);
        expect(onTheDay.withCode('expired-allowance')).toHaveLength(0);

        const dayAfter = await buildWorkspace({ 'teams.trellis': teams, 'bets.trellis': bets }, { today: '2027-04-01' });
        expect(seen(dayAfter, 'overloaded-team').map(s => `${s.at}: ${s.message}`)).toEqual([
            "platform: Team 'platform' is at 110% of capacity in 2027-Q1 (a 80%, b 30%); max-load is 100%",
            "web: Team 'web' is at 110% of capacity in 2027-Q1 (a 60%, b 50%); max-load is 100%",
        ]);
        expect(seen(dayAfter, 'expired-allowance')).toEqual([{
            file: 'teams.trellis', line: 2, at: '2027-03-31', severity: WARNING,
            message: "The allowance for overloaded-team on 'platform' expired on 2027-03-31 (today is 2027-04-01); it no longer silences anything — renew it with a new date or fix the finding",
        }]);
    });

    test('an allowance without until never expires', async () => {
        const ws = await buildWorkspace({
            'teams.trellis': teams.replace(' until 2027-03-31', ''),
            'bets.trellis': bets,
        }, { today: '2030-01-01' });
        expect(seen(ws, 'overloaded-team').map(s => s.at)).toEqual(['web']);
        expect(ws.withCode('expired-allowance')).toHaveLength(0);
    });

    test('the policy can switch the expired-allowance finding itself', async () => {
        const ws = await buildWorkspace({
            'policy.trellis': 'policy { check expired-allowance error }\n',
            'teams.trellis': teams, 'bets.trellis': bets,
        }, { today: '2027-04-01' });
        expect(seen(ws, 'expired-allowance').map(s => s.severity)).toEqual([ERROR]);
    });
});
