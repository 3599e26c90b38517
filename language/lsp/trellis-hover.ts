// Hover that explains an element's place in the plan, read from the plan model. Each leads
// with what a planner acts on — the findings on the element, its blast radius, a bet's
// why-chain in titles, a team's busiest quarter — then the detail: a team's load per
// quarter, a bet's teams and dates, a metric's place in the metric tree, a pillar's target
// against its actual share. The figures are the diagnostics' and the lenses' own. Keywords, value
// words and check codes explain what they mean.

import { AstNodeHoverProvider } from 'langium/lsp';
import { AstUtils, CstUtils, GrammarAST, GrammarUtils, isJSDoc, parseJSDoc, type AstNode, type LangiumDocument, type MaybePromise } from 'langium';
import type { Diagnostic, Hover, HoverParams, Position } from 'vscode-languageserver';
import {
    isAllowProperty, isBet, isCheckProperty, isGoal, isMetric, isPillar, isTeam,
    type Bet, type Goal, type Metric, type Pillar, type Team,
} from '../generated/ast.js';
import { daysBetween, quarterLabel } from '../model/periods.js';
import type { BetFacts, PlanModel } from '../model/plan-model.js';
import type { TrellisPlanService } from '../model/plan-service.js';
import { codeInfo, isIssueCode } from '../model/codes.js';
import { pct } from '../validation/report.js';
import type { TrellisServices } from '../trellis-module.js';
import { people, wipOf } from '../graph/view-helpers.js';
import { peakLoad } from './trellis-code-lens.js';
import { valueWords } from './value-words.js';

export class TrellisHoverProvider extends AstNodeHoverProvider {
    private readonly plan: TrellisPlanService;

    constructor(services: TrellisServices) {
        super(services);
        this.plan = services.plan.PlanService;
    }

    override async getHoverContent(document: LangiumDocument, params: HoverParams): Promise<Hover | undefined> {
        const root = document.parseResult?.value?.$cstNode;
        if (!root) return undefined;
        const offset = document.textDocument.offsetAt(params.position);
        const leaf = CstUtils.findLeafNodeAtOffset(root, offset);
        if (leaf && !leaf.hidden) {
            const word = this.wordHover(leaf.astNode, leaf.offset, leaf.text);
            if (word) return markdown(word);
        }
        return super.getHoverContent(document, params);
    }

    /** Check codes in `check` / `allow`, and value words like `stream-aligned` or `new-offering`. */
    private wordHover(node: AstNode, offset: number, text: string): string | undefined {
        if ((isCheckProperty(node) || isAllowProperty(node)) && isAt(node, 'code', offset)) {
            if (!isIssueCode(text)) return undefined;
            const info = codeInfo[text];
            const level = this.plan.model.policy.levels.get(text);
            return `**Check \`${text}\`** (default ${info.severity}${level ? `; this plan: ${level}` : ''})\n\n${info.summary}`;
        }
        if (isCheckProperty(node) && isAt(node, 'level', offset)) {
            const described = valueWords[text];
            if (described) return `**\`${text}\`** — ${described}`;
        }
        if ('value' in node && typeof node.value === 'string' && isAt(node, 'value', offset)) {
            const described = valueWords[node.value];
            if (described) return `**\`${node.value}\`** — ${described}`;
        }
        return undefined;
    }

    protected override getAstNodeHoverContent(node: AstNode): MaybePromise<string | undefined> {
        const model = this.plan.model;
        if (isTeam(node)) return describeTeam(model, node, findingsOn(node));
        if (isBet(node)) return describeBet(model, node, findingsOn(node));
        if (isMetric(node)) return describeMetric(model, node, findingsOn(node));
        if (isGoal(node)) return describeGoal(model, node, findingsOn(node));
        if (isPillar(node)) return describePillar(model, node, findingsOn(node));
        return undefined;
    }

