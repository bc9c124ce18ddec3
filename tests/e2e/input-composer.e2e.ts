/**
 * Issue #21 / #14: a single-line `<input type="text">` message box (a redesign's one-line chat box) is a
 * message box like any other: checked as the teacher types, fixed in one click in a way React's controlled
 * input keeps (the fix survives React re-rendering the box from its state), its Send held by click and by
 * Enter, and reported by the page doctor. A search box and the tag picker's filter on the same page are not
 * message boxes: nothing typed there is checked or held.
 *
 * The fixture: `?editor=react-input` (every composer a React 18 controlled `<input type="text">`,
 * tests/fixtures/editors/src/react-input.tsx) with `?variant=search` (a "Search messages" box in the open
 * conversation, a "Find a student" filter in the tag picker); with `no-data-name`, found by the Send button's
 * name alone.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openDoctor, summary } from './doctor-helpers';
import { sendAnyway } from './gate';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';

type Dojo = {
  __dojo: {
    sent: { text: string; route: string; channel: string }[];
    rerender(): void;
    editorText(key: string): string | undefined;
    state: { drafts: Record<string, { draft: string } | undefined> };
  };
};
const sent = (page: Page) => page.evaluate(() => (window as unknown as Dojo).__dojo.sent.map((s) => ({ ...s })));
const draftOf = (page: Page, key: string) => page.evaluate((k) => (window as unknown as Dojo).__dojo.state.drafts[k]?.draft ?? '', key);
const editorText = (page: Page, key: string) => page.evaluate((k) => (window as unknown as Dojo).__dojo.editorText(k), key);

const ROSTER = [
  { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
  { first: 'Grace', last: 'Taylor', photoConsent: true, inCare: false },
];
const GATE = 'pg=[data-policy-guard="gate"]';
const chatBox = (page: Page) => page.locator('[data-fixture-composer="chat:g1"] input[type="text"]');
const searchBox = (page: Page) => page.getByRole('textbox', { name: 'Search messages' });

const VARIANTS = [
  { name: 'by our guess', query: '?editor=react-input&variant=search', how: 'guess' },
  { name: 'by the Send button’s name alone', query: '?editor=react-input&variant=search,no-data-name', how: 'generic' },
];

describe.each(VARIANTS)('a React-controlled single-line input as the chat’s message box, $name', ({ query, how }) => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });
  const chat = async () => {
    const page = await h.openDojo(`${TEACH}${query}#/classes/c1/messaging/g1`);
    await chatBox(page).waitFor();
    await page.locator(PANEL).waitFor();
    return page;
  };
  /** Types a message with a serious finding and waits for the panel to show it. */
  const writeSerious = async (page: Page) => {
    await chatBox(page).click();
    await page.keyboard.type('Grace has been diagnosed with ADHD', { delay: 5 });
    await page.locator(`${PANEL} [data-rule="sensitive-content"]`).first().waitFor();
  };

  it('shows a finding while typing, and a one-click fix goes into React’s own state and survives its re-render', async () => {
    const page = await chat();
    await chatBox(page).click();
    await page.keyboard.type('Well done Amelia Hughes today', { delay: 5 });
    const finding = page.locator(`${PANEL} [data-rule="full-name"]`);
    await expect.poll(() => finding.textContent()).toContain('“Amelia Hughes” is a pupil');
    // Nothing is changed before the teacher's click.
    expect(await draftOf(page, 'chat:g1')).toBe('Well done Amelia Hughes today');
    await h.screenshot(page, `input-composer-finding-${how}`);
    await finding.getByRole('button', { name: 'Change to “Amelia”' }).click();
    await expect.poll(() => chatBox(page).inputValue()).toBe('Well done Amelia today');
    // React's state holds the fix (its onChange ran), and React drawing the box again from that state keeps it.
    expect(await editorText(page, 'chat:g1')).toBe('Well done Amelia today');
    expect(await draftOf(page, 'chat:g1')).toBe('Well done Amelia today');
    await page.evaluate(() => (window as unknown as Dojo).__dojo.rerender());
    await expect.poll(() => chatBox(page).inputValue()).toBe('Well done Amelia today');
    await expect.poll(() => finding.count()).toBe(0);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    await expect.poll(() => sent(page)).toEqual([expect.objectContaining({ channel: 'class-chat', text: 'Well done Amelia today' })]);
    await page.close();
  });

  it('holds Send by a click, and "Send anyway" sends it exactly once', async () => {
    const page = await chat();
    await writeSerious(page);
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const gate = page.locator(GATE);
    await gate.waitFor();
    await page.waitForTimeout(200);
    expect(await sent(page)).toEqual([]);
    await h.screenshot(page, `input-composer-gate-click-${how}`);
    await sendAnyway(page, 'Her mum asked me to tell the class');
    await expect.poll(async () => (await sent(page)).length).toBe(1);
    await page.waitForTimeout(300);
    expect((await sent(page)).map((s) => s.text)).toEqual(['Grace has been diagnosed with ADHD']);
    await page.close();
  });

  it('holds Enter, and "Send anyway" sends it exactly once', async () => {
    const page = await chat();
    await writeSerious(page);
    await page.keyboard.press('Enter');
    await page.locator(GATE).waitFor();
    await page.waitForTimeout(200);
    expect(await sent(page)).toEqual([]);
    expect(await draftOf(page, 'chat:g1')).toBe('Grace has been diagnosed with ADHD');
    await sendAnyway(page, 'Her mum asked me to tell the class');
    await expect.poll(async () => (await sent(page)).length).toBe(1);
    await page.waitForTimeout(300);
    expect((await sent(page)).map((s) => s.text)).toEqual(['Grace has been diagnosed with ADHD']);
    await page.close();
  });

  it('the page doctor reports the one-line box and its Send control; the search box is no message box', async () => {
    const page = await chat();
    const parts = summary(await openDoctor(page));
    expect(parts['composer#1']).toBe(`found ${how}`);
    expect(parts['send-control#1']).toBe(`found ${how}`);
    // One message box: the search box is not counted as a second.
    expect(Object.keys(parts).filter((k) => k.startsWith('composer'))).toEqual(['composer#1']);
    expect(await page.locator('pg=[data-policy-guard="doctor"] [data-part="composer"][data-composer="1"]').textContent()).toContain('one-line text box');
    await h.screenshot(page, `input-composer-doctor-${how}`);
    await page.close();
  });

  it('a search box on the same page is not checked, and Enter in it is not held', async () => {
    const page = await chat();
    await searchBox(page).click();
    await page.keyboard.type('Grace has been diagnosed with ADHD', { delay: 5 });
    await page.waitForTimeout(600);
    expect(await page.locator(`${PANEL} [data-rule="sensitive-content"]`).count()).toBe(0);
    await page.keyboard.press('Enter');
    await page.waitForTimeout(400);
    expect(await page.locator(GATE).count()).toBe(0);
    // The message box is still the one checked.
    await writeSerious(page);
    await page.close();
  });
});

