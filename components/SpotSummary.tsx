import { Component, type ComponentChildren } from 'preact';
import { useEffect, useLayoutEffect, useRef, useState } from 'preact/hooks';
import { localWhen } from './i18n';
import { quoteName } from '../lib/dojo/class-name';
import { t, type MessageKey } from '../lib/ext/i18n';
import type { FeedKind } from '../lib/dojo/page';
import type { RuleId } from '../lib/policy/schema';
import { localDate, OUTCOMES, type Outcome } from '../lib/spot-check/record';
import type { Summary } from '../lib/spot-check/scan';
import { SPOT_OPEN_CSS_HEIGHT, type SpotDock } from '../lib/ui/spot-dock';
import { Covered, GuardedButton, useClickGuard } from './GuardedButton';
import { tn } from './plural';
import { unshiftingLists } from './unshifting-lists';

/** How many finding rows a render draws beyond those already drawn (`SpotSummary`): one short task's worth. */
const ROWS_A_SLICE = 60;

/** A class's id said as one ("class id c1"), the school scopes by what they are: this bundle has no store of names. */
export function scopeIdText(scopeId: string): string {
  if (scopeId === 'school') return t('classWholeSchool');
  if (scopeId.startsWith('school-')) return t('classSchoolId', scopeId.slice('school-'.length));
  return t('classIdLabel', scopeId);
}

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
  /** The post was edited after this finding was first recorded (the record's `edited`). */
  edited?: boolean;
  /** The edit took it out of the post (the record's `gone`): kept for the leader's decision. */
  removed?: boolean;
  /**
   * Scrolls the finding's post into view. Returns false when the opened summary leaves too little of the
   * window beside it for the post (a short window, 200% zoom): the summary then folds to its tab.
   */
  show: () => boolean | void;
}

/**
 * The first and last post's times for "From … to …", with the year on both unless every post is from this
 * year (`now`) in the school's zone `tz`: "Thu 26 Dec 2024, 10:00" to "Mon 4 Jan 2027, 10:00". (The newest
 * is never older than the oldest, so an oldest post from this year means all are.)
 */
export function spotRange(oldest: string, newest: string, tz: string, now: Date): [string, string] {
  const withYear = localDate(new Date(oldest), tz).slice(0, 4) !== localDate(now, tz).slice(0, 4);
  return [localWhen(new Date(oldest), tz, false, withYear), localWhen(new Date(newest), tz, false, withYear)];
}

/**
 * The line under the count saying when the posts (or messages) on the page were made, in the interface's date
 * style (`localWhen`): "From Sun 15 Nov, 21:30 to Mon 16 Nov, 09:06"; within one day the second time alone
 * ("From Thu 29 Oct, 09:00 to 14:00"); one post, or all at one minute, once ("Posted Thu 29 Oct, 09:00",
 * "Sent …" for messages), never "from 09:00 to 09:00".
 */
export function spotSpan(oldest: string, newest: string, tz: string, now: Date, kind: FeedKind): string {
  const [from, to] = spotRange(oldest, newest, tz, now);
  if (from === to) return t(kind === 'story' ? 'spotRangeOnePost' : 'spotRangeOneMessage', from);
  const sameDay = localDate(new Date(oldest), tz) === localDate(new Date(newest), tz);
  return t('spotRange', [from, sameDay ? to.slice(to.lastIndexOf(' ') + 1) : to]);
}

/**
 * The class a check is recorded for, as the overlay names it: its name, with its id beside it when another
 * class has the same name (ignoring case and spaces, as lib/dojo/class-name.ts `classLabel`), so a switch
 * between two "Class 3 Oak"s shows; its id, said as one, when the page has shown no name.
 */
export function recordingName(scopeId: string, name: string | undefined, otherNames: readonly string[] = []): string {
  if (!name) return scopeIdText(scopeId);
  const fold = (n: string) => n.toLowerCase().replace(/\s+/g, ' ').trim();
  return otherNames.some((n) => fold(n) === fold(name)) ? `${name} (${scopeIdText(scopeId)})` : name;
}

