// Keeps every document's diagnostics fresh after an edit, at the cost of the edit rather than
// of the workspace.
//
// Workspace findings can change far from the edit: raising a bet's allocation in one file
// changes the overload warning on its team in another file, which references nothing in the
// first. So after each update we compare every document's workspace findings with those it
// was last validated with, and refresh the documents whose findings changed: only those
// findings, the rest of their diagnostics being what it was (all documents are validated
// again when the policy or today changed).
//
// Langium relinks every document that refers into a changed file. Every bet file refers to
// the file that defines its teams and goals, so an edit there relinked (and re-validated) the
// whole workspace: 3-4 s at 50k elements. Here a document that refers into a changed file is
// only relinked when a name it uses was added, removed, or changed kind or place there (its
// references may now resolve differently). Otherwise its references resolve to the same
// elements, whose new syntax nodes they find by name when next read (TrellisLinker), its
// entries in the index of references stay right (paths to elements are by name, see
// TrellisAstNodeLocator), and its diagnostics, which cannot have changed, are kept.
// Documents with unresolved references are relinked after every change, as before.
//
// Never quiet: a file that is gone when its turn to be read comes (a branch switch) is
// treated as deleted (see TrellisDocumentFactory); a build that resumes one cancelled with
// other options validates (see `prepareBuild`); a fault while validating one document costs
// that document its findings, not the others theirs (see `validate`); a request that waits for
// the workspace to reach a state is answered when it does (see `awaitBuilderState`).

import {
    AstUtils, DefaultDocumentBuilder, DocumentState, isOperationCancelled, OperationCancelled, URI,
    type AstNodeDescription, type BuildOptions, type LangiumDocument, type MaybePromise,
} from 'langium';
import { CancellationToken, DiagnosticSeverity } from 'vscode-languageserver';
import type { TrellisServices, TrellisSharedServices } from '../trellis-module.js';
import type { TrellisDocumentFactory } from './trellis-document-factory.js';
import { findingsSignature } from '../validation/workspace-checks.js';

/** What the builder reads of the language's services: the plan, its findings, and the validator that emits them. */
type PlanServices = Pick<TrellisServices, 'plan' | 'validation'>;

export class TrellisDocumentBuilder extends DefaultDocumentBuilder {
    private readonly documentFactory: TrellisDocumentFactory;
    private language?: PlanServices;
    /** The names each parse refers to, read when first needed (see `usesAny`). */
    private readonly usedNames = new WeakMap<object, Set<string>>();
    /** The workspace findings each document was last validated with (after today and the policy's severities). */
    private readonly validatedWith = new Map<string, string>();
    /** What files changed or deleted since the last finished update exported before they changed. */
    private readonly exportsBefore = new Map<string, Set<string>>();
    /** Documents that refer into those files and were left linked. */
    private readonly keptLinked = new Set<string>();
    /** Documents with a reference that did not resolve when last linked: relinked after every change. */
    private readonly unresolved = new Set<string>();

    /** Requests waiting for the workspace to reach a state (find references, workspace symbols, ...). */
    private readonly stateWaiters = new Set<{ readonly state: DocumentState; readonly resolve: () => void }>();

    constructor(services: TrellisSharedServices) {
        super(services);
        this.documentFactory = services.workspace.LangiumDocumentFactory;
        this.onDocumentPhase(DocumentState.Validated, doc => this.remember(doc));
        this.onDocumentPhase(DocumentState.Linked, doc => {
            if (doc.references.some(ref => ref.error !== undefined)) this.unresolved.add(doc.uri.toString());
            else this.unresolved.delete(doc.uri.toString());
        });
    }

    /** Connects the language's plan services; done by the language module once both exist. */
    connect(language: PlanServices): void {
        this.language = language;
    }

