// Completion: keywords and property names valid for the element at hand, element names of
// the right kind (Langium's scoping gives only teams after `owner`; a team depends only on
// teams; nothing depends on itself), value words (team types, stages, funding, ...), check
// codes and severities, and a snippet per element at the top level.

import { AstUtils, GrammarAST, GrammarUtils, type AstNodeDescription, type MaybePromise, type ReferenceInfo, type Stream } from 'langium';
import { DefaultCompletionProvider, type CompletionAcceptor, type CompletionContext, type NextFeature } from 'langium/lsp';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver';
import { isDependsOnProperty, isElement, isPlan, isPolicy, isTeam, type Element } from '../generated/ast.js';
import {
    awarenessLevels, changeKinds, effectivenessLevels, elementKind, elementProperties, fundingKinds, propertyKeyword, stages,
    teamTypes, type PropertyType,
} from '../model/vocabulary.js';
import { allCodes, codeInfo, fixedCodes, levels } from '../validation/codes.js';
import { valueWords } from './value-words.js';

const propertyKeywords = new Map(Object.entries(propertyKeyword).map(([type, keyword]) => [keyword, type as PropertyType]));
const elementKeywords = new Set(['policy', 'pillar', 'metric', 'goal', 'team', 'bet']);

const wordsFor: Partial<Record<string, readonly string[]>> = {
    TypeProperty: teamTypes, AwarenessProperty: awarenessLevels, ChangeProperty: changeKinds,
    EffectivenessProperty: effectivenessLevels, FundingProperty: fundingKinds, StageProperty: stages,
};

const snippets: Record<string, string> = {
    team: 'team ${1:name} "${2:Title}" {\n  type ${3|stream-aligned,platform,enabling,complicated-subsystem|}\n  capacity ${4:6}\n}',
    bet: 'bet ${1:name} "${2:Title}" {\n  goal ${3:goal}\n  owner ${4:team} ${5:50}%\n  funding ${6|new-offering,operational-optimizer,rebuild,platform|}\n  stage ${7|explore,validate,commit,scale|}\n  during ${8:2027-Q1} .. ${9:2027-Q2}\n}',
    goal: 'goal ${1:name} "${2:Title}" {\n  pillar ${3:pillar}\n  moves ${4:metric}\n}',
    metric: 'metric ${1:name} "${2:Title}" {\n  unit "${3:unit}"\n  baseline ${4:0}\n  target ${5:0} by ${6:2027-Q4}\n  drives ${7:metric}\n}',
    pillar: 'pillar ${1:name} "${2:Title}" { target ${3:25}% }',
    policy: 'policy {\n  max-load ${1:100}%\n  max-wip ${2:3}\n}',
};

export class TrellisCompletionProvider extends DefaultCompletionProvider {
    protected override completionFor(context: CompletionContext, next: NextFeature, acceptor: CompletionAcceptor): MaybePromise<void> {
        // A name position: Langium offers the keywords `Name` accepts (names may be keywords);
        // offer the words that fit the property instead, and nothing for a new element's name.
        if (AstUtils.getContainerOfType(next.feature, GrammarAST.isParserRule)?.name === 'Name') {
            for (const word of this.wordsAt(context, next.property)) {
                const check = codeInfo[word as keyof typeof codeInfo];
                acceptor(context, {
                    label: word, kind: CompletionItemKind.EnumMember,
                    detail: check ? `check, default ${check.severity}` : undefined,
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
        if (!this.blockAt(context) && elementKeywords.has(keyword.value)) {
            acceptor(context, {
                label: `${keyword.value} …`, kind: CompletionItemKind.Snippet, detail: `New ${keyword.value}`,
                insertText: snippets[keyword.value], insertTextFormat: InsertTextFormat.Snippet, sortText: '2',
                filterText: keyword.value,
            });
        }
        return super.completionForKeyword(context, keyword, acceptor);
    }

    /**
     * The words that fit a name position, from the property keyword before it on the line
     * (`type |`, `check |`, `check code |`); none where a new name or a reference goes.
     */
    private wordsAt(context: CompletionContext, property: string | undefined): readonly string[] {
        const text = context.textDocument.getText();
        const lineStart = text.lastIndexOf('\n', context.tokenOffset - 1) + 1;
        const words = text.slice(lineStart, context.tokenOffset).split(/[\s{]+/).filter(Boolean);
        const at = words.findLastIndex(w => propertyKeywords.has(w));
        if (at < 0) return [];
        const type = propertyKeywords.get(words[at])!;
        const after = words.length - at - 1;
        if (property === 'value' && after === 0) return wordsFor[type] ?? [];
        if (property === 'code' && after === 0 && (type === 'CheckProperty' || type === 'AllowProperty')) return allCodes.filter(c => !fixedCodes.has(c));
        if (property === 'level' && after === 1 && type === 'CheckProperty') return levels;
        return [];
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

    /** Property names only where they belong; element keywords only at the top level. */
    protected override filterKeyword(context: CompletionContext, keyword: GrammarAST.Keyword): boolean {
        if (!super.filterKeyword(context, keyword)) return false;
        const element = this.blockAt(context);
        const property = propertyKeywords.get(keyword.value);
        if (element && property) {
            if (keyword.value === 'depends-on' && isTeam(element)) return true;
            return elementProperties[elementKind(element)].has(property);
        }
        return true;
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
