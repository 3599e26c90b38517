// `trellis graph [PATH...]`: draws one view of the plan (dependencies, metric tree, capacity,
// pillars) as SVG, PNG, DOT, Mermaid or JSON, with the same code the preview draws with.

import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { buildDiagram, isViewName, ViewOptionError } from '../language/graph/build-diagram.js';
import { exportFormats, viewNames, type ExportFormat } from '../language/graph/diagram.js';
import { findingsByElement } from '../language/graph/element-findings.js';
import { defaultPngScale, svgToPng } from '../language/graph/png.js';
import { renderDiagram } from '../language/graph/render.js';
import { findPlanFiles, loadWorkspace, UsageError } from './workspace.js';

export async function runGraph(args: string[]): Promise<number> {
    const { values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
            view: { type: 'string', default: 'dependencies' },
            format: { type: 'string', default: 'svg' },
            output: { type: 'string', short: 'o' },
            impact: { type: 'string' },
            team: { type: 'string' },
            pillar: { type: 'string' },
            'no-clusters': { type: 'boolean', default: false },
            focus: { type: 'string' },
            depth: { type: 'string' },
            scale: { type: 'string' },
            today: { type: 'string' },
        },
    });
    const view = values.view!;
    if (!isViewName(view)) throw new UsageError(`--view must be one of ${viewNames.join(', ')}, not '${view}'`);
    const format = values.format as ExportFormat;
    if (!exportFormats.includes(format)) throw new UsageError(`--format must be one of ${exportFormats.join(', ')}, not '${values.format}'`);

    const depth = values.depth !== undefined ? wholeNumber('--depth', values.depth) : undefined;
    if (depth !== undefined && values.focus === undefined) throw new UsageError('--depth needs --focus NAME');
    const scale = values.scale !== undefined ? Number(values.scale) : defaultPngScale;
    if (values.scale !== undefined && format !== 'png') throw new UsageError('--scale is for --format png');
    if (!(scale > 0 && scale <= 8)) throw new UsageError(`--scale must be a number above 0 and at most 8, not '${values.scale}'`);
    if (format === 'png' && values.output === undefined && process.stdout.isTTY) throw new UsageError('a PNG is binary: write it to a file with -o FILE (or redirect the output)');

    const files = findPlanFiles(positionals.length > 0 ? positionals : ['.']);
    if (files.length === 0) throw new UsageError(`no .trellis files in ${positionals.length > 0 ? positionals.join(', ') : 'the current folder'}`);
    const { services } = await loadWorkspace(files, values.today);
    const plan = services.plan.PlanService;
    let diagram;
    try {
        diagram = buildDiagram(plan.model, view, {
            impact: values.impact, team: values.team, pillar: values.pillar, cluster: !values['no-clusters'], focus: values.focus, depth,
        }, findingsByElement(services.validation.WorkspaceFindings.current));
    } catch (error) {
        if (error instanceof ViewOptionError) throw new UsageError(error.message);
        throw error;
    }
    const text = format === 'png'
        ? await svgToPng(await renderDiagram(diagram, 'svg', { standalone: true }), scale)
        : await renderDiagram(diagram, format, { standalone: true });
    if (values.output !== undefined) {
        try {
            fs.writeFileSync(values.output, text);
        } catch (error) {
            throw new UsageError(`cannot write ${values.output}: ${(error as Error).message}`);
        }
    } else {
        process.stdout.write(text);
    }
    return 0;
}

function wholeNumber(flag: string, text: string): number {
    const value = Number(text);
    if (!/^\d+$/.test(text) || value < 1) throw new UsageError(`${flag} must be a whole number, 1 or more, not '${text}'`);
    return value;
}
