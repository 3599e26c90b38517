// How a finding becomes a diagnostic: the policy's `check CODE LEVEL` sets its severity (or
// switches it off) and an unexpired `allow CODE` on the element silences it there. Both
// per-document checks and workspace checks report through here.

import { AstUtils, type AstNode, type ValidationAcceptor } from 'langium';
import { isAllowProperty, isElement, type Element } from '../generated/ast.js';
import { periodOf } from '../model/periods.js';
import type { PlanModel } from '../model/plan-model.js';
import { codeInfo, fixedCodes, levelOf, type IssueCode, type Severity } from '../model/codes.js';

export interface Finding {
    readonly code: IssueCode;
    readonly message: string;
    readonly node: AstNode;
    readonly property?: string;
    readonly index?: number;
    /** A severity other than the code's default, before the policy (e.g. two north stars). */
    readonly severity?: Severity;
}

export interface JudgedFinding extends Finding {
    readonly severity: Severity;
}

/** The severity a finding is shown with, or undefined when the policy or an allowance silences it. */
export function judge(model: PlanModel, finding: Finding): Severity | undefined {
    const { code } = finding;
    if (fixedCodes.has(code)) return codeInfo[code].severity;
    const override = model.policy.levels.get(code);
    const level = override ?? finding.severity ?? levelOf(model.policy, code);
    if (level === 'off') return undefined;
    const element = AstUtils.getContainerOfType(finding.node, isElement);
    if (element && isAllowed(element, code, model.today)) return undefined;
    return level;
}

/** Whether the element carries an allowance for this code that has not expired. */
export function isAllowed(element: Element, code: string, today: string): boolean {
    return element.properties.some(p => {
        if (!isAllowProperty(p) || p.code !== code) return false;
        if (p.until === undefined) return true;
        // An impossible date (reported as invalid-value) silences nothing, rather than forever.
        const until = periodOf(p.until);
        return until !== undefined && until.lastDay >= today;
    });
}

/** Reports a finding through a Langium acceptor, after judging it. */
export function report(accept: ValidationAcceptor, model: PlanModel, finding: Finding): void {
    const severity = judge(model, finding);
    if (severity) emit(accept, { ...finding, severity });
}

export function emit(accept: ValidationAcceptor, finding: JudgedFinding): void {
    accept(finding.severity, finding.message, {
        node: finding.node,
        property: finding.property as never,
        index: finding.index,
        code: finding.code,
        data: { code: finding.code },
    });
}

/** `130%`, `12.5%`: a percentage as a planner writes it. */
export function pct(value: number): string {
    return `${Math.round(value * 10) / 10}%`;
}

/** `a, b, c` — or `a, b, c and 4 more` past a limit, so messages stay readable. */
export function list(names: readonly string[], limit = 6): string {
    if (names.length <= limit) return names.join(', ');
    return `${names.slice(0, limit).join(', ')} and ${names.length - limit} more`;
}

/** `a → b → a` */
export function loop(path: readonly string[]): string {
    return path.join(' → ');
}
