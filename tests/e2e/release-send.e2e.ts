/**
 * A Send that acts on the release of the pointer rather than on its click (issue 14, M4): a real React Aria
 * button (`?send=react-aria`: its `usePress` ends the press at the click after the pointerup, and clicks the
 * button itself 80 ms after a pointerup that no click followed), and buttons that send on the pointerup or the
 * mouseup (`?send=pointerup|mouseup`). The gate holds a serious draft at the release, before the page hears of it;
 * "Go back and edit" sends nothing; "Send anyway" with a reason sends it exactly once; a clean draft sends
 * exactly once, with no dialog.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { c1Pupils } from './class-c1';
import { sendAnyway } from './gate';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';

type Dojo = { __dojo: { sent: { text: string }[] } };
const sent = (page: Page) => page.evaluate(() => (window as unknown as Dojo).__dojo.sent.map((s) => s.text));

const SERIOUS = 'Grace Taylor has been diagnosed with ADHD, please be patient with her.';

describe('a Send that acts on the release of the pointer', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(true));
  });

  for (const send of ['react-aria', 'pointerup', 'mouseup'] as const) {
    it(`${send}: a clean draft sends once; a serious one is held at the release, Edit sends nothing, "Send anyway" sends it once`, async () => {
      const page = await h.openDojo(`${TEACH}?send=${send}#/classes/c1/messaging/g1`);
      const input = page.locator('[data-name="messageComposerInput"]');
      const button = page.locator('[data-name="messageComposerSendButton"]');
      const gate = page.locator('pg=[data-policy-guard="gate"]');
      if (send === 'react-aria') expect(await button.getAttribute('type')).toBe('button');

      await input.fill('See you all at the school fair on Saturday!');
      await page.locator(`${PANEL} [data-policy-guard="audience"]`).waitFor();
      await button.click();
      await expect.poll(() => sent(page)).toEqual(['See you all at the school fair on Saturday!']);
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
      await h.screenshot(page, `release-send-${send}-held`);
      await gate.getByRole('button', { name: 'Go back and edit' }).click();
      await expect.poll(() => gate.count()).toBe(0);
      await page.waitForTimeout(500);
      expect(await sent(page)).toHaveLength(1);
      expect(await input.inputValue()).toBe(SERIOUS);

      await button.click();
      await gate.waitFor();
      await page.waitForTimeout(300);
      expect(await sent(page)).toHaveLength(1);
      await sendAnyway(page, 'Her parents asked me to tell the class');
      await expect.poll(() => sent(page)).toEqual(['See you all at the school fair on Saturday!', SERIOUS]);
      await page.waitForTimeout(500);
      expect(await sent(page)).toHaveLength(2); // exactly once
      expect(await gate.count()).toBe(0);
      await page.close();
    });
  }
});
