import { useEffect, useRef, useState } from 'preact/hooks';
import { formatWhen } from '../../lib/calendar/hours';
import { findStoryPosts, readStoryPost, type StoryPostElements } from '../../lib/dojo/page';
import { t } from '../../lib/ext/i18n';
import type { Channel } from '../../lib/policy/schema';
import { auditPolicy, scanPost, summarise, type PostResult } from '../../lib/spot-check/scan';
import { rangeForOffsets, type Guard } from './guard';

const CHUNK = 100;

interface Marked {
  parts: StoryPostElements;
  result: PostResult;
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
}

/**
 * The senior leader's spot-check of a story page: every post checked in audit mode, each finding outlined
 * where it is, a badge on each post, and a summary. Only posts not seen before are scanned, in chunks that
 * yield between them, so a long feed never stalls scrolling. ClassDojo's own DOM is never changed: the
 * marks are drawn in our shadow root, over the page.
 */
export function SpotCheck(props: { guard: Guard; subscribe: (cb: () => void) => () => void; channel: Channel }) {
  const marked = useRef(new Map<HTMLElement, Marked>());
  const busyMs = useRef(0);
  const [version, setVersion] = useState(0);
  const scanning = useRef(false);

  useEffect(() => {
    let stopped = false;
    const scanNew = () => {
      if (scanning.current || stopped) return;
      const { policy, roster, calendar } = props.guard.context();
      if (!policy) return;
      const audit = auditPolicy(policy);
      for (const el of [...marked.current.keys()]) if (!el.isConnected) marked.current.delete(el);
      // Only new posts are read and scanned: a mutation elsewhere on the page costs one query.
      const todo = findStoryPosts(document)
        .map((post, i) => [post, i] as const)
        .filter(([post]) => !marked.current.has(post))
        .map(([post, i]) => readStoryPost(post, i));
      if (todo.length === 0) return setVersion((v) => v + 1); // positions may have moved
      scanning.current = true;
      const slice = (from: number) => {
        if (stopped) return;
        const t0 = performance.now();
        for (const parts of todo.slice(from, from + CHUNK)) {
          marked.current.set(parts.post, { parts, result: scanPost(parts.input, props.channel, { policy: audit, roster, calendar }) });
        }
        busyMs.current += performance.now() - t0;
        if (from + CHUNK < todo.length) setTimeout(() => slice(from + CHUNK), 0);
        else {
          scanning.current = false;
          setVersion((v) => v + 1);
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
  }, [props.channel]);

  const results = [...marked.current.values()].filter((m) => m.parts.post.isConnected);
  const summary = summarise(results.map((m) => m.result));
  // Only posts with findings are measured: layout reads for 500 clean posts on every change would add up.
  const boxes = results.filter((m) => m.result.findings.length > 0).flatMap((m) => boxesFor(m));
  const tz = props.guard.context().policy?.timeZone ?? 'Europe/London';
  void version;

  return (
    <>
      <div class="pg-layer" aria-hidden="true">
        {boxes.map((b) =>
          b.label !== undefined ? (
            <div key={b.key} class="pg-post-badge" data-policy-guard="post-badge" data-post-id={b.postId} style={{ left: `${b.left}px`, top: `${b.top}px` }}>
              {b.label}
            </div>
          ) : (
            <div key={b.key} class="pg-outline" data-rule={b.rule} data-post-id={b.postId} style={{ left: `${b.left}px`, top: `${b.top}px`, width: `${b.width}px`, height: `${b.height}px` }} />
          ),
        )}
      </div>
      <section
        class="pg-spot"
        aria-label={t('spotTitle')}
        data-policy-guard="spot-check"
        data-posts={String(summary.posts)}
        data-flagged={String(summary.withFindings)}
        data-scan-ms={busyMs.current.toFixed(1)}
      >
        <h2 class="pg-title">{t('spotTitle')}</h2>
        {summary.posts === 0 ? (
          <p class="pg-muted">{t('spotNone')}</p>
        ) : (
          <>
            <p class="pg-line">{t('spotPosts', [String(summary.posts), String(summary.withFindings)])}</p>
            {summary.oldest && summary.newest && <p class="pg-muted">{t('spotRange', [formatWhen(new Date(summary.oldest), tz), formatWhen(new Date(summary.newest), tz)])}</p>}
            <h3 class="pg-subtitle">{t('spotByRule')}</h3>
            <ul class="pg-counts" data-policy-guard="by-rule">
              {Object.entries(summary.byRule).map(([rule, n]) => (
                <li key={rule} data-rule={rule} data-count={n}>
                  {rule}: {n}
                </li>
              ))}
            </ul>
            <h3 class="pg-subtitle">{t('spotByAuthor')}</h3>
            <ul class="pg-counts" data-policy-guard="by-author">
              {Object.entries(summary.byAuthor).map(([author, n]) => (
                <li key={author}>
                  {author}: {n}
                </li>
              ))}
            </ul>
            <p class="pg-muted">{t('spotLoadMore')}</p>
          </>
        )}
      </section>
    </>
  );
}

/** Where to draw a post's badge and its findings' outlines, in page coordinates. */
function boxesFor({ parts, result }: Marked): Box[] {
  const sx = window.scrollX;
  const sy = window.scrollY;
  const toBox = (r: DOMRect, key: string, rule: string): Box => ({ key, rule, postId: result.id, left: r.left + sx - 2, top: r.top + sy - 2, width: r.width + 4, height: r.height + 4 });
  const post = parts.post.getBoundingClientRect();
  const boxes: Box[] = [];
  if (result.findings.length) {
    boxes.push({ key: `${result.id}:badge`, postId: result.id, label: t('spotBadge', String(result.findings.length)), left: post.right + sx - 120, top: post.top + sy + 6, width: 0, height: 0 });
  }
  result.findings.forEach((f, i) => {
    const key = `${result.id}:${i}`;
    if (f.end > f.start && parts.body) {
      const range = rangeForOffsets(parts.body, f.start, f.end);
      for (const [j, r] of [...(range?.getClientRects() ?? [])].entries()) boxes.push(toBox(r, `${key}:${j}`, f.rule));
    } else {
      // Findings about the whole post: the time stamp for hours, the photo for consent, else the post.
      const target = f.rule === 'out-of-hours' ? parts.time : f.rule === 'photo-consent' ? parts.media[0] : undefined;
      boxes.push(toBox((target ?? parts.post).getBoundingClientRect(), key, f.rule));
    }
  });
  return boxes;
}
