import { writeFileSync, mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';
import type { PgWindow } from './unseal';
import { reasonFrame, sendAnyway } from './gate';
import { VISIBLE_FOR_MS } from '../../lib/ui/visibility';

type Dojo = { __dojo: { sent: { text: string }[]; rerender(): void; state: { drafts: Record<string, { draft: string } | undefined> } } };
const sent = (page: Page) => page.evaluate(() => (window as unknown as Dojo).__dojo.sent.length);
const draftOf = (page: Page, key: string) => page.evaluate((k) => (window as unknown as Dojo).__dojo.state.drafts[k]?.draft, key);

const ROSTER = [
  { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
  { first: 'Oliver', last: 'Bennett', photoConsent: true, inCare: false },
  { first: 'Oliver', last: 'Patel', photoConsent: true, inCare: false },
  { first: 'Harry', last: 'Davies', photoConsent: false, inCare: false },
  { first: 'Leo', last: 'Wright', photoConsent: true, inCare: true },
  { first: 'Grace', last: 'Taylor', photoConsent: true, inCare: false },
];

/** Opens the class's group chat, writes a message with a diagnosis in it, presses Enter: the gate holds it. */
async function holdInGroupChat(h: { openDojo(url: string): Promise<Page> }) {
  const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/g1`);
  const input = page.locator('[data-name="messageComposerInput"]');
  await input.fill('Grace has been diagnosed with ADHD, please be patient with her.');
  await page.locator(`${PANEL} [data-rule="sensitive-content"]`).first().waitFor();
  await input.press('Enter');
  const gate = page.locator('pg=[data-policy-guard="gate"]');
  await gate.waitFor();
  return { page, input, gate };
}

/** In hours: a Tuesday morning, so only the rule under test fires. */
describe('the composer, in school hours', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  const story = async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator(`${PANEL} [data-policy-guard="audience"]`).waitFor();
    return page;
  };
  const box = (page: Page) => page.locator('[data-name="storyComposerTextarea"]');

  it('flags a full name and fixes it in one click, through ClassDojo’s own state', async () => {
    const page = await story();
    // The roster Policy Guard holds lists 6 pupils; the class has 28 (its pupil tiles). The count is the page's,
    // once the page has shown it, else "every family in the class" (issue 20).
    expect(await page.locator('pg=[data-policy-guard="audience"]').textContent()).toMatch(/^Seen by (every family in the class|the families of 28 pupils)$/);
    await box(page).pressSequentially('Well done to Amelia Hughes for her story!', { delay: 2 });
    const finding = page.locator(`${PANEL} [data-rule="full-name"]`);
    // Polled: on a busy machine the checker may first see the name half typed ("Amelia Hugh").
    await expect.poll(() => finding.textContent()).toContain('“Amelia Hughes” is a pupil');
    await h.screenshot(page, 'composer-full-name');
    await finding.getByRole('button', { name: 'Change to “Amelia”' }).click();
    await expect.poll(() => box(page).inputValue()).toBe('Well done to Amelia for her story!');
    expect(await draftOf(page, 'class-story:c1')).toBe('Well done to Amelia for her story!');
    await expect.poll(() => finding.count()).toBe(0);
    await page.locator('pg=[data-policy-guard="no-findings"]').waitFor();
    expect(await h.events()).toContainEqual(expect.objectContaining({ kind: 'fix', rule: 'full-name', channel: 'class-story' }));
    await page.close();
  });

  it('fixes two pupils who share a first name to first name and initial', async () => {
    const page = await story();
    await box(page).fill('Star of the week: Oliver Bennett!');
    const finding = page.locator(`${PANEL} [data-rule="full-name"]`);
    await finding.getByRole('button', { name: 'Change to “Oliver B.”' }).click();
    await expect.poll(() => box(page).inputValue()).toBe('Star of the week: Oliver B.!');
    await page.close();
  });

  it('flags sensitive content in a class chat but not in a one-to-one chat', async () => {
    const group = await h.openDojo(`${TEACH}#/classes/c1/messaging/g1`);
    await group.locator('[data-name="messageComposerInput"]').fill('Amelia had an asthma attack at lunch today.');
    await group.locator(`${PANEL} [data-rule="sensitive-content"]`).waitFor();
    expect(await group.locator('pg=[data-policy-guard="audience"]').textContent()).toBe('Seen by the 29 people in this chat'); // the chat's header counts them
    await h.screenshot(group, 'composer-sensitive-class-chat');
    await group.close();

    const one = await h.openDojo(`${TEACH}#/classes/c1/messaging/p2`);
    await one.locator('[data-name="messageComposerInput"]').fill('Amelia had an asthma attack at lunch today.');
    await one.locator('pg=[data-policy-guard="no-findings"]').waitFor();
    expect(await one.locator('pg=[data-policy-guard="audience"]').textContent()).toBe('Private: one family sees this');
    expect(await one.locator(`${PANEL} [data-rule="sensitive-content"]`).count()).toBe(0);
    await one.close();
  });

  it('gates a photo post that tags a pupil without consent, and Cancel keeps the draft', async () => {
    const page = await story();
    await page.getByRole('button', { name: 'Add photo' }).click();
    await page.getByRole('button', { name: 'Tag students' }).click();
    await page.getByLabel('Harry Davies').check();
    await box(page).fill('Our volcano experiment!');
    await page.locator(`${PANEL} [data-rule="photo-consent"]`).waitFor();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    await gate.waitFor();
    expect(await gate.getAttribute('role')).toBe('dialog');
    expect(await gate.textContent()).toContain('Harry Davies has no photo consent');
    // A block cannot be sent anyway.
    expect(await page.locator('pg=[data-policy-guard="reason-frame"]').count()).toBe(0);
    expect(page.frames().some((f) => f.url().includes('gate-reason.html'))).toBe(false);
    expect(await sent(page)).toBe(0);
    await h.screenshot(page, 'composer-gate-photo-consent');
    await gate.getByRole('button', { name: 'Go back and edit' }).click();
    await expect.poll(() => gate.count()).toBe(0);
    expect(await box(page).inputValue()).toBe('Our volcano experiment!');
    expect(await draftOf(page, 'class-story:c1')).toBe('Our volcano experiment!');
    expect(await sent(page)).toBe(0);
    await page.close();
  });

  it('checks a pupil’s portfolio (Student Story), where Bentley keeps sensitive details out', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/portfolio`);
    await page.getByRole('button', { name: 'Amelia' }).click();
    await page.locator('[data-name="storyComposerTextarea"]').fill('Amelia’s story about her asthma attack');
    await page.locator(`${PANEL} [data-rule="sensitive-content"]`).waitFor();
    expect(await page.locator('pg=[data-policy-guard="audience"]').getAttribute('data-channel')).toBe('student-story');
    await page.close();
  });

  it('re-attaches to a composer ClassDojo has re-rendered', async () => {
    const page = await story();
    await box(page).fill('Well done Grace Taylor');
    await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
    await page.evaluate(() => (window as unknown as Dojo).__dojo.rerender());
    await box(page).pressSequentially(' and Amelia Hughes', { delay: 2 });
    await expect.poll(() => page.locator(`${PANEL} [data-rule="full-name"]`).count()).toBe(2);
    await page.locator(`${PANEL} [data-rule="full-name"]`).first().getByRole('button', { name: 'Change to “Grace”' }).click();
    await expect.poll(() => box(page).inputValue()).toBe('Well done Grace and Amelia Hughes');
    await page.close();
  });

  it('gates Enter-to-send in a chat, and an override with a reason sends exactly once, logged without the text', async () => {
    const { page, input, gate } = await holdInGroupChat(h);
    expect(await sent(page)).toBe(0);
    const frame = await reasonFrame(page);
    expect(await gate.count()).toBe(1);
    expect(await frame.getByRole('button', { name: 'Send anyway' }).isDisabled()).toBe(true); // a reason is needed
    await sendAnyway(page, 'Grace’s mum asked me to tell the class');
    await expect.poll(() => sent(page)).toBe(1);
    await page.waitForTimeout(300);
    expect(await sent(page)).toBe(1); // exactly once
    const events = await h.events();
    const override = events.find((e) => e.kind === 'override' && e.rule === 'sensitive-content');
    expect(override).toMatchObject({ channel: 'class-chat', reason: 'Grace’s mum asked me to tell the class' });
    // One record for the held send: its rules, the class from the page's address, the reason; never the text.
    expect(Object.keys(override!).sort()).toEqual(['at', 'channel', 'classId', 'id', 'kind', 'reason', 'rule', 'rules']);
    expect(JSON.stringify(events)).not.toContain('ADHD');
    await page.close();
  });

  it('keeps the keyboard in the dialog: Tab and Shift+Tab wrap round, and Escape still goes back to the draft', async () => {
    const { page, gate, input } = await holdInGroupChat(h);
    const focused = () =>
      page.evaluate(`(() => { const a = window.__pgRoot('policy-guard-gate')?.activeElement; return a ? (a.textContent || a.localName).trim() : null; })()`);
    await expect.poll(focused).toBe('Go back and edit');
    // Shift+Tab from the first control goes into the reason frame (its keys are its own: tests/e2e/gate-frame.e2e.ts).
    const frame = await reasonFrame(page);
    await page.keyboard.press('Shift+Tab');
    expect(await focused()).toBe('iframe');
    await expect.poll(() => frame.evaluate('document.activeElement?.localName'), { timeout: 5_000 }).toBe('textarea');
    await page.keyboard.press('Tab'); // Send anyway is disabled without a reason: back to the first control
    await expect.poll(focused).toBe('Go back and edit');
    await page.keyboard.press('Shift+Tab');
    await page.keyboard.press('Escape'); // from inside the frame
    await expect.poll(() => gate.count()).toBe(0);
    expect(await input.inputValue()).toBe('Grace has been diagnosed with ADHD, please be patient with her.');
    await page.close();
  });

  it('never holds a send for a warning', async () => {
    await h.editPolicy({ rules: { 'full-name': { action: 'warn' } } });
    const page = await story();
    await box(page).fill('Well done Amelia Hughes!');
    await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(() => sent(page)).toBe(1);
    expect(await page.locator('pg=[data-policy-guard="gate"]').count()).toBe(0);
    await h.editPolicy({});
    await page.close();
  });

  it('fixes a full name in a contenteditable composer too', async () => {
    const page = await h.openDojo(`${TEACH}?composer=editable#/classes/c1/story`);
    const editable = page.locator('[data-name="storyComposerTextarea"][contenteditable="true"]');
    await editable.click();
    await page.keyboard.type('Well done Amelia Hughes today', { delay: 2 });
    const finding = page.locator(`${PANEL} [data-rule="full-name"]`);
    await finding.getByRole('button', { name: 'Change to “Amelia”' }).click();
    await expect.poll(() => editable.innerText()).toBe('Well done Amelia today');
    expect(await draftOf(page, 'class-story:c1')).toBe('Well done Amelia today');
    await page.close();
  });

  it('keeps the gate usable at 200% zoom (a 640×430 viewport)', async () => {
    const page = await story();
    await page.setViewportSize({ width: 640, height: 430 });
    await box(page).fill('Amelia Hughes has asthma');
    await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor({ state: 'attached' });
    // No room beside the composer at this size: the panel docks to its badge (tests/e2e/placement.e2e.ts),
    // and the gate still shows over the page.
    await page.locator('pg=[data-policy-guard="panel-badge"]').waitFor();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    await gate.waitFor();
    const boxOf = await gate.boundingBox();
    expect(boxOf!.width).toBeLessThanOrEqual(640);
    expect(boxOf!.height).toBeLessThanOrEqual(430);
    // Everything in it can be reached: the last control scrolls into view and works.
    const edit = gate.getByRole('button', { name: 'Go back and edit' });
    await edit.scrollIntoViewIfNeeded();
    await h.screenshot(page, 'composer-gate-zoom-200');
    await edit.click();
    await expect.poll(() => gate.count()).toBe(0);
    await page.close();
  });

  it('remembers "Always ignore", with an undo in the options page', async () => {
    const page = await story();
    await box(page).fill('Thank you Grace Taylor!');
    const finding = page.locator(`${PANEL} [data-rule="full-name"]`);
    await finding.waitFor();
    await page.waitForTimeout(VISIBLE_FOR_MS + 200); // a lasting choice counts only on a button in plain view
    await finding.getByRole('button', { name: 'Always ignore' }).click();
    await expect.poll(() => finding.count()).toBe(0);
    const options = await h.openExtensionPage('options.html');
    const row = options.locator('pg=[data-policy-guard="ignored"] li');
    await expect.poll(() => row.textContent()).toContain('“Grace Taylor”');
    await row.getByRole('button', { name: 'Check again' }).click();
    await expect.poll(() => row.count()).toBe(0);
    await box(page).fill('Thank you Grace Taylor!!');
    await finding.waitFor();
    await options.close();
    await page.close();
  });

  it('measures the time from a keystroke to the panel update', async () => {
    const page = await story();
    const times = await page.evaluate(async () => {
      const root = (window as unknown as PgWindow).__pgRoot('policy-guard-ui')!;
      const textarea = document.querySelector<HTMLTextAreaElement>('[data-name="storyComposerTextarea"]')!;
      const setter = Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!;
      const results: number[] = [];
      for (let i = 0; i < 30; i++) {
        // Alternate two names, so every update changes what the panel shows.
        const name = i % 2 ? 'Amelia Hughes' : 'Grace Taylor';
        const text = `Well done ${name} for try ${i}`;
        const t0 = performance.now();
        const changed = new Promise<void>((resolve) => {
          const done = () => root.querySelector('[data-rule="full-name"]')?.textContent?.includes(`“${name}”`);
          const observer = new MutationObserver(() => {
            if (done()) {
              observer.disconnect();
              resolve();
            }
          });
          observer.observe(root, { childList: true, subtree: true, characterData: true });
        });
        setter.call(textarea, text);
        textarea.dispatchEvent(new Event('input', { bubbles: true }));
        await changed;
        results.push(performance.now() - t0);
      }
      return results;
    });
    times.sort((a, b) => a - b);
    const median = times[Math.floor(times.length / 2)]!;
    const p95 = times[Math.floor(times.length * 0.95)]!;
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/panel-latency.json', JSON.stringify({ median, p95, samples: times }, null, 2));
    // The panel waits 120 ms after the last keystroke (debounce); checking itself is well under 1 ms.
    expect(median).toBeLessThan(1_000);
    await page.close();
  });
});

