/**
 * Hostile input, as properties (fast-check): whatever Unicode text a teacher pastes or a parent sends,
 * up to 100 KB, every rule and the router finish without throwing, in bounded time, with spans inside
 * the text and fixes that only replace their own span.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ukBankHolidays } from '../../lib/calendar/bank-holidays';
import { PRESET_IDS } from '../../lib/policy/catalog';
import { CHANNELS } from '../../lib/policy/schema';
import { classify } from '../../lib/routing/classify';
import { parentHint, routeMessage } from '../../lib/routing/index';
import { checkDraft } from '../../lib/rules/index';
import { policy, ROSTER } from './rules/helpers';

const POLICIES = PRESET_IDS.map((id) => policy(id));
// Pieces that make the checker work hard: names on the roster, sensitive words, Welsh, punctuation, RTL,
// combining marks, emoji, lone surrogates.
const PIECES = ['Amelia', 'Hughes', 'Oliver B.', "O'Connor", 'Smith-Walker', 'Siân', 'asthma', 'ADHD', 'social worker', 'Mr Lund', '07700 900123', 'a@b.cy', ' ', '.', '\n', "'", '-', '\u202e', '\u0301', '😀', '\ud800', '\udc00', 'ŵ', 'Ysgol', '(', ')'];
const hostile = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.constantFrom(...PIECES), { maxLength: 200 }).map((a) => a.join('')),
  fc.tuple(fc.string({ unit: 'grapheme', maxLength: 60 }), fc.constantFrom(...PIECES)).map(([a, b]) => `${a} ${b} ${a}`),
);
const big = fc.tuple(fc.constantFrom(...PIECES, 'a', 'Amelia Hughes '), fc.integer({ min: 1_000, max: 100_000 })).map(([piece, n]) => piece.repeat(Math.ceil(n / piece.length)).slice(0, n));

function checkAll(text: string, policyIndex: number, channelIndex: number, at: number) {
  const p = POLICIES[policyIndex % POLICIES.length]!;
  const channel = CHANNELS[channelIndex % CHANNELS.length]!;
  const t0 = performance.now();
  const findings = checkDraft({ text, channel, at: new Date(at), tagged: ['Harry Davies'], media: 1, points: -1 }, { policy: p, roster: ROSTER, calendar: ukBankHolidays });
  const ms = performance.now() - t0;
  for (const f of findings) {
    expect(f.start).toBeGreaterThanOrEqual(0);
    expect(f.end).toBeGreaterThanOrEqual(f.start);
    expect(f.end).toBeLessThanOrEqual(text.length);
    if (f.fix !== undefined) {
      const fixed = text.slice(0, f.start) + f.fix + text.slice(f.end);
      expect(fixed.length).toBeLessThanOrEqual(text.length + f.fix.length);
      // A fix never cuts a surrogate pair in half.
      const code = (i: number) => text.charCodeAt(i);
      if (f.start > 0) expect(code(f.start) >= 0xdc00 && code(f.start) <= 0xdfff && code(f.start - 1) >= 0xd800 && code(f.start - 1) <= 0xdbff).toBe(false);
    }
  }
  return ms;
}

const when = fc.integer({ min: Date.UTC(2025, 0, 1), max: Date.UTC(2028, 0, 1) });

describe('every rule, on any text', () => {
  it('never throws, keeps spans inside the text, and fixes only their span', () => {
    fc.assert(
      fc.property(hostile, fc.nat(), fc.nat(), when, (text, pi, ci, at) => {
        checkAll(text, pi, ci, at);
      }),
      { numRuns: 400 },
    );
  });

  it('finishes 100 KB of anything in bounded time (2 s is 40 times the benchmark’s worst)', () => {
    fc.assert(
      fc.property(big, fc.nat(), fc.nat(), when, (text, pi, ci, at) => {
        expect(checkAll(text, pi, ci, at)).toBeLessThan(2_000);
      }),
      { numRuns: 12 },
    );
  });
});

describe('the router, on any message', () => {
  it('never throws, and gives a destination, a confidence in [0, 1], and a reply only as text or null', () => {
    fc.assert(
      fc.property(hostile, fc.nat(), when, (text, pi, at) => {
        const p = POLICIES[pi % POLICIES.length]!;
        const c = classify(text);
        expect(c.confidence).toBeGreaterThanOrEqual(0);
        expect(c.confidence).toBeLessThanOrEqual(1);
        const r = routeMessage(text, p, { language: 'eng', at: new Date(at), calendar: ukBankHolidays });
        expect(p.routing.routes[r.intent].destination).toBe(r.destination);
        expect(r.reply === null || typeof r.reply === 'string').toBe(true);
        if (r.destination === 'dsl') expect(r.reply).toBeNull();
        parentHint(text, p, new Date(at), ukBankHolidays);
      }),
      { numRuns: 300 },
    );
  });

  it('routes 100 KB of anything in bounded time', () => {
    fc.assert(
      fc.property(big, (text) => {
        const t0 = performance.now();
        routeMessage(text, POLICIES[0]!, { language: 'eng' });
        parentHint(text, POLICIES[0]!, new Date(), ukBankHolidays);
        expect(performance.now() - t0).toBeLessThan(2_000);
      }),
      { numRuns: 12 },
    );
  });
});
