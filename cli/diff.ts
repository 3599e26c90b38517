// `trellis diff BASE HEAD` and `trellis diff --git REV [PATH...]`: what a plan change does to
// the plan, as a pull-request comment (Markdown) or JSON. Exit code 1 when HEAD introduces an
// error, so a pull request can be gated on it; 2 for bad usage or unreadable input.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { diffToMarkdown } from '../language/diff/diff-markdown.js';
import { diffPlans, introducesError } from '../language/diff/plan-diff.js';
import type { PlanText } from '../language/diff/plan-snapshot.js';
import { isIsoDay } from '../language/model/periods.js';
import { gitRange, planTextsAt, realFolder, toSlashes } from './diff-git.js';
import { findPlanFiles, readPlanFile, UsageError } from './workspace.js';

const formats = ['markdown', 'json'] as const;

export async function runDiff(args: string[]): Promise<number> {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            git: { type: 'string' },
            format: { type: 'string', default: 'markdown' },
            today: { type: 'string' },
        },
    });
    const format = values.format as typeof formats[number];
    if (!formats.includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}, not '${values.format}'`);
    if (values.today !== undefined && !isIsoDay(values.today)) throw new UsageError(`--today must be a date like 2027-03-15, not '${values.today}'`);

    const sides = values.git !== undefined ? gitSides(values.git, positionals) : folderSides(positionals);
    if (sides.base.texts.length === 0 && sides.head.texts.length === 0) {
        throw new UsageError(`no .trellis files in ${sides.base.label} or ${sides.head.label}`);
    }
    const diff = await diffPlans(sides.base.texts, sides.head.texts, { base: sides.base.label, head: sides.head.label }, values.today);
    process.stdout.write(format === 'json' ? JSON.stringify(diff, null, 2) + '\n' : diffToMarkdown(diff));
    return introducesError(diff) ? 1 : 0;
}

interface Side {
    readonly label: string;
    readonly texts: readonly PlanText[];
}

/** Two folders (or files): each side's files named relative to its own folder. */
function folderSides(positionals: readonly string[]): { base: Side; head: Side } {
    if (positionals.length !== 2) {
        throw new UsageError(`diff needs two folders, BASE and HEAD, or --git REV (got ${positionals.length === 0 ? 'none' : positionals.join(' ')})`);
    }
    const side = (p: string): Side => {
        const root = fs.existsSync(p) && fs.statSync(p).isFile() ? path.dirname(p) : p;
        return { label: p, texts: readTexts(findPlanFiles([p]), root) };
    };
    return { base: side(positionals[0]), head: side(positionals[1]) };
}

/** `--git REV`: REV against the working tree; `--git A..B`, `A...B`: see gitRange. Files named relative to here. */
function gitSides(revision: string, paths: readonly string[]): { base: Side; head: Side } {
    const cwd = process.cwd();
    const range = gitRange(cwd, revision);
    const base = { label: range.base.label, texts: planTextsAt(cwd, range.base.commit, paths) };
    const head = range.head
        ? { label: range.head.label, texts: planTextsAt(cwd, range.head.commit, paths) }
        : { label: 'working tree', texts: readTexts(findPlanFiles(paths.length > 0 ? paths : ['.']), cwd) };
    return { base, head };
}

function readTexts(files: readonly string[], root: string): PlanText[] {
    const from = realFolder(root);
    return files.map(file => ({ file: toSlashes(path.relative(from, realFolder(file))) || path.basename(file), text: readPlanFile(file) }));
}
