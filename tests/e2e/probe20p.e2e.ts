/**
 * Probe 20p: issue 20 checked again as a head teacher and a teacher meet it, with inputs of the probe's own:
 * - a class ClassDojo names "Year 5 Café – Ash" (an accent, a dash) with 31 pupils, served in place of the
 *   fixture's c1 (its feed's headerSubtext, its class switcher, its student list): named in the roster
 *   picker, the chart legend, the history, the delete button and both exports, which are UTF-8 with a BOM;
 * - the audience line from the page's 31 pupil tiles, never the roster's 4;
 * - a send-anyway whose reason has a comma, quotes and a line break, and one that starts with "=": shown in
 *   the overrides view, never the draft; filtered by "To"; CSV quoted so a spreadsheet reads it whole;
 * - the spot-check at 400 px: every "Show" reachable, no first word under our UI, also with the teacher's panel
 *   showing findings at 1024×700;
 * - a post edited after a first check (served edited on the next visit) and a calendar event whose body, not
 *   title, names a pupil: both reviewed;
 * - on 5 January 2027, posts on Good Friday, Easter Monday and the summer bank holiday of 2026 flagged;
 * - outlines on the name only after a possessive, inside brackets and quotes;
 * - chart axes for a week of daily checks and a year of monthly ones: distinct labels.
 */
import { readFileSync } from 'node:fs';
import type { Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VISIBLE_FOR_MS } from '../../lib/ui/visibility';
import { c1Pupils } from './class-c1';
import { sendAnyway } from './gate';
import { TEACH, type Harness } from './harness';
import { downloaded, firstWordsCovered, POST_WORDS_UNDER_US } from './feed-words';
import { useHarness } from './use-harness';
import { windowScreenshot, zoomTo } from './zoom';

const SPOT = 'pg=[data-policy-guard="spot-check"]';
const NAME = 'Year 5 Café – Ash';
const DATA = new URL('../fixtures/data/', import.meta.url);
const feed = JSON.parse(readFileSync(new URL('storyFeed-class-c1.json', DATA), 'utf8')) as { _items: Record<string, unknown>[] };
const events = JSON.parse(readFileSync(new URL('storyFeed-class-c1-events.json', DATA), 'utf8')) as { _items: Record<string, unknown>[] };
const students = JSON.parse(readFileSync(new URL('class-c1-students.json', DATA), 'utf8')) as { name: string; _items: Record<string, unknown>[] };

/** Serves c1 as the class NAME with 31 pupils; `edit` changes a post's body (an edit made after publishing). */
async function serveAsh(h: Harness, edit?: { id: string; body: string }) {
  const renamed = (items: Record<string, unknown>[]) =>
    items.map((p) => ({ ...p, headerSubtext: NAME, ...(edit && p._id === edit.id ? { contents: { ...(p.contents as object), body: edit.body } } : {}) }));
  const extra = ['Zara', 'Kai', 'Ffion'].map((first, i) => ({ _id: `sx${i}`, firstName: first, lastName: 'Extra', positivePoints: 1, negativePoints: 0, parentConnections: [] }));
  const body = (u: URL) => {
    if (u.pathname === '/api/storyFeed' && u.searchParams.get('classId') === 'c1') return { _items: renamed(feed._items) };
    if (u.pathname === '/api/storyFeed' && u.searchParams.get('classId') === 'c1-events') {
      // The probe's own event: the body, not the title, names a pupil in full.
      return { _items: [...renamed(events._items), { ...events._items[1], _id: 'event3', headerSubtext: NAME, event: { title: 'Sports day', startsAt: '2026-12-10T09:00:00Z' }, contents: { body: 'Oliver Patel will carry the flag.', attachments: [] } }] };
    }
    if (u.pathname === '/api/dojoClass/c1/student') return { ...students, name: NAME, _items: [...students._items, ...extra] };
    return undefined;
  };
  await h.context.unroute('**/api/**').catch(() => undefined);
  await h.context.route('**/api/**', async (route: Route) => {
    const value = body(new URL(route.request().url()));
    if (value === undefined) return route.fallback();
    return route.fulfill({ status: 200, contentType: 'application/json; charset=utf-8', body: JSON.stringify(value) });
  });
}

