/**
 * A suggested reply's "{pupil}'s": never "Mia's's" (probe 18e, seen in passing). A name read from the message
 * as written may already be possessive ("Is Mia's book…"), a name may end in s ("James"), and a template may
 * use a typographic apostrophe.
 */
import { describe, expect, it } from 'vitest';
import { fill, possessive, routeMessage } from '../../../lib/routing/index';
import { policy } from '../rules/helpers';

const ABSENCE = "please report {pupil}'s absence to {contact}.";

describe('possessive', () => {
  it.each([
    ['Mia', "Mia's"],
    ['James', "James'"],
    ["Mia's", "Mia's"],
    ["Charles'", "Charles'"],
    ['your child', "your child's"],
    ['Amélie', "Amélie's"],
  ])('%s → %s', (name, expected) => {
    expect(possessive(name)).toBe(expected);
  });

  it('keeps the template’s apostrophe', () => {
    expect(possessive('Mia', '’')).toBe('Mia’s');
    expect(possessive('Mia’s', '’')).toBe('Mia’s');
    expect(fill('report {pupil}’s absence', { pupil: 'Jess' })).toBe('report Jess’ absence');
  });

  it.each([
    ['Mia', "please report Mia's absence to the office."],
    ["Mia's", "please report Mia's absence to the office."],
    ['Thomas', "please report Thomas' absence to the office."],
    ["Thomas'", "please report Thomas' absence to the office."],
  ])('fill with %s', (pupil, expected) => {
    expect(fill(ABSENCE, { pupil, contact: 'the office' })).toBe(expected);
  });

  it('other placeholders and a "{pupil}" without "\'s" are untouched', () => {
    expect(fill('how {pupil} is getting on', { pupil: 'James' })).toBe('how James is getting on');
    expect(fill("{pupil}'s", {})).toBe("{pupil}'s");
  });
});

describe('a routed reply names the pupil once, possessive once', () => {
  // Bentley New Village routes absences and sickness to attendance, whose reply is "…report {pupil}'s absence…".
  const p = policy('bentley-new-village');
  it.each([
    ["Mia's temperature is high so she is off school today.", "Mia's absence"],
    ['Is Mia’s reading book due back? She is off sick today and not in school.', "Mia's absence"],
    ["James won't be in today, he has a funeral.", "James' absence"],
  ])('%s', (text, expected) => {
    const r = routeMessage(text, p, { language: 'eng' });
    expect(r.reply, JSON.stringify(r)).toContain(expected);
    expect(r.reply).not.toMatch(/['’]s['’]s|s['’]['’]s/);
  });
});
