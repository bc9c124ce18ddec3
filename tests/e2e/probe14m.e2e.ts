/**
 * Probe 14m (issue 14): attacks on the press gate (entrypoints/content/core/intercept.ts asks at the trusted press
 * on Send where the gate's `pressed` says the press alone can judge it; "Send anyway" replays the whole press).
 * As a hostile page script (run once the page is ready, as a real page's scripts run after Policy Guard's
 * document_start script) or as an awkward but honest teacher with real mouse and keyboard input, on the fixture
 * chat whose Send acts on the press (`?send=pointerdown|mousedown`), on the release (`?send=pointerup`) or on the
 * click (no `send`). Each finding is a test named for what it shows; each defended case a test that fails if the
 * defence breaks.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { sendAnyway } from './gate';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';

type Dojo = { __dojo: { sent: { text: string }[]; rerender(): void } };
const sent = (page: Page) => page.evaluate(() => (window as unknown as Dojo).__dojo.sent.map((s) => s.text));

const ROSTER = [
  { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
  { first: 'Harry', last: 'Davies', photoConsent: false, inCare: false },
  { first: 'Leo', last: 'Wright', photoConsent: true, inCare: true },
  { first: 'Grace', last: 'Taylor', photoConsent: true, inCare: false },
];

const CLEAN = 'See you all at the school fair on Saturday!';
const SERIOUS = 'Grace has been diagnosed with ADHD, please be patient with her.';
const REASON = 'Her parents asked me to tell the class';

/** A page script: puts `text` in the chat box as the app's own code would (the value, then an input event). */
const PUT = (text: string) => `(() => {
  const box = document.querySelector('[data-name="messageComposerInput"]');
  Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value').set.call(box, ${JSON.stringify(text)});
  box.dispatchEvent(new Event('input', { bubbles: true }));
})()`;