export const ruleLabel = (rule: string): string => t(`rule_${rule.replace(/-/g, '_')}` as MessageKey);
export const outcomeLabel = (outcome: Outcome | 'open'): string => t(`outcome_${outcome.replace(/-/g, '_')}` as MessageKey);

export interface SpotSummaryProps {
  /** The address of the note frame for a finding (entrypoints/spot-note); without it, no note box. */
  noteFrame?: (key: string) => string;
  /** Where it sits (lib/ui/spot-dock.ts): docked beside the feed, or folded to a tab when space is short. */
  dock?: SpotDock;
  kind: FeedKind;
  /** Items whose text could not be found (ClassDojo changed its markup): said, never counted as clean. */
  unreadable?: number;
  summary: Summary;
  rows: SpotRow[];
  /** Findings an edit took out of posts on the page, with their decisions (counted apart, as in the history). */
  removed?: SpotRow[];
  /** The name of the class the record is kept for (the record's `className`), and its id. */
  className?: string;
  scopeId?: string;
  /** Other classes' names (`recordingName`). */
  otherNames?: readonly string[];
  /** The page still shows another class's feed (a class switch loading): waiting for this one's. */
  waiting?: boolean;
  timeZone: string;
  scanMs: number;
  longestSliceMs: number;
  keepSnippets: boolean;
  storeError: boolean;
  /** The page took the typing focus from a note, and it was given back (entrypoints/on-request/note-focus.ts). */
  /** The page took the typing focus from a note: given back (true), or it could not be ('lost'). */
  noteFocusTaken?: boolean | 'lost';
  /** The record reached a cap and its oldest entries were dropped. */
  trimmed?: boolean;
  /** A verdict, or none (`undefined`); `note` undefined keeps the note written in the note frame. */
  onOutcome: (key: string, outcome: Outcome | undefined, note: string | undefined) => void;
  onKeepSnippets: (keep: boolean) => void;
  /**
   * Opens this check's record in the options page's history, where its CSV and JSON are made: true once the
   * background opened it. A file is never made here, in ClassDojo's page (probe 14d #2).
   */
  onExport: () => Promise<boolean>;
}

/**
 * A name read from ClassDojo's page (a class's, a post's or message's author): quoted, isolated with <bdi>
 * (a right-to-left override inside it cannot reorder our words around it) and titled as the page's, so a
 * name such as "Policy Guard: all checked" never reads as Policy Guard's own words (probe 14d #7). Quoted
 * by lib/dojo/class-name.ts `quoteName`, as the settings page quotes names: a name with double quotes of its
 * own gets single ones outside, never “…“…”…” (issue #20).
 */
export function PageName(props: { name: string }) {
  return (
    <bdi class="pg-page-name" data-policy-guard="page-name" title={t('fromPageName')}>
      {quoteName(props.name)}
    </bdi>
  );
}

/**
 * "Recording for …": a class name read from the page is shown as the page's (`PageName`), so a name such as
 * "Class 3 Oak. Policy Guard has checked every post: all clear" never reads as Policy Guard's words
 * (probe 14f); an id, or the whole school, is Policy Guard's own label. Same words as `recordingName`.
 */
function RecordingFor(props: { scopeId: string; name?: string; otherNames?: readonly string[] }) {
  const full = recordingName(props.scopeId, props.name, props.otherNames);
  // Each string in an element of its own: text drawn on ClassDojo's page must be an element's child to be
  // drawn as generated content (entrypoints/content/core/unfindable.ts); a fragment's would be plain text.
  if (!props.name) return <span>{t('spotRecordingFor', full)}</span>;
  const [before = '', after = ''] = t('spotRecordingFor', '\u0001').split('\u0001');
  return (
    <>
      <span>{before}</span>
      <PageName name={props.name} />
      <span>{full.slice(props.name.length)}</span>
      <span>{after}</span>
    </>
  );
}

