// The language server's side of the preview: answers `trellis/previewView` once the workspace
// is built (reads wait for pending builds), and tells the client after each build that the
// plan may have changed, so an open preview redraws. The plan is read under the workspace's
// read lock; the layout runs after it is released, so typing is never held up by a drawing.

import { DocumentState } from 'langium';
import type { LangiumSharedServices } from 'langium/lsp';
import type { Connection } from 'vscode-languageserver';
import { drawPreview, preparePreview } from '../language/graph/preview-data.js';
import { PlanChangedNotification, PreviewViewRequest, type PreviewViewParams, type PreviewViewResult } from '../language/protocol.js';
import type { TrellisServices } from '../language/trellis-module.js';
import { UsageError } from '../cli/workspace.js';
import { elementsChangedSinceRevision } from './diff-requests.js';

export function registerPreviewRequests(connection: Connection, shared: LangiumSharedServices, services: TrellisServices): void {
    connection.onRequest(PreviewViewRequest.method, async (params: PreviewViewParams): Promise<PreviewViewResult> => {
        const since = params.changesSince ? await changesSince(shared, services, params.changesSince) : undefined;
        const prepared = await shared.workspace.WorkspaceLock.read(() => preparePreview(services, params, since?.changes));
        const result = await drawPreview(prepared);
        return since ? { ...result, changes: since.summary } : result;
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        void connection.sendNotification(PlanChangedNotification.method, {});
    });
}

/** What changed since a revision, for the preview to mark; a revision that cannot be read says why. */
async function changesSince(shared: LangiumSharedServices, services: TrellisServices, params: { revision: string; uri: string })
    : Promise<{ changes?: { revision: string; added: string[]; changed: string[] }; summary: NonNullable<PreviewViewResult['changes']> }> {
    try {
        const { added, changed } = await elementsChangedSinceRevision(shared, services, params);
        return { changes: { revision: params.revision, added, changed }, summary: { revision: params.revision, added: added.length, changed: changed.length } };
    } catch (error) {
        if (!(error instanceof UsageError)) throw error;
        return { summary: { revision: params.revision, added: 0, changed: 0, error: error.message.replace(/^--git: /, '') } };
    }
}
