// Reading facts from the syntax tree. What an element says (its facts before they are linked
// to each other) is read once per parse and kept with its syntax node, which a new parse
// replaces: each build reuses those facts and only clears what linking fills in. So a model is
// current until the next one is built (see PlanModel.superseded).
//
// The cache belongs to one model builder (one set of language services), never to the module.

import {
    isAllowProperty, isBaselineProperty, isBet, isCapacityProperty, isDependsOnProperty, isDrivesProperty, isDuringProperty,
    isExpectsProperty, isFundingProperty, isGoal, isGoalProperty, isMetric, isMovesProperty, isNorthStarProperty, isOwnerProperty,
    isPillar, isPillarProperty, isPolicy, isReviewProperty, isStageProperty, isSupportProperty, isTargetProperty, isTeam,
    isTypeProperty, isUnitProperty,
    type Allocation, type Bet, type Goal, type Metric, type NamedElement, type Pillar, type Plan, type Property, type Team,
} from '../generated/ast.js';
import { clearLinks, type LinkedFacts } from './link-facts.js';
import { parsePeriod, periodOf, type Period } from './periods.js';
import type { AllocationFacts, BetFacts, GoalFacts, MetricFacts, PillarFacts, TeamFacts } from './plan-facts.js';
import { propertiesOf, propertyOf, stages, type Stage } from './vocabulary.js';

export type Kind = 'policy' | 'team' | 'bet' | 'goal' | 'metric' | 'pillar' | undefined;

export interface Entry {
    readonly kind: Kind;
    /** A bet with a `during` (else it is active over the plan window). */
    readonly hasDuring: boolean;
    facts?: LinkedFacts;
    /** A bet's quarters as read; a bet without `during` gets the window of each build. */
    quarters?: number[];
}

/** The facts of each element and the period span of each document, by syntax node. */
export class FactCache {
    private readonly entries = new WeakMap<object, Entry>();
    private readonly spans = new WeakMap<Plan, readonly Period[] | null>();

    entryOf(element: Plan['elements'][number]): Entry {
        let entry = this.entries.get(element);
        if (!entry) {
            const kind: Kind = isPolicy(element) ? 'policy' : isTeam(element) ? 'team' : isBet(element) ? 'bet'
                : isGoal(element) ? 'goal' : isMetric(element) ? 'metric' : isPillar(element) ? 'pillar' : undefined;
            entry = { kind, hasDuring: kind === 'bet' && propertyOf(element, isDuringProperty) !== undefined };
            this.entries.set(element, entry);
        }
        return entry;
    }

    /** The earliest and latest period a document names (they are all the plan window needs), read once per parse. */
    periodSpan(root: Plan): readonly Period[] | null {
        let span = this.spans.get(root);
        if (span === undefined) {
            const periods: Period[] = [];
            for (const element of root.elements) collectPeriods(element.properties, periods);
            span = periods.length === 0 ? null : [
                periods.reduce((a, b) => (b.quarter < a.quarter ? b : a)),
                periods.reduce((a, b) => (b.quarter > a.quarter ? b : a)),
            ];
            this.spans.set(root, span);
        }
        return span;
    }
}

/** The element's facts, read on first use, with what the last build linked into them cleared. */
export function unlinked<N extends NamedElement, F extends LinkedFacts>(entry: Entry, node: N, read: (node: N) => F): F {
    if (!entry.facts) {
        const facts = read(node);
        entry.facts = facts;
        if ('quarters' in facts) entry.quarters = facts.quarters;
        return facts;
    }
    clearLinks(entry.facts, entry.kind, entry.quarters);
    return entry.facts as F;
}

export function isActiveStage(stage: Stage): boolean {
    return stage !== 'done' && stage !== 'dropped';
}

function title(node: { title?: string }): string | undefined {
    return node.title;
}

export function readTeam(node: Team): TeamFacts {
    const capacity = propertyOf(node, isCapacityProperty)?.value;
    return {
        node, name: node.name, title: title(node),
        type: propertyOf(node, isTypeProperty)?.value,
        capacity: capacity && !capacity.percent && capacity.value > 0 ? capacity.value : undefined,
        dependsOn: propertiesOf(node, isDependsOnProperty).flatMap(p => p.targets.filter(Boolean).map(t => t.$refText)),
        loads: new Map(), owns: [], supports: [],
    };
}

