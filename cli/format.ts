// `trellis format [PATH...] [--check]`: the editor's formatter (language/lsp/trellis-formatter.ts)
// over plan files. Rewrites files in place and names the ones it changed; `--check` writes
// nothing and names the files that would change. A file with syntax errors is left as it is
// and named on stderr. Exit code 1 when `--check` finds a file to change or a file could not
// be formatted; line endings (LF or CRLF) and a BOM are kept as they were.

import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { EmptyFileSystem, TextDocument, URI } from 'langium';
import { createTrellisServices } from '../language/trellis-module.js';
import { displayPath, findPlanFiles, readPlanFile, UsageError } from './workspace.js';

export async function runFormat(args: string[]): Promise<number> {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { check: { type: 'boolean', default: false } },
    });
    const files = findPlanFiles(positionals.length > 0 ? positionals : ['.']);
    if (files.length === 0) throw new UsageError(`no .trellis files in ${positionals.length > 0 ? positionals.join(', ') : 'the current folder'}`);

    const { Trellis } = createTrellisServices(EmptyFileSystem);
    let failed = false;
    const changed: string[] = [];
    for (const file of files) {
        const original = readPlanFile(file);
        const result = await formatPlanText(Trellis, original, URI.file(file));
        if (typeof result !== 'string') {
            process.stderr.write(`trellis: ${displayPath(file)}:${result.line}: not formatted, it has syntax errors (${result.message})\n`);
            failed = true;
            continue;
        }
        if (result === original) continue;
        changed.push(displayPath(file));
        if (!values.check) writeKeepingBom(file, result);
    }
    for (const file of changed) process.stdout.write(`${file}\n`);
    if (values.check && changed.length > 0) {
        process.stderr.write(`trellis: ${changed.length} file${changed.length === 1 ? '' : 's'} not formatted; run 'trellis format' to fix\n`);
        return 1;
    }
    return failed ? 1 : 0;
}

/** The formatted text, or where the first syntax error is (the text is then not touched). */
export async function formatPlanText(
    services: ReturnType<typeof createTrellisServices>['Trellis'], text: string, uri: URI,
): Promise<string | { line: number; message: string }> {
    const doc = services.shared.workspace.LangiumDocumentFactory.fromString(text, uri);
    const { lexerErrors, parserErrors } = doc.parseResult;
    if (lexerErrors.length > 0) return { line: lexerErrors[0].line ?? 1, message: oneLine(lexerErrors[0].message) };
    if (parserErrors.length > 0) {
        const token = parserErrors[0].token;
        return { line: Number.isFinite(token.startLine) ? token.startLine! : doc.textDocument.lineCount, message: oneLine(parserErrors[0].message) };
    }
    const crlf = text.includes('\r\n');
    const edits = await services.lsp.Formatter!.formatDocument(doc, {
        textDocument: { uri: uri.toString() }, options: { tabSize: 2, insertSpaces: true },
    });
    const formatted = TextDocument.applyEdits(doc.textDocument, edits);
    // The formatter writes LF in the gaps it rewrites; a CRLF file stays CRLF throughout.
    return crlf ? formatted.replace(/\r?\n/g, '\r\n') : formatted;
}

function writeKeepingBom(file: string, text: string): void {
    const bom = fs.readFileSync(file).subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf]));
    try {
        fs.writeFileSync(file, (bom ? '\uFEFF' : '') + text);
    } catch (error) {
        throw new UsageError(`cannot write ${displayPath(file)}: ${(error as Error).message}`);
    }
}

function oneLine(message: string): string {
    return message.trim().replace(/\s*\r?\n\s*/g, ' ').slice(0, 200);
}
