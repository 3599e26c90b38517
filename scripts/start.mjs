#!/usr/bin/env node
// `npm start`: builds and packages Trellis, then opens the example plan in VS Code with the
// packaged extension installed — in your own VS Code when a `code` command is on PATH, else in
// code-server (VS Code in the browser, installed on first use into ~/.cache/trellis-e2e) on
// http://127.0.0.1:<port>.
//
//   npm start [-- --folder DIR] [--port N] [--code-server] [--no-build]
//
//   --folder DIR     the plan to open (default examples/acme)
//   --port N         code-server's port (default 8420, or the next free one)
//   --code-server    use code-server even when `code` is on PATH
//   --no-build       use the existing trellis-<version>.vsix

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { SetupError, cacheDir, ensureCodeServer, freePort, installExtension, log, startCodeServer } from './lib/code-server.mjs';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: opts } = parseArgs({
    options: {
        folder: { type: 'string' },
        port: { type: 'string' },
        'code-server': { type: 'boolean' },
        'no-build': { type: 'boolean' },
    },
});
const shell = process.platform === 'win32';

function run(command, args) {
    const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', shell });
    if (result.status !== 0) throw new SetupError(`'${command} ${args.join(' ')}' failed (exit ${result.status ?? result.signal})`);
}

function hasCode() {
    const result = spawnSync('code', ['--version'], { stdio: 'ignore', shell });
    return result.status === 0;
}

async function main() {
    const version = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version;
    const vsix = join(root, `trellis-${version}.vsix`);
    const folder = resolve(root, opts.folder ?? join('examples', 'acme'));
    if (!existsSync(folder)) throw new SetupError(`${folder} does not exist`);

    if (!opts['no-build']) {
        log('building and packaging Trellis (npm run package)');
        run('npm', ['run', '--silent', 'package']);
    }
    if (!existsSync(vsix)) throw new SetupError(`${vsix} is missing: run 'npm run package'`);

    if (!opts['code-server'] && hasCode()) {
        log(`installing ${vsix} into your VS Code`);
        run('code', ['--install-extension', vsix, '--force']);
        log(`opening ${folder}`);
        run('code', [folder]);
        log('Trellis is installed; VS Code shows the example plan. Open a .trellis file and hover a team.');
        return;
    }

    log('no `code` command on PATH: using VS Code in the browser (code-server)');
    const codeServer = await ensureCodeServer();
    // One lasting profile, so settings and open editors survive between runs.
    const state = join(cacheDir, 'start');
    log(`code-server --install-extension ${vsix}`);
    await installExtension(codeServer, state, vsix);
    const port = await freePort(Number(opts.port ?? process.env.PORT ?? 8420));
    const server = await startCodeServer(codeServer, {
        port, stateDir: state, folder, keepSettings: true,
        // First-run defaults only (later runs keep the user's settings): no AI chat side bar, no
        // question about the Trellis repository around the example.
        settings: { 'chat.disableAIFeatures': true, 'workbench.secondarySideBar.defaultVisibility': 'hidden', 'git.openRepositoryInParentFolders': 'never' },
    });
    let stopping = false;
    const stop = () => {
        stopping = true;
        void server.stop().then(() => process.exit(0));
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
    server.child.on('exit', code => {
        if (stopping) return;
        console.error(`code-server stopped (exit ${code}); its log: ${server.logFile}`);
        process.exit(code ?? 1);
    });
    console.log(`\n  Trellis is running in VS Code at ${server.url}/?folder=${encodeURI(folder)}\n`
        + `  Open it in your browser; press Ctrl+C here to stop.\n`);
}

try {
    await main();
} catch (error) {
    console.error(error instanceof SetupError ? `npm start: ${error.message}` : error);
    process.exit(1);
}
