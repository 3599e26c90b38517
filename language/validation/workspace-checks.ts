// The checks that need the whole workspace, run once per workspace build on the plan model.
// Their findings are grouped by document so each document's validation only emits its own,
// and so the builder can tell which documents' findings changed after an edit elsewhere.

import { AstUtils, isAstNode, type AstNode, type LangiumDocument } from 'langium';
import { isElement, type NamedElement } from '../generated/ast.js';
import type { PlanDelta, PlanModel } from '../model/plan-model.js';
import { checkCapacity } from './capacity-checks.js';
import { IssueCodes } from '../model/codes.js';
import { checkDependencyGraph, checkDependencyTiming } from './dependency-checks.js';
import { checkMetrics } from './metric-checks.js';
import { judge, type Finding, type JudgedFinding } from './report.js';
import { checkStrategy } from './strategy-checks.js';
import { propertyKeyword } from '../model/vocabulary.js';

export type WorkspaceFindings = ReadonlyMap<string, readonly JudgedFinding[]>;

/** The findings by document, and each with what it takes to keep it, or not, in the next computation. */
export interface ComputedFindings {
    readonly byDocument: WorkspaceFindings;
    readonly tagged: readonly TaggedFinding[];
}

/**
 * Runs every workspace check and returns the judged findings by document URI.
 *
 * Given the findings of the model this one was derived from (`previous`, see model-derive.ts), only
 * the elements the change touched are judged again (the teams whose loads moved, the goals
 * whose bets changed, the bets and teams whose dependencies changed, every element of the
 * changed files, ...); the other findings are kept, and all are put back in the order a full
 * run gives them. The metric and pillar checks, which are few, always run in full.
 */
export function computeWorkspaceFindings(model: PlanModel, previous?: ComputedFindings): ComputedFindings {
    const known = previous && model.delta ? previous.tagged : undefined;
    if (!known) return compute(model);
    try {
        return compute(model, known);
    } catch (error) {
        // Never expected; judging everything again gives the same findings.
        console.error('Trellis: could not update the workspace findings; computing them afresh:', error);
        return compute(model);
    }
}

function compute(model: PlanModel, known?: readonly TaggedFinding[]): ComputedFindings {
    const scope = known && model.delta ? affected(model, model.delta) : undefined;
    const ranks = rankings(model);
    const found: TaggedFinding[] = [];
    let family = Family.Names;
    let seq = 0;
    const add = (finding: Finding) => {
        const severity = judge(model, finding);
        if (!severity) return;
        const entity = entityOf(finding.node);
        found.push({
            finding: { ...finding, severity }, uri: AstUtils.getDocument(finding.node).uri.toString(),
            family, entity, rank: ranks(family, entity), seq: seq++,
        });
    };
    checkNames(model, add, scope?.names, !scope);
    family = Family.Capacity;
    checkCapacity(model, add, scope?.teams);
    family = Family.Dependencies;
    checkDependencyGraph(model, add, scope?.elements);
    family = Family.LateDependencies;
    checkDependencyTiming(model, add, scope?.bets);
    family = Family.Metrics;
    checkMetrics(model, add);
    family = Family.Strategy;
    checkStrategy(model, add, scope?.goals);

    let all = found;
    if (scope && known) {
        const moved = model.delta!.moved;
        const kept = known.filter(t => !scope.redone(t)).map(t => (moved.size > 0 ? relocated(t, moved) : t));
        all = [...kept, ...found].sort((x, y) => x.family - y.family || x.rank - y.rank || x.seq - y.seq);
    }
    const byDocument = new Map<string, JudgedFinding[]>();
    for (const t of all) {
        let list = byDocument.get(t.uri);
        if (!list) byDocument.set(t.uri, (list = []));
        list.push(t.finding);
    }
    return { byDocument, tagged: all };
}

/** The check family a finding came from, in the order a full run makes them. */
export const enum Family { Names, Capacity, Dependencies, LateDependencies, Metrics, Strategy }

export interface TaggedFinding {
    readonly finding: JudgedFinding;
    readonly uri: string;
    readonly family: Family;
    /** The name of the element the finding sits on ('' for a policy property). */
    readonly entity: string;
    /** Where a full run judges that element, within its family. */
    readonly rank: number;
    /** Order of making, within the element. */
    readonly seq: number;
}

function entityOf(node: AstNode): string {
    const element = AstUtils.getContainerOfType(node, isElement);
    return element && 'name' in element ? element.name ?? '' : '';
}

/** The position at which a full run judges each element, per family. */
function rankings(model: PlanModel): (family: Family, entity: string) => number {
    let names: Map<string, number> | undefined;
    let bets: Map<string, number> | undefined, teams: Map<string, number> | undefined, goals: Map<string, number> | undefined;
    const positions = (map: ReadonlyMap<string, unknown>) => new Map([...map.keys()].map((k, i) => [k, i]));
    return (family, entity) => {
        switch (family) {
            case Family.Names:
                return (names ??= positions(model.definitions)).get(entity) ?? Number.MAX_SAFE_INTEGER; // policy duplicates come last
            case Family.Capacity:
                return (teams ??= positions(model.teams)).get(entity) ?? 0;
            case Family.Dependencies:
                return (bets ??= positions(model.bets)).get(entity) ?? model.bets.size + ((teams ??= positions(model.teams)).get(entity) ?? 0);
            case Family.LateDependencies:
                return (bets ??= positions(model.bets)).get(entity) ?? 0;
            case Family.Strategy:
                return (goals ??= positions(model.goals)).get(entity) ?? model.goals.size; // pillars after goals
            default:
                return 0;
        }
    };
}

