/** `guard policy show|validate|list|from-text`. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { buildPolicy, proposeFromText, settingsRead } from '../lib/policy/from-text/index';
import { DocumentError, documentText, MAX_DOCUMENT_BYTES } from '../lib/policy/from-text/document';
import { isPresetId, PRESET_IDS } from '../lib/policy/catalog';
import { parsePolicy, parsePolicyJson, problemLines, type ParseResult } from '../lib/policy/parse';
import { PRESETS } from '../lib/policy/presets/index';
import type { CliIO } from './main';

export const POLICY_HELP = `Usage:
  guard policy show <preset-id|file.json>   Print the policy in force, as JSON (defaults filled in).
  guard policy validate <file.json>         Check a policy file: exit 0 if valid, else exit 1 with one
                                            line per problem: "path: message".
  guard policy list                         List the presets.
  guard policy from-text <file.txt|file.docx> [--name "School name"]
                                            Propose a policy from the school's own written ClassDojo
                                            policy: prints it as JSON (valid for 'validate'), every
                                            setting read from the document quoting it word for word,
                                            the rest marked as recommended defaults. Review it before use.
                                            Exit 3 (the JSON still printed, a warning on stderr) when
                                            nothing but the school's name could be read from it.

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

/**
 * `guard policy from-text`: exit 0 with the JSON; 3 with the JSON and a warning on stderr when no setting
 * (hours, contact, route, rule…) could be read from the document, so a script does not take a template
 * of defaults for the school's policy; 1 when the document cannot be read; 2 for usage.
 */
export async function runFromText(args: string[], io: CliIO): Promise<number> {
  let name: string | undefined;
  const files: string[] = [];
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--name') {
      name = args[++i];
      if (name === undefined || !name.trim()) {
        io.stderr('guard policy from-text: --name needs the school’s name, e.g. --name "Hilltop Primary"\n');
        return 2;
      }
    } else if (a.startsWith('--name=')) name = a.slice(7);
    else if (a.startsWith('-')) {
      io.stderr(`guard policy from-text: unknown option '${a}'. Run 'guard policy --help'.\n`);
      return 2;
    } else files.push(a);
  }
  if (files.length !== 1) {
    io.stderr("guard policy from-text: expected one document: 'guard policy from-text <file.txt|file.docx> [--name \"School name\"]'\n");
    return 2;
  }
  const file = files[0]!;
  try {
    const size = statSync(file).size;
    if (size > MAX_DOCUMENT_BYTES) throw new DocumentError(`The file is too large (${(size / 1_000_000).toFixed(1)} MB; at most ${MAX_DOCUMENT_BYTES / 1_000_000} MB).`);
    const text = await documentText(new Uint8Array(readFileSync(file)), file);
    const proposal = proposeFromText(text, { file: basename(file), ...(name ? { name } : {}) });
    const policy = buildPolicy(proposal);
    const parsed = parsePolicy(policy);
    if (!parsed.ok) {
      // Never expected: the builder makes valid policies. Said plainly rather than printing a broken file.
      io.stderr(`guard policy from-text: the proposal is not valid (please report this):\n${problemLines(parsed.problems).join('\n')}\n`);
      return 1;
    }
    io.stdout(`${JSON.stringify(policy, null, 2)}\n`);
    if (proposal.offTopic) {
      io.stderr(`guard policy from-text: warning: nothing was read from ${JSON.stringify(basename(file))}: it does not look like a ClassDojo or communication policy (it mentions none of ClassDojo, messages, communication, e-mail, safeguarding, absence or consent), so nothing was taken from it. Every setting printed is a recommended default. Is this the school's ClassDojo policy?\n`);
      return 3;
    }
    if (settingsRead(proposal) === 0) {
      io.stderr(`guard policy from-text: warning: nothing was read from ${JSON.stringify(basename(file))}: no hours, contacts, routes or rules a ClassDojo policy states. Every setting printed is a recommended default. Is this the school's ClassDojo policy (and, for a .docx, a real Word file)?\n`);
      return 3;
    }
    return 0;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'it is a folder' : (error as Error).message;
    io.stderr(`guard policy from-text: cannot read ${JSON.stringify(file)}: ${why}\n`);
    return 1;
  }
}

export function runPolicy(args: string[], io: CliIO): number | Promise<number> {
  const [sub, target, ...extra] = args;
  if (sub === 'from-text') return runFromText(args.slice(1), io);
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
    io.stderr(`guard policy: expected 'show <preset-id|file.json>', 'validate <file.json>' or 'from-text <document>'. Run 'guard policy --help'.\n`);
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
