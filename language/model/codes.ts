// Every diagnostic code Trellis reports, its default severity and a one-line meaning.
// This is the one place codes are spelled; checks, policy, allowances, hovers and the
// CLI's SARIF rules all read it.

import type { PlanPolicy } from './plan-facts.js';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export type Level = Severity | 'off';

export const IssueCodes = {
    SyntaxError: 'syntax-error',
    UnresolvedReference: 'unresolved-reference',
    DuplicateName: 'duplicate-name',
    InvalidValue: 'invalid-value',
    MissingOwner: 'missing-owner',
    MetricCycle: 'metric-cycle',
    SelfDependency: 'self-dependency',
    OverloadedTeam: 'overloaded-team',
    TooMuchWip: 'too-much-wip',
    FragmentedAllocation: 'fragmented-allocation',
    UnlinkedGoal: 'unlinked-goal',
    OrphanBet: 'orphan-bet',
    OrphanMetric: 'orphan-metric',
    NoNorthStar: 'no-north-star',
    DependencyCycle: 'dependency-cycle',
    HighBlastRadius: 'high-blast-radius',
    PillarTargets: 'pillar-targets',
    PillarDrift: 'pillar-drift',
    MissingReview: 'missing-review',
    OverdueReview: 'overdue-review',
    OptimizerWithoutMetric: 'optimizer-without-metric',
    DependsOnDropped: 'depends-on-dropped',
    LateDependency: 'late-dependency',
    ExpiredAllowance: 'expired-allowance',
    OnePersonTeam: 'one-person-team',
} as const;

export type IssueCode = typeof IssueCodes[keyof typeof IssueCodes];

export interface CodeInfo {
    readonly severity: Severity;
    readonly summary: string;
}

export const codeInfo: Readonly<Record<IssueCode, CodeInfo>> = {
    'syntax-error': { severity: 'error', summary: 'The text does not parse.' },
    'unresolved-reference': { severity: 'error', summary: 'A name that no element of the right kind defines.' },
    'duplicate-name': { severity: 'error', summary: 'Two elements share a name anywhere in the workspace.' },
    'invalid-value': { severity: 'error', summary: 'A value out of range, an impossible period, a property given twice or one that does not belong to the element.' },
    'missing-owner': { severity: 'error', summary: 'A bet without an owner.' },
    'metric-cycle': { severity: 'error', summary: '`drives` links between metrics form a loop.' },
    'self-dependency': { severity: 'error', summary: 'An element depends on itself.' },
    'overloaded-team': { severity: 'warning', summary: "A team's load in some quarter exceeds max-load (default 100%)." },
    'too-much-wip': { severity: 'warning', summary: "A team's number of concurrent bets in some quarter exceeds max-wip (default 3)." },
    'fragmented-allocation': { severity: 'warning', summary: 'In some quarter, 3 or more of a team\'s allocations are below min-slice (default 20%): the percentages add up, the focus does not.' },
    'unlinked-goal': { severity: 'warning', summary: 'A goal that moves no metric, or that no active bet serves.' },
    'orphan-bet': { severity: 'warning', summary: 'A bet with neither a goal nor a pillar.' },
    'orphan-metric': { severity: 'info', summary: 'A metric that no goal moves, no bet expects and that drives nothing, other than the north star.' },
    'no-north-star': { severity: 'info', summary: 'The plan has metrics but none is the north star (more than one north star is a warning).' },
    'dependency-cycle': { severity: 'warning', summary: '`depends-on` links form a loop.' },
    'high-blast-radius': { severity: 'warning', summary: 'An element with more dependent bets than max-blast-radius (default 8).' },
    'pillar-targets': { severity: 'warning', summary: 'Pillar targets that do not add up to 100%.' },
    'pillar-drift': { severity: 'warning', summary: "A pillar's actual share differs from its target by more than pillar-tolerance (default 10 points)." },
    'missing-review': { severity: 'warning', summary: 'An active new-offering bet without a review date.' },
    'overdue-review': { severity: 'warning', summary: 'An active bet whose review date is before today.' },
    'optimizer-without-metric': { severity: 'warning', summary: 'An operational-optimizer bet that expects no metric.' },
    'depends-on-dropped': { severity: 'warning', summary: 'An active bet that depends on a dropped bet.' },
    'late-dependency': { severity: 'warning', summary: 'An active bet that depends on a bet whose `during` ends after its own.' },
    'expired-allowance': { severity: 'warning', summary: 'An `allow` whose `until` date is before today.' },
    'one-person-team': { severity: 'info', summary: 'A team of capacity below 2 that owns an active bet.' },
};

export const allCodes = Object.keys(codeInfo) as IssueCode[];

/** Codes whose severity `policy { check ... }` cannot change and that `allow` cannot silence. */
export const fixedCodes: ReadonlySet<string> = new Set([IssueCodes.SyntaxError, IssueCodes.UnresolvedReference]);

export const levels: readonly Level[] = ['off', 'hint', 'info', 'warning', 'error'];

export function isIssueCode(code: string): code is IssueCode {
    return Object.hasOwn(codeInfo, code);
}

/** A code's severity under the plan's policy: its `check CODE LEVEL` override, else its default. */
export function levelOf(policy: Pick<PlanPolicy, 'levels'>, code: IssueCode): Level {
    return policy.levels.get(code) ?? codeInfo[code].severity;
}
