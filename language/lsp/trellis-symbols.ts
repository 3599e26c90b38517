// Outline and workspace symbols by kind: each kind of element gets its own icon (the same
// mapping semantic tokens use for colour) and elements show their title beside the name.

import type { AstNode, AstNodeDescription, CstNode, LangiumDocument } from 'langium';
import { DefaultDocumentSymbolProvider, DefaultNodeKindProvider } from 'langium/lsp';
import { CompletionItemKind, SymbolKind, type DocumentSymbol } from 'vscode-languageserver';
import { isPlan } from '../generated/ast.js';

const symbolKinds: Readonly<Record<string, SymbolKind>> = {
    Team: SymbolKind.Class,
    Bet: SymbolKind.Function,
    Metric: SymbolKind.Variable,
    Goal: SymbolKind.Event,
    Pillar: SymbolKind.Namespace,
    Policy: SymbolKind.Module,
};

const completionKinds: Readonly<Record<string, CompletionItemKind>> = {
    Team: CompletionItemKind.Class,
    Bet: CompletionItemKind.Function,
    Metric: CompletionItemKind.Variable,
    Goal: CompletionItemKind.Event,
    Pillar: CompletionItemKind.Module,
};

export class TrellisNodeKindProvider extends DefaultNodeKindProvider {
    override getSymbolKind(node: AstNode | AstNodeDescription): SymbolKind {
        return symbolKinds[typeOf(node)] ?? super.getSymbolKind(node);
    }

    override getCompletionItemKind(node: AstNode | AstNodeDescription): CompletionItemKind {
        return completionKinds[typeOf(node)] ?? super.getCompletionItemKind(node);
    }
}

export class TrellisDocumentSymbolProvider extends DefaultDocumentSymbolProvider {
    protected override createSymbol(document: LangiumDocument, astNode: AstNode, cstNode: CstNode, nameNode: CstNode, computedName?: string): DocumentSymbol {
        const symbol = super.createSymbol(document, astNode, cstNode, nameNode, computedName);
        const title = (astNode as { title?: string }).title;
        return title ? { ...symbol, detail: title } : symbol;
    }

    /** Properties are not symbols: the outline lists elements only. */
    protected override getChildSymbols(document: LangiumDocument, astNode: AstNode): DocumentSymbol[] | undefined {
        return isPlan(astNode) ? super.getChildSymbols(document, astNode) : undefined;
    }
}

function typeOf(node: AstNode | AstNodeDescription): string {
    return '$type' in node ? node.$type : node.type;
}
