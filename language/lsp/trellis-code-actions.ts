// Quick fixes where the fix is clear: create a missing element of the right kind, add a
// `review` date stub, link a goal to a metric, remove a self-dependency, accept a finding
// with an `allow` (reason to be written), or switch a check off in the policy.

import { AstUtils, CstUtils, GrammarUtils, type AstReflection, type LangiumDocument, type LangiumDocuments, type Reference } from 'langium';
import type { CodeActionProvider } from 'langium/lsp';
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver';
import {
    isBet, isCheckProperty, isDependsOnProperty, isElement, isFundingProperty, isGoal, isPlan, isPolicy, isTeam,
    type Element, type Policy,
} from '../generated/ast.js';
import { quarterLabel } from '../model/periods.js';
import type { TrellisPlanService } from '../model/plan-service.js';
import { propertyOf } from '../model/vocabulary.js';
import { fixedCodes, IssueCodes, isIssueCode } from '../model/codes.js';
import type { TrellisServices } from '../trellis-module.js';

interface LinkingErrorData {
    code: string;
    containerType: string;
    property: string;
    refText: string;
}

export class TrellisCodeActionProvider implements CodeActionProvider {
    private readonly plan: TrellisPlanService;
    private readonly documents: LangiumDocuments;
    private readonly reflection: AstReflection;

    constructor(services: TrellisServices) {
        this.plan = services.plan.PlanService;
        this.documents = services.shared.workspace.LangiumDocuments;
        this.reflection = services.shared.AstReflection;
    }

    getCodeActions(document: LangiumDocument, params: CodeActionParams): CodeAction[] {
        const actions: CodeAction[] = [];
        for (const diagnostic of params.context.diagnostics) {
            const code = String(diagnostic.code ?? '');
            const element = this.elementAt(document, diagnostic);
            switch (code) {
                case IssueCodes.UnresolvedReference: actions.push(...this.createMissingElement(document, diagnostic, element)); break;
                case IssueCodes.MissingReview: if (isBet(element)) push(actions, this.addReview(document, diagnostic, element)); break;
                case IssueCodes.UnlinkedGoal: if (isGoal(element)) actions.push(...this.linkGoal(document, diagnostic, element)); break;
                case IssueCodes.SelfDependency: push(actions, this.removeSelfDependency(document, diagnostic)); break;
            }
            if (isIssueCode(code) && !fixedCodes.has(code)) {
                if (element && 'name' in element) push(actions, this.allow(document, diagnostic, element, code));
                push(actions, this.switchOff(document, diagnostic, code));
            }
        }
        return actions;
    }

    private elementAt(document: LangiumDocument, diagnostic: Diagnostic): Element | undefined {
        const root = document.parseResult.value.$cstNode;
        if (!root) return undefined;
        const leaf = CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        return leaf ? AstUtils.getContainerOfType(leaf.astNode, isElement) : undefined;
    }

    /** `bet x { goal nowhere }` → a `goal nowhere` element at the end of the file. */
    private createMissingElement(document: LangiumDocument, diagnostic: Diagnostic, element: Element | undefined): CodeAction[] {
        const data = diagnostic.data as LinkingErrorData | undefined;
        if (!data?.refText || !data.containerType) return [];
        // The name is taken by an element of another kind: creating one would be a duplicate.
        if (this.plan.model.kindOf(data.refText)) return [];
        const type = this.reflection.getReferenceType({ container: { $type: data.containerType }, property: data.property, reference: {} as Reference } as never);
        // A bet depends on bets or teams; a team only on teams (SPEC).
        const kinds = type !== 'Dependable' ? [type.toLowerCase()] : isTeam(element) ? ['team'] : ['bet', 'team'];
        const text = document.textDocument.getText();
        const end = document.textDocument.positionAt(text.length);
        const separator = text.length === 0 ? '' : text.endsWith('\n\n') ? '' : text.endsWith('\n') ? '\n' : '\n\n';
        return kinds.map(kind => ({
            title: `Create ${kind} '${data.refText}'`,
            kind: CodeActionKind.QuickFix,
            diagnostics: [diagnostic],
            isPreferred: kinds.length === 1,
            edit: { changes: { [document.textDocument.uri]: [{ range: { start: end, end }, newText: `${separator}${skeleton(kind, data.refText)}\n` }] } },
        }));
    }

