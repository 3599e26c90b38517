// What a plan change does to the plan, by meaning rather than by text: elements added, removed
// and changed (property by property), team loads and WIP that moved per quarter, pillar
// shares, blast radii, and findings introduced, resolved and changed. The object is the JSON
// of `trellis diff` (its shape is fixed by issue 11) and the source of its Markdown.

import { compare, roundPercent, snapshotPlan, type ElementSnapshot, type FindingSnapshot, type PlanSnapshot, type PlanText } from './plan-snapshot.js';

export interface ElementRef { kind: string; name: string; file: string; line: number }
export interface PropertyChange { property: string; before: string | null; after: string | null }
export interface ElementChangeEntry extends ElementRef { properties: PropertyChange[] }
export interface LoadChange { team: string; quarter: string; before: number | null; after: number | null; wipBefore: number | null; wipAfter: number | null }
export interface PillarChange { pillar: string; target: number | null; before: number | null; after: number | null }
export interface BlastRadiusChange { name: string; kind: string; before: number | null; after: number | null }
export interface FindingEntry { file: string; line: number; column: number; severity: string; code: string; message: string; element: string | null }
export interface FindingChange { code: string; element: string | null; severity: string; before: string; after: string }

export interface PlanDiff {
    base: string;
    head: string;
    elements: { added: ElementRef[]; removed: ElementRef[]; changed: ElementChangeEntry[] };
    loads: LoadChange[];
    pillars: PillarChange[];
    blastRadius: BlastRadiusChange[];
    findings: { introduced: FindingEntry[]; resolved: FindingEntry[]; changed: FindingChange[] };
    summary: { added: number; removed: number; changed: number; loads: number; introduced: number; resolved: number };
}

const severityRank: Record<string, number> = { error: 0, warning: 1, info: 2, hint: 3 };

/** Compares two snapshots; `base` and `head` are the labels the report shows for them. */
export function diffSnapshots(base: PlanSnapshot, head: PlanSnapshot, labels: { base: string; head: string }): PlanDiff {
    const elements = diffElements(base, head);
    const loads = diffLoads(base, head);
    const findings = diffFindings(base.findings, head.findings);
    return {
        base: labels.base,
        head: labels.head,
        elements,
        loads,
        pillars: diffPillars(base, head),
        blastRadius: diffBlastRadius(base, head),
        findings,
        summary: {
            added: elements.added.length, removed: elements.removed.length, changed: elements.changed.length,
            loads: loads.length, introduced: findings.introduced.length, resolved: findings.resolved.length,
        },
    };
}

/** Builds both sides and compares them. */
export async function diffPlans(base: readonly PlanText[], head: readonly PlanText[], labels: { base: string; head: string }, today?: string): Promise<PlanDiff> {
    const [before, after] = await Promise.all([snapshotPlan(base, today), snapshotPlan(head, today)]);
    return diffSnapshots(before, after, labels);
}

/**
 * The names of the elements added and of those changed since a base (a revision's plan
 * texts), for marking them in a view of the current plan. A move to another file alone
 * is no change here.
 */
export async function elementsChangedSince(base: readonly PlanText[], head: readonly PlanText[], today?: string): Promise<{ added: string[]; changed: string[] }> {
    const diff = await diffPlans(base, head, { base: 'base', head: 'head' }, today);
    return {
        added: diff.elements.added.map(e => e.name),
        changed: diff.elements.changed.filter(e => e.properties.some(p => p.property !== 'file')).map(e => e.name),
    };
}

function diffElements(base: PlanSnapshot, head: PlanSnapshot): PlanDiff['elements'] {
    const ref = (e: ElementSnapshot): ElementRef => ({ kind: e.kind, name: e.name, file: e.file, line: e.line });
    const added: ElementRef[] = [];
    const removed: ElementRef[] = [];
    const changed: ElementChangeEntry[] = [];
    for (const [key, after] of head.elements) {
        const before = base.elements.get(key);
        if (!before) {
            added.push(ref(after));
            continue;
        }
        const properties: PropertyChange[] = [];
        if (before.file !== after.file) properties.push({ property: 'file', before: before.file, after: after.file });
        for (const property of [...new Set([...before.properties.keys(), ...after.properties.keys()])].sort(compare)) {
            const b = before.properties.get(property) ?? null;
            const a = after.properties.get(property) ?? null;
            if (b !== a) properties.push({ property, before: b, after: a });
        }
        if (properties.length > 0) changed.push({ ...ref(after), properties });
    }
    for (const [key, before] of base.elements) if (!head.elements.has(key)) removed.push(ref(before));
    const byPlace = (a: ElementRef, b: ElementRef) => compare(a.file, b.file) || a.line - b.line || compare(a.name, b.name);
    return { added: added.sort(byPlace), removed: removed.sort(byPlace), changed: changed.sort(byPlace) };
}

