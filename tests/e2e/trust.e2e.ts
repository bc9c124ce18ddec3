import { describe, expect, it } from 'vitest';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';
import type { PgWindow } from './unseal';

const PAYLOAD = '<img src=x onerror="window.__pgXss=1"><script>window.__pgXss=2</script>';

describe('page text is only ever text', () => {
  const h = useHarness({}, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', [{ first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false }]);
    await h.setSpotCheck(true);
  });

  it('shows markup from a post, a draft and a parent’s message as text in the overlay, panel and gate', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    // A post whose text is markup (ClassDojo shows it as text, and so must we), with a full name to flag.
    await page.evaluate((payload) => {
      const feed = document.querySelector('[data-name="storyFeed"]')!;
      const card = document.createElement('div');
      card.innerHTML = `<div data-name="storyPost" role="article" aria-label="Story post" data-post-id="xss1">
        <div data-name="storyPostHeader"><h3></h3><span class="nessie-text" title="2026-11-18T10:00:00Z">Wed</span></div>
        <div data-name="storyPostContents"><span data-name="richText"></span></div></div>`;
      card.querySelector('h3')!.textContent = payload;
      card.querySelector('[data-name="richText"]')!.textContent = `Amelia Hughes ${payload}`;
      feed.append(card);
    }, PAYLOAD);
    const spot = page.locator('pg=[data-policy-guard="spot-check"]');
    await expect.poll(() => page.locator('pg=.pg-outline[data-post-id="xss1"]').count()).toBeGreaterThan(0);
    expect(await spot.textContent()).toContain(PAYLOAD); // the author's "name", shown as typed

    // A draft with markup in it, checked, listed and held at the gate.
    await page.locator('[data-name="storyComposerTextarea"]').fill(`Well done Amelia Hughes! ${PAYLOAD} <b>bold</b>`);
    await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.locator('pg=[data-policy-guard="gate"]').waitFor();

    const shadow = await page.evaluate(() => {
      const root = (window as unknown as PgWindow).__pgRoot('policy-guard-ui')!;
      return { img: root.querySelectorAll('img, script, b').length, xss: (window as unknown as { __pgXss?: number }).__pgXss ?? null };
    });
    expect(shadow).toEqual({ img: 0, xss: null });
    await page.close();

    // A parent's message with markup: routed, cues shown as text.
    const chat = await h.openDojo(`${TEACH}#/classes/c1/messaging/p1`);
    await chat.evaluate((payload) => {
      const bubble = document.querySelector('[data-name="messageBubble"][data-sender-type="parent"] [data-name="messageText"]')!;
      bubble.textContent = `${payload} Amelia is sick today and won't be in`;
      document.querySelector('[data-name="messageList"]')!.append(document.createElement('span')); // a mutation, so the page is read again
    }, PAYLOAD);
    await expect.poll(() => chat.locator('pg=[data-policy-guard="routing"]').getAttribute('data-intent')).toBe('sickness');
    expect(await chat.evaluate(() => ({ img: (window as unknown as PgWindow).__pgRoot('policy-guard-ui')!.querySelectorAll('img, script').length, xss: (window as unknown as { __pgXss?: number }).__pgXss ?? null }))).toEqual({ img: 0, xss: null });
    await chat.close();
  });
});
