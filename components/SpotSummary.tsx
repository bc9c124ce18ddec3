import { useState } from 'preact/hooks';
import { localWhen } from './finding-text';
import { t, type MessageKey } from '../lib/ext/i18n';
import type { FeedKind } from '../lib/dojo/page';
import type { RuleId } from '../lib/policy/schema';
import type { ExportFormat } from '../lib/spot-check/export';
import { OUTCOMES, type Outcome } from '../lib/spot-check/record';
import type { Summary } from '../lib/spot-check/scan';
import { Covered, GuardedButton, useClickGuard } from './GuardedButton';

/** One finding on the page, with what the leader decided about it (from the record). */
export interface SpotRow {
  key: string;
  rule: RuleId;
  author: string;
  time?: string;
  /** The words the finding is about, read from the page (shown, never stored unless snippets are kept). */
  excerpt?: string;
  outcome?: Outcome;
  note?: string;
  show: () => void;
}

export const ruleLabel = (rule: string): string => t(`rule_${rule.replace(/-/g, '_')}` as MessageKey);
export const outcomeLabel = (outcome: Outcome | 'open'): string => t(`outcome_${outcome.replace(/-/g, '_')}` as MessageKey);

export interface SpotSummaryProps {
  kind: FeedKind;
  /** Items whose text could not be found (ClassDojo changed its markup): said, never counted as clean. */
  unreadable?: number;
  summary: Summary;
  rows: SpotRow[];
  timeZone: string;
  scanMs: number;
  longestSliceMs: number;
  keepSnippets: boolean;
  storeError: boolean;
  /** The record reached a cap and its oldest entries were dropped. */
  trimmed?: boolean;
  onOutcome: (key: string, outcome: Outcome | undefined, note: string | undefined) => void;
  onKeepSnippets: (keep: boolean) => void;
  onExport: (format: ExportFormat) => void;
}

/** The spot-check's summary: what was reviewed, findings by rule and author, and each finding's outcome. */
export function SpotSummary(props: SpotSummaryProps) {
  const { summary, timeZone: tz } = props;
  // The leader can fold the panel away to read the feed under it; the outlines stay.
  const [open, setOpen] = useState(true);
  return (
    <section
      class="pg-spot"
      aria-label={t('spotTitle')}
      data-policy-guard="spot-check"
      data-posts={String(summary.posts)}
      data-flagged={String(summary.withFindings)}
      data-scan-ms={props.scanMs.toFixed(1)}
      data-longest-slice-ms={props.longestSliceMs.toFixed(1)}
    >
      <div class="pg-header">
        <h2 class="pg-title">{t('spotTitle')}</h2>
        <button type="button" class="pg-link" aria-expanded={open} data-policy-guard="spot-fold" onClick={() => setOpen(!open)}>
          {open ? t('spotCollapse') : t('spotExpand')}
        </button>
      </div>
      {!!props.unreadable && (
        <p class="pg-notice" role="status" data-policy-guard="spot-unreadable">
          {t('spotUnreadable', String(props.unreadable))}
        </p>
      )}
      {props.trimmed && (
        <p class="pg-notice" role="note" data-policy-guard="spot-trimmed">
          {t('spotTrimmed')}
        </p>
      )}
      {props.storeError && (
        <p class="pg-notice" role="status" data-policy-guard="spot-store-error">
          {t('spotStoreError')}
        </p>
      )}
      {!open ? (
        <p class="pg-line">{t(props.kind === 'story' ? 'spotPosts' : 'spotMessages', [String(summary.posts), String(summary.withFindings)])}</p>
      ) : summary.posts === 0 ? (
        <p class="pg-muted">{t(props.kind === 'story' ? 'spotNone' : 'spotNoneMessages')}</p>
      ) : (
        <>
          <p class="pg-line">{t(props.kind === 'story' ? 'spotPosts' : 'spotMessages', [String(summary.posts), String(summary.withFindings)])}</p>
          {summary.oldest && summary.newest && <p class="pg-muted">{t('spotRange', [localWhen(new Date(summary.oldest), tz), localWhen(new Date(summary.newest), tz)])}</p>}
          <Counts title={t('spotByRule')} hook="by-rule" counts={summary.byRule} label={ruleLabel} withRule />
          <Counts title={t('spotByAuthor')} hook="by-author" counts={summary.byAuthor} label={(a) => a} />
          {props.rows.length > 0 && (
            <>
              <h3 class="pg-subtitle">{t('spotFindings')}</h3>
              <ol class="pg-spot-findings" data-policy-guard="spot-findings">
                {props.rows.map((row) => (
                  <FindingRow key={row.key} row={row} timeZone={tz} onOutcome={props.onOutcome} />
                ))}
              </ol>
            </>
          )}
          {props.kind === 'story' && <p class="pg-muted">{t('spotLoadMore')}</p>}
        </>
      )}
      {open && (
        <>
          <KeepSnippets keep={props.keepSnippets} onChange={props.onKeepSnippets} />
          <div class="pg-actions">
            <button type="button" class="pg-button" data-policy-guard="spot-export-csv" onClick={() => props.onExport('csv')}>
              {t('spotExportCsv')}
            </button>
            <button type="button" class="pg-button" data-policy-guard="spot-export-json" onClick={() => props.onExport('json')}>
              {t('spotExportJson')}
            </button>
          </div>
        </>
      )}
    </section>
  );
}

