// The dependencies view: bets and teams, an arrow from each element to what it depends on,
// owner and support links, and (by default) a box per owning team around the bets it owns.
// Nodes carry their findings (overloaded, cycle, high blast radius) and, in impact mode,
// whether they would stall.

import type { PlanModel } from '../model/plan-model.js';
import type { DiagramCluster, DiagramEdge, DiagramNode, GraphDiagram, ImpactSummary, ViewOptions } from './diagram.js';
import type { FindingsByElement } from './element-findings.js';
import { impactRoles } from './impact-roles.js';
import { byName, duringLabel, findingsOf, people, percent, reaches, sortedBy, teamsOf } from './view-helpers.js';

export function dependenciesView(model: PlanModel, findings: FindingsByElement, options: ViewOptions, impact?: ImpactSummary): GraphDiagram {
    const cluster = options.cluster ?? true;
    const shown = shownElements(model, options);
    const role = impactRoles(impact);

    const nodes: DiagramNode[] = [];
    const clusters = new Map<string, DiagramCluster>();
    for (const name of [...shown].sort(byName)) {
        const bet = model.bets.get(name);
        if (bet) {
            const owner = bet.owner && model.teams.has(bet.owner.team) ? bet.owner.team : undefined;
            const blast = model.blastRadius(name);
            const lines = [[bet.stage, duringLabel(bet)].filter(Boolean).join(' · ')];
            if (blast > 0) lines.push(`blast radius ${blast}`);
            const tags: string[] = [];
            if (bet.stage === 'done' || bet.stage === 'dropped') tags.push(bet.stage);
            if (!owner) tags.push('unowned');
            nodes.push({
                id: name, kind: 'bet', title: bet.title, lines, tags,
                cluster: cluster && owner ? owner : undefined,
                impact: role(name), ...findingsOf(findings, name),
            });
            if (cluster && owner) clusters.set(owner, clusterOf(model, owner, role));
            continue;
        }
        const team = model.teams.get(name)!;
        const lines = [[team.type ?? 'team', team.capacity !== undefined ? people(team.capacity) : undefined].filter(Boolean).join(' · ')];
        const peak = peakLoad(model, name);
        if (peak) lines.push(`peak ${percent(peak.load)} in ${peak.quarter}`);
        const ownsShown = team.owns.some(b => shown.has(b.name));
        nodes.push({
            id: name, kind: 'team', title: team.title, lines, tags: [],
            cluster: cluster && ownsShown ? name : undefined,
            impact: role(name), ...findingsOf(findings, name),
        });
        if (cluster && ownsShown) clusters.set(name, clusterOf(model, name, role));
    }

    const edges: DiagramEdge[] = [];
    for (const name of shown) {
        for (const dep of model.dependenciesOf(name)) {
            if (!shown.has(dep) || dep === name) continue;
            const inCycle = reaches(dep, name, n => model.dependenciesOf(n));
            edges.push({ from: name, to: dep, kind: 'depends-on', marks: inCycle ? ['cycle'] : [], impact: edgeImpact(role, name, dep) });
        }
        const bet = model.bets.get(name);
        if (!bet) continue;
        for (const allocation of [bet.owner, ...bet.support]) {
            if (!allocation || !shown.has(allocation.team) || !model.teams.has(allocation.team)) continue;
            // Ownership is drawn as the team's box when clustering; a support link always as an edge.
            if (allocation.role === 'owner' && cluster) continue;
            edges.push({
                from: name, to: allocation.team, kind: allocation.role, label: `${allocation.role} ${percent(allocation.share)}`,
                marks: [], impact: edgeImpact(role, name, allocation.team),
            });
        }
    }

    return {
        type: 'graph', view: 'dependencies', direction: 'LR',
        title: titleOf('Dependencies', options),
        nodes, edges: sortEdges(edges), clusters: sortedBy(clusters.values(), c => c.id),
        impact,
    };
}

/** Which bets and teams the view shows under the team and pillar filters. */
function shownElements(model: PlanModel, options: ViewOptions): Set<string> {
    if (options.team === undefined && options.pillar === undefined) return new Set([...model.bets.keys(), ...model.teams.keys()]);
    const core = new Set<string>();
    for (const bet of model.bets.values()) {
        if (options.team !== undefined && !teamsOf(bet).includes(options.team)) continue;
        if (options.pillar !== undefined && bet.pillar !== options.pillar) continue;
        core.add(bet.name);
    }
    if (options.team !== undefined && options.pillar === undefined && model.teams.has(options.team)) core.add(options.team);
    // What the core depends on and what depends on it directly, so the filtered view still
    // shows the links that cross its edge.
    const shown = new Set(core);
    for (const name of core) {
        for (const dep of model.dependenciesOf(name)) shown.add(dep);
        for (const dependent of model.directDependents(name)) if (model.bets.has(dependent) || model.teams.has(dependent)) shown.add(dependent);
        const bet = model.bets.get(name);
        if (bet) for (const team of teamsOf(bet)) if (model.teams.has(team)) shown.add(team);
    }
    return shown;
}

function clusterOf(model: PlanModel, team: string, role: (name: string) => 'source' | 'stalled' | undefined): DiagramCluster {
    const facts = model.teams.get(team)!;
    return { id: team, label: facts.title ?? team, impact: role(team) !== undefined || undefined };
}

function peakLoad(model: PlanModel, team: string): { load: number; quarter: string } | undefined {
    let best: { load: number; quarter: number } | undefined;
    for (const load of model.teams.get(team)!.loads.values()) {
        if (!best || load.load > best.load || (load.load === best.load && load.quarter < best.quarter)) best = { load: load.load, quarter: load.quarter };
    }
    return best ? { load: best.load, quarter: model.quarterLabel(best.quarter) } : undefined;
}

function edgeImpact(role: (name: string) => 'source' | 'stalled' | undefined, from: string, to: string): true | undefined {
    return role(from) !== undefined && role(to) !== undefined ? true : undefined;
}

/** Edges sorted by their ends and kind, each once. */
export function sortEdges(edges: DiagramEdge[]): DiagramEdge[] {
    edges.sort((a, b) => byName(a.from, b.from) || byName(a.to, b.to) || byName(a.kind, b.kind));
    return edges.filter((e, i) => i === 0 || e.from !== edges[i - 1].from || e.to !== edges[i - 1].to || e.kind !== edges[i - 1].kind);
}

export function titleOf(view: string, options: ViewOptions): string {
    const filters = [options.team !== undefined ? `team ${options.team}` : undefined, options.pillar !== undefined ? `pillar ${options.pillar}` : undefined].filter(Boolean);
    return filters.length > 0 ? `${view} — ${filters.join(', ')}` : view;
}
