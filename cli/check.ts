/**
 * `guard check`: the checker from the command line.
 *
 *   guard check --jsonl   JSON lines in, one JSON line out per input line, in order (the contract:
 *                         {"id", "findings": [{rule, severity, start, end, message, fix?, clause}]} or
 *                         {"id", "error"}; a bad line never stops the batch).
 *   guard check --policy <id|file> --channel <channel> [--at ISO] [--tag NAME]... [--media]
 *               [--roster file.csv|file.json] [--points N] [--lang en|cy]   text on stdin, findings for a person.
 */
// This context checks on its own: it installs the built-in word lists (lib/rules/lexicon.ts).
import '../lib/rules/lexicon-bundled';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { StringDecoder } from 'node:string_decoder';
import { parseArgs } from 'node:util';
import { ukBankHolidays } from '../lib/calendar/bank-holidays';
import { CHANNELS, type Channel, type Policy } from '../lib/policy/schema';
import { problemLines } from '../lib/policy/parse';
import { checkDraft } from '../lib/rules/index';
import { parsePupil } from '../lib/rules/roster';
import { readRoster } from '../lib/roster/csv';
import { decodeRoster } from '../lib/roster/decode';
import { rosterSummary } from '../lib/roster/summary';
import { problemText } from '../lib/i18n/roster';
import type { Draft, Finding, Pupil } from '../lib/rules/types';
import { LANGUAGES, messagesOf, type Language } from './catalog';
import type { CliIO } from './main';
import { loadPolicyArg } from './policy';

export const CHECK_HELP = `Usage:
  guard check --jsonl                  JSON lines on stdin, one JSON line of findings out per line.
  guard check --policy <preset-id|file.json> --channel <channel> [options] < draft.txt

Options:
  --policy <id|file>     a preset id (${'bentley-new-village'}, ...) or a policy JSON file
  --channel <channel>    ${CHANNELS.join(', ')}
  --at <ISO time>        when it would be sent (default: now)
  --tag <name>           a tagged pupil (repeat for more)
  --media                a photo or video is attached
  --roster <file>        the class roster: a management system's CSV or Unicode Text export, or JSON;
                         what was read from it is printed to stderr ('guard roster read' shows it alone)
  --group <class>        with --roster, from a file of several classes keep only this class's rows
  --lang <en|cy>         the language of the findings' messages (default en), worded as the panel words
                         them in a browser in that language (the clause stays as the school wrote it), and
                         of the --roster file's notes and refused rows, as the options page words them
  --points=<n>           on the points page: the award's weight (--points=-1 takes a point away)
`;

/** Policies are parsed once per batch, however many lines name them. */
function policyCache() {
  const cache = new Map<string, { ok: true; policy: Policy } | { ok: false; error: string }>();
  return (arg: string) => {
    let entry = cache.get(arg);
    if (!entry) {
      const r = loadPolicyArg(arg);
      entry = r.ok ? { ok: true, policy: r.policy } : { ok: false, error: `policy ${JSON.stringify(arg)}: ${problemLines(r.problems).join('; ')}` };
      cache.set(arg, entry);
    }
    return entry;
  };
}

/**
 * Rosters are read once per distinct roster, by content: a batch that sends the class's roster on every
 * line parses it once and hands the checker the same array each time, so the checker's index (built once
 * per roster array, lib/rules/index.ts) is built once too. The first key is the roster's JSON text: as the
 * line has it (`ofText`, see rosterSpan), or re-serialised from a parsed value (`rosterOf`). A Map hashes
 * and compares the text natively, so two rosters never share an entry. A text not seen before is read, and
 * the pupils it holds are looked up by their content: the same class written with its keys in another order
 * or other spacing gets the same array, and is indexed once. Bounded: past 256 distinct rosters it starts again.
 */
