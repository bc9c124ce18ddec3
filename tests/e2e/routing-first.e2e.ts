/**
 * A parent's safeguarding disclosure is the first thing the teacher sees in the panel (tester's welsh-try probe:
 * on a Sunday at 21:40, with nothing typed, an out-of-hours "Check" about the empty reply box came first and the
 * card started at y=733, below a 1024x700 window). Out of hours, at 1024x700 and 360x640: the card's heading is
 * the panel's first item and in the window without scrolling (at 360x560 the panel folds to a badge that says so); an empty box has no out-of-hours finding, and
 * the first character typed brings it back (under the card), and Send is still held. An absence keeps its place.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';

// Sunday 22 Nov 2026, 21:40 (libfaketime): out of Bentley New Village's hours.
const h = useHarness({ fakeTime: '2026-11-22 21:40:00' }, (h) => h.choosePolicy('bentley-new-village'));

const CARD = 'pg=[data-policy-guard="routing"]';
const BADGE = 'pg=[data-policy-guard="panel-badge"]';

/**
 * The panel's items after its status lines (policy, boxes watched), in order, each named by what it is: the
 * routing card's `routing`, a finding's `rule:<id>`, else its own data-policy-guard (the audience line's
 * `audience`). Wrappers that add nothing to layout (display: contents) are looked through.
 */
async function items(panel: Locator): Promise<string[]> {
  return panel.evaluate((aside) => {
    const name = (el: Element): string[] => {
      if (el.matches('[data-policy-guard="routing"]')) return ['routing'];
      if (el.matches('[data-rule]')) return [`rule:${el.getAttribute('data-rule')}`];
      const pg = el.getAttribute('data-policy-guard');
      if (pg && pg !== 'on-request' && pg !== 'findings') return [pg];
      return [...el.children].flatMap(name);
    };
    const watching = aside.querySelector('[data-policy-guard="watching"]')!;
    const after: Element[] = [];
    for (let el = watching.nextElementSibling; el; el = el.nextElementSibling) after.push(el);
    return after.flatMap(name);
  });
}

/** The card's heading is wholly inside the window and inside the panel as it is (not scrolled), and is seen. */
async function headingInView(page: Page, label: string) {
  const panel = page.locator(PANEL);
  const heading = page.locator(`${CARD} h3`);
  expect(await panel.evaluate((el) => el.scrollTop), `${label}: the panel was scrolled`).toBe(0);
  const box = (await heading.boundingBox())!;
  const frame = (await panel.boundingBox())!;
  const view = page.viewportSize()!;
  const where = `${label}: heading at ${Math.round(box.x)},${Math.round(box.y)} ${Math.round(box.width)}x${Math.round(box.height)}, panel ${Math.round(frame.y)}–${Math.round(frame.y + frame.height)}, window ${view.width}x${view.height}`;
  expect(box.y >= 0 && box.x >= 0 && box.y + box.height <= view.height && box.x + box.width <= view.width, where).toBe(true);
  expect(box.y >= frame.y && box.y + box.height <= frame.y + frame.height, where).toBe(true);
  expect(await heading.isVisible(), where).toBe(true);
}

