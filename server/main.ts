// Entry point of the language server process started by the VS Code extension.

import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startTrellisServer } from './language-server.js';

startTrellisServer(createConnection(ProposedFeatures.all));
