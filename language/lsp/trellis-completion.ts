// Completion: keywords and property names valid for the element at hand and not given yet
// (only `support`, `depends-on`, `expects`, `moves`, `drives`, `check` and `allow` repeat),
// element names of the right kind (Langium's scoping gives only teams after `owner`; a team
// depends only on teams; nothing depends on itself), value words (team types, stages,
// funding, ...), check codes and severities, and a snippet per element at the top level.
// Every item says in one line what it is: keywords by their grammar rule's comment, names
// by their kind and title, words by what they mean.

import {
    AstUtils, GrammarAST, GrammarUtils, isJSDoc, parseJSDoc, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream,
} from 'langium';
import {
    DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type CompletionValueItem, type NextFeature,
} from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { isDependsOnProperty, isElement, isPlan, isPolicy, isTeam, type Element } from '../generated/ast.js';
import type { TrellisPlanService } from '../model/plan-service.js';
import {
    awarenessLevels, changeKinds, effectivenessLevels, elementKind, elementProperties, fundingKinds, propertyKeyword, repeatableProperties,
    stages, teamTypes, type PropertyType,
} from '../model/vocabulary.js';
import type { TrellisServices } from '../trellis-module.js';
import { allCodes, codeInfo, fixedCodes, levels } from '../model/codes.js';
import { valueWords } from './value-words.js';

const propertyKeywords = new Map(Object.entries(propertyKeyword).map(([type, keyword]) => [keyword, type as PropertyType]));
const elementKeywords = new Set(['policy', 'pillar', 'metric', 'goal', 'team', 'bet']);

const wordsFor: Partial<Record<string, { readonly words: readonly string[]; readonly detail: string }>> = {
    TypeProperty: { words: teamTypes, detail: 'team type' },
    AwarenessProperty: { words: awarenessLevels, detail: 'awareness of dependencies' },
    ChangeProperty: { words: changeKinds, detail: 'how the team is changing' },
    EffectivenessProperty: { words: effectivenessLevels, detail: 'how well the team works' },
    FundingProperty: { words: fundingKinds, detail: 'funding kind' },
    StageProperty: { words: stages, detail: 'stage' },
};

/** Keywords inside a property, which their rule's comment does not describe. */
const partKeywords: Record<string, string> = {
    by: 'The period by which the target is to be reached: `target 1500 by 2027-Q4`.',
    until: 'The date after which the allowance no longer silences anything: `until 2027-03-31`.',
};

/** What is worth knowing about a property before picking it, beyond its rule's comment. */
const propertyNotes: Partial<Record<PropertyType, string>> = {
    SupportProperty: 'May be given more than once, or as a list: `support platform 20%, data 10%`.',
    DependsOnProperty: 'May be given more than once, or as a list: `depends-on sso-v2, platform`.',
    ExpectsProperty: 'May be given more than once, or as a list: `expects activation +8, retention +2`.',
    MovesProperty: 'May be given more than once, or as a list of metrics.',
    DrivesProperty: 'May be given more than once, or as a list of metrics.',
    CheckProperty: 'One per check code.',
    AllowProperty: 'One per accepted finding.',
};

const snippets: Record<string, string> = {
    team: 'team ${1:name} "${2:Title}" {\n  type ${3|stream-aligned,platform,enabling,complicated-subsystem|}\n  capacity ${4:6}\n}',
    bet: 'bet ${1:name} "${2:Title}" {\n  goal ${3:goal}\n  owner ${4:team} ${5:50}%\n  funding ${6|new-offering,operational-optimizer,rebuild,platform|}\n  stage ${7|explore,validate,commit,scale|}\n  during ${8:2027-Q1} .. ${9:2027-Q2}\n}',
    goal: 'goal ${1:name} "${2:Title}" {\n  pillar ${3:pillar}\n  moves ${4:metric}\n}',
    metric: 'metric ${1:name} "${2:Title}" {\n  unit "${3:unit}"\n  baseline ${4:0}\n  target ${5:0} by ${6:2027-Q4}\n  drives ${7:metric}\n}',
    pillar: 'pillar ${1:name} "${2:Title}" { target ${3:25}% }',
    policy: 'policy {\n  max-load ${1:100}%\n  max-wip ${2:3}\n}',
};

