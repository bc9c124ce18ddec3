/**
 * ClassDojo redesigns its app without telling anyone. These fixture variants take away what Policy Guard
 * leans on: the data-name attributes, the React root's id, the English button labels, the textarea. The
 * checks must carry on by generic detection (any writable box, Send/Post by role and accessible name in
 * Welsh too), say what they cannot see, and never put an error in the page's console (useHarness fails a
 * test on any console error or uncaught exception).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';
import { sendAnyway } from './gate';

const sent = (page: Page) => page.evaluate(() => (window as unknown as { __dojo: { sent: unknown[] } }).__dojo.sent.length);
const composer = (page: Page) => page.getByRole('textbox').first();

describe('a redesigned ClassDojo', () => {
  const h = useHarness({}, (h) => h.choosePolicy('bentley-new-village'));

  it('without any data-name attribute: still checks and gates the post, and says it cannot see tags or photos', async () => {
    const page = await h.openDojo(`${TEACH}?variant=no-data-name#/classes/c1/story`);
    expect(await page.locator('[data-name]').count()).toBe(0);
    await composer(page).fill('Well done to Amelia Hughes for her story!');
    await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
    expect(await page.locator(PANEL).textContent()).toContain('cannot see which pupils are tagged, or whether a photo is attached');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await page.locator('pg=[data-policy-guard="gate"]').waitFor();
    expect(await sent(page)).toBe(0);
    await h.screenshot(page, 'redesign-no-data-name');
    await page.locator('pg=[data-policy-guard="gate"]').getByRole('button', { name: 'Go back and edit' }).click();
    expect(await composer(page).inputValue()).toBe('Well done to Amelia Hughes for her story!');

    // The spot-check finds the posts by their role, but cannot find their text: it says so, rather than
    // reporting a clean feed.
    await h.setSpotCheck(true);
    const unreadable = page.locator('pg=[data-policy-guard="spot-unreadable"]');
    await unreadable.waitFor();
    expect(await unreadable.textContent()).toContain('cannot read the text of 9 of these posts');
    await h.setSpotCheck(false);
    await page.close();
  });

  it('with the React root renamed: says it is on generic detection, and checks all the same', async () => {
    const page = await h.openDojo(`${TEACH}?variant=root#/classes/c1/story`);
    await expect.poll(() => page.locator(PANEL).textContent()).toContain("ClassDojo's page has changed shape");
    await composer(page).fill('Well done to Amelia Hughes!');
    await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
    await page.close();
  });

  it('in Welsh (Anfon, Postio), with a contenteditable box and nothing else to go on: the gate still holds the send', async () => {
    const chat = await h.openDojo(`${TEACH}?variant=cy,no-data-name#/classes/c1/messaging/g1`);
    await composer(chat).fill("Jayden's inhaler is in the office after his asthma attack.");
    // No thread header to count participants: the wider audience is assumed, and said.
    await expect.poll(() => chat.locator(PANEL).textContent()).toContain('Could not tell whether this chat is private');
    await chat.locator(`${PANEL} [data-rule="sensitive-content"]`).waitFor();
    await chat.getByRole('button', { name: 'Anfon', exact: true }).click();
    await chat.locator('pg=[data-policy-guard="gate"]').waitFor();
    expect(await sent(chat)).toBe(0);
    await chat.close();

    const page = await h.openDojo(`${TEACH}?variant=cy,no-data-name,root&composer=editable#/classes/c1/story`);
    await composer(page).click();
    await page.keyboard.type('Well done Amelia Hughes!');
    await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
    await page.getByRole('button', { name: 'Postio', exact: true }).click();
    await page.locator('pg=[data-policy-guard="gate"]').waitFor();
    expect(await sent(page)).toBe(0);
    // Sending anyway after a reason still works, exactly once.
    await sendAnyway(page, 'Parent asked for the full name to be used');
    await expect.poll(() => sent(page)).toBe(1);
    await page.close();
  });
});
