/**
 * The engine behind "Try a draft", loaded on the first character typed into it (components/options/TryIt.tsx):
 * the rules and the built-in word lists (lib/rules/lexicon-bundled.ts, about 25 KB gzipped of names) that this
 * page needs only to check a draft on its own, so the page opens without them.
 */
// Installs the built-in word lists (lib/rules/lexicon.ts) as this module loads.
import '../../lib/rules/lexicon-bundled';
import { ukBankHolidays } from '../../lib/calendar/bank-holidays';
import type { Channel, Policy } from '../../lib/policy/schema';
import { checkDraft } from '../../lib/rules/index';
import type { Finding, Pupil } from '../../lib/rules/types';

/**
 * The findings a teacher would be shown for `text` sent on `channel` at `at`, under `policy` with the class's
 * `roster` and the UK's bank holidays: as the composer's check gives them (most serious first). A draft the
 * checker throws on gives no findings (the box is for trying out, not for sending).
 */
export function checkTry(text: string, channel: Channel, at: Date, policy: Policy, roster: Pupil[]): Finding[] {
  try {
    return checkDraft({ text, channel, at }, { policy, roster, calendar: ukBankHolidays });
  } catch {
    return [];
  }
}
