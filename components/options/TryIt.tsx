import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/ext/i18n';
import { listRosters } from '../../lib/ext/rosters';
import { CHANNELS, type Channel, type Policy } from '../../lib/policy/schema';
import type { Finding, Pupil } from '../../lib/rules/types';
import { LoadFailed, onDemand } from '../Lazy';

// The rules and the built-in word lists load on the first character typed, not with the page: most visits
// to the settings page never try a draft.
const useEngine = onDemand(() => import('./try-check'));

/**
 * A draft checked against the policy as it stands now, as a teacher would see it: for trying out edits. The
 * box is drawn at once; the findings appear when the engine has loaded, for the draft as it is by then.
 */
export function TryIt(props: { policy: Policy }) {
  const engine = useEngine();
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
  const findings: Finding[] | undefined = text.trim() && engine.mod ? engine.mod.checkTry(text, channel, at, props.policy, roster) : undefined;
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
      <textarea rows={4} cols={80} aria-label={t('tryDraft')} placeholder={t('tryDraft')} data-policy-guard="try-draft" value={text} onInput={(e) => {
        setText((e.currentTarget as HTMLTextAreaElement).value);
        engine.request().catch(() => undefined);
      }} />
      {text.trim() && engine.failed && <LoadFailed />}
      {text.trim() && !engine.failed && (
        <ul data-policy-guard="try-findings" aria-live="polite" aria-busy={!findings}>
          {!findings ? (
            <li class="muted">{t('tryChecking')}</li>
          ) : findings.length === 0 ? (
            <li>{t('findingsNone')}</li>
          ) : (
            findings.map((f) => (
              <li key={`${f.rule}:${f.start}:${f.messageId}`} data-rule={f.rule}>
                <strong>{t(`severity_${f.severity}` as MessageKey)}</strong> {f.message}
              </li>
            ))
          )}
        </ul>
      )}
    </section>
  );
}
