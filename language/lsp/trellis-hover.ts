// Hover that explains an element's place in the plan, read from the plan model: a team's
// load per quarter and who depends on it, a bet's why-chain, teams and findings, a metric's
// place in the metric tree, a pillar's target against its actual share. Keywords, value
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
import { codeInfo, isIssueCode } from '../validation/codes.js';
import { pct } from '../validation/report.js';
import type { TrellisServices } from '../trellis-module.js';
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
        if (isTeam(node)) return describeTeam(model, node);
        if (isBet(node)) return describeBet(model, node, findingsOn(node));
        if (isMetric(node)) return describeMetric(model, node);
        if (isGoal(node)) return describeGoal(model, node);
        if (isPillar(node)) return describePillar(model, node);
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

export function describeTeam(model: PlanModel, node: Team): string {
    const team = model.teams.get(node.name);
    if (!team || team.node !== node) return `${heading('Team', node.name, node.title)}\n\nDefined more than once; see the duplicate-name error.`;
    const lines = [heading('Team', team.name, team.title)];
    const facts = [
        team.type ? `${team.type} team` : 'team',
        team.capacity !== undefined ? `${team.capacity} ${team.capacity === 1 ? 'person' : 'people'}` : 'capacity not set',
    ];
    const context = ['awareness', 'change', 'effectiveness']
        .map(key => {
            const p = node.properties.find(prop => prop.$type.toLowerCase() === `${key}property`) as { value?: string } | undefined;
            return p?.value ? `${key} ${p.value}` : undefined;
        })
        .filter(Boolean);
    lines.push([...facts, ...context].join(' · '));

    const { maxLoad, maxWip } = model.policy;
    const quarters = [...team.loads.values()].sort((a, b) => a.quarter - b.quarter);
    if (quarters.length > 0) {
        const rows = quarters.map(q => {
            const bets = new Set(q.allocations.map(a => a.bet.name));
            const over = q.load > maxLoad + 1e-9;
            const busy = bets.size > maxWip;
            return `| ${quarterLabel(q.quarter)} | ${over ? `**${pct(q.load)}** ⚠` : pct(q.load)} | ${busy ? `**${bets.size}** ⚠` : bets.size} | ${q.allocations.map(a => `${a.bet.name} ${pct(a.share)}`).join(', ')} |`;
        });
        lines.push(['| Quarter | Load | WIP | Bets |', '|---|---:|---:|---|', ...rows].join('\n'));
        lines.push(`max-load ${pct(maxLoad)}, max-wip ${maxWip}`);
    } else {
        lines.push('No active bets: load 0% in every quarter.');
    }
    lines.push(`Owns: ${allocationsOf(team.owns, team.name)}  \nSupports: ${allocationsOf(team.supports, team.name)}`);
    const dependents = model.directDependents(team.name);
    const radius = model.blastRadius(team.name);
    lines.push(`Depends on: ${names(model.dependenciesOf(team.name))}  \nDepended on by: ${names(dependents)}  \nBlast radius: ${radius} bet${radius === 1 ? '' : 's'}${radius > model.policy.maxBlastRadius ? ` ⚠ (max ${model.policy.maxBlastRadius})` : ''}`);
    return lines.join('\n\n');
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

/** `- warning \`overdue-review\`: Bet 'x' was due ...`, with Markdown's active characters escaped. */
function finding(d: Diagnostic): string {
    const message = typeof d.message === 'string' ? d.message : d.message.value;
    return `- ${severityNames[d.severity ?? 1]} \`${String(d.code ?? '')}\`: ${message.replace(/[\\`*_<>[\]]/g, c => `\\${c}`)}`;
}

export function describeBet(model: PlanModel, node: Bet, findings: readonly Diagnostic[] = []): string {
    const bet = model.betFacts(node);
    const lines = [heading('Bet', bet.name, bet.title)];
    const chains = model.whyChains(bet.name);
    const star = (name: string) => (model.metrics.get(name)?.northStar ? `${name} ★` : name);
    lines.push(`Why: ${chains.map(c => c.map(star).join(' → ')).join('  \nWhy: ')}`);
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
    const radius = model.blastRadius(bet.name);
    lines.push(`Depends on: ${names(model.dependenciesOf(bet.name))}  \nDepended on by: ${names(model.directDependents(bet.name))}  \nBlast radius: ${radius} bet${radius === 1 ? '' : 's'}`);
    if (findings.length > 0) {
        lines.push(`Findings:\n${findings.map(finding).join('\n')}`);
    }
    return lines.join('\n\n');
}

export function describeMetric(model: PlanModel, node: Metric): string {
    const metric = model.metrics.get(node.name);
    if (!metric || metric.node !== node) return heading('Metric', node.name, node.title);
    const lines = [heading(metric.northStar ? 'North-star metric' : 'Metric', metric.name, metric.title)];
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

export function describeGoal(model: PlanModel, node: Goal): string {
    const goal = model.goals.get(node.name);
    if (!goal || goal.node !== node) return heading('Goal', node.name, node.title);
    const active = goal.servedBy.filter(b => b.quarters.length > 0).map(b => b.name);
    const inactive = goal.servedBy.filter(b => b.quarters.length === 0).map(b => `${b.name} (${b.stage})`);
    return [
        heading('Goal', goal.name, goal.title),
        `Pillar: ${goal.pillar ? `\`${goal.pillar}\`` : '—'} · Moves: ${names(goal.moves)}`,
        `Served by active bets: ${names(active)}${inactive.length > 0 ? `  \nNot active: ${inactive.join(', ')}` : ''}`,
    ].join('\n\n');
}

export function describePillar(model: PlanModel, node: Pillar): string {
    const pillar = model.pillars.get(node.name);
    if (!pillar || pillar.node !== node) return heading('Pillar', node.name, node.title);
    const target = pillar.target !== undefined ? pct(pillar.target) : 'no target';
    const actual = pillar.actualShare !== undefined ? pct(pillar.actualShare) : 'no active work with a pillar yet';
    return [
        heading('Pillar', pillar.name, pillar.title),
        `Target ${target} · actual ${actual} (${Math.round(pillar.personQuarters * 10) / 10} person-quarters)`,
        `Bets: ${names(pillar.bets.map(b => b.name))}`,
    ].join('\n\n');
}
