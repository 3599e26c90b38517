// `trellis format` through the built command: the editor's layout written to disk, `--check`
// for CI, files with syntax errors left alone and named, line endings and BOM kept, and the
// proof that matters most: on every example, as written, with its whitespace mangled, with
// CRLF, and with its figures mutated, formatting keeps every comment, the same findings and
// the same plan, and a second run changes nothing.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot, removeTempDirs, tempPlan, trellis, trellisJson } from './run-cli.js';

afterAll(removeTempDirs);

const today = '2027-01-15';

describe('trellis format', () => {
    const messy = 'team   platform "Platform"{capacity 4\n      type   platform}\nbet sso { owner platform 60 %  }\n';
    const tidy = 'team platform "Platform" {\n  capacity 4\n  type platform\n}\nbet sso { owner platform 60% }\n';

    test('rewrites files in place, names them, and a second run changes nothing', () => {
        const dir = tempPlan({ 'a.trellis': messy, 'b.trellis': tidy.replace('platform', 'web').replace('sso', 'b') });
        const first = trellis(['format'], dir);
        expect(first).toMatchObject({ status: 0, stdout: 'a.trellis\n', stderr: '' });
        expect(fs.readFileSync(path.join(dir, 'a.trellis'), 'utf8')).toBe(tidy);
        expect(trellis(['format'], dir)).toMatchObject({ status: 0, stdout: '' });
        expect(trellis(['format', '--check'], dir)).toMatchObject({ status: 0, stdout: '', stderr: '' });
    });

    test('keeps comments wherever they are, block comments across lines included', () => {
        const text = '/* header\n   spans lines */\nteam t /* after name */ "T" {capacity 4 // people\n  /* between */ type platform}\n\n\n\n'
            + '// before bet\nbet x{owner t 60 % /* c2 */ support t 10%,t   5%\n      pillar p}\npillar p { target 100% }\n';
        const dir = tempPlan({ 'a.trellis': text });
        expect(trellis(['format'], dir).status).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'a.trellis'), 'utf8')).toBe('/* header\n   spans lines */\nteam t /* after name */ "T" {\n  capacity 4 // people\n'
            + '  /* between */\n  type platform\n}\n\n// before bet\nbet x {\n  owner t 60% /* c2 */\n  support t 10%, t 5%\n  pillar p\n}\npillar p { target 100% }\n');
    });

    test('--check writes nothing, lists the files that would change and exits 1', () => {
        const dir = tempPlan({ 'plans/a.trellis': messy, 'plans/b.trellis': tidy.replace('platform', 'web').replace('sso', 'b') });
        const result = trellis(['format', '--check', 'plans'], dir);
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('plans/a.trellis\n');
        expect(result.stderr).toBe("trellis: 1 file not formatted; run 'trellis format' to fix\n");
        expect(fs.readFileSync(path.join(dir, 'plans/a.trellis'), 'utf8')).toBe(messy);
    });

    test('a file with syntax errors is left untouched and named; the others are formatted', () => {
        const broken = 'team   broken {{\n  capacity 2\n';
        const dir = tempPlan({ 'a.trellis': messy, 'broken.trellis': broken });
        const result = trellis(['format'], dir);
        expect(result.status).toBe(1);
        expect(result.stdout).toBe('a.trellis\n');
        expect(result.stderr).toMatch(/^trellis: broken\.trellis:1: not formatted, it has syntax errors \(.+\)\n$/);
        expect(fs.readFileSync(path.join(dir, 'broken.trellis'), 'utf8')).toBe(broken);
        expect(fs.readFileSync(path.join(dir, 'a.trellis'), 'utf8')).toBe(tidy);
    });

    test('keeps CRLF line endings and a BOM', () => {
        const dir = tempPlan({ 'crlf.trellis': messy.replace(/\n/g, '\r\n'), 'bom.trellis': '\uFEFF' + messy.replace(/platform/g, 'web').replace('sso', 'b') });
        expect(trellis(['format'], dir).status).toBe(0);
        expect(fs.readFileSync(path.join(dir, 'crlf.trellis'), 'utf8')).toBe(tidy.replace(/\n/g, '\r\n'));
        expect(fs.readFileSync(path.join(dir, 'bom.trellis'), 'utf8')).toBe('\uFEFF' + tidy.replace(/platform/g, 'web').replace('sso', 'b'));
    });

    test('bad paths exit 2', () => {
        const dir = tempPlan({ 'notes.txt': 'no plan here' });
        expect(trellis(['format', 'missing'], dir)).toMatchObject({ status: 2, stderr: 'trellis: no such file or folder: missing\n' });
        expect(trellis(['format'], dir)).toMatchObject({ status: 2, stderr: 'trellis: no .trellis files in the current folder\n' });
    });
});

/** Splits a line into code, strings and comments, so mangling touches code only. */
function segments(line: string): { text: string; code: boolean }[] {
    return line.split(/("(?:[^"\\]|\\.)*"|\/\/.*$|\/\*.*?\*\/)/).map((text, i) => ({ text, code: i % 2 === 0 }));
}