    /** Adds `review DATE` to a new offering: the last day of its first active quarter. */
    private addReview(document: LangiumDocument, diagnostic: Diagnostic, bet: Element): CodeAction | undefined {
        if (!isBet(bet)) return undefined;
        const facts = this.plan.model.betFacts(bet);
        const quarter = facts.quarters[0] ?? this.plan.model.currentQuarter;
        const date = lastDayOfQuarter(quarter);
        const edit = insertProperty(document, bet, `review ${date}`, propertyOf(bet, isFundingProperty)?.$cstNode?.range.end.line);
        return edit && {
            title: `Add a review date (review ${date}) to '${bet.name}'`,
            kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
            edit: { changes: { [document.textDocument.uri]: [edit] } },
        };
    }

    /** One action per metric, those no goal moves yet first, at most five. */
    private linkGoal(document: LangiumDocument, diagnostic: Diagnostic, goal: Element): CodeAction[] {
        if (!isGoal(goal) || (this.plan.model.goals.get(goal.name)?.moves.length ?? 0) > 0) return [];
        const metrics = [...this.plan.model.metrics.values()]
            .sort((a, b) => (a.movedBy.length - b.movedBy.length) || a.name.localeCompare(b.name))
            .slice(0, 5);
        return metrics.flatMap(metric => {
            const edit = insertProperty(document, goal, `moves ${metric.name}`);
            return edit ? [{
                title: `Link goal '${goal.name}' to metric '${metric.name}'`,
                kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
                edit: { changes: { [document.textDocument.uri]: [edit] } },
            }] : [];
        });
    }

    /** Removes the element's own name from its depends-on (the whole line when it was the only one). */
    private removeSelfDependency(document: LangiumDocument, diagnostic: Diagnostic): CodeAction | undefined {
        const root = document.parseResult.value.$cstNode;
        const leaf = root && CstUtils.findLeafNodeAtOffset(root, document.textDocument.offsetAt(diagnostic.range.start));
        const property = leaf && AstUtils.getContainerOfType(leaf.astNode, isDependsOnProperty);
        if (!property?.$cstNode) return undefined;
        const owner = property.$container as Element & { name?: string };
        const index = property.targets.findIndex(t => t.$refText === owner.name);
        if (index < 0) return undefined;
        let edit: TextEdit;
        if (property.targets.length === 1) {
            edit = { range: wholeLines(document, property.$cstNode.range), newText: '' };
        } else {
            const refs = GrammarUtils.findNodesForProperty(property.$cstNode, 'targets');
            const from = index === 0 ? refs[0].range.start : refs[index - 1].range.end;
            const to = index === 0 ? refs[1].range.start : refs[index].range.end;
            edit = { range: { start: from, end: to }, newText: '' };
        }
        return {
            title: `Remove '${owner.name}' from its own depends-on`,
            kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], isPreferred: true,
            edit: { changes: { [document.textDocument.uri]: [edit] } },
        };
    }

    private allow(document: LangiumDocument, diagnostic: Diagnostic, element: Element, code: string): CodeAction | undefined {
        const edit = insertProperty(document, element, `allow ${code} "why this is acceptable"`);
        return edit && {
            title: `Accept ${code} on '${(element as { name: string }).name}' (allow, with a reason)`,
            kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
            edit: { changes: { [document.textDocument.uri]: [edit] } },
        };
    }

    /**
     * `check CODE off`: the level of the `check CODE` that counts set to `off` when there is
     * one (a second `check CODE` would be ignored), else a new line in the first policy block
     * of the workspace, else a new policy at the top of this file.
     */
    private switchOff(document: LangiumDocument, diagnostic: Diagnostic, code: string): CodeAction {
        const title = `Switch ${code} off for the whole plan (policy)`;
        const policies = this.policies();
        const check = policies.flatMap(p => p.properties).find(p => isCheckProperty(p) && p.code === code);
        const level = check?.$cstNode && GrammarUtils.findNodeForProperty(check.$cstNode, 'level');
        if (check && level) {
            const doc = AstUtils.getDocument(check);
            return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [doc.textDocument.uri]: [{ range: level.range, newText: 'off' }] } } };
        }
        const policy = policies[0];
        if (policy) {
            const doc = AstUtils.getDocument(policy);
            const edit = insertProperty(doc, policy, `check ${code} off`);
            if (edit) return { title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic], edit: { changes: { [doc.textDocument.uri]: [edit] } } };
        }
        const start = { line: afterHeaderComment(document.textDocument.getText()), character: 0 };
        return {
            title, kind: CodeActionKind.QuickFix, diagnostics: [diagnostic],
            edit: { changes: { [document.textDocument.uri]: [{ range: { start, end: start }, newText: `policy {\n  check ${code} off\n}\n\n` }] } },
        };
    }

    /** Every policy block, in the order the plan model reads them (documents by URI). */
    private policies(): Policy[] {
        const docs = this.documents.all.toArray().sort((a, b) => (a.uri.toString() < b.uri.toString() ? -1 : 1));
        return docs.flatMap(doc => {
            const root = doc.parseResult.value;
            return isPlan(root) ? root.elements.filter(isPolicy) : [];
        });
    }
}

