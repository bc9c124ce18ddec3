/**
 * The regular-expression sweep: every regular expression literal and `new RegExp(...)` in lib/, found by
 * scanning the TypeScript source, each run against hostile text and against long runs built from its own
 * characters. Used by tests/unit/text/regex-sweep.test.ts (asserts a budget) and scripts/bench.ts (prints
 * the worst). Text a page controls reaches these on every keystroke: none may backtrack super-linearly.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { HOSTILE_INPUTS } from './hostile-inputs';

export const LIB = new URL('../lib/', import.meta.url).pathname;

/** The budget: a regular expression, or one check, finishes 100 KB of anything in under this. */
export const BUDGET_MS_PER_100KB = 50;

export interface FoundRegex {
  /** Path under the repository ("lib/rules/names.ts") and 1-based line. */
  file: string;
  line: number;
  kind: 'literal' | 'constructor';
  /** For a literal: its pattern and flags. For a constructor: the argument text, as written. */
  source: string;
  flags: string;
}

// ---- finding them: a TypeScript-aware scan ------------------------------------------------------------

/** Keywords after which a "/" starts a regular expression, not a division. */
const REGEX_AFTER_WORD = new Set(['return', 'typeof', 'instanceof', 'in', 'of', 'new', 'delete', 'void', 'throw', 'case', 'do', 'else', 'yield', 'await', 'extends']);
const ID_START = /[A-Za-z_$\p{L}]/u;
const ID_PART = /[A-Za-z0-9_$\p{L}\p{N}]/u;

/**
 * Every regular expression in one TypeScript file: literals (telling "/" the regex from "/" the division
 * by the token before it, as the language does), and `new RegExp(...)` / `RegExp(...)` calls. Comments,
 * strings and template literals (with `${}` nested to any depth) are skipped, so a "/" in them is not read
 * as a regex.
 */
export function extractRegexes(src: string, file: string): FoundRegex[] {
  const found: FoundRegex[] = [];
  const lineAt = (i: number) => src.slice(0, i).split('\n').length;
  // What kind of token came last: after a value a "/" divides, after an operator it starts a regex.
  let prev: 'value' | 'operator' = 'operator';
  let prevWord = '';
  // Braces opened in code: 'code' for a block or object, 'template' for a `${` inside a template literal.
  const braces: ('code' | 'template')[] = [];
  let i = 0;
  const n = src.length;

  /** Reads a template literal's text from i (after "`" or "}") to its end or its next "${". */
  const templateText = () => {
    while (i < n) {
      const c = src[i]!;
      if (c === '\\') i += 2;
      else if (c === '`') {
        i++;
        prev = 'value';
        return;
      } else if (c === '$' && src[i + 1] === '{') {
        i += 2;
        braces.push('template');
        prev = 'operator';
        return;
      } else i++;
    }
  };

  while (i < n) {
    const c = src[i]!;
    const next = src[i + 1];
    if (c === '/' && next === '/') {
      while (i < n && src[i] !== '\n') i++;
    } else if (c === '/' && next === '*') {
      const end = src.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
    } else if (c === '"' || c === "'") {
      i++;
      while (i < n && src[i] !== c) i += src[i] === '\\' ? 2 : 1;
      i++;
      prev = 'value';
    } else if (c === '`') {
      i++;
      templateText();
    } else if (c === '/' && prev === 'operator') {
      // A regular expression literal: to the first "/" not escaped and not inside a character class.
      const start = i;
      let inClass = false;
      i++;
      while (i < n) {
        const d = src[i]!;
        if (d === '\\') i += 2;
        else if (d === '\n') throw new Error(`${file}:${lineAt(start)}: unterminated regular expression`);
        else if (inClass) {
          if (d === ']') inClass = false;
          i++;
        } else if (d === '[') {
          inClass = true;
          i++;
        } else if (d === '/') break;
        else i++;
      }
      const source = src.slice(start + 1, i);
      i++;
      const flagsStart = i;
      while (i < n && /[a-z]/.test(src[i]!)) i++;
      found.push({ file, line: lineAt(start), kind: 'literal', source, flags: src.slice(flagsStart, i) });
      prev = 'value';
    } else if (ID_START.test(c)) {
      const start = i;
      while (i < n && ID_PART.test(src[i]!)) i++;
      const word = src.slice(start, i);
      // RegExp( or new RegExp( : a regular expression built at run time.
      let j = i;
      while (j < n && /\s/.test(src[j]!)) j++;
      if (word === 'RegExp' && src[j] === '(') {
        let depth = 0;
        let k = j;
        for (; k < n; k++) {
          if (src[k] === '(') depth++;
          else if (src[k] === ')' && --depth === 0) break;
        }
        found.push({ file, line: lineAt(start), kind: 'constructor', source: src.slice(j + 1, k).trim(), flags: '' });
      }
      prev = REGEX_AFTER_WORD.has(word) && src[start - 1] !== '.' ? 'operator' : 'value';
      prevWord = word;
    } else if (/[0-9]/.test(c)) {
      while (i < n && /[0-9A-Za-z_.]/.test(src[i]!)) i++;
      prev = 'value';
    } else if (c === '{') {
      braces.push('code');
      i++;
      prev = 'operator';
    } else if (c === '}') {
      i++;
      if (braces.pop() === 'template') templateText();
      // "}" ends a block far more often than an object in an expression about to be divided.
      else prev = 'operator';
    } else if (c === ')' || c === ']') {
      i++;
      prev = 'value';
    } else if (/\s/.test(c)) {
      i++;
    } else {
      // An operator or punctuation. "x++ / y" and "x-- / y" are divisions; no lib code writes them.
      i++;
      prev = 'operator';
    }
  }
  void prevWord;
  return found;
}

