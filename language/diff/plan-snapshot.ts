// One side of a plan comparison: a set of plan texts built as one workspace (as the language
// server and `trellis check` build it), read back as what a reviewer compares: each element
// with its properties in a normal form, team loads and WIP per quarter, pillar shares, blast
// radii, and every finding with the element it sits on. Texts come from anywhere (folders, a
// git revision, the editor's open documents), so this file reads nothing from disk.

import { AstUtils, CstUtils, EmptyFileSystem, GrammarUtils, URI, type AstNode, type LangiumDocument } from 'langium';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { isNamedElement, isPolicy, type Element, type Property } from '../generated/ast.js';
import type { PlanModel } from '../model/plan-model.js';
import { propertyKeyword, repeatableProperties } from '../model/vocabulary.js';
import { createTrellisServices } from '../trellis-module.js';
import type { Severity } from '../model/codes.js';

/** A plan file's text, named by its path relative to the side's root (forward slashes). */
export interface PlanText {
    readonly file: string;
    readonly text: string;
}

export interface ElementSnapshot {
    readonly kind: string;
    readonly name: string;
    readonly file: string;
    readonly line: number;
    /** Property keyword (and `title`) -> its value as written, spaces normalised, lists sorted. */
    readonly properties: ReadonlyMap<string, string>;
}

export interface FindingSnapshot {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly severity: Severity;
    readonly code: string;
    readonly message: string;
    /** The element the finding is on (`policy` for the policy), null when it is on none. */
    readonly element: string | null;
}

export interface LoadSnapshot {
    readonly load: number;
    readonly wip: number;
}

export interface PlanSnapshot {
    /** By `kind name`. */
    readonly elements: ReadonlyMap<string, ElementSnapshot>;
    /** Team -> quarter label -> load and WIP (only quarters with active bets). */
    readonly loads: ReadonlyMap<string, ReadonlyMap<string, LoadSnapshot>>;
    readonly pillars: ReadonlyMap<string, { readonly target?: number; readonly share?: number }>;
    /** Teams and bets -> blast radius. */
    readonly blastRadius: ReadonlyMap<string, { readonly kind: string; readonly radius: number }>;
    readonly findings: readonly FindingSnapshot[];
}

