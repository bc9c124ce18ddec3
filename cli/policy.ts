/** `guard policy show|validate|list|from-text`. */
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { buildPolicy, proposeFromText, settingsRead } from '../lib/policy/from-text/index';
import { DocumentError, documentText, MAX_DOCUMENT_BYTES } from '../lib/policy/from-text/document';
import { isPresetId, PRESET_IDS } from '../lib/policy/catalog';
import { deploymentWarnings, managedValueProblems, readDeployFile, type ManagedSource } from '../lib/policy/deploy-files';
import { MANAGED_KEYS, managedFrom, resolveState } from '../lib/policy/managed-values';
import { parsePolicy, parsePolicyJson, problemLines, type ParseResult, type PolicyProblem } from '../lib/policy/parse';
import { PRESETS } from '../lib/policy/presets/index';
import { problemKey } from '../lib/policy/problem';
import { checkLocks } from '../lib/policy/resolve';
import { messages } from '../lib/i18n/messages';
import { LANGUAGES, messagesOf, type Language } from './catalog';
import type { Policy } from '../lib/policy/schema';
import type { CliIO } from './main';

export const POLICY_HELP = `Usage:
  guard policy show <preset-id|file>        Print the policy in force, as JSON (defaults filled in); a
                                            deployment file's, with --preset/--overlay as for validate.
  guard policy validate <file>              Check a policy file: exit 0 if valid, else exit 1 with one
                                            line per problem: "path: message". A deployment file (the
                                            managed settings presetId/policyJson/locked/lockAll alone, the
                                            Google Admin console's JSON, a Chrome/Chromium policy file, a
                                            Windows .reg or a macOS .mobileconfig) is checked as a staff
                                            browser applies it: policyJson over presetId, IT's locks.
                                            Warnings (exit 0; exit 1 with --strict): the placeholder
                                            EXTENSION_ID left in, settings for one id while another is
                                            installed, an http:// update URL.
  guard policy validate --lang <en|cy> <file>
                                            The problems (and only they) in that language, worded as
                                            the options page words them in a browser in it.
  guard policy validate --preset <id> <policyJson-file>
                                            Check a managed policyJson (settings over a preset, as JSON)
                                            as a browser applies it over that preset.
  guard policy validate --overlay <policyJson-file>
                                            The same with no presetId pushed: the policyJson is then the
                                            whole policy where staff chose none, and goes over whichever
                                            preset staff chose elsewhere (each is checked).
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
    const data = { file: JSON.stringify(arg), presets: PRESET_IDS.join(', ') };
    const problem: PolicyProblem =
      code === 'ENOENT' ? { path: '(file)', id: 'cannotReadMissing', data } : code === 'EISDIR' ? { path: '(file)', id: 'cannotReadFolder', data } : { path: '(file)', id: 'cannotRead', data: { ...data, error: (error as Error).message } };
    return { ok: false, problems: [problem] };
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
    // Term time only with no term dates cannot act (lib/calendar/hours.ts): said, not left to be found in the JSON.
    if (policy.hours.termTimeOnly && !policy.hours.terms?.length) {
      io.stderr(`guard policy from-text: note: the document limits ClassDojo to term time, but gives no term dates: add them to hours.terms, or holidays are not treated as out of hours.\n`);
    }
    if (proposal.offTopic) {
      io.stderr(`guard policy from-text: warning: nothing was read from ${JSON.stringify(basename(file))}: it does not look like a ClassDojo or communication policy (it does not speak of ClassDojo, messages or communication), so nothing was taken from it. Every setting printed is a recommended default. Is this the school's ClassDojo policy?\n`);
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

/** The policy a set of managed values gives a staff browser, and each problem with them, as lines. */
export interface ManagedCheck {
  policy: Policy | null;
  problems: PolicyProblem[];
  /** One line saying what was checked, for "valid: …". */
  summary: string;
}

/**
 * Managed values checked exactly as a staff browser applies them (lib/policy/managed-values.ts, the code the
 * extension runs): the types Chrome's schema lets through, then policyJson over presetId with IT's locks, in a
 * browser where staff chose nothing. With no presetId, policyJson is the whole policy there, and it also goes
 * over each preset staff may have chosen in other browsers: each of those is checked too.
 */
