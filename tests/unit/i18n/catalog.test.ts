/**
 * The two catalogs (public/_locales/en and cy) say the same things: every key in both, the same named
 * placeholders with the same substitutions, every $NAME$ a message uses declared. And every Welsh entry was
 * reviewed against the English as it is now: locales/review-cy.json holds, for each Welsh key, the hash of the
 * English entry at its last review (scripts/i18n-review.ts); an English change makes the hash differ, and the
 * Welsh entry is named here until it is reviewed and recorded (`npm run i18n:reviewed -- <key>`).
 */
import { describe, expect, it } from 'vitest';
import { englishFor, extraPluralForm, placeholdersUsed, type Catalog } from '../../../lib/i18n/format';
import cyJson from '../../../public/_locales/cy/messages.json';
import enJson from '../../../public/_locales/en/messages.json';
import reviewJson from '../../../locales/review-cy.json';
import { reviewHash } from '../../../scripts/i18n-review';

const en = enJson as Catalog;
const cy = cyJson as Catalog;
const review = reviewJson as Record<string, string>;

const both = Object.keys(en).filter((k) => k in cy);
/** Every Welsh key with the English it translates (a plural form English lacks: English's `_other`). */
const welsh = Object.keys(cy).filter((k) => englishFor(k, en) !== undefined);
const placeholdersOf = (catalog: Catalog, key: string) =>
  Object.fromEntries(Object.entries(catalog[key]!.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));

describe('the English and Welsh catalogs', () => {
  it('have the same keys', () => {
    expect(Object.keys(en).filter((k) => !(k in cy)), 'in English, not in Welsh').toEqual([]);
    // Only a plural form English does not have (Welsh "two", "few", "many", "zero"), beside English's `_other`.
    expect(Object.keys(cy).filter((k) => !(k in en) && !(extraPluralForm(k) && `${extraPluralForm(k)![0]}_other` in en)), 'in Welsh, not in English').toEqual([]);
  });

  it('give each key the same placeholder names, each with the same content', () => {
    const english = (k: string) => Object.fromEntries(Object.entries(englishFor(k, en)!.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));
    const differ = welsh.filter((k) => JSON.stringify(Object.entries(english(k)).sort()) !== JSON.stringify(Object.entries(placeholdersOf(cy, k)).sort()));
    expect(differ.map((k) => `${k}: en ${JSON.stringify(english(k))}, cy ${JSON.stringify(placeholdersOf(cy, k))}`)).toEqual([]);
  });

  it('declare every $NAME$ a message uses, in both languages (Chromium refuses to load a catalog that does not)', () => {
    const undeclared = (catalog: Catalog, lang: string) =>
      Object.keys(catalog).flatMap((k) => {
        const declared = placeholdersOf(catalog, k);
        return placeholdersUsed(catalog[k]!.message).filter((name) => !(name in declared)).map((name) => `${lang} ${k}: $${name}$`);
      });
    expect([...undeclared(en, 'en'), ...undeclared(cy, 'cy')]).toEqual([]);
  });
});

describe('the Welsh was reviewed against today’s English (locales/review-cy.json)', () => {
  it('has a review hash for every Welsh key with an English entry, and none for a key the Welsh lacks', () => {
    expect(welsh.filter((k) => !(k in review)).map((k) => `${k}: no review hash (review the Welsh, then npm run i18n:reviewed -- ${k})`)).toEqual([]);
    expect(Object.keys(review).filter((k) => !(k in cy)).map((k) => `${k}: hashed but not in the Welsh catalog (npm run i18n:reviewed -- --all drops it)`)).toEqual([]);
  });

  it('finds each English entry as it was when its Welsh was reviewed', () => {
    const changed = welsh.filter((k) => k in review && review[k] !== reviewHash(englishFor(k, en)!));
    expect(changed.map((k) => `${k}: the English changed since the Welsh was reviewed (review it, then npm run i18n:reviewed -- ${k})`)).toEqual([]);
  });

  it('hashes the message and placeholders only: a description or example changes nothing, a word or a substitution does', () => {
    const entry = { message: 'Saved $COUNT$ pupils.', placeholders: { count: { content: '$1' } } };
    const h = reviewHash(entry);
    expect(h).toMatch(/^[0-9a-f]{12}$/);
    expect(reviewHash({ ...entry, description: 'the roster', placeholders: { COUNT: { content: '$1', example: '28' } } })).toBe(h);
    expect(reviewHash({ ...entry, message: 'Saved $COUNT$ pupil.' })).not.toBe(h);
    expect(reviewHash({ ...entry, placeholders: { count: { content: '$2' } } })).not.toBe(h);
  });
});
