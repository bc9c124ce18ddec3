import type { PolicyState } from '../../lib/ext/active-policy';
import { t } from '../../lib/ext/i18n';
import { isLocked } from '../../lib/policy/resolve';
import type { Policy, Window } from '../../lib/policy/schema';
import { Locked } from './Locked';
import { SaveFooter } from './SaveFooter';
import { useEditable } from './useEditable';
import { useSave } from './useSave';
import { WindowDays } from './WindowDays';

/** Staff sending hours: one or more windows of days and times. Saved together, checked as a whole. */
export function HoursEditor(props: { policy: Policy; locked: PolicyState['locked'] }) {
  const [windows, setWindows] = useEditable<Window[]>(props.policy.hours.staff);
  const { problems, status, save } = useSave();
  const locked = isLocked('hours.staff', props.locked);
  const set = (i: number, w: Window) => setWindows(windows.map((x, j) => (j === i ? w : x)));
  return (
    <fieldset data-policy-guard="hours-editor" disabled={locked}>
      <legend>
        {t('editHoursTitle')} {locked && <Locked />}
      </legend>
      {windows.length === 0 && <p class="muted">{t('editHoursNone')}</p>}
      {windows.map((w, i) => (
        <WindowDays key={i} window={w} index={i} onChange={(next) => set(i, next)}>
          {' '}
          <button type="button" onClick={() => setWindows(windows.filter((_, j) => j !== i))}>
            {t('rosterRemove')}
          </button>
        </WindowDays>
      ))}
      <SaveFooter hook="hours-save" label={t('editSaveHours')} onSave={() => void save({ hours: { staff: windows } })} problems={problems} status={status}>
        <button type="button" onClick={() => setWindows([...windows, { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '17:00' }])}>
          {t('editAddWindow')}
        </button>
      </SaveFooter>
    </fieldset>
  );
}