describe('a parent’s safeguarding disclosure comes first in the panel', () => {
  // As placed (lib/ui/placement.ts): beside the message box in a free band at 1024x700 and 360x640; at 360x560 the
  // band under the box is too short, and the panel folds to its badge.
  for (const size of [
    { width: 1024, height: 700, placement: 'panel' },
    { width: 360, height: 640, placement: 'panel' },
    { width: 360, height: 560, placement: 'badge' },
  ]) {
    it(`at ${size.width}x${size.height}, out of hours, nothing typed: the card's heading first and in view${size.placement === 'badge' ? ' once the badge, which says so, is opened' : ''}`, async () => {
      // p3: "Oliver says his uncle hits him and he is scared to go home this weekend."
      const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/p3`);
      await page.setViewportSize({ width: size.width, height: size.height });
      const card = page.locator(CARD);
      await expect.poll(() => card.getAttribute('data-destination'), { timeout: 8_000 }).toBe('dsl');
      expect(await card.getAttribute('data-intent')).toBe('safeguarding');
      expect(await page.locator(`${CARD} h3`).textContent()).toBe('Safeguarding disclosure: tell the DSL now');
      const panel = page.locator(PANEL);
      const label = `${size.width}x${size.height}`;
      await expect.poll(() => panel.getAttribute('data-placement')).toBe(size.placement);
      // The placement settles a frame or two after the window changes.
      await page.waitForTimeout(500);
      expect(await panel.getAttribute('data-placement')).toBe(size.placement);
      if (size.placement === 'badge') {
        // Folded, the badge says what the panel holds: "!" and the card's heading as its name, not a count of 0.
        const badge = page.locator(BADGE);
        expect(await badge.getAttribute('data-attention')).toBe('true');
        expect(await badge.getAttribute('data-count')).toBe('0');
        expect(await badge.getAttribute('aria-label')).toBe('Safeguarding disclosure: tell the DSL now');
        expect(await badge.textContent()).toContain('!');
        await h.screenshot(page, `routing-first-safeguarding-${size.width}x${size.height}-badge`);
        // Probe 15: one letter typed (out of hours: a finding) once made the badge a count, the disclosure unnamed.
        const reply = page.locator('[data-name="messageComposerInput"]');
        await reply.pressSequentially('D');
        await expect.poll(() => badge.getAttribute('data-count')).toBe('1');
        expect(await badge.getAttribute('aria-label')).toBe('Safeguarding disclosure: tell the DSL now');
        expect(await badge.textContent()).toContain('!');
        await h.screenshot(page, `routing-first-safeguarding-${size.width}x${size.height}-badge-typed`);
        await reply.fill('');
        await expect.poll(() => badge.getAttribute('data-count')).toBe('0');
        await badge.click();
        await expect.poll(() => panel.getAttribute('data-placement')).toBe('expanded');
        await page.waitForTimeout(300);
      }
      // Nothing typed: no out-of-hours "Check" above the card (or anywhere); the card is the first item.
      const listed = await items(panel);
      expect(listed[0], listed.join(', ')).toBe('routing');
      expect(listed).toContain('audience');
      expect(listed).not.toContain('rule:out-of-hours');
      expect(await page.locator(`${PANEL} [data-rule]`).count()).toBe(0);
      await headingInView(page, label);
      await h.screenshot(page, `routing-first-safeguarding-${size.width}x${size.height}`);
      expect(await page.locator(CARD).count()).toBe(1);
      await page.close();
    });
  }

  it('the first character typed brings the out-of-hours finding back, under the card, and Send is still held', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/p3`);
    await page.setViewportSize({ width: 1024, height: 700 });
    const card = page.locator(CARD);
    await expect.poll(() => card.getAttribute('data-destination'), { timeout: 8_000 }).toBe('dsl');
    const box = page.locator('[data-name="messageComposerInput"]');
    await box.pressSequentially('I', { delay: 5 });
    await page.locator(`${PANEL} [data-rule="out-of-hours"]`).waitFor();
    const listed = await items(page.locator(PANEL));
    expect(listed[0], listed.join(', ')).toBe('routing');
    expect(listed.indexOf('rule:out-of-hours')).toBeGreaterThan(0);
    await headingInView(page, 'typed, 1024x700');
    await h.screenshot(page, 'routing-first-safeguarding-typed-1024');
    await page.getByRole('button', { name: 'Send', exact: true }).click();
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    await gate.waitFor();
    expect(await gate.locator('pg=[data-policy-guard="schedule"]').count()).toBe(1);
    expect(await page.evaluate(() => (window as unknown as { __dojo: { sent: unknown[] } }).__dojo.sent.length)).toBe(0);
    await page.close();
  });

  it('an absence keeps its place, under the reply’s own lines and findings', async () => {
    // p1: "Amelia has a temperature and won't be in today."
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/p1`);
    await page.setViewportSize({ width: 1024, height: 700 });
    const card = page.locator(CARD);
    await expect.poll(() => card.getAttribute('data-intent'), { timeout: 8_000 }).toBe('sickness');
    const panel = page.locator(PANEL);
    let listed = await items(panel);
    expect(listed.indexOf('routing'), listed.join(', ')).toBeGreaterThan(listed.indexOf('audience'));
    expect(listed.indexOf('audience')).toBeGreaterThanOrEqual(0);
    expect(listed).not.toContain('rule:out-of-hours');
    // No "!" on a badge for an absence.
    expect(await page.locator(BADGE).count()).toBe(0);
    await page.locator('[data-name="messageComposerInput"]').pressSequentially('Thanks', { delay: 5 });
    await page.locator(`${PANEL} [data-rule="out-of-hours"]`).waitFor();
    listed = await items(panel);
    expect(listed.indexOf('rule:out-of-hours'), listed.join(', ')).toBeLessThan(listed.indexOf('routing'));
    await h.screenshot(page, 'routing-first-absence-typed-1024');
    expect(await card.count()).toBe(1);
    await page.close();
  });
});
