// What the value words of the language mean, for hover and completion.

export const valueWords: Readonly<Record<string, string>> = {
    // team types (Team Topologies)
    'stream-aligned': 'team type: aligned to a flow of work for a segment of the business; most teams are this.',
    'platform': 'a platform team (or platform funding: work whose value is what other teams build on it).',
    'enabling': 'team type: helps stream-aligned teams acquire missing capabilities, then steps back.',
    'complicated-subsystem': 'team type: owns a part that needs deep specialist knowledge.',
    // awareness of dependencies
    'unintelligible': 'awareness: the team cannot see what it depends on or who depends on it.',
    'implicit': 'awareness: dependencies are known to people but not written down.',
    'explicit': 'awareness: dependencies are written down and managed.',
    // change
    'slow': 'change: the team changes slowly.',
    'rapid-growth': 'change: the team is growing fast; onboarding eats capacity.',
    'moderate-growth': 'change: the team is growing steadily.',
    'descaling': 'change: the team is shrinking.',
    'revolutionary': 'change: the team is being reshaped fundamentally.',
    // effectiveness
    'needs-radical-change': 'effectiveness: the way the team works needs radical change.',
    'getting-worse': 'effectiveness: getting worse.',
    'working-for-now': 'effectiveness: working for now.',
    'getting-better': 'effectiveness: getting better.',
    // funding
    'new-offering': 'funding: a new offering, funded like a startup — with milestones and a pivot-or-proceed `review` date.',
    'operational-optimizer': 'funding: an operational optimizer, funded by the operational metric it moves — say which with `expects`.',
    'rebuild': 'funding: rebuilding something that exists.',
    // stages
    'explore': 'stage: exploring the problem (the default).',
    'validate': 'stage: validating the solution with real users.',
    'commit': 'stage: committed; building.',
    'scale': 'stage: scaling what works.',
    'done': 'stage: done; no longer active, no longer counts towards load.',
    'dropped': 'stage: dropped; no longer active. Bets that depend on it get `depends-on-dropped`.',
    // severities in `check`
    'off': 'severity: the check is switched off.',
    'hint': 'severity: shown as a hint.',
    'info': 'severity: shown as information.',
    'warning': 'severity: shown as a warning.',
    'error': 'severity: shown as an error; the plan is invalid (trellis check exits 1).',
};
