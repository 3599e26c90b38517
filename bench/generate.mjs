// A seeded generator of realistic Trellis workspaces for the benchmarks and the performance
// tests: pillars summing to 100%, a metric tree with one north star, goals, teams, and bets
// whose owner and support allocations keep most teams under their capacity, with review
// dates, `during` ranges over 2027 and mostly acyclic dependencies. The same plan can be
// written in three layouts, as the equivalent TaskJuggler project, and as equivalent JSON.
//
//   node bench/generate.mjs --elements 50k --layout spread --out /tmp/trellis-50k [--seed 1] [--chain N] [--tjp] [--json]
//
// `--chain N` threads a chain through every Nth bet: each of them also depends on the Nth bet
// before it (`--chain 1`: each bet on the one before). Otherwise the plan is the same.

import * as fs from 'node:fs';
import * as path from 'node:path';

export const layouts = ['central', 'grouped', 'spread'];
export const elementsPerFile = 50;

/** `1k`, `10k`, `50000` → a number. */
export function parseSize(text) {
    const m = /^(\d+(?:\.\d+)?)([kK]?)$/.exec(String(text).trim());
    if (!m) throw new Error(`not a size: ${text}`);
    return Math.round(Number(m[1]) * (m[2] ? 1000 : 1));
}

export function sizeLabel(n) {
    return n % 1000 === 0 ? `${n / 1000}k` : String(n);
}

