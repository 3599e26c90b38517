// `trellis check [PATH...]`: checks plan files as one workspace and prints the findings.
// Exit code 0 without errors (and within --max-warnings), 1 otherwise.

import { parseArgs } from 'node:util';
import { displayPath, findPlanFiles, loadWorkspace, UsageError } from './workspace.js';
import { formatJson, formatSarif, formatText, sortDiagnostics, summarize, toFileDiagnostic } from './report-formats.js';

const formats = ['text', 'json', 'sarif'] as const;

export async function runCheck(args: string[], version: string): Promise<number> {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            format: { type: 'string', default: 'text' },
            today: { type: 'string' },
            'max-warnings': { type: 'string' },
        },
    });
    const format = values.format as typeof formats[number];
    if (!formats.includes(format)) throw new UsageError(`--format must be one of ${formats.join(', ')}, not '${values.format}'`);
    let maxWarnings: number | undefined;
    if (values['max-warnings'] !== undefined) {
        maxWarnings = /^\d+$/.test(values['max-warnings']) ? Number(values['max-warnings']) : NaN;
        if (!Number.isSafeInteger(maxWarnings)) throw new UsageError(`--max-warnings must be a whole number, not '${values['max-warnings']}'`);
    }

    const files = findPlanFiles(positionals.length > 0 ? positionals : ['.']);
    const { documents } = await loadWorkspace(files, values.today);
    const diagnostics = sortDiagnostics(documents.flatMap(doc => (doc.diagnostics ?? []).map(d => toFileDiagnostic(displayPath(doc.uri.fsPath), d))));
    const summary = summarize(files.length, diagnostics);

    const out = format === 'json' ? formatJson(diagnostics, summary)
        : format === 'sarif' ? formatSarif(diagnostics, version)
            : formatText(diagnostics, summary);
    process.stdout.write(out);

    if (summary.errors > 0) return 1;
    if (maxWarnings !== undefined && summary.warnings > maxWarnings) {
        if (format === 'text') process.stderr.write(`trellis: ${summary.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
        return 1;
    }
    return 0;
}
