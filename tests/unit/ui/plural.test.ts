/**
 * components/plural.ts: a count with its noun in the form its language gives that count: "1 post", "2 posts"
 * (probe 20d D11: "1 posts reviewed", "1 findings"); in Welsh CLDR's forms, "2 bostiad", "3 phostiad", "6 phostiad".
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formatMessage, type Catalog } from '../../../lib/i18n/format';
import cyJson from '../../../public/_locales/cy/messages.json';
import enJson from '../../../public/_locales/en/messages.json';

const en = enJson as Catalog;
const cy = cyJson as Catalog;

/** The browser's i18n, as the extension's pages have it, answering from `catalog`. */
function useCatalog(catalog: Catalog) {
  vi.stubGlobal('browser', { i18n: { getMessage: (key: string, subs?: string[]) => formatMessage(catalog, key, subs), getUILanguage: () => 'x' } });
}

const COUNTED = ['countPosts', 'countNew', 'countEdited', 'countFindings', 'historyEditedPosts', 'historyEditedFindings', 'spotPosts', 'spotMessages'];

describe('a count with its noun', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('English: the singular for exactly one, the plural for any other count, with the count first', async () => {
    useCatalog(en);
    const { tn } = await import('../../../components/plural');
    expect([0, 1, 2, 11].map((n) => tn(n, 'countPosts'))).toEqual(['0 posts', '1 post', '2 posts', '11 posts']);
    expect(tn(1, 'spotPosts', ['0'])).toBe('1 post reviewed, 0 with something to look at');
    expect(tn(3, 'spotMessages', ['2'])).toBe('3 staff messages reviewed, 2 with something to look at');
  });

  it('Welsh: the mutated form CLDR’s two, few and many call for, the plain one otherwise', async () => {
    useCatalog(cy);
    const { tn } = await import('../../../components/plural');
    expect([0, 1, 2, 3, 6, 7, 21].map((n) => tn(n, 'countPosts'))).toEqual(['0 postiad', '1 postiad', '2 bostiad', '3 phostiad', '6 phostiad', '7 postiad', '21 postiad']);
    expect([2, 3].map((n) => tn(n, 'countFindings'))).toEqual(['2 ganfyddiad', '3 chanfyddiad']);
    expect(tn(2, 'spotPosts', ['1'])).toBe("2 bostiad wedi'u hadolygu, 1 â rhywbeth i edrych arno");
    // Feminine "neges" takes no mutation after two: the plain form, from _other.
    expect(tn(2, 'spotMessages', ['0'])).toBe("2 neges gan staff wedi'u hadolygu, 0 â rhywbeth i edrych arno");
  });

  it('never shows a hole or a key where the catalog has the noun, in either language, for any count', async () => {
    const { tn } = await import('../../../components/plural');
    for (const catalog of [en, cy]) {
      useCatalog(catalog);
      for (const base of COUNTED) {
        for (const n of [0, 1, 2, 3, 6, 11, 100]) {
          const text = tn(n, base, ['4']);
          expect(text, `${base} ${n}`).toMatch(new RegExp(`^${n}\\D`));
          expect(text).not.toMatch(/\$|_other|_one/);
        }
      }
    }
  });

  it('has a singular and a plural of every counted noun in English, and the singular says one thing', () => {
    for (const base of COUNTED) {
      expect(en[`${base}_one`]?.message, base).toBeDefined();
      expect(en[`${base}_other`]?.message, base).toBeDefined();
      expect(cy[`${base}_one`], `${base}_one in Welsh`).toBeDefined();
      expect(cy[`${base}_other`], `${base}_other in Welsh`).toBeDefined();
      expect(en[`${base}_one`]!.message, base).not.toMatch(/\$N\$ \w*s\b(?! reviewed)/);
    }
  });

  it('the panel’s badge and findings list count what there is to check (was "1 things to check")', async () => {
    const { tn } = await import('../../../components/plural');
    useCatalog(en);
    expect(tn(1, 'panelBadge')).toBe('Policy Guard: 1 thing to check. Show the panel');
    expect(tn(2, 'findingsCount')).toBe('2 things to check');
    useCatalog(cy);
    expect([1, 2, 3, 5].map((n) => tn(n, 'findingsCount'))).toEqual(["1 peth i'w wirio", "2 beth i'w gwirio", "3 pheth i'w gwirio", "5 peth i'w gwirio"]);
  });

  it('outside an extension (no catalog): the key, never an empty string', async () => {
    const { tn } = await import('../../../components/plural');
    expect(tn(2, 'countPosts')).toBe('countPosts_other');
  });
});
