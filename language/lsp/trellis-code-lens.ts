// Code lenses: above each team its peak load, WIP and blast radius, above each pillar its target against
// its actual share. They read the cached plan model, so they cost nothing per keystroke.

import type { LangiumDocument } from 'langium';
import type { CodeLensProvider } from 'langium/lsp';
import type { CodeLens, CodeLensParams } from 'vscode-languageserver';
import { isPillar, isPlan, isTeam } from '../generated/ast.js';
import { quarterLabel } from '../model/periods.js';
import type { PlanModel, TeamFacts } from '../model/plan-model.js';
import { wipOf } from '../graph/view-helpers.js';
import type { TrellisPlanService } from '../model/plan-service.js';
import { pct } from '../validation/report.js';
import type { TrellisServices } from '../trellis-module.js';

export class TrellisCodeLensProvider implements CodeLensProvider {
    private readonly plan: TrellisPlanService;

    constructor(services: TrellisServices) {
        this.plan = services.plan.PlanService;
    }

    provideCodeLens(document: LangiumDocument, _params: CodeLensParams): CodeLens[] {
        const root = document.parseResult.value;
        if (!isPlan(root)) return [];
        const model = this.plan.model;
        const lenses: CodeLens[] = [];
        for (const element of root.elements) {
            const range = element.$cstNode?.range;
            if (!range) continue;
            let title: string | undefined;
            if (isTeam(element) && model.isPrimary(element)) title = teamLensTitle(model, model.teams.get(element.name)!);
            else if (isPillar(element) && model.isPrimary(element)) {
                const pillar = model.pillars.get(element.name)!;
                const target = pillar.target !== undefined ? `Target ${pct(pillar.target)}` : 'No target';
                const actual = pillar.actualShare !== undefined ? `actual ${pct(pillar.actualShare)}` : 'no active work yet';
                title = `${target} · ${actual}`;
            }
            if (title) lenses.push({ range: { start: range.start, end: range.start }, command: { title, command: '' } });
        }
        return lenses;
    }
}

/**
 * `Load 130% ⚠ in 2027-Q1 · 3 bets · blast radius 11 ⚠`: the team's busiest quarter, its most
 * bets at once and, when anything depends on it, its blast radius — the figures of
 * overloaded-team, too-much-wip and high-blast-radius.
 */
export function teamLensTitle(model: PlanModel, team: TeamFacts): string {
    const radius = model.blastRadius(team.name);
    const blast = radius > 0 ? ` · blast radius ${radius}${radius > model.policy.maxBlastRadius ? ' ⚠' : ''}` : '';
    return `${peakLoad(model, team)}${blast}`;
}

/** `Load 130% ⚠ in 2027-Q1 · 3 bets`: the busiest quarter and the most bets at once; the team hover leads with it too. */
export function peakLoad(model: PlanModel, team: TeamFacts): string {
    const { maxLoad, maxWip } = model.policy;
    const quarters = [...team.loads.values()];
    if (quarters.length === 0) return 'Load 0% · no active bets';
    const peak = quarters.reduce((best, q) => (q.load > best.load || (q.load === best.load && q.quarter < best.quarter) ? q : best));
    const wip = Math.max(...quarters.map(wipOf));
    const over = peak.load > maxLoad + 1e-9 ? ' ⚠' : '';
    return `Load ${pct(peak.load)}${over} in ${quarterLabel(peak.quarter)} · ${wip} bet${wip === 1 ? '' : 's'}${wip > maxWip ? ' ⚠' : ''}`;
}