/** The grammar rule of an element keyword: `team` -> `Team`. */
function ruleOfElement(keyword: string): string {
    return keyword.charAt(0).toUpperCase() + keyword.slice(1);
}

/** A Markdown line as plain text, for `detail` (which the editor shows as it is). */
function plain(markdown: string): string {
    return markdown.replace(/`/g, '').split('\n')[0];
}

export class TrellisCompletionProvider extends DefaultCompletionProvider {
    private readonly plan: TrellisPlanService;
    /** One line per grammar rule, from its `/** *\/` comment, by rule name. */
    private readonly ruleDocs: ReadonlyMap<string, string>;

    constructor(services: TrellisServices) {
        super(services);
        this.plan = services.plan.PlanService;
        const docs = new Map<string, string>();
        for (const rule of this.grammar.rules) {
            const comment = (rule as { $comment?: string }).$comment;
            if (comment && isJSDoc(comment)) docs.set(rule.name, parseJSDoc(comment).toMarkdown().trim());
        }
        this.ruleDocs = docs;
    }

    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        // A name position: Langium offers the keywords `Name` accepts (names may be keywords);
        // offer the words that fit the property instead, and nothing for a new element's name.
        if (AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'Name') {
            const { words, detail } = this.wordsAt(context, next.property);
            for (const word of words) {
                const check = codeInfo[word as keyof typeof codeInfo];
                acceptor(context, {
                    label: word, kind: CompletionItemKind.EnumMember,
                    detail: check ? `check, default ${check.severity}` : detail,
                    documentation: check?.summary ?? valueWords[word],
                    sortText: '0',
                });
            }
            return;
        }
        return super.completionFor(context, next, acceptor);
    }

    protected override completionForKeyword(context: CompletionContext, keyword: GrammarAST.Keyword, acceptor: CompletionAcceptor): MaybePromise<void> {
        if (!this.filterKeyword(context, keyword)) return;
        const block = this.blockAt(context);
        if (!block && elementKeywords.has(keyword.value)) {
            acceptor(context, {
                label: `${keyword.value} …`, kind: CompletionItemKind.Snippet, detail: `New ${keyword.value}, to fill in`,
                documentation: { kind: 'markdown', value: `${this.ruleDocs.get(ruleOfElement(keyword.value)) ?? ''}\n\nInserts a whole \`${keyword.value}\` with placeholders to tab through.`.trim() },
                insertText: snippets[keyword.value], insertTextFormat: InsertTextFormat.Snippet, sortText: '2',
                filterText: keyword.value,
            });
        }
        const described = this.describeKeyword(keyword.value, block);
        acceptor(context, {
            label: keyword.value, kind: this.getKeywordCompletionItemKind(keyword), sortText: '1',
            detail: described?.detail ?? 'keyword',
            documentation: described?.documentation ? { kind: 'markdown', value: described.documentation } : undefined,
        });
    }

    /**
     * A keyword in one line: inside a block, the property it starts; at the top level, the
     * element. Decided by the keyword and the place, not by which grammar rule offered it,
     * so a keyword is never listed twice with two descriptions.
     */
    private describeKeyword(keyword: string, block: Element | undefined): { detail: string; documentation?: string } | undefined {
        if (partKeywords[keyword]) return { detail: plain(partKeywords[keyword]), documentation: partKeywords[keyword] };
        const property = block ? propertyKeywords.get(keyword) : undefined;
        const rule = property ?? (elementKeywords.has(keyword) ? ruleOfElement(keyword) : propertyKeywords.get(keyword));
        const doc = rule ? this.ruleDocs.get(rule) : undefined;
        if (!doc) return undefined;
        const note = property ? propertyNotes[property] : undefined;
        return { detail: plain(doc), documentation: note ? `${doc}\n\n${note}` : doc };
    }

    /** A name says what it is, with its title: `team — Platform`. */
    protected override createReferenceCompletionItem(nodeDescription: AstNodeDescription, refInfo: ReferenceInfo, context: CompletionContext): CompletionValueItem {
        const item = super.createReferenceCompletionItem(nodeDescription, refInfo, context);
        const model = this.plan.model;
        const name = nodeDescription.name;
        const title = model.teams.get(name)?.title ?? model.bets.get(name)?.title ?? model.goals.get(name)?.title
            ?? model.metrics.get(name)?.title ?? model.pillars.get(name)?.title;
        const kind = nodeDescription.type.toLowerCase();
        return { ...item, detail: title !== undefined ? `${kind} — ${title}` : kind };
    }

    /**
     * The words that fit a name position, from the property keyword before it on the line
     * (`type |`, `check |`, `check code |`); none where a new name or a reference goes.
     */
    private wordsAt(context: CompletionContext, property: string | undefined): { words: readonly string[]; detail?: string } {
        const none = { words: [] };
        const text = context.textDocument.getText();
        const lineStart = text.lastIndexOf('\n', context.tokenOffset - 1) + 1;
        const words = text.slice(lineStart, context.tokenOffset).split(/[\s{]+/).filter(Boolean);
        const at = words.findLastIndex(w => propertyKeywords.has(w));
        if (at < 0) return none;
        const type = propertyKeywords.get(words[at])!;
        const after = words.length - at - 1;
        if (property === 'value' && after === 0) return wordsFor[type] ?? none;
        if (property === 'code' && after === 0 && (type === 'CheckProperty' || type === 'AllowProperty')) return { words: allCodes.filter(c => !fixedCodes.has(c)) };
        if (property === 'level' && after === 1 && type === 'CheckProperty') return { words: levels, detail: 'severity' };
        return none;
    }

    /**
     * Names of the right kind: Langium's scoping gives the right type; beyond that a team
     * depends only on teams (SPEC), and no element is offered to depend on or drive itself.
     */
    protected override getReferenceCandidates(refInfo: ReferenceInfo, context: CompletionContext): Stream<AstNodeDescription> {
        const element = AstUtils.getContainerOfType(refInfo.container, isElement);
        const self = element && !isPolicy(element) ? element.name : undefined;
        const teamsOnly = isTeam(element) && isDependsOnProperty(refInfo.container);
        return super.getReferenceCandidates(refInfo, context)
            .filter(candidate => candidate.name !== self && (!teamsOnly || candidate.type === 'Team'));
    }

    /**
     * Property names only where they belong, and not again once given unless they repeat;
     * element keywords only at the top level.
     */
    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        if (!super.filterKeyword(context, keyword)) return false;
        const element = this.blockAt(context);
        const property = propertyKeywords.get(keyword.value);
        if (element && property) {
            const belongs = (keyword.value === 'depends-on' && isTeam(element)) || elementProperties[elementKind(element)].has(property);
            return belongs && (repeatableProperties.has(property) || !this.given(element, property, context.offset));
        }
        return true;
    }

    /** Whether the element already has this property, other than one being typed at the cursor. */
    private given(element: Element, property: PropertyType, offset: number): boolean {
        return element.properties.some(p => {
            if (p.$type !== property) return false;
            const cst = p.$cstNode;
            return cst === undefined || offset < cst.offset || offset > cst.end;
        });
    }

    /**
     * The element whose `{ }` block the cursor is in. Completion's node is often the element
     * before the cursor, so after its closing brace we are back at the top level.
     */
    private blockAt(context: CompletionContext): Element | undefined {
        const element = context.node && !isPlan(context.node) ? AstUtils.getContainerOfType(context.node, isElement) : undefined;
        const cst = element?.$cstNode;
        if (!element || !cst) return undefined;
        const open = GrammarUtils.findNodeForKeyword(cst, '{');
        const close = GrammarUtils.findNodeForKeyword(cst, '}');
        const inside = open !== undefined && context.offset >= open.end && (close === undefined || context.offset <= close.offset);
        return inside ? element : undefined;
    }
}
