// `elementsChangedSinceRevision`, for the preview to mark what changed since a revision: the
// plan as the server holds it (an edit not on disk included) against a git revision of the
// folder the plan lives in.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { EmptyFileSystem, URI } from 'langium';
import { afterAll, describe, expect, test } from 'vitest';
import { elementsChangedSinceRevision } from '../../server/diff-requests.js';
import { UsageError } from '../../cli/workspace.js';
import { createTrellisServices } from '../../language/trellis-module.js';

const folders: string[] = [];
afterAll(() => folders.forEach(dir => fs.rmSync(dir, { recursive: true, force: true })));

const committed = 'team platform { capacity 4 }\n\nbet sso {\n  pillar foundations\n  owner platform 60%\n}\n\npillar foundations { target 100% }\n';

async function serverHolding(dir: string, text: string) {
    const { shared, Trellis } = createTrellisServices(EmptyFileSystem);
    const doc = shared.workspace.LangiumDocumentFactory.fromString(text, URI.file(path.join(dir, 'plan.trellis')));
    shared.workspace.LangiumDocuments.addDocument(doc);
    await shared.workspace.DocumentBuilder.build([doc], { validation: true });
    return { shared, services: Trellis, uri: doc.uri.toString() };
}

describe('elementsChangedSinceRevision', () => {
    test('names what the held plan added and changed since the revision', async () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-since-'));
        folders.push(dir);
        fs.writeFileSync(path.join(dir, 'plan.trellis'), committed);
        for (const args of [['init', '-q', '-b', 'main'], ['add', '-A'], ['-c', 'user.email=p@example.com', '-c', 'user.name=P', 'commit', '-q', '-m', 'plan']]) {
            expect(spawnSync('git', args, { cwd: dir }).status).toBe(0);
        }
        const held = committed.replace('owner platform 60%', 'owner platform 70%') + '\nteam web { capacity 3 }\n';
        const { shared, services, uri } = await serverHolding(dir, held);
        expect(await elementsChangedSinceRevision(shared, services, { revision: 'HEAD', uri })).toEqual({ added: ['web'], changed: ['sso'] });
        await expect(elementsChangedSinceRevision(shared, services, { revision: 'nope', uri })).rejects.toThrow(UsageError);
    });
});
