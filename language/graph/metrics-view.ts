// The metric tree: the north star at the root, the input metrics that drive it, the goals
// that move each metric and the bets behind the goals (and bets that expect a change of a
// metric directly). Drawn top-down, the north star at the top: arrows point the way value
// flows, upwards, bet → goal → metric → north star (the bets of a goal stacked, see dot.ts).

import type { PlanModel } from '../model/plan-model.js';
import type { DiagramEdge, DiagramNode, GraphDiagram, ImpactSummary, ViewOptions } from './diagram.js';
import { sortEdges, titleOf } from './dependencies-view.js';
import type { FindingsByElement } from './element-findings.js';
import { impactRoles } from './impact-roles.js';
import { byName, duringLabel, findingsOf, reaches, teamsOf } from './view-helpers.js';

export function metricsView(model: PlanModel, findings: FindingsByElement, options: ViewOptions, impact?: ImpactSummary): GraphDiagram {
    const { metrics, goals, bets } = shownElements(model, options);
    const role = impactRoles(impact);
    const nodes: DiagramNode[] = [];
    const edges: DiagramEdge[] = [];
    const both = (a: string, b: string) => (role(a) !== undefined && role(b) !== undefined ? true : undefined);

    for (const name of [...metrics].sort(byName)) {
        const metric = model.metrics.get(name)!;
        const unit = metric.unit !== undefined ? ` ${metric.unit}` : '';
        const lines: string[] = [];
        if (metric.baseline !== undefined || metric.target) {
            const target = metric.target ? ` → ${metric.target.value}${metric.target.by ? ` by ${metric.target.by}` : ''}` : '';
            lines.push(`${metric.baseline ?? '?'}${target}${unit}`);
        } else if (unit) {
            lines.push(unit.trim());
        }
        nodes.push({
            id: name, kind: 'metric', title: metric.title, lines, tags: metric.northStar ? ['north-star'] : [],
            impact: role(name), ...findingsOf(findings, name),
        });
        for (const target of metric.drives) {
            if (!metrics.has(target) || target === name) continue;
            const inCycle = reaches(target, name, n => model.metrics.get(n)?.drives ?? []);
            edges.push({ from: name, to: target, kind: 'drives', marks: inCycle ? ['cycle'] : [], impact: both(name, target) });
        }
    }
    for (const name of [...goals].sort(byName)) {
        const goal = model.goals.get(name)!;
        nodes.push({
            id: name, kind: 'goal', title: goal.title, lines: goal.pillar !== undefined ? [`pillar ${goal.pillar}`] : [], tags: [],
            impact: role(name), ...findingsOf(findings, name),
        });
        for (const metric of goal.moves) {
            if (metrics.has(metric)) edges.push({ from: name, to: metric, kind: 'moves', marks: [], impact: both(name, metric) });
        }
    }
    for (const name of [...bets].sort(byName)) {
        const bet = model.bets.get(name)!;
        const owner = bet.owner?.team;
        const tags: string[] = [];
        if (bet.stage === 'done' || bet.stage === 'dropped') tags.push(bet.stage);
        nodes.push({
            id: name, kind: 'bet', title: bet.title,
            lines: [[bet.stage, duringLabel(bet), owner !== undefined ? `owner ${owner}` : undefined].filter(Boolean).join(' · ')],
            tags, impact: role(name), ...findingsOf(findings, name),
        });
        if (bet.goal !== undefined && goals.has(bet.goal)) edges.push({ from: name, to: bet.goal, kind: 'serves', marks: [], impact: both(name, bet.goal) });
        for (const change of bet.expects) {
            if (!metrics.has(change.metric)) continue;
            const label = change.change !== undefined ? (change.change > 0 ? `+${change.change}` : `${change.change}`) : undefined;
            edges.push({ from: name, to: change.metric, kind: 'expects', label, marks: [], impact: both(name, change.metric) });
        }
    }

    return {
        type: 'graph', view: 'metrics', direction: 'BT',
        title: titleOf('Metric tree', options),
        nodes, edges: sortEdges(edges), clusters: [], impact,
    };
}

function shownElements(model: PlanModel, options: ViewOptions): { metrics: Set<string>; goals: Set<string>; bets: Set<string> } {
    const filtered = options.team !== undefined || options.pillar !== undefined;
    const bets = new Set<string>();
    const goals = new Set<string>();
    const metrics = new Set<string>();
    for (const bet of model.bets.values()) {
        if (options.team !== undefined && !teamsOf(bet).includes(options.team)) continue;
        if (options.pillar !== undefined && bet.pillar !== options.pillar) continue;
        const goal = bet.goal !== undefined && model.goals.has(bet.goal) ? bet.goal : undefined;
        const expects = bet.expects.filter(e => model.metrics.has(e.metric));
        if (!goal && expects.length === 0) continue; // a bet that serves nothing in the tree
        bets.add(bet.name);
        if (goal) goals.add(goal);
        for (const e of expects) metrics.add(e.metric);
    }
    for (const goal of model.goals.values()) {
        if (!filtered || (options.team === undefined && goal.pillar === options.pillar)) goals.add(goal.name);
    }
    for (const name of goals) for (const m of model.goals.get(name)!.moves) if (model.metrics.has(m)) metrics.add(m);
    if (!filtered) for (const name of model.metrics.keys()) metrics.add(name);
    // Up the tree from every metric shown, so each branch reaches its root.
    const stack = [...metrics];
    while (stack.length > 0) {
        for (const next of model.metrics.get(stack.pop()!)?.drives ?? []) {
            if (model.metrics.has(next) && !metrics.has(next)) {
                metrics.add(next);
                stack.push(next);
            }
        }
    }
    return { metrics, goals, bets };
}