function Counts(props: { title: string; hook: string; counts: Record<string, number>; label: (k: string) => string; withRule?: boolean }) {
  return (
    <>
      <h3 class="pg-subtitle">{props.title}</h3>
      <ul class="pg-counts" data-policy-guard={props.hook}>
        {Object.entries(props.counts).map(([k, n]) => (
          <li key={k} data-rule={props.withRule ? k : undefined} data-count={n}>
            {props.label(k)}: {n}
          </li>
        ))}
      </ul>
    </>
  );
}

function FindingRow(props: { row: SpotRow; timeZone: string; onOutcome: SpotSummaryProps['onOutcome'] }) {
  const { row } = props;
  return (
    <li class="pg-spot-finding" data-policy-guard="spot-finding" data-key={row.key} data-rule={row.rule} data-outcome={row.outcome ?? 'open'}>
      <p class="pg-line">
        <strong>{ruleLabel(row.rule)}</strong> · {row.author}
        {row.time ? ` · ${localWhen(new Date(row.time), props.timeZone)}` : ''}
      </p>
      {row.excerpt && <p class="pg-muted pg-excerpt">“{row.excerpt}”</p>}
      <div class="pg-outcomes" role="group" aria-label={t('spotOutcome')}>
        {OUTCOMES.map((o) => (
          <GuardedButton
            key={o}
            class="pg-chip"
            data-outcome={o}
            aria-pressed={row.outcome === o}
            onPress={() => props.onOutcome(row.key, row.outcome === o ? undefined : o, row.note)}
          >
            {outcomeLabel(o)}
          </GuardedButton>
        ))}
        <button type="button" class="pg-link" onClick={row.show}>
          {t('spotShow')}
        </button>
      </div>
      {row.outcome && (
        <label class="pg-note">
          {t('spotNote')}{' '}
          <input
            type="text"
            data-policy-guard="spot-note"
            maxLength={1000}
            value={row.note ?? ''}
            onChange={(e) => props.onOutcome(row.key, row.outcome, (e.currentTarget as HTMLInputElement).value)}
          />
        </label>
      )}
    </li>
  );
}

/** "Keep snippets": a lasting choice, so a click counts only on a box in plain view (GuardedButton.tsx). */
function KeepSnippets(props: { keep: boolean; onChange: (keep: boolean) => void }) {
  const { ref, counts } = useClickGuard<HTMLInputElement>();
  const [covered, setCovered] = useState(false);
  return (
    <label class="pg-check">
      <input
        type="checkbox"
        ref={ref}
        data-policy-guard="spot-snippets"
        checked={props.keep}
        onChange={(e) => {
          const box = e.currentTarget as HTMLInputElement;
          const ok = counts();
          setCovered(!ok);
          if (ok) props.onChange(box.checked);
          else box.checked = props.keep;
        }}
      />{' '}
      {t('spotKeepSnippets')}
      {covered && <Covered />}
    </label>
  );
}
