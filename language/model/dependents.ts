// Who depends on an element, directly or through a chain, read from one compact graph
// instead of a set per element. A plan where each bet depends on the one before has as many
// dependents in total as the square of its size (40k bets: 800 million), so they are never
// materialised: the workspace check only needs to know whether a radius passes
// `max-blast-radius` (it counts up to a bound and stops, see `boundedBets`), and the exact
// figure and list are needed for one element at a time (hover, impact mode, the drawing),
// where one walk of the graph is cheap.

export interface BoundedBets {
    /** How many bets were found: all of them when `complete`, else one more than the bound. */
    readonly count: number;
    /** Whether these are all of them; otherwise there are more than the bound. */
    readonly complete: boolean;
    /** The first few of the bets found, in name order. */
    readonly first: readonly string[];
}

export class DependentsGraph {
    private readonly names: string[] = [];
    private readonly ids = new Map<string, number>();
    /** Dependents of node `i` are `edges[start[i] .. start[i + 1]]`. */
    private readonly start: Int32Array;
    private readonly edges: Int32Array;
    private readonly bet: Uint8Array;
    /** Visit marks, one per node: a walk marks with its own number, so no clearing between walks. */
    private readonly marks: Int32Array;
    private walks = 0;
    private readonly queue: Int32Array;
    /** Each node's position in name order, and the node at each position: built on first use. */
    private rank?: Int32Array;
    private byRank?: Int32Array;

    /**
     * @param dependents the direct dependents of each name (bets and teams), in the order they are walked
     * @param isBet whether a dependent is a bet (else a team: walked through, not counted)
     */
    constructor(dependents: ReadonlyMap<string, readonly string[]>, isBet: (name: string) => boolean) {
        let edgeCount = 0;
        for (const [target, list] of dependents) {
            this.idOf(target);
            for (const d of list) this.idOf(d);
            edgeCount += list.length;
        }
        const n = this.names.length;
        this.start = new Int32Array(n + 1);
        this.edges = new Int32Array(edgeCount);
        let at = 0;
        for (let i = 0; i < n; i++) {
            this.start[i] = at;
            for (const d of dependents.get(this.names[i]) ?? []) this.edges[at++] = this.ids.get(d)!;
        }
        this.start[n] = at;
        this.bet = new Uint8Array(n);
        for (let i = 0; i < n; i++) if (isBet(this.names[i])) this.bet[i] = 1;
        this.marks = new Int32Array(n);
        this.queue = new Int32Array(n);
    }

    /** Everything that depends on `name`, directly or through a chain, never itself. */
    all(name: string): Set<string> {
        const result = new Set<string>();
        this.walk(name, id => {
            result.add(this.names[id]);
            return true;
        });
        return result;
    }

    /** How many bets depend on `name`, directly or through a chain. */
    betCount(name: string): number {
        let count = 0;
        this.walk(name, id => {
            count += this.bet[id];
            return true;
        });
        return count;
    }

    /**
     * The bets that depend on `name`, counted nearest first until more than `bound` are found
     * (a cost of about `bound` steps per element, whatever the plan's chains), and the first
     * `named` of those counted in name order. This runs for every element in every check, so
     * it is one loop over numbers: names are compared by their rank in name order.
     */
    boundedBets(name: string, bound: number, named: number): BoundedBets {
        const from = this.ids.get(name);
        if (from === undefined) return { count: 0, complete: true, first: [] };
        const rank = this.ranks();
        const mark = ++this.walks;
        const { marks, queue, start, edges, bet } = this;
        const first: number[] = []; // ranks, ascending
        let count = 0, complete = true;
        marks[from] = mark;
        let head = 0, tail = 0;
        queue[tail++] = from;
        walk: while (head < tail) {
            const node = queue[head++];
            for (let e = start[node], end = start[node + 1]; e < end; e++) {
                const next = edges[e];
                if (marks[next] === mark) continue;
                marks[next] = mark;
                queue[tail++] = next;
                if (!bet[next]) continue;
                count++;
                const r = rank[next];
                if (first.length < named || r < first[named - 1]) {
                    let at = first.length < named ? first.length : named - 1;
                    while (at > 0 && first[at - 1] > r) at--;
                    first.splice(at, 0, r);
                    if (first.length > named) first.pop();
                }
                if (count > bound) {
                    complete = false;
                    break walk;
                }
            }
        }
        const byRank = this.byRank!;
        return { count, complete, first: first.map(r => this.names[byRank[r]]) };
    }

    /** Each node's position in name order (as `Array.prototype.sort` orders strings), computed once. */
    private ranks(): Int32Array {
        if (!this.rank) {
            const order = this.names.map((_, i) => i).sort((a, b) => (this.names[a] < this.names[b] ? -1 : this.names[a] > this.names[b] ? 1 : 0));
            this.rank = new Int32Array(order.length);
            order.forEach((id, r) => { this.rank![id] = r; });
            this.byRank = Int32Array.from(order);
        }
        return this.rank;
    }

    /**
     * Breadth-first over the dependents of `name` (direct ones in their order first), calling
     * `visit` once for each; returns false when `visit` stopped the walk before its end.
     */
    private walk(name: string, visit: (id: number) => boolean): boolean {
        const from = this.ids.get(name);
        if (from === undefined) return true;
        const mark = ++this.walks;
        const { marks, queue, start, edges } = this;
        marks[from] = mark; // never itself, even on a loop through it
        let head = 0, tail = 0;
        queue[tail++] = from;
        while (head < tail) {
            const node = queue[head++];
            for (let e = start[node], end = start[node + 1]; e < end; e++) {
                const next = edges[e];
                if (marks[next] === mark) continue;
                marks[next] = mark;
                queue[tail++] = next;
                if (!visit(next)) return false;
            }
        }
        return true;
    }

    private idOf(name: string): number {
        let id = this.ids.get(name);
        if (id === undefined) {
            id = this.names.length;
            this.names.push(name);
            this.ids.set(name, id);
        }
        return id;
    }
}
