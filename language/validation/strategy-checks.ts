// Strategy checks: goals with no metric or no work behind them, and pillars whose targets do
// not add up or whose actual share of planned person-quarters drifts from the target.

import { isTargetProperty } from '../generated/ast.js';
import type { PlanModel } from '../model/plan-model.js';
import { propertyOf } from '../model/vocabulary.js';
import { IssueCodes } from '../model/codes.js';
import { list, pct, type Finding } from './report.js';

/** `goals`: judge just these goals (the others' findings are known not to have changed); pillars always. */
export function checkStrategy(model: PlanModel, add: (finding: Finding) => void, goals?: ReadonlySet<string>): void {
    for (const goal of goals ? [...goals].flatMap(name => model.goals.get(name) ?? []) : model.goals.values()) {
        // One finding per goal, naming both gaps when both are there.
        const metrics = goal.moves.filter(m => model.metrics.has(m));
        const noMetric = goal.moves.length === 0;
        const active = goal.servedBy.filter(b => b.quarters.length > 0);
        const inactive = goal.servedBy.map(b => `${b.name} (${b.stage})`);
        const noWork = active.length === 0;
        if (!noMetric && !noWork) continue;
        const message = noMetric && noWork
            ? `Goal '${goal.name}' moves no metric and is served by no active bet${inactive.length > 0 ? ` (only ${list(inactive)})` : ''}: say which metric shows it is reached with \`moves METRIC\`, and give it the work that reaches it`
            : noMetric
                ? `Goal '${goal.name}' moves no metric: say which metric shows it is reached with \`moves METRIC\``
                : `Goal '${goal.name}' is served by no active bet${inactive.length > 0 ? ` (only ${list(inactive)})` : ''}: nothing in the plan works towards it${metrics.length > 0 ? `, so ${list(metrics)} will not move` : ''}`;
        add({ code: IssueCodes.UnlinkedGoal, node: goal.node, property: 'name', message });
    }

    const pillars = [...model.pillars.values()];
    if (pillars.length === 0) return;
    const { sum, complete } = model.pillarTargets;
    const targetsText = list(pillars.map(p => `${p.name} ${p.target === undefined ? 'no target' : pct(p.target)}`), 8);
    if (!complete || Math.abs(sum - 100) > 1e-9) {
        // With targets at 100% and a pillar without one, "add up to 100%, not 100%" would leave the planner guessing.
        const untargeted = pillars.filter(p => p.target === undefined).map(p => `'${p.name}'`);
        const message = Math.abs(sum - 100) > 1e-9
            ? `Pillar targets add up to ${pct(sum)}, not 100% (${targetsText})`
            : `${untargeted.length === 1 ? 'Pillar' : 'Pillars'} ${list(untargeted)} ${untargeted.length === 1 ? 'has' : 'have'} no target while the other targets add up to 100% (${targetsText})`;
        for (const pillar of pillars) {
            add({
                code: IssueCodes.PillarTargets, node: propertyOf(pillar.node, isTargetProperty) ?? pillar.node, property: propertyOf(pillar.node, isTargetProperty) ? undefined : 'name',
                message,
            });
        }
        return;
    }

    const tolerance = model.policy.pillarTolerance;
    for (const pillar of pillars) {
        if (pillar.target === undefined || pillar.actualShare === undefined) continue;
        const gap = pillar.actualShare - pillar.target;
        if (Math.abs(gap) <= tolerance + 1e-9) continue;
        const bets = pillar.bets.map(b => b.name);
        add({
            code: IssueCodes.PillarDrift, node: propertyOf(pillar.node, isTargetProperty) ?? pillar.node,
            message: `Pillar '${pillar.name}' gets ${pct(pillar.actualShare)} of planned person-quarters against a target of ${pct(pillar.target)} `
                + `(${pct(Math.abs(gap)).replace('%', '')} points ${gap < 0 ? 'under' : 'over'}; pillar-tolerance is ${pct(tolerance)})`
                + (bets.length > 0 ? `; its bets: ${list(bets)}` : '; no active bet counts towards it'),
        });
    }
}
