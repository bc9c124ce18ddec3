import { shortLabel } from '../../lib/dojo/class-name';
import { t, type MessageKey } from '../../lib/ext/i18n';
import type { HeldOutcome, HeldRow } from '../../lib/events/held';
import { momentText } from '../dates';
import { ruleLabel } from '../SpotSummary';

const OUTCOME_KEYS: Record<HeldOutcome, MessageKey> = { fixed: 'heldOutcome_fixed', edited: 'heldOutcome_edited', 'sent-anyway': 'heldOutcome_sent_anyway', 'not-sent': 'heldOutcome_not_sent' };
export const heldOutcomeLabel = (o: HeldOutcome): string => t(OUTCOME_KEYS[o]);
/** A channel's name; one this version does not know (a record from another version) reads "Another channel". */
const channelLabel = (c: string): string => {
  const key = `channel_${c.replace(/-/g, '_')}`;
  const name = t(key as MessageKey);
  return name && name !== key ? name : t('channel_unknown');
};

/** One row per held send: when (the school's time, zone named), class, channel, rules, outcome, reason. */
export function HeldTable(props: { rows: HeldRow[]; timeZone: string; label: (classId: string) => string }) {
  if (props.rows.length === 0) return <p class="muted">{t('heldNoneMatch')}</p>;
  return (
    // In a narrow window the table scrolls sideways in its own box (the reason column stays reachable).
    <div class="table-scroll">
      <table class="history" data-policy-guard="held-table">
        <thead>
          <tr>
            <th scope="col">{t('heldWhen')}</th>
            <th scope="col">{t('historyClass')}</th>
            <th scope="col">{t('heldChannel')}</th>
            <th scope="col">{t('heldRules')}</th>
            <th scope="col">{t('heldOutcome')}</th>
            <th scope="col">{t('heldReason')}</th>
          </tr>
        </thead>
        <tbody>
          {props.rows.map((r) => (
            <tr key={`${r.at}:${r.rules.join()}`} data-outcome={r.outcome} data-class={r.classId ?? ''} data-rules={r.rules.join(' ')} data-fixed-first={(r.fixedFirst ?? []).join(' ')}>
              <td>
                <time dateTime={r.at}>{momentText(r.at, props.timeZone)}</time>
              </td>
              <td title={r.classId ? props.label(r.classId) : undefined}>{r.classId ? shortLabel(props.label(r.classId)) : '–'}</td>
              <td>{channelLabel(r.channel)}</td>
              <td>{r.rules.map(ruleLabel).join(', ')}</td>
              <td>
                {heldOutcomeLabel(r.outcome)}
                {/* A partly fixed send: what "Apply all fixes" cleared before the outcome (each other rule's fate is the outcome). */}
                {r.fixedFirst && <span class="muted fixed-first">{` (${t('heldFixedFirst', r.fixedFirst.map(ruleLabel).join(', '))})`}</span>}
              </td>
              <td class="reason">{r.reason ?? '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
