// Metric tree checks: loops in `drives`, metrics nothing moves or uses, and the north star
// (none, or more than one).

import { isDrivesProperty, isNorthStarProperty, type DrivesProperty, type Metric } from '../generated/ast.js';
import { propertyOf } from '../model/vocabulary.js';
import type { PlanModel } from '../model/plan-model.js';
import { IssueCodes } from '../model/codes.js';
import { list, loop, type Finding } from './report.js';

export function checkMetrics(model: PlanModel, add: (finding: Finding) => void): void {
    const metrics = [...model.metrics.values()];
    for (const metric of metrics) {
        const cycle = model.metricCycle(metric.name);
        if (cycle) {
            add({ code: IssueCodes.MetricCycle, ...drivesReference(metric.node, cycle[1]), message: `Metric loop: ${loop(cycle)}; a metric tree cannot feed itself` });
        } else if (metric.drives.includes(metric.name)) {
            add({ code: IssueCodes.MetricCycle, ...drivesReference(metric.node, metric.name), message: `Metric '${metric.name}' drives itself` });
        }

        const drivesSomething = metric.drives.some(m => m !== metric.name && model.metrics.has(m));
        if (!metric.northStar && metric.movedBy.length === 0 && metric.expectedBy.length === 0 && !drivesSomething) {
            add({
                code: IssueCodes.OrphanMetric, node: metric.node, property: 'name',
                message: `Metric '${metric.name}' is moved by no goal, expected by no bet and drives no other metric: link it or remove it`,
            });
        }
    }

    if (metrics.length === 0) return;
    const stars = model.northStars();
    if (stars.length === 0) {
        for (const metric of metrics) {
            if (metric.drives.some(m => m !== metric.name && model.metrics.has(m))) continue;
            add({
                code: IssueCodes.NoNorthStar, node: metric.node, property: 'name',
                message: `The plan has ${metrics.length} metric${metrics.length === 1 ? '' : 's'} but no north star; '${metric.name}' drives no other metric — if the tree leads here, mark it \`north-star\``,
            });
        }
    } else if (stars.length > 1) {
        const names = stars.map(s => s.name);
        for (const star of stars) {
            add({
                code: IssueCodes.NoNorthStar, severity: 'warning', node: propertyOf(star.node, isNorthStarProperty) ?? star.node,
                message: `The plan has ${stars.length} north stars (${list(names)}); keep one and let the others drive it`,
            });
        }
    }
}

function drivesReference(node: Metric, target: string): { node: Metric | DrivesProperty; property: string; index?: number } {
    for (const property of node.properties) {
        if (!isDrivesProperty(property)) continue;
        const index = property.metrics.findIndex(m => m.$refText === target);
        if (index >= 0) return { node: property, property: 'metrics', index };
    }
    return { node, property: 'name' };
}
