/**
 * A held send cannot be let out by a page that changes itself for the length of the teacher's press (probe 14i
 * H1), nor by invisible characters slipped into the draft (probe 14i M3). Launched without test access to the
 * closed roots: the test sees Policy Guard only through the DevTools protocol (SealedView) and acts as the
 * teacher with real input.
 *
 * The page's scripts are run once the page is ready, as every script of a real page runs after Policy Guard's
 * document_start script (an init script of the test's own would run before it, as no page's can).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEACH } from './harness';
import { SealedView } from './unseal';
import { useHarness } from './use-harness';

const ROSTER = [
  { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
  { first: 'Harry', last: 'Davies', photoConsent: false, inCare: false },
  { first: 'Leo', last: 'Wright', photoConsent: true, inCare: true },
  { first: 'Grace', last: 'Taylor', photoConsent: true, inCare: false },
];

describe('a held send cannot be let out by the page changing itself for the press', () => {
  const h = useHarness({ unseal: false }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  const open = async (url: string, init?: string): Promise<Page> => {
    const page = await h.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);
    if (init) await page.evaluate(init);
    return page;
  };
  const sent = (page: Page) => page.evaluate('window.__dojo.sent.length') as Promise<number>;

  // HIGH 1. shownOnScreen (components/visibility.ts) treats a composer that the page's hit test does not reach
  // as not seen, and a send from a composer not seen is not held (the one-bit oracle's defence). A sheet of the
  // page's that paints nothing at all, laid over the composer only while the teacher's button is down on Post,
  // changes nothing the teacher sees, yet the serious draft they wrote and can read goes out unheld.
  it('a clear sheet laid over the composer as the teacher presses Post does not let the serious draft out unheld', async () => {
    const page = await open(`${TEACH}#/classes/c1/story`, String.raw`addEventListener('pointerdown', (e) => {
      const post = e.target.closest && e.target.closest('button');
      if (!post || post.textContent.trim() !== 'Post') return;
      const box = document.querySelector('[data-name="storyComposerTextarea"]');
      const r = box.getBoundingClientRect();
      const sheet = document.createElement('div');
      sheet.style.cssText = 'position:fixed;background:transparent;z-index:2147483647;left:' + r.left + 'px;top:' + r.top + 'px;width:' + r.width + 'px;height:' + r.height + 'px';
      document.body.append(sheet);
      // Gone as the click ends (this listener hears it after Policy Guard's capture listener decided).
      addEventListener('click', () => sheet.remove(), { once: true });
    }, true)`);
    const ui = await SealedView.of(page);
    const box = page.locator('[data-name="storyComposerTextarea"]');
    await box.fill('Leo Wright has been diagnosed with ADHD.');
    await ui.waitFor('[data-rule="sensitive-content"]');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.waitForTimeout(1000);
    expect(await sent(page), 'the serious post went out with no gate').toBe(0);
    expect(await ui.centre('[data-policy-guard="gate"]'), 'the gate held it').toBeDefined();
    await page.close();
  });

  // Not here: the composer faded for the length of the press (probe 14i). Counting the composer seen as the press
  // began closed it, but reopened the one-bit oracle (probe 14j: a composer shown only from pointerover of Post to
  // the press); the oracle is the worse leak, so the composer is judged at the click alone (PRIVACY.md).

  // HIGH 1, by the control's identity: the page takes the marks Policy Guard knows a Send control by (its
  // data-name, and its accessible name, through aria-label) off the button for the instant of the press. The
  // teacher sees "Send" as ever; the gate sees no send control, and the click passes unexamined.
  it('a Send button renamed for the instant of the press does not let the serious message out unheld', async () => {
    const page = await open(`${TEACH}#/classes/c1/messaging/g1`, String.raw`addEventListener('pointerdown', (e) => {
      const send = e.target.closest && e.target.closest('[data-name="messageComposerSendButton"]');
      if (!send) return;
      send.removeAttribute('data-name');
      send.setAttribute('aria-label', 'Go');
      addEventListener('click', () => { send.setAttribute('data-name', 'messageComposerSendButton'); send.removeAttribute('aria-label'); }, { once: true });
    }, true)`);
    const ui = await SealedView.of(page);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.fill('Grace has been diagnosed with ADHD, please be patient with her.');
    await ui.waitFor('[data-rule="sensitive-content"]');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await page.waitForTimeout(1000);
    expect(await sent(page), 'the serious message went out with no gate').toBe(0);
    expect(await ui.centre('[data-policy-guard="gate"]'), 'the gate held it').toBeDefined();
    await page.close();
  });

  // HIGH 1, by Enter: no press to hook, so the page lays its clear sheet over the chat box whenever the box has
  // the focus (and lifts it when the focus leaves, so the teacher's clicks into the box still land). The teacher
  // types and presses Enter as ever; the message goes out unheld.
  it('a clear sheet over the focused chat box does not let the serious message sent with Enter out unheld', async () => {
    const page = await open(`${TEACH}#/classes/c1/messaging/g1`, String.raw`(() => {
      let sheet;
      addEventListener('focusin', (e) => {
        if (!e.target.matches || !e.target.matches('[data-name="messageComposerInput"]') || sheet) return;
        const r = e.target.getBoundingClientRect();
        sheet = document.createElement('div');
        sheet.style.cssText = 'position:fixed;background:transparent;z-index:2147483647;left:' + r.left + 'px;top:' + r.top + 'px;width:' + r.width + 'px;height:' + r.height + 'px';
        document.body.append(sheet);
      }, true);
      addEventListener('focusout', (e) => {
        if (e.target.matches && e.target.matches('[data-name="messageComposerInput"]')) { sheet?.remove(); sheet = undefined; }
      }, true);
    })()`);
    const ui = await SealedView.of(page);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.click();
    await page.keyboard.type('Grace has been diagnosed with ADHD, please be patient with her.');
    await ui.waitFor('[data-rule="sensitive-content"]');
    await page.keyboard.press('Enter');
    await page.waitForTimeout(1000);
    expect(await sent(page), 'the serious message went out with no gate').toBe(0);
    expect(await ui.centre('[data-policy-guard="gate"]'), 'the gate held it').toBeDefined();
    await page.close();
  });

  // MEDIUM 3. The checks read a word broken by an invisible format character (a soft hyphen U+00AD; also U+2060,
  // U+200C, U+200D, U+180E, U+2063) as two words: a page script that slips soft hyphens between the letters the
  // teacher types (unseen in the box and in the post as families read it) blinds every check, and the post naming
  // a pupil in care with a photo and a diagnosis goes out unheld. (A teacher pasting from a word processor that
  // keeps optional hyphens meets the same, with no attacker.)
  it('soft hyphens slipped between the letters the teacher types do not blind the checks and the gate', async () => {
    const page = await open(`${TEACH}#/classes/c1/story`, String.raw`addEventListener('input', (e) => {
      const box = e.target;
      if (!box.matches || !box.matches('[data-name="storyComposerTextarea"]')) return;
      const soft = box.value.replace(/\u00ad/g, '').replace(/(\p{L})(?=\p{L})/gu, '$1\u00ad');
      if (soft !== box.value) Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(box, soft);
    }, true)`);
    const ui = await SealedView.of(page);
    await page.getByRole('button', { name: 'Add photo' }).click();
    const box = page.locator('[data-name="storyComposerTextarea"]');
    await box.click();
    await page.keyboard.type('Leo Wright has been diagnosed with ADHD.');
    // The box holds what the teacher typed, as they see it, with the page's soft hyphens in it.
    const value = await box.inputValue();
    expect(value).toContain('\u00ad');
    expect(value.replace(/\u00ad/g, '')).toBe('Leo Wright has been diagnosed with ADHD.');
    await page.waitForTimeout(800);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.waitForTimeout(1000);
    expect(await sent(page), 'the post went out unheld').toBe(0);
    expect(await ui.centre('[data-policy-guard="gate"]'), 'the gate held it').toBeDefined();
    const shown = await ui.text();
    expect(shown).toContain('Local Authority care');
    expect(shown).toMatch(/diagnos/);
    await page.close();
  });
});