    override async update(changed: URI[], deleted: URI[], cancelToken: CancellationToken = CancellationToken.None): Promise<void> {
        // Kept across a cancelled update: the next one settles what this one could not.
        for (const uri of [...changed, ...deleted]) {
            const key = uri.toString();
            if (!this.exportsBefore.has(key)) this.exportsBefore.set(key, this.exportsOf(key));
        }
        await super.update(changed, deleted, cancelToken);
        for (const uri of deleted) {
            this.validatedWith.delete(uri.toString());
            this.unresolved.delete(uri.toString());
        }
        // Files that were gone when read: deleted, as the file watcher will (or did) report them.
        const vanished = this.documentFactory.takeVanished();
        const gone = vanished.filter(uri => this.langiumDocuments.hasDocument(uri));
        if (gone.length > 0) {
            await this.update([], gone, cancelToken);
            return;
        }
        const relink = this.settleKeptLinked();
        const stale = this.staleDocuments();
        if ((relink.length === 0 && stale.length === 0) || cancelToken.isCancellationRequested) return;
        const revalidate: LangiumDocument[] = [];
        const prefix = this.language ? signaturePrefix(this.language) : undefined;
        for (const doc of stale) {
            const sameContext = this.validatedWith.get(doc.uri.toString())?.startsWith(`${prefix}\n`);
            const validator = this.language?.validation.DocumentValidator;
            if (sameContext && !relink.includes(doc) && doc.state === DocumentState.Validated && validator?.refreshWorkspaceDiagnostics(doc)) {
                await this.notifyDocumentPhase(doc, DocumentState.Validated, cancelToken); // published, and remembered
            } else {
                this.resetToState(doc, DocumentState.IndexedReferences);
                revalidate.push(doc);
            }
        }
        if (relink.length > 0 || revalidate.length > 0) {
            await this.buildDocuments([...new Set([...relink, ...revalidate])], this.updateBuildOptions, cancelToken);
        }
    }

    /**
     * Langium resumes a document whose build was cancelled with the options of that build. The
     * first build of the workspace does not validate (diagnostics come with the update that
     * follows, once the settings are read); when that update cancels it, every document it
     * had started resumed without validation, was marked complete, and never got diagnostics
     * until it changed: the server went quiet with the whole workspace unchecked. A build that
     * validates validates every document it takes up.
     */
    protected override prepareBuild(documents: LangiumDocument[], options: BuildOptions): void {
        if (options.validation) {
            for (const doc of documents) {
                const state = this.buildState.get(doc.uri.toString());
                if (state && !state.completed && !state.options.validation) this.buildState.set(doc.uri.toString(), { ...state, options });
            }
        }
        super.prepareBuild(documents, options);
    }

    /**
     * Langium answers such a wait when a build phase notifies its listeners, and a phase that
     * took no document up (an update that only relinks or re-validates, or one for a deleted
     * file) notifies no one, though the workspace is then in that state: the request waited
     * until some later edit, on a server with nothing left to do. Here it is answered as soon
     * as the workspace reaches the state, whether or not a document went through it.
     */
    protected override awaitBuilderState(state: DocumentState, cancelToken: CancellationToken): Promise<void> {
        if (this.currentState >= state) return Promise.resolve();
        if (cancelToken.isCancellationRequested) return Promise.reject(OperationCancelled);
        return new Promise((resolve, reject) => {
            const waiter = {
                state, resolve: () => {
                    cancelled.dispose();
                    resolve();
                },
            };
            const cancelled = cancelToken.onCancellationRequested(() => {
                this.stateWaiters.delete(waiter);
                cancelled.dispose();
                reject(OperationCancelled);
            });
            this.stateWaiters.add(waiter);
        });
    }

    protected override async runCancelable(documents: LangiumDocument[], targetState: DocumentState, cancelToken: CancellationToken, callback: (document: LangiumDocument) => MaybePromise<unknown>): Promise<void> {
        await super.runCancelable(documents, targetState, cancelToken, callback);
        for (const waiter of [...this.stateWaiters]) {
            if (this.currentState < waiter.state) continue;
            this.stateWaiters.delete(waiter);
            waiter.resolve();
        }
    }

    /** A fault while validating one document leaves it one diagnostic that says so, and the others are still validated. */
    protected override async validate(document: LangiumDocument, cancelToken: CancellationToken): Promise<void> {
        try {
            await super.validate(document, cancelToken);
        } catch (error) {
            if (isOperationCancelled(error)) throw error;
            console.error(`Trellis: could not check ${document.uri.toString()}:`, error);
            document.diagnostics = [{
                range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
                severity: DiagnosticSeverity.Error, source: 'trellis',
                message: `Trellis could not check this file (${error instanceof Error ? error.message : String(error)}); the other files are checked. Edit it to try again.`,
            }];
        }
    }

