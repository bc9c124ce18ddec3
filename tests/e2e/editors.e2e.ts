/**
 * The teacher fixture's composers built with real editor libraries (`?editor=`, bundled by
 * tests/fixtures/editors/build.ts), and the extra page variants (`?dialog=edit`, `?enter=window-capture`,
 * `?enter=keyup`). These tests are about the fixtures themselves: each library's own model and the app's
 * controlled draft hold what was typed, Post and Enter send it, and nothing errors in the console. The
 * extension is loaded (its panel is on the page) but its checks are not what is tested here.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { TEACH } from './harness';
import { useHarness } from './use-harness';

interface Sent {
  channel: string;
  text: string;
  edit?: string;
}
type Dojo = {
  __dojo: {
    sent: Sent[];
    editorText(key: string): string | undefined;
    rerender(): void;
    state: { drafts: Record<string, { draft: string } | undefined> };
  };
};
const sentList = (page: Page) => page.evaluate(() => (window as unknown as Dojo).__dojo.sent.map((s) => ({ ...s })));
const draftOf = (page: Page, key: string) => page.evaluate((k) => (window as unknown as Dojo).__dojo.state.drafts[k]?.draft, key);
const editorText = (page: Page, key: string) => page.evaluate((k) => (window as unknown as Dojo).__dojo.editorText(k), key);

/** What the page shows in a composer: a textarea's value, a contenteditable's rendered text. */
const shown = (box: Locator) => box.evaluate((el) => (el instanceof HTMLTextAreaElement ? el.value : (el as HTMLElement).innerText.trim()));

const STORY_PLACEHOLDER = 'Share something with families in your class…';
const LINE1 = 'Good morning families';
const LINE2 = 'Well done Amelia today';

/** Each library's own plain-text serialisation of two paragraphs (Lexical puts a blank line between). */
const EDITORS: Record<string, { separator: string; editable: string }> = {
  react: { separator: '\n', editable: 'textarea' },
  draftjs: { separator: '\n', editable: '[contenteditable="true"].public-DraftEditor-content' },
  lexical: { separator: '\n\n', editable: '[contenteditable="true"][data-lexical-editor]' },
  prosemirror: { separator: '\n', editable: '[contenteditable="true"].ProseMirror' },
  slate: { separator: '\n', editable: '[contenteditable="true"][data-slate-editor]' },
};