describe('a class ClassDojo names "Year 5 Café – Ash", with 31 pupils (probe 20p)', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(true)); // 4 pupils typed in: never the audience
    await serveAsh(h);
  });

  it('the audience line counts the page’s 31 pupil tiles, not the roster’s 4', async () => {
    await h.setSpotCheck(false);
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    const audience = page.locator('pg=[data-policy-guard="audience"]');
    await expect.poll(() => audience.textContent()).toBe('Seen by every family in the class');
    await page.evaluate(() => (location.hash = '#/classes/c1/points'));
    await expect.poll(() => page.locator('[data-name="studentTile"]').count()).toBe(31);
    await page.evaluate(() => (location.hash = '#/classes/c1/story'));
    await expect.poll(() => page.locator('pg=[data-policy-guard="audience"]').textContent()).toBe('Seen by the families of 31 pupils');
    await page.close();
  });

  it('names the class as the page does in the roster picker, the legend, the history, the delete button and both exports (BOM, café intact)', async () => {
    await h.setSpotCheck(true);
    const page = await h.openDojo(`${TEACH}?events=1#/classes/c1/story`);
    const spot = page.locator(SPOT);
    await expect.poll(() => spot.getAttribute('data-posts')).toBe('12');
    await expect.poll(() => spot.textContent()).toContain(NAME);
    await h.screenshot(page, 'probe20p-ash-spot');
    await page.close();
    await h.setSpotCheck(false);

    const options = await h.openExtensionPage('options.html');
    const picker = options.locator('pg=[data-policy-guard="roster-class"]');
    await expect.poll(() => picker.locator('option[value="c1"]').textContent()).toBe(`“${NAME}”`);
    const history = options.locator('pg=[data-policy-guard="spot-history"]');
    await expect.poll(() => history.locator('[data-policy-guard="history-class"]').first().textContent()).toContain(NAME);
    expect(await history.locator('[data-policy-guard="trend-chart"] .legend').textContent()).toContain(NAME);
    expect(await history.locator('[data-policy-guard="history-delete"]').first().getAttribute('aria-label')).toBe(`Delete the spot-check of “${NAME}” on Tue 24 Nov 2026`);
    expect(await history.textContent()).not.toMatch(/\bc1\b/);
    await history.evaluate((el) => el.scrollIntoView());
    await h.screenshot(options, 'probe20p-ash-history');

    const csv = await downloaded(options, () => history.getByRole('button', { name: `Export the spot-check of “${NAME}” on Tue 24 Nov 2026 as CSV` }).click());
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString('utf8');
    expect(text).toContain(`2026-11-24,${NAME},c1,class-story,`);
    // The event's body names Oliver Patel: reviewed and exported with a readable rule name and local time.
    expect(text).toMatch(/,Europe\/London,Mr Price,Full name,full-name/);
    expect(text).not.toMatch(/\d\.\d{3}Z/);
    const json = JSON.parse((await downloaded(options, () => history.getByRole('button', { name: `Export the spot-check of “${NAME}” on Tue 24 Nov 2026 as JSON` }).click())).bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(JSON.stringify(json)).toContain(NAME);
    expect(JSON.stringify(json)).not.toMatch(/\d\.\d{3}Z/);
    await options.close();
  });

  it('a post edited after the first check is reviewed again on the next visit', async () => {
    await h.setSpotCheck(true);
    await serveAsh(h, { id: 'post1', body: 'Romans week! Jayden Smith-Walker led our assembly.' });
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    const outlined = async () => page.locator('pg=.pg-outline[data-rule="full-name"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id')));
    await expect.poll(outlined).toContain('post1');
    await expect.poll(async () => ((await h.stored('spotChecks')).find((r) => r.classId === 'c1')?.findings as { itemId: string }[]).some((f) => f.itemId === 'post1')).toBe(true);
    await page.close();
    await serveAsh(h);
  });

  it('a reason with a comma, quotes, a line break or a leading "=" is shown, never the draft, filtered by "To", and exported whole', async () => {
    await h.setSpotCheck(false);
    const REASONS = ['Mum said "yes", in writing\nsee email', '=HYPERLINK("http://x","ok")'];
    for (const reason of REASONS) {
      const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
      const box = page.getByRole('textbox', { name: /Share something with families/ });
      await box.click();
      await page.keyboard.type('Zara Extra has chickenpox, please check your children.');
      await page.locator('pg=[data-policy-guard="panel"] [data-rule="sensitive-content"]').first().waitFor();
      await page.locator('[data-name="storyComposerPostButton"]').click();
      await page.locator('pg=[data-policy-guard="gate"]').waitFor();
      await sendAnyway(page, reason);
      await expect.poll(async () => (await h.events()).filter((e) => e.kind === 'override' && e.reason === reason).length).toBe(1);
      await page.close();
    }
    expect(JSON.stringify(await h.events())).not.toContain('chickenpox');
    await h.seed('events', [{ kind: 'override', rule: 'out-of-hours', rules: ['out-of-hours'], classId: 'c1', channel: 'class-story', reason: 'last week', at: '2026-11-17T20:30:00.000Z' }]);

    const options = await h.openExtensionPage('options.html');
    const view = options.locator('pg=[data-policy-guard="overrides"]');
    const rows = view.locator('[data-policy-guard="held-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await view.textContent()).not.toContain('chickenpox');
    expect(await rows.first().textContent()).toContain(NAME);
    expect(await view.textContent()).toContain('Mum said "yes", in writing');
    await view.locator('[data-policy-guard="held-to"]').fill('2026-11-20');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().textContent()).toContain('last week');
    await view.locator('[data-policy-guard="held-to"]').fill('');
    await expect.poll(() => rows.count()).toBe(3);
    await view.scrollIntoViewIfNeeded();
    await h.screenshot(options, 'probe20p-overrides');

    const csv = await downloaded(options, () => view.locator('[data-policy-guard="held-export-csv"]').click());
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = csv.bytes.toString('utf8');
    expect(text).toContain('"Mum said ""yes"", in writing\nsee email"');
    expect(text).toContain(`,${NAME},c1,`);
    // A spreadsheet must not run a teacher's reason as a formula: the cell does not start with "=".
    const cells = text.split(/,(?=(?:[^"]*"[^"]*")*[^"]*$)/);
    expect(cells.filter((c) => /^"?=/.test(c))).toEqual([]);
    await options.close();

    const popup = await h.openExtensionPage('popup.html');
    const week = popup.locator('pg=[data-policy-guard="popup-week"]');
    await week.waitFor();
    expect(await week.getAttribute('data-sent-anyway')).toBe('3');
    expect(await week.textContent()).toContain('See each one and its reason');
    await h.screenshot(popup, 'probe20p-popup');
    await popup.close();
  });
});

describe('the overlay in a 400 px window and beside a teacher’s findings (probe 20p)', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(false));
  });

  it('at 400×800 the summary folds to a tab, every "Show" can be reached and clicked, and no first word is under our UI', async () => {
    await h.setSpotCheck(true);
    const page = await h.openDojo(`${TEACH}?events=1#/classes/c1/story`);
    await page.setViewportSize({ width: 400, height: 800 });
    const spot = page.locator(SPOT);
    await expect.poll(() => spot.getAttribute('data-posts')).toBe('11');
    await expect.poll(() => spot.getAttribute('data-dock')).toBe('tab');
    await h.screenshot(page, 'probe20p-400-tab');
    const folded = await firstWordsCovered(page);
    expect(folded.covered).toEqual([]);
    expect(folded.seen.size).toBe(11);
    await spot.click();
    await expect.poll(() => spot.getAttribute('data-dock')).toBe('tab-open');
    await h.screenshot(page, 'probe20p-400-open');
    const rows = page.locator('pg=[data-policy-guard="spot-finding"]');
    const n = await rows.count();
    expect(n).toBeGreaterThan(3);
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    for (let i = 0; i < n; i++) {
      const show = rows.nth(i).getByRole('button', { name: /^Show/ });
      await show.scrollIntoViewIfNeeded();
      const box = await show.boundingBox();
      expect(box, `finding ${i}: its Show button has a box`).not.toBeNull();
      expect(box!.x >= 0 && box!.x + box!.width <= 400 && box!.y >= 0 && box!.y + box!.height <= 800, `finding ${i}: Show in the window`).toBe(true);
      await show.click({ timeout: 3000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      if (i === 0) await h.screenshot(page, 'probe20p-400-shown');
      const key = (await rows.nth(i).getAttribute('data-key'))!;
      const { probed, covered } = (await page.evaluate(POST_WORDS_UNDER_US, key.slice(0, key.lastIndexOf(':')))) as { probed: number; covered: string[] };
      expect(probed, `400 px, ${key}: words of the shown post in view`).toBeGreaterThan(2);
      expect(covered, `400 px, ${key}: words of the shown post under Policy Guard's UI`).toEqual([]);
      if ((await spot.getAttribute('data-dock')) !== 'tab-open') await spot.click();
    }
    await page.close();
  });

  it('at 1024×700 with the teacher’s panel holding a finding and the summary folded, no first word is under our UI', async () => {
    await h.setSpotCheck(true);
    const page = await h.openDojo(`${TEACH}?events=1#/classes/c1/story`);
    await page.setViewportSize({ width: 1024, height: 700 });
    const box = page.getByRole('textbox', { name: /Share something with families/ });
    await box.click();
    await page.keyboard.type('Star of the week: Oliver Bennett, for brilliant writing!');
    await page.locator('pg=[data-policy-guard="panel"] [data-rule="full-name"]').first().waitFor({ state: 'attached' });
    await page.waitForTimeout(500);
    await h.screenshot(page, 'probe20p-1024-panel');
    const spot = page.locator(SPOT);
    await expect.poll(() => spot.getAttribute('data-dock')).toBe('tab');
    // The panel folds to its chip beside the composer, with the count of findings; the summary to its tab.
    expect(await page.locator('pg=[data-policy-guard="panel"]').textContent()).toContain('1');
    await page.evaluate('window.scrollTo(0, 0)');
    const { covered } = await firstWordsCovered(page);
    expect(covered).toEqual([]);
    await page.close();
  });

  it('at 200% zoom (a 1280×800 window: 640×400 CSS px), every "Show" can be clicked and shows its post clear of our UI', async () => {
    await h.setSpotCheck(true);
    const page = await h.openDojo(`${TEACH}?events=1#/classes/c1/story`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await zoomTo(h, page, 2);
    await expect.poll(() => page.evaluate(() => [innerWidth, innerHeight])).toEqual([640, 400]);
    const spot = page.locator(SPOT);
    await expect.poll(() => spot.getAttribute('data-dock')).toBe('tab');
    await spot.click();
    await expect.poll(() => spot.getAttribute('data-dock')).toBe('tab-open');
    await windowScreenshot(page, 'probe20p-zoom200-open');
    const rows = page.locator('pg=[data-policy-guard="spot-finding"]');
    const n = await rows.count();
    expect(n).toBeGreaterThan(3);
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    for (let i = 0; i < n; i++) {
      if ((await spot.getAttribute('data-dock')) !== 'tab-open') await spot.click();
      const show = rows.nth(i).getByRole('button', { name: /^Show/ });
      await show.scrollIntoViewIfNeeded();
      const box = await show.boundingBox();
      expect(box && box.y >= 0 && box.y + box.height <= 400 && box.x + box.width <= 640, `finding ${i}: Show inside the 640×400 window`).toBe(true);
      const key = (await rows.nth(i).getAttribute('data-key'))!;
      await show.click({ timeout: 3000 });
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
      await windowScreenshot(page, `probe20p-zoom200-shown-${i}`);
      const { probed, covered } = (await page.evaluate(POST_WORDS_UNDER_US, key.slice(0, key.lastIndexOf(':')))) as { probed: number; covered: string[] };
      expect(probed, `200%, ${key}: words of the shown post in view`).toBeGreaterThan(2);
      expect(covered, `200%, ${key}: words of the shown post under Policy Guard's UI`).toEqual([]);
      // No room beside the opened summary for a post: it folds to its tab, the leader reopens it.
      expect(await spot.getAttribute('data-dock')).toBe('tab');
    }
    if ((await spot.getAttribute('data-dock')) !== 'tab-open') await spot.click();
    await page.locator('pg=[data-policy-guard="spot-fold"]').click({ timeout: 3000 });
    await expect.poll(() => spot.getAttribute('data-dock')).toBe('tab');
    await zoomTo(h, page, 1);
    await page.close();
  });

  it('in the class chat at 1280×860, each message’s findings badge is whole, not under the teacher’s panel', async () => {
    await h.setSpotCheck(true);
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/g1`);
    const badges = page.locator('pg=[data-policy-guard="post-badge"]');
    await expect.poll(() => badges.count()).toBeGreaterThan(0);
    await page.waitForTimeout(300);
    await h.screenshot(page, 'probe20p-chat-badges');
    const hidden = await page.evaluate(() => {
      const root = (window as unknown as { __pgRoot(n: string): ShadowRoot }).__pgRoot('policy-guard-ui');
      const out: string[] = [];
      // Badges take no pointer events (elementFromPoint passes through them): compared with our other boxes.
      const ours = [...root.querySelectorAll<HTMLElement>('.pg-panel, .pg-tab, .pg-dock-badge, [data-policy-guard="spot-check"]')].map((e) => [e.className, e.getBoundingClientRect()] as const).filter(([, r]) => r.width > 0);
      for (const b of root.querySelectorAll<HTMLElement>('[data-policy-guard="post-badge"]')) {
        const r = b.getBoundingClientRect();
        for (const [name, o] of ours) if (r.left < o.right && o.left < r.right && r.top < o.bottom && o.top < r.bottom) out.push(`${b.textContent} at ${Math.round(r.left)},${Math.round(r.top)}: under ${name}`);
        if (r.right > innerWidth || r.left < 0) out.push(`${b.textContent}: past the window's edge`);
      }
      return out;
    });
    expect(hidden).toEqual([]);
    await page.close();
  });

  it('outlines the name only after a possessive, inside brackets and inside quotes', async () => {
    await h.setSpotCheck(true);
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator(SPOT).waitFor();
    const texts = { poss: 'Amelia Hughes’s poem won a prize.', brack: 'Well done (Amelia Hughes) today.', quote: 'We cheered “Jayden Smith-Walker”.' };
    await page.evaluate((texts) => {
      for (const [id, text] of Object.entries(texts)) {
        const card = document.createElement('div');
        card.className = 'card';
        card.innerHTML = `<div data-name="storyPost" role="article" aria-label="Story post" data-post-id="${id}">
          <div data-name="storyPostHeader"><h3>Ms Carter</h3><span class="nessie-text" title="2026-11-23T10:00:00Z">Mon</span></div>
          <div data-name="storyPostContents"><span data-name="richText">${text}</span></div></div>`;
        document.querySelector('[data-name="storyFeed"]')!.prepend(card);
      }
    }, texts);
    for (const [id, name] of [['poss', 'Amelia Hughes'], ['brack', 'Amelia Hughes'], ['quote', 'Jayden Smith-Walker']] as const) {
      await page.locator(`pg=.pg-outline[data-post-id="${id}"][data-rule="full-name"]`).waitFor({ state: 'attached' });
      const fit = (await page.evaluate(
        ([id, name]) => {
          const text = document.querySelector(`[data-post-id="${id}"] [data-name="richText"]`)!.firstChild as Text;
          const start = text.data.indexOf(name);
          const r = document.createRange();
          r.setStart(text, start);
          r.setEnd(text, start + name.length);
          const n = r.getBoundingClientRect();
          const root = (window as unknown as { __pgRoot(n: string): ShadowRoot }).__pgRoot('policy-guard-ui');
          const o = root.querySelector(`.pg-outline[data-post-id="${id}"]`)!.getBoundingClientRect();
          return { left: Math.round(o.left - n.left), right: Math.round(o.right - n.right) };
        },
        [id, name] as const,
      )) as { left: number; right: number };
      expect(fit, `${id}: outline edges against “${name}”`).toEqual({ left: 0, right: 0 });
    }
    await h.screenshot(page, 'probe20p-outlines');
    await page.close();
  });
});

describe('chart axes for a week and a year of checks (probe 20p)', () => {
  // Each check reviews three posts new since the last (the chart plots the share of new posts only).
  const record = (classId: string) => (date: string) => ({
    key: `${classId}|class-story|${date}`, classId, className: `Class ${classId}`, view: 'class-story', date,
    at: `${date}T10:00:00.000Z`, updatedAt: `${date}T10:00:00.000Z`, items: ['a', 'b', 'c'].map((x) => `${x}-${date}`),
    findings: [{ key: `a-${date}:full-name`, itemId: `a-${date}`, rule: 'full-name' }], keepSnippets: false, size: 300,
  });
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
  });

  it('one week of daily checks: distinct day labels', async () => {
    await h.seed('spotChecks', ['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24'].map(record('c7')));
    const options = await h.openExtensionPage('options.html');
    const axis = options.locator('pg=[data-policy-guard="axis-label"]');
    await options.locator('pg=[data-policy-guard="trend-chart"]').waitFor();
    await options.locator('pg=[data-policy-guard="trend-chart"]').evaluate((el) => el.scrollIntoView());
    await h.screenshot(options, 'probe20p-axis-week');
    await expect.poll(() => axis.count()).toBeGreaterThan(1);
    const labels = await axis.allTextContents();
    expect(new Set(labels).size).toBe(labels.length);
    await options.locator('pg=[data-policy-guard="trend-chart"]').evaluate((el) => el.scrollIntoView());
    await h.screenshot(options, 'probe20p-axis-week');
    await options.close();
  });

  it('a year of monthly checks (Nov 2025 to Nov 2026): distinct labels, the two Novembers told apart', async () => {
    const dates = ['2025-11-25', '2025-12-15', '2026-01-15', '2026-02-15', '2026-03-15', '2026-04-15', '2026-05-15', '2026-06-15', '2026-07-15', '2026-09-15', '2026-10-15', '2026-11-24'];
    // The week's class deleted first, so the axis is this year's alone.
    await h.worker.evaluate(`new Promise((ok) => { const o = indexedDB.open('policy-guard'); o.onsuccess = () => { const tx = o.result.transaction('spotChecks', 'readwrite'); tx.objectStore('spotChecks').clear(); tx.oncomplete = () => { o.result.close(); ok(); }; }; })`);
    await h.seed('spotChecks', dates.map(record('c8')));
    const options = await h.openExtensionPage('options.html');
    const axis = options.locator('pg=[data-policy-guard="axis-label"]');
    await expect.poll(() => axis.count()).toBeGreaterThan(2);
    const labels = await axis.allTextContents();
    expect(new Set(labels).size).toBe(labels.length);
    // With two Novembers on one axis, a label that names a month names its year too, or the range does.
    const novembers = labels.filter((l) => /Nov/.test(l));
    if (novembers.length > 1) expect(novembers.every((l) => /20\d\d/.test(l)), `labels: ${labels.join(' | ')}`).toBe(true);
    await options.locator('pg=[data-policy-guard="trend-chart"]').evaluate((el) => el.scrollIntoView());
    await h.screenshot(options, 'probe20p-axis-year');
    await options.close();
  });
});

