import { shortLabel } from '../lib/dojo/class-name';
import { useEffect, useState } from 'preact/hooks';
import { purgeOld } from '../lib/ext/db';
import { t } from '../lib/ext/i18n';
import { RETENTION_CHOICES, retentionDays } from '../lib/ext/settings';
import { deleteClassSpots, deleteSpot, listSpots } from '../lib/ext/spot-store';
import { exportRecord } from '../lib/spot-check/export';
import { dayText } from './dates';
import { download } from './download';
import { tn } from './plural';
import { checkReviews, seriesOf, totals, trendByClass, type CheckReview, type SpotRecord, type SpotView } from '../lib/spot-check/record';
import { wantedSpotKey } from '../lib/spot-check/history-link';
import { outcomeLabel, PageName, ruleLabel } from './SpotSummary';
import { TrendChart } from './TrendChart';
import { ClassNameNote } from './ClassNameNote';
import { isUnnamedClass, useClassNaming } from './useClassNames';

/** The options page's record of spot-checks: the trend per class, each check, export, delete, retention. */
export function SpotHistory(props: { timeZone?: string }) {
  const [records, setRecords] = useState<SpotRecord[] | undefined>();
  const naming = useClassNaming((records ?? []).map((r) => [r.classId, r.className]));
  const label = naming.label;
  const [error, setError] = useState(false);
  const [days, setDays] = useState<number>(365);
  // The check the overlay's "Export this check…" opened this page at (#spot-history/<key>): shown and focused.
  const [wanted, setWanted] = useState<string | undefined>(() => wantedSpotKey(location.hash));
  useEffect(() => {
    const read = () => setWanted(wantedSpotKey(location.hash));
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
  useEffect(() => {
    if (!records || !wanted) return;
    const row = [...document.querySelectorAll<HTMLElement>('tr[data-key]')].find((el) => el.getAttribute('data-key') === wanted);
    if (!row) return;
    return keepInView(row);
  }, [records, wanted]);
  // Posts each check reviewed new or edited, and those with findings (what the chart plots).
  const fresh = checkReviews(records ?? []);

  const reload = () =>
    listSpots()
      .then((r) => {
        setRecords(r);
        setError(false);
      })
      .catch(() => setError(true));
  useEffect(() => {
    void reload();
    void retentionDays.getValue().then(setDays).catch(() => undefined);
  }, []);

  const changeRetention = async (value: number) => {
    setDays(value);
    try {
      await retentionDays.setValue(value);
    } catch {
      setError(true);
      return;
    }
    // A shorter limit applies at once, not at the next browser start.
    await purgeOld(new Date(), undefined, value).catch(() => undefined);
    await reload();
  };

  return (
    <section data-policy-guard="spot-history">
      <h2>{t('historyTitle')}</h2>
      {error && (
        <p class="status" role="status">
          {t('historyError')}
        </p>
      )}
      {records && wanted && !records.some((r) => r.key === wanted) && (
        <p class="status" role="status" data-policy-guard="history-wanted-missing">
          {t('historyWantedMissing')}
        </p>
      )}
      {records && records.length === 0 && <p class="muted">{t('historyNone')}</p>}
      {records && records.length > 0 && (
        <>
          <TrendChart
            trend={trendByClass(records)}
            label={(key) => {
              const { classId, view } = seriesOf(key);
              // The whole name: the chart cuts it in its legend (with the whole in a title) and keeps it whole in each point's title.
              return `${label(classId, records.find((r) => r.classId === classId)?.className)} · ${viewLabel(view)}`;
            }}
          />
          <div class="table-scroll">
          <table class="history" data-policy-guard="history-table">
            <thead>
              <tr>
                <th scope="col">{t('historyDate')}</th>
                <th scope="col">{t('historyClass')}</th>
                <th scope="col">{t('historyPosts')}</th>
                <th scope="col">{t('historyFindings')}</th>
                <th scope="col">{t('historyOutcomes')}</th>
                <th scope="col">
                  <span class="visually-hidden">{t('historyActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {records.map((r) => (
                <Row key={r.key} wanted={r.key === wanted} record={r} fresh={fresh.get(r.key)} className={label(r.classId, r.className)} exportName={naming.name(r.classId, r.className)} sharedName={naming.shared(r.classId, r.className)} timeZone={props.timeZone} onDelete={() => void deleteSpot(r.id!).then(reload)} />
              ))}
            </tbody>
          </table>
          </div>
          {naming.ready && records.some((r) => isUnnamedClass(r.classId, naming.name(r.classId, r.className))) && <ClassNameNote />}
          <h3>{t('historyClassesTitle')}</h3>
          <ul class="history-classes" data-policy-guard="history-classes">
            {[...new Set(records.map((r) => r.classId))].map((id) => (
              <li key={id}>
                <DeleteClass classId={id} className={label(id, records.find((r) => r.classId === id)?.className)} count={records.filter((r) => r.classId === id).length} onDelete={() => void deleteClassSpots(id).then(reload)} />
              </li>
            ))}
          </ul>
        </>
      )}
      <p>
        <label>
          {t('historyRetention')}{' '}
          <select data-policy-guard="retention" value={String(days)} onChange={(e) => void changeRetention(Number((e.currentTarget as HTMLSelectElement).value))}>
            {RETENTION_CHOICES.map((d) => (
              <option key={d} value={String(d)}>
                {t('historyDays', String(d))}
              </option>
            ))}
          </select>
        </label>
      </p>
    </section>
  );
}

/** Deletes every check of one class, in two clicks (a class with a year of daily checks is one click, not hundreds). */
function DeleteClass(props: { classId: string; className: string; count: number; onDelete: () => void }) {
  const [confirming, setConfirming] = useState(false);
  return confirming ? (
    <button type="button" class="danger" data-policy-guard="history-delete-class-confirm" data-class={props.classId} onClick={props.onDelete} onBlur={() => setConfirming(false)}>
      {props.count === 1 ? t('historyDeleteClassConfirm_one', props.className) : t('historyDeleteClassConfirm', [String(props.count), props.className])}
    </button>
  ) : (
    <button type="button" data-policy-guard="history-delete-class" data-class={props.classId} onClick={() => setConfirming(true)}>
      {t('historyDeleteClass', props.className)}
    </button>
  );
}

/** The view a check was of, as the history names it. */
export const viewLabel = (view: SpotView): string => t(view === 'messaging' ? 'historyViewMessages' : view === 'school-story' ? 'historyViewSchool' : 'historyViewClass');

/**
 * Brings the wanted check's row to the middle of the window and its first export button into focus (Enter
 * then saves the CSV). The sections above it load on their own and push it down: it is kept in view while the
 * page settles (up to 3 s), until the person scrolls, types or clicks. Returns the cleanup.
 */
function keepInView(row: HTMLElement): () => void {
  const centre = () => row.scrollIntoView({ block: 'center' });
  row.querySelector<HTMLButtonElement>('button')?.focus({ preventScroll: true });
  centre();
  const settling = new ResizeObserver(centre);
  settling.observe(document.body);
  const stop = () => {
    settling.disconnect();
    for (const type of ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const) window.removeEventListener(type, stop, true);
  };
  for (const type of ['wheel', 'keydown', 'pointerdown', 'touchstart'] as const) window.addEventListener(type, stop, true);
  const timer = setTimeout(stop, 3000);
  return () => {
    clearTimeout(timer);
    stop();
  };
}

function Row(props: { wanted?: boolean; record: SpotRecord; fresh?: CheckReview; className: string; exportName?: string; sharedName?: boolean; timeZone?: string; onDelete: () => void }) {
  const r = props.record;
  // Deleting takes two clicks: a record cannot be brought back.
  const [confirming, setConfirming] = useState(false);
  const sum = totals(r);
  const followUps = r.findings.filter((f) => f.outcome === 'follow-up' || f.note);
  return (
    <tr class={props.wanted ? 'wanted' : undefined} data-wanted={props.wanted ? '' : undefined} data-key={r.key} data-class={r.classId} data-findings={sum.findings} data-to-look={sum.toLook} data-no-issue={sum.noIssue}>
      <td>
        <time dateTime={r.date}>{dayText(r.date)}</time>
        {props.wanted && (
          <p class="wanted-label" data-policy-guard="history-wanted">
            {t('historyWanted')}
          </p>
        )}
      </td>
      <td data-policy-guard="history-class" title={props.className}>
        {shortLabel(props.className)} · {viewLabel(r.view)}
      </td>
      <td data-policy-guard="history-posts" data-new={props.fresh?.posts ?? 0}>
        {sum.posts}{' '}
        <span class="muted">
          ({t('historyNew', String(props.fresh?.posts ?? 0))}
          {props.fresh?.edited ? `, ${tn(props.fresh.edited, 'historyEditedPosts')}` : ''})
        </span>
      </td>
      <td data-policy-guard="history-findings">
        {/* Findings ruled "No issue" are counted apart, as the overlay and the chart do (record.ts `toLookAt`). */}
        {sum.findings}
        {sum.findings > 0 && (
          <span class="muted">
            {' '}
            ({[t('historyToLook', String(sum.toLook)), ...Object.entries(sum.toLookByRule).map(([rule, n]) => `${ruleLabel(rule)} ${n}`)].join(', ')})
          </span>
        )}
        {sum.noIssue > 0 && (
          <p class="muted" data-policy-guard="history-no-issue">
            {t('spotRuledNoIssue', String(sum.noIssue))}
          </p>
        )}
      </td>
      <td>
        {(['resolved', 'no-issue', 'follow-up', 'open'] as const)
          .filter((o) => sum.byOutcome[o] > 0)
          .map((o) => `${outcomeLabel(o)} ${sum.byOutcome[o]}`)
          .join(', ') || '–'}
        {sum.edited > 0 && (
          <p class="muted" data-policy-guard="history-edited">
            {/* Findings, not posts (the Posts column counts posts): each count says its unit (probe 20e D7). */}
            {tn(sum.edited, 'historyEditedFindings')}
          </p>
        )}
        {sum.removed > 0 && (
          <p class="muted" data-policy-guard="history-removed">
            {t('spotRemovedCount', String(sum.removed))}
          </p>
        )}
        {followUps.length > 0 && (
          <details>
            <summary>{t('historyNotes', String(followUps.length))}</summary>
            <ul>
              {followUps.map((f) => (
                <li key={f.key}>
                  {ruleLabel(f.rule)}
                  {f.author ? (
                    <>
                      {' · '}
                      <PageName name={f.author} />
                    </>
                  ) : null}
                  {f.outcome ? ` · ${outcomeLabel(f.outcome)}` : ''}
                  {f.note ? `: ${f.note}` : ''}
                </li>
              ))}
            </ul>
          </details>
        )}
      </td>
      <td class="actions">
        <button type="button" aria-label={t('historyExportCsvOf', [props.className, dayText(r.date)])} onClick={() => download(exportRecord(r, 'csv', { timeZone: props.timeZone, className: props.exportName, sharedName: props.sharedName }))}>
          CSV
        </button>{' '}
        <button type="button" aria-label={t('historyExportJsonOf', [props.className, dayText(r.date)])} onClick={() => download(exportRecord(r, 'json', { timeZone: props.timeZone, className: props.exportName, sharedName: props.sharedName }))}>
          JSON
        </button>{' '}
        {confirming ? (
          <button type="button" class="danger" data-policy-guard="history-delete-confirm" onClick={props.onDelete} onBlur={() => setConfirming(false)}>
            {t('historyDeleteConfirmOf', [props.className, dayText(r.date)])}
          </button>
        ) : (
          <button type="button" data-policy-guard="history-delete" aria-label={t('historyDeleteOf', [props.className, dayText(r.date)])} onClick={() => setConfirming(true)}>
            {t('historyDelete')}
          </button>
        )}
      </td>
    </tr>
  );
}
