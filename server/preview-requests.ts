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

export function registerPreviewRequests(connection: Connection, shared: LangiumSharedServices, services: TrellisServices): void {
    connection.onRequest(PreviewViewRequest.method, async (params: PreviewViewParams): Promise<PreviewViewResult> => {
        const prepared = await shared.workspace.WorkspaceLock.read(() => preparePreview(services, params));
        return drawPreview(prepared);
    });
    shared.workspace.DocumentBuilder.onBuildPhase(DocumentState.Validated, () => {
        void connection.sendNotification(PlanChangedNotification.method, {});
    });
}
