/** ICU-style plurals (lib/i18n/finding.ts `plural`): each catalog's own CLDR forms, with `_other` to fall back on. */
import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../../cli/catalog';
import { plural } from '../../../lib/i18n/finding';
import { englishFor, extraPluralForm, type Catalog } from '../../../lib/i18n/format';

describe('plural', () => {
  it('English: one and other', () => {
    const en = messagesOf('en');
    expect([0, 1, 2, 6].map((n) => plural(en, 'x_points', n, [String(n)]))).toEqual(['0 points', '1 point', '2 points', '6 points']);
  });

  it('Welsh: CLDR’s zero, one, two, few, many and other, each with its mutation', () => {
    const cy = messagesOf('cy');
    expect([0, 1, 2, 3, 4, 6, 11].map((n) => plural(cy, 'x_points', n, [String(n)]))).toEqual(['0 pwynt', '1 pwynt', '2 bwynt', '3 phwynt', '4 pwynt', '6 phwynt', '11 pwynt']);
  });

  it('a form the catalog lacks, or a catalog with no locale: the `_other` form', () => {
    const t = (key: string, subs?: string[]) => ({ n_other: `${subs?.[0]} things` })[key] ?? '';
    expect(plural(t, 'n', 2, ['2'])).toBe('2 things');
  });

  it('a Welsh plural form English lacks translates English’s `_other`', () => {
    const en: Catalog = { x_other: { message: '$N$ points', placeholders: { n: { content: '$1' } } } };
    expect(extraPluralForm('x_few')).toEqual(['x', 'few']);
    expect(extraPluralForm('x_other')).toBeUndefined();
    expect(extraPluralForm('sep_comma')).toBeUndefined();
    expect(englishFor('x_few', en)).toBe(en.x_other);
    expect(englishFor('x_other', en)).toBe(en.x_other);
    expect(englishFor('y_few', en)).toBeUndefined();
  });
});
