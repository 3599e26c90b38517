// Keeps the plan model of the whole workspace: built lazily from every plan document after
// a change, cached until the next one. Also owns "today" (the `--today` flag, the
// `trellis.today` setting, else the system date), since review and allowance findings
// depend on it.

import { DocumentState, type LangiumDocument, type LangiumDocuments } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Plan } from '../generated/ast.js';
import { isPlan } from '../generated/ast.js';
import { isIsoDay, systemToday } from './periods.js';
import { PlanModel, type PlanDocument } from './plan-model.js';
import { computeWorkspaceFindings, type WorkspaceFindings } from '../validation/workspace-checks.js';

export class TrellisPlanService {
    private readonly documents: LangiumDocuments;
    private cached?: PlanModel;
    private cachedFindings?: WorkspaceFindings;
    private todayOverride?: string;

    constructor(shared: Pick<LangiumSharedServices, 'workspace'>) {
        this.documents = shared.workspace.LangiumDocuments;
        shared.workspace.DocumentBuilder.onUpdate(() => this.invalidate());
    }

    /** The model of the plan as the documents stand now; built at most once per change. */
    get model(): PlanModel {
        if (!this.cached) {
            this.cached = new PlanModel(this.planDocuments(), this.today);
        }
        return this.cached;
    }

    /** Findings of the workspace-wide checks on the current model, by document URI. */
    get findings(): WorkspaceFindings {
        if (!this.cachedFindings || !this.cached) {
            this.cachedFindings = computeWorkspaceFindings(this.model);
        }
        return this.cachedFindings;
    }

    /** The date findings are judged against, `YYYY-MM-DD`. */
    get today(): string {
        return this.todayOverride ?? systemToday();
    }

    /**
     * Sets the date to judge against (from `--today` or the `trellis.today` setting);
     * undefined or empty falls back to the system date. Returns false for a malformed date.
     */
    setToday(today: string | undefined): boolean {
        const value = today?.trim() || undefined;
        if (value !== undefined && !isIsoDay(value)) return false;
        if (value !== this.todayOverride) {
            this.todayOverride = value;
            this.invalidate();
        }
        return true;
    }

    invalidate(): void {
        this.cached = undefined;
        this.cachedFindings = undefined;
    }

    /** Plan documents in a stable order (by URI), so duplicates and cycles read the same every time. */
    private planDocuments(): PlanDocument[] {
        return this.documents.all
            .filter((doc: LangiumDocument) => doc.state >= DocumentState.Parsed && isPlan(doc.parseResult?.value))
            .map(doc => ({ uri: doc.uri.toString(), root: doc.parseResult.value as Plan }))
            .toArray()
            .sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
    }
}
