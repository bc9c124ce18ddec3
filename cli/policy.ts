/** `guard policy show <preset-id|file.json>` and `guard policy validate <file.json>`. */
import { readFileSync } from 'node:fs';
import { isPresetId, PRESET_IDS } from '../lib/policy/catalog';
import { parsePolicy, parsePolicyJson, problemLines, type ParseResult } from '../lib/policy/parse';
import { PRESETS } from '../lib/policy/presets/index';
import type { CliIO } from './main';

export const POLICY_HELP = `Usage:
  guard policy show <preset-id|file.json>   Print the policy in force, as JSON (defaults filled in).
  guard policy validate <file.json>         Check a policy file: exit 0 if valid, else exit 1 with one
                                            line per problem: "path: message".
  guard policy list                         List the presets.

Presets: ${PRESET_IDS.join(', ')}
`;

/** A preset id, or a path to a policy JSON file. Unreadable files are problems, not crashes. */
export function loadPolicyArg(arg: string): ParseResult {
  if (isPresetId(arg)) return parsePolicy(PRESETS[arg]);
  let text: string;
  try {
    text = readFileSync(arg, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message;
    return {
      ok: false,
      problems: [{ path: '(file)', message: `cannot read ${JSON.stringify(arg)}: ${why} (and it is not a preset: ${PRESET_IDS.join(', ')})` }],
    };
  }
  return parsePolicyJson(text);
}

export function runPolicy(args: string[], io: CliIO): number {
  const [sub, target, ...extra] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(POLICY_HELP);
    return sub === undefined ? 2 : 0;
  }
  if (sub === 'list') {
    for (const id of PRESET_IDS) {
      const parsed = parsePolicy(PRESETS[id]);
      io.stdout(`${id}\t${parsed.ok ? parsed.policy.name : '(invalid)'}\n`);
    }
    return 0;
  }
  if ((sub !== 'show' && sub !== 'validate') || target === undefined || extra.length > 0) {
    io.stderr(`guard policy: expected 'show <preset-id|file.json>' or 'validate <file.json>'. Run 'guard policy --help'.\n`);
    return 2;
  }
  const result = loadPolicyArg(target);
  if (!result.ok) {
    io.stdout(problemLines(result.problems).map((l) => `${l}\n`).join(''));
    return 1;
  }
  if (sub === 'show') io.stdout(`${JSON.stringify(result.policy, null, 2)}\n`);
  else io.stdout(`valid: ${target} (${result.policy.name})\n`);
  return 0;
}
