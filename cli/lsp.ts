// `trellis lsp --stdio`: the extension's language server, for any LSP editor.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startTrellisServer } from '../server/language-server.js';

export function startLanguageServerOnStdio(): void {
    startTrellisServer(createConnection(ProposedFeatures.all));
}
