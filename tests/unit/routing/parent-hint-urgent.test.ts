/**
 * A parent writing a worry about a child's safety is never told to send it elsewhere (the teacher passes it to
 * the DSL), but is told what to do if a child is in danger now (a tester: "a parent's safeguarding worry gets
 * no direction").
 */
import '../../../lib/rules/lexicon-bundled';
import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../../cli/catalog';
import { ukBankHolidays } from '../../../lib/calendar/bank-holidays';
import { parentHint } from '../../../lib/routing/index';
import { policy } from '../rules/helpers';

const at = new Date('2026-11-29T21:40:00Z'); // a Sunday night: outside every preset's reply hours
const WORRY = 'I am worried about Maya, she said her stepdad hits her and she is scared to go home';

describe('a parent’s safeguarding worry', () => {
  for (const lang of ['en', 'cy'] as const) {
    it(`${lang}: says to call 999 if a child is in danger now, and sends it nowhere else`, () => {
      const h = parentHint(WORRY, policy('bentley-new-village'), at, ukBankHolidays, messagesOf(lang));
      expect(h.intent).toBe('safeguarding');
      expect(h.urgent).toMatch(/999/);
      expect(h.urgent).toMatch(lang === 'en' ? /Designated Safeguarding Lead/ : /i Berson Diogelu Dynodedig/);
      expect(h.redirect).toBeUndefined();
    });
  }

  it('an absence gets no such line', () => {
    const h = parentHint('Maya is off sick today with a temperature', policy('bentley-new-village'), at, ukBankHolidays, messagesOf('en'));
    expect(h.intent).not.toBe('safeguarding');
    expect(h.urgent).toBeUndefined();
  });
});
