#!/usr/bin/env node
// The `trellis` command. Trellis needs Node.js 22 or later (its parser uses Object.groupBy).
// Started by an older Node (the system's Node 20, say), it runs itself again on the project's
// own Node 22 (the `node` dev dependency) when that is installed, so it works from any shell.
'use strict';
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    const { spawn } = require('node:child_process');
    const { existsSync } = require('node:fs');
    const path = require('node:path');
    const node22 = path.join(__dirname, '..', 'node_modules', 'node', 'bin', process.platform === 'win32' ? 'node.exe' : 'node');
    if (!existsSync(node22) || process.env.TRELLIS_REEXEC === '1') {
        process.stderr.write(`trellis: Node.js 22 or later is needed (this is ${process.version}); install Node 22, or run 'npm ci' in the Trellis folder so it can use the project's own Node 22\n`);
        process.exit(2);
    }
    const child = spawn(node22, [__filename, ...process.argv.slice(2)], {
        stdio: 'inherit',
        env: { ...process.env, TRELLIS_REEXEC: '1' },
    });
    for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP']) process.on(signal, () => child.kill(signal));
    child.on('error', error => {
        process.stderr.write(`trellis: could not start ${node22}: ${error.message}\n`);
        process.exit(2);
    });
    child.on('exit', (code, signal) => {
        if (signal) process.kill(process.pid, signal);
        process.exit(code ?? 2);
    });
    return;
}
// Keep V8's compiled code of the bundle between runs (in the temporary folder): ~50 ms of
// every run's start, which is much of a small check and of each CI step.
try {
    require('node:module').enableCompileCache?.();
} catch {
    // an unwritable cache only costs that time
}
require('../out/cli.cjs');
