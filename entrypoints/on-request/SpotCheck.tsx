import { useEffect, useRef, useState } from 'preact/hooks';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import { SpotSummary, type SpotRow } from '../../components/SpotSummary';
import { feedItemSignature, findFeedItems, pageSideColumns, readFeedItem, readingRects, type FeedKind, type StoryPostElements, type ViewRect } from '../../lib/dojo/page';
import type { Response, SpotResponse, SpotWriteResponse } from '../../lib/ext/messages';
import type { SpotScope } from '../../lib/ext/spot-store';
import type { Channel, RuleId } from '../../lib/policy/schema';
import { findingKey, localDate, ruledOutcomes, textHash, toLookAt, type Outcome, type ScannedItem, type SpotRecord, type SpotView } from '../../lib/spot-check/record';
import { auditPolicy, excerptOf, findingsByRule, summarise, type PostResult, type scanPost } from '../../lib/spot-check/scan';
import { t } from '../../lib/ext/i18n';
import { ask } from '../content/ask';
import { browser } from 'wxt/browser';
import { NOTE_FRAME_PATH } from '../../lib/ext/pages';
import { useNoteFocusKeeper } from './note-focus';
import { useScrolledWith } from './scrolled-with';

/** The note frame's page (entrypoints/spot-note), at this session's address. */
const noteFramePage = (() => {
  try {
    return browser.runtime.getURL(NOTE_FRAME_PATH as '/spot-note.html');
  } catch {
    return '';
  }
})();
import { readTextModel } from '../../lib/dojo/text-model';
import type { Guard } from '../content/guard';
import { dockSpot, type SpotDock } from '../../lib/ui/spot-dock';
import { placePostBadge } from '../../lib/ui/post-badge';
import { parseDojoLocation } from '../../lib/dojo/routes';
import { spotScopeId, type Ownership } from '../../lib/spot-check/scope';


/** Work done before yielding to the page: short enough that scrolling and typing never wait on us. */
const SLICE_MS = 8;

interface Marked {
  parts: StoryPostElements;
  result: PostResult;
  /** What the post said when scanned (its text and media): a post edited after publishing is scanned again. */
  sig: string;
  /** Its findings by rule, with their words (the summary's rows without the record's decisions): made once. */
  groups?: { rule: RuleId; excerpt?: string }[];
  /** Its badge and outlines as last measured, and the layout they were measured in (`placeMarks`). */
  drawn?: { key: string; boxes: Box[] };
}



interface Box {
  key: string;
  left: number;
  top: number;
  width: number;
  height: number;
  rule?: string;
  label?: string;
  postId?: string;
  /** Around words (drawn as a tint and an underline, exactly as wide as the words). */
  words?: boolean;
  /** The finding was ruled "No issue": drawn muted, so the leader still sees what was decided. */
  cleared?: boolean;
}

export interface SpotCheckProps {
  ctx: ContentScriptContext;
  guard: Guard;
  subscribe: (cb: () => void) => () => void;
  channel: Channel;
  view: SpotView;
  /** The class (or school) the page belongs to: the record is kept per class, view and day. */
  scopeId: string;
  /**
   * The class's name as the page shows it now, read under this class's address (core/page-state.ts): after a
   * class switch whose feed comes late, the name becomes known after the check opened, and is shown then.
   */
  className?: string;
  /**
   * lib/spot-check/scan.ts's `scanPost`, from the content script: its checker has the word lists installed
   * (lib/rules/lexicon.ts), which a second copy of the rules here would not.
   */
  scan: typeof scanPost;
  /**
   * Which class each post or message on the page was first seen under: kept by the content script, which
   * claims the feed for the class the address named whenever the address moves to another class, so a check
   * turned on mid-switch leaves the old class's feed alone until the page replaces it (lib/spot-check/scope.ts).
   */
  owners: Ownership<HTMLElement>;
}

