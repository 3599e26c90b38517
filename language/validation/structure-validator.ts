// Per-document checks of what is written, independent of the rest of the workspace:
// properties that do not belong to their element or are given twice, values out of range,
// impossible periods, unknown words, and `check` / `allow` entries naming unknown codes.
// Everything here is `invalid-value`.

import type { ValidationAcceptor } from 'langium';
import {
    isBet, isCheckProperty, isTeam,
    type Allocation, type AllowProperty, type CheckProperty, type DependsOnProperty, type DuringProperty, type Element,
    type Property, type Quantity, type ReviewProperty, type TargetProperty,
} from '../generated/ast.js';
import { parsePeriod } from '../model/periods.js';
import type { TrellisPlanService } from '../model/plan-service.js';
import {
    awarenessLevels, changeKinds, effectivenessLevels, elementKind, elementProperties, fundingKinds, propertyKeyword,
    repeatableProperties, stages, teamTypes, withArticle,
} from '../model/vocabulary.js';
import { allCodes, fixedCodes, IssueCodes, isIssueCode, levels } from '../model/codes.js';
import { report, type Finding } from './report.js';

export class TrellisStructureValidator {
    constructor(private readonly plan: TrellisPlanService) { }

    private report(accept: ValidationAcceptor, finding: Omit<Finding, 'code'>): void {
        report(accept, this.plan.model, { code: IssueCodes.InvalidValue, ...finding });
    }

    /** Each property must belong to its element, and only repeatable ones may repeat. */
    checkElementProperties(element: Element, accept: ValidationAcceptor): void {
        const kind = elementKind(element);
        const allowed = elementProperties[kind];
        const seen = new Set<string>();
        for (const property of element.properties) {
            const keyword = propertyKeyword[property.$type];
            if (!allowed.has(property.$type)) {
                this.report(accept, { node: property, message: `'${keyword}' is not a property of ${withArticle(kind)}${suggestion(property)}` });
                continue;
            }
            // `check` repeats, but not for the same code: two severities for one check is a property given twice.
            const key = isCheckProperty(property) ? `check ${property.code}` : property.$type;
            if (isCheckProperty(property) ? property.code === undefined : repeatableProperties.has(property.$type)) continue;
            if (seen.has(key)) {
                this.report(accept, { node: property, message: `'${isCheckProperty(property) ? key : keyword}' is given twice in ${kind}${'name' in element ? ` '${element.name}'` : ''}; the first one counts` });
            }
            seen.add(key);
        }
    }

    checkWord(property: Property & { value: string }, accept: ValidationAcceptor): void {
        const choices = wordChoices[property.$type];
        // No value is a syntax error, reported by the parser.
        if (!choices || property.value === undefined || choices.values.includes(property.value)) return;
        this.report(accept, {
            node: property, property: 'value',
            message: `'${property.value}' is not ${withArticle(choices.label)}; use one of ${choices.values.join(' | ')}`,
        });
    }

    checkQuantity(quantity: Quantity, accept: ValidationAcceptor): void {
        const property = quantity.$container;
        const keyword = property.$type === 'Allocation' || property.$type === 'MetricChange' ? undefined : propertyKeyword[property.$type];
        const v = quantity.value;
        const fail = (message: string) => this.report(accept, { node: quantity, message });
        switch (property.$type) {
            case 'Allocation':
                if (!quantity.percent) fail(`An allocation is a share of the team: write ${v}%`);
                else if (v < 0 || v > 100) fail(`An allocation of ${v}% is outside 0–100%`);
                return;
            case 'CapacityProperty':
                if (quantity.percent) fail(`Capacity is a number of people, not a percentage: write ${v}`);
                else if (v <= 0) fail(`Capacity must be more than 0 people (it is ${v})`);
                return;
            case 'MaxLoadProperty':
                if (!quantity.percent) fail(`max-load is a percentage of capacity: write ${v}%`);
                else if (v < 0) fail(`max-load cannot be negative (it is ${v}%)`);
                return;
            case 'PillarToleranceProperty':
            case 'MinSliceProperty':
                if (!quantity.percent) fail(`${keyword} is a percentage: write ${v}%`);
                else if (v < 0 || v > 100) fail(`${keyword} ${v}% is outside 0–100%`);
                return;
            case 'MaxWipProperty':
            case 'MaxBlastRadiusProperty':
                if (quantity.percent || !Number.isInteger(v) || v < 0) fail(`${keyword} is a whole number of bets (it is ${v}${quantity.percent ? '%' : ''})`);
                return;
            case 'TargetProperty':
                this.checkTarget(property, quantity, fail);
                return;
            default:
                return;
        }
    }

