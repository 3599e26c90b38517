// Loads the workspace's plan files at startup. A file listed in its folder but gone before it
// is read (a branch switch while the editor starts) is skipped: Langium's loader fails the
// whole start-up on it, and the server then never builds anything or answers a change.

import { DefaultWorkspaceManager, type LangiumDocument, type Stream, type URI } from 'langium';
import { isMissingFile } from './trellis-document-factory.js';

export class TrellisWorkspaceManager extends DefaultWorkspaceManager {
    protected override async loadWorkspaceDocuments(uris: Stream<URI>, collector: (document: LangiumDocument) => void): Promise<void> {
        await Promise.all(uris.toArray().map(async uri => {
            try {
                collector(await this.langiumDocuments.getOrCreateDocument(uri));
            } catch (error) {
                if (!isMissingFile(error)) throw error;
                // Gone already: if it comes back, the file watcher reports it.
            }
        }));
    }
}
