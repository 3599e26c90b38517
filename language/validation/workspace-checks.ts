// The checks that need the whole workspace, run once per workspace build on the plan model.
// Their findings are grouped by document so each document's validation only emits its own,
// and so the builder can tell which documents' findings changed after an edit elsewhere.

import { AstUtils, type LangiumDocument } from 'langium';
import type { NamedElement } from '../generated/ast.js';
import type { PlanModel } from '../model/plan-model.js';
import { checkCapacity } from './capacity-checks.js';
import { IssueCodes } from './codes.js';
import { checkDependencies } from './dependency-checks.js';
import { checkMetrics } from './metric-checks.js';
import { judge, type Finding, type JudgedFinding } from './report.js';
import { checkStrategy } from './strategy-checks.js';
import { propertyKeyword } from '../model/vocabulary.js';

export type WorkspaceFindings = ReadonlyMap<string, readonly JudgedFinding[]>;

/** Runs every workspace check and returns the judged findings by document URI. */
export function computeWorkspaceFindings(model: PlanModel): WorkspaceFindings {
    const byDocument = new Map<string, JudgedFinding[]>();
    const add = (finding: Finding) => {
        const severity = judge(model, finding);
        if (!severity) return;
        const uri = AstUtils.getDocument(finding.node).uri.toString();
        let list = byDocument.get(uri);
        if (!list) byDocument.set(uri, (list = []));
        list.push({ ...finding, severity });
    };
    checkNames(model, add);
    checkCapacity(model, add);
    checkDependencies(model, add);
    checkMetrics(model, add);
    checkStrategy(model, add);
    return byDocument;
}

/** A stable text of a document's findings, to tell whether they changed between builds. */
export function findingsSignature(findings: readonly JudgedFinding[] | undefined): string {
    if (!findings) return '';
    return findings.map(f => `${f.code}|${f.severity}|${f.node.$cstNode?.offset}|${f.property}|${f.index}|${f.message}`).join('\n');
}

function checkNames(model: PlanModel, add: (finding: Finding) => void): void {
    for (const [name, defs] of model.definitions) {
        if (defs.length < 2) continue;
        const places = defs.map(place);
        defs.forEach((node, i) => add({
            code: IssueCodes.DuplicateName, node, property: 'name',
            message: `'${name}' is defined ${defs.length} times (${places.join(', ')}); names are global across the workspace — rename ${i === 0 ? 'the others' : 'this one'}`,
        }));
    }
    for (const { node } of model.policyDuplicates) {
        add({
            code: IssueCodes.InvalidValue, node,
            message: `'${node.$type === 'CheckProperty' ? `check ${(node as { code: string }).code}` : propertyKeyword[node.$type]}' is already set in another policy block; the first one counts`,
        });
    }
}

function place(node: NamedElement): string {
    const doc: LangiumDocument = AstUtils.getDocument(node);
    const file = doc.uri.path.split('/').pop();
    const line = (node.$cstNode?.range.start.line ?? 0) + 1;
    return `${node.$type.toLowerCase()} in ${file}:${line}`;
}