describe('last year’s bank holidays in January (probe 20p)', () => {
  const h = useHarness({ fakeTime: '2027-01-05 10:00:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setSpotCheck(true);
  });

  it('on 5 January 2027, posts on Good Friday, Easter Monday and the August bank holiday of 2026 are out of hours; a school day is not', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator(SPOT).waitFor();
    const posts = { goodfri: '2026-04-03T10:00:00Z', eastermon: '2026-04-06T10:00:00Z', august: '2026-08-31T10:00:00Z', school: '2026-09-08T10:00:00Z' };
    await page.evaluate((posts) => {
      for (const [id, at] of Object.entries(posts)) {
        const card = document.createElement('div');
        card.className = 'card';
        card.innerHTML = `<div data-name="storyPost" role="article" aria-label="Story post" data-post-id="${id}">
          <div data-name="storyPostHeader"><h3>Ms Carter</h3><span class="nessie-text" title="${at}">x</span></div>
          <div data-name="storyPostContents"><span data-name="richText">A lovely day in class.</span></div></div>`;
        document.querySelector('[data-name="storyFeed"]')!.prepend(card);
      }
    }, posts);
    const hours = async () => (await page.locator('pg=.pg-outline[data-rule="out-of-hours"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id')))).sort();
    await expect.poll(hours).toEqual(expect.arrayContaining(['august', 'eastermon', 'goodfri']));
    expect(await hours()).not.toContain('school');
    await page.close();
  });
});