/** A small, fast, seeded PRNG (mulberry32). */
export function random(seed) {
    let a = seed >>> 0;
    const next = () => {
        a = (a + 0x6d2b79f5) >>> 0;
        let t = a;
        t = Math.imul(t ^ (t >>> 15), t | 1);
        t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
        return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const int = (lo, hi) => lo + Math.floor(next() * (hi - lo + 1));
    const pick = list => list[Math.floor(next() * list.length)];
    const chance = p => next() < p;
    const weighted = pairs => {
        let r = next() * pairs.reduce((s, [, w]) => s + w, 0);
        for (const [value, w] of pairs) if ((r -= w) < 0) return value;
        return pairs[pairs.length - 1][0];
    };
    const shuffle = list => {
        for (let i = list.length - 1; i > 0; i--) {
            const j = Math.floor(next() * (i + 1));
            [list[i], list[j]] = [list[j], list[i]];
        }
        return list;
    };
    return { next, int, pick, chance, weighted, shuffle };
}

const areaWords = [
    'onboarding', 'billing', 'search', 'payments', 'identity', 'mobile', 'analytics', 'checkout', 'catalog', 'messaging',
    'notifications', 'reporting', 'integrations', 'security', 'infra', 'data', 'support', 'pricing', 'marketplace', 'admin',
    'collab', 'editor', 'storage', 'sync', 'ml', 'ads', 'partners', 'compliance', 'growth', 'accounts',
];
const verbs = ['faster', 'simpler', 'guided', 'smarter', 'unified', 'bulk', 'instant', 'safer', 'cheaper', 'offline', 'shared', 'scheduled', 'automated', 'self-serve', 'regional'];
const nouns = ['setup', 'refunds', 'invoices', 'login', 'exports', 'imports', 'search', 'alerts', 'dashboards', 'roles', 'audit', 'sync', 'checkout', 'reports', 'webhooks', 'templates', 'billing', 'sharing', 'previews', 'comments'];
const teamNouns = ['core', 'platform', 'experience', 'foundations', 'squad', 'crew', 'guild', 'lab', 'ops', 'apps'];
const metricNouns = ['activation', 'retention', 'conversion', 'latency', 'uptime', 'nps', 'revenue', 'adoption', 'churn', 'tickets'];
const pillarDefs = [
    { name: 'growth', title: 'Grow new customers', target: 40 },
    { name: 'retention', title: 'Keep the customers we have', target: 35 },
    { name: 'foundations', title: 'Keep the lights on, pay down debt', target: 25 },
];
const stageWeights = [['explore', 18], ['validate', 20], ['commit', 27], ['scale', 15], ['done', 12], ['dropped', 8]];
const fundingWeights = [['new-offering', 30], ['operational-optimizer', 30], ['rebuild', 15], ['platform', 25]];
const teamTypes = [['stream-aligned', 70], ['platform', 15], ['enabling', 8], ['complicated-subsystem', 7]];
const quarters = ['2027-Q1', '2027-Q2', '2027-Q3', '2027-Q4'];

/**
 * The plan as plain data: the same plan whatever the layout, so every layout and the
 * TaskJuggler and JSON equivalents describe one workspace.
 */
export function generatePlan(elements, seed = 1, options = {}) {
    const r = random(seed * 7919 + elements);
    const nMetrics = Math.max(4, Math.round(elements * 0.02));
    const nGoals = Math.max(3, Math.round(elements * 0.05));
    const nTeams = Math.max(4, Math.round(elements * 0.08));
    const nBets = Math.max(1, elements - pillarDefs.length - nMetrics - nGoals - nTeams);
    const nAreas = Math.max(2, Math.round(elements / 2500));
    const areas = Array.from({ length: nAreas }, (_, i) => (i < areaWords.length ? areaWords[i] : `${areaWords[i % areaWords.length]}${Math.floor(i / areaWords.length) + 1}`));
    const areaOf = (i, n) => areas[Math.min(nAreas - 1, Math.floor((i * nAreas) / n))];
    const byArea = list => {
        const map = new Map(areas.map(a => [a, []]));
        for (const x of list) map.get(x.area).push(x);
        return map;
    };

    const policy = { maxWip: 12, minSlice: 5, maxBlastRadius: 40 };
    const pillars = pillarDefs.map(p => ({ kind: 'pillar', ...p, area: 'company' }));

    // The metric tree: one north star; each area's first metric drives it, the others drive an earlier metric of their area.
    const metrics = [];
    for (let i = 0; i < nMetrics; i++) {
        const area = i === 0 ? 'company' : areaOf(i, nMetrics);
        const noun = r.pick(metricNouns);
        const metric = {
            kind: 'metric', name: i === 0 ? 'weekly-active-customers' : `${area}-${noun}-m${i}`,
            title: i === 0 ? 'Weekly active customers' : `${cap(area)} ${noun}`, area,
            northStar: i === 0, unit: i === 0 ? 'customers/week' : r.pick(['%', 'ms', 'count', 'EUR']),
            baseline: r.int(10, 1000), target: r.int(1000, 2000), by: r.pick(quarters), drives: [],
        };
        if (i > 0) {
            const earlier = metrics.filter(m => m.area === area);
            metric.drives.push(earlier.length > 0 && r.chance(0.85) ? r.pick(earlier).name : metrics[0].name);
        }
        metrics.push(metric);
    }
    const metricsByArea = byArea(metrics.filter(m => m.area !== 'company'));
    const areaMetrics = area => (metricsByArea.get(area).length > 0 ? metricsByArea.get(area) : metrics);

    const goals = [];
    for (let i = 0; i < nGoals; i++) {
        const area = areaOf(i, nGoals);
        const verb = r.pick(verbs), noun = r.pick(nouns);
        const moves = [r.pick(areaMetrics(area)).name];
        if (r.chance(0.3)) moves.push(r.pick(metrics).name);
        goals.push({
            kind: 'goal', name: `${area}-${verb}-${noun}-g${i}`, title: `${cap(verb)} ${noun} for ${area}`, area,
            pillar: r.weighted(pillarDefs.map(p => [p.name, p.target])), moves: [...new Set(moves)],
        });
    }
    const goalsByArea = byArea(goals);

    const teams = [];
    for (let i = 0; i < nTeams; i++) {
        const area = areaOf(i, nTeams);
        const type = i < nAreas ? 'platform' : r.weighted(teamTypes);
        const noun = type === 'platform' ? 'platform' : r.pick(teamNouns);
        const team = {
            kind: 'team', name: `${area}-${noun}-t${i}`, title: `${cap(area)} ${noun} ${i}`, area, type,
            capacity: r.chance(0.01) ? 1 : r.int(3, 11),
            awareness: r.pick(['unintelligible', 'implicit', 'explicit']),
            change: r.pick(['slow', 'rapid-growth', 'moderate-growth', 'descaling']),
            effectiveness: r.pick(['getting-worse', 'working-for-now', 'getting-better']),
            dependsOn: [], allow: undefined,
        };
        teams.push(team);
    }
    const platformTeams = teams.filter(t => t.type === 'platform');
    for (const team of teams) {
        // Teams lean on platform teams defined before them: no loops between teams.
        const earlier = platformTeams.filter(p => teams.indexOf(p) < teams.indexOf(team));
        if (earlier.length > 0 && r.chance(0.2)) team.dependsOn.push(r.pick(earlier).name);
        if (r.chance(0.01)) team.allow = { code: 'too-much-wip', reason: 'two squads merge in Q2', until: '2027-06-30' };
    }
    const teamsByArea = byArea(teams);

    // Bets, area by area. Loads are tracked per team and quarter so allocations fit under 100% where they can.
    const load = new Map(teams.map(t => [t.name, [0, 0, 0, 0]]));
    const headroom = (team, from, to) => {
        const l = load.get(team);
        let max = 0;
        for (let q = from; q <= to; q++) max = Math.max(max, l[q]);
        return 100 - max;
    };
    const book = (team, from, to, share) => {
        const l = load.get(team);
        for (let q = from; q <= to; q++) l[q] += share;
    };
    const bets = [];
    const betsByArea = new Map(areas.map(a => [a, []]));
    for (let i = 0; i < nBets; i++) {
        const area = areaOf(i, nBets);
        const local = betsByArea.get(area);
        const verb = r.pick(verbs), noun = r.pick(nouns);
        const stage = r.weighted(stageWeights);
        const funding = r.weighted(fundingWeights);
        const bet = {
            kind: 'bet', name: `${verb}-${noun}-b${i}`, title: `${cap(verb)} ${noun} (${area})`, area, stage, funding,
            goal: undefined, pillar: undefined, owner: undefined, support: [], during: undefined, review: undefined,
            dependsOn: [], expects: [],
        };
        const purpose = r.next();
        if (purpose < 0.885) bet.goal = (r.chance(0.9) ? r.pick(goalsByArea.get(area)) : r.pick(goals)).name;
        else if (purpose < 0.995) bet.pillar = r.weighted(pillarDefs.map(p => [p.name, p.target]));

        // Dependencies: mostly on recent bets of the same area; sometimes on a platform team; rarely on a later bet (loops happen).
        let earliest = 0;
        const depCount = r.weighted([[0, 70], [1, 20], [2, 10]]);
        for (let d = 0; d < depCount && local.length > 0; d++) {
            const dep = local[Math.max(0, local.length - 1 - r.int(0, 300))];
            if (!bet.dependsOn.includes(dep.name)) {
                bet.dependsOn.push(dep.name);
                if (dep.during && r.chance(0.9)) earliest = Math.max(earliest, dep.during[1]);
            }
        }
        if (r.chance(0.04)) bet.dependsOn.push(r.pick(platformTeams).name);
        if (r.chance(0.001)) bet.forward = Math.min(nBets - 1, i + r.int(1, 20));

        const from = Math.min(3, earliest + (r.chance(0.5) ? 0 : r.int(0, 1)));
        const to = Math.min(3, from + r.weighted([[0, 45], [1, 35], [2, 15], [3, 5]]));
        bet.during = [from, to];
        const active = stage !== 'done' && stage !== 'dropped';

        const areaTeams = teamsByArea.get(area);
        const pickTeam = () => (r.chance(0.9) ? r.pick(areaTeams) : r.pick(teams));
        const desired = r.pick([5, 10, 10, 15, 15, 20, 25, 30]);
        let owner = pickTeam(), share = desired;
        if (active) {
            // The first team with room takes it; when none of a few has room, the roomiest does (and may overload).
            let best = owner, bestRoom = headroom(owner.name, from, to);
            for (let attempt = 0; attempt < 6 && bestRoom < desired; attempt++) {
                const candidate = pickTeam();
                const room = headroom(candidate.name, from, to);
                if (room > bestRoom) [best, bestRoom] = [candidate, room];
            }
            owner = best;
            share = bestRoom >= 5 ? Math.min(desired, Math.floor(bestRoom / 5) * 5) : 5;
            book(owner.name, from, to, share);
        }
        bet.owner = { team: owner.name, share };
        const supportCount = r.weighted([[0, 55], [1, 35], [2, 10]]);
        for (let s = 0; s < supportCount; s++) {
            const team = r.chance(0.5) ? r.pick(areaTeams) : r.pick(platformTeams);
            if (team.name === owner.name || bet.support.some(x => x.team === team.name)) continue;
            const want = r.pick([5, 5, 10, 10, 15]);
            const room = active ? headroom(team.name, from, to) : 100;
            if (room < 5) continue;
            const supportShare = Math.min(want, Math.floor(room / 5) * 5);
            if (active) book(team.name, from, to, supportShare);
            bet.support.push({ team: team.name, share: supportShare });
        }

        if (funding === 'new-offering' && r.chance(0.97)) bet.review = reviewDate(r, from, to);
        else if (r.chance(0.1)) bet.review = reviewDate(r, from, to);
        if (funding === 'operational-optimizer' ? r.chance(0.98) : r.chance(0.25)) {
            bet.expects.push({ metric: r.pick(areaMetrics(area)).name, change: r.pick([-5, -2, 1, 2, 3, 5, 8]) });
        }
        bets.push(bet);
        local.push(bet);
    }
    // A few bets depend on a later one, which can close a loop.
    for (const bet of bets) {
        if (bet.forward !== undefined && bets[bet.forward] !== bet && !bet.dependsOn.includes(bets[bet.forward].name)) bet.dependsOn.push(bets[bet.forward].name);
        delete bet.forward;
    }
    // Chains draw no random numbers, so a chained plan is the unchained one plus these links.
    const chain = options.chain ?? 0;
    if (chain > 0) {
        for (let i = chain; i < bets.length; i += chain) {
            if (!bets[i].dependsOn.includes(bets[i - chain].name)) bets[i].dependsOn.push(bets[i - chain].name);
        }
    }

    return { elements, seed, areas, policy, pillars, metrics, goals, teams, bets, load };
}

function reviewDate(r, from, to) {
    const q = r.int(from, to);
    const month = q * 3 + r.int(1, 3);
    return `2027-${String(month).padStart(2, '0')}-${String(r.int(1, 28)).padStart(2, '0')}`;
}

function cap(word) {
    return word.charAt(0).toUpperCase() + word.slice(1);
}

// ---------------------------------------------------------------------------------------
// Trellis text

function policyText(policy) {
    return `policy {\n  max-wip ${policy.maxWip}\n  min-slice ${policy.minSlice}%\n  max-blast-radius ${policy.maxBlastRadius}\n}\n`;
}

export function elementText(e) {
    const lines = [];
    const p = line => lines.push(`  ${line}`);
    switch (e.kind) {
        case 'pillar':
            p(`target ${e.target}%`);
            break;
        case 'metric':
            if (e.northStar) p('north-star');
            p(`unit "${e.unit}"`);
            p(`baseline ${e.baseline}`);
            p(`target ${e.target} by ${e.by}`);
            if (e.drives.length > 0) p(`drives ${e.drives.join(', ')}`);
            break;
        case 'goal':
            p(`pillar ${e.pillar}`);
            p(`moves ${e.moves.join(', ')}`);
            break;
        case 'team':
            p(`type ${e.type}`);
            p(`capacity ${e.capacity}`);
            p(`awareness ${e.awareness}`);
            p(`change ${e.change}`);
            p(`effectiveness ${e.effectiveness}`);
            if (e.dependsOn.length > 0) p(`depends-on ${e.dependsOn.join(', ')}`);
            if (e.allow) p(`allow ${e.allow.code} "${e.allow.reason}" until ${e.allow.until}`);
            break;
        case 'bet':
            if (e.goal) p(`goal ${e.goal}`);
            if (e.pillar) p(`pillar ${e.pillar}`);
            p(`owner ${e.owner.team} ${e.owner.share}%`);
            if (e.support.length > 0) p(`support ${e.support.map(s => `${s.team} ${s.share}%`).join(', ')}`);
            p(`funding ${e.funding}`);
            p(`stage ${e.stage}`);
            p(`during ${quarters[e.during[0]]}${e.during[1] !== e.during[0] ? ` .. ${quarters[e.during[1]]}` : ''}`);
            if (e.review) p(`review ${e.review}`);
            if (e.dependsOn.length > 0) p(`depends-on ${e.dependsOn.join(', ')}`);
            for (const x of e.expects) p(`expects ${x.metric} ${x.change > 0 ? '+' : ''}${x.change}`);
            break;
    }
    return `${e.kind} ${e.name} "${e.title}" {\n${lines.join('\n')}\n}\n`;
}

function chunks(list, size) {
    const result = [];
    for (let i = 0; i < list.length; i += size) result.push(list.slice(i, i + size));
    return result;
}

function fileText(header, elements) {
    return [`// ${header}\n`, ...elements.map(elementText)].join('\n');
}

/**
 * The plan as files, `relative path → text`, in one of the layouts:
 * - `central`: policy, pillars, metrics, goals and teams in `definitions.trellis`; bets in files of 50 by area;
 * - `grouped`: a folder per area with its teams, metrics, goals and bets, 50 elements a file;
 * - `spread`: every element shuffled into files of 50, so every file mixes kinds and references everywhere.
 * Also returns where each element sits, for the benchmark's edits.
 */
export function layoutPlan(plan, layout) {
    const files = new Map();
    const where = new Map();
    const put = (file, header, elements, prefix = '') => {
        files.set(file, prefix + fileText(header, elements));
        for (const e of elements) where.set(e.name, file);
    };
    const pad = (n, w = 4) => String(n).padStart(w, '0');
    const r = random(plan.seed * 31 + 7);
    switch (layout) {
        case 'central': {
            const defs = [...plan.pillars, ...plan.metrics, ...plan.goals, ...plan.teams];
            put('definitions.trellis', 'Company definitions: pillars, metrics, goals and teams', defs, policyText(plan.policy) + '\n');
            for (const area of plan.areas) {
                chunks(plan.bets.filter(b => b.area === area), elementsPerFile)
                    .forEach((list, i) => put(`bets/${area}-${pad(i + 1, 3)}.trellis`, `Bets of ${area}, part ${i + 1}`, list));
            }
            break;
        }
        case 'grouped': {
            put('company.trellis', 'Company pillars and north star', [...plan.pillars, plan.metrics[0]], policyText(plan.policy) + '\n');
            for (const area of plan.areas) {
                const kinds = [['teams', plan.teams], ['metrics', plan.metrics.slice(1)], ['goals', plan.goals], ['bets', plan.bets]];
                for (const [kind, all] of kinds) {
                    chunks(all.filter(e => e.area === area), elementsPerFile)
                        .forEach((list, i) => put(`${area}/${kind}-${pad(i + 1, 3)}.trellis`, `${cap(area)} ${kind}, part ${i + 1}`, list));
                }
            }
            break;
        }
        case 'spread': {
            const all = r.shuffle([...plan.pillars, ...plan.metrics, ...plan.goals, ...plan.teams, ...plan.bets]);
            chunks(all, elementsPerFile).forEach((list, i) => put(`plan/part-${pad(i + 1)}.trellis`, `Plan, part ${i + 1}`, list, i === 0 ? policyText(plan.policy) + '\n' : ''));
            break;
        }
        default:
            throw new Error(`unknown layout ${layout}; use one of ${layouts.join(', ')}`);
    }
    return { files, where };
}

/**
 * Bets the benchmark can edit with a predictable effect: raising the owner's share to 100%
 * overloads its team (it has other work in those quarters and is under 100% today), and
 * putting it back clears the finding.
 */
export function editableBets(plan) {
    const teams = new Map(plan.teams.map(t => [t.name, t]));
    return plan.bets.filter(b => {
        if (b.stage === 'done' || b.stage === 'dropped' || !teams.has(b.owner.team)) return false;
        const team = teams.get(b.owner.team);
        if (team.allow) return false;
        const l = plan.load.get(team.name);
        if (l.some(x => x > 100)) return false;
        for (let q = b.during[0]; q <= b.during[1]; q++) if (l[q] - b.owner.share > 0) return true;
        return false;
    });
}

/** Writes the files of a layout under `dir` (emptied first). */
export function writeWorkspace(dir, files) {
    fs.rmSync(dir, { recursive: true, force: true });
    for (const [rel, text] of files) {
        const file = path.join(dir, rel);
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, text);
    }
}

