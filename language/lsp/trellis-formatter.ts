// Formatting: elements start at the margin with the author's blank lines kept (at most one),
// one property per line indented two spaces, one space between words, `60%` and `a, b`
// written tight. A block with at most one property written on one line stays on one line
// (`pillar growth "Grow" { target 40% }`). Only whitespace between tokens changes, so
// comments stay and the meaning cannot change; Langium leaves files with syntax errors be.
// Before a comment on its own line, blank lines are capped at one and trailing blanks go.

import { isCompositeCstNode, type AstNode, type CstNode } from 'langium';
import { AbstractFormatter, Formatting, type FormattingAction, type FormattingContext } from 'langium/lsp';
import type { TextEdit } from 'vscode-languageserver';
import { isElement, isPlan, isQuantity, type Element } from '../generated/ast.js';

export class TrellisFormatter extends AbstractFormatter {
    protected override format(node: AstNode): void {
        const f = this.getNodeFormatter(node);
        if (isPlan(node)) {
            const first = node.elements[0];
            if (first) {
                // After a header comment the first element keeps at most one blank line too.
                const header = first.$cstNode && first.$cstNode.root.fullText.slice(0, first.$cstNode.offset).trim() !== '';
                f.node(first).prepend(header ? Formatting.fit(Formatting.newLine(), Formatting.newLines(2)) : Formatting.noIndent());
            }
            f.nodes(...node.elements.slice(1)).prepend(Formatting.fit(Formatting.newLine(), Formatting.newLines(2)));
        } else if (isElement(node)) {
            for (const word of laterWords(node.$cstNode)) f.cst([word]).prepend(Formatting.oneSpace());
            const open = f.keyword('{');
            const close = f.keyword('}');
            if (!isOneLiner(node)) {
                f.interior(open, close).prepend(Formatting.indent());
                close.prepend(Formatting.newLine());
            }
        } else if (isQuantity(node)) {
            f.keyword('%').prepend(Formatting.noSpace());
        } else {
            // Properties, allocations, metric changes: words one space apart, lists as `a, b`.
            for (const word of laterWords(node.$cstNode)) {
                if (word.text !== ',') f.cst([word]).prepend(Formatting.oneSpace());
            }
            f.keywords(',').prepend(Formatting.noSpace());
        }
    }

    /**
     * Langium re-indents a comment on its own line but leaves the whitespace before it as
     * it was: blanks at the end of the line above and any number of blank lines. Tidy that
     * gap like the others: no trailing blanks, at most one blank line.
     */
    protected override createHiddenTextEdits(previous: CstNode | undefined, hidden: CstNode, formatting: FormattingAction | undefined, context: FormattingContext): TextEdit[] {
        const edits = super.createHiddenTextEdits(previous, hidden, formatting, context);
        if (!previous || previous.range.end.line === hidden.range.start.line) return edits;
        const gap = { start: previous.range.end, end: { line: hidden.range.start.line, character: 0 } };
        const newLines = Math.min(hidden.range.start.line - previous.range.end.line, 2);
        return [{ range: gap, newText: '\n'.repeat(newLines) }, ...edits];
    }
}

/** The tokens and sub-rules of a node after its first (its keyword). */
function laterWords(cst: CstNode | undefined): CstNode[] {
    // A rule reached through another (Property -> DrivesProperty) wraps its tokens in one more node.
    while (cst && isCompositeCstNode(cst)) {
        const visible = cst.content.filter(c => !c.hidden);
        if (visible.length !== 1 || !isCompositeCstNode(visible[0]) || visible[0].astNode !== cst.astNode) {
            return visible.slice(1);
        }
        cst = visible[0];
    }
    return [];
}

/** A block written on one line with at most one property stays on one line. */
function isOneLiner(element: Element): boolean {
    const cst = element.$cstNode;
    return element.properties.length <= 1 && cst !== undefined && cst.range.start.line === cst.range.end.line;
}
