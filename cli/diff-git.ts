// Reads the plan files of a git revision with the `git` command (no library): the base of
// `trellis diff --git REV`, and of the editor's "Compare Plan with Revision…", whose language
// server reuses this. Files are named relative to the folder the comparison runs in.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { PlanText } from '../language/diff/plan-snapshot.js';
import { UsageError } from './workspace.js';

function git(cwd: string, args: readonly string[]): { ok: boolean; stdout: Buffer; stderr: string } {
    const result = spawnSync('git', args, { cwd, maxBuffer: 512 * 1024 * 1024 });
    if (result.error) {
        const missing = (result.error as NodeJS.ErrnoException).code === 'ENOENT';
        throw new UsageError(missing ? '--git needs the git command, and it is not installed' : `git failed: ${result.error.message}`);
    }
    return { ok: result.status === 0, stdout: result.stdout, stderr: result.stderr.toString('utf8').trim() };
}

/** The top folder of the git work tree that holds `cwd`. */
export function gitRoot(cwd: string): string {
    const result = git(cwd, ['rev-parse', '--show-toplevel']);
    if (!result.ok) throw new UsageError(`--git: ${realFolder(cwd)} is not inside a git repository`);
    return result.stdout.toString('utf8').trim();
}

/** The commit a revision names. */
export function resolveRevision(cwd: string, revision: string): string {
    if (revision.startsWith('-') || revision.trim() === '') throw new UsageError(`--git: '${revision}' is not a revision`);
    const result = git(cwd, ['rev-parse', '--verify', '--quiet', '--end-of-options', `${revision}^{commit}`]);
    if (!result.ok) throw new UsageError(`--git: unknown revision '${revision}'`);
    return result.stdout.toString('utf8').trim();
}

export interface GitSide {
    readonly label: string;
    readonly commit: string;
}

/**
 * What `--git` compares: `REV` with the working tree (no `head`), `A..B` revision A with
 * revision B, `A...B` where B branched from A with B (B defaults to the working tree).
 */
export function gitRange(cwd: string, revision: string): { base: GitSide; head?: GitSide } {
    gitRoot(cwd); // outside a repository, say so rather than "unknown revision"
    const threeDots = /^(.+?)\.\.\.(.*)$/.exec(revision);
    if (threeDots) {
        const [, a, b] = threeDots;
        const found = git(cwd, ['merge-base', resolveRevision(cwd, a), resolveRevision(cwd, b || 'HEAD')]);
        if (!found.ok) throw new UsageError(`--git: ${a} and ${b || 'HEAD'} have no common ancestor`);
        const base = { label: `${a}...${b}`, commit: found.stdout.toString('utf8').trim() };
        return b ? { base, head: { label: b, commit: resolveRevision(cwd, b) } } : { base };
    }
    const twoDots = /^(.+?)\.\.(.+)$/.exec(revision);
    if (twoDots) {
        const [, a, b] = twoDots;
        return { base: { label: a, commit: resolveRevision(cwd, a) }, head: { label: b, commit: resolveRevision(cwd, b) } };
    }
    return { base: { label: revision, commit: resolveRevision(cwd, revision) } };
}

/**
 * The `.trellis` files of a commit under the given paths (relative to `cwd`), named
 * relative to `cwd` with forward slashes, sorted.
 */
export function planTextsAt(cwd: string, commit: string, paths: readonly string[]): PlanText[] {
    const root = gitRoot(cwd);
    const listing = git(cwd, ['ls-tree', '-r', '-z', '--full-name', '--name-only', commit, '--', ...(paths.length > 0 ? paths : ['.'])]);
    if (!listing.ok) throw new UsageError(`--git: cannot list ${commit}: ${listing.stderr}`);
    // The folders the working tree's walk skips (see findPlanFiles) are skipped here too.
    const names = listing.stdout.toString('utf8').split('\0')
        .filter(name => name.endsWith('.trellis') && !name.split('/').includes('node_modules')).sort();
    const here = realFolder(cwd);
    const blobs = readBlobs(cwd, names.map(name => `${commit}:${name}`));
    return names.map((name, i) => {
        const file = toSlashes(path.relative(here, path.join(root, name)));
        return { file, text: decode(blobs[i], `${file} at ${commit.slice(0, 12)}`) };
    });
}

/** The contents of the objects, in order, from one `git cat-file --batch` (one process however many files). */
function readBlobs(cwd: string, objects: readonly string[]): Buffer[] {
    if (objects.length === 0) return [];
    const result = spawnSync('git', ['cat-file', '--batch'], { cwd, input: objects.join('\n') + '\n', maxBuffer: 1024 * 1024 * 1024 });
    if (result.error || result.status !== 0) throw new UsageError(`--git: cannot read the plan files: ${result.error?.message ?? result.stderr.toString('utf8').trim()}`);
    const out = result.stdout;
    const blobs: Buffer[] = [];
    let at = 0;
    for (const object of objects) {
        const end = out.indexOf(0x0a, at);
        const header = out.subarray(at, end).toString('utf8');
        const size = /^[0-9a-f]+ blob (\d+)$/.exec(header)?.[1];
        if (size === undefined) throw new UsageError(`--git: cannot read ${object}: ${header}`);
        blobs.push(out.subarray(end + 1, end + 1 + Number(size)));
        at = end + 1 + Number(size) + 1; // the content is followed by a newline
    }
    return blobs;
}

function decode(bytes: Buffer, what: string): string {
    try {
        const text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
        return text.startsWith('\uFEFF') ? text.slice(1) : text;
    } catch {
        throw new UsageError(`${what} is not UTF-8 text`);
    }
}

/** A folder with symbolic links resolved, as git reports its top folder. */
export function realFolder(folder: string): string {
    try {
        return fs.realpathSync(folder);
    } catch {
        return path.resolve(folder);
    }
}

export function toSlashes(file: string): string {
    return file.split(path.sep).join('/');
}
