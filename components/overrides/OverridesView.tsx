import { shortLabel } from '../../lib/dojo/class-name';
import { useEffect, useRef, useState } from 'preact/hooks';
import { guardDb } from '../../lib/ext/db';
import { t } from '../../lib/ext/i18n';
import { retentionDays } from '../../lib/ext/settings';
import { filterHeld, heldRows, keptRows, type HeldFilter, type HeldRow } from '../../lib/events/held';
import { exportHeld } from '../../lib/events/held-export';
import { localDate } from '../../lib/spot-check/record';
import { download } from '../download';
import { ClassNameNote } from '../ClassNameNote';
import { isUnnamedClass, useClassNaming } from '../useClassNames';
import { HeldTable } from './HeldTable';

/**
 * The options page's "Overrides and held sends": every send the gate held, what for, where, when, what the
 * teacher did and the reason they gave (never the text), filtered by class and date, exported as CSV or
 * JSON. Kept as long as spot-checks (the retention setting purges both).
 */
export function OverridesView(props: { timeZone?: string }) {
  const tz = props.timeZone ?? 'Europe/London';
  const [rows, setRows] = useState<HeldRow[] | undefined>();
  const [error, setError] = useState(false);
  const [filter, setFilter] = useState<HeldFilter>({});
  const [days, setDays] = useState<number>(365);
  // Never what the page says is deleted: a record past the limit is left out even before the purge has run.
  const kept = rows ? keptRows(rows, days, new Date()) : undefined;
  const classes = [...new Set((kept ?? []).flatMap((r) => (r.classId ? [r.classId] : [])))];
  const naming = useClassNaming();
  const label = naming.label;

  useEffect(() => {
    const load = () =>
      guardDb()
        .events.toArray()
        .then((events) => setRows(heldRows(events)))
        .catch(() => setError(true));
    void load();
    void retentionDays.getValue().then(setDays).catch(() => undefined);
    // A new limit (chosen in the history below, or anywhere else) applies here at once: the purge runs as it
    // changes (entrypoints/background.ts), and the list is read again and cut to the limit meanwhile.
    const unwatch = retentionDays.watch((next) => {
      setDays(next);
      void load();
    });
    return unwatch;
  }, []);

  // The popup's "See each one" opens the page here (#overrides); the sections above draw as their data
  // arrives, so the view is brought into sight once its own rows are in.
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    if (rows && location.hash === '#overrides') {
      heading.current?.scrollIntoView({ block: 'start' });
      heading.current?.focus({ preventScroll: true });
    }
  }, [rows, props.timeZone]);

  const shown = kept ? filterHeld(kept, filter, tz) : [];
  // The export names a class by its name alone: the id is a column of its own (probe 20d D10). A filtered
  // export says its filter in its file name.
  const exportAs = (format: 'csv' | 'json') =>
    download(exportHeld(shown, format, { timeZone: tz, name: (id) => naming.name(id), today: localDate(new Date(), tz), filter }));

  return (
    <section data-policy-guard="overrides" id="overrides">
      <h2 ref={heading} tabIndex={-1}>
        {t('heldTitle')}
      </h2>
      <p class="muted">{t('heldIntro', String(days))}</p>
      {error && (
        <p class="status" role="status">
          {t('historyError')}
        </p>
      )}
      {kept && kept.length === 0 && <p class="muted">{t('heldNone')}</p>}
      {kept && kept.length > 0 && (
        <>
          <HeldFilters filter={filter} classes={classes} label={label} onChange={setFilter} />
          <HeldTable rows={shown} timeZone={tz} label={label} />
          {naming.ready && classes.some((id) => isUnnamedClass(id, naming.name(id))) && <ClassNameNote />}
          <p>
            <button type="button" data-policy-guard="held-export-csv" disabled={shown.length === 0} onClick={() => exportAs('csv')}>
              {t('spotExportCsv')}
            </button>{' '}
            <button type="button" data-policy-guard="held-export-json" disabled={shown.length === 0} onClick={() => exportAs('json')}>
              {t('spotExportJson')}
            </button>
          </p>
        </>
      )}
    </section>
  );
}

function HeldFilters(props: { filter: HeldFilter; classes: string[]; label: (id: string) => string; onChange: (f: HeldFilter) => void }) {
  const { filter } = props;
  const value = (e: Event) => (e.currentTarget as HTMLInputElement | HTMLSelectElement).value || undefined;
  return (
    <p class="filters" data-policy-guard="held-filters">
      <label>
        {t('heldFilterClass')}{' '}
        <select data-policy-guard="held-class" value={filter.classId ?? ''} title={filter.classId ? props.label(filter.classId) : undefined} onChange={(e) => props.onChange({ ...filter, classId: value(e) })}>
          <option value="">{t('heldAllClasses')}</option>
          {props.classes.map((id) => (
            <option key={id} value={id} title={props.label(id)}>
              {shortLabel(props.label(id))}
            </option>
          ))}
        </select>
      </label>{' '}
      <label>
        {t('heldFrom')} <input type="date" data-policy-guard="held-from" value={filter.from ?? ''} onChange={(e) => props.onChange({ ...filter, from: value(e) })} />
      </label>{' '}
      <label>
        {t('heldTo')} <input type="date" data-policy-guard="held-to" value={filter.to ?? ''} onChange={(e) => props.onChange({ ...filter, to: value(e) })} />
      </label>
    </p>
  );
}