/**
 * The senior leader's spot-check of a story feed or a conversation: every post (or staff message) checked
 * in audit mode, each finding outlined where it is, a badge on each post, a summary with an outcome for
 * each finding, and the record kept by the background. Only items not seen before are scanned, in time
 * slices that yield between them, so a long feed never stalls scrolling. ClassDojo's own DOM is never
 * changed: the marks are drawn in our shadow root, over the page.
 */
export function SpotCheck(props: SpotCheckProps) {
  const kind: FeedKind = props.view === 'messaging' ? 'messages' : 'story';
  const marked = useRef(new Map<HTMLElement, Marked>());
  const layer = useRef<HTMLDivElement>(null);
  const noteFocusTaken = useNoteFocusKeeper(layer);
  const marks = useRef<HTMLDivElement>(null);
  useScrolledWith(marks);
  const busyMs = useRef(0);
  const longestSlice = useRef(0);
  const [version, setVersion] = useState(0);
  const [record, setRecord] = useState<SpotRecord | null>(null);
  const [storeError, setStoreError] = useState(false);
  /** The background dropped the oldest entries to keep the record within its caps: the leader is told. */
  const [trimmed, setTrimmed] = useState(false);
  /**
   * The page shows only posts another class's check claimed (a class switch whose feed is still loading):
   * the overlay says it is waiting for this class's feed, not that the page has no posts.
   */
  const [waiting, setWaiting] = useState(false);
  /** The class's name as the background knows it, until the record (which carries it) is written. */
  const [knownName, setKnownName] = useState<string | undefined>();
  /** Other classes' names: a class sharing its name with one of them is named with its id too. */
  const [otherNames, setOtherNames] = useState<string[]>([]);
  const scanning = useRef(false);
  const keepSnippets = useRef(false);
  const tz = props.guard.context().policy?.timeZone ?? 'Europe/London';
  const scope: SpotScope = { classId: props.scopeId, view: props.view, date: localDate(new Date(), tz) };

  /** Sends a request about the record; a failure (storage full or gone) is shown, never thrown. */
  const store = async (request: Parameters<typeof ask>[1]): Promise<void> => {
    const answer = await ask<SpotWriteResponse>(props.ctx, request);
    if (answer?.ok) {
      if (answer.value) setRecord(answer.value);
      if (answer.trimmed) setTrimmed(true);
      setStoreError(false);
    } else setStoreError(true);
  };

  const scannedOf = (items: Marked[]): ScannedItem[] =>
    items.map(({ parts, result }) => ({
      id: result.id,
      postAt: result.time,
      author: result.author === 'Unknown' ? undefined : result.author,
      // Hashes, not text: how the record knows the post was edited, and finds a finding whose words moved.
      sig: textHash(parts.input.text),
      findings: result.findings.map((f) => ({ rule: f.rule, start: f.start, end: f.end, match: textHash(parts.input.text.slice(f.start, f.end)), ...(keepSnippets.current ? { snippet: snippetOf(parts.input.text, f.start, f.end) } : {}) })),
    }));

  useEffect(() => {
    let stopped = false;
    // Another class (a switch in the same tab): nothing of the last one's record or name is shown for it.
    setRecord(null);
    setKnownName(undefined);
    void ask<SpotResponse>(props.ctx, { type: 'spot-load', scope }).then((answer) => {
      if (stopped) return;
      if (answer?.ok) {
        setKnownName(answer.className);
        setOtherNames(answer.otherNames ?? []);
      }
      if (answer?.ok && answer.value) {
        keepSnippets.current = answer.value.keepSnippets;
        setRecord(answer.value);
      } else if (!answer?.ok) setStoreError(true);
    });
    const scanNew = () => {
      if (stopped) return;
      // The address has moved to another class (ClassDojo switches classes in the same tab): this check is
      // about to close and the next one opens; nothing on the page now is this class's to record.
      if (spotScopeId(parseDojoLocation(location.href)) !== props.scopeId) return;
      // Posts the previous class's check claimed and the page has not replaced yet are not this class's;
      // claimed before `scanning` is tested, so every post shown under this address is claimed at once.
      const shown = findFeedItems(document, kind).map((el) => ({ el, sig: feedItemSignature(el, kind) }));
      const sigOf = new Map(shown.map(({ el, sig }) => [el, sig]));
      const items = props.owners.claim(props.scopeId, shown);
      setWaiting(shown.length > 0 && items.length === 0);
      if (scanning.current) return;
      const { policy, roster, calendar } = props.guard.context();
      if (!policy) return;
      const audit = auditPolicy(policy);
      for (const el of [...marked.current.keys()]) if (!el.isConnected) marked.current.delete(el);
      // Only new items, and items whose text changed (a post edited after publishing, in place), are read and
      // scanned: a mutation elsewhere on the page costs one query and a textContent per post.
      const todo = items.filter((el) => {
        const m = marked.current.get(el);
        return !m || m.sig !== sigOf.get(el);
      });
      if (todo.length === 0) return setVersion((v) => v + 1); // positions may have moved
      scanning.current = true;
      const batch: Marked[] = [];
      const slice = (from: number) => {
        if (stopped) return;
        const t0 = performance.now();
        let i = from;
        while (i < todo.length && (i === from || performance.now() - t0 < SLICE_MS)) {
          const parts = readFeedItem(todo[i]!, kind);
          const m = { parts, result: props.scan(parts.input, props.channel, { policy: audit, roster, calendar }), sig: feedItemSignature(parts.post, kind) };
          marked.current.set(parts.post, m);
          batch.push(m);
          i++;
        }
        const spent = performance.now() - t0;
        busyMs.current += spent;
        longestSlice.current = Math.max(longestSlice.current, spent);
        if (i < todo.length) setTimeout(() => slice(i), 0);
        else {
          scanning.current = false;
          setVersion((v) => v + 1);
          void store({ type: 'spot-scan', scope, items: scannedOf(batch) });
          scanNew(); // anything that arrived while we were busy
        }
      };
      slice(0);
    };
    scanNew();
    const unsubscribe = props.subscribe(scanNew);
    window.addEventListener('resize', scanNew);
    return () => {
      stopped = true;
      unsubscribe();
      window.removeEventListener('resize', scanNew);
    };
  }, [props.channel, props.scopeId]);

  const results = [...marked.current.values()].filter((m) => m.parts.post.isConnected);
  // Read once for this render: finding them walks the feed's siblings (lib/dojo/page.ts `sideColumnRects`).
  const columns = pageSideColumns(document);
  const dock = dockFor(layer.current, columns);
  // The leader's decisions so far: a finding ruled "No issue" is no longer something to look at (record.ts
  // `toLookAt`), in the counts, the tab and each post's badge, as in the history and the chart.
  const ruled = ruledOutcomes(record);
  const summary = summarise(results.map((m) => m.result), ruled);
  // Only posts with findings are measured: layout reads for 500 clean posts on every change would add up.
  const flagged = results.filter((m) => m.result.findings.length > 0);
  const stale = placeMarks(flagged, ruled, columns, layer.current, performance.now() + SLICE_MS);
  const boxes = flagged.flatMap((m) => m.drawn?.boxes ?? []);
  const recorded = new Map(record?.findings.map((f) => [f.key, f]) ?? []);
  // One row per post and rule, as recorded: "diagnosed … ADHD" is one finding, one decision.
  const rows: SpotRow[] = flagged.flatMap((m) => {
    const { parts, result } = m;
    m.groups ??= findingsByRule(result.findings).map(({ rule, spans }) => ({ rule, excerpt: excerptOf(parts.input.text, spans) }));
    return m.groups.map(({ rule, excerpt }) => {
      const key = findingKey(result.id, { rule });
      const r = recorded.get(key);
      return {
        key,
        rule,
        author: result.author,
        time: result.time,
        excerpt,
        outcome: r?.outcome,
        note: r?.note,
        edited: r?.edited,
        show: () => showPost(parts.post, layer.current),
      };
    });
  });
  // Findings this check recorded that an edit took out of a post on the page: listed apart, with their
  // decision (the history and the exports count them the same way: lib/spot-check/record.ts `totals`).
  const onPage = new Map(results.map((m) => [m.result.id, m]));
  const removed: SpotRow[] = (record?.findings ?? [])
    .filter((f) => f.gone && onPage.has(f.itemId))
    .map((f) => {
      const m = onPage.get(f.itemId);
      return { key: f.key, rule: f.rule, author: f.author ?? m?.result.author ?? '', time: f.postAt, outcome: f.outcome, note: f.note, edited: true, removed: true, show: () => m && showPost(m.parts.post, layer.current) };
    });
  void version;

  // Posts whose marks could not be measured within this render's slice (a long feed's first scan, or every
  // post moved): measured in later slices, each yielding to the page, then drawn.
  useEffect(() => {
    if (!stale) return;
    const timer = setTimeout(() => setVersion((v) => v + 1), 0);
    return () => clearTimeout(timer);
  });

  // No file is made here: a blob URL made in ClassDojo's page is the page's (its Navigation API sees the
  // download, can fetch the file and cancel it: probe 14d #2). The background opens the options page at this
  // check's record, where its CSV and JSON are made, out of the page's sight.
  const openExports = async (): Promise<boolean> => {
    const answer = await ask<Response<true>>(props.ctx, { type: 'open-options', section: 'spot-history', scope });
    return answer?.ok === true;
  };

  return (
    <>
      <div class="pg-layer" aria-hidden="true" ref={layer}>
        {/* One clear sheet over the whole window while the check is on: the page's IntersectionObserver v2
            then finds every post and word covered alike, not just the ones outlined (which would tell it
            which posts name a pupil without consent or in care). */}
        <div class="pg-veil" />
        <div class="pg-marks" ref={marks}>
        {boxes.map((b) =>
          b.label !== undefined ? (
            <div key={b.key} class="pg-post-badge" data-policy-guard="post-badge" data-post-id={b.postId} style={{ left: `${b.left}px`, top: `${b.top}px` }}>
              {b.label}
            </div>
          ) : (
            <div key={b.key} class={b.words ? 'pg-outline pg-words' : 'pg-outline'} data-rule={b.rule} data-post-id={b.postId} data-cleared={b.cleared ? '' : undefined} style={{ left: `${b.left}px`, top: `${b.top}px`, width: `${b.width}px`, height: `${b.height}px` }} />
          ),
        )}
        </div>
      </div>
      <SpotSummary
        dock={dock}
        kind={kind}
        unreadable={results.filter((m) => !m.parts.body).length}
        summary={summary}
        rows={rows}
        removed={removed}
        className={props.className ?? record?.className ?? knownName}
        otherNames={otherNames}
        scopeId={props.scopeId}
        waiting={waiting && results.length === 0}
        timeZone={tz}
        scanMs={busyMs.current}
        longestSliceMs={longestSlice.current}
        keepSnippets={record?.keepSnippets ?? false}
        storeError={storeError}
        noteFocusTaken={noteFocusTaken}
        trimmed={trimmed}
        onOutcome={(key: string, outcome: Outcome | undefined) => void store({ type: 'spot-outcome', scope, key, outcome })}
        noteFrame={(key: string) => `${noteFramePage}#${encodeURIComponent(JSON.stringify({ scope, key }))}`}
        onKeepSnippets={(keep: boolean) => {
          keepSnippets.current = keep;
          void store({ type: 'spot-snippets', scope, keep }).then(() => {
            if (keep) return store({ type: 'spot-scan', scope, items: scannedOf(results) });
          });
        }}
        onExport={openExports}
      />
    </>
  );
}