function rosterCache() {
  const cache = new Map<string, Pupil[] | string>();
  /** The same pupils written another way (keys in another order, other spacing): one array for them all. */
  const byContent = new Map<string, Pupil[]>();
  const remember = (key: string, entry: Pupil[] | string) => {
    if (cache.size >= 256) cache.clear();
    cache.set(key, entry);
    return entry;
  };
  const read = (value: unknown): Pupil[] | string => {
    if (!Array.isArray(value)) return '"roster" must be a list of pupils';
    const roster: Pupil[] = [];
    for (const [i, item] of value.entries()) {
      const pupil = parsePupil(item, i);
      if (typeof pupil === 'string') return pupil;
      roster.push(pupil);
    }
    // Keyed by the pupils as read, each with its fields in one order: only a text never seen before pays this.
    const key = JSON.stringify(roster.map((p) => Object.entries(p).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))));
    const same = byContent.get(key);
    if (same) return same;
    if (byContent.size >= 256) byContent.clear();
    byContent.set(key, roster);
    return roster;
  };
  /** A parsed roster value to its pupils, or why it cannot be read. */
  const rosterOf = (value: unknown): Pupil[] | string => {
    if (!Array.isArray(value)) return '"roster" must be a list of pupils';
    const key = JSON.stringify(value);
    return cache.get(key) ?? remember(key, read(value));
  };
  /** The roster text `ofText` was last given, and what it read: the next line most likely carries it again. */
  let last: { text: string; roster: Pupil[] | string } | undefined;
  /** A roster's JSON text to its pupils, or why it cannot be read; undefined when the text is not JSON. */
  const ofText = (text: string): Pupil[] | string | undefined => {
    let known = cache.get(text);
    if (known === undefined) {
      let value: unknown;
      try {
        value = JSON.parse(text);
      } catch {
        return undefined;
      }
      known = remember(text, read(value));
    }
    last = { text, roster: known };
    return known;
  };
  return Object.assign(rosterOf, { ofText, last: () => last });
}

/** The end of the JSON string whose opening quote is at `i` (the index after its closing quote), or -1. */
function stringEnd(line: string, i: number): number {
  for (let j = line.indexOf('"', i + 1); j !== -1; j = line.indexOf('"', j + 1)) {
    let slashes = 0;
    while (line.charCodeAt(j - 1 - slashes) === 92) slashes++;
    if (slashes % 2 === 0) return j + 1;
  }
  return -1;
}