/** A kept finding on an element whose text did not change, moved to the element's new syntax node. */
function relocated(t: TaggedFinding, moved: ReadonlyMap<NamedElement, NamedElement>): TaggedFinding {
    const path: Array<[string, number | undefined]> = [];
    let node: AstNode = t.finding.node;
    while (node.$container && !moved.has(node as NamedElement)) {
        path.push([node.$containerProperty!, node.$containerIndex]);
        node = node.$container;
    }
    const target = moved.get(node as NamedElement);
    if (!target) return t;
    let now: AstNode = target;
    for (const [property, index] of path.reverse()) {
        const value = (now as unknown as Record<string, unknown>)[property];
        now = (index === undefined ? value : (value as AstNode[] | undefined)?.[index]) as AstNode;
        if (!isAstNode(now)) throw new Error(`a finding on '${t.entity}' has no place in its element's new syntax tree`);
    }
    return { ...t, finding: { ...t.finding, node: now } };
}

interface Scope {
    readonly names: ReadonlySet<string>;
    readonly teams: ReadonlySet<string>;
    readonly elements: ReadonlySet<string>;
    readonly bets: ReadonlySet<string>;
    readonly goals: ReadonlySet<string>;
    /** Whether a finding of the previous run is judged again in this one (so not kept). */
    redone(finding: TaggedFinding): boolean;
}

/** What the change touched, per family: those are judged again. */
function affected(model: PlanModel, delta: PlanDelta): Scope {
    const changed = new Set(delta.changes.map(c => c.name));
    // Duplicate-name messages say where each definition is: every name of the changed files.
    const names = new Set([...changed, ...[...delta.moved.keys()].map(node => node.name)]);
    const teams = delta.teams;
    const goals = delta.goals;

    // Loops and blast radius: the changed bets and teams; when a dependency changed, also
    // everything they reach, before or now: those are the elements whose dependents changed,
    // and a loop that formed or broke runs through a changed element, so through them.
    const elements = new Set([...changed].filter(n => model.bets.has(n) || model.teams.has(n)));
    if (delta.graphChanged) {
        const stack: string[] = [];
        for (const name of elements) {
            stack.push(...model.dependenciesOf(name));
            stack.push(...(delta.previousBets.get(name)?.dependsOn ?? []));
        }
        for (const team of delta.previousTeams.values()) stack.push(...team.dependsOn);
        while (stack.length > 0) {
            const next = stack.pop()!;
            if (elements.has(next) || !(model.bets.has(next) || model.teams.has(next))) continue;
            elements.add(next);
            stack.push(...model.dependenciesOf(next));
        }
    }
    // Late or dropped dependencies: the changed bets and the bets that depend on them.
    const bets = new Set([...changed].filter(n => model.bets.has(n)));
    for (const name of delta.bets) for (const d of model.directDependents(name)) if (model.bets.has(d)) bets.add(d);

    return {
        names, teams, elements, bets, goals,
        redone: t => {
            switch (t.family) {
                case Family.Names: return t.entity === '' ? false : names.has(t.entity);
                case Family.Capacity: return teams.has(t.entity);
                case Family.Dependencies: return elements.has(t.entity);
                case Family.LateDependencies: return bets.has(t.entity);
                case Family.Metrics: return true;
                case Family.Strategy: return goals.has(t.entity) || !model.goals.has(t.entity);
            }
        },
    };
}

/** A stable text of a document's findings, to tell whether they changed between builds. */
export function findingsSignature(findings: readonly JudgedFinding[] | undefined): string {
    if (!findings) return '';
    return findings.map(f => `${f.code}|${f.severity}|${f.node.$cstNode?.offset}|${f.property}|${f.index}|${f.message}`).join('\n');
}

/** How many definitions a duplicate-name message names before "and N more". */
const duplicatePlaces = 5;

function checkNames(model: PlanModel, add: (finding: Finding) => void, only?: ReadonlySet<string>, policy = true): void {
    for (const [name, defs] of only ? [...only].map(name => [name, model.definitions.get(name) ?? []] as const) : model.definitions) {
        if (defs.length < 2) continue;
        // A few places, not all: a name defined 2,000 times made each of its messages list all 2,000.
        const shown = defs.slice(0, duplicatePlaces).map(place).join(', ');
        const places = defs.length > duplicatePlaces ? `${shown} and ${defs.length - duplicatePlaces} more` : shown;
        defs.forEach((node, i) => add({
            code: IssueCodes.DuplicateName, node, property: 'name',
            message: `'${name}' is defined ${defs.length} times (${places}); names are global across the workspace — rename ${i === 0 ? 'the others' : 'this one'}`,
        }));
    }
    if (!policy) return; // unchanged when the model was derived: no policy block changed
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
