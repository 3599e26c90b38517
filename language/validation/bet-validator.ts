// Per-bet checks that read only the bet itself (and today): an owner, something it serves,
// a review date for new offerings, an overdue review, a metric for optimizers, and no
// dependency on itself. Expired allowances on any element are checked here too.

import type { ValidationAcceptor } from 'langium';
import {
    isDependsOnProperty, isExpectsProperty, isFundingProperty, isGoalProperty, isOwnerProperty, isPillarProperty,
    isReviewProperty,
    type AllowProperty, type Bet, type DependsOnProperty,
} from '../generated/ast.js';
import { daysBetween, periodOf } from '../model/periods.js';
import type { TrellisPlanService } from '../model/plan-service.js';
import { propertyOf } from '../model/vocabulary.js';
import { IssueCodes } from '../model/codes.js';
import { report } from './report.js';

export class TrellisBetValidator {
    constructor(private readonly plan: TrellisPlanService) { }

    checkBet(bet: Bet, accept: ValidationAcceptor): void {
        if (!bet.name) return; // a recovered parse without a name: the syntax error says what is wrong
        const model = this.plan.model;
        if (!propertyOf(bet, isOwnerProperty)) {
            report(accept, model, { code: IssueCodes.MissingOwner, node: bet, property: 'name', message: `Bet '${bet.name}' has no owner: add 'owner TEAM 50%' with the team accountable for it` });
        }
        if (!propertyOf(bet, isGoalProperty) && !propertyOf(bet, isPillarProperty)) {
            report(accept, model, { code: IssueCodes.OrphanBet, node: bet, property: 'name', message: `Bet '${bet.name}' serves no goal and counts towards no pillar: add 'goal GOAL' or 'pillar PILLAR'` });
        }

        const funding = propertyOf(bet, isFundingProperty);
        // Unlike the review checks, this one is not limited to active bets (SPEC: "an
        // operational-optimizer bet that expects no metric"): an optimizer is funded by the
        // metric it moves, so that metric belongs in the plan whatever the bet's stage.
        if (funding?.value === 'operational-optimizer' && !propertyOf(bet, isExpectsProperty)) {
            report(accept, model, {
                code: IssueCodes.OptimizerWithoutMetric, node: funding, property: 'value',
                message: `Bet '${bet.name}' is an operational optimizer but expects no metric: say what it moves with 'expects METRIC +N'`,
            });
        }

        const facts = model.betFacts(bet);
        if (facts.quarters.length === 0) return; // the rest concerns active bets only
        if (funding?.value === 'new-offering' && !propertyOf(bet, isReviewProperty)) {
            report(accept, model, {
                code: IssueCodes.MissingReview, node: funding, property: 'value',
                message: `Bet '${bet.name}' is an active new offering without a review date: set its pivot-or-proceed date with 'review YYYY-MM-DD'`,
            });
        }
        const review = propertyOf(bet, isReviewProperty);
        const reviewPeriod = periodOf(review?.date);
        if (review && reviewPeriod && reviewPeriod.lastDay < model.today) {
            const days = daysBetween(reviewPeriod.lastDay, model.today);
            report(accept, model, {
                code: IssueCodes.OverdueReview, node: review, property: 'date',
                message: `Bet '${bet.name}' was due for its review on ${review.date}, ${days} day${days === 1 ? '' : 's'} before today (${model.today}); hold it and record pivot or proceed`,
            });
        }
    }

    checkSelfDependency(property: DependsOnProperty, accept: ValidationAcceptor): void {
        if (!isDependsOnProperty(property)) return;
        const owner = property.$container;
        if (!('name' in owner)) return;
        property.targets.forEach((target, index) => {
            if (target.$refText === owner.name) {
                report(accept, this.plan.model, {
                    code: IssueCodes.SelfDependency, node: property, property: 'targets', index,
                    message: `'${owner.name}' depends on itself; remove it from depends-on`,
                });
            }
        });
    }

    checkExpiredAllowance(allow: AllowProperty, accept: ValidationAcceptor): void {
        const model = this.plan.model;
        if (!allow.code) return; // a recovered parse: the syntax error says what is wrong
        const until = periodOf(allow.until);
        if (!until || until.lastDay >= model.today) return;
        const element = allow.$container;
        const name = 'name' in element && element.name ? ` on '${element.name}'` : '';
        report(accept, model, {
            code: IssueCodes.ExpiredAllowance, node: allow, property: 'until',
            message: `The allowance for ${allow.code}${name} expired on ${allow.until} (today is ${model.today}); it no longer silences anything — renew it with a new date or fix the finding`,
        });
    }
}