/**
 * Where the summary docks (lib/ui/spot-dock.ts): beside the column of what is read (lib/dojo/page.ts
 * readingRects: posts, every message, the thread's header), clear of the guidance panel
 * or its badge in the same shadow root.
 */
function dockFor(layer: HTMLElement | null, sideColumns: ViewRect[]): SpotDock {
  const viewport = { width: document.documentElement.clientWidth || window.innerWidth, height: document.documentElement.clientHeight || window.innerHeight };
  let left = Infinity;
  let right = -Infinity;
  // The message box is in the same column as the posts or messages (ClassDojo's layout): they are enough.
  // With no post in view (the composer fills a zoomed window), the posts below it: the feed is one column, and
  // a summary placed without it folded over the first words once the page scrolled (probe 20g, 200% zoom).
  const rects = readingRects(document, viewport.height, false);
  for (const r of rects.length ? rects : readingRects(document, Infinity, false)) {
    if (r.width === 0) continue;
    left = Math.min(left, r.left);
    right = Math.max(right, r.left + r.width);
  }
  // A three-column page's side column (class info, upcoming events) is content, never a margin to dock in.
  const columns = sideColumns.map((r) => ({ left: r.left, right: r.left + r.width }));
  const root = layer?.getRootNode();
  const panel = root instanceof ShadowRoot ? root.querySelector<HTMLElement>('.pg-panel:not(.pg-panel-docked), .pg-tab, .pg-dock-badge')?.getBoundingClientRect() : undefined;
  return dockSpot({ viewport, feed: Number.isFinite(left) ? { left, right } : undefined, columns, panel: panel && panel.width > 0 ? panel : undefined });
}