function comments(text: string): string[] {
    return text.split(/\r?\n/).flatMap(line => segments(line).filter(s => !s.code && !s.text.startsWith('"')).map(s => s.text.trimEnd()));
}

/** The same tokens, different whitespace: indents, runs of spaces, `60 %`, ` ,  `, blank lines, trailing blanks. */
function mangle(text: string): string {
    return text.split('\n').map((line, i) => {
        const body = segments(line.trimStart()).map(s => (s.code
            ? s.text.replace(/(\d)%/g, '$1 %').replace(/,\s*/g, ' ,  ').replace(/ /g, i % 2 === 0 ? '   ' : ' ')
            : s.text)).join('');
        const indent = i % 5 === 0 ? '\t' : ' '.repeat((i * 3) % 7);
        const trailing = line.includes('//') ? '' : '  ';
        return `${indent}${body}${trailing}${i % 4 === 3 ? '\n\n' : ''}`;
    }).join('\n');
}

/** Other figures: every allocation up 25 points (capped at 100%), every review date gone. */
function mutate(text: string): string {
    return text.replace(/^(\s*(?:owner|support)\s.*)$/gm, line => line.replace(/(\d+)%/g, (_, n: string) => `${Math.min(100, Number(n) + 25)}%`))
        .replace(/^\s*review .*$/gm, '');
}

interface Finding { file: string; severity: string; code: string; message: string }

function findings(dir: string): Finding[] {
    const { report } = trellisJson(['check', '.', '--today', today], dir);
    // A message may name where another element is (`team in plan.trellis:172`): lines may move, nothing else.
    return report.diagnostics.map(({ file, severity, code, message }) => ({ file, severity, code, message: message.replace(/(\.trellis):\d+/g, '$1:N') }))
        .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

function readAll(dir: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of fs.readdirSync(dir).sort()) if (name.endsWith('.trellis')) files[name] = fs.readFileSync(path.join(dir, name), 'utf8');
    return files;
}

describe('formatting never changes the meaning', () => {
    const examples = fs.readdirSync(path.join(repoRoot, 'examples')).filter(name => fs.statSync(path.join(repoRoot, 'examples', name)).isDirectory()).sort();
    const variants: Record<string, (text: string) => string> = {
        'as written': text => text,
        mangled: mangle,
        'mangled, CRLF': text => mangle(text).replace(/\n/g, '\r\n'),
        'mutated and mangled': text => mangle(mutate(text)),
    };
    const cases = examples.flatMap(example => Object.keys(variants).map(variant => [example, variant] as const));

    test('there are examples to prove it on', () => {
        expect(examples).toEqual(expect.arrayContaining(['acme', 'every-check']));
    });

    test.each(cases)('%s, %s: same comments, findings and plan; idempotent', (example, variant) => {
        const original = readAll(path.join(repoRoot, 'examples', example));
        const files: Record<string, string> = {};
        for (const [name, text] of Object.entries(original)) {
            files[`before/${name}`] = variants[variant](text);
            files[`after/${name}`] = variants[variant](text);
        }
        const dir = tempPlan(files);
        const before = readAll(path.join(dir, 'before'));

        // every-check ends one file with a syntax error on purpose: that file is left as it is and named.
        const unparsable = [...new Set(findings(path.join(dir, 'before')).filter(f => f.code === 'syntax-error').map(f => f.file))].sort();
        const formatted = trellis(['format', 'after'], dir);
        expect(formatted.stderr.split('\n').filter(Boolean).map(line => /^trellis: after\/(\S+?):\d+: not formatted, it has syntax errors/.exec(line)?.[1])).toEqual(unparsable);
        expect(formatted.status).toBe(unparsable.length > 0 ? 1 : 0);
        const after = readAll(path.join(dir, 'after'));
        for (const name of unparsable) expect(after[name]).toBe(before[name]);
        if (variant !== 'as written') {
            // The mangling was undone in every file that parses, so the proof below is not empty.
            for (const name of Object.keys(before).filter(n => !unparsable.includes(n))) expect(after[name]).not.toBe(before[name]);
        }

        for (const name of Object.keys(before)) expect(comments(after[name])).toEqual(comments(before[name]));
        expect(findings(path.join(dir, 'after'))).toEqual(findings(path.join(dir, 'before')));
        const diff = trellis(['diff', 'before', 'after', '--today', today, '--format', 'json'], dir);
        const report = JSON.parse(diff.stdout) as { elements: unknown; findings: unknown; loads: unknown[] };
        expect(report.elements).toEqual({ added: [], removed: [], changed: [] });
        expect(report.findings).toEqual({ introduced: [], resolved: [], changed: [] });
        expect(report.loads).toEqual([]);

        expect(trellis(['format', '--check', 'after'], dir)).toMatchObject({ status: unparsable.length > 0 ? 1 : 0, stdout: '' });
    });
});