describe('the teacher fixture with real editor libraries', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, (h) => h.choosePolicy('bentley-new-village'));

  for (const [name, { separator, editable }] of Object.entries(EDITORS)) {
    it(`${name}: the story composer keeps paragraphs in the library and the app state, and posts; chat Enter sends`, async () => {
      const page = await h.openDojo(`${TEACH}?editor=${name}#/classes/c1/story`);
      const wrapper = page.locator(`[data-name="storyComposer"] [data-fixture-editor="${name}"]`);
      const box = wrapper.locator(editable);
      await box.waitFor();
      expect(await box.count()).toBe(1);
      // Found as the extension finds composers: a textarea or a contenteditable, named by its placeholder.
      expect(await page.getByRole('textbox', { name: STORY_PLACEHOLDER }).count()).toBe(1);
      expect(await box.getAttribute('aria-label')).toBe(STORY_PLACEHOLDER);

      await box.click();
      await page.keyboard.type(LINE1);
      await page.keyboard.press('Enter');
      await page.keyboard.type(LINE2);
      const expected = `${LINE1}${separator}${LINE2}`;
      await expect.poll(() => editorText(page, 'class-story:c1')).toBe(expected);
      expect(await draftOf(page, 'class-story:c1')).toBe(expected);
      expect(await shown(box)).toContain(LINE2);

      // A re-render re-creates the editor from the draft, and the library holds the same text again.
      await page.evaluate(() => (window as unknown as Dojo).__dojo.rerender());
      await expect.poll(() => editorText(page, 'class-story:c1')).toBe(expected);
      expect(await draftOf(page, 'class-story:c1')).toBe(expected);

      await page.locator('[data-name="storyComposer"] [data-name="storyComposerPostButton"]').click();
      await expect.poll(() => sentList(page)).toEqual([expect.objectContaining({ channel: 'class-story', text: expected })]);
      // The app cleared the draft and re-rendered: the editor is back, empty.
      await expect.poll(() => editorText(page, 'class-story:c1')).toBe('');
      expect(await page.locator('[data-name="storyFeed"] [data-name="storyPost"]').first().textContent()).toContain(LINE2);

      // To the class chat as the teacher would go: the app replaces the page's subtree, editors included.
      await page.evaluate(() => (location.hash = '#/classes/c1/messaging/g1'));
      const chat = page.locator(`[data-name="messageComposer"] [data-fixture-editor="${name}"] ${editable}`);
      expect(await chat.getAttribute('aria-label')).toBe('Write a message');
      await chat.click();
      await page.keyboard.type('See you at pickup');
      await expect.poll(() => draftOf(page, 'chat:g1')).toBe('See you at pickup');
      await page.keyboard.press('Enter');
      await expect.poll(() => sentList(page).then((s) => s.slice(1))).toEqual([expect.objectContaining({ channel: 'class-chat', text: 'See you at pickup' })]);
      await expect.poll(() => editorText(page, 'chat:g1')).toBe('');
      expect(await page.locator('[data-name="messageBubble"]').last().textContent()).toContain('See you at pickup');
      await page.waitForTimeout(200);
      expect(await sentList(page)).toHaveLength(2); // the post, and the message exactly once
      await page.close();
    });
  }

  for (const editor of ['', 'lexical']) {
    it(`?dialog=edit${editor ? ` with ${editor}` : ''}: the edit composer opens in a dialog under <body>, and Post saves the edit`, async () => {
      const page = await h.openDojo(`${TEACH}?dialog=edit${editor ? `&editor=${editor}` : ''}#/classes/c1/story`);
      const post = page.locator('[data-name="storyFeed"] .card').filter({ has: page.locator('[data-name="editPostButton"]') }).first();
      const postId = await post.locator('[data-name="storyPost"]').getAttribute('data-post-id');
      const original = await post.locator('[data-name="richText"]').textContent();
      await post.locator('[data-name="editPostButton"]').click();

      const dialog = page.locator('body > [data-name="editPostDialog"]');
      await dialog.waitFor();
      expect(await page.locator('#reactApplication [data-name="editPostDialog"]').count()).toBe(0);
      expect(await dialog.getAttribute('role')).toBe('dialog');
      expect(await dialog.getAttribute('aria-modal')).toBe('true');
      expect(await dialog.getAttribute('aria-label')).toBe('Edit post');
      const box = dialog.locator('[data-name="storyComposer"]').locator('textarea, [contenteditable="true"]');
      expect(await box.count()).toBe(1);
      expect(await shown(box)).toBe(original);
      expect(await draftOf(page, `edit-post:${postId}`)).toBe(original);

      await box.click();
      await page.keyboard.press('Control+End');
      await page.keyboard.type(' (edited)');
      await expect.poll(() => draftOf(page, `edit-post:${postId}`)).toBe(`${original} (edited)`);
      await dialog.getByRole('button', { name: 'Post', exact: true }).click();
      await expect.poll(() => sentList(page)).toEqual([{ channel: 'class-story', route: '#/classes/c1/story', text: `${original} (edited)`, edit: postId, at: expect.any(String) }]);
      await expect.poll(() => dialog.count()).toBe(0);
      expect(await page.locator(`[data-post-id="${postId}"] [data-name="richText"]`).textContent()).toBe(`${original} (edited)`);
      await page.close();
    });
  }

  for (const editor of ['', 'slate']) {
    it(`?enter=window-capture${editor ? ` with ${editor}` : ''}: a window capture listener sends the chat on Enter`, async () => {
      const page = await h.openDojo(`${TEACH}?enter=window-capture${editor ? `&editor=${editor}` : ''}#/classes/c1/messaging/g1`);
      const box = page.locator('[data-name="messageComposer"]').locator('textarea, [contenteditable="true"]');
      await box.click();
      await page.keyboard.type('Trip letters are due Friday');
      await expect.poll(() => draftOf(page, 'chat:g1')).toBe('Trip letters are due Friday');
      await page.keyboard.press('Enter');
      await expect.poll(() => sentList(page)).toEqual([expect.objectContaining({ channel: 'class-chat', text: 'Trip letters are due Friday' })]);
      await page.waitForTimeout(200);
      expect(await sentList(page)).toHaveLength(1);
      expect(await draftOf(page, 'chat:g1')).toBe('');
      await page.close();
    });
  }

  for (const editor of ['', 'draftjs']) {
    it(`?enter=keyup${editor ? ` with ${editor}` : ''}: the chat sends on the keyup of Enter, not the keydown`, async () => {
      const page = await h.openDojo(`${TEACH}?enter=keyup${editor ? `&editor=${editor}` : ''}#/classes/c1/messaging/g1`);
      const box = page.locator('[data-name="messageComposer"]').locator('textarea, [contenteditable="true"]');
      await box.click();
      await page.keyboard.type('PE kits tomorrow please');
      await expect.poll(() => draftOf(page, 'chat:g1')).toBe('PE kits tomorrow please');
      await page.keyboard.down('Enter');
      await page.waitForTimeout(150);
      expect(await sentList(page)).toHaveLength(0);
      expect(await draftOf(page, 'chat:g1')).toBe('PE kits tomorrow please'); // no new line either
      await page.keyboard.up('Enter');
      await expect.poll(() => sentList(page)).toEqual([expect.objectContaining({ channel: 'class-chat', text: 'PE kits tomorrow please' })]);
      await page.close();
    });
  }
});