function tsFiles(dir: string): string[] {
  return readdirSync(dir)
    .sort()
    .flatMap((f) => {
      const p = join(dir, f);
      return statSync(p).isDirectory() ? tsFiles(p) : /\.tsx?$/.test(f) ? [p] : [];
    });
}

/** Every regular expression in lib/, with none left out (lib/policy/from-text/ included: a school's document is text too). */
export function libRegexes(): FoundRegex[] {
  const root = new URL('../', import.meta.url).pathname;
  return tsFiles(LIB).flatMap((p) => extractRegexes(readFileSync(p, 'utf8'), relative(root, p)));
}

// ---- the text to run them on ---------------------------------------------------------------------------

/** Characters that stand for a class or an escape: what a run of "\s" or "\d" is made of. */
const CLASS_CHARS: Record<string, string> = { d: '7', D: 'a', s: ' ', S: 'a', w: 'a', W: ' ', t: '\t', n: '\n', r: '\r', f: '\f', v: '\v' };

/**
 * The characters a pattern is made of: its literal characters, the ends of its character ranges, and a
 * representative of each class ("\d" -> "7", "\s" -> " ", "\p{L}" -> "a", "é"). A long run of these is
 * what makes a pattern backtrack, if anything does.
 */
export function patternChars(source: string): string[] {
  const chars: string[] = [];
  const add = (s: string) => {
    for (const ch of s) if (!chars.includes(ch)) chars.push(ch);
  };
  for (let i = 0; i < source.length; i++) {
    const c = source[i]!;
    if (c === '\\') {
      const e = source[++i]!;
      if (e === 'u' && source[i + 1] === '{') {
        const end = source.indexOf('}', i);
        add(String.fromCodePoint(parseInt(source.slice(i + 2, end), 16)));
        i = end;
      } else if (e === 'u') {
        add(String.fromCharCode(parseInt(source.slice(i + 1, i + 5), 16)));
        i += 4;
      } else if (e === 'x') {
        add(String.fromCharCode(parseInt(source.slice(i + 1, i + 3), 16)));
        i += 2;
      } else if (e === 'p' || e === 'P') {
        const end = source.indexOf('}', i);
        const prop = source.slice(i + 2, end);
        add(prop.startsWith('M') ? '\u0301' : prop.startsWith('N') ? '7' : 'aé');
        i = end;
      } else if (e === 'b' || e === 'B') {
        // a word boundary: no character
      } else if (/[0-9]/.test(e)) {
        // a back-reference
      } else add(CLASS_CHARS[e] ?? e);
    } else if (c === '{' && /^\{\d+(,\d*)?\}/.test(source.slice(i))) {
      i = source.indexOf('}', i); // a quantifier's bounds are not characters of the text
    } else if (c === '(' && source[i + 1] === '?') {
      i += source[i + 2] === '<' && /[=!]/.test(source[i + 3]!) ? 3 : 2; // (?: (?= (?! (?<= (?<!
    } else if (c === '.') add('a');
    else if (!'()|?*+^$[]'.includes(c)) add(c); // a range's "-" too: harmless, and often literal
  }
  return chars;
}

/** Ordinary characters of every kind, added to each pattern's own. */
const BASE_CHARS = [' ', '7', 'a', 'A', '.', ',', "'", '-', '@', '\n', 'é', '\u0000'];

export interface SweepInput {
  name: string;
  text: string;
}

const KB100 = 100_000;
/** Size of the prefix-pump-suffix attack strings: 20 KB finds quadratic work fast; times are scaled to 100 KB. */
const PUMP = 20_000;

/** A small deterministic generator, so the mixes are the same on every run. */
function rng(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}
const fill = (piece: string, length: number) => piece.repeat(Math.ceil(length / piece.length)).slice(0, length);

