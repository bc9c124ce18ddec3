/**
 * What Policy Guard's own UI covers of what a person reads or types into (issue 20, second probe): every
 * word of every post, event, message and thread header in view (three points on each line box of each word:
 * its left, middle and right), and 15 points over the message box and the Post/Send button. A point is
 * covered when document.elementFromPoint lands on one of Policy Guard's hosts rather than the page; the
 * closed root's own elementFromPoint (through tests/e2e/unseal.ts) then names which of our elements it is.
 * Outlines and post badges that let clicks through (pointer-events: none) are not "covering".
 *
 * No vitest here: the demo (scripts/demo-scenarios.ts) may use it under plain tsx.
 */
import type { Page } from 'playwright-core';

export interface Covered {
  what: 'word' | 'box';
  text: string;
  x: number;
  y: number;
  ours: string | null;
}

export interface Coverage {
  /** Word line boxes checked in view. */
  words: number;
  /** Message boxes and Post/Send buttons checked in view. */
  controls: number;
  covered: Covered[];
}

const CHECK = `(() => {
  const hostOf = (el) => el && el.closest('policy-guard-ui, policy-guard-gate, policy-guard-reload, [data-wxt-shadow-root]');
  const nameOurs = (host, x, y) => {
    const root = [...(window.__pgRoots || [])].find((r) => r.host === host);
    const e = root && root.elementFromPoint(x, y);
    return e ? (e.getAttribute('data-policy-guard') || e.getAttribute('class') || e.localName) : host.localName;
  };
  const covered = [];
  let words = 0;
  let controls = 0;
  const readable = document.querySelectorAll('[data-name="storyFeed"] > .card, [data-name="messageBubble"], [data-name="messageThreadHeader"]');
  for (const block of readable) {
    const b = block.getBoundingClientRect();
    if (b.bottom < 0 || b.top > innerHeight) continue;
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    let node;
    while ((node = walker.nextNode())) {
      if (node.parentElement && node.parentElement.closest('button, a[role="button"]') && !/sign up/i.test(node.data)) continue;
      const re = /\\S+/g;
      let m;
      while ((m = re.exec(node.data))) {
        const range = document.createRange();
        range.setStart(node, m.index);
        range.setEnd(node, m.index + m[0].length);
        for (const r of range.getClientRects()) {
          if (r.width < 2 || r.top < 0 || r.bottom > innerHeight || r.left < 0 || r.right > innerWidth) continue;
          words++;
          for (const x of [r.left + 1, r.left + r.width / 2, r.right - 1]) {
            const y = r.top + r.height / 2;
            const host = hostOf(document.elementFromPoint(x, y));
            if (!host) continue;
            covered.push({ what: 'word', text: m[0], x: Math.round(x), y: Math.round(y), ours: nameOurs(host, x, y) });
            break;
          }
        }
      }
    }
  }
  const boxes = document.querySelectorAll('[data-name="storyComposerTextarea"], [data-name="messageComposer"] textarea, [data-name="storyComposerPostButton"], [data-name="messageComposerSendButton"]');
  for (const el of boxes) {
    const r = el.getBoundingClientRect();
    if (r.width === 0 || r.bottom < 0 || r.top > innerHeight) continue;
    controls++;
    for (const fx of [0.02, 0.25, 0.5, 0.75, 0.98]) for (const fy of [0.2, 0.5, 0.8]) {
      const x = r.left + r.width * fx;
      const y = r.top + r.height * fy;
      if (x < 0 || y < 0 || x >= innerWidth || y >= innerHeight) continue;
      const host = hostOf(document.elementFromPoint(x, y));
      if (host) covered.push({ what: 'box', text: el.getAttribute('data-name') || el.localName, x: Math.round(x), y: Math.round(y), ours: nameOurs(host, x, y) });
    }
  }
  return { words, controls, covered };
})()`;

/** What our UI covers of the page as it is now scrolled. */
export async function coverage(page: Page): Promise<Coverage> {
  return (await page.evaluate(CHECK)) as Coverage;
}

/**
 * Scrolls the whole page through the window (60% of its height a step), waiting two frames at each stop for
 * our UI to re-place itself, and returns what was covered at each stop (empty arrays are good) and how many
 * words and controls were checked in all.
 */
export async function coverageWhileScrolling(page: Page): Promise<{ stops: { y: number; covered: Covered[] }[]; words: number; controls: number }> {
  const height = (await page.evaluate('document.documentElement.scrollHeight')) as number;
  const step = (await page.evaluate('Math.floor(innerHeight * 0.6)')) as number;
  const stops: { y: number; covered: Covered[] }[] = [];
  let words = 0;
  let controls = 0;
  for (let y = 0; y <= height; y += step) {
    await page.evaluate(`window.scrollTo(0, ${y})`);
    await page.evaluate('new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(r, 50))))');
    const now = await coverage(page);
    words += now.words;
    controls += now.controls;
    stops.push({ y, covered: now.covered });
  }
  await page.evaluate('window.scrollTo(0, 0)');
  return { stops, words, controls };
}
