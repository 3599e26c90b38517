// Dependency checks over the whole plan's depends-on graph: loops, elements whose slip would
// stall many bets, and active bets that wait on dropped or later-landing work. Loop and
// dependency findings sit on the `depends-on` reference they concern.

import { isDependsOnProperty, type Bet, type DependsOnProperty, type Team } from '../generated/ast.js';
import type { PlanModel } from '../model/plan-model.js';
import { IssueCodes } from '../model/codes.js';
import { loop, type Finding } from './report.js';

/** Loops and blast radius; `only`: for just these bets and teams (the others' findings are known not to have changed). */
export function checkDependencyGraph(model: PlanModel, add: (finding: Finding) => void, only?: ReadonlySet<string>): void {
    const { maxBlastRadius } = model.policy;
    for (const name of only ?? [...model.bets.keys(), ...model.teams.keys()]) {
        const node: Bet | Team | undefined = model.bets.get(name)?.node ?? model.teams.get(name)?.node;
        if (!node) continue;
        const cycle = model.dependencyCycle(name);
        if (cycle) {
            const ref = findReference(node, cycle[1]);
            add({
                code: IssueCodes.DependencyCycle, ...(ref ?? { node, property: 'name' }),
                message: `Dependency loop: ${loop(cycle)}; none of these can finish first`,
            });
        }
        // Counted up to a bound, not in full: see `blastRadiusBound`.
        const bound = blastRadiusBound(maxBlastRadius);
        const { count, complete, first } = model.dependentBets(name, bound, 6);
        if (count > maxBlastRadius) {
            const radius = complete
                ? `${count} bets (${first.join(', ')}${count > first.length ? ` and ${count - first.length} more` : ''})`
                : `more than ${bound} bets (${first.join(', ')} and more)`;
            add({
                code: IssueCodes.HighBlastRadius, node, property: 'name',
                message: `${node.$type} '${name}' has a blast radius of ${radius}; max-blast-radius is ${maxBlastRadius}: a slip here stalls all of them`,
            });
        }
    }

}

/**
 * How far the check counts an element's dependent bets: exactly up to this many, beyond it
 * "more than". Counting every radius in full costs the square of the plan when its bets form
 * long chains (each bet depending on the one before); this way each element costs at most
 * about this many steps. The exact figure is in the hover and the drawings.
 */
export function blastRadiusBound(maxBlastRadius: number): number {
    return Math.max(1000, maxBlastRadius + 1);
}

/** Active bets that wait on dropped or later-landing work; `only`: just these bets. */
export function checkDependencyTiming(model: PlanModel, add: (finding: Finding) => void, only?: ReadonlySet<string>): void {
    for (const bet of only ? [...only].map(name => model.bets.get(name)!) : model.bets.values()) {
        if (bet.quarters.length === 0) continue;
        for (const depName of bet.dependsOn) {
            const dep = model.bets.get(depName);
            if (!dep || dep.name === bet.name) continue;
            const dropped = dep.stage === 'dropped';
            if (!dropped && !(bet.during && dep.during && dep.during.to.lastDay > bet.during.to.lastDay)) continue;
            const ref = findReference(bet.node, depName); // only where there is something to report: it walks the syntax tree
            if (!ref) continue;
            if (dropped) {
                add({
                    code: IssueCodes.DependsOnDropped, ...ref,
                    message: `Bet '${bet.name}' depends on '${dep.name}', which is dropped: find another way or drop '${bet.name}' too`,
                });
            } else if (bet.during && dep.during) {
                add({
                    code: IssueCodes.LateDependency, ...ref,
                    message: `Bet '${bet.name}' ends ${bet.during.to.text} but depends on '${dep.name}', which ends ${dep.during.to.text}: the dependency lands too late`,
                });
            }
        }
    }
}

/** The `depends-on` reference from `node` to `target`, as a finding location. */
function findReference(node: Bet | Team, target: string): { node: Bet | Team | DependsOnProperty; property: string; index?: number } | undefined {
    for (const property of node.properties) {
        if (!isDependsOnProperty(property)) continue;
        const index = property.targets.findIndex(t => t.$refText === target);
        if (index >= 0) return { node: property, property: 'targets', index };
    }
    return undefined;
}
