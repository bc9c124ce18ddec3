/**
 * Issue #15: "a grep for English sentences in lib/rules and lib/routing finds only catalog keys". Every string
 * literal and template of those folders' code is read (esbuild strips the types and comments, acorn parses), and
 * any of three words or more is a finding unless it is a word list (eight words or more, lower case, no
 * punctuation: the checker's and router's own detection data) or listed below with why. What a teacher or a
 * parent reads comes from the catalogs (public/_locales) or from the school's policy, never from here. Data
 * files (lib/.../data/*.json) are data, not code, and are not read.
 */
import { parse } from 'acorn';
import { transformSync } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

/** Literals that are not shown to a user in the interface's language, by file, with why. */
const ALLOWED: Record<string, Record<string, string>> = {
  'lib/rules/lexicon.ts': {
    'the word lists have not loaded yet': 'a programming error thrown to the caller (the checker never runs before the lists are installed)',
  },
  'lib/rules/roster.ts': {
    'roster[${}] must be an object with "first" and "last"': 'a stored roster’s shape error for the `guard` CLI and the logs, never shown in the extension’s interface',
    'roster[${}].first must be a name': 'as above',
    'roster[${}].last must be text': 'as above',
    'roster[${}].${} must be text': 'as above',
  },
};

const WORDS = /[a-z]{2,} [a-z]{2,} [a-z]{2,}/i;
const isWordList = (text: string) => text.trim().split(/\s+/).length >= 8 && /^[a-z' ]+$/.test(text);

type Node = { type: string; [key: string]: unknown };

function literals(file: string): string[] {
  const code = transformSync(readFileSync(file, 'utf8'), { loader: file.endsWith('x') ? 'tsx' : 'ts', format: 'esm' }).code;
  const found: string[] = [];
  const visit = (node: unknown): void => {
    if (!node || typeof node !== 'object') return;
    if (Array.isArray(node)) return node.forEach(visit);
    const n = node as Node;
    if (n.type === 'Literal' && typeof n.value === 'string') found.push(n.value);
    if (n.type === 'TemplateLiteral') found.push((n.quasis as { value: { cooked: string } }[]).map((q) => q.value.cooked).join('${}'));
    for (const key of Object.keys(n)) if (key !== 'type') visit(n[key]);
  };
  visit(parse(code, { ecmaVersion: 'latest', sourceType: 'module' }));
  return found;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

/** The English sentences of a folder's code: file → the literals not allowed. */
function sentencesIn(dirs: string[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const file of dirs.flatMap(sourceFiles)) {
    const bad = literals(file).filter((text) => WORDS.test(text) && !isWordList(text) && !(ALLOWED[file]?.[text] !== undefined));
    if (bad.length) out[file] = bad;
  }
  return out;
}

describe('no English sentences in the checker’s and the router’s code', () => {
  it('lib/rules and lib/routing hold catalog keys and word lists, not sentences', () => {
    expect(sentencesIn(['lib/rules', 'lib/routing'])).toEqual({});
  });

  it('every allowed literal is still there (the list never outlives the code)', () => {
    for (const [file, allowed] of Object.entries(ALLOWED)) {
      const found = new Set(literals(file));
      for (const text of Object.keys(allowed)) expect(found.has(text), `${file}: ${text}`).toBe(true);
    }
  });

  it('finds a sentence where there is one (the scan itself is not blind)', () => {
    const probe = 'tests/unit/i18n/fixtures/english-sentence.ts';
    expect(sentencesIn(['tests/unit/i18n/fixtures'])).toEqual({ [probe]: ['Tell the office about the absence.', 'Only ${} points were given today'] });
  });
});