export function checkManaged(values: Record<string, unknown>): ManagedCheck {
  const problems = managedValueProblems(values);
  // What Chrome passes on: a value of the wrong type never reaches the extension.
  const typed = new Set(problems.map((p) => p.path));
  const passed = Object.fromEntries(Object.entries(values).filter(([k]) => (MANAGED_KEYS as readonly string[]).includes(k) && !typed.has(k)));
  const read = managedFrom(passed);
  const state = resolveState(null, null, read);
  const lines = (st: typeof state) => (st.problems ?? []).flatMap((p) => p.problems);
  const managed = read.managed;
  const locks = managed?.locked === 'all' ? 'everything (lockAll)' : managed?.locked?.length ? managed.locked.join(', ') : 'nothing';
  if (read.problems) return { policy: null, problems: [...problems, ...read.problems], summary: '' };
  if (!managed?.presetId && managed?.policy === undefined) {
    // Locks alone: staff choose the policy; only the lock paths can be checked.
    const lockProblems = checkLocks(managed?.locked).problems;
    return { policy: null, problems: [...problems, ...lockProblems], summary: `no presetId or policyJson: staff choose the policy in each browser; locked: ${locks}` };
  }
  const found = [...problems];
  if (!state.policy && !managed.presetId) {
    found.push({ path: 'presetId', id: 'presetIdNotSet', data: { presets: PRESET_IDS.join(', ') } });
  }
  found.push(...lines(state));
  if (!managed.presetId) {
    // The same policyJson over a preset chosen in the options page (a browser where staff chose before IT pushed).
    const seen = new Set(found.map(problemKey));
    for (const presetId of PRESET_IDS) {
      const over = resolveState({ kind: 'preset', presetId }, null, read);
      for (const p of lines(over)) {
        const line = { ...p, preset: presetId };
        if (seen.has(problemKey(p)) || seen.has(problemKey(line))) continue;
        seen.add(problemKey(line));
        found.push(line);
      }
    }
  }
  const base = managed.presetId ? `preset ${managed.presetId}${managed.policy !== undefined ? ' with policyJson over it' : ''}` : 'policyJson as the whole policy (over each preset where staff chose one)';
  return { policy: state.policy, problems: found, summary: state.policy ? `“${state.policy.name}”: ${base}; locked: ${locks}` : '' };
}

/** Hints for a policy file whose problems say it is really managed settings or a policyJson over a preset. */
function policyFileHints(problems: PolicyProblem[], file: string): string[] {
  const hints: string[] = [];
  const arg = JSON.stringify(file);
  if (problems.some((p) => p.path === 'presetId' && p.id === 'unknownField')) {
    hints.push(`presetId is not a field of a policy: in a managed deployment it is a setting of its own, beside policyJson (docs/deploying.md, docs/deploy/managed-policy.json). To check a policyJson over a preset: guard policy validate --preset <id> ${arg}`);
  }
  const required = problems.filter((p) => p.id === 'required').length;
  if (required >= 3 && !hints.length) {
    hints.push(`${required} fields a whole policy needs are missing: if this is a managed policyJson (settings over a preset), check it with: guard policy validate --preset <id> ${arg} (presets: ${PRESET_IDS.join(', ')})`);
  }
  return hints;
}

type Loaded = { ok: true; policy: Policy; summary?: string } | { ok: false; problems: PolicyProblem[]; hints?: string[] } | { ok: 'sources'; sources: (ManagedSource & { check: ManagedCheck })[]; form: string; warnings?: string[] };

/** The largest policy or deployment file `show`/`validate` read. */
export const MAX_POLICY_FILE_BYTES = 2_000_000;

/**
 * A file's text: UTF-8, or UTF-16 with its byte-order mark (regedit exports .reg files as UTF-16 LE).
 */
export function fileText(bytes: Buffer): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return bytes.subarray(2).toString('utf16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    const swapped = Buffer.from(bytes.subarray(2, 2 + ((bytes.length - 2) & ~1)));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return bytes.toString('utf8');
}

/** The target of show/validate: a preset, a policy file, a deployment file, or (with --preset/--overlay) a policyJson. */
function loadTarget(target: string, overlay: { presetId?: string } | undefined): Loaded {
  if (overlay) {
    let text: string;
    try {
      text = fileText(readFileSync(target)).replace(/^\uFEFF/, '');
    } catch (error) {
      return loadPolicyArg(target) as Loaded; // says why it cannot be read
    }
    const check = checkManaged({ ...(overlay.presetId !== undefined ? { presetId: overlay.presetId } : {}), policyJson: text });
    return { ok: 'sources', form: 'a managed policyJson', sources: [{ where: '(file)', values: {}, check }] };
  }
  if (isPresetId(target)) return loadPolicyArg(target) as Loaded;
  let text: string;
  try {
    const bytes = readFileSync(target);
    // A policy or a deployment file is a few kilobytes; a bigger one is the wrong file, and is not parsed.
    if (bytes.length > MAX_POLICY_FILE_BYTES) return { ok: false, problems: [{ path: '(file)', id: 'fileTooBig', data: { size: (bytes.length / 1_000_000).toFixed(1), max: String(MAX_POLICY_FILE_BYTES / 1_000_000) } }] };
    text = fileText(bytes);
  } catch {
    return loadPolicyArg(target) as Loaded;
  }
  const file = readDeployFile(text);
  if (file.kind === 'unreadable') return { ok: false, problems: file.problems };
  if (file.kind === 'policy') {
    const parsed = parsePolicy(file.data);
    return parsed.ok ? parsed : { ok: false, problems: parsed.problems, hints: policyFileHints(parsed.problems, target) };
  }
  return { ok: 'sources', form: file.form, sources: file.sources.map((s) => ({ ...s, check: checkManaged(s.values) })), warnings: deploymentWarnings(text, file.sources) };
}