/**
 * The guidance panel (or its tab or badge), in the same shadow root, as a column the whole page's height
 * (viewport CSS px): it is position: fixed, so a badge placed clear of where it is now would go under it once
 * the page scrolled. Empty when it is not drawn.
 */
function panelColumn(layer: HTMLElement | null): ViewRect[] {
  const root = layer?.getRootNode();
  const r = root instanceof ShadowRoot ? root.querySelector<HTMLElement>('.pg-panel:not(.pg-panel-docked), .pg-tab, .pg-dock-badge')?.getBoundingClientRect() : undefined;
  return r && r.width > 0 ? [{ left: r.left, top: -1e6, width: r.width, height: 2e6 }] : [];
}

/**
 * "Show": scrolls `post` into the part of the window the summary does not cover. The summary opened from its
 * tab lies over the feed (at 1024×700 its bottom half): a post centred in the window was under it (probe 20g).
 * The post goes in the taller band above or below the summary (under ClassDojo's header), centred there when it
 * fits, else its top (header and first lines) at the band's top. Whatever element scrolls the feed.
 * Returns false when that band is too short for the post's header and first line (under 120 CSS px: a short
 * window, 200% zoom), after scrolling as if the summary were not there: the summary then folds to its tab
 * (probe 20p: at 200% zoom in a 1280×800 window, "Show" put every post under the opened summary).
 */
