// `node bin/trellis.cjs ...` from a shell whose Node is older than 22 (the system's Node 20 on
// the machines Trellis is built on): the command runs itself again on the project's Node 22.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { describe, expect, test } from 'vitest';
import { repoRoot } from './run-cli.js';

/** A Node older than 22 on PATH, outside the project (npm puts the project's Node 22 first). */
function olderNode(): string | undefined {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
        if (!dir || dir.includes('node_modules')) continue;
        const node = path.join(dir, 'node');
        if (!fs.existsSync(node)) continue;
        const version = spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim();
        if (Number(/^v(\d+)/.exec(version)?.[1] ?? 99) < 22) return node;
    }
    return undefined;
}

const node = olderNode();

// Needs a Node older than 22 on the machine: the machines this project is built and checked on
// have Node 20 as the system's Node. Where there is none, this test is reported as skipped.
describe.skipIf(!node)(`trellis started by an older Node (${node ?? 'none on PATH'})`, () => {
    test('checks the example on the project\'s Node 22, with the same output and exit code', () => {
        const result = spawnSync(node!, [path.join(repoRoot, 'bin/trellis.cjs'), 'check', 'examples/acme', '--today', '2027-01-15'], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
        expect(result.stderr).toBe('');
        expect(result.stdout).toContain('5 files checked: 0 errors, 2 warnings, 1 info');
        expect(result.status).toBe(0);
    });

    test('passes on an exit code of 1 (errors) and of 2 (bad usage)', () => {
        const bad = spawnSync(node!, [path.join(repoRoot, 'bin/trellis.cjs'), 'check', 'examples/every-check', '--today', '2027-01-15'], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
        expect(bad.status).toBe(1);
        const usage = spawnSync(node!, [path.join(repoRoot, 'bin/trellis.cjs'), 'frobnicate'], { cwd: repoRoot, encoding: 'utf8', timeout: 30_000 });
        expect(usage.status).toBe(2);
        expect(usage.stderr).toContain("unknown command 'frobnicate'");
    });
});
