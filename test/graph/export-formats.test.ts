import { Graphviz } from '@hpcc-js/wasm-graphviz';
import { beforeAll, describe, expect, test } from 'vitest';
import { buildDiagram } from '../../language/graph/build-diagram.js';
import { viewNames, type Diagram, type ViewName } from '../../language/graph/diagram.js';
import { toDot } from '../../language/graph/dot.js';
import { toMermaid } from '../../language/graph/mermaid.js';
import { renderDiagram, toJson } from '../../language/graph/render.js';
import { toSvg } from '../../language/graph/svg.js';
import { hostileFiles, hostileTexts, loadPlan, type LoadedPlan } from './fixture.js';
import { parseXml, type XmlDocument } from './xml.js';

let plan: LoadedPlan;
let hostile: LoadedPlan;
let graphviz: Graphviz;
beforeAll(async () => {
    [plan, hostile, graphviz] = await Promise.all([loadPlan(), loadPlan(hostileFiles), Graphviz.load()]);
});

const diagram = (view: ViewName, options = {}, from = plan) => buildDiagram(from.model, view, options, from.findings);

/** The element names a diagram must show: nodes, capacity rows, pillar bars and their bets. */
function expectedNames(d: Diagram): string[] {
    switch (d.type) {
        case 'graph': return d.nodes.map(n => n.id);
        case 'grid': return d.rows.map(r => r.team);
        case 'bars': return [...d.bars.map(b => b.pillar), ...d.bars.flatMap(b => b.bets.map(x => x.name))];
    }
}

/** Which hostile titles each view shows in every format (in headings, not only tooltips). */
const hostileShown: Record<ViewName, string[]> = {
    dependencies: hostileTexts,
    metrics: hostileTexts,
    capacity: [hostileTexts[0], hostileTexts[1]],
    pillars: [hostileTexts[0]],
};

/** No element or attribute that could run or load anything. Graphviz's own SVG wraps tooltips in `<a>` without a link. */
function expectInert(doc: XmlDocument, allowPlainAnchors = false): void {
    const names = new Set(doc.elements.map(e => e.name.toLowerCase()));
    for (const dangerous of ['script', 'img', 'foreignobject', 'iframe', 'use', 'image']) expect(names.has(dangerous), dangerous).toBe(false);
    if (!allowPlainAnchors) expect(names.has('a')).toBe(false);
    for (const element of doc.elements) {
        for (const [key, value] of Object.entries(element.attributes)) {
            expect(key.toLowerCase().startsWith('on'), `${element.name} ${key}`).toBe(false);
            if (key === 'href' || key === 'xlink:href') expect(value).not.toMatch(/^\s*javascript:/i);
        }
    }
    expect(doc.cdata).toEqual([]);
}

describe('SVG', () => {
    test.each(viewNames)('%s: well-formed XML with every element drawn', async view => {
        const d = diagram(view);
        const doc = parseXml(await toSvg(d));
        expect(doc.elements[0].name).toBe('svg');
        expect(doc.elements[0].attributes.xmlns).toBe('http://www.w3.org/2000/svg');
        const drawn = new Set(doc.elements.map(e => e.attributes['data-name']).filter(Boolean));
        for (const name of expectedNames(d)) expect(drawn, name).toContain(name);
        expectInert(doc);
    });

    test('nodes carry their findings and impact as classes', async () => {
        const doc = parseXml(await toSvg(diagram('dependencies', { impact: 'sso-v2' })));
        const node = (name: string) => doc.elements.find(e => e.attributes['data-name'] === name && e.attributes.class?.startsWith('node'))!;
        expect(node('platform').attributes.class).toContain('mark-overloaded-team');
        expect(node('loop-a').attributes.class).toContain('mark-dependency-cycle');
        expect(node('sso-v2').attributes.class).toContain('impact-source');
        expect(node('billing').attributes.class).toContain('impact-stalled');
        expect(doc.elements[0].attributes.class).toContain('has-impact');
        expect(doc.texts.join(' ')).toContain("If 'sso-v2' did nothing for six months, 7 elements would stall");
    });

    test('standalone files embed their stylesheet; the preview’s copy does not', async () => {
        const standalone = parseXml(await toSvg(diagram('capacity')));
        expect(standalone.elements.some(e => e.name === 'style')).toBe(true);
        const preview = parseXml(await toSvg(diagram('capacity'), { standalone: false }));
        expect(preview.elements.some(e => e.name === 'style')).toBe(false);
    });

    test.each(viewNames)('%s: hostile titles are text, in well-formed XML', async view => {
        const svg = await toSvg(diagram(view, {}, hostile));
        expect(svg).not.toContain('<script');
        expect(svg).not.toContain('<img');
        expect(svg).not.toContain(']]>');
        const doc = parseXml(svg);
        expectInert(doc);
        const text = [...doc.texts, ...doc.elements.flatMap(e => Object.values(e.attributes))].join('\n');
        for (const hostileText of hostileShown[view]) expect(text).toContain(hostileText.slice(0, 30));
        // Full titles, uncut, in the tooltips.
        expect(doc.texts.join('\n')).toContain(hostileTexts[0]);
    });

    test('the same plan draws the same picture', async () => {
        const again = await loadPlan();
        expect(await toSvg(buildDiagram(again.model, 'dependencies', {}, again.findings))).toBe(await toSvg(diagram('dependencies')));
    });
});

