// A real VS Code on machines where the desktop build cannot be downloaded: code-server (VS Code's
// web build, with the same Node extension host as the desktop) from the npm registry. It needs
// Node 24, which comes from the registry too (`node-<platform>-<arch>`). Both live in a cache
// OUTSIDE the repository (default ~/.cache/trellis-e2e, or $TRELLIS_E2E_CACHE), so a clone stays
// clean and the first install (about 3–5 minutes: code-server compiles native modules) is paid once.
// Used by the e2e runner (scripts/e2e-code-server.mjs) and by `npm start` (scripts/start.mjs).

import { spawn, spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { clearInterval, clearTimeout, setInterval, setTimeout } from 'node:timers';

export const versions = { node: '24.21.0', codeServer: '4.139.1' };

export const cacheDir = process.env.TRELLIS_E2E_CACHE
    ?? join(process.env.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'trellis-e2e');

/** An error whose message is meant for the person at the terminal, without a stack trace. */
export class SetupError extends Error {}

const started = Date.now();
export function log(message) {
    const seconds = Math.round((Date.now() - started) / 1000);
    console.log(`[trellis +${seconds}s] ${message}`);
}

function run(command, args, options) {
    return new Promise((resolve, reject) => {
        const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
        child.on('error', reject);
        child.on('close', code => resolve(code ?? 1));
        if (options.logFile) {
            const out = createWriteStream(options.logFile);
            child.stdout.pipe(out);
            child.stderr.pipe(out);
        }
    });
}

/**
 * The environment without what an outer npm (`npm test`, `npm start`) sets for its scripts. An
 * inner install must not inherit it: code-server's postinstall reads the Node version from
 * `npm_config_user_agent`, which names the outer npm's Node (the system's 20), and refuses to install.
 */
export function cleanNpmEnv(env) {
    return Object.fromEntries(Object.entries(env).filter(([key]) => !/^npm_/i.test(key) && key !== 'INIT_CWD'));
}

/** Runs `npm install` in a private folder of the cache, with a progress line while it works. */
async function npmInstall(folder, spec, { env = {}, hint, allowScripts = {} } = {}) {
    rmSync(folder, { recursive: true, force: true });
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'package.json'), JSON.stringify({ private: true, allowScripts }, null, 2));
    const logFile = join(folder, 'install.log');
    log(`installing ${spec} into ${folder}${hint ? ` (${hint})` : ''}`);
    const t0 = Date.now();
    const progress = setInterval(() => {
        // The last line that says what is being done (which native module is compiling), not a compiler warning.
        const lines = existsSync(logFile) ? readFileSync(logFile, 'utf8').trim().split('\n') : [];
        const telling = lines.filter(line => /\b(CXX|CC|LINK|SOLINK_MODULE)\(target\)|^> |^added \d+|gyp info ok/.test(line.trim()));
        const last = (telling.at(-1) ?? '').trim().replace(/\s+/g, ' ').slice(0, 100);
        log(`  … still installing ${spec}, ${Math.round((Date.now() - t0) / 1000)}s${last ? `: ${last}` : ''}`);
    }, 15_000);
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    const code = await run(npm, ['install', '--no-audit', '--no-fund', '--foreground-scripts', spec],
        { cwd: folder, env: { ...cleanNpmEnv(process.env), ...env }, logFile }).finally(() => clearInterval(progress));
    if (code !== 0) {
        const tail = readFileSync(logFile, 'utf8').trim().split('\n').slice(-30).join('\n');
        throw new SetupError(`npm install ${spec} failed (exit ${code}); the last lines of ${logFile}:\n${tail}`);
    }
    log(`installed ${spec} in ${Math.round((Date.now() - t0) / 1000)}s`);
}

/** Node 24 for code-server, from the npm registry; returns the folder that holds `bin/node`. */
export async function ensureNode24() {
    const pkg = `node-${process.platform === 'win32' ? 'win' : process.platform}-${process.arch}`;
    const folder = join(cacheDir, 'node24');
    const home = join(folder, 'node_modules', pkg);
    const node = join(home, 'bin', 'node');
    const version = existsSync(node) ? spawnSync(node, ['--version'], { encoding: 'utf8' }).stdout.trim() : '';
    if (version !== `v${versions.node}`) {
        await npmInstall(folder, `${pkg}@${versions.node}`, { hint: 'code-server runs on Node 24' });
        if (!existsSync(node)) throw new SetupError(`${pkg}@${versions.node} did not provide ${node}`);
    }
    return home;
}

/**
 * code-server, installed on first use. Its postinstall builds native modules with node-gyp against
 * Node 24's headers; on Debian that needs `libkrb5-dev` (for the `kerberos` module) and a compiler.
 */
