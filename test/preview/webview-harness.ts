// Loads the preview's real webview page (the HTML the panel builds, the bundled script and
// stylesheet from out/webview) into headless Chromium, with a stub `acquireVsCodeApi` and a
// host stand-in that answers the page's messages from a real plan through the same function
// the language server uses. Every request the page makes is served here or refused: nothing
// leaves the machine, and any attempt to load something remote is recorded.

import * as fs from 'node:fs';
import * as path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { previewView } from '../../language/graph/preview-data.js';
import { exportFile, updateMessage, viewParams, type ExportFile } from '../../client/preview/host-messages.js';
import type { HostMessage, PreviewOptions, PreviewState, WebviewMessage } from '../../client/preview/messages.js';
import { newNonce, previewHtml } from '../../client/preview/preview-html.js';
import { buildWorkspace, type TestWorkspace } from '../helpers.js';

export const chromiumPath = process.env.TRELLIS_CHROMIUM ?? '/usr/bin/chromium';
const origin = 'https://trellis-webview.test';
const webviewDir = path.resolve(import.meta.dirname, '../../out/webview');
const assetsDir = path.resolve(import.meta.dirname, '../../out/assets');

/** Starts Debian's Chromium; fails (never skips) with what to do when it is missing. */
export async function launchChromium(): Promise<Browser> {
    if (!fs.existsSync(chromiumPath)) {
        throw new Error(`The preview's browser tests need Chromium at ${chromiumPath}. Install it with 'apt-get install -y chromium' (Debian), or point TRELLIS_CHROMIUM at a Chromium binary.`);
    }
    for (const file of ['preview.js', 'preview.css']) {
        if (!fs.existsSync(path.join(webviewDir, file))) throw new Error(`out/webview/${file} is missing: run 'npm run build' first.`);
    }
    return chromium.launch({
        executablePath: chromiumPath,
        args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
}

export type Theme = 'light' | 'dark';

/** A few of the variables VS Code puts on a webview, from its Light Modern and Dark Modern themes. */
const themes: Record<Theme, { bodyClass: string; vars: Record<string, string> }> = {
    light: {
        bodyClass: 'vscode-light',
        vars: {
            '--vscode-editor-background': '#ffffff', '--vscode-editor-foreground': '#3b3b3b', '--vscode-descriptionForeground': '#717171',
            '--vscode-focusBorder': '#005fb8', '--vscode-sideBar-background': '#f8f8f8', '--vscode-widget-border': '#e5e5e5',
            '--vscode-editorWidget-background': '#f8f8f8', '--vscode-button-background': '#005fb8', '--vscode-button-foreground': '#ffffff',
            '--vscode-charts-red': '#e51400', '--vscode-charts-orange': '#d18616', '--vscode-charts-yellow': '#bf8803',
            '--vscode-charts-green': '#388a34', '--vscode-charts-blue': '#1a85ff', '--vscode-font-family': 'system-ui, "Segoe UI", Ubuntu, sans-serif',
            '--vscode-font-size': '13px',
        },
    },
    dark: {
        bodyClass: 'vscode-dark',
        vars: {
            '--vscode-editor-background': '#1f1f1f', '--vscode-editor-foreground': '#cccccc', '--vscode-descriptionForeground': '#9d9d9d',
            '--vscode-focusBorder': '#0078d4', '--vscode-sideBar-background': '#181818', '--vscode-widget-border': '#313131',
            '--vscode-editorWidget-background': '#202020', '--vscode-button-background': '#0078d4', '--vscode-button-foreground': '#ffffff',
            '--vscode-dropdown-background': '#313131', '--vscode-dropdown-foreground': '#cccccc', '--vscode-dropdown-border': '#3c3c3c',
            '--vscode-charts-red': '#f14c4c', '--vscode-charts-orange': '#d18616', '--vscode-charts-yellow': '#cca700',
            '--vscode-charts-green': '#89d185', '--vscode-charts-blue': '#3794ff', '--vscode-font-family': 'system-ui, "Segoe UI", Ubuntu, sans-serif',
            '--vscode-font-size': '13px',
        },
    },
};

export interface PreviewPage {
    readonly page: Page;
    readonly workspace: TestWorkspace;
    /** Every message the page posted to the host, in order. */
    readonly posted: WebviewMessage[];
    /** Requests the page made that we did not serve (anything remote). */
    readonly refused: string[];
    /** The font files the page loaded. */
    readonly fontsServed: string[];
    /** What each export the page asked for would save, as the panel makes it. */
    readonly exports: Array<ExportFile | { readonly error: string }>;
    /** The element under the "editor's cursor" sent with each drawing; set it to move the cursor. */
    cursor: string | undefined;
    /** Sends a message to the page as the extension host would. */
    send(message: HostMessage): Promise<void>;
    /** Redraws from the plan as it stands (after `workspace.edit`), as on the server's "plan changed". */
    refresh(): Promise<void>;
    /** Waits for the page to have drawn a view. */
    drawn(view: string): Promise<void>;
    waitForPosted(predicate: (m: WebviewMessage) => boolean): Promise<WebviewMessage>;
    close(): Promise<void>;
}

export interface OpenOptions {
    readonly files: Record<string, string>;
    readonly state?: PreviewState;
    readonly theme?: Theme;
    readonly size?: { width: number; height: number };
    readonly today?: string;
    /** The element the editor's cursor is on when the preview opens. */
    readonly cursor?: string;
}

export async function openPreview(browser: Browser, options: OpenOptions): Promise<PreviewPage> {
    const workspace = await buildWorkspace(options.files, { today: options.today ?? '2027-01-15' });
    const context = await browser.newContext({ viewport: options.size ?? { width: 1280, height: 800 } });
    const page = await context.newPage();
    const posted: WebviewMessage[] = [];
    const refused: string[] = [];
    const fontsServed: string[] = [];
    const exports: Array<ExportFile | { readonly error: string }> = [];
    const handle = { cursor: options.cursor };
    const state: PreviewState = options.state ?? { source: 'file:///workspace/plan.trellis', options: { view: 'dependencies', cluster: true } };
    let current: PreviewOptions = state.options;

    const answer = async () => {
        const result = await previewView(workspace.services, viewParams(current, false));
        await send(updateMessage(result, current, state.source, handle.cursor));
    };
    const send = async (message: HostMessage) => {
        await page.evaluate(m => (globalThis as unknown as { postMessage(m: unknown, origin: string): void }).postMessage(m, '*'), message as unknown as Record<string, unknown>);
    };
    const waiters: Array<{ predicate: (m: WebviewMessage) => boolean; resolve: (m: WebviewMessage) => void }> = [];

    await page.exposeFunction('__trellisToHost', async (message: WebviewMessage) => {
        posted.push(message);
        for (const waiter of [...waiters]) {
            if (waiter.predicate(message)) {
                waiters.splice(waiters.indexOf(waiter), 1);
                waiter.resolve(message);
            }
        }
        if (message.type === 'ready' || message.type === 'options') {
            current = message.options;
            await answer();
        }
        if (message.type === 'export') {
            const result = await previewView(workspace.services, viewParams(current, true, message.format === 'png'));
            exports.push(exportFile(result, current, message.format));
            await send({ type: 'exported', source: state.source, file: `file:///workspace/${current.view}.${message.format}` });
        }
    });
    const theme = themes[options.theme ?? 'light'];
    // Runs in the page before its own script (init scripts are not subject to the page's CSP).
    await page.addInitScript({
        content: `(() => {
            const theme = ${JSON.stringify(theme)};
            let saved;
            window.__cspViolations = [];
            document.addEventListener('securitypolicyviolation', e => window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));
            window.acquireVsCodeApi = () => ({
                postMessage: message => window.__trellisToHost(message),
                getState: () => saved,
                setState: s => { saved = s; },
            });
            // What VS Code does for a webview: theme variables on <html>, the theme's class on <body>.
            document.addEventListener('DOMContentLoaded', () => {
                for (const [key, value] of Object.entries(theme.vars)) document.documentElement.style.setProperty(key, value);
                document.body.classList.add(theme.bodyClass);
            });
        })();`,
    });

    const nonce = newNonce();
    const html = previewHtml({ cspSource: origin, nonce, scriptUri: `${origin}/preview.js`, styleUri: `${origin}/preview.css`, state });
    await page.route('**/*', async route => {
        const url = new URL(route.request().url());
        if (url.origin !== origin) {
            refused.push(route.request().url());
            return route.abort();
        }
        if (url.pathname === '/index.html') return route.fulfill({ status: 200, contentType: 'text/html', body: html });
        // The page's files from out/webview at the root, the fonts from out/assets (as the panel's localResourceRoots allow).
        const folder = path.dirname(url.pathname) === '/' ? webviewDir : path.dirname(url.pathname) === '/assets' ? assetsDir : undefined;
        const file = folder && path.join(folder, path.basename(url.pathname));
        if (file && fs.existsSync(file)) {
            const type = file.endsWith('.js') ? 'text/javascript' : file.endsWith('.css') ? 'text/css' : file.endsWith('.ttf') ? 'font/ttf' : 'application/json';
            fontsServed.push(...(file.endsWith('.ttf') ? [path.basename(file)] : []));
            return route.fulfill({ status: 200, contentType: type, body: fs.readFileSync(file) });
        }
        return route.fulfill({ status: 404, body: '' });
    });
    await page.goto(`${origin}/index.html`);

    const drawn = async (view: string) => {
        await page.waitForSelector(`#viewport svg.trellis-diagram[data-view="${view}"]`, { state: 'attached' });
        await page.waitForSelector('body:not(.is-loading)', { state: 'attached' });
    };
    return {
        page, workspace, posted, refused, fontsServed, exports, send, drawn,
        get cursor() { return handle.cursor; },
        set cursor(name) { handle.cursor = name; },
        refresh: answer,
        waitForPosted(predicate) {
            const found = posted.find(predicate);
            if (found) return Promise.resolve(found);
            return new Promise(resolve => waiters.push({ predicate, resolve }));
        },
        async close() {
            await context.close();
        },
    };
}

/** Reads every `.trellis` file of a folder, for `openPreview({ files })`. */
export function readPlanFolder(folder: string): Record<string, string> {
    const files: Record<string, string> = {};
    for (const name of fs.readdirSync(folder).sort()) {
        if (name.endsWith('.trellis')) files[name] = fs.readFileSync(path.join(folder, name), 'utf8');
    }
    return files;
}
