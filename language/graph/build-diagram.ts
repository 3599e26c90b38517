// The entry point of the graph layer: a view of the plan model as a diagram, shared by the
// preview (through the language server) and `trellis graph`.

import type { PlanModel } from '../model/plan-model.js';
import { capacityView } from './capacity-view.js';
import { dependenciesView } from './dependencies-view.js';
import type { Diagram, GraphDiagram, ViewName, ViewOptions } from './diagram.js';
import { viewNames } from './diagram.js';
import type { FindingsByElement } from './element-findings.js';
import { collapseClusters, defaultFocusDepth, focusDiagram } from './focus.js';
import { impactOf } from './impact.js';
import { metricsView } from './metrics-view.js';
import { pillarsView } from './pillars-view.js';

/** Options that name something the plan does not have. */
export class ViewOptionError extends Error { }

export function isViewName(value: string): value is ViewName {
    return (viewNames as readonly string[]).includes(value);
}

/** Builds one view. Throws a ViewOptionError when a filter or impact names nothing suitable. */
export function buildDiagram(model: PlanModel, view: ViewName, options: ViewOptions = {}, findings: FindingsByElement = new Map()): Diagram {
    if (options.team !== undefined && !model.teams.has(options.team)) {
        throw new ViewOptionError(`there is no team '${options.team}' in the plan`);
    }
    if (options.pillar !== undefined && !model.pillars.has(options.pillar)) {
        throw new ViewOptionError(`there is no pillar '${options.pillar}' in the plan`);
    }
    const impact = options.impact !== undefined ? impactOf(model, options.impact) : undefined;
    if (options.impact !== undefined && !impact) {
        throw new ViewOptionError(`impact needs a team or a bet; '${options.impact}' is ${describeKind(model, options.impact)}`);
    }
    if (options.focus !== undefined && !model.kindOf(options.focus)) {
        throw new ViewOptionError(`focus needs an element of the plan; '${options.focus}' is not defined in the plan`);
    }
    if (options.depth !== undefined && (!Number.isInteger(options.depth) || options.depth < 1)) {
        throw new ViewOptionError(`depth must be a whole number of hops, 1 or more, not ${options.depth}`);
    }
    switch (view) {
        case 'dependencies': return narrow(dependenciesView(model, findings, options, impact), options);
        case 'metrics': return narrow(metricsView(model, findings, options, impact), options);
        case 'capacity': return capacityView(model, findings, options, impact);
        case 'pillars': return pillarsView(model, findings, options, impact);
    }
}

/** Collapsed team boxes, then focus on one element (which must be in the view). */
function narrow(diagram: GraphDiagram, options: ViewOptions): GraphDiagram {
    let result = options.collapsed !== undefined && options.collapsed.length > 0 ? collapseClusters(diagram, options.collapsed) : diagram;
    if (options.changes) result = markChanges(result, options.changes);
    if (options.focus !== undefined) {
        const focus = options.focus;
        if (!result.nodes.some(n => n.id === focus)) {
            throw new ViewOptionError(`'${focus}' is not drawn in the ${diagram.view} view${options.collapsed?.length ? ' (its team box is collapsed)' : ''}`);
        }
        result = focusDiagram(result, focus, options.depth ?? defaultFocusDepth);
    }
    return result;
}

/** Elements added or changed since a revision, tagged so every drawing can mark them. */
function markChanges(diagram: GraphDiagram, changes: NonNullable<ViewOptions['changes']>): GraphDiagram {
    const added = new Set(changes.added), changed = new Set(changes.changed);
    const nodes = diagram.nodes.map(n => (added.has(n.id) ? { ...n, tags: [...n.tags, 'added'] } : changed.has(n.id) ? { ...n, tags: [...n.tags, 'changed'] } : n));
    return { ...diagram, nodes, changesSince: changes.revision };
}

function describeKind(model: PlanModel, name: string): string {
    const kind = model.kindOf(name);
    return kind ? `a ${kind}` : 'not defined in the plan';
}