/**
 * The line after a file's header comment (leading `//` lines closed by a blank line), so a
 * new block goes below it; 0 when the file has none. A comment right above the first element
 * belongs to that element and stays with it.
 */
function afterHeaderComment(text: string): number {
    const lines = text.split(/\r?\n/);
    let after = 0;
    for (let i = 0; i < lines.length; i++) {
        const line = lines[i].trim();
        if (line === '') after = i + 1;
        else if (!line.startsWith('//')) break;
    }
    return after;
}

function push(actions: CodeAction[], action: CodeAction | undefined): void {
    if (action) actions.push(action);
}

function skeleton(kind: string, name: string): string {
    switch (kind) {
        case 'team': return `team ${name} {\n  type stream-aligned\n  capacity 5\n}`;
        case 'bet': return `bet ${name} {\n  stage explore\n}`;
        case 'pillar': return `pillar ${name} {\n  target 0%\n}`;
        default: return `${kind} ${name}`;
    }
}

function lastDayOfQuarter(quarter: number): string {
    const [year, q] = quarterLabel(quarter).split('-Q').map(Number);
    const month = q * 3;
    const day = new Date(Date.UTC(year, month, 0)).getUTCDate();
    return `${year}-${String(month).padStart(2, '0')}-${day}`;
}

/**
 * An edit that adds a property line to an element: after `afterLine` when given, else before
 * its closing brace, indented like its other properties; a block is opened if it has none.
 */
export function insertProperty(document: LangiumDocument, element: Element, text: string, afterLine?: number): TextEdit | undefined {
    const cst = element.$cstNode;
    if (!cst) return undefined;
    const lines = document.textDocument.getText().split(/\r?\n/);
    const close = GrammarUtils.findNodeForKeyword(cst, '}');
    const open = GrammarUtils.findNodeForKeyword(cst, '{');
    if (!close || !open) {
        const end = cst.range.end;
        return { range: { start: end, end }, newText: ` {\n  ${text}\n}` };
    }
    const firstProperty = element.properties[0]?.$cstNode;
    const indent = firstProperty && firstProperty.range.start.line !== open.range.start.line
        ? lines[firstProperty.range.start.line].slice(0, firstProperty.range.start.character)
        : `${(lines[cst.range.start.line].match(/^\s*/) ?? [''])[0]}  `;
    if (afterLine !== undefined && afterLine !== close.range.start.line) {
        const at = { line: afterLine, character: lines[afterLine].length };
        return { range: { start: at, end: at }, newText: `\n${indent}${text}` };
    }
    if (close.range.start.line === open.range.start.line) {
        // a one-line block: `{ target 40% }` becomes a block of lines
        const start = open.range.end;
        const inner = document.textDocument.getText({ start, end: close.range.start }).trim();
        const base = (lines[cst.range.start.line].match(/^\s*/) ?? [''])[0];
        const body = [inner, text].filter(Boolean).map(l => `${base}  ${l}`).join('\n');
        return { range: { start, end: close.range.start }, newText: `\n${body}\n${base}` };
    }
    const at = { line: close.range.start.line, character: 0 };
    const before = lines[close.range.start.line].slice(0, close.range.start.character);
    if (before.trim() !== '') {
        // `}` shares its line with the last property
        return { range: { start: close.range.start, end: close.range.start }, newText: `\n${indent}${text}\n` };
    }
    return { range: { start: at, end: at }, newText: `${indent}${text}\n` };
}

/** The property's lines when nothing else stands on them, else just the property. */
function wholeLines(document: LangiumDocument, range: Range): Range {
    const lines = document.textDocument.getText().split(/\r?\n/);
    const before = lines[range.start.line].slice(0, range.start.character);
    const after = lines[range.end.line].slice(range.end.character);
    if (before.trim() === '' && after.trim() === '') return { start: { line: range.start.line, character: 0 }, end: { line: range.end.line + 1, character: 0 } };
    return range;
}
