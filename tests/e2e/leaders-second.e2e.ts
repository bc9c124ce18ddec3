/**
 * The second probe of issue 20, as a leader meets it: a post edited after the spot-check keeps the leader's
 * decisions and says it was edited (on the page, in the history, in the CSV), two classes with the same name
 * are told apart in the options page, and a long class name is cut at a word with "…" (whole in its tooltip
 * and the export), its filter no wider than 22em.
 */
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VISIBLE_FOR_MS } from '../../lib/ui/visibility';
import { c1Pupils } from './class-c1';
import { TEACH } from './harness';
import { downloaded } from './feed-words';
import { useHarness } from './use-harness';

const SPOT = 'pg=[data-policy-guard="spot-check"]';
const row = (page: Page, rule: string) => page.locator(`pg=[data-policy-guard="spot-finding"][data-rule="${rule}"]`);


describe('leaders after the second probe', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(true));
  });

  it('an edit that moves a finding keeps the leader’s decision, counts it once, and says it was edited', async () => {
    await h.setSpotCheck(true);
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await expect.poll(() => page.locator('pg=[data-policy-guard="spot-finding"]').count()).toBe(3);
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await row(page, 'full-name').getByRole('button', { name: 'Follow up' }).click();
    await expect.poll(() => row(page, 'full-name').getAttribute('data-outcome')).toBe('follow-up');
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await row(page, 'sensitive-content').getByRole('button', { name: 'No issue' }).click();
    await expect.poll(async () => (await h.stored('spotChecks'))[0]?.findings).toEqual(expect.arrayContaining([expect.objectContaining({ rule: 'sensitive-content', outcome: 'no-issue' })]));
    expect(await page.locator('pg=[data-policy-guard="spot-edited"]').count()).toBe(0);

    // The teacher edits post2: the name moves ("A huge well done to …"), ClassDojo re-renders the post.
    await page.evaluate(() => {
      const dojo = (window as unknown as { __dojo: { state: { data: { classFeed: { _id: string; contents: { body: string } }[] } } } }).__dojo;
      dojo.state.data.classFeed.find((p) => p._id === 'post2')!.contents.body = 'A huge well done to Amelia Hughes for her brilliant story writing this week!';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await expect.poll(() => page.locator('pg=[data-policy-guard="spot-edited"]').count()).toBe(1);
    expect(await row(page, 'full-name').getAttribute('data-outcome')).toBe('follow-up');
    expect(await row(page, 'full-name').locator('pg=[data-policy-guard="spot-edited"]').textContent()).toBe('Edited since checked');
    expect(await page.locator('pg=[data-policy-guard="spot-finding"]').count()).toBe(3);
    const findings = async () => ((await h.stored('spotChecks'))[0]?.findings ?? []) as { rule: string; itemId: string; outcome?: string; edited?: boolean; key: string }[];
    await expect.poll(async () => (await findings()).filter((f) => f.itemId === 'post2').map((f) => [f.rule, f.outcome, f.edited])).toEqual([['full-name', 'follow-up', true]]);
    expect(await findings()).toHaveLength(3); // not 4: the decided copy and the moved one are one finding

    // Reloaded: the same, still marked.
    await page.reload();
    await page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);
    await expect.poll(() => page.locator('pg=[data-policy-guard="spot-finding"]').count()).toBe(3);
    await expect.poll(() => page.locator('pg=[data-policy-guard="spot-edited"]').count()).toBe(1);
    expect(await findings()).toHaveLength(3);

    // The options page's history and the CSV say so too.
    const options = await h.openExtensionPage('options.html');
    const history = options.locator('pg=[data-policy-guard="spot-history"]');
    await expect.poll(() => history.locator('[data-policy-guard="history-edited"]').first().textContent()).toBe('1 finding in a post edited since checked');
    expect(await history.locator('tr[data-class="c1"]').first().getAttribute('data-findings')).toBe('3');
    const csv = await downloaded(options, () => history.getByRole('button', { name: /^Export the spot-check of “Class 3 Oak” on Tue 24 Nov 2026 as CSV$/ }).click());
    const rows = Papa.parse<Record<string, string>>(csv.text.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows).toHaveLength(3);
    expect(rows.filter((r) => r.edited_since_checked === 'yes').map((r) => [r.rule_id, r.outcome])).toEqual([['full-name', 'follow-up']]);
    expect(rows.find((r) => r.rule_id === 'out-of-hours')!.outcome).toBe('open');
    await h.screenshot(page, 'second-edited-on-page');
    await h.screenshot(options, 'second-edited-history');
    await options.close();
    await page.close();
    await h.setSpotCheck(false);
  });

  it('two classes named alike are told apart; a long name is cut at a word with …, whole in its tooltip', async () => {
    const long = 'Year 5 and 6 mixed class with the after-school café club, “Siân’s group”, and the reading volunteers who come on Tuesdays';
    await h.seed('classes', [
      { classId: 'c2', name: 'Class 3 Oak', updatedAt: '2026-11-24T10:00:00.000Z' },
      { classId: 'c4', name: long, updatedAt: '2026-11-24T10:00:00.000Z' },
    ]);
    const record = (classId: string, className: string) => ({
      key: `${classId}|class-story|2026-11-23`,
      classId,
      className,
      view: 'class-story',
      date: '2026-11-23',
      at: '2026-11-23T10:00:00.000Z',
      updatedAt: '2026-11-23T10:00:00.000Z',
      items: ['a'],
      findings: [{ key: 'a:full-name:0-3', itemId: 'a', rule: 'full-name' }],
      keepSnippets: false,
      size: 300,
    });
    await h.seed('spotChecks', [record('c2', 'Class 3 Oak'), record('c4', long)]);
    await h.seed('events', [
      { kind: 'override', rule: 'full-name', rules: ['full-name'], classId: 'c4', channel: 'class-chat', at: '2026-11-23T10:00:00.000Z', reason: 'Mum agreed\nin writing' },
      // c2 alone of the two Oaks has a held send: still named as in the history, "(c2)" (probe 20g M2).
      { kind: 'override', rule: 'full-name', rules: ['full-name'], classId: 'c2', channel: 'class-chat', at: '2026-11-22T10:00:00.000Z', reason: 'agreed' },
    ]);
    // c1 is named from its page.
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await expect.poll(async () => (await h.stored('classes')).find((c) => c.classId === 'c1')?.name).toBe('Class 3 Oak');
    await page.close();

    const options = await h.openExtensionPage('options.html');
    const history = options.locator('pg=[data-policy-guard="spot-history"]');
    await expect.poll(() => history.locator('tr[data-class="c2"] [data-policy-guard="history-class"]').textContent()).toContain('“Class 3 Oak” (c2)');
    const deletes = await history.locator('[data-policy-guard="history-delete"]').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
    expect(new Set(deletes).size).toBe(deletes.length);
    expect(deletes).toContain('Delete the spot-check of “Class 3 Oak” (c2) on Mon 23 Nov 2026');
    const legend = await history.locator('[data-policy-guard="trend-chart"] .legend').textContent();
    expect(legend).toContain('“Class 3 Oak” (c2)');
    // The long name: cut at a word, with "…", the whole in the tooltip.
    const cell = history.locator('tr[data-class="c4"] [data-policy-guard="history-class"]');
    // In quotation marks, as the page's words (probe 14f #4); single ones, as the name holds double ones of its
    // own (probe 20f D8). The cut name keeps both its quotes.
    expect(await cell.getAttribute('title')).toBe(`‘${long}’`);
    const shown = (await cell.textContent())!.split(' · ')[0]!;
    expect(shown.startsWith('‘')).toBe(true);
    expect(shown.endsWith('…’')).toBe(true);
    expect(shown.length).toBeLessThanOrEqual(48);
    expect(long.startsWith(shown.slice(1, -2))).toBe(true);
    expect(long[shown.length - 3]).toBe(' ');
    // The overrides view: the filter stays narrow, the reason keeps its line break, the export keeps the whole name.
    const view = options.locator('pg=[data-policy-guard="overrides"]');
    const filter = view.locator('select').first();
    await expect.poll(() => filter.locator('option').count()).toBeGreaterThan(1);
    const width = await filter.evaluate((el) => el.getBoundingClientRect().width);
    const em = await filter.evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    expect(width).toBeLessThanOrEqual(22 * em + 1);
    // Every view names a class the same way: the overrides table and its filter too.
    await expect.poll(() => view.locator('[data-policy-guard="held-table"] tbody tr').count()).toBe(2);
    expect(await view.locator('[data-policy-guard="held-table"] tbody tr').nth(1).textContent()).toContain('“Class 3 Oak” (c2)');
    expect(await filter.locator('option[value="c2"]').getAttribute('title')).toBe('“Class 3 Oak” (c2)');
    const reason = view.locator('td.reason').first();
    expect(await reason.evaluate((el) => getComputedStyle(el).whiteSpace)).toBe('pre-line');
    // innerText is what is rendered: the line break is shown, not folded into a space.
    expect(await reason.evaluate((el) => (el as HTMLElement).innerText)).toBe('Mum agreed\nin writing');
    await h.screenshot(options, 'second-class-names');
    await options.close();
  });
});
