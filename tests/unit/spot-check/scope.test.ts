import { describe, expect, it } from 'vitest';
import { Ownership, spotScopeId } from '../../../lib/spot-check/scope';

describe('the scope of a spot-check', () => {
  it('is the class id, else the school', () => {
    expect(spotScopeId({ classId: 'y5ash' })).toBe('y5ash');
    expect(spotScopeId({ schoolId: 's1' })).toBe('school-s1');
    expect(spotScopeId({})).toBe('school');
  });
});

describe('elements claimed per class (a class switched in the same tab)', () => {
  const post = (name: string) => ({ name });

  it('refuses the old class’s elements, unchanged, to the new class, and gives it its own', () => {
    const owners = new Ownership<object>();
    const a1 = post('a1');
    const a2 = post('a2');
    expect(owners.claim('A', [{ el: a1, sig: 'one' }, { el: a2, sig: 'two' }])).toEqual([a1, a2]);
    // The address now says B; the feed is still A's (a fetch in between): nothing is B's.
    expect(owners.claim('B', [{ el: a1, sig: 'one' }, { el: a2, sig: 'two' }])).toEqual([]);
    // The page renders B's feed: new elements are B's; A's, still there, are not.
    const b1 = post('b1');
    expect(owners.claim('B', [{ el: a1, sig: 'one' }, { el: b1, sig: 'three' }])).toEqual([b1]);
    // Back to A before the page re-rendered: A's own elements are A's again.
    expect(owners.claim('A', [{ el: a1, sig: 'one' }])).toEqual([a1]);
  });

  it('gives an element the page re-used with new content to the class it now shows', () => {
    const owners = new Ownership<object>();
    const el = post('row0');
    owners.claim('A', [{ el, sig: 'A’s first post' }]);
    expect(owners.claim('B', [{ el, sig: 'A’s first post' }])).toEqual([]);
    expect(owners.claim('B', [{ el, sig: 'B’s first post' }])).toEqual([el]);
    // Now B's: A cannot take it back unchanged.
    expect(owners.claim('A', [{ el, sig: 'B’s first post' }])).toEqual([]);
  });

  it('lets a class’s own element change (a post edited in place) and stay its own', () => {
    const owners = new Ownership<object>();
    const el = post('p');
    owners.claim('A', [{ el, sig: 'before' }]);
    expect(owners.claim('A', [{ el, sig: 'after' }])).toEqual([el]);
    expect(owners.claim('B', [{ el, sig: 'after' }])).toEqual([]);
  });
});