/** The end of the JSON value that starts at `i`, or -1. Not a validator: JSON.parse judges what it spans. */
function valueEnd(line: string, i: number): number {
  const first = line.charCodeAt(i);
  if (first === 34) return stringEnd(line, i);
  if (first === 91 || first === 123) {
    // [ or {: to the bracket that closes it, stepping over strings whole.
    // From one quote or bracket to the next by the engine's own search: a roster is most of a line, and
    // looking at each of its characters in turn cost more than the rest of the line's reading.
    const stack: number[] = [];
    const next = /["[\]{}]/g;
    next.lastIndex = i;
    for (let m = next.exec(line); m; m = next.exec(line)) {
      const j = m.index;
      const c = line.charCodeAt(j);
      if (c === 34) {
        next.lastIndex = stringEnd(line, j);
        if (next.lastIndex <= 0) return -1;
      } else if (c === 91 || c === 123) stack.push(c + 2); // the closing ] or }
      else {
        if (stack.pop() !== c) return -1;
        if (stack.length === 0) return j + 1;
      }
    }
    return -1;
  }
  // A number, true, false or null: up to the next separator.
  let j = i;
  while (j < line.length && !',}] \t\n\r'.includes(line[j]!)) j++;
  return j > i ? j : -1;
}

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13;

/**
 * Where a line's top-level "roster" value is, as [start, end) character offsets, without parsing the line:
 * the roster is most of a line's bytes, and parsing it on every line cost as much as checking the draft.
 * Undefined when the line has no roster, or anything about it is unusual (a key written with escapes, a
 * second "roster", text that does not look like an object): the line is then parsed whole, as before.
 */
export function rosterSpan(line: string): [number, number] | undefined {
  let i = 0;
  const skip = () => {
    while (i < line.length && isSpace(line.charCodeAt(i))) i++;
  };
  skip();
  if (line.charCodeAt(i) !== 123) return undefined;
  i++;
  let span: [number, number] | undefined;
  for (;;) {
    skip();
    if (line.charCodeAt(i) !== 34) return undefined;
    const keyEnd = stringEnd(line, i);
    if (keyEnd < 0) return undefined;
    const key = line.slice(i + 1, keyEnd - 1);
    if (key.includes('\\')) return undefined;
    i = keyEnd;
    skip();
    if (line.charCodeAt(i) !== 58) return undefined; // :
    i++;
    skip();
    const start = i;
    const end = valueEnd(line, i);
    if (end < 0) return undefined;
    if (key === 'roster') {
      if (span) return undefined;
      span = [start, end];
    }
    i = end;
    skip();
    const c = line.charCodeAt(i);
    if (c === 125) return span; // }
    if (c !== 44) return undefined; // ,
    i++;
  }
}

/**
 * Where `known` (a roster's JSON text) is in `line` as the value of its last member, keyed "roster", as
 * [start, end) offsets; undefined otherwise. Not a parse, a look at the ends: the line's end is `known` and
 * then `}`, and before `known` is `"roster":` after a `{` or `,` (spaces allowed between). A batch that
 * sends one roster on every line, last, is found without a walk through its 1–2 KB (rosterSpan's), which
 * cost a tenth of a line's time. The caller parses the line with null in its place and takes the roster only
 * when the top-level "roster" is then null: with the `}` right after it that null is the top-level object's
 * last member (JSON.parse keeps the last of two same keys, so it is the line's roster), and the `{` or `,`
 * before the key's opening quote means that quote opens the key (an escaped quote would follow a `\`).
 */
export function knownRosterAtEnd(line: string, known: string): [number, number] | undefined {
  let end = line.length;
  while (end > 0 && isSpace(line.charCodeAt(end - 1))) end--;
  if (line.charCodeAt(--end) !== 125) return undefined; // }
  while (end > 0 && isSpace(line.charCodeAt(end - 1))) end--;
  const start = end - known.length;
  // Compared as a slice: `===` compares the characters natively, where optimised code's startsWith went
  // through them one by one (ten times slower on a 1.3 KB roster).
  if (start < 0 || line.slice(start, end) !== known) return undefined;
  let i = start;
  while (i > 0 && isSpace(line.charCodeAt(i - 1))) i--;
  if (line.charCodeAt(--i) !== 58) return undefined; // :
  while (i > 0 && isSpace(line.charCodeAt(i - 1))) i--;
  i -= ROSTER_KEY.length;
  if (i < 0 || !line.startsWith(ROSTER_KEY, i)) return undefined;
  while (i > 0 && isSpace(line.charCodeAt(i - 1))) i--;
  const before = line.charCodeAt(i - 1);
  return before === 44 || before === 123 ? [start, end] : undefined; // , or {
}
const ROSTER_KEY = '"roster"';

/**
 * A line's JSON and its roster. The roster's text is looked up by itself (the last line's roster at the
 * line's end, else rosterSpan) and the rest of the line parsed with null in its place; whenever that does
 * not clearly work, the whole line is parsed, so bad input gets the same message as before.
 */
function parseLine(line: string, rosterCacheOf: BatchCaches['rosterOf']): { input: unknown; roster?: Pupil[] | string } {
  const last = rosterCacheOf.last();
  const atEnd = last && knownRosterAtEnd(line, last.text);
  const span = atEnd ?? rosterSpan(line);
  if (span) {
    const roster = atEnd ? last!.roster : rosterCacheOf.ofText(line.slice(span[0], span[1]));
    if (roster !== undefined) {
      try {
        const input = JSON.parse(`${line.slice(0, span[0])}null${line.slice(span[1])}`);
        if (input && typeof input === 'object' && !Array.isArray(input) && input.roster === null) return { input, roster };
      } catch {
        // parsed whole below, for the message
      }
    }
  }
  const input = JSON.parse(line) as unknown;
  const value = input && typeof input === 'object' ? (input as Record<string, unknown>).roster : undefined;
  return { input, ...(value === undefined ? {} : { roster: rosterCacheOf(value) }) };
}

/** What a batch reads once: each policy by its argument, each roster by its content. */
export interface BatchCaches {
  policyOf: ReturnType<typeof policyCache>;
  rosterOf: ReturnType<typeof rosterCache>;
}
export function batchCaches(): BatchCaches {
  return { policyOf: policyCache(), rosterOf: rosterCache() };
}

const NO_PUPILS: Pupil[] = [];

/** The fields an input line may have (README, `guard check`); any other is refused, never ignored. */
const LINE_FIELDS = ['id', 'policy', 'channel', 'text', 'at', 'tagged', 'media', 'points', 'roster'] as const;

/** Turns one input line into a draft and its context, or an error message. */
function readLine(line: string, { policyOf, rosterOf }: BatchCaches): { id: unknown; error: string } | { id: unknown; draft: Draft; policy: Policy; roster: Pupil[] } {
  let input: Record<string, unknown>;
  let read: Pupil[] | string | undefined;
  try {
    const parsed = parseLine(line, rosterOf);
    if (!parsed.input || typeof parsed.input !== 'object' || Array.isArray(parsed.input)) return { id: null, error: 'expected a JSON object' };
    input = parsed.input as Record<string, unknown>;
    read = parsed.roster;
  } catch (error) {
    return { id: null, error: `not valid JSON: ${(error as Error).message}` };
  }
  const id = input.id ?? null;
  if (typeof input.policy !== 'string') return { id, error: '"policy" must be a preset id or a policy file path' };
  const policy = policyOf(input.policy);
  if (!policy.ok) return { id, error: policy.error };
  if (typeof input.channel !== 'string' || !(CHANNELS as readonly string[]).includes(input.channel)) {
    return { id, error: `"channel" must be one of ${CHANNELS.join(', ')}` };
  }
  if (typeof input.text !== 'string') return { id, error: '"text" must be a string' };
  const at = input.at === undefined ? new Date() : new Date(String(input.at));
  if (typeof input.at !== 'undefined' && (typeof input.at !== 'string' || Number.isNaN(at.getTime()))) {
    return { id, error: `"at" must be an ISO date and time, such as "2026-11-24T10:15:00Z"` };
  }
  if (input.tagged !== undefined && (!Array.isArray(input.tagged) || input.tagged.some((t) => typeof t !== 'string'))) {
    return { id, error: '"tagged" must be a list of names' };
  }
  if (input.media !== undefined && typeof input.media !== 'boolean' && typeof input.media !== 'number') {
    return { id, error: '"media" must be true, false or a count' };
  }
  if (input.points !== undefined && (typeof input.points !== 'number' || !Number.isFinite(input.points))) {
    return { id, error: '"points" must be a number' };
  }
  const roster = read ?? NO_PUPILS;
  if (typeof roster === 'string') return { id, error: roster };
  // A misspelt field ("tags" for "tagged") would otherwise be ignored, and its checks silently not run.
  const unknown = Object.keys(input).filter((key) => !(LINE_FIELDS as readonly string[]).includes(key));
  if (unknown.length) return { id, error: `unknown field${unknown.length > 1 ? 's' : ''} ${unknown.map((k) => JSON.stringify(k)).join(', ')}: a line has ${LINE_FIELDS.join(', ')}` };
  const draft: Draft = {
    text: input.text,
    channel: input.channel as Channel,
    at,
    ...(input.tagged ? { tagged: input.tagged as string[] } : {}),
    ...(input.media !== undefined ? { media: input.media as boolean | number } : {}),
    ...(input.points !== undefined ? { points: input.points as number } : {}),
  };
  return { id, draft, policy: policy.policy, roster };
}

/** The contract's shape, exactly: nothing added, `fix` only where there is one. */
export function contractFinding(f: Finding) {
  return {
    rule: f.rule,
    severity: f.severity,
    start: f.start,
    end: f.end,
    message: f.message,
    ...(f.fix !== undefined ? { fix: f.fix } : {}),
    clause: f.clause,
  };
}

/** A finite number as JSON.stringify writes it (anything else as it writes NaN: null). */
const jsonNumber = (n: number) => (Number.isFinite(n) ? String(n) : 'null');

/**
 * The output line, written as JSON.stringify({ id, findings: findings.map(contractFinding) }) would write it,
 * character for character, without making the contract's objects first and walking them (a twentieth of a
 * line's time): the fixed keys are literals, each value JSON.stringify's own.
 */
export function findingsLine(id: unknown, findings: readonly Finding[]): string {
  let out = `{"id":${JSON.stringify(id)},"findings":[`;
  for (let i = 0; i < findings.length; i++) {
    const f = findings[i]!;
    out += `${i ? ',' : ''}{"rule":${JSON.stringify(f.rule)},"severity":${JSON.stringify(f.severity)},"start":${jsonNumber(f.start)},"end":${jsonNumber(f.end)},"message":${JSON.stringify(f.message)}${
      f.fix !== undefined ? `,"fix":${JSON.stringify(f.fix)}` : ''
    },"clause":${JSON.stringify(f.clause)}}`;
  }
  return `${out}]}`;
}

/** One input line of `--jsonl` to its output line; `caches` carry policies and rosters across a batch. */
export function checkLine(line: string, caches: BatchCaches = batchCaches(), lang?: Language): string {
  const r = readLine(line, caches);
  if ('error' in r) return JSON.stringify({ id: r.id, error: r.error });
  try {
    const findings = checkDraft(r.draft, { policy: r.policy, roster: r.roster, calendar: ukBankHolidays, messages: messagesOf(lang ?? 'en') });
    return findingsLine(r.id, findings);
  } catch (error) {
    return JSON.stringify({ id: r.id, error: `could not check: ${(error as Error).message}` });
  }
}

/**
 * Splits text read a chunk at a time into lines as readline does (UTF-8; a line ends at \n, \r\n or a lone
 * \r; a last line without an ending counts), synchronously: readline's promise and regular expression per
 * line were a tenth of a batch's time. `push` gives the lines a chunk completes; `end` the last one, if any.
 */
export class LineSplitter {
  private readonly decoder = new StringDecoder('utf8');
  private rest = '';

  push(chunk: string | Uint8Array): string[] {
    // Only the new text can hold a line ending (a held-back \r is looked at again), so a long line read in
    // many chunks is scanned once.
    const from = Math.max(0, this.rest.length - 1);
    return this.take(this.rest + (typeof chunk === 'string' ? chunk : this.decoder.write(chunk as Buffer)), false, from);
  }

  end(): string[] {
    const lines = this.take(this.rest + this.decoder.end(), true, Math.max(0, this.rest.length - 1));
    if (this.rest) lines.push(this.rest);
    this.rest = '';
    return lines;
  }

  private take(text: string, final: boolean, scanFrom: number): string[] {
    const lines: string[] = [];
    let from = 0;
    // The next \n and \r, each found by the engine's own search (a loop over every character cost 8–25 µs
    // per 1.3 KB line, as much as a tenth of checking it); each is looked for again only once passed.
    let lf = text.indexOf('\n', scanFrom);
    let cr = text.indexOf('\r', scanFrom);
    while (lf !== -1 || cr !== -1) {
      const i = cr === -1 || (lf !== -1 && lf < cr) ? lf : cr;
      let next = i + 1;
      if (i === cr) {
        // A \r at the end of a chunk may be the first half of \r\n: wait for the next chunk.
        if (i + 1 === text.length && !final) break;
        if (lf === i + 1) next = i + 2;
      }
      lines.push(text.slice(from, i));
      from = next;
      if (lf !== -1 && lf < next) lf = text.indexOf('\n', next);
      if (cr !== -1 && cr < next) cr = text.indexOf('\r', next);
    }
    this.rest = text.slice(from);
    return lines;
  }
}

/**
 * `guard check --jsonl` over a stream. The answers to the lines a chunk completes go out in one write (a
 * write per line cost a system call each, ~a twentieth of a line's time): a line is answered as soon as the
 * chunk that ends it is read, so a caller that sends a line and waits for its answer still gets it.
 */
export async function runCheckJsonl(input: NodeJS.ReadableStream, io: CliIO, lang?: Language): Promise<number> {
  const caches = batchCaches();
  const answer = (line: string) => `${line.trim() ? checkLine(line, caches, lang) : JSON.stringify({ id: null, error: 'empty line' })}\n`;
  const answerAll = (batch: string[]) => {
    let out = '';
    for (const line of batch) out += answer(line);
    if (out) io.stdout(out);
  };
  const lines = new LineSplitter();
  for await (const chunk of input) answerAll(lines.push(chunk as string | Uint8Array));
  answerAll(lines.end());
  return 0;
}

/**
 * A roster file: JSON (a list of pupils) or a management system's export (CSV or Excel's Unicode Text, in
 * any encoding lib/roster/decode.ts reads), with the options page's reader. `report` is given what the
 * reader made of a CSV (lib/roster/summary.ts), a line at a time: how it was read, rows and pupils, the
 * column read for each field, notes, and each refused row with why. `lang`: the language its notes and
 * problems are worded in (the catalog's, as the options page words them; default English).
 */
export function readRosterFile(path: string, report?: (line: string) => void, group?: string, lang: Language = 'en'): Pupil[] | string {
  let bytes: Uint8Array;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    return `cannot read roster ${JSON.stringify(path)}: ${(error as Error).message}`;
  }
  if (path.endsWith('.json')) {
    try {
      const list = JSON.parse(decodeRoster(bytes).text);
      if (!Array.isArray(list)) return 'roster JSON must be a list of pupils';
      const out: Pupil[] = [];
      for (const [i, v] of list.entries()) {
        const p = parsePupil(v, i);
        if (typeof p === 'string') return p;
        out.push(p);
      }
      return out;
    } catch (error) {
      return `roster is not valid JSON: ${(error as Error).message}`;
    }
  }
  // The same reader as the options page's import: header names by meaning, any delimiter, all or nothing.
  const csv = readRoster(bytes, bytes.length, group === undefined ? {} : { group });
  const t = messagesOf(lang);
  if (report) for (const line of rosterSummary(csv, basename(path), t)) report(line);
  if (!csv.ok) return csv.problems.map((p) => (p.row > 0 ? `roster row ${p.row}: ${problemText(p, t)}` : `roster: ${problemText(p, t)}`)).join('\n');
  return csv.pupils;
}

