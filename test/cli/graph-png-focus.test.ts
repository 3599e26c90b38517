// `trellis graph --format png` and `--focus NAME --depth N`, run as a process the way a user
// or a CI job runs them.

import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { removeTempDirs, repoRoot, tempPlan, trellis } from './run-cli.js';

afterAll(removeTempDirs);

const acme = ['examples/acme', '--today', '2027-01-15'];

/** Width and height from a PNG's IHDR chunk, after checking its signature. */
function pngSize(file: string): { width: number; height: number } {
    const bytes = fs.readFileSync(file);
    expect([...bytes.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function svgSize(text: string): { width: number; height: number } {
    const m = /<svg [^>]*width="([\d.]+)" height="([\d.]+)"/.exec(text)!;
    return { width: Number(m[1]), height: Number(m[2]) };
}

describe('trellis graph --format png', () => {
    const dir = tempPlan({});

    test.each(['dependencies', 'metrics', 'capacity', 'pillars'])('%s: a PNG at twice the SVG\'s size by default, and at --scale', view => {
        const svg = trellis(['graph', ...acme, '--view', view]);
        expect(svg.status).toBe(0);
        const size = svgSize(svg.stdout);
        const file = path.join(dir, `${view}.png`);
        const run = trellis(['graph', ...acme, '--view', view, '--format', 'png', '-o', file]);
        expect(run.stderr).toBe('');
        expect(run.status).toBe(0);
        expect(pngSize(file)).toEqual({ width: Math.round(size.width * 2), height: Math.round(size.height * 2) });
        const one = path.join(dir, `${view}-1.png`);
        expect(trellis(['graph', ...acme, '--view', view, '--format', 'png', '--scale', '1', '-o', one]).status).toBe(0);
        expect(pngSize(one)).toEqual({ width: Math.round(size.width), height: Math.round(size.height) });
    });

    test('to standard output when it is not a terminal: the same bytes as -o', () => {
        const file = path.join(dir, 'out.png');
        expect(trellis(['graph', ...acme, '--view', 'capacity', '--format', 'png', '-o', file]).status).toBe(0);
        const piped = spawnSync(process.execPath, [path.join(repoRoot, 'bin/trellis.cjs'), 'graph', ...acme, '--view', 'capacity', '--format', 'png'], { cwd: repoRoot, timeout: 30_000 });
        expect(piped.status).toBe(0);
        expect(Buffer.compare(piped.stdout, fs.readFileSync(file))).toBe(0);
    });

    test('a bad --scale is bad usage', () => {
        const run = trellis(['graph', ...acme, '--format', 'png', '--scale', 'huge', '-o', path.join(dir, 'x.png')]);
        expect(run.status).toBe(2);
        expect(run.stderr).toBe("trellis: --scale must be a number above 0 and at most 8, not 'huge'\n");
    });
});

describe('trellis graph --focus', () => {
    test('--focus NAME --depth 1 draws the element and its direct neighbours only', () => {
        const run = trellis(['graph', ...acme, '--format', 'json', '--focus', 'guided-setup', '--depth', '1']);
        expect(run.status).toBe(0);
        const diagram = JSON.parse(run.stdout) as { nodes: Array<{ id: string }>; focus: { name: string; depth: number; shown: number; total: number } };
        expect(diagram.focus).toMatchObject({ name: 'guided-setup', depth: 1 });
        expect(diagram.focus.shown).toBe(diagram.nodes.length);
        expect(diagram.focus.total).toBeGreaterThan(diagram.nodes.length);
        expect(diagram.nodes.map(n => n.id)).toContain('guided-setup');
        expect(diagram.nodes.length).toBeLessThan(10);
    });

    test('the SVG says what it focuses on', () => {
        const run = trellis(['graph', ...acme, '--focus', 'identity']);
        expect(run.status).toBe(0);
        expect(run.stdout).toMatch(/Focused on identity: \d+ of \d+ elements, up to 2 hops up and down/);
    });

    test('an unknown element or a bad depth is bad usage, one line on stderr', () => {
        const unknown = trellis(['graph', ...acme, '--focus', 'nobody']);
        expect(unknown.status).toBe(2);
        expect(unknown.stderr).toBe("trellis: focus needs an element of the plan; 'nobody' is not defined in the plan\n");
        const depth = trellis(['graph', ...acme, '--focus', 'identity', '--depth', 'two']);
        expect(depth.status).toBe(2);
        expect(depth.stderr).toBe("trellis: --depth must be a whole number, 1 or more, not 'two'\n");
    });
});
