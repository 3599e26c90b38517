// Keyboard and screen-reader access to the drawing: which elements are the diagram's nodes,
// their accessible names ("Bet guided-setup — Guided first-plan setup"), the nearest node in
// the direction of an arrow key, and the element most others depend on (where a large plan
// opens focused). DOM code only, on the SVG as the language server drew it.

import type { ElementChoice } from '../preview/messages.js';

/** The drawing's elements a reader moves between: graph nodes, capacity rows, pillar bars. */
export const nodeSelector = '.nodes .node[data-name], .row-head[data-name], .bar[data-name]';

const kindNames: Record<string, string> = { team: 'Team', bet: 'Bet', goal: 'Goal', metric: 'Metric', pillar: 'Pillar' };

export function navigableNodes(root: ParentNode): SVGGElement[] {
    return [...root.querySelectorAll<SVGGElement>(nodeSelector)];
}

/** Makes each node focusable and named for screen readers; the drawing's order is the Tab order. */
export function decorateNodes(root: ParentNode, elements: ReadonlyMap<string, ElementChoice>): void {
    for (const node of navigableNodes(root)) {
        const name = node.getAttribute('data-name') ?? '';
        const kind = node.getAttribute('data-kind') ?? '';
        node.setAttribute('tabindex', '0');
        node.setAttribute('role', 'button');
        node.setAttribute('aria-label', accessibleName(node, name, kind, elements.get(name)));
    }
    for (const label of root.querySelectorAll('.cluster[data-name] > .cluster-label')) {
        const team = label.parentElement?.getAttribute('data-name') ?? '';
        label.setAttribute('role', 'button');
        label.setAttribute('aria-label', `Collapse the box of team ${team}`);
        label.setAttribute('data-toggle', team);
    }
}

function accessibleName(node: Element, name: string, kind: string, element: ElementChoice | undefined): string {
    const parts = [`${kindNames[kind] ?? kind} ${name}${element?.title !== undefined ? ` — ${element.title}` : ''}`];
    const classes = node.classList;
    if (classes.contains('north-star')) parts.push('north star');
    if (classes.contains('focus')) parts.push('focused');
    if (classes.contains('collapsed')) parts.push('team box collapsed');
    if (classes.contains('severity-error')) parts.push('has errors');
    else if (classes.contains('severity-warning')) parts.push('has warnings');
    return parts.join(', ');
}

export type Direction = 'left' | 'right' | 'up' | 'down';

/**
 * The node nearest to `from` in a direction: among those whose centre lies that way, the one
 * with the smallest distance, sideways offsets counting double so that "right" stays on a row.
 */
export function nearestInDirection(from: Element, nodes: readonly Element[], direction: Direction): Element | undefined {
    const centre = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { x: r.left + r.width / 2, y: r.top + r.height / 2 };
    };
    const origin = centre(from);
    let best: Element | undefined;
    let bestScore = Infinity;
    for (const node of nodes) {
        if (node === from) continue;
        const c = centre(node);
        const dx = c.x - origin.x, dy = c.y - origin.y;
        const along = direction === 'right' ? dx : direction === 'left' ? -dx : direction === 'down' ? dy : -dy;
        const across = direction === 'right' || direction === 'left' ? Math.abs(dy) : Math.abs(dx);
        if (along <= 1) continue;
        const score = along + 2 * across;
        if (score < bestScore) {
            bestScore = score;
            best = node;
        }
    }
    return best;
}

/**
 * The element with the largest blast radius in a drawn dependencies view: the most bets that
 * depend on it, directly or through a chain of depends-on arrows; the first node when none has any.
 */
export function mostDependedOn(root: ParentNode): string | undefined {
    const kinds = new Map<string, string>();
    for (const node of root.querySelectorAll('.nodes .node[data-name]')) kinds.set(node.getAttribute('data-name')!, node.getAttribute('data-kind') ?? '');
    const dependents = new Map<string, string[]>();
    for (const edge of root.querySelectorAll('.edge.depends-on[data-from][data-to]')) {
        const to = edge.getAttribute('data-to')!;
        const list = dependents.get(to) ?? [];
        list.push(edge.getAttribute('data-from')!);
        dependents.set(to, list);
    }
    let best: string | undefined;
    let bestCount = 0;
    for (const name of kinds.keys()) {
        const seen = new Set<string>();
        const stack = [name];
        while (stack.length > 0) {
            for (const d of dependents.get(stack.pop()!) ?? []) {
                if (!seen.has(d) && d !== name) {
                    seen.add(d);
                    stack.push(d);
                }
            }
        }
        const count = [...seen].filter(d => kinds.get(d) === 'bet').length;
        if (count > bestCount) {
            bestCount = count;
            best = name;
        }
    }
    return best ?? kinds.keys().next().value;
}
