import type { PolicyState } from '../../lib/ext/active-policy';
import { t, type MessageKey } from '../../lib/ext/i18n';
import { isLocked } from '../../lib/policy/resolve';
import { WEEKDAYS, type Policy, type Window } from '../../lib/policy/schema';
import { Locked } from './Locked';
import { SaveFooter } from './SaveFooter';
import { useEditable } from './useEditable';
import { useSave } from './useSave';

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
        <div class="window" key={i} data-window={i}>
          {WEEKDAYS.map((d) => (
            <label key={d} class="day">
              <input
                type="checkbox"
                checked={w.days.includes(d)}
                onChange={(e) => set(i, { ...w, days: (e.currentTarget as HTMLInputElement).checked ? WEEKDAYS.filter((x) => x === d || w.days.includes(x)) : w.days.filter((x) => x !== d) })}
              />
              {t(`day_${d}` as MessageKey)}
            </label>
          ))}{' '}
          <label>
            {t('editFrom')} <input type="time" data-field="start" value={w.start} onChange={(e) => set(i, { ...w, start: (e.currentTarget as HTMLInputElement).value })} />
          </label>{' '}
          <label>
            {t('editTo')} <input type="time" data-field="end" value={w.end} onChange={(e) => set(i, { ...w, end: (e.currentTarget as HTMLInputElement).value })} />
          </label>{' '}
          <button type="button" onClick={() => setWindows(windows.filter((_, j) => j !== i))}>
            {t('rosterRemove')}
          </button>
        </div>
      ))}
      <SaveFooter hook="hours-save" label={t('editSaveHours')} onSave={() => void save({ hours: { staff: windows } })} problems={problems} status={status}>
        <button type="button" onClick={() => setWindows([...windows, { days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '17:00' }])}>
          {t('editAddWindow')}
        </button>
      </SaveFooter>
    </fieldset>
  );
}
