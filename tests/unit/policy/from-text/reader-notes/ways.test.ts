/**
 * Issue #15: a contact's way to reach them, as the reader composes it from the document's sentence ("by phone before
 * 9.15am, not through ClassDojo"), is worded part by part in the interface's language (lib/i18n/reader-note.ts
 * `howText`). Over every document the reader is tested on: in English each is given back exactly as written (the
 * parts are matched whole, so nothing is reworded), and in Welsh every one made only of the reader's own parts is
 * Welsh, while one with the document's own words in it (a service it names) stays as written.
 */
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { messagesOf } from '../../../../../cli/catalog';
import { howText } from '../../../../../lib/i18n/reader-note';
import { proposeFromText } from '../../../../../lib/policy/from-text';
import { documents } from './notes';

const EN = messagesOf('en');
const CY = messagesOf('cy');
const ROOT = new URL('../../../../../', import.meta.url).pathname;

const hows = [...new Set(documents().flatMap((file) => {
  const p = proposeFromText(readFileSync(ROOT + file, 'utf8'), { file });
  return Object.values(p.contacts).flatMap((c) => (c?.value.how ? [c.value.how] : []));
}))].sort();

describe('a way to reach a contact the reader composed, in the interface’s language', () => {
  it('is given back exactly as written in English, every one over every document', () => {
    expect(hows.length).toBeGreaterThan(20);
    expect(hows.filter((h) => howText(h, EN) !== h)).toEqual([]);
  });

  it('is Welsh in Welsh where every part is the reader’s own', () => {
    const welsh = hows.filter((h) => howText(h, CY) !== h);
    // Most of the reader's ways are its own parts; the rest quote the document ("via ParentPay").
    expect(welsh.length / hows.length).toBeGreaterThan(0.6);
    for (const h of welsh) expect(howText(h, CY), h).not.toMatch(/\b(?:by|phone|email|person|before|or|not through|the|usual|writing|directly|immediately|straight|without|same|day)\b/);
    expect(howText('by phone before 9.15am, not through ClassDojo', CY)).toBe('dros y ffôn cyn 9.15yb, nid drwy ClassDojo');
    expect(howText('by phone or in person before the school day starts', CY)).toBe("dros y ffôn neu yn bersonol cyn i'r diwrnod ysgol ddechrau");
    expect(howText('by email by 9am', CY)).toBe('drwy e-bost erbyn 9yb');
  });

  it('leaves the document’s own words as written', () => {
    for (const h of ['via ParentPay', 'using the Studybugs app', 'by phone to Mrs Ward', 'by phone before 9.15 a.m.', 'by carrier pigeon']) expect(howText(h, CY)).toBe(h);
  });
});
