import { describe, expect, it } from 'vitest';
import { HOME, PANEL, TEACH, } from './harness';
import { useHarness } from './use-harness';

const h = useHarness({}, async (h) => {
  await h.choosePolicy('bentley-new-village');
});

type Dojo = { __dojo: { sent: unknown[]; state: { drafts: Record<string, { draft: string } | undefined> } } };

describe("teacher: under a parent's message", () => {
  it('routes a sickness message to the Attendance Officer and puts the reply in the box without sending it', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/p1`);
    const card = page.locator('pg=[data-policy-guard="routing"]');
    await expect.poll(() => card.getAttribute('data-intent')).toBe('sickness');
    expect(await card.getAttribute('data-destination')).toBe('attendance');
    expect(await card.textContent()).toContain('Mr Lund');
    expect(await card.textContent()).toContain('“temperature”');

    await card.getByRole('button', { name: 'Put this reply in the message box' }).click();
    const box = page.locator('[data-name="messageComposerInput"]');
    await expect.poll(() => box.inputValue()).toContain('please report Amelia');
    // ClassDojo's own state saw the edit (the fixture is a controlled React-like composer) ...
    const draft = await page.evaluate(() => (window as unknown as Dojo).__dojo.state.drafts['chat:p1']?.draft);
    expect(draft).toContain('Mr Lund');
    // ... and nothing was sent.
    expect(await page.evaluate(() => (window as unknown as Dojo).__dojo.sent.length)).toBe(0);
    await h.screenshot(page, 'routing-teacher-sickness');
    await page.close();
  });

  it('keeps the teacher’s own draft when the reply is added', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/p1`);
    const box = page.locator('[data-name="messageComposerInput"]');
    await box.fill('Hope Amelia feels better soon!');
    await page.locator('pg=[data-policy-guard="routing"]').getByRole('button', { name: 'Put this reply in the message box' }).click();
    await expect.poll(() => box.inputValue()).toMatch(/^Hope Amelia feels better soon!\n\nThank you for letting me know/);
    await page.close();
  });

  it('tells the teacher to go to the DSL for a safeguarding message, with no canned reply', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/p3`);
    const card = page.locator('pg=[data-policy-guard="routing"]');
    await expect.poll(() => card.getAttribute('data-destination')).toBe('dsl');
    expect(await card.textContent()).toContain('Follow the school');
    expect(await card.getByRole('button').count()).toBe(0);
    expect(await card.locator('pg=[data-policy-guard="suggested-reply"]').count()).toBe(0);
    await h.screenshot(page, 'routing-teacher-safeguarding');
    await page.close();
  });

  it('flags an abusive message with the school’s conduct clause and no reply', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/p4`);
    const card = page.locator('pg=[data-policy-guard="routing"]');
    await expect.poll(() => card.getAttribute('data-conduct')).toBe('abusive');
    expect(await card.textContent()).toContain('line manager');
    expect(await card.getByRole('button').count()).toBe(0);
    await page.close();
  });

  it('routes the new conversation after hash navigation', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/p1`);
    const card = page.locator('pg=[data-policy-guard="routing"]');
    await expect.poll(() => card.getAttribute('data-intent')).toBe('sickness');
    await page.evaluate(() => (location.hash = '#/classes/c1/messaging/p2'));
    await expect.poll(() => card.getAttribute('data-intent')).toBe('progress');
    expect(await card.getAttribute('data-destination')).toBe('meeting');
    await page.close();
  });
});

describe('parent: while writing to the teacher', () => {
  it('says absences go to Mr Lund, and when teachers reply', async () => {
    const page = await h.openDojo(`${HOME}#/messages/t1`);
    await page.locator(PANEL).waitFor();
    await page.locator('[data-name="messageComposerInput"]').pressSequentially("Amelia won't be in tomorrow, she has a dentist appointment", { delay: 5 });
    const hint = page.locator('pg=[data-policy-guard="parent-hint"]');
    await expect.poll(() => hint.getAttribute('data-destination')).toBe('attendance');
    expect(await hint.locator('pg=[data-policy-guard="redirect"]').textContent()).toBe('Absences go to Mr Lund, by a ClassDojo message.');
    expect(await hint.locator('pg=[data-policy-guard="replies"]').textContent()).toMatch(/^Teachers reply Mon–Fri 08:00–17:00/);
    await h.screenshot(page, 'routing-parent-hint');
    // The hint never blocks the parent, and the teachers' checks (hours, names) never hold a parent's
    // message, whatever the time: Send and Enter both send.
    await page.getByRole('button', { name: 'Send' }).click();
    expect(await page.evaluate(() => (window as unknown as Dojo).__dojo.sent.length)).toBe(1);
    await page.locator('[data-name="messageComposerInput"]').fill('Amelia Hughes has asthma, see you at 9pm');
    await page.locator('[data-name="messageComposerInput"]').press('Enter');
    expect(await page.evaluate(() => (window as unknown as Dojo).__dojo.sent.length)).toBe(2);
    expect(await page.locator('pg=[data-policy-guard="gate"]').count()).toBe(0);
    await page.close();
  });

  it('gives no redirect for a thank-you', async () => {
    const page = await h.openDojo(`${HOME}#/messages/t1`);
    await page.locator('[data-name="messageComposerInput"]').fill('Thank you for a lovely term!');
    const hint = page.locator('pg=[data-policy-guard="parent-hint"]');
    await expect.poll(() => hint.getAttribute('data-intent')).toBe('general');
    expect(await hint.locator('pg=[data-policy-guard="redirect"]').count()).toBe(0);
    await page.close();
  });

  it('tells a parent writing a safeguarding worry to call 999 if a child is in danger now, and sends it nowhere else', async () => {
    const page = await h.openDojo(`${HOME}#/messages/t1`);
    await page.locator('[data-name="messageComposerInput"]').fill('I am worried about Amelia, she said her stepdad hits her and she is scared to go home');
    const hint = page.locator('pg=[data-policy-guard="parent-hint"]');
    await expect.poll(() => hint.getAttribute('data-intent')).toBe('safeguarding');
    expect(await hint.locator('pg=[data-policy-guard="urgent"]').textContent()).toMatch(/^If a child is in danger right now, call 999\./);
    expect(await hint.locator('pg=[data-policy-guard="redirect"]').count()).toBe(0);
    await page.close();
  });
});
