// Semantic tokens: names of teams, bets, metrics, goals and pillars coloured by kind in any
// theme, at their definitions and wherever they are referenced; periods and numbers too.

import type { AstNode } from 'langium';
import { AbstractSemanticTokenProvider, type SemanticTokenAcceptor } from 'langium/lsp';
import { SemanticTokenModifiers, SemanticTokenTypes } from 'vscode-languageserver';
import {
    isAllocation, isAllowProperty, isBet, isCheckProperty, isDependsOnProperty, isDrivesProperty, isDuringProperty,
    isGoal, isGoalProperty, isMetric, isMetricChange, isMovesProperty, isPillar, isPillarProperty, isQuantity, isReviewProperty,
    isTargetProperty, isTeam,
} from '../generated/ast.js';

/** The token type for each kind of element, chosen so common themes give each a distinct colour. */
export const kindTokens: Readonly<Record<string, SemanticTokenTypes>> = {
    Team: SemanticTokenTypes.class,
    Bet: SemanticTokenTypes.function,
    Metric: SemanticTokenTypes.variable,
    Goal: SemanticTokenTypes.event,
    Pillar: SemanticTokenTypes.namespace,
};

export class TrellisSemanticTokenProvider extends AbstractSemanticTokenProvider {
    protected override highlightElement(node: AstNode, acceptor: SemanticTokenAcceptor): void {
        if (isTeam(node) || isBet(node) || isMetric(node) || isGoal(node) || isPillar(node)) {
            acceptor({ node, property: 'name', type: kindTokens[node.$type], modifier: [SemanticTokenModifiers.declaration] });
        } else if (isAllocation(node)) {
            acceptor({ node, property: 'team', type: kindTokens.Team });
        } else if (isDependsOnProperty(node)) {
            node.targets.forEach((target, index) => acceptor({ node, property: 'targets', index, type: kindTokens[target.ref?.$type ?? 'Bet'] }));
        } else if (isDrivesProperty(node) || isMovesProperty(node)) {
            node.metrics.forEach((_, index) => acceptor({ node, property: 'metrics', index, type: kindTokens.Metric }));
        } else if (isMetricChange(node)) {
            acceptor({ node, property: 'metric', type: kindTokens.Metric });
        } else if (isGoalProperty(node)) {
            acceptor({ node, property: 'goal', type: kindTokens.Goal });
        } else if (isPillarProperty(node)) {
            acceptor({ node, property: 'pillar', type: kindTokens.Pillar });
        } else if (isQuantity(node)) {
            acceptor({ node, property: 'value', type: SemanticTokenTypes.number });
        } else if (isDuringProperty(node)) {
            acceptor({ node, property: 'from', type: SemanticTokenTypes.number });
            if (node.to) acceptor({ node, property: 'to', type: SemanticTokenTypes.number });
        } else if (isReviewProperty(node)) {
            acceptor({ node, property: 'date', type: SemanticTokenTypes.number });
        } else if (isTargetProperty(node) && node.by) {
            acceptor({ node, property: 'by', type: SemanticTokenTypes.number });
        } else if (isCheckProperty(node) || isAllowProperty(node)) {
            acceptor({ node, property: 'code', type: SemanticTokenTypes.macro });
            if (isAllowProperty(node) && node.until) acceptor({ node, property: 'until', type: SemanticTokenTypes.number });
        }
    }
}
