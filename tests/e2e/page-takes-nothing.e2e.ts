/**
 * Regression tests from the hostile-page probe 14d (/work/notes/probe-14d.md), each attack done as the probe
 * did it: the page's part is page-world script, the leader's or teacher's part is real input.
 * - #2: a spot-check export is never a file made in ClassDojo's page, so the page's Navigation API `navigate`
 *   listener sees no download, reads nothing and cancels nothing; the leader still gets the file, from the
 *   options page the overlay opens at this check.
 * - #5: "Put this reply in the message box" writes only into the conversation's own box, never into a box the
 *   page put first, and refuses (saying so) when a second box sits in the conversation.
 * - #7: an author name the page supplies is shown quoted and marked as the page's, in the overlay and history.
 */
import { readFileSync } from 'node:fs';
import Papa from 'papaparse';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { VISIBLE_FOR_MS } from '../../lib/ui/visibility';
import { c1Pupils } from './class-c1';
import { noteFrame } from './gate';
import { TEACH } from './harness';
import { useHarness } from './use-harness';

const h = useHarness({}, async (h) => {
  await h.choosePolicy('bentley-new-village');
  await h.setRoster('c1', c1Pupils(true));
});

const ready = (page: Page) => page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);

/**
 * Probe d3/d3b/d4's page script, before anything: every navigation the page's Navigation API sees is logged;
 * one to a blob: or data: URL, or a download, is cancelled and its file fetched into `window.__stolen`.
 */
const NAV_SPY = String.raw`(() => {
  window.__nav = []; window.__stolen = [];
  navigation.addEventListener('navigate', (e) => {
    const url = e.destination && e.destination.url;
    window.__nav.push({ url, download: e.downloadRequest });
    if ((url && /^(blob|data):/.test(url)) || e.downloadRequest !== null) {
      try { e.preventDefault(); } catch {}
      fetch(url).then((r) => r.text()).then((t) => window.__stolen.push(t), (err) => window.__stolen.push('error ' + err));
    }
  });
})()`;

describe('a spot-check export (probe 14d #2)', () => {
  it('is made on the options page: the page’s navigate listener gets nothing, and the leader gets the file', async () => {
    await h.setSpotCheck(true);
    const page = await h.context.newPage();
    await page.addInitScript(NAV_SPY);
    const downloadsInDojo: string[] = [];
    page.on('download', (d) => downloadsInDojo.push(d.suggestedFilename()));
    await page.goto(`${TEACH}#/classes/c1/story`);
    await ready(page);
    const fullName = page.locator('pg=[data-policy-guard="spot-finding"][data-rule="full-name"]');
    await fullName.waitFor();
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    // The leader's note, typed in the note frame: what d4 read out of the export.
    await fullName.getByRole('button', { name: 'Follow up' }).click();
    const note = (await noteFrame(fullName)).locator('input');
    await note.fill('Mum says he is now in foster care');
    await note.press('Tab');
    await expect.poll(async () => JSON.stringify(await h.stored('spotChecks'))).toContain('now in foster care');

    const exportButton = page.locator('pg=[data-policy-guard="spot-export"]');
    await exportButton.scrollIntoViewIfNeeded();
    // The overlay says where the file is made before the leader clicks.
    expect(await page.locator('pg=#pg-spot-export-where').textContent()).toContain('settings page, which ClassDojo');
    const [options] = await Promise.all([h.context.waitForEvent('page'), exportButton.click()]);
    await options.waitForLoadState();
    expect(options.url()).toMatch(new RegExp(`^chrome-extension://${h.extensionId}/options\\.html#spot-history/c1%7Cclass-story%7C2026-11-24$`));
    await expect.poll(() => page.locator('pg=[data-policy-guard="spot-export-status"]').getAttribute('data-status')).toBe('opened');

    // The options page opens at this check, marked, its CSV button focused and in view.
    const row = options.locator('tr[data-wanted]');
    await row.waitFor();
    expect(await row.getAttribute('data-key')).toBe('c1|class-story|2026-11-24');
    expect(await row.locator('[data-policy-guard="history-wanted"]').textContent()).toBe('The check you opened from ClassDojo');
    expect(await options.evaluate('document.activeElement?.closest("tr")?.getAttribute("data-key")')).toBe('c1|class-story|2026-11-24');
    await expect.poll(() => row.evaluate((el) => { const r = el.getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight; })).toBe(true);
    await h.screenshot(options, 'page-takes-nothing-history-wanted');
    const [download] = await Promise.all([options.waitForEvent('download'), options.keyboard.press('Enter')]);
    expect(download.suggestedFilename()).toBe('spot-check-class-3-oak-class-story-2026-11-24.csv');
    const csv = readFileSync((await download.path())!, 'utf8');
    const rows = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data;
    expect(rows.find((r) => r.rule_id === 'full-name')).toMatchObject({ outcome: 'follow-up', note: 'Mum says he is now in foster care' });
    const [json] = await Promise.all([options.waitForEvent('download'), row.getByRole('button', { name: /as JSON$/ }).click()]);
    expect(readFileSync((await json.path())!, 'utf8')).toContain('now in foster care');
    await options.close();

    // ClassDojo's page saw no download, fetched nothing and cancelled nothing.
    await page.waitForTimeout(1000);
    const nav = (await page.evaluate('window.__nav')) as { url: string; download: string | null }[];
    expect(nav.filter((n) => /^(blob|data):/.test(n.url) || n.download !== null)).toEqual([]);
    expect(await page.evaluate('window.__stolen')).toEqual([]);
    expect(downloadsInDojo).toEqual([]);
    expect(JSON.stringify(nav)).not.toContain('foster');
    await h.setSpotCheck(false);
    await page.close();
  });
});

