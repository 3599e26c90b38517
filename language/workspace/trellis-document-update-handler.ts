// Closing a file in the editor hands it back to the disk. Langium keeps the text the editor
// last sent, so a file closed without saving kept showing the findings of text that exists
// nowhere (and a closed new file that was never saved stayed in the plan). Here closing a
// file is a change like any other: the builder reads it again from disk, or drops it when
// it is not there; a document that is not a file (an untitled editor) is dropped.
//
// An update that fails is logged, never left as an unhandled rejection: Node ends a process
// on one, and with it every file's diagnostics.

import { URI } from 'langium';
import { DefaultDocumentUpdateHandler } from 'langium/lsp';
import type { TextDocumentChangeEvent } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class TrellisDocumentUpdateHandler extends DefaultDocumentUpdateHandler {
    protected override fireDocumentUpdate(changed: URI[], deleted: URI[]): void {
        this.workspaceManager.ready
            .then(() => this.workspaceLock.write(token => this.documentBuilder.update(changed, deleted, token)))
            .catch(error => console.error('Trellis: could not bring the workspace up to date after a change:', error));
    }

    didCloseDocument(event: TextDocumentChangeEvent<TextDocument>): void {
        const uri = URI.parse(event.document.uri);
        // A document with no file behind it (an untitled editor) is gone once closed: reading it
        // "again" found no language for it and failed every later update (seen in the real editor).
        if (uri.scheme === 'file') this.fireDocumentUpdate([uri], []);
        else this.fireDocumentUpdate([], [uri]);
    }
}
