import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';

type Dojo = { __dojo: { sent: { text: string }[] } };
const sent = (page: Page) => page.evaluate(() => (window as unknown as Dojo).__dojo.sent.length);

// Photo consent in three states: given (Amelia), refused (Harry), not recorded (Zofia, as a roster saved from
// the Classroom page leaves every pupil until the school's register is entered).
const ROSTER = [
  { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
  { first: 'Harry', last: 'Davies', photoConsent: false, inCare: false },
  { first: 'Zofia', last: 'Kowalska', photoConsent: null, inCare: false },
];

describe('photo consent given, refused and not recorded', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', ROSTER);
  });

  const photoPost = async (pupil: string) => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator(`${PANEL} [data-policy-guard="audience"]`).waitFor();
    await page.getByRole('button', { name: 'Add photo' }).click();
    await page.getByRole('button', { name: 'Tag students' }).click();
    await page.getByLabel(pupil).check();
    await page.locator('[data-name="storyComposerTextarea"]').fill('Our volcano experiment!');
    return page;
  };

  it('says which state each tagged pupil is in, holds the post for both, and nothing for consent given', async () => {
    const amelia = await photoPost('Amelia Hughes');
    await amelia.waitForTimeout(600);
    expect(await amelia.locator(`${PANEL} [data-rule="photo-consent"]`).count()).toBe(0);
    await amelia.close();

    const harry = await photoPost('Harry Davies');
    const refused = harry.locator(`${PANEL} [data-rule="photo-consent"]`);
    await refused.waitFor();
    expect(await refused.textContent()).toContain('Harry Davies has no photo consent for Class Story');
    expect(await refused.textContent()).toContain('the consent register says no');
    await harry.close();

    const zofia = await photoPost('Zofia Kowalska');
    const unknown = zofia.locator(`${PANEL} [data-rule="photo-consent"]`);
    await unknown.waitFor();
    expect(await unknown.textContent()).toContain('No photo consent is recorded for Zofia Kowalska');
    expect(await unknown.textContent()).not.toContain('has no photo consent');
    expect(await unknown.getAttribute('data-severity')).toBe('block');
    await h.screenshot(zofia, 'consent-not-recorded');
    // The default policy holds the post until consent is recorded.
    await zofia.getByRole('button', { name: 'Post', exact: true }).click();
    const gate = zofia.locator('pg=[data-policy-guard="gate"]');
    await gate.waitFor();
    expect(await gate.textContent()).toContain('No photo consent is recorded for Zofia Kowalska');
    expect(await sent(zofia)).toBe(0);
    await gate.getByRole('button', { name: 'Go back and edit' }).click();

    // "Record consent" opens the class's consent register in the settings.
    await unknown.locator('pg=[data-policy-guard="record-consent"]').click();
    await expect.poll(() => h.context.pages().find((p) => p.url().includes('options.html#rosters/c1'))?.url(), { timeout: 10_000 }).toBeTruthy();
    const options = h.context.pages().find((p) => p.url().includes('options.html#rosters/c1'))!;
    await expect.poll(() => options.locator('pg=[data-policy-guard="roster-class"]').inputValue()).toBe('c1');
    const zofiaRow = options.locator('pg=[data-policy-guard="roster-table"] tr[data-pupil="Zofia Kowalska"]');
    expect(await zofiaRow.locator('[data-consent="class-story"]').inputValue()).toBe('not-recorded');
    // Recorded as given there, the same post goes without a finding.
    await zofiaRow.locator('[data-consent="class-story"]').selectOption('given');
    await options.locator('pg=[data-policy-guard="roster-save"]').click();
    await expect.poll(() => zofia.locator(`${PANEL} [data-rule="photo-consent"]`).count(), { timeout: 10_000 }).toBe(0);
    await options.close();
    await zofia.close();
  });

  it('a policy whose notRecorded is "remind" notes it without holding the post', async () => {
    await h.setRoster('c1', ROSTER);
    await h.editPolicy({ rules: { 'photo-consent': { notRecorded: 'remind' } } });
    const page = await photoPost('Zofia Kowalska');
    const note = page.locator(`${PANEL} [data-rule="photo-consent"]`);
    await note.waitFor();
    expect(await note.getAttribute('data-severity')).toBe('info');
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    await expect.poll(() => sent(page)).toBe(1);
    await page.close();
  });
});
