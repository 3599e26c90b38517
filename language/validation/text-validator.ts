// Checks of the quoted text in a plan (titles, units, allowance reasons): bidirectional
// control characters (U+202A–U+202E, U+2066–U+2069) make a title read differently from what
// it holds (`"Approve\u202Eyaw"`), in the editor, in reviews and in every drawing. They are
// `invalid-value`; the drawings show them as their codes (see graph/escape).

import type { ValidationAcceptor } from 'langium';
import type { AllowProperty, Element, UnitProperty } from '../generated/ast.js';
import { bidiControlsIn } from '../graph/escape.js';
import type { TrellisPlanService } from '../model/plan-service.js';
import { elementKind } from '../model/vocabulary.js';
import { IssueCodes } from '../model/codes.js';
import { report } from './report.js';

export class TrellisTextValidator {
    constructor(private readonly plan: TrellisPlanService) { }

    checkTitle(element: Element, accept: ValidationAcceptor): void {
        if (element.$type === 'Policy' || element.title === undefined) return;
        this.checkText(accept, element, 'title', element.title, `The title of ${elementKind(element)} '${element.name}'`);
    }

    checkUnit(unit: UnitProperty, accept: ValidationAcceptor): void {
        if (unit.unit !== undefined) this.checkText(accept, unit, 'unit', unit.unit, 'The unit');
    }

    checkReason(allow: AllowProperty, accept: ValidationAcceptor): void {
        if (allow.reason !== undefined) this.checkText(accept, allow, 'reason', allow.reason, `The reason of 'allow ${allow.code}'`);
    }

    private checkText(accept: ValidationAcceptor, node: Element | UnitProperty | AllowProperty, property: string, text: string, what: string): void {
        const found = bidiControlsIn(text);
        if (found.length === 0) return;
        report(accept, this.plan.model, {
            code: IssueCodes.InvalidValue, node, property,
            message: `${what} holds ${found.length === 1 ? 'a bidirectional control character' : 'bidirectional control characters'} (${found.join(', ')}), which can make it display in a different order than it is written; remove ${found.length === 1 ? 'it' : 'them'}`,
        });
    }
}