describe('the history opened at a check', () => {
  it('says so when that check has no record, and marks no other', async () => {
    const options = await h.openExtensionPage('options.html#spot-history/c9%7Cclass-story%7C2026-11-24' as 'options.html');
    const missing = options.locator('[data-policy-guard="history-wanted-missing"]');
    await missing.waitFor();
    expect(await missing.textContent()).toContain('has no record yet');
    expect(await options.locator('tr[data-wanted]').count()).toBe(0);
    await options.close();
  });
});

/** Probe d5 R1's page script: a Class Story-like box, visible, put first in the app (or in the conversation). */
const decoy = (where: 'app' | 'conversation') => String.raw`(() => {
  const wrap = document.createElement('div');
  wrap.innerHTML = '<textarea data-name="storyComposerTextarea" placeholder="Share with the whole class" style="position:fixed;left:4px;bottom:4px;width:200px;height:40px;z-index:3"></textarea>';
  const at = ${where === 'app' ? `document.querySelector('#reactApplication')` : `document.querySelector('[data-name="messageThreadHeader"]').parentElement`};
  at.prepend(wrap);
})()`;

describe('the suggested reply (probe 14d #5)', () => {
  const boxes = (page: Page) =>
    page.evaluate(`({ decoy: document.querySelector('[data-name="storyComposerTextarea"]').value, real: document.querySelector('[data-name="messageComposerInput"]').value })`) as Promise<{ decoy: string; real: string }>;

  it('goes into the conversation’s own box, not a box the page put first', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/p1`);
    const insert = page.locator('pg=[data-policy-guard="insert-reply"]');
    await insert.waitFor();
    await page.evaluate(decoy('app'));
    await page.waitForTimeout(VISIBLE_FOR_MS + 300);
    await insert.scrollIntoViewIfNeeded();
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await insert.click();
    await expect.poll(async () => (await boxes(page)).real).toContain('Thank you for letting me know');
    expect((await boxes(page)).decoy).toBe('');
    expect(await page.locator('pg=[data-policy-guard="insert-result"]').getAttribute('data-result')).toBe('inserted');
    expect(await page.evaluate('window.__dojo.sent.length')).toBe(0);
    await page.close();
  });

  it('is refused, saying so, when a second box sits in the conversation', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/p1`);
    const insert = page.locator('pg=[data-policy-guard="insert-reply"]');
    await insert.waitFor();
    await page.evaluate(decoy('conversation'));
    await page.waitForTimeout(VISIBLE_FOR_MS + 300);
    await insert.scrollIntoViewIfNeeded();
    await page.waitForTimeout(VISIBLE_FOR_MS + 200);
    await insert.click();
    const result = page.locator('pg=[data-policy-guard="insert-result"]');
    await expect.poll(() => result.getAttribute('data-result')).toBe('refused');
    expect(await result.textContent()).toContain('could not tell which message box belongs to this conversation');
    expect(await boxes(page)).toEqual({ decoy: '', real: '' });
    await h.screenshot(page, 'page-takes-nothing-insert-refused');
    await page.close();
  });
});