/** The spot-check's summary: what was reviewed, findings by rule and author, and each finding's outcome. */
export function SpotSummary(props: SpotSummaryProps) {
  const { summary, timeZone: tz } = props;
  // The leader can fold the panel away to read the feed under it; the outlines stay.
  const [open, setOpen] = useState(true);
  // Space is short: a tab in the margin, opened (over the feed) only when the leader asks.
  const [tabOpen, setTabOpen] = useState(false);
  const [exported, setExported] = useState<'opened' | 'failed' | undefined>();
  // A post with a finding must not move the summary's content in a way the page's layout-shift observer sees.
  // (Its root is a new element only when it turns from the tab to the summary or back.)
  const root = useRef<HTMLElement>(null);
  const dock = props.dock;
  const tab = dock?.mode === 'tab' && !tabOpen;
  // Only what a change touched or moved is laid out afresh: a long list of findings is not (components/unshifting-lists.ts).
  useLayoutEffect(() => unshiftingLists(root.current), [tab]);
  // A long feed's rows are drawn ROWS_A_SLICE at a time, one task each: 600 rows drawn and laid out at once
  // held the page for over a second (probe 17 R4). The counts above them are whole at once.
  const [drawnRows, setDrawnRows] = useState(ROWS_A_SLICE);
  const more = props.rows.length > drawnRows;
  useEffect(() => {
    if (!more) return;
    const timer = setTimeout(() => setDrawnRows((n) => n + ROWS_A_SLICE), 0);
    return () => clearTimeout(timer);
  });
  // The rows' handlers, the same functions on every render, reading the latest props when used: a row whose
  // finding has not changed is then not rendered again (`FindingRow` is memoised), so a feed growing by 20
  // posts costs the summary 20 posts' rows, not the whole list's (probe 17 R4).
  const latest = useRef(props);
  latest.current = props;
  const [handlers] = useState<RowHandlers>(() => ({
    onOutcome: (key, outcome, note) => latest.current.onOutcome(key, outcome, note),
    show: (key) => [...latest.current.rows, ...(latest.current.removed ?? [])].find((r) => r.key === key)?.show(),
    onNoRoom: () => setTabOpen(false),
  }));
  const reviewed = props.kind === 'story' ? tn(summary.posts, 'spotPosts', [String(summary.withFindings)]) : tn(summary.posts, 'spotMessages', [String(summary.withFindings)]);
  const removed = props.removed ?? [];
  if (tab) {
    return (
      <button
        type="button"
        class="pg-spot-tab"
        ref={root as { current: HTMLButtonElement | null }}
        data-policy-guard="spot-check"
        data-dock="tab"
        data-posts={String(summary.posts)}
        data-flagged={String(summary.withFindings)}
        aria-label={`${t('spotTitle')}: ${reviewed}`}
        aria-expanded="false"
        style={{ left: `${dock.left}px`, top: `${dock.top}px`, width: `${dock.width}px`, height: `${dock.height}px` }}
        onClick={() => setTabOpen(true)}
      >
        <span class="pg-spot-tab-count">{summary.withFindings}</span>
        <span class="pg-spot-tab-word">{t('spotTitle')}</span>
      </button>
    );
  }
  const style =
    dock?.mode === 'docked'
      ? // One height whatever it holds (entrypoints/on-request/style.css .pg-spot): its content scrolls inside.
        { left: `${dock.left}px`, top: `${dock.top}px`, width: `${dock.width}px`, height: `${dock.maxHeight}px`, maxHeight: `${dock.maxHeight}px`, bottom: 'auto' }
      : dock?.mode === 'tab'
        ? // Over the feed: one short height whatever it holds (lib/ui/spot-dock.ts), its content scrolling inside.
          { left: '8px', bottom: '8px', width: 'min(300px, calc(100vw - 16px))', height: SPOT_OPEN_CSS_HEIGHT }
        : undefined;
  return (
    <section
      class="pg-spot"
      ref={root}
      style={style}
      data-dock={dock ? (dock.mode === 'tab' ? 'tab-open' : dock.side) : undefined}
      aria-label={t('spotTitle')}
      data-policy-guard="spot-check"
      data-posts={String(summary.posts)}
      data-flagged={String(summary.withFindings)}
      data-scan-ms={props.scanMs.toFixed(1)}
      data-longest-slice-ms={props.longestSliceMs.toFixed(1)}
    >
      <div class="pg-header">
        <h2 class="pg-title">{t('spotTitle')}</h2>
        {dock?.mode === 'tab' ? (
          <button type="button" class="pg-link" aria-expanded="true" data-policy-guard="spot-fold" onClick={() => setTabOpen(false)}>
            {t('spotCollapse')}
          </button>
        ) : (
          <button type="button" class="pg-link" aria-expanded={open} data-policy-guard="spot-fold" onClick={() => setOpen(!open)}>
            {open ? t('spotCollapse') : t('spotExpand')}
          </button>
        )}
      </div>
      {props.scopeId && (
        // Which class this check is recorded for: after a class switch, the leader sees it followed.
        <p class="pg-muted pg-recording" data-policy-guard="spot-class" data-class={props.scopeId} title={scopeIdText(props.scopeId)}>
          <RecordingFor scopeId={props.scopeId} name={props.className} otherNames={props.otherNames} />
        </p>
      )}
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
      {props.noteFocusTaken && (
        <p class="pg-notice" role="alert" data-policy-guard="spot-note-focus-taken" data-lost={props.noteFocusTaken === 'lost' || undefined}>
          {t(props.noteFocusTaken === 'lost' ? 'spotNoteFocusLost' : 'spotNoteFocusTaken')}
        </p>
      )}
      {!open ? (
        <p class="pg-line">{reviewed}</p>
      ) : summary.posts === 0 ? (
        props.waiting ? (
          <p class="pg-muted" role="status" data-policy-guard="spot-waiting">
            {t(props.kind === 'story' ? 'spotWaiting' : 'spotWaitingMessages')}
          </p>
        ) : (
          <p class="pg-muted">{t(props.kind === 'story' ? 'spotNone' : 'spotNoneMessages')}</p>
        )
      ) : (
        <>
          <p class="pg-line">{reviewed}</p>
          {summary.noIssue > 0 && (
            <p class="pg-muted" data-policy-guard="spot-no-issue">
              {t('spotRuledNoIssue', String(summary.noIssue))}
            </p>
          )}
          {summary.oldest && summary.newest && (
            <p class="pg-muted" data-policy-guard="spot-span">
              {spotSpan(summary.oldest, summary.newest, tz, new Date(), props.kind)}
            </p>
          )}
          <Counts title={t('spotByRule')} hook="by-rule" counts={summary.byRule} label={ruleLabel} withRule />
          <Counts title={t('spotByAuthor')} hook="by-author" counts={summary.byAuthor} label={(a) => <PageName name={a} />} />
          {props.rows.length > 0 && (
            <>
              <h3 class="pg-subtitle">{t('spotFindings')}</h3>
              <ol class="pg-spot-findings" data-policy-guard="spot-findings">
                {(more ? props.rows.slice(0, drawnRows) : props.rows).map((row) => (
                  <FindingRow key={row.key} row={row} timeZone={tz} handlers={handlers} noteSrc={row.outcome ? props.noteFrame?.(row.key) : undefined} foldOnNoRoom={dock?.mode === 'tab'} />
                ))}
              </ol>
            </>
          )}
          {removed.length > 0 && (
            <>
              <h3 class="pg-subtitle">{t('spotRemovedCount', String(removed.length))}</h3>
              <ol class="pg-spot-findings" data-policy-guard="spot-removed">
                {removed.map((row) => (
                  <FindingRow key={row.key} row={row} timeZone={tz} handlers={handlers} noteSrc={row.outcome ? props.noteFrame?.(row.key) : undefined} foldOnNoRoom={dock?.mode === 'tab'} />
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
            <button type="button" class="pg-button" data-policy-guard="spot-export" aria-describedby="pg-spot-export-where" onClick={() => void props.onExport().then((ok) => setExported(ok ? 'opened' : 'failed'))}>
              {t('spotExportOpen')}
            </button>
          </div>
          <p class="pg-muted" id="pg-spot-export-where">
            {t('spotExportWhere')}
          </p>
          {exported && (
            <p class={exported === 'opened' ? 'pg-muted' : 'pg-notice'} role="status" data-policy-guard="spot-export-status" data-status={exported}>
              {t(exported === 'opened' ? 'spotExportOpened' : 'spotExportFailed')}
            </p>
          )}
        </>
      )}
    </section>
  );
}

function Counts(props: { title: string; hook: string; counts: Record<string, number>; label: (k: string) => ComponentChildren; withRule?: boolean }) {
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

/** What a row does when pressed: stable functions (see `SpotSummary`), so rows can be compared by their data. */
interface RowHandlers {
  onOutcome: SpotSummaryProps['onOutcome'];
  /** Shows the post of the row with this key, as the latest rows say (`SpotRow.show`). */
  show: (key: string) => boolean | void;
  /** The opened summary left no room for the post beside it: it folds to its tab. */
  onNoRoom: () => void;
}

interface FindingRowProps {
  row: SpotRow;
  timeZone: string;
  handlers: RowHandlers;
  /** The note frame's address, for a decided finding when notes are kept; else no note box. */
  noteSrc?: string;
  /** The summary is the tab's, opened over the feed: it folds when "Show" finds no room (`onNoRoom`). */
  foldOnNoRoom: boolean;
}

/** Whether two rows draw the same: every field but `show` (a new function each time; `handlers.show` is used). */
function sameRow(a: FindingRowProps, b: FindingRowProps): boolean {
  const [x, y] = [a.row, b.row];
  return (
    a.timeZone === b.timeZone && a.handlers === b.handlers && a.noteSrc === b.noteSrc && a.foldOnNoRoom === b.foldOnNoRoom &&
    x.key === y.key && x.rule === y.rule && x.author === y.author && x.time === y.time && x.excerpt === y.excerpt &&
    x.outcome === y.outcome && x.note === y.note && x.edited === y.edited && x.removed === y.removed
  );
}

/**
 * One finding's row, drawn again only when its data changed (`sameRow`): not preact/compat's `memo`, whose
 * module changes how every component of this bundle is rendered.
 */
class FindingRow extends Component<FindingRowProps> {
  override shouldComponentUpdate(next: FindingRowProps): boolean {
    return !sameRow(this.props, next);
  }

  override render() {
    return <FindingRowView {...this.props} />;
  }
}

function FindingRowView(props: FindingRowProps) {
  const { row, handlers } = props;
  return (
    <li class="pg-spot-finding" data-policy-guard={row.removed ? 'spot-removed-finding' : 'spot-finding'} data-key={row.key} data-rule={row.rule} data-outcome={row.outcome ?? 'open'}>
      <p class="pg-line">
        <strong>{ruleLabel(row.rule)}</strong>
        {row.author ? (
          <>
            {' · '}
            <PageName name={row.author} />
          </>
        ) : null}
        {/* The year for a post from another year than this one: "Sun 28 Dec 2025" is not read as 2026. */}
        {row.time ? ` · ${localWhen(new Date(row.time), props.timeZone, false, localDate(new Date(row.time), props.timeZone).slice(0, 4) !== localDate(new Date(), props.timeZone).slice(0, 4))}` : ''}
      </p>
      {row.removed ? (
        <p class="pg-muted" data-policy-guard="spot-edited">{t('spotRemovedRow')}</p>
      ) : (
        row.edited && <p class="pg-muted" data-policy-guard="spot-edited">{t('spotEdited')}</p>
      )}
      {row.excerpt && <p class="pg-muted pg-excerpt">“{row.excerpt}”</p>}
      <div class="pg-outcomes" role="group" aria-label={t('spotOutcome')}>
        {OUTCOMES.map((o) => (
          <GuardedButton
            key={o}
            class="pg-chip"
            data-outcome={o}
            aria-pressed={row.outcome === o}
            onPress={() => handlers.onOutcome(row.key, row.outcome === o ? undefined : o, undefined)}
          >
            {outcomeLabel(o)}
          </GuardedButton>
        ))}
        <button type="button" class="pg-link" onClick={() => handlers.show(row.key) === false && props.foldOnNoRoom && handlers.onNoRoom()}>
          {t('spotShow')}
        </button>
      </div>
      {row.outcome && props.noteSrc && (
        // The note box is an extension page of its own (entrypoints/spot-note): a page script can select
        // into, or hear, a text box in this root, but not in another origin's frame.
        <iframe class="pg-note-frame" data-policy-guard="spot-note-frame" title={t('spotNote')} src={props.noteSrc} />
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
