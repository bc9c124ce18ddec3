/**
 * Probe 14i M3: a word with a character inside that shows nothing (a soft hyphen, a word joiner, a zero-width
 * joiner…) reads as the word to the teacher and to families, so the checker reads it so too, and its spans and
 * fixes land on the text as written.
 */
import { describe, expect, it } from 'vitest';
import { toWritten, withoutIgnorable } from '../../../lib/text/ignorable';
import { check, policy } from './helpers';

const bentley = policy('bentley-new-village');
const INVISIBLE = ['\u00AD', '\u034F', '\u180E', '\u200B', '\u200C', '\u200D', '\u2060', '\u2063', '\uFEFF', '\u{E0041}'];
const apply = (text: string, f: { start: number; end: number; fix?: string }) => text.slice(0, f.start) + (f.fix ?? '') + text.slice(f.end);
/** Each letter of `word` followed by `mark` (as a page slipping marks between typed letters leaves it). */
const broken = (text: string, mark: string) => text.replace(/(\p{L})(?=\p{L})/gu, `$1${mark}`);

describe('text with characters that show nothing', () => {
  for (const mark of INVISIBLE) {
    const name = `U+${mark.codePointAt(0)!.toString(16).toUpperCase()}`;
    it(`${name} between every letter hides neither the pupil in care, the full name nor the diagnosis`, () => {
      const text = broken('Leo Wright has been diagnosed with ADHD.', mark);
      const findings = check(bentley, { text, media: true });
      const rules = new Set(findings.map((f) => f.rule));
      expect(rules).toContain('full-name');
      expect(rules).toContain('sensitive-content');
      expect(rules).toContain('photo-consent');
      // The same findings as without the marks: the roster pupil, the diagnosis in a shared post, a pupil in care.
      expect(findings.map((f) => `${f.rule}/${f.messageId}`)).toEqual(expect.arrayContaining(['full-name/onRoster', 'sensitive-content/shared', 'photo-consent/inCare']));
      // The span covers the name as written, marks included; the fix leaves the words the teacher sees.
      const full = findings.find((f) => f.rule === 'full-name')!;
      expect(text.slice(full.start, full.end).replaceAll(mark, '')).toBe('Leo Wright');
      expect(apply(text, full).replaceAll(mark, '')).toBe('Leo has been diagnosed with ADHD.');
      for (const f of findings) {
        expect(f.start).toBeGreaterThanOrEqual(0);
        expect(f.end).toBeLessThanOrEqual(text.length);
      }
    });
  }

  it('a mark in a word elsewhere moves the spans after it to where the words are written', () => {
    const text = 'Lovely op\u00ADtional hyphens from Amelia Hughes today.';
    const full = check(bentley, { text }).find((f) => f.rule === 'full-name')!;
    expect(full.messageId).toBe('onRoster');
    expect(text.slice(full.start, full.end)).toBe('Amelia Hughes');
    expect(apply(text, full)).toBe('Lovely op\u00ADtional hyphens from Amelia today.');
  });

  it('text without any is read as it is, with the same findings', () => {
    const text = 'Leo Wright has been diagnosed with ADHD.';
    expect(withoutIgnorable(text)).toEqual({ clean: text });
    const plain = check(bentley, { text, media: true }).map((f) => [f.rule, f.start, f.end]);
    expect(plain.length).toBeGreaterThan(2);
  });

  it('maps spans of the clean text back, and leaves "no span" as it is', () => {
    const { clean, at } = withoutIgnorable('\u00ADab\u200Dc\u00AD');
    expect(clean).toBe('abc');
    expect(toWritten(at!, 0, 3)).toEqual({ start: 1, end: 5 });
    expect(toWritten(at!, 1, 2)).toEqual({ start: 2, end: 3 });
    expect(toWritten(at!, 3, 3)).toEqual({ start: 6, end: 6 });
    expect(toWritten(at!, 0, 0)).toEqual({ start: 0, end: 0 });
  });
});
