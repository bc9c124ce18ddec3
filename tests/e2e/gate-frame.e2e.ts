/**
 * The gate's reason box and "Send anyway" live in an extension frame (entrypoints/gate-reason): the page can
 * neither search nor read what the teacher types there, hear its keys, press its button, nor swap the frame
 * for one of its own; a button the page covered does not count a click (clickjacking).
 */
import type { Frame, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEACH } from './harness';
import { useHarness } from './use-harness';

const CHAT = `${TEACH}#/classes/c1/messaging/g1`;
const FRAME = 'pg=[data-policy-guard="reason-frame"]';

/** The page's own script: every key event that reaches its document, from any target. */
const LISTEN_KEYS = String.raw`(() => {
  window.__keys = [];
  for (const t of ['keydown', 'keypress', 'keyup', 'beforeinput', 'input']) window.addEventListener(t, (e) => window.__keys.push(t + ':' + (e.key ?? e.data ?? '')), true);
})()`;

describe('the gate reason frame', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
  });

  /** Opens the chat, writes a draft with a diagnosis and presses Enter: the gate holds it. */
  const held = async (): Promise<{ page: Page; frame: Frame }> => {
    const page = await h.openDojo(CHAT);
    await page.evaluate(LISTEN_KEYS);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.fill('Grace has been diagnosed with ADHD, please be patient with her.');
    await page.locator('pg=[data-rule="sensitive-content"]').first().waitFor();
    await input.press('Enter');
    const handle = await page.locator(FRAME).elementHandle();
    const frame = (await handle!.contentFrame())!;
    await frame.locator('textarea').waitFor();
    await page.evaluate('window.__keys.length = 0');
    return { page, frame };
  };
  const sent = (page: Page) => page.evaluate('window.__dojo.sent.length') as Promise<number>;

  it('takes the reason in a frame the page cannot search or hear, and sends once', async () => {
    const { page, frame } = await held();
    expect(frame.url()).toMatch(/^chrome-extension:\/\/[^/]+\/gate-reason\.html#[0-9a-f-]{36}$/);
    await frame.locator('textarea').click();
    await page.keyboard.type('Her mum asked me to write', { delay: 20 });
    // The page hears none of it, and cannot find the words typed.
    expect(await page.evaluate('window.__keys')).toEqual([]);
    expect(await page.evaluate(`window.find('mum asked', false, false, true)`)).toBe(false);
    await page.waitForTimeout(500);
    await frame.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => sent(page)).toBe(1);
    // The record is written by the background after the send goes (a clean-clone run read it a moment too soon).
    await expect.poll(async () => (await h.events()).find((e) => e.kind === 'override')?.reason).toBe('Her mum asked me to write');
    await page.close();
  });

  it('keeps the reason typed so far when the page moves the dialog and the browser reloads the frame', async () => {
    const { page, frame } = await held();
    await frame.locator('textarea').click();
    await page.keyboard.type('Her dad asked me to', { delay: 10 });
    await page.waitForTimeout(300);
    // The page moves the gate's host into a box of its own; Policy Guard puts it back, and the browser
    // reloads a frame whose element moves.
    await page.evaluate(`(() => {
      const box = document.createElement('div');
      document.body.append(box);
      box.append(document.querySelector('policy-guard-gate'));
    })()`);
    await expect.poll(() => page.evaluate(`document.querySelector('policy-guard-gate').parentElement === document.body`)).toBe(true);
    const again = (await (await page.locator(FRAME).elementHandle())!.contentFrame())!;
    expect(frame.isDetached(), 'the frame was reloaded').toBe(true);
    await expect.poll(() => again.locator('textarea').inputValue(), { timeout: 5000 }).toBe('Her dad asked me to');
    await page.waitForTimeout(500);
    await again.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => sent(page)).toBe(1);
    await expect.poll(async () => (await h.events()).filter((e) => e.kind === 'override').at(-1)?.reason).toBe('Her dad asked me to');
    await page.close();
  });

  it('takes the typing focus back when the page steals it from the reason box, and says so', async () => {
    const { page, frame } = await held();
    // The page waits until the teacher has been typing in Policy Guard for a moment, then focuses a hidden
    // box of its own, again and again.
    await page.evaluate(`(() => {
      const trap = document.createElement('textarea');
      trap.style.cssText = 'position:fixed;left:0;top:0;width:1px;height:1px;opacity:0';
      document.body.append(trap);
      window.__trap = trap;
      let since = 0;
      setInterval(() => {
        const a = document.activeElement;
        if (a && a !== trap && (a.localName.startsWith('policy-guard') || a.hasAttribute('data-policy-guard-host'))) {
          if (!since) since = performance.now();
          else if (performance.now() - since > 300) { trap.focus(); since = 0; }
        } else since = 0;
      }, 20);
    })()`);
    await frame.locator('textarea').click();
    await page.keyboard.type('Her mum asked me to, she is in foster care', { delay: 40 });
    expect(await page.evaluate('window.__trap.value')).toBe('');
    // The rest stays in the reason box (a key pressed in the very instant of a theft can be lost: never given
    // to the page, and the notice asks the teacher to check the reason).
    const full = 'Her mum asked me to, she is in foster care';
    const kept = await frame.locator('textarea').inputValue();
    expect(kept.length).toBeGreaterThanOrEqual(full.length - 2);
    let i = 0;
    for (const ch of full) if (kept[i] === ch) i += 1;
    expect(i, `${kept} is the reason less a key or two`).toBe(kept.length);
    await page.locator('pg=[data-policy-guard="focus-taken"]').waitFor();
    await page.close();
  });

  it('does not count a click on Send anyway while the page covers or fades the gate', async () => {
    const { page, frame } = await held();
    await frame.locator('textarea').fill('Her mum asked me to');
    // A see-through layer of the page's over the whole window: the teacher's click goes through it...
    await page.evaluate(`(() => {
      const veil = document.createElement('div');
      veil.id = 'veil';
      veil.style.cssText = 'position:fixed;inset:0;z-index:2147483647;pointer-events:none;background:rgba(255,255,255,0.02)';
      document.body.append(veil);
    })()`);
    await page.waitForTimeout(500);
    await frame.getByRole('button', { name: 'Send anyway' }).click();
    // ...but it does not count, and the frame says why.
    await frame.getByRole('alert').waitFor();
    expect(await frame.getByRole('alert').textContent()).toContain('covering this button');
    await page.waitForTimeout(300);
    expect(await sent(page)).toBe(0);
    // Faded instead of covered (opacity on our host alone does not fade its fixed dialog; on the body it
    // does): still not counted.
    await page.evaluate(`(() => { document.getElementById('veil').remove(); document.body.style.opacity = '0.1'; })()`);
    await page.waitForTimeout(500);
    await frame.getByRole('button', { name: 'Send anyway' }).click();
    await page.waitForTimeout(300);
    expect(await sent(page)).toBe(0);
    // In plain view again, the teacher's click counts.
    await page.evaluate(`document.body.style.opacity = ''`);
    await page.waitForTimeout(600);
    await frame.getByRole('button', { name: 'Send anyway' }).click();
    await expect.poll(() => sent(page)).toBe(1);
    await page.close();
  });

  it("is out of the page's reach, and a copy the page frames itself cannot send for the teacher", async () => {
    const { page } = await held();
    // In a closed shadow root, the frame is not among the page's frames: it cannot be posted to or navigated.
    expect(await page.evaluate('window.frames.length')).toBe(0);
    // The page frames its own copy of the reason page, dressed as the real one (it cannot know the nonce).
    await page.evaluate(`(() => {
      const fake = document.createElement('iframe');
      fake.id = 'fake';
      fake.src = 'chrome-extension://${h.extensionId}/gate-reason.html#00000000-0000-4000-8000-000000000000';
      fake.style.cssText = 'position:fixed;top:0;left:0;width:400px;height:160px;z-index:2147483647;background:#fff';
      document.body.append(fake);
    })()`);
    // Chromium refuses it: the page is reachable only at this session's own address (use_dynamic_url).
    const denied = (e: string) => e.includes('Denying load of chrome-extension://') && e.includes('gate-reason.html#00000000');
    await expect.poll(() => h.pageErrors.some(denied)).toBe(true);
    h.pageErrors.splice(0, h.pageErrors.length, ...h.pageErrors.filter((e) => !denied(e)));
    const fake = page.frames().find((f) => f.url().includes('00000000-0000-4000-8000-000000000000'));
    expect(fake ? await fake.locator('textarea').count() : 0).toBe(0);
    // Even served, a copy without the hold's nonce is ignored (a unit test in send-gate.test.tsx shows it).
    expect(await sent(page)).toBe(0);
    expect(await page.locator('pg=[data-policy-guard="gate"]').count()).toBe(1);
    expect((await h.events()).filter((e) => e.reason === 'fooled')).toEqual([]);
    await page.close();
  });

  it('keeps Escape and Tab working from inside the frame', async () => {
    const { page, frame } = await held();
    const focusedInGate = () =>
      page.evaluate(`(() => { const r = window.__pgRoot('policy-guard-gate'); const a = r.activeElement; return !a ? null : a === r.querySelector('.pg-actions button') ? 'first' : a.localName; })()`);
    await frame.locator('textarea').fill('x');
    await frame.getByRole('button', { name: 'Send anyway' }).focus();
    // Tab from the frame's last control goes round to the dialog's first, not out to ClassDojo's page.
    await page.keyboard.press('Tab');
    await expect.poll(focusedInGate).toBe('first');
    // Shift+Tab from the first control goes back into the frame.
    await page.keyboard.press('Shift+Tab');
    await expect.poll(() => frame.evaluate('document.hasFocus()')).toBe(true);
    // Escape in the frame closes the gate and puts the teacher back in the draft, unsent.
    await frame.locator('textarea').press('Escape');
    await page.locator('pg=[data-policy-guard="gate"]').waitFor({ state: 'detached' });
    expect(await page.evaluate(`document.activeElement?.getAttribute('data-name')`)).toBe('messageComposerInput');
    expect(await sent(page)).toBe(0);
    await page.close();
  });
});
