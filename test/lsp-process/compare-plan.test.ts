// "Trellis: Compare Plan with Revision…" on the server side, through the real server process:
// `trellis/comparePlan` compares the plan as the editor holds it (unsaved edits included) with
// a git revision of the workspace folder, and says why when it cannot.

import { spawnSync } from 'node:child_process';
import { afterEach, describe, expect, test } from 'vitest';
import { ComparePlanRequest, type ComparePlanParams, type ComparePlanResult } from '../../language/protocol.js';
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

function compare(revision: string): Promise<ComparePlanResult> {
    const params: ComparePlanParams = { revision, uri: server!.uri('plan.trellis') };
    return server!.connection.sendRequest(ComparePlanRequest.method, params);
}

describe('trellis/comparePlan', () => {
    test('an unsaved edit against HEAD: the trellis diff comment', async () => {
        server = await TrellisServer.start(baseFiles, { settings: { today } });
        git(server.folder, 'init', '-q', '-b', 'main');
        git(server.folder, 'add', '-A');
        git(server.folder, 'commit', '-q', '-m', 'the plan');
        await server.diagnosticsOf('plan.trellis', () => true);

        expect(await compare('HEAD')).toEqual({
            markdown: '**Trellis** (`HEAD` → `editor`): no change to the plan — same elements, loads, shares and findings.\n',
        });

        await server.open('plan.trellis');
        await server.change('plan.trellis', planText.replace('owner platform 60%', 'owner platform 80%'));
        const { markdown, error } = await compare('HEAD');
        expect(error).toBeUndefined();
        expect(markdown.split('\n')[0]).toBe('**Trellis** (`HEAD` → `editor`): 1 bet changed; platform goes to 110% in 2027-Q1; 1 warning introduced');
        expect(markdown).toContain('| `platform` | 2027-Q1 | 90% → **110%** | 2 |');
    });

    test('an unknown revision, and a folder that is not a git repository, are told', async () => {
        server = await TrellisServer.start(baseFiles, { settings: { today } });
        await server.diagnosticsOf('plan.trellis', () => true);
        expect((await compare('HEAD')).error).toMatch(/is not inside a git repository$/);
        git(server.folder, 'init', '-q', '-b', 'main');
        git(server.folder, 'add', '-A');
        git(server.folder, 'commit', '-q', '-m', 'the plan');
        expect(await compare('no-such-branch')).toEqual({ markdown: '', error: "unknown revision 'no-such-branch'" });
    });
});
