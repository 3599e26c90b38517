// A plan diff as a pull-request comment a reviewer reads in ten seconds: one summary line,
// then the findings the change introduces, the load changes, pillar shares and blast radii,
// then the elements. Long lists fold into <details>; the whole stays under GitHub's 65,536
// characters, cutting lists (with a note of what was left out) when it would not.

import { isEmptyDiff, type ElementRef, type FindingEntry, type PlanDiff } from './plan-diff.js';

/** GitHub takes comments of up to 65,536 characters; the rest is room for a marker line (see docs/ci.md). */
export const maxCommentLength = 65_000;

/** Lists longer than this fold into <details>. */
const foldAfter = 8;

const icons: Record<string, string> = { error: '🛑', warning: '⚠️', info: 'ℹ️', hint: '💡' };

export function diffToMarkdown(diff: PlanDiff, max = maxCommentLength): string {
    if (isEmptyDiff(diff)) return `**Trellis** (${labels(diff)}): no change to the plan — same elements, loads, shares and findings.\n`;
    // Each try shows fewer items per list, until the comment fits.
    for (const limit of [Infinity, 200, 50, 20, 5, 1]) {
        const text = render(diff, limit);
        if (text.length <= max) return text;
    }
    const note = '\n\n_…cut here: the comment would be longer than GitHub allows; run `trellis diff --format json` for everything._\n';
    return render(diff, 1).slice(0, max - note.length) + note;
}

function render(diff: PlanDiff, limit: number): string {
    const parts = [`**Trellis** (${labels(diff)}): ${summaryLine(diff)}`];
    const { introduced, resolved, changed } = diff.findings;
    if (introduced.length > 0) parts.push(leadingSection(`Findings introduced (${introduced.length})`, introduced.map(findingLine), limit));
    if (changed.length > 0) {
        parts.push(section(`Findings changed (${changed.length})`, changed.map(c =>
            `- ${icons[c.severity] ?? ''} ${c.severity} ${code(c.code)}${c.element ? ` on ${code(c.element)}` : ''}: ${text(c.before)} → **${text(c.after)}**`), limit));
    }
    if (resolved.length > 0) parts.push(section(`Findings resolved (${resolved.length})`, resolved.map(findingLine), limit));
    if (diff.loads.length > 0) {
        parts.push(table(`Team loads (${plural(diff.loads.length, 'change')})`, ['Team', 'Quarter', 'Load', 'WIP'], diff.loads.map(l => [
            code(l.team), l.quarter, change(l.before, l.after, '%'), change(l.wipBefore, l.wipAfter, ''),
        ]), limit));
    }
    if (diff.pillars.length > 0) {
        parts.push(table('Pillar shares', ['Pillar', 'Target', 'Share'], diff.pillars.map(p => [
            code(p.pillar), p.target === null ? '—' : `${p.target}%`, change(p.before, p.after, '%'),
        ]), limit));
    }
    if (diff.blastRadius.length > 0) {
        parts.push(table('Blast radius', ['Element', 'Dependent bets'], diff.blastRadius.map(b => [
            `${b.kind} ${code(b.name)}`, change(b.before, b.after, ''),
        ]), limit));
    }
    const { added, removed, changed: edited } = diff.elements;
    if (edited.length > 0) {
        parts.push(section(`Changed (${edited.length})`, edited.map(e => `- ${e.kind} ${code(e.name)} (${place(e)}): `
            + e.properties.map(p => `${code(p.property)} ${value(p.before)} → ${value(p.after)}`).join('; ')), limit));
    }
    if (added.length > 0) parts.push(section(`Added (${added.length})`, added.map(elementLine), limit));
    if (removed.length > 0) parts.push(section(`Removed (${removed.length})`, removed.map(elementLine), limit));
    return parts.join('\n\n') + '\n';
}

/** `2 bets changed, 1 bet added; platform goes to 115% in 2027-Q1; 1 warning introduced, 1 resolved`. */
export function summaryLine(diff: PlanDiff): string {
    const clauses: string[] = [];
    const { added, removed, changed } = diff.elements;
    const elements = [...byKind(changed, 'changed'), ...byKind(added, 'added'), ...byKind(removed, 'removed')];
    if (elements.length > 0) clauses.push(elements.join(', '));
    const rises = diff.loads.filter(l => (l.after ?? 0) > (l.before ?? 0)).sort((a, b) => (b.after ?? 0) - (a.after ?? 0));
    if (rises.length > 0) {
        const top = rises[0];
        const more = diff.loads.length - 1;
        clauses.push(`${top.team} goes to ${top.after}% in ${top.quarter}${more > 0 ? ` (${plural(more, 'more load change')})` : ''}`);
    } else if (diff.loads.length > 0) {
        clauses.push(`${plural(diff.loads.length, 'load change')}, none up`);
    }
    const { introduced, resolved, changed: moved } = diff.findings;
    const findings: string[] = [];
    const severities = ['error', 'warning', 'info', 'hint'].map(s => [s, introduced.filter(f => f.severity === s).length] as const).filter(([, n]) => n > 0);
    if (severities.length > 0) findings.push(`${severities.map(([s, n]) => plural(n, s)).join(' and ')} introduced`);
    if (resolved.length > 0) findings.push(`${findings.length > 0 ? resolved.length : plural(resolved.length, 'finding')} resolved`);
    if (moved.length > 0) findings.push(`${plural(moved.length, 'finding')} changed`);
    if (findings.length > 0) clauses.push(findings.join(', '));
    if (clauses.length === 0) clauses.push('shares or blast radii moved');
    return clauses.join('; ');
}

