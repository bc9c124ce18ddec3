/**
 * lib/i18n/finding.ts keeps the staff hours' wording ($7 of every finding template) per catalog function and
 * policy: a check in another catalog, or after `installMessages` put another in, words them in its language.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { messagesOf } from '../../../cli/catalog';
import { ukBankHolidays } from '../../../lib/calendar/bank-holidays';
import { installMessages } from '../../../lib/i18n/messages';
import { parsePolicy } from '../../../lib/policy/parse';
import { presetInput } from '../../../lib/policy/presets/index';
import { checkDraft } from '../../../lib/rules/index';
import '../../../lib/rules/lexicon-bundled';

const parsed = parsePolicy(presetInput('bentley-new-village'));
if (!parsed.ok) throw new Error('preset invalid');
const policy = parsed.policy;
// Late on a Tuesday in November: out of the staff's hours, whose days the message names.
const draft = { text: 'See you all tomorrow!', channel: 'class-story' as const, at: '2026-11-24T22:15:00Z', tagged: [], media: false };
const hoursMessage = () => checkDraft(draft, { policy, roster: [], calendar: ukBankHolidays }).find((f) => f.rule === 'out-of-hours')?.message ?? '';

describe('the staff hours in a finding', () => {
  afterAll(() => installMessages(() => ''));

  it('are worded in the installed catalog, and again in a catalog installed after it', () => {
    installMessages(messagesOf('en'));
    const en = hoursMessage();
    expect(en).toMatch(/Mon/);
    installMessages(messagesOf('cy'));
    const cy = hoursMessage();
    expect(cy).toMatch(/Llun/);
    expect(cy).not.toMatch(/\bMon\b/);
    installMessages(messagesOf('en'));
    expect(hoursMessage()).toBe(en);
  });

  it('are the same whether a check is given its catalog or uses the installed one', () => {
    installMessages(messagesOf('cy'));
    const given = checkDraft(draft, { policy, roster: [], calendar: ukBankHolidays, messages: messagesOf('en') }).find((f) => f.rule === 'out-of-hours')?.message;
    installMessages(messagesOf('en'));
    expect(given).toBe(hoursMessage());
  });
});
