/**
 * A held send the teacher never decided is recorded as not sent (issue #20: the "Overrides and held sends"
 * view under-counted): the send gate's dialog is open when the teacher goes to another page of ClassDojo (a
 * hash route: the content script records it), loads another page (the content script is torn down: the
 * background records it) or closes the tab (the background). Each is one record, with its rules, channel and
 * class, never the text; the options page lists them, the popup counts them, the exports carry them.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { c1Pupils } from './class-c1';
import { TEACH } from './harness';
import { useHarness } from './use-harness';

const DRAFT = 'Well done Amelia Hughes! Grace has been diagnosed with ADHD, please be patient with her.';

describe('a held send left undecided', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(false));
  });

  /** A chat message held at Send, its dialog open. */
  async function held(): Promise<Page> {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/g1`);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.fill(DRAFT);
    await page.locator('pg=[data-policy-guard="panel"] [data-rule="sensitive-content"]').first().waitFor();
    await input.press('Enter');
    await page.locator('pg=[data-policy-guard="gate"]').waitFor();
    // The background has been told the dialog is open (the hold is kept until it is resolved).
    await expect.poll(() => pendingCount()).toBe(1);
    return page;
  }

  /** The holds the background keeps open (lib/ext/held-pending.ts). */
  const pendingCount = () =>
    h.worker.evaluate(async () => {
      const got = await (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, object | undefined>> } } } }).chrome.storage.local.get('heldPending');
      return Object.keys(got.heldPending ?? {}).length;
    });

  const abandoned = async () => (await h.events()).filter((e) => e.kind === 'abandoned');

  it('is recorded once as not sent whichever way the page goes, and shown in the view, the popup and the exports', async () => {
    await h.setSpotCheck(false);
    // 1. Another page of ClassDojo's app (a hash route): the content script records it.
    const a = await held();
    // The dialog is modal: the teacher goes by the address bar or the browser's history, not the page's tabs.
    await a.evaluate(() => (location.hash = '#/classes/c1/story'));
    await expect.poll(async () => (await abandoned()).length).toBe(1);
    await a.waitForTimeout(500);
    expect((await abandoned()).length).toBe(1);

    // 2. Another document (a reload to another address): the content script goes with it; the background records it.
    const b = await held();
    await b.goto(`${TEACH}?from=elsewhere#/classes/c1/points`);
    await expect.poll(async () => (await abandoned()).length).toBe(2);
    await b.close();

    // 3. The tab closed with the dialog open.
    const c = await held();
    await c.close();
    await expect.poll(async () => (await abandoned()).length).toBe(3);
    await new Promise((r) => setTimeout(r, 500));
    expect(await pendingCount()).toBe(0);

    const events = await abandoned();
    expect(events).toHaveLength(3);
    for (const e of events) expect(e).toMatchObject({ kind: 'abandoned', classId: 'c1', channel: 'class-chat', rules: expect.arrayContaining(['full-name', 'sensitive-content']) });
    const all = JSON.stringify(await h.events());
    expect(all).not.toContain('ADHD');
    expect(all).not.toContain('Amelia');
    // Nothing else was recorded of them: no outcome, no duplicate.
    expect((await h.events()).filter((e) => ['override', 'cancelled', 'fix'].includes(e.kind as string))).toEqual([]);

    const options = await h.openExtensionPage('options.html');
    const view = options.locator('pg=[data-policy-guard="overrides"]');
    const rows = view.locator('[data-policy-guard="held-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    for (let i = 0; i < 3; i++) {
      expect(await rows.nth(i).getAttribute('data-outcome')).toBe('not-sent');
      expect(await rows.nth(i).textContent()).toContain('Not sent');
    }
    expect(await rows.first().textContent()).toContain('Class 3 Oak');
    for (const size of [{ width: 1024, height: 700 }, { width: 400, height: 800 }]) {
      await options.setViewportSize(size);
      await view.scrollIntoViewIfNeeded();
      await h.screenshot(options, `overrides-not-sent-${size.width}`);
    }
    const [download] = await Promise.all([options.waitForEvent('download'), view.locator('[data-policy-guard="held-export-json"]').click()]);
    const { readFileSync } = await import('node:fs');
    const json = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(json.items.map((i: { outcome: string }) => i.outcome)).toEqual(['not-sent', 'not-sent', 'not-sent']);
    await options.close();

    const popup = await h.openExtensionPage('popup.html');
    const week = popup.locator('pg=[data-policy-guard="popup-week"]');
    await week.waitFor();
    expect(await week.getAttribute('data-held')).toBe('3');
    expect(await week.getAttribute('data-not-sent')).toBe('3');
    expect(await week.textContent()).toContain('3 not sent');
    // True whichever way the hold ended (the tab closed too: no dialog is "still open", probe 20g).
    expect(await week.textContent()).toContain('3 not sent: no choice was made in the dialog.');
    await popup.close();
  });

  it('a held send recorded on a channel this version does not name reads "Another channel", not a message key', async () => {
    await h.seed('events', [{ kind: 'override', rule: 'full-name', rules: ['full-name'], classId: 'c1', channel: 'direct-message', reason: 'agreed', at: '2026-11-23T10:00:00.000Z' }]);
    const options = await h.openExtensionPage('options.html');
    // (The records of the test before this one may still be there: only the sent-anyway one is ours.)
    const rows = options.locator('pg=[data-policy-guard="overrides"] [data-policy-guard="held-table"] tbody tr[data-outcome="sent-anyway"]');
    await expect.poll(() => rows.count()).toBe(1);
    const text = await rows.first().textContent();
    expect(text).toContain('Another channel');
    expect(text).not.toContain('channel_');
    await options.close();
  });
});