describe('summer time in the overrides view and its export (probe 20p)', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.seed('classes', [{ classId: 'c5', name: 'Year 2 Rowan', updatedAt: '2026-07-01T10:00:00.000Z' }]);
    await h.seed('events', [{ kind: 'override', rule: 'out-of-hours', rules: ['out-of-hours'], classId: 'c5', channel: 'class-story', reason: 'trip ran late', at: '2026-07-08T16:30:00.000Z' }]);
  });

  it('a July send-anyway reads 17:30 BST in the view and +01:00 Europe/London in the CSV and JSON', async () => {
    const options = await h.openExtensionPage('options.html');
    const view = options.locator('pg=[data-policy-guard="overrides"]');
    const rows = view.locator('[data-policy-guard="held-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const text = (await rows.first().textContent()) ?? '';
    expect(text).toContain('17:30 BST');
    expect(text).toContain('Year 2 Rowan');
    expect(text).toContain('Out of hours');
    const csv = (await downloaded(options, () => view.locator('[data-policy-guard="held-export-csv"]').click())).bytes.toString('utf8');
    expect(csv).toContain('2026-07-08T17:30:00+01:00,Europe/London,Year 2 Rowan,c5,class-story,Out of hours,out-of-hours,sent-anyway,trip ran late');
    const json = JSON.parse((await downloaded(options, () => view.locator('[data-policy-guard="held-export-json"]').click())).bytes.toString('utf8').replace(/^\uFEFF/, ''));
    expect(json.items[0]).toMatchObject({ class: 'Year 2 Rowan', rules: ['Out of hours'], reason: 'trip ran late' });
    expect(JSON.stringify(json)).toContain('2026-07-08T17:30:00+01:00');
    await options.close();
  });
});