/** Mixes of whitespace, digits, letters and punctuation, and the hostile set: for every pattern alike. */
export const MIXED_INPUTS: SweepInput[] = (() => {
  const out: SweepInput[] = HOSTILE_INPUTS.map(([name, text]) => ({ name, text }));
  for (const piece of ['1 ', ' 1', '1st ', 'Year 1 ', '1\t', 'a ', 'a.', 'a. ', 'A a ', '1a', 'a1', ' .', '. ', ', ', '- ', "' ", '1 a . ', 'Aa1 .,', 'a@a.', '@.', 'a-', '+44 7', '07700 ', '(07', 'AB1 ', '12 Abc ', '{a', '!!', 'f*', 'sh**'])
    out.push({ name: `100 KB of ${JSON.stringify(piece)}`, text: fill(piece, KB100) });
  const pools: [string, string][] = [
    ['whitespace and digits', ' \t\n\u00a07'],
    ['whitespace, digits and letters', ' 17aZé'],
    ['letters and punctuation', "aZ.,;:'\"-()[]!?@"],
    ['everything', " \t\n17aAzZé.,;:'\"-()[]!?@#*+/\\{}\u0301\u200b😀"],
  ];
  pools.forEach(([name, pool], k) => {
    const r = rng(k + 1);
    const units = [...pool];
    let s = '';
    while (s.length < KB100) s += units[Math.floor(r() * units.length)]!;
    out.push({ name: `100 KB random: ${name}`, text: s.slice(0, KB100) });
  });
  // The reported attacks, as whole texts: an ordinal's digit, a long gap, then a name.
  out.push({ name: 'ordinal: "Year 1" + 100 KB of spaces + ". May"', text: `Year 1${' '.repeat(KB100)}. May` });
  out.push({ name: 'ordinal: 100 KB of "1 " + ". May"', text: `${'1 '.repeat(KB100 / 2)}. May` });
  return out;
})();

/**
 * The text to run one pattern on: 100 KB runs of each of its characters and of all of them in order,
 * and for each pair of characters a prefix, a 20 KB pump and a character that fails the match (the shape
 * of every catastrophic-backtracking attack), both as "p + q…q + \0" and as "p + (pq)… + \0".
 */
export function inputsFor(source: string): SweepInput[] {
  const own = patternChars(source);
  const chars = [...own, ...BASE_CHARS.filter((c) => !own.includes(c))];
  const out: SweepInput[] = [];
  for (const c of chars) out.push({ name: `100 KB of ${JSON.stringify(c)}`, text: fill(c, KB100) });
  if (own.length > 1) out.push({ name: `100 KB of its characters in order ${JSON.stringify(own.join('').slice(0, 30))}`, text: fill(own.join(''), KB100) });
  // Pairs: the pattern's own characters first, then the base ones, at most 16 in all (256 pairs).
  const pairChars = chars.slice(0, 16);
  for (const p of pairChars) {
    for (const q of pairChars) {
      out.push({ name: `${JSON.stringify(p)} + 20 KB of ${JSON.stringify(q)} + "\\0"`, text: `${p}${fill(q, PUMP)}\u0000` });
      if (p !== q) out.push({ name: `${JSON.stringify(p)} + 20 KB of ${JSON.stringify(p + q)} + "\\0"`, text: `${p}${fill(p + q, PUMP)}\u0000` });
    }
  }
  return out;
}

// ---- timing --------------------------------------------------------------------------------------------

