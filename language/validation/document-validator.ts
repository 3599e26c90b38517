// Gives Langium's own diagnostics the spec's codes: lexing and parsing errors become
// `syntax-error`, unresolved cross-references `unresolved-reference`.

import { DefaultDocumentValidator, DocumentValidator, type LangiumDocument, type ValidationOptions } from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import { IssueCodes } from './codes.js';

const langiumCodes: Record<string, string> = {
    [DocumentValidator.LexingError]: IssueCodes.SyntaxError,
    [DocumentValidator.ParsingError]: IssueCodes.SyntaxError,
    [DocumentValidator.LinkingError]: IssueCodes.UnresolvedReference,
};

export class TrellisDocumentValidator extends DefaultDocumentValidator {
    override async validateDocument(document: LangiumDocument, options?: ValidationOptions, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const diagnostic of diagnostics) {
            const data = diagnostic.data as { code?: string } | undefined;
            const code = data?.code !== undefined ? langiumCodes[data.code] : undefined;
            if (code) {
                diagnostic.code = code;
                if (code === IssueCodes.SyntaxError && typeof diagnostic.message === 'string') diagnostic.message = tidySyntaxMessage(diagnostic.message);
            }
        }
        return diagnostics;
    }
}

/** Chevrotain says "Expecting token of type 'ID' but found `}`."; say it in the plan's words. */
function tidySyntaxMessage(message: string): string {
    const alternatives = /^Expecting: one of these possible Token sequences:\n([\s\S]*?)\nbut found: '([\s\S]*)'$/.exec(message);
    if (alternatives) {
        // Every keyword is also a name, so a place that wants a name lists all 35 of them: say "a name".
        const sequences = [...alternatives[1].matchAll(/^\s*\d+\. \[(.*)\]$/gm)].map(m => m[1]);
        const wantsName = sequences.includes('ID');
        const wanted = [...new Set(sequences
            .filter(seq => !(wantsName && /^[a-z][a-z-]*$/.test(seq)))
            .map(seq => seq.split(', ').map(tokenWords).join(' ')))];
        return `Expecting ${wanted.join(' or ')} but found ${found(alternatives[2])}.`;
    }
    const mismatch = /^Expecting token of type '(.+?)' but found `([\s\S]*)`\.$/.exec(message);
    if (mismatch) return `Expecting ${tokenWords(mismatch[1])} but found ${found(mismatch[2])}.`;
    const lexing = /^unexpected character: ->([\s\S]+?)<- at offset: \d+, skipped \d+ characters\.$/.exec(message);
    if (lexing) return `Unexpected character '${lexing[1]}'`;
    return message.replace(/but found `` ?\./, 'but found the end of the file.');
}

function tokenWords(token: string): string {
    switch (token) {
        case 'ID': case 'Name': return 'a name';
        case 'STRING': return 'a quoted title or text';
        case 'NUMBER': return 'a number';
        case 'PERIOD': return 'a period (2027-Q1, 2027-03 or 2027-03-15)';
        case 'EOF': return 'the end of the file';
        default: return `'${token}'`;
    }
}

function found(image: string): string {
    return image === '' ? 'the end of the file' : `\`${image}\``;
}
