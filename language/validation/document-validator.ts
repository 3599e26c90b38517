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
    return message
        .replace(/token of type '(ID|Name)'/g, 'a name')
        .replace(/token of type 'STRING'/g, 'a quoted title or text')
        .replace(/token of type 'NUMBER'/g, 'a number')
        .replace(/token of type 'PERIOD'/g, 'a period (2027-Q1, 2027-03 or 2027-03-15)')
        .replace(/token of type 'EOF'/g, 'the end of the file');
}
