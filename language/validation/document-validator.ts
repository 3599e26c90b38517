// Gives Langium's own diagnostics the spec's codes: lexing and parsing errors become
// `syntax-error`, unresolved cross-references `unresolved-reference`.

import {
    Cancellation, DefaultDocumentValidator, DocumentValidator,
    type AstNode, type LangiumDocument, type ValidationAcceptor, type ValidationCheck, type ValidationOptions,
} from 'langium';
import type { CancellationToken, Diagnostic } from 'vscode-languageserver';
import type { TrellisServices } from '../trellis-module.js';
import { showBidi } from '../graph/escape.js';
import { forEachNode } from '../workspace/syntax-walk.js';
import { IssueCodes } from '../model/codes.js';
import type { TrellisWorkspaceFindings } from './workspace-findings.js';

const langiumCodes: Record<string, string> = {
    [DocumentValidator.LexingError]: IssueCodes.SyntaxError,
    [DocumentValidator.ParsingError]: IssueCodes.SyntaxError,
    [DocumentValidator.LinkingError]: IssueCodes.UnresolvedReference,
};

export class TrellisDocumentValidator extends DefaultDocumentValidator {
    private readonly findings: TrellisWorkspaceFindings;
    /** How many of each document's diagnostics are its workspace findings (they follow Langium's own). */
    private readonly workspaceCounts = new WeakMap<LangiumDocument, number>();

    constructor(services: TrellisServices) {
        super(services);
        this.findings = services.validation.WorkspaceFindings;
    }

    override async validateDocument(document: LangiumDocument, options: ValidationOptions = {}, cancelToken?: CancellationToken): Promise<Diagnostic[]> {
        const diagnostics = await super.validateDocument(document, options, cancelToken);
        for (const diagnostic of diagnostics) {
            const data = diagnostic.data as { code?: string } | undefined;
            const code = data?.code !== undefined ? langiumCodes[data.code] : undefined;
            if (code) {
                diagnostic.code = code;
                if (code === IssueCodes.SyntaxError && typeof diagnostic.message === 'string') diagnostic.message = tidySyntaxMessage(diagnostic.message);
            }
        }
        if (!options.categories || options.categories.includes('fast')) {
            // Where the checks of the document's root used to emit them: after Langium's own diagnostics.
            const workspace = this.workspaceDiagnostics(document);
            diagnostics.splice(leadingBuiltIns(diagnostics), 0, ...workspace);
            this.workspaceCounts.set(document, workspace.length);
        }
        return diagnostics;
    }

    /**
     * Replaces a validated document's workspace findings with the current ones, keeping the rest
     * of its diagnostics: for a document whose own text, links, policy and today did not change
     * (re-running every check of a 7,000-element file took longer than the edit that caused it).
     * Returns false when the document's diagnostics do not have the expected shape.
     */
    refreshWorkspaceDiagnostics(document: LangiumDocument): boolean {
        const count = this.workspaceCounts.get(document);
        const diagnostics = document.diagnostics;
        if (count === undefined || !diagnostics) return false;
        const workspace = this.workspaceDiagnostics(document);
        diagnostics.splice(leadingBuiltIns(diagnostics), count, ...workspace);
        this.workspaceCounts.set(document, workspace.length);
        return true;
    }

    /** The workspace findings (computed once per build) that sit in this document, as diagnostics. */
    private workspaceDiagnostics(document: LangiumDocument): Diagnostic[] {
        return (this.findings.current.get(document.uri.toString()) ?? []).map(finding => this.toDiagnostic(finding.severity, finding.message, {
            node: finding.node, property: finding.property as never, index: finding.index, code: finding.code, data: { code: finding.code },
        }));
    }

    /**
     * Langium's loop, with the checks of each node type looked up once per document instead of
     * once per node, a synchronous check not awaited (see TrellisValidationRegistry), and a
     * chance to cancel every few hundred nodes rather than at each one (see syntax-walk).
     */
    protected override async validateAstNodes(rootNode: AstNode, options: ValidationOptions, acceptor: ValidationAcceptor, cancelToken: CancellationToken = Cancellation.CancellationToken.None): Promise<void> {
        const checksOf = new Map<string, ValidationCheck[]>();
        const checksFor = (node: AstNode) => {
            let checks = checksOf.get(node.$type);
            if (!checks) checksOf.set(node.$type, (checks = this.validationRegistry.getChecks(node.$type, options.categories).toArray()));
            return checks;
        };
        // Every node is validated (nothing here prunes the tree): walk it without a stream.
        await forEachNode(rootNode, cancelToken, node => {
            const checks = checksFor(node);
            for (let i = 0; i < checks.length; i++) {
                const result = checks[i](node, acceptor, cancelToken);
                if (result) return awaitRest(result, checks.slice(i + 1), node, acceptor, cancelToken);
            }
            return undefined;
        });
    }
}

/** An asynchronous check: await it, then the checks after it, in order. */
async function awaitRest(pending: PromiseLike<void>, rest: readonly ValidationCheck[], node: AstNode, acceptor: ValidationAcceptor, cancelToken: CancellationToken): Promise<void> {
    await pending;
    for (const check of rest) await check(node, acceptor, cancelToken);
}

/** How many diagnostics at the start come from Langium itself (lexing, parsing, linking). */
function leadingBuiltIns(diagnostics: readonly Diagnostic[]): number {
    let i = 0;
    const builtIn = (d: Diagnostic) => {
        const code = (d.data as { code?: string } | undefined)?.code;
        return code !== undefined && code in langiumCodes;
    };
    while (i < diagnostics.length && builtIn(diagnostics[i])) i++;
    return i;
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
    if (lexing) return `Unexpected character '${showBidi(lexing[1])}'`;
    const redundant = /^Expecting end of file but found `([\s\S]*)`\.$/.exec(message);
    if (redundant) return `Expecting the end of the file but found ${found(redundant[1])}.`;
    const other = /^([\s\S]*?but found:? )[`']([\s\S]*)[`']\.?$/.exec(message);
    if (other) return `${other[1].replace(/:? $/, ' ')}${found(other[2])}.`;
    return message;
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

/** Past this many characters, a token is quoted by its start: a 100,000-character name made a 100 KB message. */
const quotedTokenLength = 40;

function found(image: string): string {
    if (image === '') return 'the end of the file';
    if (image.length <= quotedTokenLength) return `\`${showBidi(image)}\``;
    const start = Array.from(image.slice(0, quotedTokenLength)).slice(0, quotedTokenLength - 1).join('');
    return `\`${showBidi(start)}…\` (${image.length.toLocaleString('en-US')} characters)`;
}