function showPost(post: HTMLElement, layer: HTMLElement | null): boolean {
  post.scrollIntoView({ block: 'center' });
  const root = layer?.getRootNode();
  const box = root instanceof ShadowRoot ? root.querySelector<HTMLElement>('[data-policy-guard="spot-check"]')?.getBoundingClientRect() : undefined;
  const p = post.getBoundingClientRect();
  const height = document.documentElement.clientHeight || window.innerHeight;
  let top = 68;
  let bottom = height;
  if (box && box.width > 0 && box.left < p.right && p.left < box.right && box.top < height && box.bottom > 0) {
    if (box.top - top >= height - box.bottom) bottom = box.top;
    else top = box.bottom;
  }
  const fits = bottom - top >= Math.min(p.height + 16, 120);
  if (!fits) {
    top = 68;
    bottom = height;
  }
  const room = bottom - top;
  const delta = p.top - (p.height + 16 <= room ? top + (room - p.height) / 2 : top + 8);
  if (Math.abs(delta) < 1) return fits;
  // The nearest ancestor that scrolls (ClassDojo may scroll an inner element), else the window.
  let scroller: HTMLElement | null = post.parentElement;
  while (scroller && !(scroller.scrollHeight > scroller.clientHeight && /auto|scroll/.test(getComputedStyle(scroller).overflowY))) scroller = scroller.parentElement;
  if (scroller) scroller.scrollTop += delta;
  else window.scrollBy(0, delta);
  return fits;
}

