// Starts the Trellis language server on a connection: the same server the VS Code extension
// launches and `trellis lsp --stdio` runs for other editors. It follows the `trellis.today`
// setting and re-judges every document when it changes.

import { startLanguageServer } from 'langium/lsp';
import { NodeFileSystem } from 'langium/node';
import { MessageType, ShowMessageNotification, type Connection } from 'vscode-languageserver';
import { createTrellisServices } from '../language/trellis-module.js';
import { registerDiffRequests } from './diff-requests.js';
import { registerPreviewRequests } from './preview-requests.js';

export function startTrellisServer(connection: Connection): void {
    const { shared, Trellis } = createTrellisServices({ connection, ...NodeFileSystem });
    const config = shared.workspace.ConfigurationProvider;
    const plan = Trellis.plan.PlanService;

    const applyToday = (today: unknown) => {
        const value = typeof today === 'string' ? today : undefined;
        if (!plan.setToday(value)) {
            // A notification, not a request: a client that cannot show it must not take the server down.
            void connection.sendNotification(ShowMessageNotification.type, {
                type: MessageType.Warning,
                message: `Trellis: the setting trellis.today must be a date like 2027-03-15 (it is '${value}'); using the system date.`,
            });
            plan.setToday(undefined);
        }
        // Re-judge: the builder re-validates every document whose findings depend on today.
        shared.workspace.WorkspaceLock.write(token => shared.workspace.DocumentBuilder.update([], [], token))
            .catch(error => console.error('Trellis: could not re-judge the workspace:', error));
    };

    void config.ready.then(async () => applyToday(await config.getConfiguration('trellis', 'today')));
    config.onConfigurationSectionUpdate(update => {
        if (update.section === 'trellis') applyToday((update.configuration as { today?: unknown } | undefined)?.today);
    });

    registerPreviewRequests(connection, shared, Trellis);
    registerDiffRequests(connection, shared, Trellis);
    startLanguageServer(shared);
}
