/**
 * A Send that acts on the press or the release of the pointer rather than on its click (issue 14): buttons that
 * send on the pointerdown or on the mousedown (cancelled, so the text box keeps the focus, as chat composers do),
 * on the pointerup or the mouseup, and a real React Aria button (`?send=react-aria`: its `usePress` ends the press
 * at the click after the pointerup, and clicks the button itself 80 ms after a pointerup that no click followed).
 * The gate holds a serious draft as the press begins (or at the release), before the page hears of it; "Go back
 * and edit" sends nothing and puts the teacher back in their draft; "Send anyway" with a reason sends it exactly
 * once; a clean draft sends exactly once, with no dialog. The release of a press held as it began belongs to it,
 * wherever it lands: let go on the dialog that opened under the pointer, it presses nothing of ours (one dialog),
 * nor of the page's.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { c1Pupils } from './class-c1';
import { sendAnyway } from './gate';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';

type Dojo = { __dojo: { sent: { text: string }[] } };
const sent = (page: Page) => page.evaluate(() => (window as unknown as Dojo).__dojo.sent.map((s) => s.text));

const CLEAN = 'See you all at the school fair on Saturday!';
const SERIOUS = 'Grace Taylor has been diagnosed with ADHD, please be patient with her.';

describe('a Send that acts on the press of the pointer', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(true));
  });

  async function open(send: string) {
    const page = await h.openDojo(`${TEACH}?send=${send}#/classes/c1/messaging/g1`);
    const input = page.locator('[data-name="messageComposerInput"]');
    const button = page.locator('[data-name="messageComposerSendButton"]');
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    return { page, input, button, gate };
  }

  for (const [send, at] of [['pointerdown', 'press'], ['mousedown', 'press'], ['react-aria', 'release'], ['pointerup', 'release'], ['mouseup', 'release']] as const) {
    it(`${send}: a clean draft sends once; a serious one is held at the ${at}, Edit sends nothing, "Send anyway" sends it once`, async () => {
      const { page, input, button, gate } = await open(send);
      if (send === 'react-aria') expect(await button.getAttribute('type')).toBe('button');

      await input.fill(CLEAN);
      await page.locator(`${PANEL} [data-policy-guard="audience"]`).waitFor();
      await button.click();
      await expect.poll(() => sent(page)).toEqual([CLEAN]);
      await page.waitForTimeout(300);
      expect(await gate.count()).toBe(0);
      expect(await sent(page)).toHaveLength(1);

      await input.fill(SERIOUS);
      await page.locator(`${PANEL} [data-rule="sensitive-content"]`).first().waitFor();
      await button.click();
      await gate.waitFor();
      // Longer than React Aria's 80 ms wait for a click before it clicks the button itself.
      await page.waitForTimeout(500);
      expect(await sent(page)).toHaveLength(1);
      await h.screenshot(page, `${at}-send-${send}-held`);
      await gate.getByRole('button', { name: 'Go back and edit' }).click();
      await expect.poll(() => gate.count()).toBe(0);
      await page.waitForTimeout(500);
      expect(await sent(page)).toHaveLength(1);
      expect(await input.inputValue()).toBe(SERIOUS);
      expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);

      await button.click();
      await gate.waitFor();
      await page.waitForTimeout(300);
      expect(await sent(page)).toHaveLength(1);
      await sendAnyway(page, 'Her parents asked me to tell the class');
      await expect.poll(() => sent(page)).toEqual([CLEAN, SERIOUS]);
      await page.waitForTimeout(500);
      expect(await sent(page)).toHaveLength(2); // exactly once
      expect(await gate.count()).toBe(0);
      await page.close();
    });
  }

  for (const send of ['mousedown', 'react-aria', 'click'] as const) {
    it(`${send}: a press held as it began and let go on the dialog presses nothing there, and "Send anyway" sends once`, async () => {
      const { page, input, button, gate } = await open(send === 'click' ? '' : send);
      await input.fill(SERIOUS);
      await page.locator(`${PANEL} [data-rule="sensitive-content"]`).first().waitFor();
      const box = (await button.boundingBox())!;
      await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
      await page.mouse.down();
      await gate.waitFor();
      // Still pressed: let go over the dialog's "Go back and edit", which opened meanwhile.
      const edit = (await gate.getByRole('button', { name: 'Go back and edit' }).boundingBox())!;
      await page.mouse.move(edit.x + edit.width / 2, edit.y + edit.height / 2, { steps: 4 });
      await page.mouse.up();
      await page.waitForTimeout(500);
      expect(await gate.count()).toBe(1);
      expect(await sent(page)).toEqual([]);
      await sendAnyway(page, 'Her parents asked me to tell the class');
      await expect.poll(() => sent(page)).toEqual([SERIOUS]);
      await page.waitForTimeout(500);
      expect(await sent(page)).toHaveLength(1);
      expect(await gate.count()).toBe(0);
      await page.close();
    });
  }
});