export async function ensureCodeServer() {
    const node24 = await ensureNode24();
    const folder = join(cacheDir, 'code-server');
    const bin = join(folder, 'node_modules', '.bin', 'code-server');
    // XDG_CONFIG_HOME: code-server writes a default config on its first run; keep it in the cache.
    const env = { PATH: `${join(node24, 'bin')}:${process.env.PATH}`, XDG_CONFIG_HOME: join(cacheDir, 'xdg-config') };
    const works = () => existsSync(bin)
        && spawnSync(bin, ['--version'], { env: { ...cleanNpmEnv(process.env), ...env }, encoding: 'utf8' }).stdout?.includes(`${versions.codeServer} `);
    if (!works()) {
        if (process.platform === 'linux' && !existsSync('/usr/include/gssapi/gssapi.h')) {
            throw new SetupError('code-server builds the kerberos module on install and needs its headers:\n'
                + '  sudo apt-get install -y libkrb5-dev pkg-config build-essential');
        }
        await npmInstall(folder, `code-server@${versions.codeServer}`, {
            hint: 'first use only: it compiles native modules, about 3–5 minutes on 2 cores',
            // Build native modules against Node 24 (a user .npmrc may point node-gyp elsewhere), and let
            // code-server's own postinstall (which runs npm installs inside the package) run its scripts.
            env: { ...env, npm_config_nodedir: node24, npm_config_dangerously_allow_all_scripts: 'true' },
            allowScripts: { 'code-server': true },
        });
        if (!works()) throw new SetupError(`code-server was installed into ${folder} but '${bin} --version' fails`);
    }
    return { bin, env };
}

export function findChromium() {
    const candidates = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
    const found = candidates.find(file => file && existsSync(file));
    if (!found) {
        throw new SetupError('the e2e runner drives code-server with a headless Chromium and found none '
            + '(set CHROMIUM=/path/to/chrome, or on Debian: sudo apt-get install -y chromium)');
    }
    return found;
}

/** The preferred port if it is free, else one the system picks. */
export function freePort(preferred) {
    const tryPort = port => new Promise(resolve => {
        const server = createServer();
        server.once('error', () => resolve(undefined));
        server.listen(port, '127.0.0.1', () => {
            const { port: bound } = server.address();
            server.close(() => resolve(bound));
        });
    });
    return tryPort(preferred).then(port => port ?? tryPort(0));
}

/**
 * Starts code-server in its own process group on 127.0.0.1 without authentication (only this
 * machine can reach it), with its settings, extensions and logs in `stateDir`. Resolves once it
 * answers /healthz. `keepSettings` leaves a user's earlier settings alone.
 */
export async function startCodeServer({ bin, env }, { port, stateDir, folder, args = [], settings = {}, keepSettings = false }) {
    const userData = join(stateDir, 'user-data');
    const settingsFile = join(userData, 'User', 'settings.json');
    mkdirSync(join(userData, 'User'), { recursive: true });
    mkdirSync(join(stateDir, 'tmp'), { recursive: true });
    if (!keepSettings || !existsSync(settingsFile)) writeFileSync(settingsFile, JSON.stringify({
        'security.workspace.trust.enabled': false,
        'workbench.startupEditor': 'none',
        'telemetry.telemetryLevel': 'off',
        'extensions.autoUpdate': false,
        'extensions.autoCheckUpdates': false,
        'update.mode': 'none',
        ...settings,
    }, null, 2));
    const logFile = join(stateDir, 'code-server.log');
    const out = createWriteStream(logFile);
    const child = spawn(bin, [
        '--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--config', join(stateDir, 'config.yaml'),
        '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override',
        '--user-data-dir', userData, '--extensions-dir', join(stateDir, 'extensions'),
        ...args, ...(folder ? [folder] : []),
    ], {
        detached: true,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Keep code-server's sockets and state inside stateDir, not in the user's home.
        env: { ...cleanNpmEnv(process.env), ...env, TMPDIR: join(stateDir, 'tmp'), XDG_DATA_HOME: join(stateDir, 'xdg-data'), XDG_CONFIG_HOME: join(stateDir, 'xdg-config') },
    });
    child.stdout.pipe(out);
    child.stderr.pipe(out);
    let exited = false;
    const gone = new Promise(done => child.on('exit', () => { exited = true; done(); }));
    /** Ends code-server's whole process group (extension host, language server, watchers). */
    const stop = async () => {
        const signal = sig => { try { process.kill(-child.pid, sig); } catch { /* already gone */ } };
        if (!exited) signal('SIGTERM');
        const timer = setTimeout(() => signal('SIGKILL'), 5_000);
        await gone;
        clearTimeout(timer);
    };
    const url = `http://127.0.0.1:${port}`;
    const deadline = Date.now() + 60_000;
    for (;;) {
        if (exited) throw new SetupError(`code-server exited at start; see ${logFile}:\n${readFileSync(logFile, 'utf8').slice(-2000)}`);
        const ok = await globalThis.fetch(`${url}/healthz`).then(r => r.ok, () => false);
        if (ok) break;
        if (Date.now() > deadline) {
            stop();
            throw new SetupError(`code-server did not answer on ${url} within 60 s; see ${logFile}`);
        }
        await new Promise(resolve => setTimeout(resolve, 250));
    }
    return { url, logFile, child, stop };
}

/** `code-server --install-extension FILE` into the extensions folder of `stateDir`. */
export async function installExtension({ bin, env }, stateDir, vsix) {
    const logFile = join(stateDir, 'install-extension.log');
    mkdirSync(stateDir, { recursive: true });
    const code = await run(bin, ['--extensions-dir', join(stateDir, 'extensions'), '--user-data-dir', join(stateDir, 'user-data'),
        '--install-extension', vsix, '--force'], { env: { ...cleanNpmEnv(process.env), ...env }, logFile });
    const output = readFileSync(logFile, 'utf8');
    if (code !== 0 || !/successfully installed/i.test(output)) {
        throw new SetupError(`code-server --install-extension ${vsix} failed (exit ${code}):\n${output.slice(-2000)}`);
    }
}