/** The line boxes of an element's own text (viewport CSS px): what a badge on it must not cover. */
function textRects(el: HTMLElement): DOMRect[] {
  const out: DOMRect[] = [];
  const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
  const range = document.createRange();
  for (let n = walker.nextNode(), i = 0; n && i < 400; n = walker.nextNode(), i++) {
    if (!/\S/.test(n.nodeValue ?? '')) continue;
    range.selectNodeContents(n);
    out.push(...range.getClientRects());
  }
  return out;
}

/** A short piece of the post around a finding, for a record that keeps snippets (the leader's choice). */
function snippetOf(text: string, start: number, end: number): string {
  if (end <= start) return text.slice(0, 80);
  const from = Math.max(0, start - 20);
  return text.slice(from, Math.min(text.length, from + 80));
}

/**
 * How far above and below a post's top a badge may be tried (CSS px): lib/ui/post-badge.ts tries spots from a
 * badge's height (20 px) and 2 px above the top to two heights and 8 px below it; kept wider.
 */
const BADGE_REACH = { above: 64, below: 96 };
/** Rectangles taller than this (CSS px: a side column, the panel's column) are near every post. */
const TALL = 4096;
const BAND = 128;

/**
 * Which of `rects` (viewport CSS px) lie within a badge's reach of a post's top (`BADGE_REACH`): a lookup by
 * bands of the page's height, so placing n badges costs n lookups, not n × n comparisons. What a badge may
 * cover depends on these alone (lib/ui/post-badge.ts measures overlap with the spots it tries).
 */
function nearby(rects: ViewRect[]): (post: ViewRect) => ViewRect[] {
  const tall: ViewRect[] = [];
  const bands = new Map<number, ViewRect[]>();
  for (const r of rects) {
    if (r.height > TALL) {
      tall.push(r);
      continue;
    }
    for (let b = Math.floor(r.top / BAND); b <= Math.floor((r.top + r.height) / BAND); b++) {
      const list = bands.get(b);
      if (list) list.push(r);
      else bands.set(b, [r]);
    }
  }
  return (post) => {
    const top = post.top - BADGE_REACH.above;
    const bottom = post.top + BADGE_REACH.below;
    const out = new Set(tall);
    for (let b = Math.floor(top / BAND); b <= Math.floor(bottom / BAND); b++) for (const r of bands.get(b) ?? []) if (r.top < bottom && r.top + r.height > top) out.add(r);
    return [...out];
  };
}

/**
 * Measures the badge and outlines (`Marked.drawn`) of each flagged post whose layout changed since they were
 * last measured, until `deadline` (performance.now() ms), at least one post a call. Returns true when some
 * were left for a later slice. A post's marks are measured again only when its box (page coordinates), the
 * content a badge may not cover near it, the window's width or the leader's decisions on it changed: a feed
 * growing below costs the new posts, not every post again (probe 17 R4: each load was one task over the
 * whole feed). What a badge may not cover outside its post: the other flagged posts, the page's side
 * columns, and the guidance panel's column (probe 20p: beside a class chat's messages at 1280 px each badge
 * was under it).
 */
