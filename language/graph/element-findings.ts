// The workspace findings as the graph views mark them: by element name, with their codes
// (overloaded-team, dependency-cycle, high-blast-radius, ...), the most severe level and the
// messages. The same findings the editor shows, so a node is marked exactly when its
// definition carries the diagnostic.

import { AstUtils } from 'langium';
import { isNamedElement } from '../generated/ast.js';
import type { WorkspaceFindings } from '../validation/workspace-checks.js';
import type { ElementFindings, FindingSeverity } from './diagram.js';

export type FindingsByElement = ReadonlyMap<string, ElementFindings>;

export const noFindings: ElementFindings = { marks: [], messages: [] };

const rank: Record<FindingSeverity, number> = { error: 4, warning: 3, info: 2, hint: 1 };

/** Groups judged workspace findings by the element they sit on. */
export function findingsByElement(findings: WorkspaceFindings): FindingsByElement {
    const collected = new Map<string, { marks: Set<string>; severity?: FindingSeverity; messages: string[] }>();
    const uris = [...findings.keys()].sort();
    for (const uri of uris) {
        for (const finding of findings.get(uri)!) {
            const element = AstUtils.getContainerOfType(finding.node, isNamedElement);
            if (!element?.name) continue;
            let entry = collected.get(element.name);
            if (!entry) collected.set(element.name, (entry = { marks: new Set(), messages: [] }));
            entry.marks.add(finding.code);
            if (!entry.messages.includes(finding.message)) entry.messages.push(finding.message);
            if (!entry.severity || rank[finding.severity] > rank[entry.severity]) entry.severity = finding.severity;
        }
    }
    const result = new Map<string, ElementFindings>();
    for (const [name, entry] of collected) {
        result.set(name, { marks: [...entry.marks].sort(), severity: entry.severity, messages: [...entry.messages].sort() });
    }
    return result;
}
