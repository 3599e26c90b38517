// What the language server answers to the preview's `trellis/previewView` request: the view
// drawn as SVG (Graphviz layout included), the impact summary, and where every element is
// defined so the client can reveal on click and highlight under the cursor without asking again.

import { AstUtils, GrammarUtils } from 'langium';
import type { NamedElement } from '../generated/ast.js';
import type { PlanModel } from '../model/plan-model.js';
import type { PlanElementInfo, PreviewViewParams, PreviewViewResult } from '../protocol.js';
import type { TrellisServices } from '../trellis-module.js';
import { buildDiagram, isViewName, ViewOptionError } from './build-diagram.js';
import type { Diagram, ElementKind, ViewOptions } from './diagram.js';
import { findingsByElement } from './element-findings.js';
import { svgToPng } from './png.js';
import { toSvg } from './svg.js';
import { byName } from './view-helpers.js';

/** What a preview answer needs from the plan, read in one go (no syntax tree kept). */
export interface PreparedPreview {
    readonly view: PreviewViewResult['view'];
    readonly elements: PlanElementInfo[];
    readonly diagram?: Diagram;
    readonly error?: string;
    readonly standalone: boolean;
    /** The PNG's scale, when one is asked for. */
    readonly png?: number;
}

/**
 * Reads the plan for a preview answer: quick, and the only part that touches the workspace,
 * so the server runs it under the workspace's read lock and lays out after releasing it.
 */
export function preparePreview(services: TrellisServices, params: PreviewViewParams, changes?: ViewOptions['changes']): PreparedPreview {
    const view = isViewName(params.view) ? params.view : 'dependencies';
    const plan = services.plan.PlanService;
    const model = plan.model;
    const elements = planElements(model);
    const standalone = params.standalone ?? false;
    try {
        const diagram = buildDiagram(model, view, {
            team: params.team || undefined, pillar: params.pillar || undefined, impact: params.impact || undefined, cluster: params.cluster,
            focus: params.focus || undefined, depth: params.depth, collapsed: params.collapsed, changes,
        }, findingsByElement(services.validation.WorkspaceFindings.current));
        return { view, elements, diagram, standalone, png: params.png === true && standalone ? (params.scale ?? 2) : undefined };
    } catch (error) {
        if (!(error instanceof ViewOptionError)) throw error;
        return { view, elements, error: capitalize(error.message), standalone };
    }
}

/** Lays out and draws a prepared answer. */
export async function drawPreview(prepared: PreparedPreview): Promise<PreviewViewResult> {
    const { view, elements, diagram } = prepared;
    if (!diagram) return { view, title: view, svg: '', elements, error: prepared.error };
    const svg = await toSvg(diagram, { standalone: prepared.standalone });
    const png = prepared.png !== undefined ? Buffer.from(await svgToPng(svg, prepared.png)).toString('base64') : undefined;
    const focus = diagram.type === 'graph' ? diagram.focus : undefined;
    const nodeCount = diagram.type === 'graph' ? diagram.nodes.length : undefined;
    return { view, title: diagram.title, svg, impact: diagram.impact, focus, nodeCount, png, elements };
}

export async function previewView(services: TrellisServices, params: PreviewViewParams): Promise<PreviewViewResult> {
    return drawPreview(preparePreview(services, params));
}

/** Every named element with where it is defined (the first definition of a duplicate). */
export function planElements(model: PlanModel): PlanElementInfo[] {
    const result: PlanElementInfo[] = [];
    for (const [name, defs] of model.definitions) {
        const node: NamedElement = defs[0];
        const cst = node.$cstNode;
        if (!cst) continue;
        const nameNode = GrammarUtils.findNodeForProperty(cst, 'name') ?? cst;
        result.push({
            name, kind: node.$type.toLowerCase() as ElementKind, title: node.title,
            uri: AstUtils.getDocument(node).uri.toString(),
            range: cst.range, selectionRange: nameNode.range,
        });
    }
    return result.sort((a, b) => byName(a.name, b.name));
}

function capitalize(text: string): string {
    return text.charAt(0).toUpperCase() + text.slice(1);
}
