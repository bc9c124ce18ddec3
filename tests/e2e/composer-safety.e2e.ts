/**
 * Issue #13: the teacher's draft and Send are safe in any editor. Each scenario runs on every composer
 * variant: ClassDojo-like textarea and contenteditable, and real editor libraries from npm (a React-
 * controlled textarea, Draft.js, Lexical, ProseMirror, Slate; tests/fixtures/editors).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';
import { reasonFrame, sendAnyway } from './gate';

type Dojo = { __dojo: { sent: { text: string; route: string }[]; state: { drafts: Record<string, { draft: string } | undefined> } } };

/** Query string of each composer variant (the fixture's parameters, tests/fixtures/README.md). */
export const VARIANTS: Record<string, string> = {
  textarea: '',
  editable: '?composer=editable',
  react: '?editor=react',
  draftjs: '?editor=draftjs',
  lexical: '?editor=lexical',
  prosemirror: '?editor=prosemirror',
  slate: '?editor=slate',
};

const ROSTER = [
  { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
  { first: 'Grace', last: 'Taylor', photoConsent: true, inCare: false },
];

/** Line breaks as the app serialises them differ by library (Lexical: a blank line between paragraphs). */
const lines = (text: string | undefined) => (text ?? '').replace(/\n+/g, '\n').trim();
const sent = (page: Page) => page.evaluate(() => (window as unknown as Dojo).__dojo.sent);
const draftOf = (page: Page, key: string) => page.evaluate((k) => (window as unknown as Dojo).__dojo.state.drafts[k]?.draft ?? '', key);
/** The page's URL for a variant, with more fixture parameters ("enter=keyup"). */
const urlOf = (query: string, extra: string, hash: string) => {
  const params = [query.replace(/^\?/, ''), extra].filter(Boolean).join('&');
  return `${TEACH}${params ? `?${params}` : ''}${hash}`;
};
const box = (page: Page, container = 'storyComposer') =>
  page.locator(`[data-name="${container}"] textarea, [data-name="${container}"] [contenteditable="true"]`).first();

/** In an open group chat: writes a message with sensitive content, presses Enter, and returns the gate holding it. */
async function holdInChat(page: Page) {
  await box(page, 'messageComposer').click();
  await page.keyboard.type('Grace has been diagnosed with ADHD', { delay: 5 });
  await page.locator(`${PANEL} [data-rule="sensitive-content"]`).first().waitFor();
  await page.keyboard.press('Enter');
  const gate = page.locator('pg=[data-policy-guard="gate"]');
  await gate.waitFor();
  return gate;
}

describe.each(Object.entries(VARIANTS))('the composer’s draft is safe: %s', (variant, query) => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  const story = async () => {
    const page = await h.openDojo(`${TEACH}${query}#/classes/c1/story`);
    await page.locator(`${PANEL} [data-policy-guard="audience"]`).waitFor();
    await box(page).click();
    return page;
  };
  const fixButton = (page: Page) => page.locator(`${PANEL} [data-rule="full-name"]`).getByRole('button', { name: 'Change to “Amelia”' });

  it('fixes a name on the second line of a multi-line draft without shifting a character, and Post sends that', async () => {
    const page = await story();
    await page.keyboard.type('Good morning families', { delay: 5 });
    await page.keyboard.press('Enter');
    await page.keyboard.type('Well done Amelia Hughes today', { delay: 5 });
    await fixButton(page).click();
    await expect.poll(async () => lines(await draftOf(page, 'class-story:c1'))).toBe('Good morning families\nWell done Amelia today');
    await h.screenshot(page, `safety-multiline-${variant}`);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(async () => (await sent(page)).length).toBe(1);
    expect(lines((await sent(page))[0]!.text)).toBe('Good morning families\nWell done Amelia today');
    await page.close();
  });

  it('keeps focus and the caret in the box after a fix, and Ctrl+Z undoes it', async () => {
    const page = await story();
    await page.keyboard.type('Well done Amelia Hughes today', { delay: 5 });
    await fixButton(page).click();
    await expect.poll(async () => lines(await draftOf(page, 'class-story:c1'))).toBe('Well done Amelia today');
    // What the teacher types next goes where the fix ended, not to the page.
    await page.keyboard.type('!', { delay: 5 });
    await expect.poll(async () => lines(await draftOf(page, 'class-story:c1'))).toBe('Well done Amelia! today');
    // Undo walks back through the "!" and the fix (an editor may group the two into one step, as Slate's
    // history merges adjacent typing), and every step on the way is a draft the teacher had.
    const seen: string[] = [];
    for (let i = 0; i < 3 && seen.at(-1) !== 'Well done Amelia Hughes today'; i++) {
      await page.keyboard.press('Control+z');
      await page.waitForTimeout(150);
      seen.push(lines(await draftOf(page, 'class-story:c1')));
    }
    expect(seen.at(-1)).toBe('Well done Amelia Hughes today');
    for (const step of seen) expect(['Well done Amelia today', 'Well done Amelia Hughes today']).toContain(step);
    await page.close();
  });

  it('never applies a fix to a draft that changed after it was checked', async () => {
    const page = await story();
    const fix = fixButton(page);
    // A race with the checker's 120 ms debounce: type on, and click the old suggestion before the checker has
    // caught up, straight at its place on the screen as a quick hand would. On a loaded machine the checker
    // can win the race (the click then meets the fresh suggestion, or nothing): try again, up to 4 times.
    let stale = false;
    for (let attempt = 0; attempt < 4 && !stale; attempt++) {
      await box(page).click();
      await page.keyboard.press('Control+a');
      await page.keyboard.press('Delete');
      await page.keyboard.type('Well done Amelia Hug', { delay: 5 });
      await expect.poll(() => page.locator(`${PANEL} [data-rule="full-name"]`).textContent()).toContain('“Amelia Hug”');
      const at = (await fix.boundingBox())!;
      await page.keyboard.type('hes', { delay: 0 });
      await page.mouse.click(at.x + at.width / 2, at.y + at.height / 2);
      await page.waitForTimeout(400);
      // Whoever won, the draft is never the old fix applied to the new text ("Well done Ameliahes").
      expect(['Well done Amelia Hughes', 'Well done Amelia']).toContain(lines(await draftOf(page, 'class-story:c1')));
      stale = (await page.locator(`${PANEL} [data-policy-guard="fix-outcome"][data-outcome="stale"]`).count()) > 0;
    }
    expect(stale).toBe(true);
    expect(lines(await draftOf(page, 'class-story:c1'))).toBe('Well done Amelia Hughes');
    // The fresh suggestion is for the whole name, and applies.
    await fixButton(page).click();
    await expect.poll(async () => lines(await draftOf(page, 'class-story:c1'))).toBe('Well done Amelia');
    await page.close();
  });

  it('holds a send with the panel closed', async () => {
    const page = await story();
    await page.locator(`${PANEL} button[aria-label="Hide Policy Guard"]`).click();
    await page.locator('pg=[data-policy-guard="panel-tab"]').waitFor();
    await box(page).click();
    await page.keyboard.type('Well done Amelia Hughes', { delay: 5 });
    await page.waitForTimeout(200);
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    await gate.waitFor();
    expect(await gate.textContent()).toContain('Amelia Hughes');
    expect((await sent(page)).length).toBe(0);
    await h.screenshot(page, `safety-gate-panel-closed-${variant}`);
    // "Apply all fixes" says it sends nothing, and does as it says.
    const fixAll = gate.getByRole('button', { name: 'Apply all fixes (nothing is sent)' });
    await fixAll.click();
    await expect.poll(() => gate.count()).toBe(0);
    expect(await page.locator('pg=[data-policy-guard="gate-toast"]').textContent()).toContain('Fixes applied. Nothing was sent');
    expect((await sent(page)).length).toBe(0);
    expect(lines(await draftOf(page, 'class-story:c1'))).toBe('Well done Amelia');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(async () => (await sent(page)).length).toBe(1);
    await page.close();
  });

  it('"Apply all fixes" fixes what it can and keeps holding what it cannot', async () => {
    const page = await story();
    await page.keyboard.type('Amelia Hughes has been diagnosed with ADHD', { delay: 5 });
    await expect.poll(() => page.locator(`${PANEL} [data-rule="full-name"]`).textContent()).toContain('“Amelia Hughes”');
    await page.locator(`${PANEL} [data-rule="sensitive-content"]`).first().waitFor();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    await gate.waitFor();
    await gate.getByRole('button', { name: 'Apply all fixes (nothing is sent)' }).click();
    await expect.poll(async () => lines(await draftOf(page, 'class-story:c1'))).toBe('Amelia has been diagnosed with ADHD');
    await expect.poll(() => gate.locator('[data-rule="full-name"]').count()).toBe(0);
    expect(await gate.locator('[data-rule="sensitive-content"]').count()).toBeGreaterThan(0);
    expect(await page.locator('pg=[data-policy-guard="gate-toast"]').count()).toBe(0);
    expect(await sent(page)).toEqual([]);
    await page.close();
  });

  it('drops a held chat message when the teacher goes to another conversation, and never sends that one’s draft', async () => {
    const page = await h.openDojo(`${TEACH}${query}#/classes/c1/messaging/p2`);
    await box(page, 'messageComposer').click();
    await page.keyboard.type('See you at parents’ evening', { delay: 5 });
    await page.evaluate(() => (location.hash = '#/classes/c1/messaging/g1'));
    await box(page, 'messageComposer').waitFor();
    await page.waitForTimeout(100);
    const gate = await holdInChat(page);
    await (await reasonFrame(page)).locator('textarea').fill('The family asked me to');
    await page.goBack();
    await expect.poll(() => gate.count()).toBe(0);
    await page.locator('pg=[data-policy-guard="gate-toast"]').waitFor();
    expect(await sent(page)).toEqual([]);
    expect(lines(await draftOf(page, 'chat:p2'))).toBe('See you at parents’ evening');
    expect(lines(await draftOf(page, 'chat:g1'))).toBe('Grace has been diagnosed with ADHD');
    await page.close();
  });

  it('"Go back and edit" puts the teacher back at the end of their draft', async () => {
    const page = await h.openDojo(`${TEACH}${query}#/classes/c1/messaging/g1`);
    const gate = await holdInChat(page);
    await gate.getByRole('button', { name: 'Go back and edit' }).click();
    await expect.poll(() => gate.count()).toBe(0);
    await page.waitForTimeout(150);
    await page.keyboard.type(' today', { delay: 5 });
    await expect.poll(async () => lines(await draftOf(page, 'chat:g1'))).toBe('Grace has been diagnosed with ADHD today');
    expect(await sent(page)).toEqual([]);
    await page.close();
  });

  it('puts a suggested reply after the teacher’s own words, without breaking the editor', async () => {
    const page = await h.openDojo(`${TEACH}${query}#/classes/c1/messaging/p1`);
    await box(page, 'messageComposer').click();
    await page.keyboard.type('Hello Mrs Hughes,', { delay: 5 });
    const card = page.locator('pg=[data-policy-guard="routing"]');
    const reply = (await card.locator('pg=[data-policy-guard="suggested-reply"]').textContent())!.trim();
    await card.getByRole('button', { name: 'Put this reply in the message box' }).click();
    const start = reply.split(/\s+/).slice(0, 6).join(' ');
    await expect.poll(async () => lines(await draftOf(page, 'chat:p1')).replace(/\s+/g, ' ')).toContain(`Hello Mrs Hughes, ${start}`);
    expect(await sent(page)).toEqual([]);
    await page.close();
  });

  it('sends a held chat message exactly once after "Send anyway", by the route it was written in', async () => {
    const page = await h.openDojo(`${TEACH}${query}#/classes/c1/messaging/g1`);
    const gate = await holdInChat(page);
    expect(await sent(page)).toEqual([]);
    await sendAnyway(page, 'Her mum asked me to tell the class');
    await expect.poll(async () => (await sent(page)).length).toBe(1);
    await page.waitForTimeout(300);
    const all = await sent(page);
    expect(all).toHaveLength(1);
    expect(lines(all[0]!.text)).toBe('Grace has been diagnosed with ADHD');
    expect(all[0]!.route).toBe('#/classes/c1/messaging/g1');
    await page.close();
  });
});

