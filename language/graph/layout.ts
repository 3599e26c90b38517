// Lays out the dependencies and metric views with Graphviz's `dot`, compiled to WebAssembly
// (@hpcc-js/wasm-graphviz): nothing to install, no Java, no system Graphviz, the same
// deterministic layout on every machine, and the best layered layout there is for DAGs of
// hundreds of nodes. We ask for positions only (`json` output) and draw the SVG ourselves,
// so every byte of markup and every escape is under our control.

import { Graphviz } from '@hpcc-js/wasm-graphviz';
import type { GraphDiagram } from './diagram.js';
import { graphDot } from './dot.js';

export interface Point { readonly x: number; readonly y: number }

export interface NodeBox {
    readonly id: string;
    /** Centre, in SVG coordinates (y down), points. */
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
}

export interface EdgePath {
    /** Index into the diagram's edges. */
    readonly index: number;
    /** Start point, then cubic Bézier control points in threes (or a polyline when not). */
    readonly points: readonly Point[];
    /** Where the arrowhead's tip sits, when Graphviz drew one. */
    readonly arrow?: Point;
    readonly label?: Point;
}

export interface ClusterBox {
    readonly id: string;
    readonly x: number;
    readonly y: number;
    readonly width: number;
    readonly height: number;
    readonly label?: Point;
}

export interface GraphLayout {
    readonly width: number;
    readonly height: number;
    readonly nodes: ReadonlyMap<string, NodeBox>;
    readonly edges: readonly EdgePath[];
    readonly clusters: readonly ClusterBox[];
}

let graphviz: Promise<Graphviz> | undefined;

function load(): Promise<Graphviz> {
    graphviz ??= Graphviz.load();
    return graphviz;
}

interface JsonObject {
    readonly name: string;
    readonly _gvid: number;
    readonly pos?: string;
    readonly width?: string;
    readonly height?: string;
    readonly bb?: string;
    readonly lp?: string;
    readonly nodes?: number[];
}

interface JsonEdge {
    readonly tail: number;
    readonly head: number;
    readonly pos?: string;
    readonly lp?: string;
    readonly id?: string;
}

interface JsonGraph {
    readonly bb: string;
    readonly objects?: JsonObject[];
    readonly edges?: JsonEdge[];
}

/**
 * The DOT that is laid out: the diagram's, and for the dependencies view passed through
 * Graphviz's `unflatten -l3 -f`, which staggers the many bets of a rank over up to three ranks
 * so the drawing is less of a tall column (on a 300-node plan 1:3.6 instead of 1:10.6, with no
 * more edges through unrelated team boxes; see docs/graph-layout-options.md). `trellis graph
 * --format dot` writes this same text, so `dot -Tsvg` draws what the SVG export shows.
 */
export async function layoutDot(diagram: GraphDiagram): Promise<string> {
    const dot = graphDot(diagram);
    if (diagram.view !== 'dependencies') return dot;
    const gv = await load();
    const comments = dot.split('\n').filter(line => line.startsWith('//'));
    return [...comments, gv.unflatten(dot, 3, true, 0)].join('\n');
}

/** Runs `dot` on the diagram and reads back where everything went. */
export async function layoutGraph(diagram: GraphDiagram): Promise<GraphLayout> {
    const gv = await load();
    const json = JSON.parse(gv.layout(await layoutDot(diagram), 'json', 'dot')) as JsonGraph;
    const [, , bbWidth, bbHeight] = numbers(json.bb);
    const flip = (x: number, y: number): Point => ({ x: round(x), y: round(bbHeight - y) });

    const nodes = new Map<string, NodeBox>();
    const clusters: ClusterBox[] = [];
    for (const object of json.objects ?? []) {
        if (object.bb !== undefined && object.name.startsWith('cluster_')) {
            const [x1, y1, x2, y2] = numbers(object.bb);
            const lp = object.lp !== undefined ? numbers(object.lp) : undefined;
            clusters.push({
                id: object.name.slice('cluster_'.length),
                x: round(x1), y: round(bbHeight - y2), width: round(x2 - x1), height: round(y2 - y1),
                label: lp ? flip(lp[0], lp[1]) : undefined,
            });
        } else if (object.pos !== undefined) {
            const [x, y] = numbers(object.pos);
            const c = flip(x, y);
            nodes.set(object.name, { id: object.name, x: c.x, y: c.y, width: round(Number(object.width) * 72), height: round(Number(object.height) * 72) });
        }
    }
    const edges: EdgePath[] = [];
    for (const edge of json.edges ?? []) {
        if (edge.pos === undefined || edge.id === undefined) continue;
        const index = Number(edge.id.slice(1));
        const points: Point[] = [];
        let arrow: Point | undefined;
        for (const part of edge.pos.split(/\s+/)) {
            if (part.startsWith('e,')) {
                const [x, y] = numbers(part.slice(2));
                arrow = flip(x, y);
            } else if (part.startsWith('s,')) {
                continue;
            } else if (part !== '') {
                const [x, y] = numbers(part);
                points.push(flip(x, y));
            }
        }
        const lp = edge.lp !== undefined ? numbers(edge.lp) : undefined;
        edges.push({ index, points, arrow, label: lp ? flip(lp[0], lp[1]) : undefined });
    }
    edges.sort((a, b) => a.index - b.index);
    return { width: round(bbWidth), height: round(bbHeight), nodes, edges, clusters: clusters.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)) };
}

function numbers(text: string): number[] {
    return text.split(',').map(Number);
}

function round(value: number): number {
    return Math.round(value * 10) / 10;
}
