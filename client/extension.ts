// The VS Code extension: starts the Trellis language server and stops it again. All
// language knowledge lives in the server; this file stays thin.

import * as path from 'node:path';
import type { ExtensionContext } from 'vscode';
import { workspace } from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { registerNewPlan } from './new-plan.js';
import { registerCompare } from './compare.js';
import { registerPreview } from './preview/preview-manager.js';
import { registerPlanStatus } from './status.js';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
    const serverModule = context.asAbsolutePath(path.join('out', 'server.cjs'));
    const serverOptions: ServerOptions = {
        run: { module: serverModule, transport: TransportKind.ipc },
        debug: { module: serverModule, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
    };
    const clientOptions: LanguageClientOptions = {
        documentSelector: [{ language: 'trellis' }],
        synchronize: { fileEvents: workspace.createFileSystemWatcher('**/*.trellis') },
    };
    client = new LanguageClient('trellis', 'Trellis', serverOptions, clientOptions);
    context.subscriptions.push(registerPlanStatus(), registerNewPlan(context));
    registerPreview(context, client);
    registerCompare(context, client);
    await client.start();
}

export function deactivate(): Thenable<void> | undefined {
    return client?.stop();
}
