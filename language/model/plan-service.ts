// Keeps the plan model of the whole workspace: built lazily from every plan document after
// a change (by this service's own model builder), cached until the next change. Also owns
// "today" (the `--today` flag, the `trellis.today` setting, else the system date), since
// review and allowance findings depend on it. The findings of the workspace checks on the
// model are kept by validation/workspace-findings.ts.

import { DocumentState, type LangiumDocuments } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Plan } from '../generated/ast.js';
import { isPlan } from '../generated/ast.js';
import { isIsoDay, systemToday } from './periods.js';
import { PlanModelBuilder, type BuildCounts } from './model-builder.js';
import type { PlanDocument, PlanModel } from './plan-model.js';

export class TrellisPlanService {
    private readonly documents: LangiumDocuments;
    private readonly builder = new PlanModelBuilder();
    private cached?: PlanModel;
    private todayOverride?: string;

    constructor(shared: Pick<LangiumSharedServices, 'workspace'>) {
        this.documents = shared.workspace.LangiumDocuments;
        const builder = shared.workspace.DocumentBuilder;
        builder.onUpdate(() => this.invalidate());
        // A document re-parsed in a build (also one not reported by onUpdate) changes the plan.
        builder.onDocumentPhase(DocumentState.Parsed, () => this.invalidate());
    }

    /**
     * The model of the plan as the documents stand now; built at most once per change. A
     * model built while some document waits to be re-parsed (a request served in the middle
     * of an update) is used for that request only, never cached.
     */
    get model(): PlanModel {
        if (this.cached) return this.cached;
        const { documents, complete } = this.planDocuments();
        // Derived from the model built last when only the insides of elements changed: see model-builder.ts.
        const model = this.builder.build(documents, this.today);
        if (complete) this.cached = model;
        return model;
    }

    /** How the models so far were built: derived from the one before, or in full. */
    get buildCounts(): Readonly<BuildCounts> {
        return this.builder.counts;
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
    }

    /** Plan documents in a stable order (by URI), so duplicates and cycles read the same every time. */
    private planDocuments(): { documents: PlanDocument[]; complete: boolean } {
        let complete = true;
        const documents: PlanDocument[] = [];
        for (const doc of this.documents.all) {
            if (doc.state < DocumentState.Parsed) complete = false;
            else if (isPlan(doc.parseResult?.value)) documents.push({ uri: doc.uri.toString(), root: doc.parseResult.value as Plan });
        }
        documents.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
        return { documents, complete };
    }
}
