import { describe, expect, it } from 'vitest';
import { featurize, GROUPS, scanCues } from '../../../lib/routing/features';
import { tokenize } from '../../../lib/text/tokens';

const ids = (text: string) => {
  const tokens = tokenize(text);
  return new Set(featurize(tokens, scanCues(text, tokens)).ids);
};

describe('features: word pairs by their joining letters', () => {
  it('a pair keeps features in common when one of its words is mistyped', () => {
    // "wont be in" and "wnt be in": the words differ, the word pair "wont be" is lost, the joining letters
    // "nt be" and "t be" are not.
    const shared = () => {
      const b = ids('Mia wnt be in today');
      return [...ids('Mia wont be in today')].filter((id) => b.has(id)).length;
    };
    const withPairs = shared();
    const saved = GROUPS.pairs;
    GROUPS.pairs = 0;
    try {
      expect(withPairs - shared()).toBeGreaterThanOrEqual(2);
    } finally {
      GROUPS.pairs = saved;
    }
  });
  it('one word gives no pair, and a pupil’s name is any pupil’s', () => {
    expect(featurize(tokenize('ok'), { scores: {}, hits: {} }).ids.length).toBeGreaterThan(1);
    expect([...ids('Amelia wont be in')].sort()).toEqual([...ids('Jacob wont be in')].sort());
  });
});
