/**
 * The background's options-only requests (policy-state, save-edits, reset-edits: the options page's, by its sender)
 * and Policy Guard's own pages are out of a hostile page's reach (probe 15, helper 123): page-world script on
 * teach.classdojo.com, knowing the extension's id (the worst case), tries `chrome.runtime`, every shape of
 * `postMessage` a relay might hear, framing, opening and navigating to the extension's pages, and the gate
 * frame's address in its own performance timeline. The school's saved edits must be as they were.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEACH } from './harness';
import { reasonFrame } from './gate';
import { useHarness } from './use-harness';

const ready = (page: Page) => page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);

const EDIT = { name: 'Probe Fifteen Primary' };

describe('a hostile page against the options-only requests and Policy Guard’s own pages', () => {
  const h = useHarness({ unseal: false }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', [{ first: 'Zofia', last: 'Nowak', photoConsent: false, inCare: true }]);
    await h.editPolicy(EDIT);
  });
  const edits = () => h.worker.evaluate(() => (globalThis as any).chrome.storage.local.get('policyEdits').then((v: any) => v.policyEdits));

  it('page world: chrome.runtime, window.postMessage of options requests, to the window and every frame', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/p1`);
    await ready(page);
    await page.waitForTimeout(800);
    const id = h.extensionId;
    const got = await page.evaluate(async (id) => {
      const out: Record<string, unknown> = {};
      const c = (window as any).chrome;
      out.chrome = typeof c;
      out.runtime = c && typeof c.runtime;
      out.sendMessage = c?.runtime && typeof c.runtime.sendMessage;
      for (const type of ['policy-state', 'reset-edits', 'save-edits']) {
        const msg = type === 'save-edits' ? { type, patch: { name: 'Hacked' } } : { type };
        try {
          out[`send:${type}`] = await new Promise((res) => {
            try {
              c.runtime.sendMessage(id, msg, (r: unknown) => res({ r, err: c.runtime.lastError?.message }));
            } catch (e) {
              res(String(e));
            }
            setTimeout(() => res('timeout'), 1500);
          });
        } catch (e) {
          out[`send:${type}`] = String(e);
        }
        // Every shape a relay might listen for: raw, WXT's, nested.
        for (const m of [msg, { ...msg, source: 'policy-guard' }, { type: 'wxt:message', data: msg }, JSON.stringify(msg)]) {
          window.postMessage(m, '*');
          for (let i = 0; i < window.frames.length; i++) window.frames[i]!.postMessage(m, '*');
        }
      }
      document.dispatchEvent(new CustomEvent('policy-guard', { detail: { type: 'reset-edits' } }));
      return out;
    }, id);
    await page.waitForTimeout(1500);
    const after = await edits();
    await page.close();
    // No request reached the background: each send threw or went unanswered (the page has no chrome.runtime).
    for (const [k, v] of Object.entries(got)) if (k.startsWith('send:')) expect(typeof v, `${k}: ${JSON.stringify(v)}`).toBe('string');
    expect(after).toEqual(EDIT);
  });

  it('page frames or opens the extension’s own pages (id known to the page: worst case)', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await ready(page);
    const base = `chrome-extension://${h.extensionId}`;
    const before = h.context.pages().length;
    await page.evaluate((base) => {
      for (const p of ['/options.html', '/options.html#rosters', '/popup.html', '/gate-reason.html', '/spot-note.html']) {
        const f = document.createElement('iframe');
        f.src = base + p;
        f.style.cssText = 'width:300px;height:100px';
        document.body.append(f);
      }
      try {
        (window as any).__opened = !!window.open(base + '/options.html#rosters/c1');
      } catch (e) {
        (window as any).__opened = String(e);
      }
    }, base);
    await page.waitForTimeout(2500);
    const frames = await Promise.all(
      page.frames().map(async (f) => ({ url: f.url(), text: await f.evaluate(() => document.body?.innerText?.slice(0, 120) ?? '').catch((e) => `(${String(e).slice(0, 60)})`) })),
    );
    const pages = h.context.pages().map((p) => p.url());
    h.pageErrors.splice(0); // blocked loads are console errors: expected here
    const ownPageShown = frames.some((f) => f.url.startsWith(base) && f.text && !f.text.startsWith('('));
    await page.close().catch(() => undefined);
    expect(ownPageShown, 'an extension page rendered inside the page').toBe(false);
    expect(await edits()).toEqual(EDIT);
    // And the page navigating itself there.
    const top = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await top.evaluate((u) => location.assign(u), `${base}/options.html`).catch(() => undefined);
    await top.waitForTimeout(1500);
    h.pageErrors.splice(0);
    await top.close();
    expect(await edits()).toEqual(EDIT);
  });

  it('page reads the gate frame’s dynamic address from its own performance timeline and frames it', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/g1`);
    await ready(page);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.fill('Grace has been diagnosed with ADHD, please be patient with her.');
    await page.waitForTimeout(1200);
    await input.press('Enter');
    await reasonFrame(page);
    await page.waitForTimeout(500);
    const seen = await page.evaluate(() => ({
      resource: performance.getEntriesByType('resource').map((e) => (e as PerformanceResourceTiming).name).filter((n) => !n.startsWith('https://teach')),
      all: performance.getEntries().map((e) => e.name).filter((n) => /extension/.test(n)),
      frames: window.frames.length,
      frameHref: (() => {
        const r: string[] = [];
        for (let i = 0; i < window.frames.length; i++) {
          try {
            r.push(window.frames[i]!.location.href);
          } catch (e) {
            r.push(String(e).slice(0, 80));
          }
        }
        return r;
      })(),
    }));
    const leaked = [...seen.resource, ...seen.all].find((n) => n.includes('gate-reason'));
    if (leaked) {
      await page.evaluate((u) => {
        const f = document.createElement('iframe');
        f.src = u;
        document.body.append(f);
      }, leaked);
      await page.waitForTimeout(1000);
    }
    h.pageErrors.splice(0);
    await page.close();
    expect(leaked, 'the gate frame’s address reached the page').toBeUndefined();
  });

});
