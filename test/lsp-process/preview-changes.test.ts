// The preview's "Changes since HEAD": through the real server process, `trellis/previewView`
// with `changesSince` marks the elements the editor's plan added and changed since a git
// revision — the same comparison as `trellis diff --git` — and says why when it cannot.

import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, test } from 'vitest';
import { PreviewViewRequest, type PreviewViewParams, type PreviewViewResult } from '../../language/protocol.js';
import { baseFiles, planText, today } from '../cli/diff-fixture.js';
import { TrellisServer } from './lsp-client.js';

let server: TrellisServer | undefined;
afterEach(async () => {
    await server?.stop();
    server = undefined;
});

function git(cwd: string, ...args: string[]): void {
    const result = spawnSync('git', ['-c', 'user.email=p@example.com', '-c', 'user.name=P', ...args], { cwd, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`git ${args.join(' ')}: ${result.stderr}`);
}

function view(extra: Partial<PreviewViewParams> = {}): Promise<PreviewViewResult> {
    const params: PreviewViewParams = { view: 'dependencies', changesSince: { revision: 'HEAD', uri: server!.uri('plan.trellis') }, ...extra };
    return server!.connection.sendRequest(PreviewViewRequest.method, params);
}

/** The names of the drawn nodes that carry a class. */
function marked(svg: string, cls: string): string[] {
    return [...svg.matchAll(/<g class="node ([^"]*)" data-name="([^"]+)"/g)].filter(m => m[1].split(' ').includes(cls)).map(m => m[2]).sort();
}

describe('the preview marks what changed since a revision', () => {
    test('a bet added and one changed in the editor, against HEAD', async () => {
        server = await TrellisServer.start(baseFiles, { settings: { today } });
        git(server.folder, 'init', '-q', '-b', 'main');
        git(server.folder, 'add', '-A');
        git(server.folder, 'commit', '-q', '-m', 'the plan');
        await server.diagnosticsOf('plan.trellis', () => true);

        const before = await view();
        expect(before.changes).toEqual({ revision: 'HEAD', added: 0, changed: 0 });
        expect(marked(before.svg, 'added')).toEqual([]);

        await server.open('plan.trellis');
        await server.change('plan.trellis', `${planText.replace('owner platform 60%', 'owner platform 80%')}\nbet brand-new "A new bet" { owner platform 10% during 2027-Q2 }\n`);
        await server.diagnosticsOf('plan.trellis', () => true);
        const after = await view();
        expect(after.changes).toMatchObject({ revision: 'HEAD', added: 1, changed: 1 });
        expect(marked(after.svg, 'added')).toEqual(['brand-new']);
        expect(marked(after.svg, 'changed')).toHaveLength(1);
        expect(after.svg).toContain('added since HEAD'); // the legend says what the marks mean
    });

    test('outside a git repository the drawing comes unmarked, with the reason', async () => {
        server = await TrellisServer.start(baseFiles, { settings: { today } });
        await server.diagnosticsOf('plan.trellis', () => true);
        const result = await view();
        expect(result.error).toBeUndefined();
        expect(result.changes?.error).toMatch(/is not inside a git repository$/);
        expect(marked(result.svg, 'added')).toEqual([]);
    });
});