// ---------------------------------------------------------------------------------------
// Equivalents: TaskJuggler and JSON

const tjId = name => name.replace(/-/g, '_');

/**
 * The same plan as a TaskJuggler project: teams are resources (efficiency = capacity),
 * bets are tasks with their dates, allocations and dependencies, and pillars, goals and
 * metrics are milestones that depend on the work behind them.
 */
export function taskJugglerProject(plan) {
    const out = [];
    out.push('project trellis "Trellis benchmark" 2027-01-01 - 2027-12-31 {\n  timezone "UTC"\n}\n');
    for (const t of plan.teams) {
        out.push(`resource ${tjId(t.name)} "${t.title}" {\n  efficiency ${t.capacity}.0\n}\n`);
    }
    const qStart = ['2027-01-01', '2027-04-01', '2027-07-01', '2027-10-01'];
    const qEnd = ['2027-03-31', '2027-06-30', '2027-09-30', '2027-12-31'];
    const index = new Map(plan.bets.map((b, i) => [b.name, i]));
    const goalBets = new Map();
    for (const b of plan.bets) {
        const deps = b.dependsOn.filter(d => index.has(d) && index.get(d) < index.get(b.name)).map(tjId);
        const lines = [`  start ${qStart[b.during[0]]}`, `  end ${qEnd[b.during[1]]}`];
        lines.push(`  allocate ${[b.owner, ...b.support].map(a => tjId(a.team)).join(', ')}`);
        if (deps.length > 0) lines.push(`  depends ${deps.join(', ')}`);
        if (b.stage === 'done') lines.push('  complete 100');
        lines.push(`  note "${b.funding} ${b.stage}${b.goal ? ` for ${b.goal}` : ''}${b.review ? `, review ${b.review}` : ''}"`);
        out.push(`task ${tjId(b.name)} "${b.title}" {\n${lines.join('\n')}\n}\n`);
        if (b.goal) {
            if (!goalBets.has(b.goal)) goalBets.set(b.goal, []);
            goalBets.get(b.goal).push(tjId(b.name));
        }
    }
    for (const g of plan.goals) {
        const deps = goalBets.get(g.name) ?? [];
        out.push(`task ${tjId(g.name)} "${g.title}" {\n  milestone\n  ${deps.length > 0 ? `depends ${deps.slice(0, 50).join(', ')}` : 'start 2027-12-31'}\n  note "pillar ${g.pillar}, moves ${g.moves.join(', ')}"\n}\n`);
    }
    for (const m of plan.metrics) out.push(`task ${tjId(m.name)} "${m.title}" {\n  milestone\n  start 2027-12-31\n  note "${m.unit}: ${m.baseline} to ${m.target} by ${m.by}"\n}\n`);
    for (const p of plan.pillars) out.push(`task ${tjId(p.name)} "${p.title}" {\n  milestone\n  start 2027-12-31\n  note "target ${p.target}%"\n}\n`);
    return out.join('\n');
}

