// The three output formats of `trellis check`: lines for people, JSON for scripts and SARIF
// 2.1.0 for code-scanning services. All three list the same diagnostics in the same order.

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import { codeInfo, type Severity } from '../language/model/codes.js';

export interface FileDiagnostic {
    readonly file: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
    readonly severity: Severity;
    readonly code: string;
    readonly message: string;
}

export interface Summary {
    readonly files: number;
    readonly errors: number;
    readonly warnings: number;
    readonly infos: number;
    readonly hints: number;
}

const severityNames: Record<number, Severity> = {
    [DiagnosticSeverity.Error]: 'error',
    [DiagnosticSeverity.Warning]: 'warning',
    [DiagnosticSeverity.Information]: 'info',
    [DiagnosticSeverity.Hint]: 'hint',
};

export function toFileDiagnostic(file: string, d: Diagnostic): FileDiagnostic {
    return {
        file,
        line: d.range.start.line + 1,
        column: d.range.start.character + 1,
        endLine: d.range.end.line + 1,
        endColumn: d.range.end.character + 1,
        severity: severityNames[d.severity ?? DiagnosticSeverity.Error],
        code: String(d.code ?? ''),
        message: typeof d.message === 'string' ? d.message : d.message.value,
    };
}

/** By file, line, column, then code and message, so output never depends on discovery order. */
export function sortDiagnostics(list: FileDiagnostic[]): FileDiagnostic[] {
    const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    return list.sort((a, b) => cmp(a.file, b.file) || a.line - b.line || a.column - b.column || cmp(a.code, b.code) || cmp(a.message, b.message));
}

export function summarize(files: number, list: readonly FileDiagnostic[]): Summary {
    const count = (s: Severity) => list.filter(d => d.severity === s).length;
    return { files, errors: count('error'), warnings: count('warning'), infos: count('info'), hints: count('hint') };
}

export function formatText(list: readonly FileDiagnostic[], summary: Summary): string {
    // One diagnostic per line, so `grep` and problem matchers can read it: a message that
    // spans lines (the parser's lists of expected tokens) is folded onto one.
    const lines = list.map(d => `${d.file}:${d.line}:${d.column} ${d.severity} ${d.code} ${d.message.replace(/\s*\r?\n\s*/g, ' ')}`);
    const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
    lines.push(`${plural(summary.files, 'file')} checked: ${plural(summary.errors, 'error')}, ${plural(summary.warnings, 'warning')}, ${plural(summary.infos, 'info')}, ${plural(summary.hints, 'hint')}`);
    return lines.join('\n') + '\n';
}

export function formatJson(list: readonly FileDiagnostic[], summary: Summary): string {
    return JSON.stringify({ diagnostics: list, summary }, null, 2) + '\n';
}

const sarifLevels: Record<Severity, string> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

export function formatSarif(list: readonly FileDiagnostic[], version: string): string {
    const rules = Object.entries(codeInfo).map(([id, info]) => ({
        id,
        name: id.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
        shortDescription: { text: info.summary },
        defaultConfiguration: { level: sarifLevels[info.severity] },
    }));
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const sarif = {
        $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
        version: '2.1.0',
        runs: [{
            tool: { driver: { name: 'trellis', version, semanticVersion: version, rules } },
            originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The folder trellis check ran in' } } },
            results: list.map(d => ({
                ruleId: d.code,
                ruleIndex: ruleIndex.get(d.code),
                level: sarifLevels[d.severity],
                message: { text: d.message },
                locations: [{
                    physicalLocation: {
                        artifactLocation: { uri: encodeURI(d.file), uriBaseId: '%SRCROOT%' },
                        region: { startLine: d.line, startColumn: d.column, endLine: d.endLine, endColumn: d.endColumn },
                    },
                }],
            })),
        }],
    };
    return JSON.stringify(sarif, null, 2) + '\n';
}
