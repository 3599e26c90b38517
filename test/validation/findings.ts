// Reads a test workspace's diagnostics the way a user meets them: which file, which line,
// the text the squiggle covers, the severity (LSP numbers) and the message.

import { DiagnosticSeverity } from 'vscode-languageserver';
import { rangeText, type TestWorkspace } from '../helpers.js';

/** LSP severities: 1 error, 2 warning, 3 information, 4 hint. */
export const ERROR = DiagnosticSeverity.Error;
export const WARNING = DiagnosticSeverity.Warning;
export const INFO = DiagnosticSeverity.Information;
export const HINT = DiagnosticSeverity.Hint;

export interface Seen {
    readonly file: string;
    /** 1-based line of the start of the range. */
    readonly line: number;
    /** The text the diagnostic's range covers. */
    readonly at: string;
    readonly severity: DiagnosticSeverity | undefined;
    readonly message: string;
}

/** The diagnostics with a code, in file order (as given to buildWorkspace) then position. */
export function seen(ws: TestWorkspace, code: string, file?: string): Seen[] {
    const result: Array<Seen & { character: number; order: number }> = [];
    let order = 0;
    for (const [name, doc] of ws.documents) {
        order++;
        if (file !== undefined && name !== file) continue;
        for (const d of doc.diagnostics ?? []) {
            if (d.code !== code) continue;
            result.push({
                file: name, line: d.range.start.line + 1, at: rangeText(doc, d), severity: d.severity,
                message: typeof d.message === 'string' ? d.message : String(d.message),
                character: d.range.start.character, order,
            });
        }
    }
    result.sort((a, b) => a.order - b.order || a.line - b.line || a.character - b.character);
    return result.map(({ file: f, line, at, severity, message }) => ({ file: f, line, at, severity, message }));
}

/** The messages of the diagnostics with a code, in the order of `seen`. */
export function messages(ws: TestWorkspace, code: string, file?: string): string[] {
    return seen(ws, code, file).map(s => s.message);
}

/** Every code reported, sorted and without repeats: to show what else a plan triggers. */
export function codes(ws: TestWorkspace, file?: string): string[] {
    return [...new Set(ws.diagnostics(file).map(d => String(d.code)))].sort();
}
