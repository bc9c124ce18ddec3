import { c1Pupils } from './class-c1';
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEACH } from './harness';
import { useHarness } from './use-harness';
import type { PgWindow } from './unseal';
import { VISIBLE_FOR_MS } from '../../lib/ui/visibility';
import { noteFrame } from './gate';

const SPOT = 'pg=[data-policy-guard="spot-check"]';
const row = (page: Page, rule: string) => page.locator(`pg=[data-policy-guard="spot-finding"][data-rule="${rule}"]`);

/**
 * Exports as the leader does: "Export this check…" in the overlay opens the options page at this check's
 * record (no file is made in ClassDojo's page, probe 14d #2), and its CSV or JSON button there saves the file.
 * Returns the downloaded file's name and text; the options tab is closed again.
 */
async function exported(page: Page, which: 'csv' | 'json'): Promise<{ name: string; body: string }> {
  const [options] = await Promise.all([page.context().waitForEvent('page'), page.locator('pg=[data-policy-guard="spot-export"]').click()]);
  await options.waitForLoadState();
  await expect.poll(() => page.locator('pg=[data-policy-guard="spot-export-status"]').getAttribute('data-status')).toBe('opened');
  const row = options.locator('tr[data-wanted]');
  await row.waitFor();
  // The check's own row, marked, with its export buttons: the first has the focus, so Enter saves the CSV.
  expect(await row.getAttribute('data-key')).toMatch(/^c1\|class-story\|\d{4}-\d{2}-\d{2}$/);
  expect(await options.locator('tr.wanted').count()).toBe(1);
  const [download] = await Promise.all([
    options.waitForEvent('download'),
    which === 'csv' ? options.keyboard.press('Enter') : row.getByRole('button', { name: /as JSON$/ }).click(),
  ]);
  const file = { name: download.suggestedFilename(), body: readFileSync((await download.path())!, 'utf8') };
  await options.close();
  return file;
}

