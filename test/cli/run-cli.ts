// Runs the built `trellis` command as a separate process, the way a user or CI runs it, and
// makes throw-away plan folders to run it on.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const bin = path.join(repoRoot, 'bin/trellis.cjs');

export interface CliResult {
    readonly status: number | null;
    readonly stdout: string;
    readonly stderr: string;
}

/** `trellis ARGS...` in `cwd` (the repository by default), with the Node running the tests. */
export function trellis(args: readonly string[], cwd = repoRoot): CliResult {
    const result = spawnSync(process.execPath, [bin, ...args], { cwd, encoding: 'utf8', timeout: 30_000 });
    if (result.error) throw result.error;
    return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

/** `trellis ARGS... --format json`, parsed. */
export function trellisJson(args: readonly string[], cwd = repoRoot): { status: number | null; report: JsonReport } {
    const result = trellis([...args, '--format', 'json'], cwd);
    return { status: result.status, report: JSON.parse(result.stdout) as JsonReport };
}

export interface JsonDiagnostic {
    file: string;
    line: number;
    column: number;
    endLine: number;
    endColumn: number;
    severity: string;
    code: string;
    message: string;
}

export interface JsonReport {
    diagnostics: JsonDiagnostic[];
    summary: { files: number; errors: number; warnings: number; infos: number; hints: number };
}

/** A fresh folder with these files (name -> text or bytes); removed by `removeTempDirs`. */
export function tempPlan(files: Record<string, string | Uint8Array>): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-cli-'));
    created.push(dir);
    for (const [name, content] of Object.entries(files)) {
        const file = path.join(dir, name);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, content);
    }
    return dir;
}

const created: string[] = [];

export function removeTempDirs(): void {
    for (const dir of created.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** The codes of the spec's Checks table, in its order. */
export const specCodes = [
    'syntax-error', 'unresolved-reference', 'duplicate-name', 'invalid-value', 'missing-owner', 'metric-cycle',
    'self-dependency', 'overloaded-team', 'too-much-wip', 'fragmented-allocation', 'unlinked-goal', 'orphan-bet',
    'orphan-metric', 'no-north-star', 'dependency-cycle', 'high-blast-radius', 'pillar-targets', 'pillar-drift',
    'missing-review', 'overdue-review', 'optimizer-without-metric', 'depends-on-dropped', 'late-dependency',
    'expired-allowance', 'one-person-team',
] as const;
