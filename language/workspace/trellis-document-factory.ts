// Reads plan files for the document builder, and notes the ones that are gone by the time
// they are read. A branch switch (or a rename) creates and deletes files faster than the
// server reads them: a file reported as created or changed may no longer exist when its turn
// comes. Langium then throws ENOENT out of the whole build, which took the language server
// down. Here such a file reads as empty and is noted; the builder then treats it as deleted.

import { DefaultLangiumDocumentFactory, URI, type LangiumDocument } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

export class TrellisDocumentFactory extends DefaultLangiumDocumentFactory {
    /** Files found missing when read, since the builder last asked. */
    private readonly vanished = new Set<string>();

    protected override async getUpdatedText(document: LangiumDocument, textDocument: TextDocument | undefined, cancellationToken: CancellationToken): Promise<string> {
        try {
            return await super.getUpdatedText(document, textDocument, cancellationToken);
        } catch (error) {
            if (textDocument || !isMissingFile(error)) throw error;
            this.vanished.add(document.uri.toString());
            return '';
        }
    }

    /** The files found missing since the last call, to treat as deleted. */
    takeVanished(): URI[] {
        const uris = [...this.vanished].map(uri => URI.parse(uri));
        this.vanished.clear();
        return uris;
    }
}

/** Whether reading failed because the file (or a folder on its path) is not there, or is no longer a file. */
export function isMissingFile(error: unknown): boolean {
    const code = (error as { code?: unknown } | undefined)?.code;
    return code === 'ENOENT' || code === 'ENOTDIR' || code === 'EISDIR';
}