function placeMarks(flagged: Marked[], ruled: ReadonlyMap<string, Outcome>, columns: ViewRect[], layer: HTMLElement | null, deadline: number): boolean {
  if (flagged.length === 0) return false;
  const rects = flagged.map((m) => m.parts.post.getBoundingClientRect());
  const near = nearby([...rects, ...columns, ...panelColumn(layer)]);
  const sx = window.scrollX;
  const sy = window.scrollY;
  const width = document.documentElement.clientWidth || window.innerWidth;
  const at = (r: ViewRect) => `${r.left + sx},${r.top + sy},${r.width},${r.height}`;
  let measured = 0;
  let left = false;
  flagged.forEach((m, i) => {
    const post = rects[i]!;
    const avoid = near(post).filter((r) => r.top !== post.top || r.left !== post.left);
    const decided = m.result.findings.map((f) => (toLookAt({ outcome: ruled.get(findingKey(m.result.id, { rule: f.rule })) }) ? 1 : 0)).join('');
    const key = `${width}|${decided}|${at(post)}|${avoid.map(at).join(';')}`;
    if (m.drawn?.key === key) return;
    if (measured > 0 && performance.now() > deadline) {
      left = true;
      return;
    }
    m.drawn = { key, boxes: boxesFor(m, ruled, avoid, post) };
    measured++;
  });
  return left;
}

/** Where to draw a post's badge and its findings' outlines, in page coordinates. */
function boxesFor({ parts, result }: Marked, ruled: ReadonlyMap<string, Outcome>, avoid: ViewRect[], post: DOMRect): Box[] {
  const sx = window.scrollX;
  const sy = window.scrollY;
  // Around a whole element (a photo, a time stamp, a post): 2 px clear of it on every side.
  const toBox = (r: DOMRect, key: string, rule: string): Box => ({ key, rule, postId: result.id, left: r.left + sx - 2, top: r.top + sy - 2, width: r.width + 4, height: r.height + 4 });
  // Around words: exactly their width (a wider box takes in the comma or full stop after a name), 2 px above and below.
  const toWords = (r: DOMRect, key: string, rule: string): Box => ({ key, rule, postId: result.id, left: r.left + sx, top: r.top + sy - 1, width: r.width, height: r.height + 3, words: true });
  const boxes: Box[] = [];
  // The badge counts the post's findings still to look at; one ruled "No issue" keeps a muted outline only.
  const live = (rule: string) => toLookAt({ outcome: ruled.get(findingKey(result.id, { rule })) });
  const toLook = new Set(result.findings.map((f) => f.rule).filter(live)).size;
  if (toLook) {
    // Where it covers none of the post's words, its header's name, class and time included, in either
    // direction (lib/ui/post-badge.ts); its size from its label (bold 12 px, 8 px padding each side).
    const label = t('spotBadge', String(toLook));
    const at = placePostBadge({
      viewport: { width: document.documentElement.clientWidth || window.innerWidth, height: document.documentElement.clientHeight || window.innerHeight },
      post,
      text: textRects(parts.post),
      avoid,
      badge: { width: Math.ceil(16 + 7.5 * label.length), height: 20 },
      rtl: getComputedStyle(parts.post).direction === 'rtl',
    });
    boxes.push({ key: `${result.id}:badge`, postId: result.id, label, left: at.left + sx, top: at.top + sy, width: 0, height: 0 });
  }
  result.findings.forEach((f, i) => {
    const key = `${result.id}:${i}`;
    const at = boxes.length;
    if (f.end > f.start && parts.body) {
      const range = readTextModel(parts.body).range(f.start, f.end);
      for (const [j, r] of [...(range?.getClientRects() ?? [])].entries()) if (r.width > 0) boxes.push(toWords(r, `${key}:${j}`, f.rule));
    } else {
      // Findings about the whole post: the time stamp for hours, the photo for consent, else the post.
      const target = f.rule === 'out-of-hours' ? parts.time : f.rule === 'photo-consent' ? parts.media[0] : undefined;
      boxes.push(toBox((target ?? parts.post).getBoundingClientRect(), key, f.rule));
    }
    if (!live(f.rule)) for (const b of boxes.slice(at)) b.cleared = true;
  });
  return boxes;
}