export async function runCheck(args: string[], io: CliIO, stdin: NodeJS.ReadableStream = process.stdin): Promise<number> {
  let values: ReturnType<typeof parseArgs<{ options: typeof OPTIONS }>>['values'];
  const OPTIONS = {
    jsonl: { type: 'boolean' },
    policy: { type: 'string' },
    channel: { type: 'string' },
    at: { type: 'string' },
    tag: { type: 'string', multiple: true },
    media: { type: 'boolean' },
    roster: { type: 'string' },
    group: { type: 'string' },
    points: { type: 'string' },
    lang: { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  } as const;
  try {
    values = parseArgs({ args, options: OPTIONS, allowPositionals: false }).values;
  } catch (error) {
    io.stderr(`guard check: ${(error as Error).message}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(CHECK_HELP);
    return 0;
  }
  const lang = values.lang;
  if (lang !== undefined && !(LANGUAGES as readonly string[]).includes(lang)) {
    io.stderr(`guard check: --lang must be one of ${LANGUAGES.join(', ')}.\n`);
    return 2;
  }
  if (values.jsonl) return runCheckJsonl(stdin, io, lang as Language | undefined);
  if (!values.policy || !values.channel) {
    io.stderr(`guard check: --policy and --channel are needed (or --jsonl). Run 'guard check --help'.\n`);
    return 2;
  }
  if (values.group !== undefined && (!values.roster || !values.group.trim())) {
    io.stderr(`guard check: --group names the class to keep from --roster's file: give both. Run 'guard check --help'.\n`);
    return 2;
  }
  // What was read from the roster goes to stderr, so stdout stays the findings.
  let summarised = false;
  const roster = values.roster
    ? readRosterFile(
        values.roster,
        (line) => {
          summarised = true;
          io.stderr(`${line}\n`);
        },
        values.group,
        lang as Language | undefined,
      )
    : [];
  if (typeof roster === 'string') {
    // A CSV's refused rows are in its summary already; a JSON roster's or an unreadable file's error is not.
    io.stderr(summarised ? 'guard check: the roster was not read, so nothing was checked.\n' : `guard check: ${roster}\n`);
    return 1;
  }
  let text = '';
  for await (const chunk of stdin) text += chunk;
  const line = JSON.stringify({
    id: 'stdin',
    policy: values.policy,
    channel: values.channel,
    text: text.replace(/\n$/, ''),
    ...(values.at ? { at: values.at } : {}),
    ...(values.tag ? { tagged: values.tag } : {}),
    ...(values.media ? { media: true } : {}),
    ...(values.points !== undefined ? { points: Number(values.points) } : {}),
    roster,
  });
  const out = JSON.parse(checkLine(line, batchCaches(), lang as Language | undefined)) as { error?: string; findings?: ReturnType<typeof contractFinding>[] };
  if (out.error) {
    io.stderr(`guard check: ${out.error}\n`);
    return 1;
  }
  const findings = out.findings ?? [];
  // The words around the findings in the findings' language too (the severity and rule stay ids, for scripts).
  const t = messagesOf((lang as Language | undefined) ?? 'en');
  if (findings.length === 0) {
    io.stdout(`${t('cliNoFindings')}\n`);
    return 0;
  }
  const body = text.replace(/\n$/, '');
  for (const f of findings) {
    const span = f.end > f.start ? ` “${body.slice(f.start, f.end)}” (${f.start}–${f.end})` : '';
    io.stdout(`${f.severity.toUpperCase()}  ${f.rule}${span}\n  ${f.message}\n`);
    if (f.fix !== undefined) io.stdout(`  ${t('cliFix', [f.fix])}\n`);
    io.stdout(`  ${t('cliPolicy', [f.clause])}\n\n`);
  }
  return findings.some((f) => f.severity === 'block') ? 1 : 0;
}
