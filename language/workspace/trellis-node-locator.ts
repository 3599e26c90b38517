// Paths to syntax nodes that name top-level elements by name (`/#platform/properties@2`)
// rather than by position (`/elements@7/properties@2`). Every reference in a plan points at
// a top-level element, so a reference's target path then survives edits that add, remove or
// move other elements in the target's file: after such an edit the files that refer into it
// need no relinking, only their references re-pointed at the new syntax nodes (see
// TrellisDocumentBuilder). An element whose name is empty, or taken by an earlier element of
// the same file, keeps its positional path.

import { DefaultAstNodeLocator, type AstNode } from 'langium';

const namePrefix = '#';

export class TrellisAstNodeLocator extends DefaultAstNodeLocator {
    /** The first top-level element of each name in a parsed file; a file's syntax tree never changes once parsed. */
    private readonly byRoot = new WeakMap<AstNode, Map<string, AstNode>>();

    override getAstNodePath(node: AstNode): string {
        if (!node.$container) return '';
        const segments: string[] = [];
        let element = node;
        while (element.$container?.$container) {
            segments.push(this.getPathSegment(element));
            element = element.$container;
        }
        segments.push(this.elementSegment(element));
        return this.segmentSeparator + segments.reverse().join(this.segmentSeparator);
    }

    override getAstNode<T extends AstNode = AstNode>(node: AstNode, path: string): T | undefined {
        const head = this.segmentSeparator + namePrefix;
        if (!path.startsWith(head)) return super.getAstNode<T>(node, path);
        const end = path.indexOf(this.segmentSeparator, head.length);
        const element = this.firstByName(node).get(path.slice(head.length, end < 0 ? undefined : end));
        if (!element) return undefined;
        return end < 0 ? element as T : super.getAstNode<T>(element, path.slice(end));
    }

    /** `#name` for the first element of its file with that name, else its position. */
    private elementSegment(element: AstNode): string {
        const name = (element as { name?: unknown }).name;
        const root = element.$container;
        if (typeof name === 'string' && name !== '' && root && this.firstByName(root).get(name) === element) return namePrefix + name;
        return this.getPathSegment(element);
    }

    private firstByName(root: AstNode): Map<string, AstNode> {
        let map = this.byRoot.get(root);
        if (!map) {
            map = new Map();
            const elements = (root as { elements?: unknown }).elements;
            for (const element of Array.isArray(elements) ? elements as AstNode[] : []) {
                const name = (element as { name?: unknown }).name;
                if (typeof name === 'string' && name !== '' && !map.has(name)) map.set(name, element);
            }
            this.byRoot.set(root, map);
        }
        return map;
    }
}
