// Turns the language server's answer into the message the webview draws from. Pure, so the
// panel and the browser tests send exactly the same thing.

import type { PreviewViewResult } from '../../language/protocol.js';
import type { HostMessage, PreviewOptions } from './messages.js';

export function updateMessage(result: PreviewViewResult, options: PreviewOptions, source: string | undefined): HostMessage {
    return {
        type: 'update', source, options,
        title: result.title, svg: result.svg, impact: result.impact, error: result.error,
        choices: result.elements
            .filter(e => e.kind === 'team' || e.kind === 'bet' || e.kind === 'pillar')
            .map(e => ({ name: e.name, kind: e.kind, title: e.title })),
    };
}
