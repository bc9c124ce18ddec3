import type { ComponentChildren } from 'preact';
import { t, type MessageKey } from '../../lib/ext/i18n';
import { WEEKDAYS, type Window } from '../../lib/policy/schema';

/**
 * One window of days and times as a row of controls: a checkbox a day, then from and to. The policy editor
 * (HoursEditor) and the review of a policy read from a document (setup/ItemEditor) both use it; `children`
 * follow the times (the editor's "Remove").
 */
export function WindowDays(props: { window: Window; index: number; onChange: (w: Window) => void; children?: ComponentChildren }) {
  const { window: w, onChange } = props;
  const value = (e: Event) => (e.currentTarget as HTMLInputElement).value;
  return (
    <div class="window" data-window={props.index}>
      {WEEKDAYS.map((d) => (
        <label key={d} class="day">
          <input
            type="checkbox"
            checked={w.days.includes(d)}
            onChange={(e) => onChange({ ...w, days: (e.currentTarget as HTMLInputElement).checked ? WEEKDAYS.filter((x) => x === d || w.days.includes(x)) : w.days.filter((x) => x !== d) })}
          />
          {t(`day_${d}` as MessageKey)}
        </label>
      ))}{' '}
      <label>
        {t('editFrom')} <input type="time" data-field="start" value={w.start} onInput={(e) => onChange({ ...w, start: value(e) })} />
      </label>{' '}
      <label>
        {t('editTo')} <input type="time" data-field="end" value={w.end} onInput={(e) => onChange({ ...w, end: value(e) })} />
      </label>
      {props.children}
    </div>
  );
}
