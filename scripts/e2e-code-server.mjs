#!/usr/bin/env node
// Runs the end-to-end suite (out/test/e2e, built by `npm run test:e2e`) inside a real VS Code:
// code-server — VS Code's web build, with the desktop's Node extension host — driven headless by
// Chromium through playwright-core. This is the runner CI uses; where desktop VS Code can be
// downloaded, `npx vscode-test` (.vscode-test.mjs) runs the same suite in Electron.
//
//   node scripts/e2e-code-server.mjs [--vsix FILE | --packaged] [--screenshots [--screenshots-dir DIR]] [--folder DIR] [--grep RE] [--port N] [--keep]
//
//   --vsix FILE         test the packaged extension, installed with `code-server --install-extension`,
//                       instead of the working tree
//   --packaged          the same with trellis-<version>.vsix, as `npm run package` names it
//   --screenshots       take the README screenshots (into docs/images, or --screenshots-dir) instead of
//                       running the tests; opens a copy of examples/acme when it exists, else the fixture
//   --folder DIR        the workspace to open (default: a fresh copy of test/e2e/fixture)
//   --grep RE           run only the tests whose full title matches
//   --port N            code-server's port (default 8377, or a free one)
//   --keep              keep the temporary folder (code-server log, workspace copy) for a look
//   --verbose           also print the workbench's own log and page errors
//
// It never skips silently: when the editor cannot be started it says why and exits non-zero.

import { copyFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';
import { format, parseArgs } from 'node:util';
import { SetupError, ensureCodeServer, findChromium, freePort, installExtension, log, startCodeServer } from './lib/code-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
    options: {
        vsix: { type: 'string' },
        packaged: { type: 'boolean' },
        screenshots: { type: 'boolean' },
        'screenshots-dir': { type: 'string' },
        folder: { type: 'string' },
        grep: { type: 'string' },
        port: { type: 'string' },
        keep: { type: 'boolean' },
        verbose: { type: 'boolean' },
    },
    allowPositionals: false,
});
const timeoutMs = Number(process.env.TRELLIS_E2E_TIMEOUT_MS ?? 600_000);

const cleanups = [];
async function cleanup() {
    for (const fn of cleanups.reverse()) await Promise.resolve().then(fn).catch(() => {});
    cleanups.length = 0;
}
for (const signal of ['SIGINT', 'SIGTERM']) {
    process.on(signal, () => void cleanup().then(() => process.exit(130)));
}

