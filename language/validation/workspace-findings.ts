// Keeps the findings of the workspace-wide checks on the current plan model, by document URI:
// computed at most once per model. When the model was derived from the one whose findings are
// kept here, only what the change touched is judged again (see workspace-checks.ts).

import type { PlanModel } from '../model/plan-model.js';
import type { TrellisPlanService } from '../model/plan-service.js';
import { computeWorkspaceFindings, type ComputedFindings, type WorkspaceFindings } from './workspace-checks.js';

export class TrellisWorkspaceFindings {
    private readonly plan: TrellisPlanService;
    private cached?: { readonly model: PlanModel; readonly computed: ComputedFindings };

    constructor(services: { plan: { PlanService: TrellisPlanService } }) {
        this.plan = services.plan.PlanService;
    }

    /** The findings on the plan as it stands now. */
    get current(): WorkspaceFindings {
        const model = this.plan.model;
        if (this.cached?.model !== model) {
            const previous = this.cached && model.delta?.basedOn === this.cached.model.generation ? this.cached.computed : undefined;
            this.cached = { model, computed: computeWorkspaceFindings(model, previous) };
        }
        return this.cached.computed.byDocument;
    }
}