function parseTargetArgs(args: string[]): { target?: string; overlay?: { presetId?: string }; strict?: boolean; lang?: Language; error?: string } {
  let target: string | undefined;
  let overlay: { presetId?: string } | undefined;
  let strict = false;
  let lang: Language | undefined;
  for (let i = 0; i < args.length; i++) {
    const a = args[i]!;
    if (a === '--strict') strict = true;
    else if (a === '--lang' || a.startsWith('--lang=')) {
      const value = a === '--lang' ? args[++i] : a.slice('--lang='.length);
      if (!value || !(LANGUAGES as readonly string[]).includes(value)) return { error: `--lang must be one of ${LANGUAGES.join(', ')}` };
      lang = value as Language;
    }
    else if (a === '--preset' || a.startsWith('--preset=')) {
      const id = a === '--preset' ? args[++i] : a.slice('--preset='.length);
      if (!id) return { error: `--preset needs a preset's id (${PRESET_IDS.join(', ')})` };
      // Checked as the browser would: an unknown id is reported as IT's presetId problem, not a usage error.
      overlay = { presetId: id };
    } else if (a === '--overlay') overlay ??= {};
    else if (a.startsWith('-')) return { error: `unknown option '${a}'` };
    else if (target === undefined) target = a;
    else return { error: `expected one file, got ${JSON.stringify(target)} and ${JSON.stringify(a)}` };
  }
  if (target === undefined) return { error: 'expected a file (or a preset id for show)' };
  return { target, overlay, strict, lang };
}

export function runPolicy(args: string[], io: CliIO): number | Promise<number> {
  const [sub] = args;
  if (sub === 'from-text') return runFromText(args.slice(1), io);
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help' || ((sub === 'show' || sub === 'validate') && args.some((a) => a === '--help' || a === '-h'))) {
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
  const parsedArgs = sub === 'show' || sub === 'validate' ? parseTargetArgs(args.slice(1)) : { error: 'unknown' };
  if (parsedArgs.error || parsedArgs.target === undefined) {
    const why = parsedArgs.error && parsedArgs.error !== 'unknown' ? `${parsedArgs.error}. ` : '';
    io.stderr(`guard policy: ${why}expected 'show <preset-id|file>', 'validate [--preset <id> | --overlay] <file>' or 'from-text <document>'. Run 'guard policy --help'.\n`);
    return 2;
  }
  const { target, overlay, strict, lang } = parsedArgs;
  // The problems in --lang's language; without it, in the catalog installed (English, as before --lang).
  const t = lang ? messagesOf(lang) : messages;
  const result = loadTarget(target, overlay);
  if (result.ok === false) {
    io.stdout(problemLines(result.problems, t).map((l) => `${l}\n`).join(''));
    for (const hint of result.hints ?? []) io.stderr(`hint: ${hint}\n`);
    return 1;
  }
  if (result.ok === 'sources') {
    const many = result.sources.length > 1;
    let failed = false;
    // What keeps valid settings from reaching the extension (a placeholder id, two ids, http://): said first.
    const warnings = result.warnings ?? [];
    if (sub === 'validate') for (const w of warnings) io.stdout(`warning: ${w}\n`);
    if (sub === 'validate' && strict && warnings.length) failed = true;
    for (const source of result.sources) {
      const prefix = many ? `${source.where}: ` : '';
      if (source.check.problems.length) {
        failed = true;
        io.stdout(problemLines(source.check.problems, t).map((l) => `${prefix}${l}\n`).join(''));
      } else if (sub === 'validate') {
        io.stdout(`valid: ${target}${many ? ` (${source.where})` : ''}, ${result.form}: ${source.check.summary}\n`);
      }
    }
    if (failed) return 1;
    if (sub === 'show') {
      const shown = result.sources.find((s) => s.check.policy);
      if (!shown?.check.policy) {
        io.stderr(`guard policy show: ${target} chooses no policy (${result.sources[0]?.check.summary ?? 'no settings'}).\n`);
        return 1;
      }
      if (many) io.stderr(`guard policy show: the policy of ${shown.where}\n`);
      io.stdout(`${JSON.stringify(shown.check.policy, null, 2)}\n`);
    }
    return 0;
  }
  if (sub === 'show') io.stdout(`${JSON.stringify(result.policy, null, 2)}\n`);
  else io.stdout(`valid: ${target} (${result.policy.name})\n`);
  return 0;
}