async function main() {
    const testsEntry = join(root, 'out', 'test', 'e2e', 'index.cjs');
    if (!existsSync(testsEntry)) throw new SetupError(`${testsEntry} is missing: run 'npm run test:e2e', which builds it`);
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    const vsix = opts.vsix ? resolve(opts.vsix) : opts.packaged ? join(root, `trellis-${version}.vsix`) : undefined;
    if (vsix && !existsSync(vsix)) throw new SetupError(`${vsix} does not exist: run 'npm run package' first`);
    if (!vsix && !existsSync(join(root, 'out', 'extension.cjs'))) throw new SetupError('out/extension.cjs is missing: run \'npm run build\' first');

    const chromiumPath = findChromium();
    const codeServer = await ensureCodeServer();
    const { chromium } = await import('playwright-core');

    const state = mkdtempSync(join(tmpdir(), 'trellis-e2e-'));
    if (opts.keep) log(`keeping ${state}`); else cleanups.push(() => rmSync(state, { recursive: true, force: true }));

    // The suite edits, renames and saves: it gets a fresh copy of the fixture every run.
    const example = join(root, 'examples', 'acme');
    let folder = opts.folder && resolve(opts.folder);
    if (!folder && opts.screenshots && existsSync(example)) folder = example;
    if (!folder) {
        folder = join(state, 'workspace');
        cpSync(join(root, 'test', 'e2e', 'fixture'), folder, { recursive: true });
    } else if (opts.screenshots) {
        const copy = join(state, 'workspace');
        cpSync(folder, copy, { recursive: true });
        folder = copy;
    }

    // Under test: the working tree (as an extension in development), or the installed .vsix, with a
    // stub extension in development that only carries the tests.
    let devPath = root;
    if (vsix) {
        log(`code-server --install-extension ${basename(vsix)}`);
        await installExtension(codeServer, state, vsix);
        devPath = join(state, 'tests-host');
        mkdirSync(devPath);
        writeFileSync(join(devPath, 'package.json'), JSON.stringify({
            name: 'trellis-e2e-host', publisher: 'trellis', version: '0.0.0', engines: { vscode: '*' },
        }));
    }

    const shots = join(state, 'screenshots');
    const results = join(state, 'results.json');
    const output = join(state, 'mocha.log');
    // The tests run in the extension host and cannot reach into a webview: they ask the runner,
    // which drives the page as a user would (test/e2e/helpers.ts `driveWebview`).
    const drive = join(state, 'drive');
    mkdirSync(drive);
    const testEnv = { TRELLIS_E2E_RESULTS: results, TRELLIS_E2E_OUTPUT: output, TRELLIS_E2E_DRIVE: drive };
    if (opts.screenshots) {
        mkdirSync(shots);
        testEnv.TRELLIS_E2E_SCREENSHOTS = shots;
        testEnv.TRELLIS_E2E_GREP = opts.grep ?? 'README screenshots';
    } else if (opts.grep) {
        testEnv.TRELLIS_E2E_GREP = opts.grep;
    }

    const port = await freePort(Number(opts.port ?? 8377));
    log(`starting code-server on 127.0.0.1:${port} with ${folder}`);
    const server = await startCodeServer({ ...codeServer, env: { ...codeServer.env, ...testEnv } }, {
        port, stateDir: state,
        // The automation hooks (codeAutomationLog/Exit) that report the tests' output and exit code.
        args: ['--vscode-option', 'enable-smoke-test-driver'],
        // A plain editor: no chat side bar or AI features, which have nothing to do with Trellis.
        settings: {
            'workbench.colorTheme': 'Default Dark Modern', 'window.commandCenter': false, 'workbench.tips.enabled': false,
            'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'editor.hover.above': false,
            'git.openRepositoryInParentFolders': 'never',
        },
    });
    cleanups.push(() => server.stop());

    const browser = await chromium.launch({
        executablePath: chromiumPath, headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking',
            '--disable-component-update', '--disable-sync'],
    });
    cleanups.push(() => browser.close());
    const page = await browser.newPage({ viewport: { width: 1440, height: 960 } });
    if (opts.verbose) page.on('pageerror', error => console.error(`[page] ${error.message}`));

    let finish;
    const finished = new Promise(done => { finish = done; });
    const timer = setTimeout(() => { console.error(`e2e: timed out after ${timeoutMs / 1000} s waiting for the tests to end`); finish(124); }, timeoutMs);
    // VS Code's web workbench reports its logs (the extension host's among them) and the tests'
    // exit code here. The reporter's lines come cleaner from the file the suite writes.
    await page.exposeFunction('codeAutomationLog', (_type, args) => {
        if (opts.verbose) console.log(format(...(Array.isArray(args) ? args : [args])));
    });
    await page.exposeFunction('codeAutomationExit', code => finish(code));
    const tail = tailFile(output);

    const watcher = opts.screenshots ? watchScreenshotRequests(page, shots) : undefined;
    const driver = watchDriveRequests(page, drive);
    const remote = path => `vscode-remote://127.0.0.1:${port}${path}`;
    const payload = [['extensionDevelopmentPath', remote(devPath)], ['extensionTestsPath', remote(testsEntry)]];
    const url = `${server.url}/?folder=${encodeURIComponent(folder)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
    log(vsix ? `running the e2e suite against the installed ${basename(vsix)}` : 'running the e2e suite');
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    let code = await finished;
    clearTimeout(timer);
    if (watcher) clearInterval(watcher);
    clearInterval(driver);
    tail.stop();

    const summary = existsSync(results) ? JSON.parse(readFileSync(results, 'utf8')) : undefined;
    if (opts.screenshots) {
        const target = resolve(opts['screenshots-dir'] ?? join(root, 'docs', 'images'));
        mkdirSync(target, { recursive: true });
        const pngs = readdirSync(shots).filter(f => f.endsWith('.png'));
        for (const png of pngs) copyFileSync(join(shots, png), join(target, png));
        log(`saved ${pngs.length} screenshot(s) to ${target}: ${pngs.join(', ')}`);
    }
    if (code !== 0 || !summary) {
        console.log(`--- ${server.logFile} (last lines) ---\n${readFileSync(server.logFile, 'utf8').trim().split('\n').slice(-20).join('\n')}`);
    }
    if (!summary) {
        console.log(`e2e: the suite did not report (exit code ${code}); the extension host may not have started`);
        if (code === 0) code = 1;
    } else {
        console.log(`e2e: ${summary.passed} passed, ${summary.failed} failed${summary.pending ? `, ${summary.pending} skipped` : ''}`);
        if (summary.failed > 0 && code === 0) code = 1;
    }
    return code;
}

/** Prints what is appended to `file` as it comes; `stop()` prints the rest. */
function tailFile(file) {
    let printed = 0;
    const flush = () => {
        if (!existsSync(file)) return;
        const text = readFileSync(file, 'utf8');
        if (text.length > printed) process.stdout.write(text.slice(printed));
        printed = text.length;
    };
    const timer = setInterval(flush, 200);
    return { stop: () => { clearInterval(timer); flush(); } };
}

/** Serves the suite's screenshot requests (see test/e2e/helpers.ts `screenshot`). */
function watchScreenshotRequests(page, dir) {
    let busy = false;
    return setInterval(async () => {
        if (busy) return;
        const request = readdirSync(dir).find(f => f.endsWith('.request.json'));
        if (!request) return;
        busy = true;
        try {
            const { name, waitFor, view } = JSON.parse(readFileSync(join(dir, request), 'utf8'));
            await waitUntilShown(page, waitFor, view).catch(error => log(`screenshot ${name}: ${error.message.split('\n')[0]}; taking it anyway`));
            const file = join(dir, `${name}.png`);
            await page.screenshot({ path: `${file}.tmp.png` });
            renameSync(`${file}.tmp.png`, file);
            rmSync(join(dir, request));
            log(`screenshot ${name}.png`);
        } finally {
            busy = false;
        }
    }, 200);
}

/* global document, requestAnimationFrame -- the functions given to page.waitForFunction/evaluate run in the page */

/**
 * Serves the suite's requests to use a webview or the workbench as a user would: NAME.drive.json
 * holds steps ({ action, selector?, value?, frame?: 'webview' | 'workbench' }), answered in
 * NAME.result.json with what the steps read ({ values }) or why one failed ({ error }).
 */
function watchDriveRequests(page, dir) {
    let busy = false;
    return setInterval(async () => {
        if (busy) return;
        const request = readdirSync(dir).find(f => f.endsWith('.drive.json'));
        if (!request) return;
        busy = true;
        const name = request.slice(0, -'.drive.json'.length);
        const answer = {};
        try {
            answer.values = await runSteps(page, JSON.parse(readFileSync(join(dir, request), 'utf8')));
        } catch (error) {
            answer.error = error instanceof Error ? error.message.split('\n').slice(0, 6).join('\n') : String(error);
        } finally {
            rmSync(join(dir, request));
            writeFileSync(join(dir, `${name}.result.tmp`), JSON.stringify(answer));
            renameSync(join(dir, `${name}.result.tmp`), join(dir, `${name}.result.json`));
            busy = false;
        }
    }, 100);
}

async function runSteps(page, steps) {
    const timeout = 20_000;
    const values = [];
    // The preview's page sits two frames down: the webview's host frame, then its content.
    const webview = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
    for (const step of steps) {
        const root = step.frame === 'workbench' ? page : webview;
        const target = step.selector ? root.locator(step.selector).first() : undefined;
        switch (step.action) {
            case 'click': await target.click({ timeout }); break;
            case 'dblclick': await target.dblclick({ timeout }); break;
            case 'focus': await target.focus({ timeout }); break;
            case 'fill': await target.fill(step.value, { timeout }); break;
            case 'type': await page.keyboard.type(step.value); break;
            case 'press': if (target) await target.press(step.value, { timeout }); else await page.keyboard.press(step.value); break;
            case 'waitFor': await target.waitFor({ state: step.value ?? 'visible', timeout }); break;
            // An input whose value ends with `value` (a dialog fills its own in after it shows).
            case 'waitForValue': {
                const deadline = Date.now() + timeout;
                let current;
                while (!(current = await target.inputValue({ timeout })).endsWith(step.value)) {
                    if (Date.now() > deadline) throw new Error(`${step.selector} holds '${current}', not a value ending with '${step.value}'`);
                    await page.waitForTimeout(100);
                }
                values.push(current);
                break;
            }
            case 'text': values.push(await target.textContent({ timeout })); break;
            case 'attribute': values.push(await target.getAttribute(step.value, { timeout })); break;
            case 'count': values.push(String(await root.locator(step.selector).count())); break;
            // What has the keyboard in the page: its id, else the element it stands for.
            case 'active': values.push(await root.locator('body').evaluate(() => {
                const active = document.activeElement;
                return active?.id || active?.getAttribute('data-name') || active?.tagName.toLowerCase() || null;
            })); break;
            default: throw new Error(`unknown step ${JSON.stringify(step)}`);
        }
    }
    return values;
}

async function waitUntilShown(page, what, view) {
    if (what === 'hover') {
        // The hover shows the diagnostic first and grows when the server's answer arrives, and it
        // fades in: wait until its size holds still and its animations are done.
        const hover = page.locator('.monaco-editor .monaco-hover:not(.hidden)').first();
        await hover.waitFor({ state: 'visible', timeout: 15_000 });
        const deadline = Date.now() + 15_000;
        let last = '';
        let steady = 0;
        while (steady < 3) {
            if (Date.now() > deadline) throw new Error('the hover did not settle within 15 s');
            const now = await hover.evaluate(el => {
                const { width, height } = el.getBoundingClientRect();
                const moving = el.getAnimations({ subtree: true }).some(a => a.playState === 'running');
                return moving || /Loading/.test(el.textContent ?? '') ? 'busy' : `${width}x${height}`;
            });
            steady = now !== 'busy' && now === last ? steady + 1 : 0;
            last = now;
            await page.waitForTimeout(200);
        }
    } else if (what === 'webview') {
        // The preview marks its body with data-drawn="VIEW" once a view is on screen.
        const frame = page.frameLocator('iframe.webview.ready').frameLocator('#active-frame');
        if (view) await frame.locator(`.view-tab[data-view="${view}"]`).click({ timeout: 15_000 });
        await frame.locator(view ? `body[data-drawn="${view}"]` : 'body[data-drawn]').waitFor({ state: 'attached', timeout: 30_000 });
    }
    // The title bar of a test window reads "[Extension Development Host] ..."; a user's does not.
    await page.evaluate(() => document.querySelectorAll('.window-title').forEach(title => {
        title.textContent = (title.textContent ?? '').replace('[Extension Development Host] ', '');
    }));
    // Let the last frame paint.
    await page.evaluate(() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done))));
}

let exitCode;
try {
    exitCode = await main();
} catch (error) {
    // Whatever went wrong, say so plainly and fail: a run that could not start the editor must
    // never look like a run whose tests passed.
    if (!(error instanceof SetupError)) console.error(error);
    console.error(`e2e: cannot run the end-to-end tests in a real VS Code: ${error instanceof Error ? error.message : error}`);
    exitCode = 2;
}
await cleanup();
process.exit(exitCode);
