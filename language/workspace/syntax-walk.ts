// Walking a syntax tree in Langium's order (`AstUtils.streamAst`, `AstUtils.streamReferences`)
// without its streams. Linking, indexing and validation each walk every node of every file and
// used to wait for the event loop at each one: at 50k elements, a million nodes a pass. Here a
// pass collects the nodes in one go and gives the event loop a turn every few hundred.

import { interruptAndCheck, isAstNode, isMultiReference, isReference, type AstNode, type ReferenceInfo } from 'langium';
import type { CancellationToken } from 'vscode-languageserver';

/** Every node under `root` (itself first), depth first, in the order of `AstUtils.streamAst`. */
export function allNodes(root: AstNode): AstNode[] {
    const nodes: AstNode[] = [];
    const visit = (node: AstNode) => {
        nodes.push(node);
        for (const property of Object.keys(node)) {
            if (property.startsWith('$')) continue;
            const value = (node as unknown as Record<string, unknown>)[property];
            if (isAstNode(value)) visit(value);
            else if (Array.isArray(value)) for (const element of value) if (isAstNode(element)) visit(element);
        }
    };
    visit(root);
    return nodes;
}

/** The references of one node, in the order of `AstUtils.streamReferences`. */
export function referencesOf(node: AstNode, each: (info: ReferenceInfo) => void): void {
    for (const property of Object.keys(node)) {
        if (property.startsWith('$')) continue;
        const value = (node as unknown as Record<string, unknown>)[property];
        if (isReference(value) || isMultiReference(value)) {
            each({ reference: value, container: node, property });
        } else if (Array.isArray(value)) {
            value.forEach((element, index) => {
                if (isReference(element) || isMultiReference(element)) each({ reference: element, container: node, property, index });
            });
        }
    }
}

/** Visits every node under `root`, letting the event loop (and a cancellation) in every 256 nodes. */
export async function forEachNode(root: AstNode, cancelToken: CancellationToken, visit: (node: AstNode) => void | PromiseLike<void>): Promise<void> {
    const nodes = allNodes(root);
    for (let i = 0; i < nodes.length; i++) {
        if ((i & 255) === 0) await interruptAndCheck(cancelToken);
        const result = visit(nodes[i]);
        if (result) await result;
    }
}
