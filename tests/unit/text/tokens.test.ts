import { describe, expect, it } from 'vitest';
import { tokenize } from '../../../lib/text/tokens';

describe('tokenize', () => {
  it('keeps a letter outside the Basic Multilingual Plane whole, inside its word', () => {
    // U+20BB7 (𠮷) is a letter written as a surrogate pair.
    expect(tokenize('Ab\u{20BB7}c and more').map((t) => t.text)).toEqual(['Ab\u{20BB7}c', 'and', 'more']);
  });

  it('treats unpaired surrogates and emoji as gaps, not letters', () => {
    expect(tokenize('\ud800a\udc00b').map((t) => t.text)).toEqual(['a', 'b']);
    expect(tokenize('Amelia😀Hughes').map((t) => t.text)).toEqual(['Amelia', 'Hughes']);
  });

  it('keeps offsets that point at the word in the text', () => {
    const text = '😀 Siân O’Connor-Evans, \u{20BB7}x';
    for (const t of tokenize(text)) expect(text.slice(t.start, t.end)).toBe(t.text);
  });
});
