import { describe, test } from 'vitest';
import { EmptyFileSystem } from 'langium';
import { expectHover } from 'langium/test';
import { createTrellisServices } from '../../language/trellis-module.js';

const services = createTrellisServices(EmptyFileSystem).Trellis;
services.plan.PlanService.setToday('2027-01-15');
const hover = expectHover(services);

const plan = `
metric wat "Weekly active teams" { north-star unit "teams/week" baseline 1200 target 1500 by 2027-Q4 }
metric activation { baseline 42 target 60 by 2027-Q2 drives wat }
pillar growth { target 100% }
goal faster { pillar growth moves activation }
team <|>platform "Platform" { type platform capacity 8 }
team onboarding { capacity 6 depends-on platform }
bet <|>sso-v2 { pillar growth owner platform 50% during 2027-Q1 }
bet guided { goal faster owner onboarding 60% support platform 20% funding new-offering during 2027-Q1 .. 2027-Q2 review 2027-02-15 depends-on sso-v2 expects activation +8 }
bet billing { pillar growth owner platform 60% during 2027-Q1 }
policy { check <|>overloaded-team error }
`;

describe('hover', () => {
    test('on a team: load per quarter with overloaded quarters marked, bets, dependents', async () => {
        await hover({
            text: plan, index: 0,
            hover: /\| 2027-Q1 \| \*\*130%\*\* ⚠ \| 3 \| sso-v2 50%, guided 20%, billing 60% \|[\s\S]*Depended on by: `onboarding`/,
        });
    });
    test('on a bet: its why-chain up to the north star', async () => {
        await hover({ text: plan, index: 1, hover: /Why: sso-v2/ });
    });
    test('on a check code: what it means and its severity in this plan', async () => {
        await hover({ text: plan, index: 2, hover: /\*\*Check `overloaded-team`\*\* \(default warning; this plan: error\)/ });
    });
});
