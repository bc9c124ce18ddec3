/**
 * When Policy Guard's own parts fail: a corrupt stored policy, a full or broken database, extension storage
 * over quota, the background worker stopped mid-session. Each gives a clear message, nothing is lost, and
 * the teacher can always send. (useHarness fails any test with a console error or uncaught exception.)
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';
import { sendAnyway } from './gate';

type Chrome = { chrome: { storage: { local: { set(v: object): Promise<void> } } } };
const sent = (page: Page) => page.evaluate(() => (window as unknown as { __dojo: { sent: unknown[] } }).__dojo.sent.length);
const store = (h: { worker: { evaluate: (fn: (v: object) => Promise<void>, arg: object) => Promise<void> } }, values: object) =>
  h.worker.evaluate((v) => (globalThis as unknown as Chrome).chrome.storage.local.set(v), values);

describe('when Policy Guard’s own storage fails', () => {
  const h = useHarness({}, (h) => h.choosePolicy('bentley-new-village'));

  it('reads a corrupt stored policy as none, says when a chosen policy cannot be used, and never holds a send then', async () => {
    await store(h, { policyChoice: 'garbage' });
    let page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    // Said as lost, not as never chosen (probe 14h H4).
    await expect.poll(() => page.locator(PANEL).textContent()).toContain('The school policy you chose could not be read');
    await page.locator('[data-name="storyComposerTextarea"]').fill('Well done Amelia Hughes!');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(() => sent(page)).toBe(1);
    await page.close();
    // The popup says the same, and offers the settings rather than a first choice (probe 14h H4).
    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('pg=[data-policy-guard="popup-policy"]').textContent()).toContain('The school policy you chose could not be read');
    expect(await popup.getByRole('button', { name: 'Open settings' }).count()).toBe(1);
    await popup.close();

    // A policy file that was valid when imported but is not now (edited in storage, or an older format).
    await store(h, { policyChoice: { kind: 'file', fileName: 'ours.json', policy: { name: 'Our school', hours: 'always' }, chosenAt: '2026-11-01T10:00:00Z' } });
    page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await expect.poll(() => page.locator(PANEL).textContent()).toContain("The school's policy cannot be used: open the settings to see why.");
    await page.locator('[data-name="storyComposerTextarea"]').fill('Well done Amelia Hughes!');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(() => sent(page)).toBe(1);
    await page.close();
    const options = await h.openExtensionPage('options.html');
    await options.locator('pg=[data-policy-guard="problems-preset"]').waitFor();
    await options.close();

    // Edits that break the policy are refused whole: the checks carry on under the chosen preset.
    await h.choosePolicy('bentley-new-village');
    await h.editPolicy({ hours: { staff: [{ days: ['mon'], start: '25:00', end: '26:00' }] } });
    page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator('[data-name="storyComposerTextarea"]').fill('Well done Amelia Hughes!');
    await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
    await page.close();
    await h.editPolicy(null as unknown as object);
  });

  it('carries on when the database is full: the send goes once, and the spot-check says its record was not saved', async () => {
    // Every write to the extension's IndexedDB now fails as a full disk would.
    await h.worker.evaluate(() => {
      const full = () => {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      };
      IDBObjectStore.prototype.add = full;
      IDBObjectStore.prototype.put = full;
    });
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator('[data-name="storyComposerTextarea"]').fill('Well done Amelia Hughes!');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    await sendAnyway(page, 'Parent asked for it');
    await expect.poll(() => sent(page)).toBe(1);
    expect(await h.events()).toEqual([]); // the override could not be recorded, and the send was not held for it

    await h.setSpotCheck(true);
    await page.locator('pg=[data-policy-guard="spot-store-error"]').waitFor();
    expect(await page.locator('pg=.pg-outline').count()).toBeGreaterThan(0); // the check itself still works
    await h.setSpotCheck(false);
    await page.close();
  });

  it('says so when extension storage is over quota in the settings page, and keeps the policy in force', async () => {
    const options = await h.openExtensionPage('options.html');
    await options.locator('pg=[data-policy-guard="policy-chooser"]').waitFor();
    // Full for every context of the extension, as a real quota is: the options page writes the choice itself, and
    // the background writes the edits it is sent (save-edits).
    const full = () => {
      const local = (globalThis as unknown as { chrome: { storage: { local: { set: unknown; realSet?: unknown } } } }).chrome.storage.local;
      local.realSet = local.set;
      local.set = () => Promise.reject(new Error('QUOTA_BYTES quota exceeded'));
    };
    await options.evaluate(full);
    await h.worker.evaluate(full);
    try {
      await options.getByLabel('Malpas Court Primary School').check();
      await options.getByRole('button', { name: 'Use this policy' }).click();
      await expect.poll(() => options.locator('pg=[data-policy-guard="policy-chooser"] [role="status"]').textContent()).toContain('storage is unavailable or full');
      await options.locator('pg=[data-policy-guard="rule-actions"] select[data-rule="full-name"]').selectOption('off');
      await expect.poll(() => options.locator('pg=[data-policy-guard="rule-actions"]').textContent()).toContain('storage is unavailable or full');
    } finally {
      await h.worker.evaluate(() => {
        const local = (globalThis as unknown as { chrome: { storage: { local: { set: unknown; realSet?: unknown } } } }).chrome.storage.local;
        if (local.realSet) local.set = local.realSet;
      });
    }
    await options.close();
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await expect.poll(() => page.locator(PANEL).getAttribute('data-policy')).toBe('bentley-new-village');
    await page.close();
  });
});

describe('when IndexedDB is unavailable (as in some private windows)', () => {
  const h = useHarness({}, (h) => h.choosePolicy('bentley-new-village'));

  it('the settings page says rosters and records cannot be read, and everything else works', async () => {
    const options = await h.context.newPage();
    await options.addInitScript(() => {
      indexedDB.open = () => {
        throw new DOMException('IndexedDB is not available here.', 'InvalidStateError');
      };
    });
    await options.goto(`chrome-extension://${h.extensionId}/options.html`);
    await options.locator('pg=[data-policy-guard="rosters"] [role="alert"]').waitFor();
    await options.locator('pg=[data-policy-guard="spot-history"] [role="status"]').waitFor();
    expect(await options.locator('pg=[data-policy-guard="spot-history"]').textContent()).toContain('storage is unavailable');
    await expect.poll(() => options.locator('pg=[data-policy-guard="options-current"]').textContent()).toContain('Bentley New Village');
    await options.close();
  });
});

describe('when the background worker is stopped mid-session', () => {
  const h = useHarness({}, (h) => h.choosePolicy('bentley-new-village'));

  it('keeps checking, and wakes it for what needs it: the send goes once, parents’ messages are routed', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await expect.poll(() => page.locator(PANEL).getAttribute('data-policy'), { timeout: 5_000 }).toBe('bentley-new-village');
    // Stop the extension's service worker, as Chrome does when it is idle or crashes.
    const cdp = await h.context.newCDPSession(page);
    const { targetInfos } = (await cdp.send('Target.getTargets')) as { targetInfos: { type: string; url: string; targetId: string }[] };
    const sw = targetInfos.find((t) => t.type === 'service_worker' && t.url.startsWith(`chrome-extension://${h.extensionId}/`))!;
    await cdp.send('Target.closeTarget', { targetId: sw.targetId });
    const workers = async () => ((await cdp.send('Target.getTargets')) as { targetInfos: { type: string }[] }).targetInfos.filter((t) => t.type === 'service_worker').length;
    await expect.poll(workers).toBe(0);

    await page.locator('[data-name="storyComposerTextarea"]').fill('Well done Amelia Hughes!');
    await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    await sendAnyway(page, 'Parent asked for it');
    await expect.poll(() => sent(page)).toBe(1);

    const chat = await h.openDojo(`${TEACH}#/classes/c1/messaging/p1`);
    await expect.poll(() => chat.locator('pg=[data-policy-guard="routing"]').getAttribute('data-intent'), { timeout: 10_000 }).toBe('sickness');
    await chat.close();
    await page.close();
  });
});
