import { useEffect, useState } from 'preact/hooks';
// This context checks on its own: it installs the built-in word lists (lib/rules/lexicon.ts).
import '../../lib/rules/lexicon-bundled';
import { ukBankHolidays } from '../../lib/calendar/bank-holidays';
import { t, type MessageKey } from '../../lib/ext/i18n';
import { listRosters } from '../../lib/ext/rosters';
import { CHANNELS, type Channel, type Policy } from '../../lib/policy/schema';
import { checkDraft } from '../../lib/rules/index';
import type { Finding, Pupil } from '../../lib/rules/types';
import { findingText } from '../finding-text';

/** A draft checked against the policy as it stands now, as a teacher would see it: for trying out edits. */
export function TryIt(props: { policy: Policy }) {
  const [text, setText] = useState('');
  const [channel, setChannel] = useState<Channel>('class-story');
  const [when, setWhen] = useState('');
  const [classes, setClasses] = useState<{ classId: string; pupils: Pupil[] }[]>([]);
  const [classId, setClassId] = useState('');
  useEffect(() => {
    void listRosters()
      .then((list) => {
        setClasses(list);
        setClassId(list[0]?.classId ?? '');
      })
      .catch(() => undefined);
  }, []);
  const roster = classes.find((c) => c.classId === classId)?.pupils ?? [];
  const at = when && !Number.isNaN(Date.parse(when)) ? new Date(when) : new Date();
  let findings: Finding[] = [];
  if (text.trim()) {
    try {
      findings = checkDraft({ text, channel, at }, { policy: props.policy, roster, calendar: ukBankHolidays });
    } catch {
      findings = [];
    }
  }
  return (
    <section data-policy-guard="try-it">
      <h2>{t('tryTitle')}</h2>
      <p class="muted">{t('tryHelp')}</p>
      <p>
        <label>
          {t('tryChannel')}{' '}
          <select value={channel} onChange={(e) => setChannel((e.currentTarget as HTMLSelectElement).value as Channel)}>
            {CHANNELS.map((c) => (
              <option key={c} value={c}>
                {t(`channel_${c.replace(/-/g, '_')}` as MessageKey)}
              </option>
            ))}
          </select>
        </label>{' '}
        <label>
          {t('tryWhen')} <input type="datetime-local" value={when} onInput={(e) => setWhen((e.currentTarget as HTMLInputElement).value)} />
        </label>{' '}
        {classes.length > 0 && (
          <label>
            {t('rosterClass')}{' '}
            <select value={classId} onChange={(e) => setClassId((e.currentTarget as HTMLSelectElement).value)}>
              {classes.map((c) => (
                <option key={c.classId} value={c.classId}>
                  {c.classId}
                </option>
              ))}
            </select>
          </label>
        )}
      </p>
      <textarea rows={4} cols={80} aria-label={t('tryDraft')} placeholder={t('tryDraft')} data-policy-guard="try-draft" value={text} onInput={(e) => setText((e.currentTarget as HTMLTextAreaElement).value)} />
      {text.trim() && (
        <ul data-policy-guard="try-findings" aria-live="polite">
          {findings.length === 0 ? (
            <li>{t('findingsNone')}</li>
          ) : (
            findings.map((f) => (
              <li key={`${f.rule}:${f.start}:${f.messageId}`} data-rule={f.rule}>
                <strong>{t(`severity_${f.severity}` as MessageKey)}</strong> {findingText(f, { policy: props.policy, channel, at })}
              </li>
            ))
          )}
        </ul>
      )}
    </section>
  );
}