function diffLoads(base: PlanSnapshot, head: PlanSnapshot): LoadChange[] {
    const changes: LoadChange[] = [];
    for (const team of [...new Set([...base.loads.keys(), ...head.loads.keys()])].sort(compare)) {
        const before = base.loads.get(team);
        const after = head.loads.get(team);
        for (const quarter of [...new Set([...(before?.keys() ?? []), ...(after?.keys() ?? [])])].sort(compare)) {
            // A quarter without active bets is a load of 0; a team that does not exist has none.
            const b = before ? before.get(quarter) ?? { load: 0, wip: 0 } : undefined;
            const a = after ? after.get(quarter) ?? { load: 0, wip: 0 } : undefined;
            if (b?.load === a?.load && b?.wip === a?.wip) continue;
            changes.push({ team, quarter, before: b?.load ?? null, after: a?.load ?? null, wipBefore: b?.wip ?? null, wipAfter: a?.wip ?? null });
        }
    }
    return changes;
}

function diffPillars(base: PlanSnapshot, head: PlanSnapshot): PillarChange[] {
    const changes: PillarChange[] = [];
    for (const pillar of [...new Set([...base.pillars.keys(), ...head.pillars.keys()])].sort(compare)) {
        const b = base.pillars.get(pillar);
        const a = head.pillars.get(pillar);
        const before = b?.share === undefined ? null : roundPercent(b.share);
        const after = a?.share === undefined ? null : roundPercent(a.share);
        if (before === after) continue;
        changes.push({ pillar, target: a?.target ?? b?.target ?? null, before, after });
    }
    return changes;
}

function diffBlastRadius(base: PlanSnapshot, head: PlanSnapshot): BlastRadiusChange[] {
    const changes: BlastRadiusChange[] = [];
    for (const name of [...new Set([...base.blastRadius.keys(), ...head.blastRadius.keys()])].sort(compare)) {
        const b = base.blastRadius.get(name);
        const a = head.blastRadius.get(name);
        // An element that comes or goes with no dependents is not news.
        if ((b?.radius ?? 0) === (a?.radius ?? 0)) continue;
        changes.push({ name, kind: (a ?? b)!.kind, before: b?.radius ?? null, after: a?.radius ?? null });
    }
    return changes;
}

/**
 * Findings matched by code and element (by file for those on no element): the same message
 * on both sides (the lines it names aside) is unchanged, a new message for the same code and element is `changed`, the
 * rest is introduced or resolved.
 */
function diffFindings(base: readonly FindingSnapshot[], head: readonly FindingSnapshot[]): PlanDiff['findings'] {
    const keyOf = (f: FindingSnapshot) => `${f.code}\u0000${f.element ?? `\u0001${f.file}`}`;
    const group = (list: readonly FindingSnapshot[]) => {
        const groups = new Map<string, FindingSnapshot[]>();
        for (const f of [...list].sort(bySeverityPlace)) {
            const key = keyOf(f);
            groups.set(key, [...(groups.get(key) ?? []), f]);
        }
        return groups;
    };
    const before = group(base);
    const after = group(head);
    const introduced: FindingEntry[] = [];
    const resolved: FindingEntry[] = [];
    const changed: FindingChange[] = [];
    for (const key of [...new Set([...before.keys(), ...after.keys()])].sort(compare)) {
        const b = [...(before.get(key) ?? [])];
        const a = [...(after.get(key) ?? [])];
        for (let i = a.length - 1; i >= 0; i--) {
            const same = b.findIndex(f => withoutLines(f.message) === withoutLines(a[i].message) && f.severity === a[i].severity);
            if (same >= 0) {
                b.splice(same, 1);
                a.splice(i, 1);
            }
        }
        while (a.length > 0 && b.length > 0) {
            const [was, now] = [b.shift()!, a.shift()!];
            changed.push({ code: now.code, element: now.element, severity: now.severity, before: was.message, after: now.message });
        }
        introduced.push(...a.map(entry));
        resolved.push(...b.map(entry));
    }
    changed.sort((x, y) => severityRank[x.severity] - severityRank[y.severity] || compare(x.element ?? '', y.element ?? '') || compare(x.code, y.code));
    return { introduced: introduced.sort(bySeverityPlace), resolved: resolved.sort(bySeverityPlace), changed };
}

/** A message without the lines it names (`team in plan.trellis:172`): moving text is no change. */
function withoutLines(message: string): string {
    return message.replace(/(\.trellis):\d+(?::\d+)?/g, '$1');
}

function bySeverityPlace(a: FindingEntry, b: FindingEntry): number {
    return severityRank[a.severity] - severityRank[b.severity] || compare(a.file, b.file) || a.line - b.line || a.column - b.column
        || compare(a.code, b.code) || compare(a.message, b.message);
}

function entry(f: FindingSnapshot): FindingEntry {
    return { file: f.file, line: f.line, column: f.column, severity: f.severity, code: f.code, message: f.message, element: f.element };
}

/** Whether the change brings an error the base did not have: the gate for pull requests. */
export function introducesError(diff: PlanDiff): boolean {
    return diff.findings.introduced.some(f => f.severity === 'error');
}

export function isEmptyDiff(diff: PlanDiff): boolean {
    const { elements, loads, pillars, blastRadius, findings } = diff;
    return elements.added.length + elements.removed.length + elements.changed.length + loads.length + pillars.length
        + blastRadius.length + findings.introduced.length + findings.resolved.length + findings.changed.length === 0;
}