function byKind(list: readonly ElementRef[], verb: string): string[] {
    const counts = new Map<string, number>();
    for (const e of list) counts.set(e.kind, (counts.get(e.kind) ?? 0) + 1);
    return [...counts].map(([kind, n]) => `${plural(n, kind === 'policy' ? 'policy' : kind)} ${verb}`);
}

function labels(diff: PlanDiff): string {
    return `${code(diff.base)} → ${code(diff.head)}`;
}

function findingLine(f: FindingEntry): string {
    return `- ${icons[f.severity] ?? ''} ${f.severity} ${code(f.code)}${f.element ? ` on ${code(f.element)}` : ''}: ${text(f.message)} (${code(`${f.file}:${f.line}`)})`;
}

function elementLine(e: ElementRef): string {
    return `- ${e.kind} ${code(e.name)} (${place(e)})`;
}

function place(e: ElementRef): string {
    return code(`${e.file}:${e.line}`);
}

/** A heading and a list; a long list folds into <details>, one over `limit` is cut with a note. */
function section(title: string, lines: readonly string[], limit: number): string {
    const shown = lines.slice(0, limit);
    if (lines.length > shown.length) shown.push(`- _…and ${lines.length - shown.length} more, left out to fit the comment._`);
    return fold(title, shown.join('\n'), lines.length);
}

/** Like `section`, but the first items stay in view and only the rest folds: what a reviewer must see. */
function leadingSection(title: string, lines: readonly string[], limit: number): string {
    if (lines.length <= foldAfter) return section(title, lines, limit);
    const visible = lines.slice(0, Math.min(foldAfter, limit));
    const folded = lines.slice(visible.length, Math.max(visible.length, limit));
    const left = lines.length - visible.length - folded.length;
    const note = left > 0 ? `\n- _…and ${left} more, left out to fit the comment._` : '';
    const rest = folded.length > 0
        ? `\n\n<details><summary>${lines.length - visible.length} more</summary>\n\n${folded.join('\n')}${note}\n\n</details>`
        : note;
    return `#### ${title}\n\n${visible.join('\n')}${rest}`;
}

function table(title: string, header: readonly string[], rows: readonly string[][], limit: number): string {
    const shown = rows.slice(0, limit).map(r => `| ${r.join(' | ')} |`);
    const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`, ...shown];
    let body = lines.join('\n');
    if (rows.length > shown.length) body += `\n\n_…and ${rows.length - shown.length} more rows, left out to fit the comment._`;
    return fold(title, body, rows.length);
}

function fold(title: string, body: string, count: number): string {
    if (count <= foldAfter) return `#### ${title}\n\n${body}`;
    return `<details><summary><b>${title}</b></summary>\n\n${body}\n\n</details>`;
}

function change(before: number | null, after: number | null, unit: string): string {
    const show = (n: number | null) => (n === null ? '—' : `${n}${unit}`);
    return before === after ? show(after) : `${show(before)} → **${show(after)}**`;
}

function value(v: string | null): string {
    return v === null ? '_none_' : code(v);
}

/** Inline code that survives backticks and table pipes in the value. */
function code(s: string): string {
    const flat = s.replace(/\s*\r?\n\s*/g, ' ').replace(/\|/g, '\\|');
    const fence = flat.includes('`') ? '``' : '`';
    return `${fence}${fence === '``' ? ' ' : ''}${flat}${fence === '``' ? ' ' : ''}${fence}`;
}

/** Plain text with Markdown and HTML taken literally. */
function text(s: string): string {
    return s.replace(/\s*\r?\n\s*/g, ' ').replace(/[\\`*_[\]<>|~#]/g, c => `\\${c}`);
}

function plural(n: number, word: string): string {
    if (n === 1) return `${n} ${word}`;
    if (word === 'policy') return `${n} policies`;
    return `${n} ${word}s`;
}
