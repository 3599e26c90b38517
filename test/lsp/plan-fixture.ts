// A small plan over three files with figures worth explaining, shared by the hover, code
// lens and inlay hint tests. Today is 2027-01-15. What the plan model makes of it:
//   platform (10 people): 2027-Q1 sso-v2 50% + guided 20% + billing 60% = 130% with 3 bets
//                         (max-load 100%), 2027-Q2 guided 20%
//   onboarding (10 people): guided 60% in 2027-Q1 and 2027-Q2
//   person-quarters: growth = guided 60%*10*2 + 20%*10*2 = 16, core = 5 + 6 = 11,
//   so growth gets 16/27 = 59.3% (target 40%) and core 40.7% (target 60%).
// Cursor markers (`<|>`) are numbered per file in the order they appear.

export const planFiles: Record<string, string> = {
    'strategy.trellis': `// The metric tree, the pillars and the goal.
metric <|>wat "Weekly active teams" {
  <|>north-star
  unit "teams/week"
  baseline 1200
  target 1500 by 2027-Q4
}

metric <|>activation "Activation rate" {
  baseline 42
  target 60 by 2027-Q2
  drives wat
}

pillar <|>growth "Grow" { target 40% }
pillar core "Keep the core healthy" { target 60% }

goal <|>faster "Faster activation" {
  pillar growth
  moves activation
}

policy {
  check <|>overloaded-team <|>error
}
`,
    'teams.trellis': `team <|>platform "Platform *core*" {
  <|>type <|>platform
  capacity 10
  awareness explicit
}

team onboarding {
  type stream-aligned
  capacity 10
  depends-on platform
}
`,
    'bets.trellis': `bet <|>sso-v2 "Single sign-on" {
  pillar core
  owner <|>platform 50%
  during 2027-Q1
}

bet <|>guided "Guided setup" {
  goal faster
  owner onboarding 60%
  support platform 20%
  funding <|>new-offering
  stage validate
  during 2027-Q1 .. 2027-Q2
  review 2027-02-15
  depends-on sso-v2, platform
  expects activation +8
  allow <|>orphan-bet "kept while the goal is reviewed"
}

bet <|>billing "Billing" {
  pillar core
  owner platform 60%
  during 2027-Q1
  review 2027-01-05
}

bet <|>dropped-idea {
  goal faster
  owner onboarding 10%
  stage dropped
}
`,
};