describe('the tag picker’s filter beside a one-line story box', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  it('is not a message box: what is typed there is not checked, and the story box still is', async () => {
    const page = await h.openDojo(`${TEACH}?editor=react-input&variant=search#/classes/c1/story`);
    await page.locator(PANEL).waitFor();
    await page.getByRole('button', { name: 'Tag students' }).click();
    const filter = page.getByRole('textbox', { name: 'Filter students' });
    await filter.click();
    await page.keyboard.type('Amelia Hughes', { delay: 5 });
    await page.waitForTimeout(600);
    expect(await page.locator(`${PANEL} [data-rule="full-name"]`).count()).toBe(0);
    const story = page.locator('[data-fixture-composer="class-story:c1"] [data-fixture-editor] input[type="text"]');
    await story.click();
    await page.keyboard.type('Well done Amelia Hughes today', { delay: 5 });
    await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
    const parts = summary(await openDoctor(page));
    expect(Object.keys(parts).filter((k) => k.startsWith('composer'))).toEqual(['composer#1']);
    await page.close();
  });
});

describe('a one-line box that sends by its form (the browser’s own Enter)', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  it('holds Enter, and "Send anyway" submits the form exactly once', async () => {
    const page = await h.openDojo(`${TEACH}?editor=react-input&enter=form#/classes/c1/messaging/g1`);
    await chatBox(page).click();
    await page.keyboard.type('Grace has been diagnosed with ADHD', { delay: 5 });
    await page.locator(`${PANEL} [data-rule="sensitive-content"]`).first().waitFor();
    await page.keyboard.press('Enter');
    await page.locator(GATE).waitFor();
    await page.waitForTimeout(200);
    expect(await sent(page)).toEqual([]);
    await sendAnyway(page, 'Her mum asked me to tell the class');
    await expect.poll(async () => (await sent(page)).length).toBe(1);
    await page.waitForTimeout(300);
    expect((await sent(page)).map((s) => s.text)).toEqual(['Grace has been diagnosed with ADHD']);
    await page.close();
  });
});
