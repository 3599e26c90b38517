// Summarises a V8 CPU profile (`node --cpu-prof`): the functions with the most self time and
// the most total time, so a profile can be read in a terminal.
//
//   node --cpu-prof --cpu-prof-dir=/tmp/prof bin/trellis.cjs check /tmp/trellis-50k
//   node bench/profile-summary.mjs /tmp/prof/CPU.*.cpuprofile [--top 30]

import * as fs from 'node:fs';

const args = process.argv.slice(2);
const topIndex = args.indexOf('--top');
const top = topIndex >= 0 ? Number(args[topIndex + 1]) : 30;
const file = args.find((a, i) => !a.startsWith('--') && (topIndex < 0 || i !== topIndex + 1));
if (!file) {
    process.stderr.write('usage: node bench/profile-summary.mjs PROFILE.cpuprofile [--top N]\n');
    process.exit(2);
}

const profile = JSON.parse(fs.readFileSync(file, 'utf8'));
const byId = new Map(profile.nodes.map(n => [n.id, n]));
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

// Self time per node from the sample intervals.
const selfTime = new Map();
for (let i = 0; i < profile.samples.length; i++) {
    const dt = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    selfTime.set(profile.samples[i], (selfTime.get(profile.samples[i]) ?? 0) + dt);
}
const label = n => {
    const f = n.callFrame;
    const where = f.url ? `${f.url.split('/').slice(-2).join('/')}:${f.lineNumber + 1}` : '';
    return `${f.functionName || '(anonymous)'} ${where}`.trim();
};
const self = new Map();
const total = new Map();
for (const [id, t] of selfTime) {
    const key = label(byId.get(id));
    self.set(key, (self.get(key) ?? 0) + t);
    // Inclusive: every distinct function on the stack gets the sample once.
    const seen = new Set();
    for (let cur = id; cur !== undefined; cur = parent.get(cur)) {
        const k = label(byId.get(cur));
        if (seen.has(k)) continue;
        seen.add(k);
        total.set(k, (total.get(k) ?? 0) + t);
    }
}
const all = [...selfTime.values()].reduce((a, b) => a + b, 0);
const show = (title, map) => {
    process.stdout.write(`\n${title} (of ${all.toFixed(0)} ms sampled)\n`);
    for (const [k, t] of [...map].sort((a, b) => b[1] - a[1]).slice(0, top)) {
        process.stdout.write(`${t.toFixed(0).padStart(8)} ms ${(100 * t / all).toFixed(1).padStart(5)}%  ${k}\n`);
    }
};
show('Self time', self);
show('Total time', total);
