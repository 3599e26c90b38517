import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { runGraph } from '../../cli/graph.js';
import { UsageError } from '../../cli/workspace.js';
import { planFiles } from './fixture.js';

let dir: string;
beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'trellis-graph-'));
    for (const [name, text] of Object.entries(planFiles)) fs.writeFileSync(path.join(dir, name), text);
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const out = (name: string) => path.join(dir, name);

describe('trellis graph', () => {
    test('writes each view in each format to -o', async () => {
        for (const view of ['dependencies', 'metrics', 'capacity', 'pillars']) {
            for (const format of ['svg', 'dot', 'mermaid', 'json']) {
                expect(await runGraph([dir, '--view', view, '--format', format, '-o', out(`${view}.${format}`), '--today', '2027-01-15'])).toBe(0);
            }
        }
        expect(fs.readFileSync(out('dependencies.svg'), 'utf8')).toMatch(/^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" class="trellis-diagram view-dependencies"/);
        expect(fs.readFileSync(out('capacity.dot'), 'utf8')).toContain('digraph "trellis"');
        expect(fs.readFileSync(out('metrics.mermaid'), 'utf8')).toContain('flowchart BT');
        expect(JSON.parse(fs.readFileSync(out('pillars.json'), 'utf8'))).toMatchObject({ trellis: 'graph', view: 'pillars' });
    });

    test('--impact draws what would stall, as the preview does', async () => {
        expect(await runGraph([dir, '--format', 'json', '--impact', 'sso-v2', '-o', out('impact.json')])).toBe(0);
        const json = JSON.parse(fs.readFileSync(out('impact.json'), 'utf8'));
        expect(json.impact).toMatchObject({ source: 'sso-v2', count: 7 });
    });

    test('bad options are usage errors with a message a person can act on', async () => {
        await expect(runGraph([dir, '--view', 'teams'])).rejects.toThrow(new UsageError("--view must be one of dependencies, metrics, capacity, pillars, not 'teams'"));
        await expect(runGraph([dir, '--format', 'gif'])).rejects.toThrow("--format must be one of svg, png, dot, mermaid, json, not 'gif'");
        await expect(runGraph([dir, '--depth', '2'])).rejects.toThrow('--depth needs --focus NAME');
        await expect(runGraph([dir, '--focus', 'nobody'])).rejects.toThrow("focus needs an element of the plan; 'nobody' is not defined in the plan");
        await expect(runGraph([dir, '--format', 'svg', '--scale', '2'])).rejects.toThrow('--scale is for --format png');
        await expect(runGraph([dir, '--impact', 'nobody'])).rejects.toThrow("impact needs a team or a bet; 'nobody' is not defined in the plan");
        await expect(runGraph([dir, '--team', 'nobody'])).rejects.toThrow(UsageError);
        await expect(runGraph([path.join(dir, 'missing')])).rejects.toThrow(UsageError);
    });
});
