import { describe, expect, test } from 'vitest';
import type { Connection } from 'vscode-languageserver';
import { PlanChangedNotification, PreviewViewRequest, type PreviewViewParams, type PreviewViewResult } from '../../language/protocol.js';
import { registerPreviewRequests } from '../../server/preview-requests.js';
import { planFiles } from '../graph/fixture.js';
import { buildWorkspace } from '../helpers.js';

/** Just enough of a connection to catch what the server registers and sends. */
function fakeConnection() {
    const handlers = new Map<string, (params: unknown) => unknown>();
    const notifications: string[] = [];
    const connection = {
        onRequest: (method: string, handler: (params: unknown) => unknown) => { handlers.set(method, handler); },
        sendNotification: (method: string) => { notifications.push(method); return Promise.resolve(); },
    };
    return { connection: connection as unknown as Connection, handlers, notifications };
}

describe('the preview requests of the language server', () => {
    test('answers trellis/previewView with the drawing, the impact and where every element is', async () => {
        const ws = await buildWorkspace(planFiles);
        const fake = fakeConnection();
        registerPreviewRequests(fake.connection, ws.shared, ws.services);
        const handler = fake.handlers.get(PreviewViewRequest.method)!;
        expect(PreviewViewRequest.method).toBe('trellis/previewView');

        const result = await handler({ view: 'dependencies', impact: 'sso-v2' } satisfies PreviewViewParams) as PreviewViewResult;
        expect(result.error).toBeUndefined();
        expect(result.title).toBe('Dependencies');
        expect(result.svg).toMatch(/^<svg /);
        expect(result.svg).not.toContain('<style>'); // the webview styles it
        expect(result.impact?.count).toBe(7);
        const platform = result.elements.find(e => e.name === 'platform')!;
        expect(platform).toMatchObject({ kind: 'team', title: 'Platform', uri: 'file:///workspace/teams.trellis' });
        expect(platform.selectionRange).toEqual({ start: { line: 2, character: 5 }, end: { line: 2, character: 13 } });
        expect(platform.range.start).toEqual({ line: 2, character: 0 });
        expect(result.elements.map(e => e.name)).toEqual([...result.elements.map(e => e.name)].sort());

        const standalone = await handler({ view: 'capacity', standalone: true }) as PreviewViewResult;
        expect(standalone.svg).toContain('<style>');
    });

    test('a filter naming something that is gone is an error the preview shows, not a failure', async () => {
        const ws = await buildWorkspace(planFiles);
        const fake = fakeConnection();
        registerPreviewRequests(fake.connection, ws.shared, ws.services);
        const result = await fake.handlers.get(PreviewViewRequest.method)!({ view: 'capacity', team: 'gone' }) as PreviewViewResult;
        expect(result).toMatchObject({ view: 'capacity', svg: '', error: "There is no team 'gone' in the plan" });
        expect(result.elements.length).toBeGreaterThan(0);
    });

    test('says trellis/planChanged after each build', async () => {
        const ws = await buildWorkspace(planFiles);
        const fake = fakeConnection();
        registerPreviewRequests(fake.connection, ws.shared, ws.services);
        await ws.edit('teams.trellis', `${planFiles['teams.trellis']}\nteam extra { capacity 2 }\n`);
        expect(fake.notifications).toContain(PlanChangedNotification.method);
        expect(PlanChangedNotification.method).toBe('trellis/planChanged');
    });
});