describe('author names the page supplies (probe 14d #7)', () => {
  it('are shown quoted and marked as the page’s, in the overlay and the history', async () => {
    await h.setSpotCheck(true);
    const page = await h.context.newPage();
    const fake = 'Policy Guard: all checked \u2014 press \u201cNo issue\u201d on each row';
    await page.addInitScript(`(() => {
      new MutationObserver(() => {
        for (const a of document.querySelectorAll('[data-name="storyPostHeader"] h3')) if (!a.dataset.x) { a.dataset.x = '1'; a.textContent = ${JSON.stringify(fake)} + ' \\u202e' + 'x'.repeat(500); }
      }).observe(document, { childList: true, subtree: true });
    })()`);
    await page.goto(`${TEACH}#/classes/c1/story`);
    await ready(page);
    const finding = page.locator('pg=[data-policy-guard="spot-finding"][data-rule="full-name"]');
    await finding.waitFor();
    // Every author in a row and in "by author" is a <bdi> marked as the page's, quoted; none is loose text.
    const names = page.locator('pg=[data-policy-guard="spot-check"] [data-policy-guard="page-name"]');
    await expect.poll(() => names.count()).toBeGreaterThan(1);
    // (The class the check records for is a page name too: "Class 3 Oak".)
    // A name holding double quotes of its own is set in single ones (issue 20: no quotes inside quotes of one kind).
    for (const text of await names.allTextContents()) expect(text).toMatch(/^(‘Policy Guard: all checked — press “No issue” on each row x+’|“Class 3 Oak”)$/);
    expect(await names.evaluateAll((els) => els.every((e) => e.localName === 'bdi' && e.getAttribute('title') === "Name as ClassDojo's page shows it"))).toBe(true);
    const loose = await page.locator('pg=[data-policy-guard="spot-check"]').evaluate((root) => {
      const w = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      const out: string[] = [];
      for (let n = w.nextNode(); n; n = w.nextNode()) if (n.textContent?.includes('all checked') && !n.parentElement?.closest('[data-policy-guard="page-name"]')) out.push(n.textContent);
      return out;
    });
    expect(loose).toEqual([]);
    expect(await page.locator('pg=[data-policy-guard="by-author"]').textContent()).toContain('‘Policy Guard: all checked');
    await h.screenshot(page, 'page-takes-nothing-authors');

    // The history's notes list says the same. (A verdict counts on a button in plain view for a moment.)
    // (The sensitive-content finding: the export test above already marked the full-name one for follow-up.)
    const sensitive = page.locator('pg=[data-policy-guard="spot-finding"][data-rule="sensitive-content"]');
    const followUp = sensitive.getByRole('button', { name: 'Follow up' });
    await followUp.scrollIntoViewIfNeeded();
    await page.waitForTimeout(VISIBLE_FOR_MS + 300);
    await followUp.click();
    await expect.poll(() => sensitive.getAttribute('data-outcome')).toBe('follow-up');
    await expect.poll(async () => JSON.stringify(await h.stored('spotChecks'))).toContain('follow-up');
    const options = await h.openExtensionPage('options.html');
    const history = options.locator('[data-policy-guard="spot-history"]');
    await history.locator('details summary').first().click();
    const inHistory = history.locator('details [data-policy-guard="page-name"]');
    await inHistory.first().waitFor();
    expect(await inHistory.first().evaluate((e) => e.localName)).toBe('bdi');
    expect(await inHistory.first().textContent()).toMatch(/^‘Policy Guard: all checked/);
    await options.close();
    await h.setSpotCheck(false);
    await page.close();
  });
});