describe('probe 14m: the press gate', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  async function open(send = '', init?: string) {
    const page = await h.openDojo(`${TEACH}${send ? `?send=${send}` : ''}#/classes/c1/messaging/g1`);
    if (init) await page.evaluate(init);
    const input = page.locator('[data-name="messageComposerInput"]');
    const button = page.locator('[data-name="messageComposerSendButton"]');
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    return { page, input, button, gate };
  }
  /** The teacher clicks into the chat box and types `text` with real keys; waits until the panel has read it. */
  async function type(page: Page, text: string, serious = text === SERIOUS) {
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.click();
    await page.keyboard.type(text);
    await page.locator(`${PANEL} ${serious ? '[data-rule="sensitive-content"]' : '[data-policy-guard="audience"]'}`).first().waitFor();
    await page.waitForTimeout(200);
  }
  const centre = async (page: Page, selector: string) => {
    const box = (await page.locator(selector).boundingBox())!;
    return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
  };
  const SEND = '[data-name="messageComposerSendButton"]';
  /** The teacher presses Send with the mouse, holds it 150 ms and lets go. */
  const press = async (page: Page) => {
    const at = await centre(page, SEND);
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.waitForTimeout(150);
    await page.mouse.up();
  };

  // ---- 1. the draft or the composer changed around the press ----

  // HIGH (finding 1): a press the gate asked about as it began (the teacher's own clean draft) and let pass was
  // never asked about again: the rest of the press (its release, its click) passed unasked. Whatever the page put
  // in the box meanwhile (a hostile script, or an honest app's autocomplete that completes a name as the box loses
  // the focus to the button) went out unchecked by a Send acting on the release or the click.
  for (const send of ['', 'pointerup'] as const) {
    it(`finding 1: ${send || 'click'}: a clean draft swapped for a serious one as the press begins is not sent unheld`, async () => {
      const { page, gate } = await open(
        send,
        `addEventListener('pointerdown', (e) => { if (e.target.closest && e.target.closest('${SEND}')) ${PUT(SERIOUS)}; }, true)`,
      );
      await type(page, CLEAN);
      await page.locator(SEND).click();
      await page.waitForTimeout(800);
      expect(await sent(page), 'the serious draft the page put in went out unheld').toEqual([]);
      expect(await gate.count(), 'the gate held it').toBe(1);
      await page.close();
    });
  }

  // The press-acting Send sends as the press begins, with what the teacher typed and the gate judged: the page's
  // swap, which comes after, is its own business (it can send anything it likes); nothing held tells it anything.
  it('defended: pointerdown: a clean draft swapped for a serious one as the press begins sends the teacher’s clean draft, once, unheld', async () => {
    const { page, gate } = await open(
      'pointerdown',
      `addEventListener('pointerdown', (e) => { if (e.target.closest && e.target.closest('${SEND}')) setTimeout(() => ${PUT(SERIOUS)}); }, true)`,
    );
    await type(page, CLEAN);
    await page.locator(SEND).click();
    await expect.poll(() => sent(page)).toEqual([CLEAN]);
    await page.waitForTimeout(500);
    expect(await sent(page)).toEqual([CLEAN]);
    expect(await gate.count()).toBe(0);
    await page.close();
  });

  // The reverse: the teacher's serious draft swapped for a clean one once the press begins: the press was held
  // before the page heard of it, so the page's swap comes only with the replay... and the draft changed under the
  // dialog is not sent (the machine's draft-changed).
  it('defended: mousedown: a serious draft swapped for a clean one while the press is held is not sent', async () => {
    const { page, gate } = await open('mousedown');
    await type(page, SERIOUS);
    await page.locator(SEND).click();
    await gate.waitFor();
    await page.evaluate(PUT(CLEAN));
    await page.waitForTimeout(300);
    expect(await sent(page)).toEqual([]);
    await page.waitForTimeout(500);
    // The draft changed under the dialog: the hold is cancelled, nothing sent.
    expect(await sent(page)).toEqual([]);
    await page.close();
  });

  // HIGH (finding 2): the teacher's own draft is known by the composer element their typing went into; an app that
  // draws the composer again (React does on a parent's re-render: a new message in the thread) makes a new element
  // holding the same text, which is no longer "theirs": its press is asked about only at the release, and a Send
  // acting on the press has sent the serious draft by then.
  for (const send of ['pointerdown', 'mousedown'] as const) {
    it(`finding 2: ${send}: the teacher’s serious draft in a composer the app drew again is held at the press`, async () => {
      const { page, input, gate } = await open(send);
      await type(page, SERIOUS);
      await page.evaluate(() => (window as unknown as Dojo).__dojo.rerender());
      expect(await input.inputValue()).toBe(SERIOUS);
      await page.waitForTimeout(300);
      await page.locator(SEND).click();
      await page.waitForTimeout(800);
      expect(await sent(page), 'the serious draft went out unheld').toEqual([]);
      expect(await gate.count(), 'the gate held it').toBe(1);
      await sendAnyway(page, REASON);
      await expect.poll(() => sent(page)).toEqual([SERIOUS]);
      await page.waitForTimeout(500);
      expect(await sent(page)).toEqual([SERIOUS]);
      await page.close();
    });
  }

  // HIGH (finding 3, known: PRIVACY.md "can still"): a draft the teacher did not type (one the app kept
  // from before the page was loaded, a template, a name picked from a list) is asked about only at the release,
  // after a Send acting on the press has sent it. Tried in probe 14m: keeping such a press's pointerdown and
  // mousedown from the page until its release, then judging it and handing them over (untrusted) if it passes. It
  // closes this, but the page can then no longer hide its own composer as the press begins before Policy Guard
  // judges it, so sealed-looks' "shown from pointerover of Post until the press" oracle tests fail (the roster bit:
  // Harry and Leo held, Amelia not). A design decision, not made here.
  // Asserted as it is today, under a name that says it is the gap: a change that closes it fails this test, and
  // should then turn it round (held, nothing sent). PRIVACY.md lists the gap under "can still".
  it('finding 3, the known gap: pointerdown: a serious draft the app put in the box goes out at the press, unheld', async () => {
    const { page, gate } = await open('pointerdown');
    await page.evaluate(PUT(SERIOUS));
    await page.locator(`${PANEL} [data-rule="sensitive-content"]`).first().waitFor();
    await page.waitForTimeout(300);
    await page.locator(SEND).click();
    await page.waitForTimeout(800);
    expect(await sent(page), 'sent once, at the press').toEqual([SERIOUS]);
    expect(await gate.count(), 'no gate: the press had already sent it').toBe(0);
    await page.close();
  });

  // HIGH (finding 4): Policy Guard's own one-click fix (at the teacher's click) edits the draft with no trusted
  // beforeinput, so the fixed draft is no longer "theirs": a serious finding left in it (a diagnosis, once the
  // full name is fixed) is asked about only at the release, after a Send acting on the press has sent it.
  it('finding 4: pointerdown: a draft still serious after the one-click full-name fix is held at the press', async () => {
    const { page, input, gate } = await open('pointerdown');
    const typed = 'Grace Taylor has been diagnosed with ADHD, please be patient with her.';
    await type(page, typed, true);
    const fix = page.locator(`${PANEL} [data-rule="full-name"] [data-policy-guard="fix"]`).first();
    await fix.waitFor();
    await page.waitForTimeout(900);
    await fix.click();
    await expect.poll(() => input.inputValue()).not.toBe(typed);
    await page.locator(`${PANEL} [data-rule="sensitive-content"]`).first().waitFor();
    await page.waitForTimeout(400);
    await page.locator(SEND).click();
    await page.waitForTimeout(800);
    expect(await sent(page), 'the still-serious draft went out unheld').toEqual([]);
    expect(await gate.count(), 'the gate held it').toBe(1);
    await page.close();
  });

  // The composer drawn again while the dialog is up (same draft): the hold follows it; "Send anyway" sends once.
  for (const send of ['pointerdown', 'mousedown'] as const) {
    it(`defended: ${send}: composer and Send drawn again while the dialog is up: "Send anyway" sends the teacher’s text once`, async () => {
      const { page, gate } = await open(send);
      await type(page, SERIOUS);
      await page.locator(SEND).click();
      await gate.waitFor();
      const before = await page.locator(SEND).elementHandle();
      await page.evaluate(() => (window as unknown as Dojo).__dojo.rerender());
      expect(await before!.evaluate((el) => el.isConnected), 'a new Send element').toBe(false);
      await page.waitForTimeout(300);
      expect(await gate.count()).toBe(1);
      await sendAnyway(page, REASON);
      await expect.poll(() => sent(page)).toEqual([SERIOUS]);
      await page.waitForTimeout(500);
      expect(await sent(page)).toEqual([SERIOUS]);
      expect(await gate.count()).toBe(0);
      await page.close();
    });
  }

  it('defended: mousedown: composer drawn again while the dialog is up: "Go back and edit" sends nothing, the focus goes to the new box and typing continues', async () => {
    const { page, input, gate } = await open('mousedown');
    await type(page, SERIOUS);
    await page.locator(SEND).click();
    await gate.waitFor();
    await page.evaluate(() => (window as unknown as Dojo).__dojo.rerender());
    await page.waitForTimeout(300);
    await gate.getByRole('button', { name: 'Go back and edit' }).click();
    await expect.poll(() => gate.count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(' Thanks');
    expect(await input.inputValue()).toBe(`${SERIOUS} Thanks`);
    expect(await sent(page)).toEqual([]);
    await page.close();
  });

  it('defended: pointerdown: the composer removed while the dialog is up cancels the hold: nothing sent, ever', async () => {
    const { page, gate } = await open('pointerdown');
    await type(page, SERIOUS);
    await page.locator(SEND).click();
    await gate.waitFor();
    await page.evaluate(`document.querySelector('[data-name="messageComposer"]').remove()`);
    await expect.poll(() => gate.count()).toBe(0);
    await page.waitForTimeout(800);
    expect(await sent(page)).toEqual([]);
    await page.close();
  });

  // ---- 2. awkward presses ----

  it('defended: mousedown: a press on Send dragged off and let go elsewhere is held; "Send anyway" sends once, where the press began', async () => {
    const { page, gate } = await open('mousedown');
    await type(page, SERIOUS);
    const at = await centre(page, SEND);
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.move(at.x, at.y - 150, { steps: 5 });
    await page.mouse.up();
    await gate.waitFor();
    await page.waitForTimeout(500);
    expect(await sent(page)).toEqual([]);
    await sendAnyway(page, REASON);
    await expect.poll(() => sent(page)).toEqual([SERIOUS]);
    await page.waitForTimeout(500);
    expect(await sent(page)).toEqual([SERIOUS]);
    await page.close();
  });

  for (const button of ['right', 'middle'] as const) {
    it(`defended: pointerdown: a ${button}-button press on Send sends nothing and opens nothing; the next left press is held`, async () => {
      const { page, gate } = await open('pointerdown');
      await type(page, SERIOUS);
      await page.locator(SEND).click({ button });
      await page.keyboard.press('Escape');
      await page.waitForTimeout(600);
      expect(await sent(page)).toEqual([]);
      expect(await gate.count()).toBe(0);
      await page.locator(SEND).click();
      await gate.waitFor();
      await page.waitForTimeout(300);
      expect(await sent(page)).toEqual([]);
      await page.close();
    });
  }

  it('defended: mousedown: a left press with the right button pressed too before the release is held once; "Send anyway" sends once', async () => {
    const { page, gate } = await open('mousedown');
    await type(page, SERIOUS);
    const at = await centre(page, SEND);
    await page.mouse.move(at.x, at.y);
    await page.mouse.down();
    await page.mouse.down({ button: 'right' });
    await page.mouse.up({ button: 'right' });
    await page.mouse.up();
    await page.waitForTimeout(600);
    expect(await sent(page)).toEqual([]);
    await gate.waitFor();
    await sendAnyway(page, REASON);
    await expect.poll(() => sent(page)).toEqual([SERIOUS]);
    await page.waitForTimeout(500);
    expect(await sent(page)).toEqual([SERIOUS]);
    await page.close();
  });

  for (const send of ['pointerdown', 'mousedown'] as const) {
    it(`defended: ${send}: a double-click on Send holds once; "Send anyway" sends exactly once`, async () => {
      const { page, gate } = await open(send);
      await type(page, SERIOUS);
      await page.locator(SEND).dblclick();
      await gate.waitFor();
      await page.waitForTimeout(500);
      expect(await sent(page)).toEqual([]);
      expect(await gate.count()).toBe(1);
      await sendAnyway(page, REASON);
      await expect.poll(() => sent(page)).toEqual([SERIOUS]);
      await page.waitForTimeout(600);
      expect(await sent(page)).toEqual([SERIOUS]);
      await page.close();
    });

    it(`defended: ${send}: a double-click on Send with a clean draft sends it exactly once`, async () => {
      const { page, gate } = await open(send);
      await type(page, CLEAN);
      await page.locator(SEND).dblclick();
      await expect.poll(() => sent(page)).toEqual([CLEAN]);
      await page.waitForTimeout(600);
      expect(await sent(page)).toEqual([CLEAN]);
      expect(await gate.count()).toBe(0);
      await page.close();
    });
  }

  for (const key of ['Enter', ' '] as const) {
    it(`defended: pointerdown: ${key === ' ' ? 'Space' : key} on the focused press-acting Send sends nothing unheld`, async () => {
      const { page, gate } = await open('pointerdown');
      await type(page, SERIOUS);
      await page.locator(SEND).focus();
      await page.keyboard.press(key === ' ' ? 'Space' : key);
      await page.waitForTimeout(800);
      expect(await sent(page)).toEqual([]);
      if (await gate.count()) {
        await sendAnyway(page, REASON);
        await page.waitForTimeout(800);
        expect((await sent(page)).length, 'at most once').toBeLessThanOrEqual(1);
      }
      await page.close();
    });
  }

  it('defended: pointerdown: a touch on Send that the browser cancels (pointercancel) is held; "Send anyway" sends once', async () => {
    const { page, gate } = await open('pointerdown');
    await type(page, SERIOUS);
    const at = await centre(page, SEND);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [{ x: at.x, y: at.y, id: 1 }] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchCancel', touchPoints: [] });
    await gate.waitFor();
    await page.waitForTimeout(500);
    expect(await sent(page)).toEqual([]);
    await sendAnyway(page, REASON);
    await expect.poll(() => sent(page)).toEqual([SERIOUS]);
    await page.waitForTimeout(500);
    expect(await sent(page)).toEqual([SERIOUS]);
    await page.close();
  });

  it('defended: mousedown: a second finger down and up elsewhere while the first holds Send sends nothing unheld', async () => {
    const { page, gate } = await open('mousedown');
    await type(page, SERIOUS);
    const at = await centre(page, SEND);
    const cdp = await page.context().newCDPSession(page);
    const one = { x: at.x, y: at.y, id: 1 };
    const two = { x: at.x, y: at.y - 200, id: 2 };
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [one] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: [one, two] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [one] });
    await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
    await page.waitForTimeout(800);
    expect(await sent(page), 'nothing sent without "Send anyway"').toEqual([]);
    await page.close();
  });

  // ---- 3. what the page learns ----

  /**
   * A page script recording, for each trusted press on Send, what its own capture listeners on window saw: which of
   * pointerdown and mousedown reached it, whether they came cancelled, and whether Send matched :active as the press
   * went down. Read with `window.__seen`.
   */
  const WATCH = String.raw`(() => {
    window.__seen = [];
    let cur;
    for (const type of ['pointerdown', 'mousedown']) addEventListener(type, (e) => {
      const send = e.target.closest && e.target.closest('${SEND}');
      if (!send) return;
      if (type === 'pointerdown' || !cur) { cur = { events: [] }; window.__seen.push(cur); }
      const c = cur;
      c.events.push(type + (e.defaultPrevented ? ':prevented' : '') + (e.isTrusted ? '' : ':untrusted'));
      // Whether Send shows as pressed (:active) once the browser's default action has run.
      if (type === 'mousedown') setTimeout(() => (c.active = send.matches(':active')));
    }, true);
  })()`;

  it('oracle: the press of a draft the teacher did not type tells the page nothing: a hidden serious and a hidden clean draft look the same', async () => {
    const seen: unknown[] = [];
    for (const draft of [CLEAN, SERIOUS]) {
      const { page, gate } = await open('', WATCH);
      await page.evaluate(`document.querySelector('[data-name="messageComposerInput"]').style.opacity = '0'`);
      await page.evaluate(PUT(draft));
      await page.waitForTimeout(600);
      await press(page);
      await page.waitForTimeout(600);
      expect(await gate.count()).toBe(0);
      seen.push({ seen: await page.evaluate('window.__seen'), sent: await sent(page) });
      await page.close();
    }
    expect(seen[0]).toEqual({ seen: [{ events: ['pointerdown', 'mousedown'], active: true }], sent: [CLEAN] });
    expect(seen[1]).toEqual({ seen: [{ events: ['pointerdown', 'mousedown'], active: true }], sent: [SERIOUS] });
  });

  it('oracle: a visible draft the teacher did not type: its press reaches the page alike, clean or serious', async () => {
    const seen: unknown[] = [];
    for (const draft of [CLEAN, SERIOUS]) {
      const { page } = await open('', WATCH);
      await page.evaluate(PUT(draft));
      await page.waitForTimeout(600);
      await press(page);
      await page.waitForTimeout(600);
      seen.push(await page.evaluate('window.__seen'));
      await page.close();
    }
    expect(seen[1]).toEqual(seen[0]);
  });

  it('oracle: a synthetic (untrusted) press on Send never opens the dialog and is never cancelled, whatever the draft', async () => {
    for (const send of ['pointerdown', 'mousedown', '']) {
      const { page, gate } = await open(send);
      await type(page, SERIOUS);
      const prevented = await page.evaluate(`(() => {
        const b = document.querySelector('${SEND}');
        const r = b.getBoundingClientRect();
        const at = { bubbles: true, cancelable: true, composed: true, clientX: r.x + 5, clientY: r.y + 5, button: 0, buttons: 1, pointerId: 1, pointerType: 'mouse', isPrimary: true };
        return ['pointerover', 'pointerdown', 'mousedown', 'pointerup', 'mouseup', 'click'].filter((t) => !b.dispatchEvent(new (t[0] === 'p' ? PointerEvent : MouseEvent)(t, at)) && t !== 'mousedown');
      })()`);
      await page.waitForTimeout(600);
      expect(prevented, send).toEqual([]);
      expect(await gate.count(), send).toBe(0);
      await page.close();
    }
  });

  // ---- 4. honest use ----

  for (const send of ['pointerdown', 'mousedown'] as const) {
    it(`honest: ${send}: a clean draft sends at once (as the press goes down), once, no dialog; typing goes on`, async () => {
      const { page, input, gate } = await open(send);
      await type(page, CLEAN);
      // What the page's own listener hears of the press: the teacher's own event, uncancelled, as it comes.
      await page.evaluate(`window.__heard = []; addEventListener('${send}', (e) => window.__heard.push([e.isTrusted, e.defaultPrevented]), true)`);
      const at = await centre(page, SEND);
      await page.mouse.move(at.x, at.y);
      await page.mouse.down();
      // Sent as the press goes down, before the release.
      await expect.poll(() => sent(page), { timeout: 1000 }).toEqual([CLEAN]);
      await page.mouse.up();
      await page.waitForTimeout(500);
      expect(await sent(page)).toEqual([CLEAN]);
      expect(await gate.count()).toBe(0);
      expect(await page.evaluate('window.__heard')).toEqual([[true, false]]);
      // The app draws a new box after a send (the fixture's, as ClassDojo's): the teacher clicks into it and goes on.
      await input.click();
      await page.keyboard.type('Next');
      expect(await input.inputValue()).toBe('Next');
      await page.close();
    });
  }

  it('honest: pointerdown: "Go back and edit" puts the focus back in the draft and typing goes on; "Send anyway" then sends the edited text once', async () => {
    const { page, input, gate } = await open('pointerdown');
    await type(page, SERIOUS);
    await page.locator(SEND).click();
    await gate.waitFor();
    await gate.getByRole('button', { name: 'Go back and edit' }).click();
    await expect.poll(() => gate.count()).toBe(0);
    await page.waitForTimeout(300);
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);
    await page.keyboard.type(' Thanks.');
    expect(await input.inputValue()).toBe(`${SERIOUS} Thanks.`);
    await page.waitForTimeout(500);
    await page.locator(SEND).click();
    await gate.waitFor();
    await sendAnyway(page, REASON);
    await expect.poll(() => sent(page)).toEqual([`${SERIOUS} Thanks.`]);
    await page.waitForTimeout(500);
    expect(await sent(page)).toEqual([`${SERIOUS} Thanks.`]);
    await page.close();
  });
});
