// The stylesheet of an exported (standalone) SVG: a light theme that reads well in
// documents and on GitHub. Sizes and weights of text are on each <text> element (see
// svg-parts.ts), where they were measured, not here. The preview does not embed it: there the webview's own stylesheet
// styles the same classes with the editor's theme colours.

import { palette } from './dot.js';

const p = palette;

export const standaloneCss = `
.trellis-diagram { fill: ${p.text}; }
.trellis-diagram .background { fill: #ffffff; }
.trellis-diagram .diagram-note, .trellis-diagram .sub, .trellis-diagram .name, .trellis-diagram .fact { fill: ${p.muted}; }
.trellis-diagram .cluster rect { fill: ${p.cluster}; stroke: ${p.faint}; }
.trellis-diagram .cluster-label { fill: ${p.muted}; }
.trellis-diagram .node-box { fill: ${p.bet}; stroke: ${p.line}; stroke-width: 1; }
.trellis-diagram .team .node-box { fill: ${p.team}; }
.trellis-diagram .goal .node-box { fill: ${p.goal}; }
.trellis-diagram .metric .node-box { fill: ${p.metric}; }
.trellis-diagram .north-star .node-box { fill: ${p.northStar}; stroke-width: 2; }
.trellis-diagram .done .node-box, .trellis-diagram .dropped .node-box { stroke-dasharray: 4 3; }
.trellis-diagram .dropped .heading { text-decoration: line-through; }
.trellis-diagram .severity-warning .node-box { stroke: ${p.warning}; stroke-width: 2; }
.trellis-diagram .severity-error .node-box { stroke: ${p.error}; stroke-width: 2; }
.trellis-diagram .findings { fill: ${p.warning}; }
.trellis-diagram .severity-error .findings { fill: ${p.error}; }
.trellis-diagram .edge-line { fill: none; stroke: ${p.line}; stroke-width: 1.2; }
.trellis-diagram .arrowhead { fill: ${p.line}; stroke: none; }
.trellis-diagram .edge-label { fill: ${p.muted}; paint-order: stroke; stroke: #ffffff; stroke-width: 3px; stroke-linejoin: round; }
.trellis-diagram .support .edge-line, .trellis-diagram .expects .edge-line { stroke-dasharray: 5 3; }
.trellis-diagram .drives .edge-line { stroke-width: 1.8; }
.trellis-diagram .cycle .edge-line { stroke: ${p.error}; stroke-width: 2; }
.trellis-diagram .cycle .arrowhead { fill: ${p.error}; }
.trellis-diagram.has-impact .nodes .node:not(.impact-source):not(.impact-stalled) { opacity: 0.35; }
.trellis-diagram.has-impact .edges .edge:not(.impact) { opacity: 0.25; }
.trellis-diagram .added .node-box { stroke: #1a7f37; stroke-width: 3; }
.trellis-diagram .changed .node-box { stroke: #8250df; stroke-width: 3; stroke-dasharray: 6 3; }
.trellis-diagram .impact-source .node-box { fill: ${p.impactSource}; stroke: ${p.error}; stroke-width: 3; }
.trellis-diagram .impact-stalled .node-box { fill: ${p.impactStalled}; stroke: ${p.error}; }
.trellis-diagram .edge.impact .edge-line { stroke: ${p.error}; stroke-width: 2; }
.trellis-diagram .edge.impact .arrowhead { fill: ${p.error}; }
.trellis-diagram .impact-banner rect { fill: ${p.impactStalled}; stroke: ${p.error}; }
.trellis-diagram .grid-line { stroke: ${p.faint}; }
.trellis-diagram .quarter { fill: ${p.muted}; }
.trellis-diagram .quarter.current { fill: ${p.info}; }
.trellis-diagram .current-column { fill: none; stroke: ${p.info}; stroke-width: 1.5; }
.trellis-diagram .cell rect { stroke: #ffffff; stroke-width: 2; }
${p.heat.map((color, i) => `.trellis-diagram .heat-${i} rect, .trellis-diagram .swatch.heat-${i} { fill: ${color}; }`).join('\n')}
.trellis-diagram .cell .wip { fill: ${p.muted}; }
.trellis-diagram .cell.overloaded rect { stroke: ${p.error}; stroke-width: 2; }
/* Dark red: readable on the red of an overloaded cell. */
.trellis-diagram .cell.overloaded .load, .trellis-diagram .cell.too-much-wip .wip { fill: #82071e; }
.trellis-diagram .cell.impact rect { stroke: ${p.error}; stroke-dasharray: 3 2; stroke-width: 2; }
.trellis-diagram .axis { stroke: ${p.faint}; }
.trellis-diagram .tick { fill: ${p.muted}; }
.trellis-diagram .track { fill: ${p.cluster}; }
.trellis-diagram .tolerance, .trellis-diagram .target, .trellis-diagram .target-label { pointer-events: none; }
.trellis-diagram .tolerance { fill: ${p.info}; opacity: 0.12; }
.trellis-diagram .target { stroke: ${p.info}; stroke-width: 2; }
.trellis-diagram .target-label { fill: ${p.info}; }
.trellis-diagram .segment rect { fill: ${p.team}; stroke: #ffffff; stroke-width: 1; }
.trellis-diagram .segment.alt rect { fill: #b6e3ff; }
.trellis-diagram .segment.impact rect { fill: ${p.impactSource}; }
.trellis-diagram .bet-names { fill: ${p.muted}; }
.trellis-diagram .bet-names .impact { fill: ${p.error}; }
.trellis-diagram .bar.mark-pillar-drift .actual { fill: ${p.warning}; }
`;