/** Runs a pattern over the whole text as the code could use it: every match, as a global scan does. */
export function runAll(re: RegExp, text: string): number {
  const g = new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`);
  let count = 0;
  let m: RegExpExecArray | null;
  while ((m = g.exec(text)) !== null) {
    count++;
    if (m[0] === '') g.lastIndex++;
  }
  return count;
}

/**
 * Milliseconds per 100 KB for fn on text, as the best of three runs (a garbage collection or a JIT
 * compile, or another process on a shared machine, lands in one run, not in all three). A first run
 * well under the budget is taken as it is.
 */
export function msPer100KB(fn: () => unknown, length: number, budget = BUDGET_MS_PER_100KB): number {
  const once = () => {
    const t0 = performance.now();
    fn();
    return ((performance.now() - t0) * KB100) / Math.max(length, 1);
  };
  let best = once();
  if (best < budget / 5) return best;
  for (let k = 0; k < 2; k++) best = Math.min(best, once());
  return best;
}

/** Over this, time alone is a fault whatever the growth: 1 s per 100 KB of text stalls a tab. */
export const CEILING_MS_PER_100KB = 1000;

/**
 * Whether fn is slow on text because of how it grows, not because the machine is busy: its time per 100 KB
 * (best of three, `msPer100KB`) is over the budget, and either over the ceiling or, in each of three rounds,
 * more than 2.5 times its time per 100 KB on the text's first quarter. A linear pass takes the same time per 100 KB on both; a quadratic
 * backtrack four times as long on the whole. A shared CI machine can make a linear pass miss a 50 ms
 * budget (another process, a garbage collection), never make it grow. The absolute speed is reported by
 * `npm run bench`, not asserted here.
 */
export function slowOn(fn: (text: string) => unknown, text: string, budget = BUDGET_MS_PER_100KB): { ms: number; slow: boolean } {
  let ms = msPer100KB(() => fn(text), text.length, budget);
  // Over the budget: best of three twice more, so one burst of load is not taken for backtracking.
  for (let k = 0; k < 2 && ms >= budget; k++) ms = Math.min(ms, msPer100KB(() => fn(text), text.length, budget));
  if (ms < budget) return { ms, slow: false };
  if (ms >= CEILING_MS_PER_100KB) return { ms, slow: true };
  const quarter = text.slice(0, Math.ceil(text.length / 4));
  // Three rounds, each timing the quarter and then the whole (best of three each), so both meet the same
  // load: slow only if the whole grows faster than the text in every round. A quadratic pass is about four
  // times its quarter's rate each time; a linear one that a busy machine or a garbage collection caught
  // once (seen on a two-core machine at load 10: whole text 3–8 times its quarter in one round) is not.
  for (let round = 0; round < 3; round++) {
    const msQuarter = msPer100KB(() => fn(quarter), quarter.length, 0);
    const msWhole = msPer100KB(() => fn(text), text.length, 0);
    ms = Math.min(ms, msWhole);
    // Under the budget in any round is fast enough whatever the ratio: the first timings were the load's (a
    // clean-clone run at load 10 flagged checkDraft at 33.9 ms per 100 KB, its quarter slower per KB still).
    if (msWhole <= 2.5 * msQuarter || msWhole < budget) return { ms, slow: false };
  }
  return { ms, slow: true };
}

export interface SweepResult {
  regex: FoundRegex;
  /** The slowest input, and its time in ms per 100 KB. */
  worst: string;
  ms: number;
  /** Whether it grows faster than linearly on some input (`slowOn`). */
  slow: boolean;
}

/**
 * One literal regular expression of lib/, timed on every input: its slowest, in ms per 100 KB. The
 * 20 KB attack strings go first and the sweep stops at the first input over the budget, so a regex that
 * backtracks catastrophically fails in seconds, not minutes.
 */
export function sweepOne(regex: FoundRegex, budget = BUDGET_MS_PER_100KB): SweepResult {
  const re = new RegExp(regex.source, regex.flags);
  let worst = '';
  let ms = -1;
  let slow = false;
  for (const input of [...inputsFor(regex.source), ...MIXED_INPUTS]) {
    const t = slowOn((text) => runAll(re, text), input.text, budget);
    if (t.ms > ms) [worst, ms] = [input.name, t.ms];
    if (t.slow) {
      [worst, ms, slow] = [input.name, t.ms, true];
      break;
    }
  }
  return { regex, worst, ms, slow };
}

/** Every literal regular expression of lib/, slowest first. */
export function sweepLiterals(regexes: FoundRegex[] = libRegexes()): SweepResult[] {
  return regexes
    .filter((r) => r.kind === 'literal')
    .map((r) => sweepOne(r))
    .sort((a, b) => b.ms - a.ms);
}

/**
 * Text for the public entry points (the checker, the router, the spot-check): the mixes and the hostile
 * set, a 100 KB run of every character any pattern in lib/ is made of, and each pattern's characters in
 * order, repeated to 100 KB.
 */
export function entryInputs(regexes: FoundRegex[] = libRegexes()): SweepInput[] {
  const out = [...MIXED_INPUTS];
  const seen = new Set<string>([...BASE_CHARS]);
  for (const c of BASE_CHARS) out.push({ name: `100 KB of ${JSON.stringify(c)}`, text: fill(c, KB100) });
  for (const r of regexes) {
    if (r.kind !== 'literal') continue;
    const own = patternChars(r.source);
    for (const c of own) {
      if (seen.has(c)) continue;
      seen.add(c);
      out.push({ name: `100 KB of ${JSON.stringify(c)}`, text: fill(c, KB100) });
    }
    const seq = own.join('');
    if (own.length > 1 && !seen.has(seq)) {
      seen.add(seq);
      out.push({ name: `100 KB of ${JSON.stringify(seq.slice(0, 30))}… (${r.file}:${r.line})`, text: fill(seq, KB100) });
    }
  }
  return out;
}
