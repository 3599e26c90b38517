// `trellis graph [PATH...]`: draws one view of the plan (dependencies, metric tree, capacity,
// pillars) as SVG, DOT, Mermaid or JSON, with the same code the preview draws with.

import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { buildDiagram, isViewName, ViewOptionError } from '../language/graph/build-diagram.js';
import { exportFormats, viewNames, type ExportFormat } from '../language/graph/diagram.js';
import { findingsByElement } from '../language/graph/element-findings.js';
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
            today: { type: 'string' },
        },
    });
    const view = values.view!;
    if (!isViewName(view)) throw new UsageError(`--view must be one of ${viewNames.join(', ')}, not '${view}'`);
    const format = values.format as ExportFormat;
    if (!exportFormats.includes(format)) throw new UsageError(`--format must be one of ${exportFormats.join(', ')}, not '${values.format}'`);

    const files = findPlanFiles(positionals.length > 0 ? positionals : ['.']);
    if (files.length === 0) throw new UsageError(`no .trellis files in ${positionals.length > 0 ? positionals.join(', ') : 'the current folder'}`);
    const { services } = await loadWorkspace(files, values.today);
    const plan = services.plan.PlanService;
    let diagram;
    try {
        diagram = buildDiagram(plan.model, view, {
            impact: values.impact, team: values.team, pillar: values.pillar, cluster: !values['no-clusters'],
        }, findingsByElement(plan.findings));
    } catch (error) {
        if (error instanceof ViewOptionError) throw new UsageError(error.message);
        throw error;
    }
    const text = await renderDiagram(diagram, format, { standalone: true });
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
