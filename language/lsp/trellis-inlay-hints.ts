// Inlay hints after each allocation: the team's resulting peak load over the bet's
// quarters (`= 130% in 2027-Q1`), so an author sees the effect of a number as they type it.

import type { AstNode } from 'langium';
import { AbstractInlayHintProvider, type InlayHintAcceptor } from 'langium/lsp';
import { InlayHintKind } from 'vscode-languageserver';
import { isAllocation, isBet } from '../generated/ast.js';
import { quarterLabel } from '../model/periods.js';
import type { TrellisPlanService } from '../model/plan-service.js';
import { pct } from '../validation/report.js';
import type { TrellisServices } from '../trellis-module.js';

export class TrellisInlayHintProvider extends AbstractInlayHintProvider {
    private readonly plan: TrellisPlanService;

    constructor(services: TrellisServices) {
        super();
        this.plan = services.plan.PlanService;
    }

    computeInlayHint(node: AstNode, acceptor: InlayHintAcceptor): void {
        // A half-typed `owner 60%` has a share but no team yet.
        if (!isAllocation(node) || !node.share?.$cstNode || !node.team) return;
        const betNode = node.$container.$container;
        if (!isBet(betNode)) return;
        const model = this.plan.model;
        const bet = model.betFacts(betNode);
        const team = model.teams.get(node.team.$refText);
        if (!team || bet.quarters.length === 0) return;
        let peak: { quarter: number; load: number } | undefined;
        for (const quarter of bet.quarters) {
            const load = team.loads.get(quarter)?.load ?? 0;
            if (!peak || load > peak.load) peak = { quarter, load };
        }
        if (!peak) return;
        const over = peak.load > model.policy.maxLoad + 1e-9;
        acceptor({
            position: node.share.$cstNode.range.end,
            label: `${team.name} at ${pct(peak.load)}${bet.quarters.length > 1 ? ` in ${quarterLabel(peak.quarter)}` : ''}${over ? ' ⚠' : ''}`,
            kind: InlayHintKind.Parameter,
            paddingLeft: true,
            tooltip: `Load of team '${team.name}' with this allocation, in the busiest quarter of '${bet.name}'; max-load is ${pct(model.policy.maxLoad)}`,
        });
    }
}