    private checkTarget(target: TargetProperty, quantity: Quantity, fail: (message: string) => void): void {
        const element = target.$container;
        const v = quantity.value;
        if (element.$type === 'Pillar') {
            if (!quantity.percent) fail(`A pillar's target is a share: write ${v}%`);
            else if (v < 0 || v > 100) fail(`A target share of ${v}% is outside 0–100%`);
            if (target.by !== undefined) fail(`A pillar's target is a share of the plan and has no date; remove 'by ${target.by}'`);
        }
    }

    checkAllocation(allocation: Allocation, accept: ValidationAcceptor): void {
        if (!allocation.share) {
            const role = allocation.$container.$type === 'OwnerProperty' ? 'owner' : 'support';
            this.report(accept, { node: allocation, message: `'${role} ${allocation.team.$refText}' needs the team's allocation, like '${role} ${allocation.team.$refText} 50%'` });
        }
    }

    checkPeriods(property: DuringProperty | ReviewProperty | TargetProperty | AllowProperty, accept: ValidationAcceptor): void {
        const fields: Array<[string, string | undefined]> =
            property.$type === 'DuringProperty' ? [['from', property.from], ['to', property.to]]
                : property.$type === 'ReviewProperty' ? [['date', property.date]]
                    : property.$type === 'TargetProperty' ? [['by', property.by]]
                        : [['until', property.until]];
        let valid = true;
        for (const [field, text] of fields) {
            if (text === undefined) continue;
            const result = parsePeriod(text);
            if ('error' in result) {
                valid = false;
                this.report(accept, { node: property, property: field, message: result.error });
            }
        }
        if (valid && property.$type === 'DuringProperty' && property.to !== undefined) {
            const from = parsePeriod(property.from), to = parsePeriod(property.to);
            if ('period' in from && 'period' in to && to.period.lastDay < from.period.firstDay) {
                this.report(accept, { node: property, property: 'to', message: `The range ${property.from} .. ${property.to} ends before it starts` });
            }
        }
    }

    checkCheck(check: CheckProperty, accept: ValidationAcceptor): void {
        // A missing code or level is a syntax error, reported by the parser.
        if (check.code === undefined) return;
        if (!isIssueCode(check.code)) {
            this.report(accept, { node: check, property: 'code', message: `'${check.code}' is not a check code; codes are ${allCodes.filter(c => !fixedCodes.has(c)).join(', ')}` });
        } else if (fixedCodes.has(check.code)) {
            this.report(accept, { node: check, property: 'code', message: `'${check.code}' is always an error and cannot be switched` });
        }
        if (check.level !== undefined && !(levels as readonly string[]).includes(check.level)) {
            this.report(accept, { node: check, property: 'level', message: `'${check.level}' is not a severity; use one of ${levels.join(' | ')}` });
        }
    }

    checkAllow(allow: AllowProperty, accept: ValidationAcceptor): void {
        if (allow.code === undefined) return; // a syntax error, reported by the parser
        if (!isIssueCode(allow.code)) {
            this.report(accept, { node: allow, property: 'code', message: `'${allow.code}' is not a check code, so there is nothing to allow` });
        } else if (fixedCodes.has(allow.code)) {
            this.report(accept, { node: allow, property: 'code', message: `'${allow.code}' cannot be allowed: fix the text instead` });
        }
        if (allow.reason === undefined || allow.reason.trim() === '') {
            this.report(accept, { node: allow, property: 'code', message: `An allowance needs a reason others can read: allow ${allow.code} "why this is acceptable"` });
        }
    }

    /** A team's depends-on may only name teams. */
    checkTeamDependencies(property: DependsOnProperty, accept: ValidationAcceptor): void {
        if (!isTeam(property.$container)) return;
        property.targets.forEach((target, index) => {
            if (isBet(target.ref)) {
                this.report(accept, { node: property, property: 'targets', index, message: `A team depends on teams, and '${target.$refText}' is a bet: put the dependency on the bets that need it` });
            }
        });
    }
}

const wordChoices: Partial<Record<Property['$type'], { label: string; values: readonly string[] }>> = {
    TypeProperty: { label: 'team type', values: teamTypes },
    AwarenessProperty: { label: 'awareness level', values: awarenessLevels },
    ChangeProperty: { label: 'kind of change', values: changeKinds },
    EffectivenessProperty: { label: 'effectiveness level', values: effectivenessLevels },
    FundingProperty: { label: 'funding kind', values: fundingKinds },
    StageProperty: { label: 'stage', values: stages },
};

/** Where a misplaced property does belong, as a hint. */
function suggestion(property: Property): string {
    const owners = Object.entries(elementProperties).filter(([, set]) => set.has(property.$type)).map(([k]) => k);
    if (owners.length === 0) return '';
    return `; it belongs to ${owners.map(withArticle).join(' or ')}`;
}
