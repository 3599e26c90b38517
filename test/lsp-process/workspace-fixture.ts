// The plan the server tests open: four files, each with something to say. With today set
// to 2027-01-15 (as the client's settings say):
//   teams.trellis     nothing (platform carries sso 60% + checkout 30% = 90% in 2027-Q1)
//   strategy.trellis  unlinked-goal on 'someday' (moves nothing, served by nothing)
//   bets.trellis      overdue-review on 'checkout' (review 2027-01-10)
//   extra.trellis     unresolved-reference: no team 'nobody'

export const today = '2027-01-15';

export const teams = `// Who does the work.
team platform "Platform" {
  type platform
  capacity 6
}

team web "Web" {
  type stream-aligned
  capacity 4
  depends-on platform
}
`;

export const strategy = `metric wat "Weekly active teams" {
  north-star
}
metric activation { drives wat }
pillar growth { target 100% }

goal faster {
  pillar growth
  moves activation
}

goal someday {
  pillar growth
}
`;

export const bets = `bet sso "Single sign-on" {
  goal faster
  owner platform 60%
  during 2027-Q1
}

bet checkout {
  goal faster
  owner web 50%
  support platform 30%
  funding new-offering
  during 2027-Q1 .. 2027-Q2
  review 2027-01-10
}
`;

export const extra = `bet legacy {
  pillar growth
  owner nobody 10%
}
`;

export const planFiles: Record<string, string> = {
    'teams.trellis': teams,
    'strategy.trellis': strategy,
    'bets.trellis': bets,
    'plans/extra.trellis': extra,
};