describe('the send gate, out of hours and on the points page', () => {
  // A Sunday evening.
  const h = useHarness({ fakeTime: '2026-11-22 21:40:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
  });

  it('gates an out-of-hours post and says when it could go instead', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator('[data-name="storyComposerTextarea"]').fill("Don't forget swimming kits tomorrow!");
    await page.locator(`${PANEL} [data-rule="out-of-hours"]`).waitFor();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    await gate.waitFor();
    expect(await gate.locator('pg=[data-policy-guard="schedule"]').textContent()).toContain('Schedule it for Mon 23 Nov, 08:00');
    await h.screenshot(page, 'composer-gate-out-of-hours');
    await sendAnyway(page, 'Parents need the reminder tonight');
    await expect.poll(() => sent(page)).toBe(1);
    await page.close();
  });

  it('offers to save the class roster from the points page, and saves only on a click', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/points`);
    const offer = page.locator('pg=[data-policy-guard="roster-offer"]');
    await offer.waitFor();
    expect(await offer.textContent()).toContain('28 pupils');
    expect((await h.stored('rosters')).find((r) => r.classId === 'c1')).toBeUndefined();
    await offer.getByRole('button', { name: 'Save the class roster' }).click();
    await page.locator('pg=[data-policy-guard="roster-saved"]').waitFor();
    const saved = (await h.stored('rosters')).find((r) => r.classId === 'c1')!;
    expect(saved.source).toBe('page');
    const c1 = saved.pupils as { first: string; last: string }[];
    expect(c1).toHaveLength(28);
    expect(c1[0]).toMatchObject({ first: 'Amelia', last: 'Hughes', photoConsent: null }); // not recorded: the page cannot know
    await page.close();
  });

  it('sends exactly once on "Send anyway" even when ClassDojo re-rendered the composer meanwhile', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator('[data-name="storyComposerTextarea"]').fill('PE kits on Monday please!');
    await page.locator(`${PANEL} [data-rule="out-of-hours"]`).waitFor();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    await gate.waitFor();
    // The composer, its Post button included, is replaced while the dialog is open.
    await page.evaluate(() => (window as unknown as Dojo).__dojo.rerender());
    await sendAnyway(page, 'Families asked for a reminder');
    await expect.poll(() => sent(page)).toBe(1);
    await page.waitForTimeout(300);
    expect(await sent(page)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as Dojo).__dojo.sent[0]!.text)).toBe('PE kits on Monday please!');
    await page.close();
  });

  it('still checks drafts when the stored roster is corrupt', async () => {
    await h.setRoster('c1', 'not a roster');
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator('[data-name="storyComposerTextarea"]').fill('Lovely work today');
    await page.locator(`${PANEL} [data-rule="out-of-hours"]`).waitFor();
    expect(await page.locator(PANEL).textContent()).not.toContain('could not run');
    await page.close();
  });

  it('blocks taking a point away under Malpas Court’s policy', async () => {
    await h.choosePolicy('malpas-court');
    const page = await h.openDojo(`${TEACH}#/classes/c1/points`);
    // The panel names the policy once the checks are armed with it.
    await expect.poll(() => page.locator(PANEL).getAttribute('data-policy'), { timeout: 5_000 }).toBe('malpas-court');
    await page.getByRole('button', { name: /^Amelia Hughes/ }).click();
    await page.getByRole('button', { name: '-1 Off task' }).click();
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    await gate.waitFor();
    expect(await gate.textContent()).toContain('never taken away');
    expect(await sent(page)).toBe(0);
    await gate.getByRole('button', { name: 'Go back and edit' }).click();
    // Positive awards are never held.
    await page.getByRole('button', { name: '+1 Helping others' }).click();
    await expect.poll(() => sent(page)).toBe(1);
    await page.close();
  });
});

