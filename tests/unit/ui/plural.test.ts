/** components/plural.ts: "1 post", "2 posts" (probe 20d D11: "1 posts reviewed", "1 findings"). */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../../lib/ext/i18n', () => ({
  t: (key: string, subs: string[] = []) => `${key}(${subs.join(',')})`,
}));

describe('a count with its noun', () => {
  it('takes the singular message for exactly one, the plural for any other count, with the count first', async () => {
    const { tn } = await import('../../../components/plural');
    expect(tn(1, 'countPosts_one', 'countPosts_other')).toBe('countPosts_one(1)');
    expect([0, 2, 11].map((n) => tn(n, 'countPosts_one', 'countPosts_other'))).toEqual(['countPosts_other(0)', 'countPosts_other(2)', 'countPosts_other(11)']);
    expect(tn(1, 'spotPosts_one', 'spotPosts', ['0'])).toBe('spotPosts_one(1,0)');
  });

  it('has a singular and a plural of every counted noun in English, and the singular says one thing', async () => {
    const { readFileSync } = await import('node:fs');
    const en = JSON.parse(readFileSync(new URL('../../../public/_locales/en/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string }>;
    const cy = JSON.parse(readFileSync(new URL('../../../public/_locales/cy/messages.json', import.meta.url), 'utf8')) as Record<string, { message: string }>;
    const pairs: [string, string][] = [['countPosts_one', 'countPosts_other'], ['countFindings_one', 'countFindings_other'], ['spotPosts_one', 'spotPosts'], ['spotMessages_one', 'spotMessages']];
    for (const [one, other] of pairs) {
      expect(en[one]!.message, one).not.toMatch(/\$N\$ \w*s\b(?! reviewed)/);
      expect(en[one]!.message).not.toBe(en[other]!.message);
      expect(cy[one], `${one} in Welsh`).toBeDefined();
      expect(cy[other], `${other} in Welsh`).toBeDefined();
    }
    expect(en.countPosts_one!.message).toBe('$N$ post');
    expect(en.spotPosts_one!.message).toBe('$N$ post reviewed, $M$ with something to look at');
  });
});
