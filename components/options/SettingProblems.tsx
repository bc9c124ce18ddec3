import { useEffect, useState } from 'preact/hooks';
import { t, type MessageKey } from '../../lib/ext/i18n';
import { clearSettingProblems, normaliseSettingProblems, readSettingProblems, settingProblems, watchSafely, type SettingProblem } from '../../lib/ext/settings';

/** A stored time in the page's language; the stored text itself where it is not a time. */
function when(at: string): string {
  const d = new Date(at);
  if (Number.isNaN(d.getTime())) return at;
  try {
    return d.toLocaleString(document.documentElement.lang || undefined, { dateStyle: 'medium', timeStyle: 'short' });
  } catch {
    return d.toISOString();
  }
}

/**
 * The settings that could not be read and were reset to their defaults (lib/ext/settings.ts): which, and
 * when, so a reset never goes unnoticed (a list of ignored findings emptied, a retention limit changed).
 * Dismissing clears the list; a setting found corrupt again is listed again.
 */
export function SettingProblems() {
  const [problems, setProblems] = useState<SettingProblem[]>([]);
  useEffect(() => {
    void readSettingProblems().then(setProblems);
    return watchSafely(settingProblems, (value) => setProblems(normaliseSettingProblems(value)));
  }, []);
  if (problems.length === 0) return null;
  return (
    <div role="alert" class="error" data-policy-guard="setting-problems">
      <p>{t('settingsResetIntro')}</p>
      <ul>
        {problems.map((p) => (
          <li key={`${p.setting}:${p.at}`} data-setting={p.setting}>
            <strong>{t(`setting_${p.setting}` as MessageKey)}</strong> ({when(p.at)})
          </li>
        ))}
      </ul>
      <p>{t('settingsResetHelp')}</p>
      <p>
        <button type="button" data-policy-guard="setting-problems-dismiss" onClick={() => void clearSettingProblems().catch(() => undefined)}>
          {t('settingsResetDismiss')}
        </button>
      </p>
    </div>
  );
}