// Its own browser: reloading the extension cuts the harness off from the old service worker.
describe('when the extension goes away under an open page', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  it('never leaves Send blocked when the extension is reloaded under an open page', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator('[data-name="storyComposerTextarea"]').fill('Well done Amelia Hughes!');
    await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
    // An extension update or a crash: the old content script is cut off from the extension.
    await h.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload());
    await page.waitForTimeout(500);
    await page.locator('[data-name="storyComposerTextarea"]').fill('Well done Amelia Hughes, again!');
    // The old script sees it is cut off on its next event, and takes its panel away.
    await expect.poll(() => page.locator(PANEL).count(), { timeout: 10_000 }).toBe(0);
    // It says so, rather than fall silent: "reload the page to keep checking".
    await page.locator('policy-guard-reload[data-policy-guard="reload-notice"]').waitFor({ state: 'attached' });
    await h.screenshot(page, 'composer-reload-notice');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(() => sent(page)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as Dojo).__dojo.sent[0]!.text)).toBe('Well done Amelia Hughes, again!');
    await page.waitForTimeout(500);
    h.assertCleanConsole(); // no "Extension context invalidated"
    await page.close();
  });
});

// Its own browser too: the extension is reloaded while a send is held.
describe('when the extension goes away while a send is held', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  it('drops the dialog and keeps the draft, sends nothing for the teacher, and lets their next Send go', async () => {
    const { page, input, gate } = await holdInGroupChat(h);
    await h.worker.evaluate(() => (globalThis as unknown as { chrome: { runtime: { reload(): void } } }).chrome.runtime.reload());
    // Noticed without a keystroke or click: the notice says the held message was not sent.
    const notice = page.locator('pg=[data-policy-guard="reload-notice"][data-held="true"]');
    await notice.waitFor({ state: 'attached', timeout: 10_000 });
    await expect.poll(() => gate.count()).toBe(0);
    // Its words are drawn as generated content: the page's window.find() cannot learn a send was held (probe 14d).
    expect(await notice.locator('pg=p').getAttribute('data-t')).toContain('was not sent');
    expect(await page.evaluate(`['was not sent', 'no longer checked', 'still in the box', 'Reload'].map((w) => { getSelection().removeAllRanges(); return window.find(w, false, false, true); })`)).toEqual([false, false, false, false]);
    await h.screenshot(page, 'composer-reload-notice-held');
    expect(await sent(page)).toBe(0);
    await input.press('Enter');
    await expect.poll(() => sent(page)).toBe(1);
    expect(await page.evaluate(() => (window as unknown as Dojo).__dojo.sent[0]!.text)).toBe('Grace has been diagnosed with ADHD, please be patient with her.');
    await page.waitForTimeout(500);
    expect(await sent(page)).toBe(1);
    await page.close();
  });

});
