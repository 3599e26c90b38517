// After an edit Langium re-validates only the changed documents and those that reference
// them. Workspace findings can change elsewhere too: raising a bet's allocation in one file
// changes the overload warning on its team in another file, which references nothing in
// the first. So after each update we compare every document's workspace findings with
// those it was last validated with, and re-validate the documents whose findings changed
// (and all documents when the policy or today changed).

import { DefaultDocumentBuilder, DocumentState, type LangiumDocument, type URI } from 'langium';
import { CancellationToken } from 'vscode-languageserver';
import type { LangiumSharedServices } from 'langium/lsp';
import type { TrellisPlanService } from '../model/plan-service.js';
import { findingsSignature } from '../validation/workspace-checks.js';

export class TrellisDocumentBuilder extends DefaultDocumentBuilder {
    private planService?: TrellisPlanService;
    /** The workspace findings each document was last validated with. */
    private readonly validatedWith = new Map<string, string>();

    constructor(services: LangiumSharedServices) {
        super(services);
        this.onDocumentPhase(DocumentState.Validated, doc => this.remember(doc));
    }

    /** Connects the plan service; done by the language module once both exist. */
    connect(planService: TrellisPlanService): void {
        this.planService = planService;
    }

    override async update(changed: URI[], deleted: URI[], cancelToken: CancellationToken = CancellationToken.None): Promise<void> {
        await super.update(changed, deleted, cancelToken);
        for (const uri of deleted) this.validatedWith.delete(uri.toString());
        const stale = this.staleDocuments();
        if (stale.length === 0 || cancelToken.isCancellationRequested) return;
        for (const doc of stale) this.resetToState(doc, DocumentState.IndexedReferences);
        await this.buildDocuments(stale, this.updateBuildOptions, cancelToken);
    }

    /** Documents validated with workspace findings that are no longer current. */
    staleDocuments(): LangiumDocument[] {
        const plan = this.planService;
        if (!plan) return [];
        return this.langiumDocuments.all
            .filter(doc => doc.state >= DocumentState.Validated && this.validatedWith.get(doc.uri.toString()) !== signature(plan, doc))
            .toArray();
    }

    private remember(doc: LangiumDocument): void {
        if (!this.planService) return;
        this.validatedWith.set(doc.uri.toString(), signature(this.planService, doc));
    }
}

/**
 * What a document's diagnostics depend on beyond its own text: today, the policy's
 * severities (they apply to every finding) and its workspace findings.
 */
function signature(plan: TrellisPlanService, doc: LangiumDocument): string {
    const { model } = plan;
    const levels = [...model.policy.levels].map(([c, l]) => `${c}=${l}`).sort().join(',');
    return `${model.today}|${levels}\n${findingsSignature(plan.findings.get(doc.uri.toString()))}`;
}