/** The same plan as one JSON document: the floor of what reading this much plan can cost. */
export function planJson(plan) {
    const strip = ({ area: _area, kind, ...rest }) => ({ kind, ...rest });
    return JSON.stringify({
        policy: plan.policy,
        elements: [...plan.pillars, ...plan.metrics, ...plan.goals, ...plan.teams, ...plan.bets].map(strip),
    });
}

// ---------------------------------------------------------------------------------------

function main(argv) {
    const args = { elements: '1k', layout: 'central', seed: '1', chain: '0', out: undefined, tjp: false, json: false };
    for (let i = 0; i < argv.length; i++) {
        const a = argv[i];
        if (a === '--tjp' || a === '--json') args[a.slice(2)] = true;
        else if (a.startsWith('--')) args[a.slice(2)] = argv[++i];
    }
    if (!args.out) {
        process.stderr.write('usage: node bench/generate.mjs --elements 10k --layout central|grouped|spread --out DIR [--seed N] [--chain N] [--tjp] [--json]\n');
        return 2;
    }
    const plan = generatePlan(parseSize(args.elements), Number(args.seed), { chain: Number(args.chain) });
    const { files } = layoutPlan(plan, args.layout);
    writeWorkspace(args.out, files);
    if (args.tjp) fs.writeFileSync(path.join(args.out, 'plan.tjp'), taskJugglerProject(plan));
    if (args.json) fs.writeFileSync(path.join(args.out, 'plan.json'), planJson(plan));
    process.stdout.write(`${args.out}: ${files.size} files, ${parseSize(args.elements)} elements (${args.layout})\n`);
    return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
