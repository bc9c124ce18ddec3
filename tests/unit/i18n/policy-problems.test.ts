/**
 * A policy's problems as message ids and data, worded from the catalogs (issue #15): every id the code can give
 * has an English and a Welsh entry with the same placeholders; the broken policies of
 * tests/fixtures/policy-problems/cases.ts print in English exactly what they printed before problems became ids
 * (english-before.json); in Welsh they print Welsh, with no "$", no unfilled slot and no English.
 */
import { readFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { messagesOf } from '../../../cli/catalog';
import { runGuard } from '../../../cli/main';
import { placeholdersUsed, type Catalog } from '../../../lib/i18n/format';
import { installMessages } from '../../../lib/i18n/messages';
import { problemText } from '../../../lib/i18n/policy-problem';
import { fieldLabel } from '../../../lib/policy/field-label';
import { PROBLEM_IDS, VALUE_KINDS, WHATS, type PolicyProblem } from '../../../lib/policy/problem';
import { libraryLines, runCases, type CaseOutput } from '../../fixtures/policy-problems/run';

const read = (lang: string) => JSON.parse(readFileSync(new URL(`../../../public/_locales/${lang}/messages.json`, import.meta.url), 'utf8')) as Catalog;
const en = read('en');
const cy = read('cy');
const before = JSON.parse(readFileSync(new URL('../../fixtures/policy-problems/english-before.json', import.meta.url), 'utf8')) as {
  cli: Record<string, CaseOutput>;
  library: Record<string, string[]>;
};
const english = messagesOf('en');
const welsh = messagesOf('cy');

afterEach(() => installMessages(english));

/** The ids the broken policies give: the catalog keys problemText asks for while they are printed. */
async function idsGiven(): Promise<Set<string>> {
  const asked = new Set<string>();
  installMessages((key, subs) => {
    asked.add(key);
    return english(key, subs);
  });
  await runCases();
  libraryLines();
  installMessages(english);
  return new Set([...asked].filter((k) => k.startsWith('policyProblem_')).map((k) => k.slice('policyProblem_'.length).replace(/_(one|other)$/, '')));
}

/** Ids no broken file reaches: zod's own issues the schema words itself everywhere, a read error other than missing or a folder, the options page's own. */
const NOT_FROM_FILES = ['tooBig', 'tooSmall', 'invalidFormat', 'invalid', 'cannotRead', 'storageFailed', 'fileTooBigToImport', 'fileUnreadable'];

/** Each catalog key a problem may be worded with. */
const KEYS = [
  ...PROBLEM_IDS.map((id) => `policyProblem_${id}`),
  'policyProblemWherePreset',
  ...VALUE_KINDS.filter((k) => k !== 'null' && k !== 'nothing').map((k) => `policyProblemKind_${k}`),
  ...['nothing', 'null', 'array', 'object', 'string', 'number', 'boolean'].map((k) => `policyProblemGot_${k}`),
  ...WHATS.map((w) => `policyProblemWhat_${w}`),
];

/** The entries a key has in a catalog: itself, or its plural forms. */
const forms = (catalog: Catalog, key: string) => Object.keys(catalog).filter((k) => k === key || new RegExp(`^${key}_(zero|one|two|few|many|other)$`).test(k));

describe('the catalogs word every policy problem', () => {
  it.each(KEYS)('%s has English and Welsh entries with the same placeholders', (key) => {
    const e = forms(en, key);
    const c = forms(cy, key);
    expect(e.length, key).toBeGreaterThan(0);
    expect(c.length, key).toBeGreaterThanOrEqual(e.length);
    const shape = (entry: Catalog[string] | undefined) => ({
      used: [...new Set(placeholdersUsed(entry!.message))].sort(),
      content: Object.fromEntries(Object.entries(entry!.placeholders ?? {}).map(([n, p]) => [n.toLowerCase(), p.content])),
    });
    const english = shape(en[e.find((k) => k.endsWith('_other')) ?? e[0]!]);
    for (const k of c) {
      expect(shape(cy[k]), k).toEqual(english);
      expect(cy[k]!.message, k).not.toBe(en[k]?.message ?? '');
    }
  });

  it('the broken policies give every id but those no file can reach', async () => {
    const given = await idsGiven();
    expect(PROBLEM_IDS.filter((id) => !given.has(id) && !NOT_FROM_FILES.includes(id))).toEqual([]);
    expect(NOT_FROM_FILES.filter((id) => given.has(id))).toEqual([]);
  });

  it.each(NOT_FROM_FILES)('%s, which no file reaches, is worded in both languages', (id) => {
    const p = { path: '(file)', id, data: { maximum: '5', minimum: '1', format: 'email', code: 'custom', file: '"x.json"', error: 'EACCES', presets: 'broughton' } } as PolicyProblem;
    for (const t of [english, welsh]) expect(problemText(p, t)).toMatch(/^[^$]+$/);
    expect(problemText(p, welsh)).not.toBe(problemText(p, english));
  });
});

describe('guard policy validate in English, as before problems were ids', () => {
  it('prints each broken file’s problems (and hints, and exit code) word for word as before', async () => {
    const now = await runCases();
    for (const [name, was] of Object.entries(before.cli)) expect(now[name], name).toEqual(was);
  });

  it('words the problems the CLI does not reach as before', () => {
    expect(libraryLines()).toEqual(before.library);
  });
});

describe('guard policy validate --lang cy', () => {
  it('prints every broken file’s problems in Welsh: no "$", no empty slot, no English', async () => {
    const inWelsh = await runCases(['--lang', 'cy']);
    const inEnglish = await runCases(['--lang', 'en']);
    for (const [name, was] of Object.entries(before.cli)) {
      const cyOut = (inWelsh[name] as CaseOutput).out;
      expect((inEnglish[name] as CaseOutput).out, name).toBe(was.out);
      expect((inWelsh[name] as CaseOutput).code, name).toBe(was.code);
      expect(cyOut, name).not.toMatch(/\$|policyProblem|\{"/);
      const cyLines = cyOut.trimEnd().split('\n');
      const enLines = was.out.trimEnd().split('\n');
      expect(cyLines.length, name).toBe(enLines.length);
      cyLines.forEach((line, i) => {
        const path = enLines[i]!.slice(0, enLines[i]!.indexOf(': ') + 2);
        // The same path, then words that are not the English; an empty quote or bracket only where English has one.
        expect(line.startsWith(path), `${name}: ${line}`).toBe(true);
        expect(line, name).not.toBe(enLines[i]);
        for (const empty of ['""', '()', '“”', ': ;', ' , ']) expect(line.split(empty).length, `${name}: ${line}`).toBe(enLines[i]!.split(empty).length);
      });
    }
  });

  it('a broken file: exit 1, its problems in Welsh', async () => {
    let out = '';
    const code = await runGuard(['policy', 'validate', '--lang', 'cy', '--preset', 'broughton', '/nonexistent/x.json'], { stdout: (t) => (out += t), stderr: () => undefined });
    expect(code).toBe(1);
    expect(out).toMatch(/^\(file\): does dim modd darllen "\/nonexistent\/x\.json": does dim ffeil o'r fath \(a dydy hwn ddim yn bolisi parod: /);
  });

  it('refuses a language it does not have, and says which it has', async () => {
    let err = '';
    const code = await runGuard(['policy', 'validate', '--lang', 'fr', 'broughton'], { stdout: () => undefined, stderr: (t) => (err += t) });
    expect(code).toBe(2);
    expect(err).toContain('--lang must be one of en, cy');
  });

  it('a valid file is valid in either language', async () => {
    let out = '';
    expect(await runGuard(['policy', 'validate', '--lang=cy', 'broughton'], { stdout: (t) => (out += t), stderr: () => undefined })).toBe(0);
    expect(out).toBe('valid: broughton (Broughton Primary School)\n');
  });
});

describe('a field’s label names a rule by its name', () => {
  const t = (catalog: typeof english) => (key: string, sub?: string) => catalog(key, sub === undefined ? undefined : [sub]) || undefined;
  it('in English and in Welsh, never by its id', () => {
    expect(fieldLabel('rules.full-name.action')).toBe('Rule › Full name › action');
    expect(fieldLabel('rules.full-name.action', t(english))).toBe('Rule › Full name › action');
    expect(fieldLabel('rules.full-name.action', t(welsh))).toBe('Rheol › Enw llawn › gweithred');
    expect(fieldLabel('rules.out-of-hours', t(welsh))).toBe('Rheol › Y tu allan i oriau');
    // An id that is not a rule's is shown as written, so nothing is hidden.
    expect(fieldLabel('rules.no-such', t(welsh))).toBe('Rheol › no-such');
  });
});
