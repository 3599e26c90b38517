// Which files a command reads, from the paths on its command line. A path names a folder (all
// `.trellis` files under it, through symbolic links) or one plan file. What cannot be read as a
// plan is one line and exit code 2 — never a silent pass, never a hang:
// - a file that is not `.trellis`, or not a regular file (a FIFO would block the read forever);
// - a folder with no plan files, so a mistyped CI path fails instead of checking nothing;
// - a `.trellis` link whose target is missing.
// A linked folder seen twice (a loop, or two links to one place) is walked once, and a file
// reached by two paths is read once, under the first path walked (folders in name order).

import * as fs from 'node:fs';
import * as path from 'node:path';

/** A problem with the input that makes the command unusable: exit code 2. */
export class UsageError extends Error { }

const skippedFolders = new Set(['node_modules', '.git']);

const planExtension = '.trellis';

interface Walk {
    /** Real path of each file found -> the path it was found under (shared by all paths). */
    readonly files: Map<string, string>;
    /** Real path of each folder walked from one command-line path -> how many plan files are under it. */
    readonly folders: Map<string, number>;
}

/**
 * All `.trellis` files under the given files and folders, sorted, each once. Each folder given
 * must hold at least one: a folder without plans is a usage error, not an empty plan.
 */
export function findPlanFiles(paths: readonly string[]): string[] {
    const files = new Map<string, string>();
    for (const p of paths) {
        // Each path is walked on its own, so a folder reached again (a loop, or given twice) still counts its files.
        if (addPath({ files, folders: new Map() }, p) === 0) {
            throw new UsageError(`no ${planExtension} files in ${path.resolve(p) === process.cwd() ? 'the current folder' : p}`);
        }
    }
    return [...files.values()].sort();
}

/** Adds what a command-line path names; for a folder, returns how many plan files it holds. */
function addPath(walk: Walk, p: string): number | undefined {
    let stat: fs.Stats;
    try {
        stat = fs.statSync(p);
    } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'ELOOP') throw new UsageError(`${p} is a symbolic link that loops`);
        if (isDanglingLink(p)) throw new UsageError(`${p} is a symbolic link to a missing file`);
        throw new UsageError(`no such file or folder: ${p}`);
    }
    if (stat.isDirectory()) return walkFolder(walk, p);
    if (!stat.isFile()) throw new UsageError(`${p} is not a regular file (a plan is a ${planExtension} file or a folder of them)`);
    if (!p.endsWith(planExtension)) throw new UsageError(`${p} is not a plan file: plan files end in ${planExtension}`);
    addFile(walk, p);
    return undefined;
}

/** Adds the plan files under a folder; returns how many there are (seen before or not). */
function walkFolder(walk: Walk, dir: string): number {
    const real = realPath(dir);
    const seen = walk.folders.get(real);
    if (seen !== undefined) return seen; // a loop of links (its files count where the walk began), or a second way in
    walk.folders.set(real, 0);
    let count = 0;
    let entries: fs.Dirent[];
    try {
        entries = fs.readdirSync(dir, { withFileTypes: true });
    } catch (error) {
        throw new UsageError(`cannot read folder ${dir}: ${reason(error)}`);
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const entry of entries) {
        const full = path.join(dir, entry.name);
        const isPlan = entry.name.endsWith(planExtension);
        if (entry.isDirectory()) {
            if (!skippedFolders.has(entry.name)) count += walkFolder(walk, full);
        } else if (entry.isFile()) {
            if (isPlan) count += addFile(walk, full);
        } else if (entry.isSymbolicLink()) {
            count += followLink(walk, full, entry.name, isPlan);
        } else if (isPlan) {
            throw new UsageError(`${full} is not a regular file`);
        }
    }
    walk.folders.set(real, count);
    return count;
}

function followLink(walk: Walk, link: string, name: string, isPlan: boolean): number {
    let target: fs.Stats;
    try {
        target = fs.statSync(link);
    } catch (error) {
        // A broken link to something that is not named as a plan is not the plan's business.
        if (!isPlan) return 0;
        throw new UsageError((error as NodeJS.ErrnoException).code === 'ELOOP'
            ? `${link} is a symbolic link that loops`
            : `${link} is a symbolic link to a missing file`);
    }
    if (target.isDirectory()) return skippedFolders.has(name) ? 0 : walkFolder(walk, link);
    if (!isPlan) return 0;
    if (!target.isFile()) throw new UsageError(`${link} is not a regular file`);
    return addFile(walk, link);
}

function addFile(walk: Walk, file: string): number {
    const real = realPath(file);
    if (!walk.files.has(real)) walk.files.set(real, path.resolve(file));
    return 1;
}

function realPath(p: string): string {
    try {
        return fs.realpathSync(p);
    } catch {
        return path.resolve(p);
    }
}

function isDanglingLink(p: string): boolean {
    try {
        return fs.lstatSync(p).isSymbolicLink();
    } catch {
        return false;
    }
}

export function reason(error: unknown): string {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
    if (code === 'EISDIR') return 'it is a folder';
    return (error as Error).message ?? String(error);
}
