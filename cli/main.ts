/**
 * The `guard` command line as a function (cli/guard.ts is the process entry), with the same engine as
 * the extension (lib/). Exit codes: 0 ok, 1 the input has problems, 2 usage.
 */
import { PRODUCT_NAME, VERSION } from '../lib/meta';
import { runCheck } from './check';
import { runOutline } from './outline';
import { runPolicy } from './policy';
import { runRoster } from './roster';
import { runRoute } from './route';

export interface CliIO {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}

export const HELP = `${PRODUCT_NAME} ${VERSION}: check ClassDojo posts and messages against a school's policy.

Usage: guard <command> [options]

Commands:
  policy show <preset-id|file.json>   Print a school policy as JSON, defaults filled in.
  policy validate <file>              Check a policy file, or IT's managed settings (any docs/deploy/ form,
                                      or a policyJson with --preset <id>) as a staff browser applies them;
                                      one line per problem ("path: message").
  policy list                         List the five presets.
  policy from-text <file> [--name N]  Propose a policy from the school's written policy (.txt or .docx).
  check --jsonl                       Check drafts: JSON lines in, findings out (see 'guard check --help').
  check --policy ID --channel CH      Check the draft on stdin and print the findings.
  roster read <file>                  Read a class roster export as the options page does: what was read
                                      (columns, rows, refusals) to stderr, the pupils as JSON to stdout.
  route --jsonl                       Route parents' messages: JSON lines in, intent and reply out.
  outline from-html <saved.html>      Print a saved ClassDojo page's outline for support, as JSON.
  outline to-fixture <outline.json>   Turn a page outline into a fixture page for the end-to-end tests.
  help                                Show this help.

Options:
  -h, --help           Show this help.
  -v, --version        Print the version.

Everything runs on this computer: guard reads its input and writes its answer, and sends nothing anywhere.
`;

/** The CLI as a function of its arguments, so tests can call it without a process. Returns the exit code. */
export async function runGuard(argv: string[], io: CliIO, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === 'help' || command === '-h' || command === '--help') {
    io.stdout(HELP);
    return 0;
  }
  if (command === '-v' || command === '--version') {
    io.stdout(`${VERSION}\n`);
    return 0;
  }
  if (command === 'policy') return runPolicy(rest, io);
  if (command === 'check') return runCheck(rest, io, stdin);
  if (command === 'roster') return runRoster(rest, io);
  if (command === 'route') return runRoute(rest, io, stdin);
  if (command === 'outline') return runOutline(rest, io);
  io.stderr(`guard: unknown command '${command}'. Run 'guard --help' to see the commands.\n`);
  return 2;
}
