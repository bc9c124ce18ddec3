/**
 * Routing advice and parents' hints from the catalog (lib/i18n/routing.ts): in Welsh, the concern tier and an
 * unsure route have their own messages, with the school's contact; on every message of the routing corpora
 * under every preset, English and Welsh each have every template and fragment (issue #15).
 */
import '../../../lib/rules/lexicon-bundled';
import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../../cli/catalog';
import { ukBankHolidays } from '../../../lib/calendar/bank-holidays';
import { adviceText, hintText } from '../../../lib/i18n/routing';
import { presetPolicy } from '../../../lib/policy/presets/index';
import { PRESET_IDS } from '../../../lib/policy/catalog';
import { parentHint, routeMessage, type RouteResult } from '../../../lib/routing/index';
import { loadMessages } from '../../../scripts/eval-routing';
import { policy } from '../rules/helpers';

const cy = messagesOf('cy');
const en = messagesOf('en');
const base: RouteResult = { intent: 'safeguarding', secondary: [], destination: 'dsl', language: 'eng', confidence: 0.3, cues: [], reply: null, advice: 'English advice' };

describe('adviceText in Welsh', () => {
  it('a possible concern: read it as one, and tell the DSL today', () => {
    const text = adviceText({ ...base, level: 'concern', contact: { name: 'Mrs Price' } as RouteResult['contact'] }, policy('malpas-court'), cy);
    expect(text).toContain('darllenwch ef fel un');
    expect(text).toContain('Mrs Price');
  });
  it('a possible concern that also reads as another query says so', () => {
    const text = adviceText({ ...base, level: 'concern', secondary: ['absence'], contact: { name: 'Mrs Price' } as RouteResult['contact'] }, policy('malpas-court'), cy);
    expect(text).toMatch(/Fel arall, mae'n perthyn i negeseuon am absenoldeb\.$/);
  });
  it('English: the safeguarding advice, word for word (a change to it is a change to what teachers are told to do)', () => {
    const en = messagesOf('en');
    expect(adviceText({ ...base, level: 'disclosure', contact: { name: 'Mrs Price' } as RouteResult['contact'] }, policy('malpas-court'), en)).toBe(
      "This may be a safeguarding concern. Follow the school's safeguarding procedure: tell Mrs Price now, in person. Do not send a redirect reply.",
    );
    expect(adviceText({ ...base, level: 'concern', secondary: ['absence'] }, policy('malpas-court'), en)).toBe(
      "This may be a safeguarding concern: read it as one. If anything in it suggests a child is at risk, tell the Designated Safeguarding Lead today, following the school's safeguarding procedure. Do not send a redirect reply. Otherwise it reads as: absences.",
    );
  });
  it('a disclosure keeps the go-now advice', () => {
    expect(adviceText({ ...base, level: 'disclosure' }, policy('malpas-court'), cy)).toContain('nawr, wyneb yn wyneb');
  });
  it('unsure: both likeliest destinations', () => {
    const text = adviceText(
      { ...base, intent: 'complaint', destination: 'office', unsure: [{ intent: 'complaint', destination: 'office', contact: 'Prif Swyddfa' }, { intent: 'progress', destination: 'meeting' }] },
      policy('malpas-court'),
      cy,
    );
    expect(text).toContain('Ddim yn siŵr');
    expect(text).toContain('Prif Swyddfa');
  });
});

describe('routing from the catalog, on the routing corpora under every preset', () => {
  // The corpora have no abusive or threatening message: three, each about a query that goes elsewhere or not.
  const conduct = ['YOU ARE A USELESS IDIOT AND A JOKE', 'YOU ARE A USELESS IDIOT, SHE WAS OFF SICK YESTERDAY', 'YOU ARE A USELESS IDIOT AND I WANT TO COMPLAIN'].map((text, i) => ({ id: `conduct-${i}`, policy: 'malpas-court', text, at: '2026-11-24T07:50:00Z', intent: 'general', language: 'eng' }));
  const cases = [...['messages.jsonl', 'messages-heldout.jsonl', 'routing-heldout.jsonl', 'routing-fresh-heldout.jsonl', 'routing-probe-16m.jsonl'].flatMap((f) => loadMessages(f)), ...conduct] as ReturnType<typeof loadMessages>;
  const routed = PRESET_IDS.flatMap((id) => {
    const p = presetPolicy(id);
    return cases.map((c) => ({ c, p, route: routeMessage(c.text, p, { language: c.language ?? 'eng', at: new Date(c.at) }), hint: parentHint(c.text, p, new Date(c.at), ukBankHolidays) }));
  });

  it('reaches every kind of advice: the DSL, a concern, unsure, the teacher, a meeting, a contact, and conduct', () => {
    const kinds = new Set(routed.map(({ route: r }) => (r.conduct ? 'conduct' : r.destination === 'dsl' ? (r.level ?? 'dsl') : r.unsure ? 'unsure' : r.destination)));
    expect([...kinds].sort()).toEqual(expect.arrayContaining(['concern', 'conduct', 'disclosure', 'meeting', 'office', 'teacher', 'unsure']));
  });

  const holes = (text: string | undefined) => text === undefined || text === '' || /\$[A-Z0-9]|undefined|^[a-z-]+: [a-z]+$/.test(text);

  it('English: every advice and hint worded from its template, none falling back or left with a hole', () => {
    expect(routed.filter(({ route }) => holes(route.advice)).map(({ route }) => route.advice).slice(0, 3)).toEqual([]);
    expect(routed.filter(({ hint }) => (hint.redirect !== undefined && holes(hint.redirect)) || (hint.replies !== undefined && holes(hint.replies))).length).toBe(0);
    expect(routed.some(({ route }) => route.advice.startsWith('This message reads as abusive.'))).toBe(true);
  });

  it('the router words advice and hints in the catalog it is given', () => {
    const { c, p } = routed.find(({ route }) => route.destination === 'office')!;
    expect(routeMessage(c.text, p, { language: 'eng', messages: cy }).advice).toMatch(/^Mae negeseuon am .* yn mynd at /);
    expect(parentHint(c.text, p, new Date(c.at), ukBankHolidays, cy).redirect).toMatch(/^Mae negeseuon am .* yn mynd at /);
  });

  it('Welsh words every route and hint from its own templates (never the English fallback)', () => {
    expect(routed.filter(({ route, p }) => adviceText(route, p, cy) === route.advice).map(({ route }) => route.advice).slice(0, 3)).toEqual([]);
    const hints = routed.filter(({ hint }) => hint.redirect || hint.replies);
    expect(hints.length).toBeGreaterThan(100);
    expect(hints.filter(({ c, hint, p }) => { const w = hintText(hint, p, cy, new Date(c.at), ukBankHolidays); return w.redirect === hint.redirect && w.replies === hint.replies; }).length).toBe(0);
  });
});
