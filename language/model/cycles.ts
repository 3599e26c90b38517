// Loops in a directed graph of names, for `depends-on` and `drives`: pure functions of the
// nodes and an edge function, so they can be tested on their own. (Counting what depends on
// an element, the other graph question the model answers, is in dependents.ts.)

/**
 * Strongly connected components (Tarjan, iterative) with more than one member; for each
 * member, one closed loop through it (`a, b, c, a`) found by a search inside its component.
 */
export function findCycles(nodes: readonly string[], edges: (node: string) => readonly string[]): Map<string, string[]> {
    // This runs on every bet and team after every change, and loops are rare: first a plain
    // search for one, in the order given; only when there is one, the search below, which
    // starts from names in sorted order so loops always read the same.
    if (!hasLoop(nodes, edges)) return new Map();
    const names = [...new Set(nodes)].sort();
    const ids = new Map<string, number>();
    const idOf = (name: string): number => {
        let id = ids.get(name);
        if (id === undefined) {
            id = names.length;
            names.push(name); // an edge to a name outside `nodes` is searched too, as before
            ids.set(name, id);
        }
        return id;
    };
    names.forEach((name, i) => ids.set(name, i));
    let index = new Int32Array(names.length).fill(-1);
    let low = new Int32Array(names.length);
    let onStack = new Uint8Array(names.length);
    const grow = () => {
        if (index.length >= names.length) return;
        const size = names.length * 2;
        const i2 = new Int32Array(size).fill(-1), l2 = new Int32Array(size), s2 = new Uint8Array(size);
        i2.set(index);
        l2.set(low);
        s2.set(onStack);
        [index, low, onStack] = [i2, l2, s2];
    };
    const stack: number[] = [];
    const result = new Map<string, string[]>();
    let counter = 0;
    const work: number[] = [];      // node of each frame
    const next: number[] = [];      // next successor to look at, per frame
    const succs: number[][] = [];   // successors, per frame

    const visit = (node: number) => {
        index[node] = low[node] = counter++;
        stack.push(node);
        onStack[node] = 1;
        work.push(node);
        next.push(0);
        succs.push(edges(names[node]).map(idOf));
        grow();
    };
    const starts = names.length;
    for (let start = 0; start < starts; start++) {
        if (index[start] >= 0) continue;
        visit(start);
        while (work.length > 0) {
            const top = work.length - 1;
            const node = work[top];
            const successors = succs[top];
            if (next[top] < successors.length) {
                const succ = successors[next[top]++];
                if (index[succ] < 0) visit(succ);
                else if (onStack[succ]) low[node] = Math.min(low[node], index[succ]);
                continue;
            }
            work.pop();
            next.pop();
            succs.pop();
            if (work.length > 0) {
                const parent = work[work.length - 1];
                low[parent] = Math.min(low[parent], low[node]);
            }
            if (low[node] === index[node]) {
                const component: string[] = [];
                let member: number;
                do {
                    member = stack.pop()!;
                    onStack[member] = 0;
                    component.push(names[member]);
                } while (member !== node);
                if (component.length > 1) {
                    const members = new Set(component);
                    const loop = loopThrough([...component].sort()[0], members, edges);
                    for (const m of component) result.set(m, rotate(loop, m) ?? loopThrough(m, members, edges));
                }
            }
        }
    }
    return result;
}

/** Whether following edges from these nodes ever comes back to a node on the way (a loop of two or more). */
export function hasLoop(nodes: readonly string[], edges: (node: string) => readonly string[]): boolean {
    const onPath = 1, done = 2;
    const state = new Map<string, number>();
    const path: string[] = [];
    const pending: Array<readonly string[]> = [];
    const positions: number[] = [];
    for (const start of nodes) {
        if (state.has(start)) continue;
        state.set(start, onPath);
        path.push(start);
        pending.push(edges(start));
        positions.push(0);
        while (path.length > 0) {
            const top = path.length - 1;
            const successors = pending[top];
            if (positions[top] < successors.length) {
                const succ = successors[positions[top]++];
                const seen = state.get(succ);
                if (seen === onPath) {
                    if (succ !== path[top]) return true; // a node's edge to itself is not a loop of two or more
                } else if (seen === undefined) {
                    state.set(succ, onPath);
                    path.push(succ);
                    pending.push(edges(succ));
                    positions.push(0);
                }
                continue;
            }
            state.set(path.pop()!, done);
            pending.pop();
            positions.pop();
        }
    }
    return false;
}

/** A shortest closed path from `start` back to itself inside `members` (breadth-first). */
function loopThrough(start: string, members: ReadonlySet<string>, edges: (node: string) => readonly string[]): string[] {
    const parent = new Map<string, string>();
    const queue = [start];
    for (let i = 0; i < queue.length; i++) {
        const node = queue[i];
        for (const succ of [...edges(node)].sort()) {
            if (!members.has(succ)) continue;
            if (succ === start) {
                const path = [start];
                for (let n: string | undefined = node; n !== undefined && n !== start; n = parent.get(n)) path.splice(1, 0, n);
                path.push(start);
                return path;
            }
            if (!parent.has(succ)) {
                parent.set(succ, node);
                queue.push(succ);
            }
        }
    }
    return [start, start];
}

/** The same closed loop, starting at `member`, if the loop passes through it. */
function rotate(loop: readonly string[], member: string): string[] | undefined {
    const open = loop.slice(0, -1);
    const at = open.indexOf(member);
    if (at < 0) return undefined;
    const rotated = [...open.slice(at), ...open.slice(0, at)];
    return [...rotated, member];
}

/** Each loop once (a loop is reported for each of its members). */
export function uniqueCycles(byMember: ReadonlyMap<string, string[]>): string[][] {
    const seen = new Set<string>();
    const result: string[][] = [];
    for (const loop of byMember.values()) {
        const key = [...loop.slice(0, -1)].sort().join('\u0000');
        if (seen.has(key)) continue;
        seen.add(key);
        result.push(loop);
    }
    return result;
}
