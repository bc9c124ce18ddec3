/**
 * What of ClassDojo's feed is under Policy Guard's UI, read from the page as a person sees it: shared by the
 * leaders' tests (leaders.e2e.ts, probe20p.e2e.ts) and anything else that asks "does our overlay cover a post?".
 * Each probe measures words with `Range.getClientRects` and asks `document.elementFromPoint` at the word's
 * left edge, middle and right edge; Policy Guard's own element there is found through the closed root's
 * `elementFromPoint` (the harness unseals it for tests only, as `window.__pgRoot`).
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/**
 * For every post whose first word is in view: is that word what the page shows at its left edge, middle and
 * right edge, and if not, which of Policy Guard's elements is there. Posts and calendar events are found by
 * the fixture's markup; the word is the first of the post's richText or event title. Evaluated as a string
 * (it runs in the page). Returns `{ seen: string[] (post ids), covered: {post, word, x, y, hit, ours}[] }`.
 */
const FIRST_WORDS = `(() => {
  const root = window.__pgRoot('policy-guard-ui');
  const seen = [];
  const covered = [];
  for (const card of document.querySelectorAll('[data-name="storyFeed"] > .card')) {
    const body = card.querySelector('.event-title') || card.querySelector('[data-name="richText"]');
    if (!body) continue;
    const walker = document.createTreeWalker(body, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode()) && !/\\S/.test(node.data));
    if (!node) continue;
    const m = /\\S+/.exec(node.data);
    const range = document.createRange();
    range.setStart(node, m.index);
    range.setEnd(node, m.index + m[0].length);
    const r = range.getClientRects()[0];
    if (!r || r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) continue;
    const id = card.querySelector('[data-post-id]')?.getAttribute('data-post-id') || body.textContent.slice(0, 20);
    seen.push(id);
    for (const x of [r.left + 1, r.left + r.width / 2, r.right - 1]) {
      const y = r.top + r.height / 2;
      const hit = document.elementFromPoint(x, y);
      if (hit && body.contains(hit)) continue;
      const ours = root && root.elementFromPoint(x, y);
      covered.push({ post: id, word: m[0], x: Math.round(x), y: Math.round(y), hit: hit ? hit.localName : null, ours: ours ? (ours.getAttribute('class') || ours.localName) : null });
    }
  }
  return { seen, covered };
})()`;

/**
 * Scrolls the whole feed through the window (steps of 60% of its height, two frames at each stop so the overlay
 * re-measures) and gathers FIRST_WORDS at every stop. Returns the distinct posts seen and every covered word,
 * each with `scrolledTo` (px). Leaves the page scrolled to the top.
 */
export async function firstWordsCovered(page: Page): Promise<{ seen: Set<string>; covered: unknown[] }> {
  const seen = new Set<string>();
  const covered: unknown[] = [];
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  const step = await page.evaluate(() => Math.floor(innerHeight * 0.6));
  for (let y = 0; y <= height; y += step) {
    await page.evaluate(`window.scrollTo(0, ${y})`);
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
    const now = (await page.evaluate(FIRST_WORDS)) as { seen: string[]; covered: unknown[] };
    now.seen.forEach((id) => seen.add(id));
    covered.push(...now.covered.map((c) => ({ ...(c as object), scrolledTo: y })));
  }
  await page.evaluate('window.scrollTo(0, 0)');
  return { seen, covered };
}

/**
 * The words in view of the post (or event) that Policy Guard outlines for item `id` (the overlay's own id for it,
 * on its outlines) that Policy Guard's UI covers. Pass to `page.evaluate(POST_WORDS_UNDER_US, id)`; returns
 * `{ probed: number of words in view, covered: string[] }` (probed 0 when no outline or post was found).
 */
export const POST_WORDS_UNDER_US = (id: string) => {
  const root = (window as unknown as { __pgRoot(name: string): ShadowRoot }).__pgRoot('policy-guard-ui');
  const outline = root.querySelector(`.pg-outline[data-post-id="${CSS.escape(id)}"]`)?.getBoundingClientRect();
  const post = outline && document.elementsFromPoint(outline.left + outline.width / 2, outline.top + outline.height / 2).map((e) => e.closest('[data-name="storyFeed"] > *')).find((e) => !!e);
  const covered: string[] = [];
  let probed = 0;
  if (!post) return { probed, covered };
  const walker = document.createTreeWalker(post, NodeFilter.SHOW_TEXT);
  for (let n = walker.nextNode(); n; n = walker.nextNode()) {
    const re = /\S+/g;
    for (let m = re.exec(n.nodeValue ?? ''); m; m = re.exec(n.nodeValue ?? '')) {
      const range = document.createRange();
      range.setStart(n, m.index);
      range.setEnd(n, m.index + m[0].length);
      const r = range.getClientRects()[0];
      if (!r || r.width === 0 || r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) continue;
      probed++;
      const hit = [r.left + 1, r.left + r.width / 2, r.right - 1].map((x) => document.elementFromPoint(x, r.top + r.height / 2));
      if (hit.some((e) => e?.localName === 'policy-guard-ui')) covered.push(m[0]);
    }
  }
  return { probed, covered };
};

/**
 * What a download started by `click` saved: its suggested file name, its bytes (a BOM included) and its text
 * (UTF-8, the BOM kept, so a test can assert it).
 */
export async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer; text: string }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const bytes = readFileSync((await download.path())!);
  return { name: download.suggestedFilename(), bytes, text: bytes.toString('utf8') };
}
