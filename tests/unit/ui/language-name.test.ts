/** components/language-name.ts: the reply boxes name their language in the interface's language, not "(eng)". */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { languageName } from '../../../components/language-name';
import { UK_HOME_LANGUAGES } from '../../../lib/routing/franc-languages';

describe('a policy language’s name', () => {
  it('is said in the interface’s language', () => {
    expect(languageName('eng', 'en-GB')).toBe('English');
    expect(languageName('cym', 'en')).toBe('Welsh');
    expect(languageName('eng', 'cy')).toBe('Saesneg');
    expect(languageName('cym', 'cy')).toBe('Cymraeg');
  });

  it('is the code where there is no name, and never throws', () => {
    expect(languageName('qaa', 'en')).toBe('qaa');
    expect(languageName('not a code', 'en')).toBe('not a code');
    expect(languageName('eng', 'not a locale!')).toBe('eng');
  });
});

describe('the catalog’s own language names', () => {
  const catalog = (lang: string) => JSON.parse(readFileSync(`public/_locales/${lang}/messages.json`, 'utf8')) as Record<string, { message: string }>;
  const from = (lang: string) => (key: string) => catalog(lang)[key]?.message ?? '';

  it('come first: Chromium names few languages in Welsh, and answered "pl" for Polish (probe 15)', () => {
    expect(languageName('pol', 'cy', from('cy'))).toBe('Pwyleg');
    expect(languageName('eng', 'cy', from('cy'))).toBe('Saesneg');
    expect(languageName('pol', 'en', from('en'))).toBe('Polish');
    // Not a catalog language: the browser's name.
    expect(languageName('deu', 'en', from('en'))).toBe('German');
  });

  it('name every language the router detects, in both catalogs', () => {
    for (const lang of ['en', 'cy']) {
      for (const code of UK_HOME_LANGUAGES) expect(from(lang)(`language_${code}`), `${lang} language_${code}`).toMatch(/\p{L}/u);
    }
  });
});