describe.each(Object.entries(VARIANTS))('Enter is held however the page sends: %s', (variant, query) => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  for (const enter of ['window-capture', 'keyup']) {
    it(`holds Enter when the page sends from ${enter === 'keyup' ? 'the keyup of Enter' : 'its own window capture listener'}`, async () => {
      const page = await h.openDojo(urlOf(query, `enter=${enter}`, '#/classes/c1/messaging/g1'));
      const gate = await holdInChat(page);
      await page.waitForTimeout(200);
      expect(await sent(page)).toEqual([]);
      // Enter again while the dialog is up (focus back in the box) is held too.
      await box(page, 'messageComposer').focus();
      await page.keyboard.press('Enter');
      await page.waitForTimeout(200);
      expect(await sent(page)).toEqual([]);
      await sendAnyway(page, 'Her mum asked me to tell the class');
      await expect.poll(async () => (await sent(page)).length).toBe(1);
      await page.waitForTimeout(300);
      expect((await sent(page)).length).toBe(1);
      expect(lines((await sent(page))[0]!.text)).toBe('Grace has been diagnosed with ADHD');
      await page.close();
    });
  }

  it('does not send when Enter presses "Go back and edit" on a page that sends on keyup', async () => {
    await h.editPolicy({ rules: { 'sensitive-content': { action: 'block' } } });
    const page = await h.openDojo(urlOf(query, 'enter=keyup', '#/classes/c1/messaging/g1'));
    const gate = await holdInChat(page);
    // On the dialog's first button (where the focus goes when it opens), Enter presses it, and focus goes
    // back to the box before the key comes up.
    await gate.getByRole('button', { name: 'Go back and edit' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => gate.count()).toBe(0);
    await page.waitForTimeout(200);
    expect(await sent(page)).toEqual([]);
    expect(lines(await draftOf(page, 'chat:g1'))).toBe('Grace has been diagnosed with ADHD');
    await h.editPolicy({});
    await page.close();
  });

  it('never sends a Shift+Enter whose Shift is let go first, on a page that sends on keyup', async () => {
    const page = await h.openDojo(urlOf(query, 'enter=keyup', '#/classes/c1/messaging/g1'));
    await box(page, 'messageComposer').click();
    await page.keyboard.type('Grace has been diagnosed with ADHD', { delay: 5 });
    await page.locator(`${PANEL} [data-rule="sensitive-content"]`).first().waitFor();
    await page.keyboard.down('Shift');
    await page.keyboard.down('Enter');
    await page.keyboard.up('Shift');
    await page.keyboard.up('Enter');
    await page.waitForTimeout(200);
    expect(await sent(page)).toEqual([]);
    expect(await page.locator('pg=[data-policy-guard="gate"]').count()).toBe(0);
    await page.close();
  });

  it('checks and holds a composer ClassDojo opens in a dialog outside its app root (editing a post)', async () => {
    const page = await h.openDojo(urlOf(query, 'dialog=edit', '#/classes/c1/story'));
    await page.locator('[data-name="editPostButton"]').first().click();
    const dialog = page.locator('body > [data-name="editPostDialog"]');
    await dialog.waitFor();
    const editor = dialog.locator('textarea, [contenteditable="true"]').first();
    await editor.click();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Well done Amelia Hughes', { delay: 5 });
    const finding = page.locator(`${PANEL} [data-rule="full-name"]`);
    await expect.poll(() => finding.textContent()).toContain('“Amelia Hughes”');
    await dialog.getByRole('button', { name: 'Post', exact: true }).click();
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    await gate.waitFor();
    expect(await sent(page)).toEqual([]);
    await h.screenshot(page, `safety-dialog-${variant}`);
    await gate.getByRole('button', { name: 'Go back and edit' }).click();
    await finding.getByRole('button', { name: 'Change to “Amelia”' }).click();
    await expect.poll(async () => lines(await editor.evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText)))).toMatch(/Well done Amelia$/);
    await dialog.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(async () => (await sent(page)).length).toBe(1);
    expect((await sent(page))[0]!.text).toMatch(/Well done Amelia$/);
    await page.close();
  });
});

describe('a block finding', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
    await h.editPolicy({ rules: { 'full-name': { action: 'block' } } });
  });

  it('cannot be ignored for this post (nor always), and holds the send with no way to send anyway', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator('[data-name="storyComposerTextarea"]').fill('Well done Amelia Hughes');
    const finding = page.locator(`${PANEL} [data-rule="full-name"]`);
    await finding.waitFor();
    expect(await finding.getByRole('button', { name: 'Ignore for this post' }).count()).toBe(0);
    expect(await finding.getByRole('button', { name: 'Always ignore' }).count()).toBe(0);
    await finding.locator('pg=[data-policy-guard="no-ignore"]').waitFor();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    await gate.waitFor();
    expect(await page.locator('pg=[data-policy-guard="reason-frame"]').count()).toBe(0);
    expect(page.frames().some((f) => f.url().includes('gate-reason.html'))).toBe(false);
    expect(await sent(page)).toEqual([]);
    await page.close();
  });
});
