// Scoping: every element name is global across the workspace, so top-level elements are
// exported to the global index (looked up through a map) and nothing goes into the local
// scope. Langium's default local scope is scanned linearly per reference, which made a
// 10k-element file take ~37 s to link; through the index alone it takes ~1.3 s.

import {
    AstUtils, Cancellation, DefaultLinker, DefaultScopeComputation, DefaultScopeProvider, MultiMap, isAstNode, isLinkingError, stream, type Scope,
    type AstNode, type AstNodeDescription, type CstNode, type DefaultReference, type LangiumDocument, type LinkingError, type LocalSymbols,
    type Reference, type ReferenceInfo, type RefResolving,
} from 'langium';
import type { TrellisServices } from '../trellis-module.js';
import type { CancellationToken } from 'vscode-languageserver';
import type { TrellisIndexManager } from '../workspace/trellis-index-manager.js';
import { forEachNode, referencesOf } from '../workspace/syntax-walk.js';

/**
 * The global scope, read from the index by name as it stands (see TrellisIndexManager)
 * instead of a map of all elements built again after every change.
 */
export class TrellisScopeProvider extends DefaultScopeProvider {
    private readonly index: TrellisIndexManager;
    private readonly scopes = new Map<string, Scope>();

    constructor(services: TrellisServices) {
        super(services);
        this.index = services.shared.workspace.IndexManager;
    }

    protected override getGlobalScope(referenceType: string, _context: ReferenceInfo): Scope {
        let scope = this.scopes.get(referenceType);
        if (!scope) {
            const index = this.index;
            scope = {
                getElement: name => index.first(name, referenceType),
                getElements: name => stream(index.named(name, referenceType)),
                getAllElements: () => index.allElements(referenceType),
            };
            this.scopes.set(referenceType, scope);
        }
        return scope;
    }
}

export class TrellisScopeComputation extends DefaultScopeComputation {
    override async collectLocalSymbols(_document: LangiumDocument): Promise<LocalSymbols> {
        return new MultiMap<AstNode, AstNodeDescription>();
    }
}

/** Says what a name is when it is not of the kind the reference needs. */
export class TrellisLinker extends DefaultLinker {
    private readonly services: TrellisServices;

    constructor(services: TrellisServices) {
        super(services);
        this.services = services;
    }

    /** Langium's linking, over the nodes in the same order without a stream and a pause at each (see syntax-walk). */
    override async link(document: LangiumDocument, cancelToken: CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        await forEachNode(document.parseResult.value, cancelToken, node => referencesOf(node, ref => this.doLink(ref, document)));
    }

    /** References that notice when the element they resolved to was parsed again. */
    override buildReference(node: AstNode, property: string, refNode: CstNode | undefined, refText: string): Reference {
        return new TrellisReference(this, node, property, refNode, refText);
    }

    /** Resolves a reference, looking its name up again when its target was parsed again since. */
    resolveCurrent(reference: DefaultReference, node: AstNode, property: string): AstNode | undefined {
        this.refresh(reference, node, property);
        return this.resolveReference(reference, node, property);
    }

    /**
     * After an edit of the file an element is defined in, the references to it from other
     * files still hold its old syntax node. Their files are not relinked (see
     * TrellisDocumentBuilder); each such reference finds the element again by its name the
     * next time it is read, and gets the same element as a new node.
     */
    refresh(reference: DefaultReference, node: AstNode, property: string): void {
        const target = reference._ref;
        if (!isAstNode(target) || !replaced(target)) return;
        const linked = this.getLinkedNode({ reference, container: node, property });
        reference._ref = linked.node ?? linked.error;
    }

    /** The exported element a reference's name resolves to now. */
    describe(reference: Reference, node: AstNode, property: string): AstNodeDescription | undefined {
        const candidate = this.getCandidate({ reference, container: node, property });
        return isLinkingError(candidate) ? undefined : candidate;
    }

    protected override createLinkingError(refInfo: ReferenceInfo, targetDescription?: AstNodeDescription): LinkingError {
        const error = super.createLinkingError(refInfo, targetDescription);
        const wanted = this.reflection.getReferenceType(refInfo);
        const name = refInfo.reference.$refText;
        const kind = wanted === 'Dependable' ? 'bet or team' : wanted.toLowerCase();
        const actual = this.services.plan.PlanService.model.kindOf(name);
        error.message = actual
            ? `'${name}' is ${withArticle(actual)}, not ${withArticle(kind)}`
            : `No ${kind} named '${name}' in the workspace`;
        return error;
    }
}

/**
 * Langium's reference, but one that resolves again when its target was parsed again (see
 * `TrellisLinker.refresh`), and that holds its target only weakly: a reference nobody reads
 * after its target's file changed must not keep that file's old syntax tree alive. Langium's
 * linker reads and writes `_ref` and `_nodeDescription` directly; here they are accessors.
 */
class TrellisReference implements DefaultReference {
    private target?: WeakRef<AstNode> | LinkingError | typeof RefResolving;

    constructor(
        private readonly linker: TrellisLinker,
        private readonly node: AstNode,
        private readonly property: string,
        readonly $refNode: CstNode | undefined,
        readonly $refText: string,
    ) { }

    get _ref(): AstNode | LinkingError | typeof RefResolving | undefined {
        return this.target instanceof WeakRef ? this.target.deref() : this.target;
    }

    set _ref(value: AstNode | LinkingError | typeof RefResolving | undefined) {
        this.target = isAstNode(value) ? new WeakRef(value) : value;
    }

    /** Looked up by name when asked: a description holds its element's node, so it is not kept either. */
    get _nodeDescription(): AstNodeDescription | undefined {
        return this.target instanceof WeakRef ? this.linker.describe(this, this.node, this.property) : undefined;
    }

    set _nodeDescription(_value: AstNodeDescription | undefined) {
        // looked up when asked
    }

    get ref(): AstNode | undefined {
        return this.linker.resolveCurrent(this, this.node, this.property);
    }

    get $nodeDescription(): AstNodeDescription | undefined {
        this.linker.refresh(this, this.node, this.property);
        return this._nodeDescription;
    }

    get error(): LinkingError | undefined {
        return isLinkingError(this.target) ? this.target : undefined;
    }
}

/** Whether a syntax node belongs to a parse its document has since replaced. */
function replaced(node: AstNode): boolean {
    const root = AstUtils.findRootNode(node);
    const document = (root as { $document?: LangiumDocument }).$document;
    return document !== undefined && document.parseResult.value !== root;
}

function withArticle(word: string): string {
    return /^[aeiou]/i.test(word) ? `an ${word}` : `a ${word}`;
}
