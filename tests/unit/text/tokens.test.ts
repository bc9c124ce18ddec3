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

  it('joins a name written with any hyphen or dash, and folds it to one key', () => {
    for (const dash of ['-', '\u2010', '\u2011', '\u2012', '\u2013', '\u2212', '\ufe63', '\uff0d', '\u2014']) {
      const [word] = tokenize(`Smith${dash}Walker`);
      expect(word!.text).toBe(`Smith${dash}Walker`);
      expect(word!.key).toBe('smithwalker');
    }
    // An em dash between lower-case words is punctuation: "tired\u2014she" is two words.
    expect(tokenize('tired\u2014she said').map((t) => t.text)).toEqual(['tired', 'she', 'said']);
  });
});
