#!/usr/bin/env node
// The `trellis` command. Trellis needs Node.js 22 or later (its parser uses Object.groupBy).
'use strict';
const major = Number(process.versions.node.split('.')[0]);
if (major < 22) {
    process.stderr.write(`trellis: Node.js 22 or later is needed (this is ${process.version}); run it through npm ('npx trellis ...'), which uses the project's Node 22\n`);
    process.exit(2);
}
require('../out/cli.cjs');
