// The index of references keeps, for every reference in the workspace, where it is and what it
// points at. Langium builds each entry eagerly: a path string assembled segment by segment and
// a range of three objects, ~300 bytes a reference, most of it never read (only find
// references and rename read where a reference is). Here an entry holds what it is looked up
// by (the target) and works out its own place when asked.

import {
    AstUtils, Cancellation, CstUtils, DefaultReferenceDescriptionProvider, UriUtils,
    type AstNode, type AstNodeLocator, type CstNode, type DocumentSegment, type LangiumDocument, type ReferenceDescription, type ReferenceInfo, type URI,
} from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import { forEachNode, referencesOf } from './syntax-walk.js';

export class TrellisReferenceDescriptionProvider extends DefaultReferenceDescriptionProvider {
    override async createDescriptions(document: LangiumDocument, cancelToken: CancellationToken = Cancellation.CancellationToken.None): Promise<ReferenceDescription[]> {
        const descriptions: ReferenceDescription[] = [];
        await forEachNode(document.parseResult.value, cancelToken, node => referencesOf(node, refInfo => {
            if (!refInfo.reference.error) descriptions.push(...this.createInfoDescriptions(refInfo));
        }));
        return descriptions;
    }

    protected override createInfoDescriptions(refInfo: ReferenceInfo): ReferenceDescription[] {
        const reference = refInfo.reference;
        const target = 'ref' in reference ? reference.$nodeDescription : undefined;
        if (!target || reference.error || !reference.$refNode) return super.createInfoDescriptions(refInfo);
        const sourceUri = AstUtils.getDocument(refInfo.container).uri;
        return [new LazyReferenceDescription(sourceUri, target.documentUri, target.path, UriUtils.equals(target.documentUri, sourceUri), refInfo.container, reference.$refNode, this.nodeLocator)];
    }
}

class LazyReferenceDescription implements ReferenceDescription {
    private path?: string;
    private place?: DocumentSegment;

    constructor(
        readonly sourceUri: URI,
        readonly targetUri: URI,
        readonly targetPath: string,
        readonly local: boolean,
        private readonly container: AstNode,
        private readonly refNode: CstNode,
        private readonly locator: AstNodeLocator,
    ) { }

    get sourcePath(): string {
        return (this.path ??= this.locator.getAstNodePath(this.container));
    }

    get segment(): DocumentSegment {
        return (this.place ??= CstUtils.toDocumentSegment(this.refNode));
    }
}
