/**
 * Reading the page doctor ("What Policy Guard can see here") and the page outline in end-to-end tests: from
 * the panel, as the teacher opens it, and through the content script's page protocol, as the popup asks it.
 */
import type { Page } from 'playwright-core';
import type { Outline } from '../../lib/dojo/outline';
import type { Harness } from './harness';

export interface PartRow {
  part: string;
  composer: string | null;
  found: string;
  how: string;
  count: string | null;
  needed: string;
}

/** The report's rows as `part[#composer]` → `found|missing how [count]`, for one-line expectations. */
export function summary(rows: PartRow[]): Record<string, string> {
  return Object.fromEntries(
    rows.map((r) => [`${r.part}${r.composer ? `#${r.composer}` : ''}`, `${r.found === 'true' ? 'found' : 'missing'} ${r.how}${r.count !== null ? ` ${r.count}` : ''}`]),
  );
}

/** The doctor's rows as drawn in a root (the panel or the popup). */
export async function rows(page: Page, scope = 'pg=[data-policy-guard="doctor"]'): Promise<PartRow[]> {
  await page.locator(scope).waitFor();
  return page.locator(`${scope} [data-part]`).evaluateAll((els) =>
    els.map((e) => ({
      part: e.getAttribute('data-part')!,
      composer: e.getAttribute('data-composer'),
      found: e.getAttribute('data-found')!,
      how: e.getAttribute('data-how')!,
      count: e.getAttribute('data-count'),
      needed: e.getAttribute('data-needed')!,
    })),
  );
}

/** Opens the doctor in the panel (expanding the docked badge first in a small window) and reads it. */
export async function openDoctor(page: Page): Promise<PartRow[]> {
  const toggle = page.locator('pg=[data-policy-guard="doctor-open"]');
  // The panel settles where it fits (lib/ui/placement.ts): open in a margin, or folded to its badge; it may
  // fold a moment after the page draws. Until the doctor's toggle shows, open whatever is folded.
  // Up to 25 s: on a loaded machine the panel's placement can settle late (a clean-clone run once timed out here).
  // Each click on the folded badge gets 3 s, and what stopped it is kept for the message below.
  const clickErrors: string[] = [];
  const opened = async () => (await toggle.isVisible().catch(() => false)) && (await toggle.getAttribute('aria-expanded').catch(() => null)) === 'true';
  for (const until = Date.now() + 25_000; Date.now() < until && !(await opened()); ) {
    // The toggle may show and then fold away again as the placement settles (a clean-clone run timed out on a
    // click at the toggle that had folded a moment after it showed), so each click here is short and retried.
    if (await toggle.isVisible().catch(() => false)) {
      const clicked = await toggle.click({ timeout: 3_000 }).then(
        () => true,
        (e: unknown) => (clickErrors.push(`doctor-open: ${String(e).split('\n')[0]}`), false),
      );
      // A click that landed opens it as the panel draws again: wait for that rather than click it shut.
      if (clicked) await page.locator('pg=[data-policy-guard="doctor-open"][aria-expanded="true"]').waitFor({ timeout: 2_000 }).catch(() => undefined);
    } else {
      for (const folded of ['panel-badge', 'panel-tab']) {
        const el = page.locator(`pg=[data-policy-guard="${folded}"]`);
        if (await el.isVisible().catch(() => false))
          await el.click({ timeout: 3_000 }).catch((e: unknown) => clickErrors.push(`${folded}: ${String(e).split('\n')[0]}`));
      }
    }
    await page.waitForTimeout(150);
  }
  if (!(await opened())) {
    // Say what the panel showed instead (fixed-position parts too: the badge has no offsetParent), where the
    // panel was placed, and why clicks on the badge failed, so a failure on a loaded CI machine can be read from its log.
    const shown = await page
      .locator('pg=[data-policy-guard]')
      .evaluateAll((els) =>
        els
          .filter((e) => e.getClientRects().length > 0)
          .map((e) => `${e.getAttribute('data-policy-guard')}${e.getAttribute('data-placement') ? `(${e.getAttribute('data-placement')})` : ''}${getComputedStyle(e).visibility === 'hidden' ? '[hidden]' : ''}`)
          .slice(0, 40),
      )
      .catch(() => []);
    const matches = await toggle.count().catch(() => -1);
    throw new Error(
      `the doctor did not open within 25 s (${matches} matched); shown instead: ${shown.join(', ') || 'nothing of Policy Guard'}; ` +
        `clicks that failed: ${[...new Set(clickErrors)].slice(0, 4).join(' | ') || 'none'}`,
    );
  }
  return rows(page);
}

/** The browser's id of the tab showing `page`, from the extension's service worker. */
export async function tabIdOf(h: Harness, page: Page): Promise<number> {
  const url = page.url();
  const id = await h.worker.evaluate(
    async (u) => {
      const tabs = await (globalThis as unknown as { chrome: { tabs: { query(q: object): Promise<{ id: number; url?: string }[]> } } }).chrome.tabs.query({});
      return tabs.find((t) => t.url === u)?.id;
    },
    url,
  );
  if (id === undefined) throw new Error(`no tab shows ${url}`);
  return id;
}

/** Asks the content script of `page`'s tab, as the popup does (PageProtocol in lib/ext/messages.ts). */
export async function askPage<T>(h: Harness, page: Page, type: 'page-doctor' | 'page-outline'): Promise<T> {
  const tabId = await tabIdOf(h, page);
  const answer = await h.worker.evaluate(
    ([id, t]) => (globalThis as unknown as { chrome: { tabs: { sendMessage(id: number, m: object): Promise<unknown> } } }).chrome.tabs.sendMessage(id as number, { type: t }),
    [tabId, type] as const,
  );
  const r = answer as { ok: boolean; value: T };
  if (!r?.ok) throw new Error(`the content script did not answer ${type}: ${JSON.stringify(answer)}`);
  return r.value;
}

export const outlineOf = (h: Harness, page: Page) => askPage<Outline>(h, page, 'page-outline');
