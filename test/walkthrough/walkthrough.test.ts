// The walkthrough takes a newcomer from an empty folder to a first plan, its preview and its
// first finding. These tests hold it to that: the starter plan "Trellis: New Plan" writes is
// valid on any day and shows exactly the finding the walkthrough explains; every step's page
// exists and ships in the .vsix; every button runs a command that exists.

import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { fillStarterPlan, starterPlanName } from '../../client/starter-plan.js';
import { buildPlan } from '../helpers.js';

const root = path.resolve(import.meta.dirname, '../..');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const template = readFileSync(path.join(root, 'walkthrough/starter-plan.trellis.txt'), 'utf8');

interface Step { id: string; title: string; description: string; media: { markdown?: string; image?: string }; completionEvents?: string[] }
const [walkthrough] = pkg.contributes.walkthroughs as Array<{ id: string; steps: Step[] }>;

describe('the starter plan', () => {
    test.each(['2026-12-02', '2027-01-01', '2027-03-31', '2027-11-20', '2028-12-31'])('created on %s: no errors, one finding — platform overloaded this quarter', async day => {
        const [y, m, d] = day.split('-').map(Number);
        const text = fillStarterPlan(template, new Date(y, m - 1, d));
        expect(text).not.toContain('{{');
        const ws = await buildPlan(text, { today: day });
        const findings = ws.diagnostics().map(x => `${x.code}: ${String(x.message)}`);
        const quarter = `${y}-Q${Math.floor((m - 1) / 3) + 1}`;
        expect(findings).toEqual([
            `overloaded-team: Team 'platform' is at 110% of capacity in ${quarter} (guided-setup 40%, sso-v2 70%); max-load is 100%`,
        ]);
    });

    test('its review date is ahead, its periods start this quarter', () => {
        const text = fillStarterPlan(template, new Date(2027, 10, 20));
        expect(text).toContain('during 2027-Q4 .. 2028-Q1');
        expect(text).toContain('review 2028-01-01');
        expect(text).toContain('target 1500 by 2028-Q4');
    });

    test('written next to what is there, never over it', () => {
        expect(starterPlanName(() => false)).toBe('plan.trellis');
        expect(starterPlanName(name => name === 'plan.trellis' || name === 'plan-2.trellis')).toBe('plan-3.trellis');
    });
});

describe('the walkthrough', () => {
    const contributed = new Set((pkg.contributes.commands as Array<{ command: string }>).map(c => c.command));
    const builtIn = new Set(['workbench.action.files.openFolder', 'workbench.actions.view.problems']);

    test('goes from a folder to a plan, its preview and its first finding, then CI', () => {
        expect(walkthrough.steps.map(s => s.id)).toEqual(['openFolder', 'createPlan', 'openPreview', 'firstFinding', 'checkInCi']);
        for (const step of walkthrough.steps) {
            expect(step.title, step.id).toBeTruthy();
            expect(step.description, step.id).toBeTruthy();
        }
    });

    test('every button runs a command the extension contributes, or one of VS Code\'s own', () => {
        const buttons = walkthrough.steps.flatMap(s => [...s.description.matchAll(/\]\(command:([\w.]+)\)/g)].map(m => m[1]));
        expect(buttons).toEqual(['workbench.action.files.openFolder', 'trellis.newPlan', 'trellis.openPreviewToSide', 'workbench.actions.view.problems']);
        for (const command of buttons) expect(contributed.has(command) || builtIn.has(command), command).toBe(true);
        for (const step of walkthrough.steps) {
            for (const event of step.completionEvents ?? []) {
                const command = /^onCommand:(.+)$/.exec(event)?.[1];
                if (command) expect(contributed.has(command) || builtIn.has(command), event).toBe(true);
            }
        }
        expect(pkg.activationEvents).toContain('onCommand:trellis.newPlan');
    });

    test('every page exists, and the .vsix ships the pages and the starter plan', () => {
        const ignore = readFileSync(path.join(root, '.vscodeignore'), 'utf8').split('\n');
        for (const step of walkthrough.steps) {
            const page = step.media.markdown!;
            expect(existsSync(path.join(root, page)), page).toBe(true);
        }
        expect(ignore).toContain('!walkthrough/*.md');
        expect(ignore).toContain('!walkthrough/starter-plan.trellis.txt');
    });

    test('the finding page quotes the message the starter plan gives', () => {
        const page = readFileSync(path.join(root, 'walkthrough/first-finding.md'), 'utf8');
        expect(page).toContain("Team 'platform' is at 110% of capacity in ... (guided-setup 40%, sso-v2 70%); max-load is 100%");
    });
});
