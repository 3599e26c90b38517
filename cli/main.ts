// The `trellis` command. Usage problems and unreadable input are one line on stderr and
// exit code 2, never a stack trace.

import { runCheck } from './check.js';
import { runDiff } from './diff.js';
import { runFormat } from './format.js';
import { runGraph } from './graph.js';
import { UsageError } from './workspace.js';

declare const TRELLIS_VERSION: string;
const version = typeof TRELLIS_VERSION === 'string' ? TRELLIS_VERSION : '0.0.0-dev';

const usage = `Usage: trellis <command> [options]

Commands:
  check [PATH...]      check plan files (default: the current folder)
      --format text|json|sarif   output format (default text)
      --today YYYY-MM-DD         the date to judge reviews and allowances against
      --max-warnings N           exit 1 when there are more than N warnings
  graph [PATH...]      draw the plan as a picture (default: the current folder)
      --view dependencies|metrics|capacity|pillars   which picture (default dependencies)
      --format svg|dot|mermaid|json                  output format (default svg)
      -o FILE                    write to FILE instead of standard output
      --impact NAME              highlight what would stall if team or bet NAME did nothing
      --team NAME, --pillar NAME show only what concerns a team or a pillar
      --no-clusters              dependencies: do not box bets by owning team
      --today YYYY-MM-DD         the date findings are judged against
  diff BASE HEAD       what a plan change does: elements, loads, shares, findings (BASE, HEAD: folders)
  diff --git REV [PATH...]   the working tree (or PATHs) against a git revision; --git A..B for two
      --format markdown|json     output format (default markdown, a pull-request comment)
      --today YYYY-MM-DD         the date findings are judged against
                                 exit 1 when HEAD introduces an error
  format [PATH...]     rewrite plan files with the editor's formatter (default: the current folder)
      --check                    write nothing; list the files that would change, exit 1 if any
  lsp --stdio          run the language server for any editor that speaks LSP
  help                 show this help
  version              show the version
`;

export async function main(argv: string[]): Promise<number> {
    const [command, ...args] = argv;
    try {
        switch (command) {
            case 'check':
                return await runCheck(args, version);
            case 'graph':
                return await runGraph(args);
            case 'diff':
                return await runDiff(args);
            case 'format':
                return await runFormat(args);
            case 'lsp': {
                if (!args.includes('--stdio')) throw new UsageError('lsp needs --stdio (the only transport it speaks)');
                const { startLanguageServerOnStdio } = await import('./lsp.js');
                startLanguageServerOnStdio();
                return -1; // keeps running until the client ends the session
            }
            case 'help': case '--help': case '-h':
                process.stdout.write(usage);
                return 0;
            case 'version': case '--version': case '-v':
                process.stdout.write(`${version}\n`);
                return 0;
            case undefined:
                process.stderr.write(usage);
                return 2;
            default:
                throw new UsageError(`unknown command '${command}'; run 'trellis help'`);
        }
    } catch (error) {
        if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
            process.stderr.write(`trellis: ${oneLine((error as Error).message)}\n`);
            return 2;
        }
        process.stderr.write(`trellis: internal error: ${oneLine((error as Error).message ?? String(error))}\n`);
        return 2;
    }
}

/** Node's own argument errors can span lines ("... is ambiguous.\nDid you forget ..."); stderr gets one. */
function oneLine(message: string): string {
    return message.trim().replace(/\s*\r?\n\s*/g, ' ');
}

void main(process.argv.slice(2)).then(code => {
    if (code >= 0) process.exitCode = code;
});
