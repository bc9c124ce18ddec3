import { shortLabel } from '../../lib/dojo/class-name';
import { useEffect, useState } from 'preact/hooks';
import { guardDb } from '../../lib/ext/db';
import { t } from '../../lib/ext/i18n';
import { retentionDays } from '../../lib/ext/settings';
import { filterHeld, heldRows, type HeldFilter, type HeldRow } from '../../lib/events/held';
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
  const classes = [...new Set((rows ?? []).flatMap((r) => (r.classId ? [r.classId] : [])))];
  const naming = useClassNaming([], classes);
  const label = naming.label;

  useEffect(() => {
    void guardDb()
      .events.toArray()
      .then((events) => setRows(heldRows(events)))
      .catch(() => setError(true));
    void retentionDays.getValue().then(setDays).catch(() => undefined);
  }, []);

  const shown = rows ? filterHeld(rows, filter, tz) : [];
  // The export names a class by its name alone: the id is a column of its own (probe 20d D10).
  const exportAs = (format: 'csv' | 'json') => download(exportHeld(shown, format, { timeZone: tz, name: (id) => naming.name(id), today: localDate(new Date(), tz) }));

  return (
    <section data-policy-guard="overrides">
      <h2>{t('heldTitle')}</h2>
      <p class="muted">{t('heldIntro', String(days))}</p>
      {error && (
        <p class="status" role="status">
          {t('historyError')}
        </p>
      )}
      {rows && rows.length === 0 && <p class="muted">{t('heldNone')}</p>}
      {rows && rows.length > 0 && (
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
        <select data-policy-guard="held-class" value={filter.classId ?? ''} onChange={(e) => props.onChange({ ...filter, classId: value(e) })}>
          <option value="">{t('heldAllClasses')}</option>
          {props.classes.map((id) => (
            <option key={id} value={id}>
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