describe('DOT', () => {
    test.each(viewNames)('%s: Graphviz reads it', view => {
        const dot = toDot(diagram(view));
        expect(dot).toMatch(/^\/\/ Trellis — /);
        expect(() => graphviz.layout(dot, 'dot', 'dot')).not.toThrow();
    });

    test('every node and edge of a graph view is in it', () => {
        const d = diagram('dependencies');
        if (d.type !== 'graph') throw new Error('a graph view');
        const dot = toDot(d);
        for (const node of d.nodes) expect(dot).toContain(`"${node.id}" [`);
        for (const edge of d.edges) expect(dot).toContain(`"${edge.from}" -> "${edge.to}"`);
    });

    test.each(viewNames)('%s: hostile titles come out of Graphviz as text', view => {
        const dot = toDot(diagram(view, {}, hostile));
        const svg = graphviz.layout(dot, 'svg', 'dot');
        const doc = parseXml(svg);
        expectInert(doc, true);
        for (const a of doc.elements.filter(e => e.name === 'a')) expect(a.attributes['xlink:href']).toBeUndefined();
        const text = [...doc.texts, ...doc.elements.flatMap(e => Object.values(e.attributes))].join('\n');
        // Our labels cut long titles, so look for each title's start.
        for (const hostileText of hostileShown[view]) expect(text).toContain(hostileText.slice(0, 30));
    });

    test('`\\N` and `\\G` in a title stay as written instead of becoming the node or graph name', () => {
        const svg = graphviz.layout(toDot(diagram('dependencies', {}, hostile)), 'svg', 'dot');
        expect(parseXml(svg).texts.join('\n')).toContain(']]><!-- --> & \\N \\G');
    });
});

describe('Mermaid', () => {
    const decode = (label: string) => label.replace(/#(\d+);/g, (_, code: string) => String.fromCodePoint(Number(code)));

    /** A line-by-line reading of the flowchart subset we write; throws on anything else. */
    function checkFlowchart(text: string): { ids: Set<string>; labels: string[] } {
        const lines = text.split('\n').filter(l => l.trim() !== '' && !l.trim().startsWith('%%'));
        expect(lines[0]).toMatch(/^flowchart (LR|TB|BT)$/);
        const id = '[A-Za-z][A-Za-z0-9_]*';
        const label = '"[^"]*"';
        const patterns = [
            new RegExp(`^subgraph (${id})\\[(${label})\\]$`),
            /^end$/,
            /^direction (LR|TB|BT)$/,
            new RegExp(`^(${id})\\[(${label})\\]$`),
            new RegExp(`^(${id})\\[(${label})\\] --> (${id})$`),
            new RegExp(`^(${id}) (-->|-\\.->|==>)(?:\\|(${label})\\|)? (${id})$`),
            new RegExp(`^(${id})( ~~~ ${id})+$`),
            new RegExp(`^classDef ${id} [a-z-]+:[^ ]+$`),
            new RegExp(`^class ${id}(,${id})* ${id}$`),
            /^linkStyle \d+ [a-z-]+:[^ ]+$/,
        ];
        const ids = new Set<string>();
        const labels: string[] = [];
        let depth = 0;
        for (const raw of lines.slice(1)) {
            const line = raw.trim();
            const match = patterns.map(p => p.exec(line)).find(m => m !== null);
            expect(match, line).toBeTruthy();
            if (line.startsWith('subgraph ')) depth++;
            if (line === 'end') depth--;
            expect(depth).toBeGreaterThanOrEqual(0);
            for (const m of line.matchAll(new RegExp(label, 'g'))) {
                const inner = m[0].slice(1, -1);
                expect(inner.replace(/<br\/>/g, ''), line).not.toMatch(/[<>&"]/);
                labels.push(decode(inner.replace(/<br\/>/g, '\n')));
            }
            const node = new RegExp(`^(${id})\\[`).exec(line);
            if (node) ids.add(node[1]);
        }
        expect(depth).toBe(0);
        return { ids, labels };
    }

    test.each(viewNames)('%s: a flowchart Mermaid can read', view => {
        const { ids } = checkFlowchart(toMermaid(diagram(view)));
        expect(ids.size).toBeGreaterThan(0);
    });

    test('ids are distinct, never keywords, for names with dashes', () => {
        const text = toMermaid(diagram('dependencies', {}, hostile));
        expect(text).toContain('n_b_2d__2d_2[');
        expect(text).toContain('n_end[');
        expect(text).not.toMatch(/^\s*end\[/m);
    });

    test.each(viewNames)('%s: hostile titles are entity codes that decode to the text', view => {
        const text = toMermaid(diagram(view, {}, hostile));
        const { labels } = checkFlowchart(text);
        const all = labels.join('\n');
        for (const hostileText of hostileShown[view]) expect(all).toContain(hostileText.slice(0, 30));
    });
});

describe('JSON', () => {
    test.each(viewNames)('%s: the graph model, versioned and stable', async view => {
        const d = diagram(view);
        const text = await renderDiagram(d, 'json');
        const parsed = JSON.parse(text) as { trellis: string; version: number; view: string };
        expect(parsed.trellis).toBe('graph');
        expect(parsed.version).toBe(1);
        expect(parsed.view).toBe(view);
        expect(parsed).toEqual(JSON.parse(JSON.stringify({ trellis: 'graph', version: 1, ...d })));
        const again = await loadPlan();
        expect(toJson(buildDiagram(again.model, view, {}, again.findings))).toBe(text);
    });

    test('starts with its kind and version, then the view', async () => {
        const text = await renderDiagram(diagram('pillars'), 'json');
        expect(text.split('\n').slice(0, 5)).toEqual(['{', '  "trellis": "graph",', '  "version": 1,', '  "type": "bars",', '  "view": "pillars",']);
    });
});
