// Formatting: one layout for every plan, idempotent, every comment kept, and never a change
// of meaning: the formatted plan has the same plan model and the same findings as the
// original. Checked on small cases, on a messy fixture, and on every plan under examples/
// (as written, and after mangling its whitespace).

import { EmptyFileSystem, TextDocument } from 'langium';
import { expectFormatting } from 'langium/test';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from 'vitest';
import { createTrellisServices } from '../../language/trellis-module.js';
import { buildWorkspace, type TestWorkspace } from '../helpers.js';
import { planFacts } from './plan-facts.js';

const services = createTrellisServices(EmptyFileSystem).Trellis;
const format = expectFormatting(services);
const options = { tabSize: 2, insertSpaces: true };

describe('layout', () => {
    test('one property per line, indented; one space between words; 60% and a, b tight', async () => {
        await format({
            before: 'bet   x "X"{owner t   60 %\n      support a 10 % ,b 20%   during 2027-Q1   ..2027-Q2}',
            after: 'bet x "X" {\n  owner t 60%\n  support a 10%, b 20%\n  during 2027-Q1 .. 2027-Q2\n}',
            options, disposeAfterCheck: true,
        });
    });

    test('elements start at the margin; runs of blank lines between them become one', async () => {
        await format({
            before: '   team a { capacity 3 }\n\n\n\n      team b { capacity 4 }\nteam c { capacity 5 }',
            after: 'team a { capacity 3 }\n\nteam b { capacity 4 }\nteam c { capacity 5 }',
            options, disposeAfterCheck: true,
        });
    });

    test('a one-line block with one property stays on one line; with more it opens up', async () => {
        await format({
            before: 'pillar growth "Grow" {   target 40% }\nteam t { capacity 3 type platform }',
            after: 'pillar growth "Grow" { target 40% }\nteam t {\n  capacity 3\n  type platform\n}',
            options, disposeAfterCheck: true,
        });
    });

    test('the indent follows the editor\'s tab size and tabs setting', async () => {
        await format({ before: 'team t {\ncapacity 3\n}', after: 'team t {\n    capacity 3\n}', options: { tabSize: 4, insertSpaces: true }, disposeAfterCheck: true });
        await format({ before: 'team t {\ncapacity 3\n}', after: 'team t {\n\tcapacity 3\n}', options: { tabSize: 4, insertSpaces: false }, disposeAfterCheck: true });
    });

    test('comments stay where they are: re-indented with their block, trailing ones on their line', async () => {
        await format({
            before: 'team t {\n      // who they are\ncapacity 3      // people\n    /* block\n       comment */\n}',
            after: 'team t {\n  // who they are\n  capacity 3      // people\n  /* block\n     comment */\n}',
            options, disposeAfterCheck: true,
        });
    });

    test('before a comment: no trailing blanks, at most one blank line', async () => {
        await format({
            before: 'team a { capacity 3 }   \n\n\n\n// b is new\nteam b { capacity 4 }\n',
            after: 'team a { capacity 3 }\n\n// b is new\nteam b { capacity 4 }\n',
            options, disposeAfterCheck: true,
        });
    });

    test('a file with a syntax error is left as it is', async () => {
        const before = 'team   t {\n      capacity 3\n}\nbet {{ owner\n';
        await format({ before, after: before, options, disposeAfterCheck: true });
    });
});

const fixtures = path.join(path.dirname(fileURLToPath(import.meta.url)), 'fixtures/formatting');
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('a messy plan', () => {
    test('is put straight, exactly', async () => {
        const ws = await buildWorkspace(readFolder(fixtures));
        expect(await formatted(ws, 'messy.trellis')).toBe(fs.readFileSync(path.join(fixtures, 'messy.formatted'), 'utf8'));
    });
});

/**
 * Each folder of plans is one workspace. `examples/` is where real-looking plans live (more
 * arrive as they are written); the fixture folder adds the awkward cases.
 */
const workspaces = [...planFolders(path.join(repoRoot, 'examples')), fixtures];

