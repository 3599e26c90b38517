// A small plan with one of everything the views draw: a metric tree with a north star,
// goals, teams with an overloaded quarter, a dependency cycle, a high blast radius, a done and
// a dropped bet, pillars that drift; and a plan whose titles try to break out of every format.

import type { PlanModel } from '../../language/model/plan-model.js';
import { findingsByElement, type FindingsByElement } from '../../language/graph/element-findings.js';
import { buildWorkspace } from '../helpers.js';

export const planFiles: Record<string, string> = {
    'strategy.trellis': `
policy {
  max-blast-radius 2
}
pillar growth "Grow new teams" { target 70% }
pillar foundations "Keep the lights on" { target 30% }

metric weekly-active "Weekly active teams" { north-star unit "teams/week" baseline 1200 target 1500 by 2027-Q4 }
metric activation "Activation within a day" { unit "%" baseline 42 target 60 by 2027-Q2 drives weekly-active }
metric uptime "Monthly uptime" { unit "%" baseline 99.8 target 99.95 drives weekly-active }

goal faster-activation "New teams reach first value in a day" { pillar growth moves activation }
goal reliable "The app is up" { pillar foundations moves uptime }
`,
    'teams.trellis': `
team onboarding "Onboarding" { type stream-aligned capacity 6 depends-on platform }
team platform "Platform" { type platform capacity 8 }
team data "Data" { type platform capacity 4 }
`,
    'bets.trellis': `
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
bet sso-v2 "Single sign-on v2" { pillar foundations owner platform 50% funding platform during 2027-Q1 }
bet billing "Billing revamp" { goal reliable owner platform 60% during 2027-Q1 depends-on sso-v2 }
bet invites "Invite teammates" { goal faster-activation owner onboarding 30% during 2027-Q2 depends-on guided-setup }
bet loop-a "Loop A" { goal reliable owner data 40% during 2027-Q2 depends-on loop-b }
bet loop-b "Loop B" { goal reliable owner data 40% during 2027-Q2 depends-on loop-a }
bet legacy "Legacy cleanup" { goal reliable owner data 10% stage done during 2027-Q1 }
bet moonshot "Moonshot" { goal faster-activation owner onboarding 10% stage dropped during 2027-Q1 }
`,
};

/** Every kind of text that could break out of SVG, HTML, DOT or Mermaid if not escaped. */
export const hostileTitles = [
    '<script>window.__pwned = 1</script>',
    '\\"><img src=x onerror=\\"window.__pwned = 2\\">',
    ']]><!-- --> & \\\\N \\\\G #quot; `x` [y] {z} |w| end',
];

export const hostileFiles: Record<string, string> = {
    'hostile.trellis': `
pillar p1 "${hostileTitles[0]}" { target 100% }
metric m1 "${hostileTitles[1]}" { north-star }
goal g1 "${hostileTitles[2]}" { pillar p1 moves m1 }
team t1 "${hostileTitles[0]}" { capacity 2 }
team end "${hostileTitles[1]}" { capacity 3 depends-on t1 }
bet b1 "${hostileTitles[2]}" { goal g1 owner t1 80% during 2027-Q1 expects m1 +1 }
bet b--2 "${hostileTitles[0]}" { goal g1 owner end 50% during 2027-Q1 depends-on b1 }
`,
};

/** The titles as the plan model reads them (escapes in the plan's strings undone). */
export const hostileTexts = ['<script>window.__pwned = 1</script>', '"><img src=x onerror="window.__pwned = 2">', ']]><!-- --> & \\N \\G #quot; `x` [y] {z} |w| end'];

export interface LoadedPlan {
    readonly model: PlanModel;
    readonly findings: FindingsByElement;
}

export async function loadPlan(files: Record<string, string> = planFiles): Promise<LoadedPlan> {
    const ws = await buildWorkspace(files, { today: '2027-01-15' });
    const plan = ws.services.plan.PlanService;
    return { model: plan.model, findings: findingsByElement(ws.services.validation.WorkspaceFindings.current) };
}