const severityNames: Record<number, Severity> = {
    [DiagnosticSeverity.Error]: 'error', [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info', [DiagnosticSeverity.Hint]: 'hint',
};

/** Percent figures are compared and shown to one decimal, as the checks' messages write them. */
export function roundPercent(value: number): number {
    return Math.round(value * 10) / 10;
}

/** Builds the texts as one workspace and reads it back. `today` as `YYYY-MM-DD`, else the system date. */
export async function snapshotPlan(texts: readonly PlanText[], today?: string): Promise<PlanSnapshot> {
    const { shared, Trellis } = createTrellisServices(EmptyFileSystem);
    if (today !== undefined && !Trellis.plan.PlanService.setToday(today)) throw new Error(`not a date: ${today}`);
    const files = new Map<string, string>();
    const documents: LangiumDocument[] = [];
    for (const { file, text } of [...texts].sort((a, b) => compare(a.file, b.file))) {
        const uri = URI.file(`/plan/${file}`);
        files.set(uri.toString(), file);
        const doc = shared.workspace.LangiumDocumentFactory.fromString(text.startsWith('\uFEFF') ? text.slice(1) : text, uri);
        shared.workspace.LangiumDocuments.addDocument(doc);
        documents.push(doc);
    }
    await shared.workspace.DocumentBuilder.build(documents, { validation: true });
    const fileOf = (node: AstNode) => files.get(AstUtils.getDocument(node).uri.toString()) ?? '';
    const model = Trellis.plan.PlanService.model;
    return {
        elements: readElements(model, documents, fileOf),
        loads: readLoads(model),
        pillars: new Map([...model.pillars.values()].map(p => [p.name, { target: p.target, share: p.actualShare }])),
        blastRadius: readBlastRadius(model),
        findings: documents.flatMap(doc => (doc.diagnostics ?? []).map(d => readFinding(doc, files.get(doc.uri.toString())!, d))),
    };
}

function readElements(model: PlanModel, documents: readonly LangiumDocument[], fileOf: (node: AstNode) => string): Map<string, ElementSnapshot> {
    const elements = new Map<string, ElementSnapshot>();
    for (const [name, [node]] of model.definitions) {
        const properties = normalProperties(node.properties);
        if (node.title !== undefined) properties.set('title', JSON.stringify(node.title));
        const kind = node.$type.toLowerCase();
        elements.set(`${kind} ${name}`, { kind, name, file: fileOf(node), line: lineOf(node, 'name'), properties });
    }
    // The policy blocks of all files read as one element: together they make the policy.
    const policies = documents.flatMap(doc => (doc.parseResult.value as { elements?: Element[] }).elements ?? []).filter(isPolicy);
    if (policies.length > 0) {
        elements.set('policy policy', {
            kind: 'policy', name: 'policy', file: fileOf(policies[0]), line: lineOf(policies[0]),
            properties: normalProperties(policies.flatMap(p => p.properties)),
        });
    }
    return elements;
}

/**
 * Each property keyword with its value as written, tokens one space apart (`60%`, `a, b`
 * tight), comments left out; repeatable properties as one sorted list, so reordering them
 * or splitting `support a, b` into two lines is no change.
 */
function normalProperties(properties: readonly Property[]): Map<string, string> {
    const values = new Map<string, { list: boolean; items: string[] }>();
    for (const property of properties) {
        const keyword = propertyKeyword[property.$type];
        const value = valueText(property);
        const list = repeatableProperties.has(property.$type);
        let entry = values.get(keyword);
        if (!entry) values.set(keyword, (entry = { list, items: [] }));
        // Lists of names and allocations split at commas (no string can be among them).
        if (list && keyword !== 'allow' && keyword !== 'check') entry.items.push(...value.split(', '));
        else entry.items.push(value);
    }
    const result = new Map<string, string>();
    for (const keyword of [...values.keys()].sort()) {
        const { list, items } = values.get(keyword)!;
        const separator = keyword === 'allow' || keyword === 'check' || !list ? '; ' : ', ';
        result.set(keyword, (list ? [...items].sort(compare) : items).join(separator));
    }
    return result;
}

function valueText(property: Property): string {
    const tokens = property.$cstNode ? [...CstUtils.flattenCst(property.$cstNode)].filter(leaf => !leaf.hidden).map(leaf => leaf.text) : [];
    return tokens.slice(1).join(' ').replace(/ %/g, '%').replace(/ ,/g, ',');
}

function readLoads(model: PlanModel): Map<string, Map<string, LoadSnapshot>> {
    const loads = new Map<string, Map<string, LoadSnapshot>>();
    for (const team of model.teams.values()) {
        const quarters = new Map<string, LoadSnapshot>();
        for (const q of [...team.loads.values()].sort((a, b) => a.quarter - b.quarter)) {
            quarters.set(model.quarterLabel(q.quarter), { load: roundPercent(q.load), wip: new Set(q.allocations.map(a => a.bet.name)).size });
        }
        loads.set(team.name, quarters);
    }
    return loads;
}

function readBlastRadius(model: PlanModel): Map<string, { kind: string; radius: number }> {
    const result = new Map<string, { kind: string; radius: number }>();
    for (const name of [...model.teams.keys(), ...model.bets.keys()]) {
        result.set(name, { kind: model.teams.has(name) ? 'team' : 'bet', radius: model.blastRadius(name) });
    }
    return result;
}

function readFinding(doc: LangiumDocument, file: string, d: Diagnostic): FindingSnapshot {
    return {
        file, line: d.range.start.line + 1, column: d.range.start.character + 1,
        severity: severityNames[d.severity ?? DiagnosticSeverity.Error],
        code: String(d.code ?? ''),
        message: (typeof d.message === 'string' ? d.message : d.message.value).replace(/\s*\r?\n\s*/g, ' '),
        element: elementAt(doc, doc.textDocument.offsetAt(d.range.start)),
    };
}

function elementAt(doc: LangiumDocument, offset: number): string | null {
    const root = doc.parseResult.value.$cstNode;
    const leaf = root && CstUtils.findLeafNodeAtOffset(root, offset);
    if (!leaf) return null;
    const named = AstUtils.getContainerOfType(leaf.astNode, isNamedElement);
    if (named?.name) return named.name;
    return AstUtils.getContainerOfType(leaf.astNode, isPolicy) ? 'policy' : null;
}

function lineOf(node: AstNode, property?: string): number {
    const cst = (property && GrammarUtils.findNodeForProperty(node.$cstNode, property)) || node.$cstNode;
    return (cst?.range.start.line ?? 0) + 1;
}

export function compare(a: string, b: string): number {
    return a < b ? -1 : a > b ? 1 : 0;
}