    protected override shouldRelink(document: LangiumDocument, changedUris: Set<string>): boolean {
        // Langium scans every reference of every document for errors here; they are noted once per linking instead.
        if (this.unresolved.has(document.uri.toString())) return true;
        if (!this.indexManager.isAffected(document, changedUris)) return false;
        this.keptLinked.add(document.uri.toString());
        return false;
    }

    /** Documents validated with workspace findings that are no longer current. */
    staleDocuments(): LangiumDocument[] {
        const language = this.language;
        if (!language) return [];
        const prefix = signaturePrefix(language);
        return this.langiumDocuments.all
            .filter(doc => doc.state >= DocumentState.Validated && this.validatedWith.get(doc.uri.toString()) !== signature(language, doc, prefix))
            .toArray();
    }

    /** The kept documents that use a name whose definition changed: to relink. */
    private settleKeptLinked(): LangiumDocument[] {
        if (this.exportsBefore.size === 0) return [];
        const changedNames = new Set<string>();
        for (const [uri, before] of this.exportsBefore) {
            const after = this.exportsOf(uri);
            for (const key of before) if (!after.has(key)) changedNames.add(nameOfKey(key));
            for (const key of after) if (!before.has(key)) changedNames.add(nameOfKey(key));
        }
        const relink: LangiumDocument[] = [];
        for (const uri of changedNames.size > 0 ? this.keptLinked : []) {
            const doc = this.langiumDocuments.getDocument(URI.parse(uri));
            if (!doc || doc.state < DocumentState.Linked || this.exportsBefore.has(uri)) continue; // gone, or relinked anyway
            if (this.usesAny(doc, changedNames)) {
                this.resetToState(doc, DocumentState.ComputedScopes);
                relink.push(doc);
            }
        }
        this.exportsBefore.clear();
        this.keptLinked.clear();
        return relink;
    }

    /** A file's exported elements as `type name path` keys. */
    private exportsOf(uri: string): Set<string> {
        return new Set(this.indexManager.allElements(undefined, new Set([uri])).map(exportKey));
    }

    /** Whether a document refers to any of these names. */
    private usesAny(doc: LangiumDocument, names: ReadonlySet<string>): boolean {
        const root = doc.parseResult.value;
        let used = this.usedNames.get(root);
        if (!used) {
            used = new Set();
            for (const node of AstUtils.streamAst(root)) {
                for (const ref of AstUtils.streamReferences(node)) used.add(ref.reference.$refText);
            }
            this.usedNames.set(root, used);
        }
        for (const name of names) if (used.has(name)) return true;
        return false;
    }

    private remember(doc: LangiumDocument): void {
        if (!this.language) return;
        try {
            this.validatedWith.set(doc.uri.toString(), signature(this.language, doc, signaturePrefix(this.language)));
        } catch (error) {
            // A fault in the plan model must cost a refresh, never the language server itself:
            // forgetting the signature makes the next update re-validate this document.
            this.validatedWith.delete(doc.uri.toString());
            console.error(`Trellis: could not record the findings of ${doc.uri.toString()}:`, error);
        }
    }
}

function exportKey(description: AstNodeDescription): string {
    return `${description.type}\u0000${description.name}\u0000${description.path}`;
}

function nameOfKey(key: string): string {
    return key.split('\u0000')[1];
}

/** What every document's diagnostics depend on beyond its own text: today and the policy's severities. */
function signaturePrefix(language: PlanServices): string {
    const { model } = language.plan.PlanService;
    const levels = [...model.policy.levels].map(([c, l]) => `${c}=${l}`).sort().join(',');
    return `${model.today}|${levels}`;
}

/** ... and its workspace findings. */
function signature(language: PlanServices, doc: LangiumDocument, prefix: string): string {
    return `${prefix}\n${findingsSignature(language.validation.WorkspaceFindings.current.get(doc.uri.toString()))}`;
}
