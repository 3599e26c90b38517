// Builds the plan model of a set of documents, once per workspace build. When only the insides
// of elements changed since the model it built last (no element added, removed, renamed or
// moved, no policy touched, the plan window the same), the model is derived from that one
// (model-derive.ts); otherwise every element's facts are linked afresh (link-facts.ts). Either
// way the result is the same, which test/perf/incremental.test.ts checks over random edits.
//
// One builder per set of language services: it owns the facts read per parse and the model
// it built last, so nothing is shared between services.

import type { Bet, Goal, Metric, NamedElement, Pillar, Policy, Team } from '../generated/ast.js';
import { linkAll, linkPillars, planWindow, readPolicy } from './link-facts.js';
import { changedElements, derive } from './model-derive.js';
import type { Period } from './periods.js';
import type { BetFacts, ElementChange, PlanDocument, PlanTables } from './plan-facts.js';
import { PlanModel, type ModelMemo } from './plan-model.js';
import { FactCache, isActiveStage, range, readBet, readGoal, readMetric, readPillar, readTeam, unlinked } from './read-facts.js';

/** How a builder's models were made: derived from the one before, or linked in full. */
export interface BuildCounts {
    derived: number;
    full: number;
}

export class PlanModelBuilder {
    private readonly facts = new FactCache();
    /** The model built last, with the maps it reads (a derived model takes them over). */
    private last?: { readonly model: PlanModel; readonly tables: PlanTables };
    private generation = 0;
    readonly counts: BuildCounts = { derived: 0, full: 0 };

    /** `derive: false` links every model in full (over the facts it cached): what bench/measure-model.ts times. */
    constructor(private readonly options: { readonly derive?: boolean } = {}) {}

    /** The model of these documents (in the order given) as of `today`. */
    build(documents: readonly PlanDocument[], today: string): PlanModel {
        const previous = this.last;
        const generation = ++this.generation;
        let built: { model: PlanModel; tables: PlanTables } | undefined;
        const changes = previous && this.options.derive !== false ? changedElements(previous.model, documents, today, this.facts) : undefined;
        if (previous && changes) {
            try {
                built = this.derived(previous.model, previous.tables, changes, documents, generation);
            } catch (error) {
                // Never expected; a full build starts from scratch (and clears every fact it reuses).
                console.error('Trellis: could not derive the plan model from the previous one; building it afresh:', error);
            }
        }
        built ??= this.full(documents, today, generation);
        if (previous) previous.model.superseded = true;
        this.last = built;
        if (built.model.delta) this.counts.derived++;
        else this.counts.full++;
        return built.model;
    }

    private derived(previous: PlanModel, tables: PlanTables, changes: readonly ElementChange[], documents: readonly PlanDocument[], generation: number) {
        const delta = derive(tables, previous, changes, this.facts);
        const memo: ModelMemo = {
            orders: previous.memo.orders,
            // Loops depend on the graphs alone: unchanged graphs, same loops.
            cycles: !delta.graphChanged && !delta.drivesChanged ? previous.memo.cycles : undefined,
            // The same elements, kinds and dependents: the same graph.
            graph: !delta.graphChanged ? previous.memo.graph : undefined,
        };
        const model = new PlanModel({
            ...tables, today: previous.today, documents, generation, policy: previous.policy, policyDuplicates: previous.policyDuplicates,
            window: previous.window, pillarTargets: linkPillars(tables), delta, memo,
        });
        return { model, tables };
    }

    private full(documents: readonly PlanDocument[], today: string, generation: number) {
        const tables: PlanTables = {
            definitions: new Map(), teams: new Map(), bets: new Map(), goals: new Map(), metrics: new Map(), pillars: new Map(), dependents: new Map(),
        };
        const policyNodes: Policy[] = [];
        const periods: Period[] = [];
        const betsWithoutDuring: BetFacts[] = [];
        for (const { root } of documents) {
            const span = this.facts.periodSpan(root);
            if (span) periods.push(...span);
            for (const element of root.elements) {
                const entry = this.facts.entryOf(element);
                if (entry.kind === 'policy') {
                    policyNodes.push(element as Policy);
                    continue;
                }
                const name = (element as NamedElement).name;
                if (!name) continue; // a recovered parse may leave an element without a name
                const defs = tables.definitions.get(name);
                if (defs) {
                    defs.push(element as NamedElement);
                    continue; // only the first definition carries the facts
                }
                tables.definitions.set(name, [element as NamedElement]);
                switch (entry.kind) {
                    case 'team':
                        tables.teams.set(name, unlinked(entry, element as Team, readTeam));
                        break;
                    case 'bet': {
                        const bet = unlinked(entry, element as Bet, readBet);
                        tables.bets.set(name, bet);
                        if (!entry.hasDuring && isActiveStage(bet.stage)) betsWithoutDuring.push(bet);
                        break;
                    }
                    case 'goal':
                        tables.goals.set(name, unlinked(entry, element as Goal, readGoal));
                        break;
                    case 'metric':
                        tables.metrics.set(name, unlinked(entry, element as Metric, readMetric));
                        break;
                    case 'pillar':
                        tables.pillars.set(name, unlinked(entry, element as Pillar, readPillar));
                        break;
                }
            }
        }
        const { policy, duplicates } = readPolicy(policyNodes);
        const window = planWindow(periods, today);
        for (const bet of betsWithoutDuring) bet.quarters = range(window.from, window.to);
        linkAll(tables);
        const model = new PlanModel({
            ...tables, today, documents, generation, policy, policyDuplicates: duplicates, window, pillarTargets: linkPillars(tables), memo: {},
        });
        return { model, tables };
    }
}
