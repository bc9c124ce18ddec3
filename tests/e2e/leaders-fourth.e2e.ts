/**
 * The fifth probe of issue 20 (20e), as a head teacher and a teacher meet it:
 * - a finding a leader ruled "No issue" is no longer something to look at anywhere: the overlay's counts, each
 *   post's badge, the folded tab and the history table (counted apart), as the chart already did (D2);
 * - a teacher's send-anyway in a class chat is listed under the class's name the page shows, in a profile where
 *   no spot-check ever read a story header (D1);
 * - after a class switch whose feed comes late, the overlay names the new class once its page shows the name (D4);
 * - the options page fits a 400 px window: the chart and both tables scroll in their own box (D6).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VISIBLE_FOR_MS } from '../../lib/ui/visibility';
import { sendAnyway } from './gate';
import { TEACH, type Harness } from './harness';
import { useHarness } from './use-harness';

const PAGE = `${TEACH}__fixtures__/teach/classes.html`;
const SPOT = 'pg=[data-policy-guard="spot-check"]';
const pupils = [
  { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
  { first: 'Oliver', last: 'Patel', photoConsent: false, inCare: false },
];
const row = (page: Page, rule: string) => page.locator(`pg=[data-policy-guard="spot-finding"][data-rule="${rule}"]`);

async function setUp(h: Harness) {
  await h.choosePolicy('bentley-new-village');
  for (const c of ['oak26', 'oak25', 'ash', 'c1']) await h.setRoster(c, pupils);
}

describe('a finding ruled "No issue" (probe 20e D2)', () => {
  const h = useHarness({ fakeTime: '2026-11-10 10:00:00' }, async (h) => {
    await setUp(h);
    await h.setSpotCheck(true);
  });

  it('drops out of the overlay’s count, the post’s badge, the folded tab and the table’s count, and is counted apart', async () => {
    const page = await h.openDojo(`${PAGE}#/classes/oak26/story`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await expect.poll(() => page.locator('pg=[data-policy-guard="spot-finding"]').count()).toBe(2);
    const spot = page.locator(SPOT);
    expect(await spot.getAttribute('data-flagged')).toBe('2');
    const badges = page.locator('pg=[data-policy-guard="post-badge"]');
    expect(await badges.count()).toBe(2);
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await row(page, 'sensitive-content').getByRole('button', { name: 'No issue' }).click();
    await expect.poll(() => spot.getAttribute('data-flagged')).toBe('1');
    expect(await badges.count()).toBe(1);
    expect(await badges.textContent()).toBe('1 to look at');
    expect(await spot.locator('.pg-line').first().textContent()).toBe('4 posts reviewed, 1 with something to look at');
    expect(await page.locator('pg=[data-policy-guard="spot-no-issue"]').textContent()).toBe('1 ruled no issue');
    const byRule = await page.locator('pg=[data-policy-guard="by-rule"] li').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')));
    expect(byRule).toEqual(['full-name']);
    // The finding stays listed with its decision, and its words keep a muted outline.
    expect(await row(page, 'sensitive-content').getAttribute('data-outcome')).toBe('no-issue');
    expect(await page.locator('pg=.pg-outline[data-rule="sensitive-content"][data-cleared]').count()).toBeGreaterThan(0);
    await h.screenshot(page, 'leaders-fourth-no-issue-1280');
    // Folded to a tab in a narrow window: the tab's count is what is left to look at.
    await page.setViewportSize({ width: 400, height: 800 });
    await expect.poll(() => page.locator('pg=.pg-spot-tab-count').textContent()).toBe('1');
    await h.screenshot(page, 'leaders-fourth-no-issue-400');

    // The history table counts them apart, and agrees with the chart (1 of 4 posts, 1 finding).
    const options = await h.openExtensionPage('options.html');
    const history = options.locator('pg=[data-policy-guard="spot-history"]');
    const tr = history.locator('pg=tr[data-key="oak26|class-story|2026-11-10"]');
    await tr.waitFor();
    expect([await tr.getAttribute('data-findings'), await tr.getAttribute('data-to-look'), await tr.getAttribute('data-no-issue')]).toEqual(['2', '1', '1']);
    const cell = (await tr.locator('pg=[data-policy-guard="history-findings"]').textContent())!;
    expect(cell).toContain('1 to look at, Full name 1');
    expect(cell).not.toContain('Sensitive content');
    expect(await tr.locator('pg=[data-policy-guard="history-no-issue"]').textContent()).toBe('1 ruled no issue');
    expect(await options.locator('pg=[data-policy-guard="point-count"]').allTextContents()).toEqual(['1/4']);
    await tr.evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await h.screenshot(options, 'leaders-fourth-history');
    await options.close();
    await page.close();
  }, 60_000);
});

describe('a class switch whose feed comes late (probe 20e D4)', () => {
  const h = useHarness({ fakeTime: '2026-11-10 10:00:00' }, async (h) => {
    await setUp(h);
    await h.setSpotCheck(true);
  });

  it('names the class in the overlay once its page shows the name', async () => {
    // The name comes 1.5 s after the feed (the page fetches the class apart): the record is first written
    // without it, and the overlay names the class as soon as the page shows the name.
    const late = await h.openDojo(`${PAGE}?nameDelay=1500#/classes/oak25/story`);
    const lateClass = () => late.locator('pg=[data-policy-guard="spot-class"]').textContent();
    await expect.poll(() => late.locator(SPOT).getAttribute('data-posts')).toBe('2');
    expect(await lateClass()).toBe('Recording for class id oak25');
    await expect.poll(lateClass, { timeout: 4000 }).toBe('Recording for “Class 3 Oak”');
    // The name is the page's, set apart as such, never Policy Guard's own words (probe 14f).
    const name = late.locator('pg=[data-policy-guard="spot-class"] [data-policy-guard="page-name"]');
    expect(await name.textContent()).toBe('“Class 3 Oak”');
    expect(await name.getAttribute('title')).toBe("Name as ClassDojo's page shows it");
    await late.close();

    // A switch whose feed comes 0.8 s later, as the probe did.
    const slow = await h.openDojo(`${PAGE}?delay=800#/classes/oak26/story`);
    const recording = () => slow.locator('pg=[data-policy-guard="spot-class"]').textContent();
    // Last year's Class 3 Oak (oak25) was named above: this one says its id too, so a switch between the two
    // shows (probe 20e, minor wording).
    await expect.poll(recording).toBe('Recording for “Class 3 Oak” (class id oak26)');
    await slow.setViewportSize({ width: 1280, height: 800 });
    await h.screenshot(slow, 'leaders-fourth-twin-name-1280');
    // To Year 5 Ash: never the page's stale name while its feed loads, then its own.
    await slow.evaluate("location.hash = '#/classes/ash/story'");
    await expect.poll(recording, { timeout: 600 }).toBe('Recording for class id ash');
    await slow.waitForFunction('window.__dojo.renders === 1');
    await expect.poll(() => slow.locator(SPOT).getAttribute('data-posts')).toBe('2');
    await expect.poll(recording).toBe('Recording for “Year 5 Ash”');
    await slow.close();
  }, 60_000);
});

describe('a teacher’s send-anyway in a class chat, in a profile no spot-check has used (probe 20e D1)', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, setUp);

  it('is listed, filtered and exported under the class’s name the page shows', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/g1`);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.fill('Well done Amelia Hughes for a great week!');
    await page.locator('pg=[data-policy-guard="panel"] [data-rule="full-name"]').first().waitFor();
    await input.press('Enter');
    await page.locator('pg=[data-policy-guard="gate"]').waitFor();
    await sendAnyway(page, 'Mum agreed in writing');
    await expect.poll(async () => (await h.events()).filter((e) => e.kind === 'override').length).toBe(1);
    await expect.poll(async () => (await h.stored('classes')).find((c) => c.classId === 'c1')?.name).toBe('Class 3 Oak');
    expect(await h.stored('spotChecks')).toEqual([]);
    await page.close();

    const options = await h.openExtensionPage('options.html');
    const view = options.locator('pg=[data-policy-guard="overrides"]');
    const rows = view.locator('[data-policy-guard="held-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(1);
    const text = (await rows.first().textContent())!;
    expect(text).toContain('Class 3 Oak');
    expect(text).not.toContain('class id');
    expect(await view.locator('[data-policy-guard="held-class"] option[value="c1"]').textContent()).toBe('“Class 3 Oak”');
    const [download] = await Promise.all([options.waitForEvent('download'), view.locator('[data-policy-guard="held-export-csv"]').click()]);
    const { readFileSync } = await import('node:fs');
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Class 3 Oak,c1');
    expect(csv).not.toContain('class id');
    await options.close();
  }, 60_000);
});

describe('the options page in a 400 px window (probe 20e D6)', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.seed('classes', [{ classId: 'c1', name: 'Class 3 Oak', updatedAt: '2026-11-24T10:00:00.000Z' }]);
    const record = (date: string, n: number) => ({
      key: `c1|class-story|${date}`,
      classId: 'c1',
      className: 'Class 3 Oak',
      view: 'class-story',
      date,
      at: `${date}T10:00:00.000Z`,
      updatedAt: `${date}T10:00:00.000Z`,
      items: Array.from({ length: n }, (_, i) => `${date}-${i}`),
      findings: [
        { key: `${date}-0:full-name`, itemId: `${date}-0`, rule: 'full-name', outcome: 'follow-up', note: 'Spoke to Ms Carter about names in posts' },
        { key: `${date}-1:sensitive-content`, itemId: `${date}-1`, rule: 'sensitive-content', outcome: 'no-issue' },
        { key: `${date}-2:out-of-hours`, itemId: `${date}-2`, rule: 'out-of-hours' },
      ],
      keepSnippets: false,
      size: 600,
    });
    await h.seed('spotChecks', [record('2026-11-02', 6), record('2026-11-09', 5), record('2026-11-16', 4)]);
    await h.seed('events', [
      { kind: 'override', rule: 'full-name', rules: ['full-name', 'sensitive-content'], classId: 'c1', channel: 'class-chat', at: '2026-11-23T10:00:00.000Z', reason: 'Mum agreed in writing that her full name can be shared with the class families' },
    ]);
  });

  it('fits the page to the window: the chart, the history table and the overrides table fit or scroll in their own box', async () => {
    const options = await h.openExtensionPage('options.html');
    await options.setViewportSize({ width: 400, height: 900 });
    await options.locator('pg=[data-policy-guard="history-table"]').waitFor();
    await options.locator('pg=[data-policy-guard="held-table"]').waitFor();
    await options.waitForTimeout(300);
    const widths = (await options.evaluate('[document.documentElement.scrollWidth, document.documentElement.clientWidth]')) as number[];
    expect(widths[0]).toBeLessThanOrEqual(widths[1]!);
    // Each wide part's own box ends inside the window.
    for (const sel of ['[data-policy-guard="trend-chart"]', '[data-policy-guard="history-table"]', '[data-policy-guard="held-table"]']) {
      const right = await options.locator(`pg=${sel}`).evaluate((el) => {
        let box: HTMLElement | null = el as HTMLElement;
        while (box && getComputedStyle(box).overflowX === 'visible') box = box.parentElement;
        return (box ?? (el as HTMLElement)).getBoundingClientRect().right;
      });
      expect(right, sel).toBeLessThanOrEqual(400);
    }
    await options.locator('pg=[data-policy-guard="held-table"]').evaluate((el) => el.scrollIntoView({ block: 'center' }));
    await h.screenshot(options, 'leaders-fourth-options-400');
    await options.close();
  }, 60_000);
});
