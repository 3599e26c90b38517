// Narrowing a node-and-edge view for plans too big to read whole: focus on one element with its
// neighbours a few hops up and down the chain (what it needs, what needs it), and team boxes
// collapsed into their team. Both work on the finished diagram, so every graph view gets them
// the same way, the preview and `trellis graph --focus NAME --depth N` alike.

import type { DiagramEdge, DiagramNode, GraphDiagram } from './diagram.js';
import { sortEdges } from './dependencies-view.js';

/** Hops up and down from the focused element when none is asked for. */
export const defaultFocusDepth = 2;

/**
 * The element and what lies within `depth` hops of it along the edges, following them
 * forwards (what it depends on, what it moves) and backwards (what depends on it), each
 * direction on its own, so a sibling's dependencies do not come along.
 */
export function focusDiagram(diagram: GraphDiagram, name: string, depth: number): GraphDiagram {
    const forward = new Map<string, string[]>();
    const backward = new Map<string, string[]>();
    for (const edge of diagram.edges) {
        push(forward, edge.from, edge.to);
        push(backward, edge.to, edge.from);
    }
    // A team's box holds the bets it owns: they are its neighbours too when ownership is the box.
    for (const node of diagram.nodes) {
        if (node.cluster !== undefined && node.cluster !== node.id) {
            push(forward, node.id, node.cluster);
            push(backward, node.cluster, node.id);
        }
    }
    const keep = new Set<string>([name]);
    for (const links of [forward, backward]) {
        let frontier = [name];
        for (let hop = 0; hop < depth && frontier.length > 0; hop++) {
            const next: string[] = [];
            for (const at of frontier) {
                for (const to of links.get(at) ?? []) {
                    if (!keep.has(to)) {
                        keep.add(to);
                        next.push(to);
                    }
                }
            }
            frontier = next;
        }
    }
    const nodes = diagram.nodes.filter(n => keep.has(n.id)).map(n => (n.id === name ? { ...n, tags: [...n.tags, 'focus'] } : n));
    const clusters = new Set(nodes.map(n => n.cluster).filter(c => c !== undefined));
    return {
        ...diagram,
        nodes,
        edges: diagram.edges.filter(e => keep.has(e.from) && keep.has(e.to)),
        clusters: diagram.clusters.filter(c => clusters.has(c.id)),
        focus: { name, depth, shown: nodes.length, total: diagram.nodes.length },
    };
}

/**
 * Each named team box drawn as its team alone: the bets inside are hidden, their edges go to
 * the team instead (once per other end and kind), and the team says how many it holds.
 */
export function collapseClusters(diagram: GraphDiagram, collapsed: readonly string[]): GraphDiagram {
    const closed = new Set(collapsed.filter(id => diagram.clusters.some(c => c.id === id)));
    if (closed.size === 0) return diagram;
    const into = new Map<string, string>();
    const hidden = new Map<string, number>();
    for (const node of diagram.nodes) {
        if (node.cluster !== undefined && closed.has(node.cluster) && node.id !== node.cluster) {
            into.set(node.id, node.cluster);
            hidden.set(node.cluster, (hidden.get(node.cluster) ?? 0) + 1);
        }
    }
    const nodes: DiagramNode[] = [];
    for (const node of diagram.nodes) {
        if (into.has(node.id)) continue;
        if (!closed.has(node.id)) {
            nodes.push(node);
            continue;
        }
        const count = hidden.get(node.id) ?? 0;
        nodes.push({ ...node, cluster: undefined, tags: [...node.tags, 'collapsed'], lines: [...node.lines, `${count} bet${count === 1 ? '' : 's'} inside, collapsed`] });
    }
    const edges: DiagramEdge[] = [];
    for (const edge of diagram.edges) {
        const from = into.get(edge.from) ?? edge.from, to = into.get(edge.to) ?? edge.to;
        if (from === to) continue;
        edges.push(from === edge.from && to === edge.to ? edge : { ...edge, from, to, label: undefined });
    }
    return { ...diagram, nodes, edges: sortEdges(edges), clusters: diagram.clusters.filter(c => !closed.has(c.id)) };
}

function push(map: Map<string, string[]>, key: string, value: string): void {
    const list = map.get(key);
    if (list) list.push(value);
    else map.set(key, [value]);
}