describe('the record of a spot-check', () => {
  const h = useHarness({}, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(true));
    await h.setSpotCheck(true);
  });

  it('keeps each finding’s outcome and note across a reload, and exports them as CSV and JSON', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await expect.poll(() => page.locator('pg=[data-policy-guard="spot-finding"]').count()).toBe(3);
    // A verdict counts only on a button in plain view for a moment (clickjacking: lib/ui/visibility.ts).
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);

    await row(page, 'full-name').getByRole('button', { name: 'Follow up' }).click();
    await expect.poll(() => row(page, 'full-name').getAttribute('data-outcome')).toBe('follow-up');
    const note = (await noteFrame(row(page, 'full-name'))).locator('input');
    await note.fill('Asked Ms Carter to edit the post');
    await note.press('Tab');
    // Rows moved as the note box opened: a button that moved counts a click only once it has been in view.
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await row(page, 'sensitive-content').getByRole('button', { name: 'No issue' }).click();
    // The last row may sit below the summary's fold (it scrolls): brought into view first, it counts a click
    // once it has been in view for a moment.
    await row(page, 'out-of-hours').scrollIntoViewIfNeeded();
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await row(page, 'out-of-hours').getByRole('button', { name: 'Resolved' }).click();
    await expect.poll(async () => (await h.stored('spotChecks'))[0]?.findings).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'full-name', outcome: 'follow-up', note: 'Asked Ms Carter to edit the post' }),
        expect.objectContaining({ rule: 'sensitive-content', outcome: 'no-issue' }),
        expect.objectContaining({ rule: 'out-of-hours', outcome: 'resolved' }),
      ]),
    );

    // Changing one's mind: a second click on the chosen outcome clears it.
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await row(page, 'out-of-hours').getByRole('button', { name: 'Resolved' }).click();
    await expect.poll(() => row(page, 'out-of-hours').getAttribute('data-outcome')).toBe('open');
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await row(page, 'out-of-hours').getByRole('button', { name: 'Resolved' }).click();

    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);
    await expect.poll(() => row(page, 'full-name').getAttribute('data-outcome')).toBe('follow-up');
    expect(await (await noteFrame(row(page, 'full-name'))).locator('input').inputValue()).toBe('Asked Ms Carter to edit the post');
    expect(await row(page, 'sensitive-content').getAttribute('data-outcome')).toBe('no-issue');
    expect(await row(page, 'out-of-hours').getAttribute('data-outcome')).toBe('resolved');
    expect(await page.locator(SPOT).getAttribute('data-posts')).toBe('9');
    expect(await h.stored('spotChecks')).toHaveLength(1); // the reload continued today's record
    await h.screenshot(page, 'spot-check-outcomes');

    const csv = await exported(page, 'csv');
    expect(csv.name).toMatch(/^spot-check-class-3-oak-class-story-\d{4}-\d{2}-\d{2}\.csv$/);
    const rows = Papa.parse<Record<string, string>>(csv.body, { header: true, skipEmptyLines: true }).data;
    expect(rows.map((r) => [r.rule_id, r.author, r.outcome, r.note]).sort()).toEqual([
      ['full-name', 'Ms Carter', 'follow-up', 'Asked Ms Carter to edit the post'],
      ['out-of-hours', 'Ms Carter', 'resolved', ''],
      ['sensitive-content', 'Mr Price', 'no-issue', ''],
    ]);
    // Rules by name (and id), the class by the name the page showed, times in the school's zone, named.
    expect(rows.find((r) => r.rule_id === 'full-name')).toMatchObject({ rule: 'Full name', class: 'Class 3 Oak', class_id: 'c1', post_time: '2026-11-20T14:10:00+00:00', time_zone: 'Europe/London' });
    // Snippets are off: no pupil's name or post text is in the record or the export.
    expect(csv.body).not.toMatch(/Amelia|Hughes|inhaler/);
    expect(JSON.stringify(await h.stored('spotChecks'))).not.toMatch(/Amelia|Hughes|inhaler/);

    const json = JSON.parse((await exported(page, 'json')).body);
    expect(json).toMatchObject({ format: 'policy-guard/spot-check@3', class: 'Class 3 Oak', classId: 'c1', timeZone: 'Europe/London', view: 'class-story', postsReviewed: 9, findings: 3, snippetsKept: false });
    expect(json.byRule).toEqual({ 'full-name': 1, 'sensitive-content': 1, 'out-of-hours': 1 });
    expect(json.byOutcome).toEqual({ resolved: 1, 'no-issue': 1, 'follow-up': 1, open: 0 });

    // The leader may keep short snippets; turning that off deletes them again.
    // Scrolled into view first: a box counts a click once it has been in plain view for a moment.
    await page.locator('pg=[data-policy-guard="spot-snippets"]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await page.locator('pg=[data-policy-guard="spot-snippets"]').check();
    await expect.poll(async () => JSON.stringify(await h.stored('spotChecks'))).toContain('Amelia Hughes');
    const withSnippets = JSON.parse((await exported(page, 'json')).body);
    expect(withSnippets.items.find((i: { ruleId: string }) => i.ruleId === 'full-name').snippet).toContain('Amelia Hughes');
    expect(withSnippets.items.every((i: { snippet?: string }) => (i.snippet ?? '').length <= 80)).toBe(true);
    await page.locator('pg=[data-policy-guard="spot-snippets"]').scrollIntoViewIfNeeded();
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await page.locator('pg=[data-policy-guard="spot-snippets"]').uncheck();
    await expect.poll(async () => JSON.stringify(await h.stored('spotChecks'))).not.toMatch(/Amelia|Hughes|inhaler/);
    await page.close();
  });

  it('reviews the staff’s messages in a conversation, and leaves parents’ messages alone', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/g1`);
    const spot = page.locator(SPOT);
    await expect.poll(() => spot.getAttribute('data-posts')).toBe('4'); // Ms Carter's four; Priya Patel's is not reviewed
    expect(await spot.getAttribute('data-flagged')).toBe('2');
    expect(await spot.textContent()).toContain('4 staff messages reviewed');
    const rules = await page.locator('pg=.pg-outline').evaluateAll((els) => els.map((e) => e.getAttribute('data-rule')).sort());
    expect(rules).toEqual(['full-name', 'out-of-hours', 'sensitive-content']);
    // Every outline lies over one of Ms Carter's bubbles, none over Priya Patel's.
    const overParent = await page.evaluate(() => {
      const parent = [...document.querySelectorAll('[data-name="messageBubble"][data-sender-type="parent"]')].map((b) => b.getBoundingClientRect());
      const boxes = [...(window as unknown as PgWindow).__pgRoot('policy-guard-ui')!.querySelectorAll('.pg-outline')].map((b) => b.getBoundingClientRect());
      return boxes.filter((b) => parent.some((p) => b.top >= p.top - 4 && b.bottom <= p.bottom + 4)).length;
    });
    expect(overParent).toBe(0);
    expect(await spot.textContent()).not.toContain('Priya');
    await h.screenshot(page, 'spot-check-class-chat');

    // Folded away to read the conversation under it: the counts stay, the list goes, the outlines stay.
    await spot.getByRole('button', { name: 'Hide the findings' }).click();
    expect(await page.locator('pg=[data-policy-guard="spot-finding"]').count()).toBe(0);
    expect(await spot.textContent()).toContain('4 staff messages reviewed');
    expect(await page.locator('pg=.pg-outline').count()).toBe(3);
    await spot.getByRole('button', { name: 'Show the findings' }).click();
    await expect.poll(() => page.locator('pg=[data-policy-guard="spot-finding"]').count()).toBe(3);

    // A one-to-one conversation with only a parent's message has nothing to review.
    await page.goto(`${TEACH}#/classes/c1/messaging/p1`);
    await expect.poll(() => spot.getAttribute('data-posts')).toBe('0');
    expect(await spot.textContent()).toContain('No messages from staff');
    await page.close();
    const stored = await h.stored('spotChecks');
    expect(stored.find((r) => r.view === 'messaging')).toMatchObject({ classId: 'c1' });
    expect(JSON.stringify(stored)).not.toContain('Priya');
  });

  it('shows each class’s trend over time as a chart in the options page, with export, delete and retention', async () => {
    const past = (classId: string, date: string, posts: number, findings: number) => ({
      key: `${classId}|class-story|${date}`,
      classId,
      view: 'class-story',
      date,
      at: `${date}T10:00:00.000Z`,
      updatedAt: `${date}T10:20:00.000Z`,
      // Each check's own posts (the trend counts a post at the check that first reviewed it); keys as records
      // made before findings were one per post and rule had them (folded on reading).
      items: Array.from({ length: posts }, (_, i) => `${date}-p${i}`),
      findings: Array.from({ length: findings }, (_, i) => ({ key: `${date}-p${i}:full-name:0-5`, itemId: `${date}-p${i}`, rule: 'full-name', outcome: i === 0 ? 'follow-up' : 'resolved' })),
      keepSnippets: false,
    });
    await h.seed('spotChecks', [past('c1', '2026-09-14', 10, 5), past('c1', '2026-10-12', 10, 3), past('c2', '2026-09-21', 12, 2), past('c2', '2026-10-19', 12, 4)]);
    const options = await h.openExtensionPage('options.html');
    const chart = options.locator('pg=[data-policy-guard="trend-chart"]');
    await expect.poll(() => chart.locator('[data-policy-guard="trend-point"]').count()).toBe(6);
    // One line per class and view: today's Class Story and messages of c1 are apart (probe 20d D6).
    expect(await chart.locator('g[data-class]').evaluateAll((gs) => gs.map((g) => [g.getAttribute('data-class'), g.getAttribute('data-view')]))).toEqual([
      ['c1', 'class-story'],
      ['c1', 'messaging'],
      ['c2', 'class-story'],
    ]);
    const story = chart.locator('g[data-class="c1"][data-view="class-story"] [data-policy-guard="trend-point"]');
    // The share of posts with something to look at, with its counts: 5 of 10, 3 of 10, and today 2 of the
    // 9 posts (the "No issue" finding is not counted).
    expect(await story.evaluateAll((cs) => cs.map((c) => [c.getAttribute('data-date'), c.getAttribute('data-flagged'), c.getAttribute('data-posts'), c.getAttribute('data-rate')]))).toEqual([
      ['2026-09-14', '5', '10', '0.500'],
      ['2026-10-12', '3', '10', '0.300'],
      [expect.stringMatching(/^2026-/), '2', '9', '0.222'],
    ]);
    // Today's messages: 2 of Ms Carter's 4 messages.
    expect(await chart.locator('g[data-class="c1"][data-view="messaging"] [data-policy-guard="trend-point"]').evaluateAll((cs) => cs.map((c) => [c.getAttribute('data-flagged'), c.getAttribute('data-posts')]))).toEqual([['2', '4']]);
    expect(await chart.locator('g[data-class="c1"][data-view="class-story"] [data-policy-guard="point-count"]').allTextContents()).toEqual(['5/10', '3/10', '2/9']);
    // The chart is drawn where it should be: the first c1 point is higher (more findings) than the last.
    const ys = await story.evaluateAll((cs) => cs.map((c) => c.getBoundingClientRect().top));
    expect(ys[0]).toBeLessThan(ys[2]!);
    const table = options.locator('pg=[data-policy-guard="history-table"] tbody tr');
    expect(await table.count()).toBe(6); // 4 earlier, today's story and today's messages
    await options.setViewportSize({ width: 1000, height: 1100 });
    await options.locator('pg=[data-policy-guard="spot-history"]').scrollIntoViewIfNeeded();
    await h.screenshot(options, 'spot-check-history');

    const [download] = await Promise.all([options.waitForEvent('download'), table.filter({ hasText: 'Mon 14 Sep 2026' }).getByRole('button', { name: 'CSV' }).click()]);
    expect(readFileSync((await download.path())!, 'utf8').trim().split('\r\n')).toHaveLength(6);

    // Deleting asks once more: the first click only arms the button.
    await table.filter({ hasText: 'Mon 21 Sep 2026' }).getByRole('button', { name: 'Delete' }).click();
    expect(await table.count()).toBe(6);
    await table.filter({ hasText: 'Mon 21 Sep 2026' }).getByRole('button', { name: /^Delete the spot-check of .* on Mon 21 Sep 2026 for good\?$/ }).click();
    await expect.poll(() => table.count()).toBe(5);
    // A shorter retention limit purges at once: only today's checks are younger than 30 days.
    await options.locator('pg=[data-policy-guard="retention"]').selectOption('30');
    await expect.poll(() => table.count()).toBe(2);
    expect((await h.stored('spotChecks')).map((r) => r.date)).not.toContain('2026-09-14');
    await options.close();
  });
});