export function readBet(node: Bet): BetFacts {
    const stageValue = propertyOf(node, isStageProperty)?.value;
    const stage: Stage = (stages as readonly string[]).includes(stageValue ?? '') ? stageValue as Stage : 'explore';
    const duringNode = propertyOf(node, isDuringProperty);
    const from = periodOf(duringNode?.from);
    const to = duringNode?.to !== undefined ? periodOf(duringNode.to) : from;
    const during = from && to && to.lastDay >= from.firstDay ? { from, to } : undefined;
    const bet: BetFacts = {
        node, name: node.name, title: title(node), stage,
        funding: propertyOf(node, isFundingProperty)?.value,
        support: [],
        goal: propertyOf(node, isGoalProperty)?.goal?.$refText,
        ownPillar: propertyOf(node, isPillarProperty)?.pillar?.$refText,
        during,
        quarters: during && isActiveStage(stage) ? range(during.from.quarter, during.to.quarter) : [],
        review: periodOf(propertyOf(node, isReviewProperty)?.date),
        dependsOn: propertiesOf(node, isDependsOnProperty).flatMap(p => p.targets.filter(Boolean).map(t => t.$refText)),
        expects: propertiesOf(node, isExpectsProperty).flatMap(p => p.changes.filter(c => c.metric).map(c => ({ metric: c.metric.$refText, change: c.change?.value }))),
    };
    const owner = propertyOf(node, isOwnerProperty)?.allocation;
    const counts = (a: Allocation) => a.share !== undefined && a.share.percent && a.share.value >= 0 && a.share.value <= 100;
    const fact = (a: Allocation, role: 'owner' | 'support'): AllocationFacts => ({
        bet, team: a.team.$refText, share: counts(a) ? a.share!.value : 0, counts: counts(a), role, node: a,
    });
    if (owner?.team) bet.owner = fact(owner, 'owner');
    for (const support of propertiesOf(node, isSupportProperty)) {
        for (const a of support.allocations) if (a.team) bet.support.push(fact(a, 'support'));
    }
    return bet;
}

export function readGoal(node: Goal): GoalFacts {
    return {
        node, name: node.name, title: title(node),
        pillar: propertyOf(node, isPillarProperty)?.pillar?.$refText,
        moves: propertiesOf(node, isMovesProperty).flatMap(p => p.metrics.filter(Boolean).map(m => m.$refText)),
        servedBy: [],
    };
}

export function readMetric(node: Metric): MetricFacts {
    const target = propertyOf(node, isTargetProperty);
    return {
        node, name: node.name, title: title(node),
        northStar: propertyOf(node, isNorthStarProperty) !== undefined,
        unit: propertyOf(node, isUnitProperty)?.unit,
        baseline: propertyOf(node, isBaselineProperty)?.value?.value,
        target: target?.value ? { value: target.value.value, by: target.by } : undefined,
        drives: propertiesOf(node, isDrivesProperty).flatMap(p => p.metrics.filter(Boolean).map(m => m.$refText)),
        drivenBy: [], movedBy: [], expectedBy: [],
    };
}

export function readPillar(node: Pillar): PillarFacts {
    const target = propertyOf(node, isTargetProperty)?.value;
    return {
        node, name: node.name, title: title(node),
        target: target?.percent ? target.value : undefined,
        personQuarters: 0, bets: [],
    };
}

/** Every period, date and `until` named in these properties. */
function collectPeriods(properties: readonly Property[], into: Period[]): void {
    for (const p of properties) {
        const texts = isDuringProperty(p) ? [p.from, p.to]
            : isReviewProperty(p) ? [p.date]
                : isTargetProperty(p) ? [p.by]
                    : isAllowProperty(p) ? [p.until] : [];
        for (const text of texts) {
            if (text === undefined) continue;
            const result = parsePeriod(text);
            if ('period' in result) into.push(result.period);
        }
    }
}

export function range(from: number, to: number): number[] {
    const result: number[] = [];
    for (let q = from; q <= to; q++) result.push(q);
    return result;
}