    /** Keywords are explained by the `/** *\/` comment of the grammar rule they start. */
    protected override getKeywordHoverContent(node: AstNode): MaybePromise<Hover | undefined> {
        const rule = AstUtils.getContainerOfType(node, GrammarAST.isParserRule) as (GrammarAST.ParserRule & { $comment?: string }) | undefined;
        const comment = rule?.$comment;
        if (!comment || !isJSDoc(comment)) return undefined;
        const keyword = (node as GrammarAST.Keyword).value;
        return markdown(`**\`${keyword}\`** — ${parseJSDoc(comment).toMarkdown()}`);
    }
}

function markdown(value: string): Hover {
    return { contents: { kind: 'markdown', value } };
}

function isAt(node: AstNode, property: string, offset: number): boolean {
    const cst = GrammarUtils.findNodeForProperty(node.$cstNode, property);
    return cst !== undefined && cst.offset <= offset && offset < cst.end;
}

function heading(kind: string, name: string, title: string | undefined): string {
    return `**${kind} \`${name}\`**${title ? ` — ${escape(title)}` : ''}`;
}

/** Markdown-escape text from the plan (titles), so it renders as written. */
function escape(text: string): string {
    return text.replace(/[\\`*_{}[\]<>()#+\-.!|]/g, c => `\\${c}`);
}

function names(list: readonly string[]): string {
    return list.length === 0 ? '—' : list.map(n => `\`${n}\``).join(', ');
}

export function describeTeam(model: PlanModel, node: Team, findings: readonly Diagnostic[] = []): string {
    const team = model.teams.get(node.name);
    if (!team || team.node !== node) return `${heading('Team', node.name, node.title)}\n\nDefined more than once; see the duplicate-name error.`;
    const lines = [heading('Team', team.name, team.title)];
    const facts = [
        team.type ? `${team.type} team` : 'team',
        team.capacity !== undefined ? people(team.capacity) : 'capacity not set',
    ];
    const context = ['awareness', 'change', 'effectiveness']
        .map(key => {
            const p = node.properties.find(prop => prop.$type.toLowerCase() === `${key}property`) as { value?: string } | undefined;
            return p?.value ? `${key} ${p.value}` : undefined;
        })
        .filter(Boolean);
    lines.push([...facts, ...context].join(' · '));

    // What matters first: the findings, who would stall if it slipped, its busiest quarter;
    // then the detail: what it works on and the quarter table.
    if (findings.length > 0) lines.push(findingsBlock(findings));
    lines.push(`${blastRadiusLine(model, team.name)}  \nDepended on by: ${names(model.directDependents(team.name))}  \nDepends on: ${names(model.dependenciesOf(team.name))}`);
    lines.push(peakLoad(model, team));
    lines.push(`Owns: ${allocationsOf(team.owns, team.name)}  \nSupports: ${allocationsOf(team.supports, team.name)}`);

    const { maxLoad, maxWip } = model.policy;
    const quarters = [...team.loads.values()].sort((a, b) => a.quarter - b.quarter);
    if (quarters.length > 0) {
        const rows = quarters.map(q => {
            const wip = wipOf(q);
            const over = q.load > maxLoad + 1e-9;
            const busy = wip > maxWip;
            return `| ${quarterLabel(q.quarter)} | ${over ? `**${pct(q.load)}** ⚠` : pct(q.load)} | ${busy ? `**${wip}** ⚠` : wip} | ${q.allocations.map(a => `${a.bet.name} ${pct(a.share)}`).join(', ')} |`;
        });
        lines.push(['| Quarter | Load | WIP | Bets |', '|---|---:|---:|---|', ...rows].join('\n'));
        lines.push(`max-load ${pct(maxLoad)}, max-wip ${maxWip}`);
    } else {
        lines.push('No active bets: load 0% in every quarter.');
    }
    return lines.join('\n\n');
}

/** `Blast radius: 11 bets ⚠ (max-blast-radius 8)`: the figure high-blast-radius and impact mode give. */
function blastRadiusLine(model: PlanModel, name: string): string {
    const radius = model.blastRadius(name);
    const max = model.policy.maxBlastRadius;
    return `Blast radius: ${radius} bet${radius === 1 ? '' : 's'}${radius > max ? ` ⚠ (max-blast-radius ${max})` : ''}`;
}

function allocationsOf(bets: readonly BetFacts[], team: string): string {
    if (bets.length === 0) return '—';
    return bets.map(b => {
        const a = [b.owner, ...b.support].find(x => x?.team === team);
        return `\`${b.name}\` ${a ? pct(a.share) : ''}${b.quarters.length === 0 ? ` (${b.stage})` : ''}`;
    }).join(', ');
}

/** The diagnostics of the element's document that sit on the element. */
function findingsOn(node: AstNode): Diagnostic[] {
    const range = node.$cstNode?.range;
    if (!range) return [];
    const within = (d: Diagnostic) => comparePositions(d.range.start, range.start) >= 0 && comparePositions(d.range.end, range.end) <= 0;
    return (AstUtils.getDocument(node).diagnostics ?? []).filter(within);
}

function comparePositions(a: Position, b: Position): number {
    return a.line - b.line || a.character - b.character;
}

const severityNames = ['', 'error', 'warning', 'info', 'hint'];

function findingsBlock(findings: readonly Diagnostic[]): string {
    return `Findings:\n${findings.map(finding).join('\n')}`;
}

/** `- warning \`overdue-review\`: Bet 'x' was due ...`, with Markdown's active characters escaped. */
function finding(d: Diagnostic): string {
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    return `- ${severityNames[d.severity ?? 1]} \`${String(d.code ?? '')}\`: ${message.replace(/[\\`*_<>[\]]/g, c => `\\${c}`)}`;
}

export function describeBet(model: PlanModel, node: Bet, findings: readonly Diagnostic[] = []): string {
    const bet = model.betFacts(node);
    const lines = [heading('Bet', bet.name, bet.title)];
    // What matters first: the findings, why the bet exists (in titles), who waits on it.
    if (findings.length > 0) lines.push(findingsBlock(findings));
    const chains = model.whyChains(bet.name).map(chain => chain.slice(1)).filter(chain => chain.length > 0);
    lines.push(chains.length > 0
        ? `Why: ${chains.map(c => c.map(name => titled(model, name)).join(' → ')).join('  \nWhy: ')}`
        : 'Why: — it serves no goal and expects no metric');
    lines.push(`${blastRadiusLine(model, bet.name)}  \nDepended on by: ${names(model.directDependents(bet.name))}  \nDepends on: ${names(model.dependenciesOf(bet.name))}`);
    const horizon = bet.during
        ? `${bet.during.from.text}${bet.during.to !== bet.during.from ? ` .. ${bet.during.to.text}` : ''}`
        : `the whole plan window (${quarterLabel(model.window.from)} .. ${quarterLabel(model.window.to)})`;
    lines.push([
        `stage ${bet.stage}${bet.quarters.length === 0 ? ' (not active)' : ''}`,
        bet.funding ? `funding ${bet.funding}` : 'funding not set',
        `during ${horizon}`,
    ].join(' · '));
    if (bet.review) {
        const days = daysBetween(model.today, bet.review.lastDay);
        const count = (n: number) => `${n} day${n === 1 ? '' : 's'}`;
        lines.push(`Review ${bet.review.text}: ${days > 0 ? `in ${count(days)}` : days === 0 ? 'today' : `${count(-days)} overdue`}`);
    }
    const owner = bet.owner ? `\`${bet.owner.team}\` ${pct(bet.owner.share)}` : '— (missing)';
    lines.push(`Owner: ${owner}  \nSupport: ${bet.support.length > 0 ? bet.support.map(a => `\`${a.team}\` ${pct(a.share)}`).join(', ') : '—'}`);
    lines.push(`Pillar: ${bet.pillar ? `\`${bet.pillar}\`${bet.ownPillar ? '' : ' (from its goal)'}` : '—'}`);
    if (bet.expects.length > 0) {
        lines.push(`Expects: ${bet.expects.map(e => `\`${e.metric}\`${e.change !== undefined ? ` ${e.change > 0 ? '+' : ''}${e.change}` : ''}`).join(', ')}`);
    }
    return lines.join('\n\n');
}

/** An element of a why-chain as a planner knows it: `Faster activation (\`faster\`)`, the north star starred. */
function titled(model: PlanModel, name: string): string {
    const title = model.goals.get(name)?.title ?? model.metrics.get(name)?.title;
    const star = model.metrics.get(name)?.northStar ? ' ★' : '';
    return title !== undefined ? `${escape(title)} (\`${name}\`)${star}` : `\`${name}\`${star}`;
}

export function describeMetric(model: PlanModel, node: Metric, findings: readonly Diagnostic[] = []): string {
    const metric = model.metrics.get(node.name);
    if (!metric || metric.node !== node) return heading('Metric', node.name, node.title);
    const lines = [heading(metric.northStar ? 'North-star metric' : 'Metric', metric.name, metric.title)];
    if (findings.length > 0) lines.push(findingsBlock(findings));
    const unit = metric.unit ? ` ${escape(metric.unit)}` : '';
    if (metric.baseline !== undefined || metric.target) {
        lines.push(`${metric.baseline ?? '?'}${unit} → ${metric.target ? `${metric.target.value}${unit}${metric.target.by ? ` by ${metric.target.by}` : ''}` : 'no target'}`);
    }
    lines.push(`Drives: ${names(metric.drives)}  \nDriven by: ${names(metric.drivenBy)}`);
    const chains = model.metricChains(metric.name).filter(c => c.length > 1);
    if (chains.length > 0) lines.push(`Leads to: ${chains.map(c => c.map(m => (model.metrics.get(m)?.northStar ? `${m} ★` : m)).join(' → ')).join('  \nLeads to: ')}`);
    lines.push(`Moved by goals: ${names(metric.movedBy.map(g => g.name))}  \nExpected by bets: ${names(metric.expectedBy.map(b => b.name))}`);
    return lines.join('\n\n');
}

export function describeGoal(model: PlanModel, node: Goal, findings: readonly Diagnostic[] = []): string {
    const goal = model.goals.get(node.name);
    if (!goal || goal.node !== node) return heading('Goal', node.name, node.title);
    const active = goal.servedBy.filter(b => b.quarters.length > 0).map(b => b.name);
    const inactive = goal.servedBy.filter(b => b.quarters.length === 0).map(b => `${b.name} (${b.stage})`);
    return [
        heading('Goal', goal.name, goal.title),
        ...(findings.length > 0 ? [findingsBlock(findings)] : []),
        `Pillar: ${goal.pillar ? `\`${goal.pillar}\`` : '—'} · Moves: ${names(goal.moves)}`,
        `Served by active bets: ${names(active)}${inactive.length > 0 ? `  \nNot active: ${inactive.join(', ')}` : ''}`,
    ].join('\n\n');
}

export function describePillar(model: PlanModel, node: Pillar, findings: readonly Diagnostic[] = []): string {
    const pillar = model.pillars.get(node.name);
    if (!pillar || pillar.node !== node) return heading('Pillar', node.name, node.title);
    const target = pillar.target !== undefined ? pct(pillar.target) : 'no target';
    const actual = pillar.actualShare !== undefined ? pct(pillar.actualShare) : 'no active work with a pillar yet';
    return [
        heading('Pillar', pillar.name, pillar.title),
        ...(findings.length > 0 ? [findingsBlock(findings)] : []),
        `Target ${target} · actual ${actual} (${Math.round(pillar.personQuarters * 10) / 10} person-quarters)`,
        `Bets: ${names(pillar.bets.map(b => b.name))}`,
    ].join('\n\n');
}