describe.each(workspaces.map(dir => [path.relative(repoRoot, dir), dir]))('%s', (_name, dir) => {
    const files = readFolder(dir);

    test('formatting keeps the meaning: same plan model, same findings, no new syntax errors', async () => {
        const original = await buildWorkspace(files);
        const result = await formatAll(original);
        const after = await buildWorkspace(result);
        for (const file of Object.keys(files)) {
            if (syntaxErrors(original, file) === 0) expect(syntaxErrors(after, file), `${file} after formatting`).toBe(0);
        }
        expect(planFacts(after)).toEqual(planFacts(original));
    });

    test('formatting twice gives what formatting once gives', async () => {
        const once = await formatAll(await buildWorkspace(files));
        const twice = await formatAll(await buildWorkspace(once));
        expect(twice).toEqual(once);
    });

    test('every comment is kept, word for word and in order', async () => {
        const result = await formatAll(await buildWorkspace(files));
        for (const [file, text] of Object.entries(files)) {
            expect(comments(result[file]), file).toEqual(comments(text));
        }
    });

    test('the same plan with its whitespace mangled formats to the same text, with the same meaning', async () => {
        const original = await buildWorkspace(files);
        // Files with syntax errors are not formatted, so they are not mangled either.
        const mangled = Object.fromEntries(Object.entries(files).map(([file, text]) => [file, syntaxErrors(original, file) === 0 ? mangle(text) : text]));
        expect(mangled).not.toEqual(files);
        const fromMangled = await formatAll(await buildWorkspace(mangled));
        const fromOriginal = await formatAll(original);
        expect(fromMangled).toEqual(fromOriginal);
        expect(planFacts(await buildWorkspace(fromMangled))).toEqual(planFacts(original));
    });

    test('a file with a syntax error is left as it is', async () => {
        const ws = await buildWorkspace(files);
        const result = await formatAll(ws);
        for (const file of Object.keys(files)) {
            if (syntaxErrors(ws, file) > 0) expect(result[file], file).toBe(files[file]);
        }
    });
});

function planFolders(root: string): string[] {
    if (!fs.existsSync(root)) return [];
    const folders = new Set<string>();
    for (const entry of fs.readdirSync(root, { recursive: true, withFileTypes: true })) {
        if (entry.isFile() && entry.name.endsWith('.trellis')) folders.add(entry.parentPath);
    }
    return [...folders].sort();
}

function readFolder(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of fs.readdirSync(dir).sort()) {
        if (name.endsWith('.trellis')) files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
    }
    return files;
}

async function formatted(ws: TestWorkspace, file: string): Promise<string> {
    const doc = ws.documents.get(file)!;
    const edits = await ws.services.lsp.Formatter!.formatDocument(doc, { textDocument: { uri: doc.uri.toString() }, options });
    return TextDocument.applyEdits(doc.textDocument, edits);
}

async function formatAll(ws: TestWorkspace): Promise<Record<string, string>> {
    const result: Record<string, string> = {};
    for (const file of ws.documents.keys()) result[file] = await formatted(ws, file);
    return result;
}

function syntaxErrors(ws: TestWorkspace, file: string): number {
    return ws.withCode('syntax-error', file).length;
}

const lexer = services.parser.Lexer;

function comments(text: string): string[] {
    return lexer.tokenize(text).hidden.map(t => t.image);
}

/**
 * The same tokens with different whitespace between them: indents changed, blank lines
 * doubled, spaces widened, `60%` and `a,b` loosened. Newlines are never added or removed
 * (a `//` comment ends at its line), and the space before a comment on its line is kept.
 */
function mangle(text: string): string {
    const tokens = [...lexer.tokenize(text).tokens, ...lexer.tokenize(text).hidden].sort((a, b) => a.startOffset - b.startOffset);
    const indents = ['\t', '     ', '', ' '];
    const spaces = ['   ', ' \t ', ' '];
    let out = '';
    let end = 0;
    let previous: string | undefined;
    tokens.forEach((token, i) => {
        const gap = text.slice(end, token.startOffset);
        const lines = gap.split('\n').length - 1;
        const isComment = token.tokenType.name.endsWith('COMMENT');
        if (previous === undefined) {
            out += gap;
        } else if (lines > 0) {
            // Blanks at the end of a line, unless a `//` comment would swallow them.
            const trailing = previous === 'SL_COMMENT' ? '' : '  ';
            out += `${trailing}\n`.repeat(lines) + (lines > 1 ? '\n\n' : '') + indents[i % indents.length];
        } else {
            out += isComment ? gap : gap === '' ? ' ' : spaces[i % spaces.length];
        }
        out += token.image;
        end = token.startOffset + token.image.length;
        previous = token.tokenType.name;
    });
    return out + text.slice(end);
}
