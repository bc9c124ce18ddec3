/**
 * A new school sets itself up from its own policy document, pasted into the options page, and a teacher's
 * draft is then checked against that school's words: the panel quotes the school's own sentences.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';

// An invented school; its times are written as people write them, with opening and club times as traps.
const KESTREL = `Kestrel Hill Primary School
ClassDojo Policy

1. Introduction
Kestrel Hill Primary School uses ClassDojo to share learning with families. The school office is open from 8am to 4.30pm.

2. Staff expectations
Staff send and answer ClassDojo messages from 8:30am until 4pm on weekdays.
Breakfast club runs from 7.45am - 8.45am.
Only first names will be used on Class Story.

3. Parents and carers
Absences must be reported to our Attendance Officer, Mrs Okafor, by phone before 9.15am, not through ClassDojo.
`;

const ROSTER = [
  { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
  { first: 'Grace', last: 'Taylor', photoConsent: true, inCare: false },
];

describe('setting a school up from its own policy document', () => {
  // Tuesday 16:30 in London: inside a 08:00–17:00 preset's hours, outside Kestrel Hill's 08:30–16:00.
  const h = useHarness({ fakeTime: '2026-11-24 16:30:00' }, (h) => h.setRoster('c1', ROSTER));

  it('pastes the document, reviews it, uses it, and a draft is checked with the school’s own words', async () => {
    const options = await h.openExtensionPage('options.html');
    const setup = options.locator('pg=[data-policy-guard="setup"]');
    await setup.locator('[data-policy-guard="setup-text"]').fill(KESTREL);
    await setup.locator('[data-policy-guard="setup-read"]').click();
    const review = setup.locator('[data-policy-guard="setup-review"]');
    await review.waitFor();

    // Each item found quotes the document; what it does not cover is a recommended default.
    const hours = review.locator('[data-item="staffHours"]');
    expect(await hours.getAttribute('data-origin')).toBe('document');
    expect(await hours.locator('[data-policy-guard="item-value"]').textContent()).toBe('Mon–Fri 08:30–16:00');
    expect(await hours.locator('[data-policy-guard="item-quote"]').textContent()).toBe('Staff send and answer ClassDojo messages from 8:30am until 4pm on weekdays.');
    expect(await review.locator('[data-item="name"] [data-policy-guard="item-value"]').textContent()).toBe('Kestrel Hill Primary School');
    expect(await review.locator('[data-item="routes.absence"] [data-policy-guard="item-value"]').textContent()).toContain('Mrs Okafor');
    expect(await review.locator('[data-item="routes.clubs"]').getAttribute('data-origin')).toBe('recommended');
    expect(await review.locator('[data-item="routes.clubs"] [data-policy-guard="item-origin"]').textContent()).toBe('Not in your document: recommended default');
    // Nothing is in force before the school says so.
    expect(await options.locator('pg=[data-policy-guard="options-current"]').textContent()).not.toContain('Kestrel Hill');
    // The school switches off a recommended default it does not want.
    await review.locator('[data-item="rules.sensitive-content"] [data-action="off"]').click();
    await h.screenshot(options, 'setup-review');
    await review.locator('[data-policy-guard="setup-use"]').click();
    await expect.poll(() => review.locator('[data-policy-guard="setup-status"]').textContent()).toContain('Kestrel Hill Primary School');
    await expect.poll(() => options.locator('pg=[data-policy-guard="options-current"]').textContent()).toContain('Kestrel Hill Primary School');

    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator(`${PANEL} [data-policy-guard="audience"]`).waitFor();
    await page.locator('[data-name="storyComposerTextarea"]').fill('Well done to Amelia Hughes for her story!');
    const fullName = page.locator(`${PANEL} [data-rule="full-name"]`);
    await expect.poll(() => fullName.textContent()).toContain('Amelia Hughes');
    expect(await fullName.locator('.pg-clause').textContent()).toContain('“Only first names will be used on Class Story.”');
    const late = page.locator(`${PANEL} [data-rule="out-of-hours"]`);
    await expect.poll(() => late.textContent()).toContain('Kestrel Hill Primary School');
    expect(await late.textContent()).toContain('08:30–16:00');
    expect(await late.locator('.pg-clause').textContent()).toContain('“Staff send and answer ClassDojo messages from 8:30am until 4pm on weekdays.”');
    await late.locator('.pg-clause summary').click();
    await h.screenshot(page, 'setup-draft-checked');
    await page.close();

    // Export: the policy in force as a file that validates, with the school's name and hours.
    const [download] = await Promise.all([options.waitForEvent('download'), options.locator('pg=[data-policy-guard="export-policy-button"]').click()]);
    const { readFileSync } = await import('node:fs');
    const exported = JSON.parse(readFileSync((await download.path())!, 'utf8'));
    expect(exported).toMatchObject({ name: 'Kestrel Hill Primary School', hours: { staff: [{ start: '08:30', end: '16:00' }] } });
    expect(exported.rules['sensitive-content'].action).toBe('off');
    const { parsePolicy } = await import('../../lib/policy/parse');
    expect(parsePolicy(exported).ok).toBe(true);
    await options.close();
  });

  it('the format documentation is a page of the extension, and renaming the school is a school setting', async () => {
    const options = await h.openExtensionPage('options.html');
    const link = options.locator('pg=[data-policy-guard="format-link"]');
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^chrome-extension:\/\/[a-z]+\/policy-format\.html$/);
    const format = await h.context.newPage();
    await format.goto(href!);
    await expect.poll(() => format.locator('main h1').textContent()).toContain('Writing your school');
    expect(await format.locator('main').textContent()).toContain('Start from your policy document');
    await format.close();

    const name = options.locator('pg=[data-policy-guard="school-name"]');
    await name.locator('input[data-field="name"]').fill('Kestrel Hill Community Primary');
    await name.locator('[data-policy-guard="school-name-save"]').click();
    await expect.poll(() => options.locator('pg=[data-policy-guard="options-current"]').textContent()).toContain('Kestrel Hill Community Primary');
    await options.close();
  });
  it('a trust’s policy is named after the trust; a Medical Needs Coordinator and two deputy DSLs are contacts of their own; the parents’ night is noted, not the staff hours', async () => {
    const options = await h.openExtensionPage('options.html');
    const setup = options.locator('pg=[data-policy-guard="setup"]');
    const heronsgate = [
        'Heronsgate Learning Trust',
        'ClassDojo Policy',
        '',
        'This policy applies to all schools in the Heronsgate Learning Trust: Marsh Lane Primary School and Fenwick Infant School.',
        'Staff will send and reply to messages between 8am and 4.30pm, Monday to Friday.',
        'Parents are asked not to message staff between 6pm and 7am.',
        'Questions about medicines should be directed to Mrs Joanne Platt, our Medical Needs Coordinator, on 01603 472 125.',
        'Our Designated Safeguarding Lead is Mrs Rachel Dunmore. Our Deputy DSLs are Mr Paul Fenwick and Mrs Amy Clarke.',
      ].join('\n');
    await setup.locator('[data-policy-guard="setup-text"]').fill(heronsgate);
    await setup.locator('[data-policy-guard="setup-read"]').click();
    const review = setup.locator('[data-policy-guard="setup-review"]');
    await review.waitFor();
    const value = (key: string) => review.locator(`[data-item="${key}"] [data-policy-guard="item-value"]`).textContent();
    expect(await value('name')).toBe('Heronsgate Learning Trust');
    expect(await review.locator('[data-item="name"] [data-policy-guard="item-check"]').textContent()).toContain('named after the trust');
    expect(await value('staffHours')).toBe('Mon–Fri 08:00–16:30');
    expect(await review.locator('[data-item="staffHours"] [data-policy-guard="item-check"]').textContent()).toContain('“Parents are asked not to message staff between 6pm and 7am.”');
    expect(await value('routes.medical')).toContain('Mrs Joanne Platt');
    expect(await value('contacts.joanne-platt')).toContain('01603 472 125');
    expect(await review.locator('[data-item="contacts.joanne-platt"]').textContent()).toContain('Medical Needs Coordinator');
    expect(await value('contacts.dsl')).toContain('Mrs Rachel Dunmore');
    expect(await value('contacts.deputy-dsl')).toContain('Mr Paul Fenwick');
    expect(await value('contacts.deputy-dsl-2')).toContain('Mrs Amy Clarke');
    // Every quote shown is the document's own words.
    const quotes = await review.locator('[data-policy-guard="item-quote"]').allTextContents();
    expect(quotes.length).toBeGreaterThan(5);
    for (const q of quotes) expect(heronsgate).toContain(q);
    await options.close();
  });

  it('reads hours from a pasted table, and says clearly when a pasted text holds no policy at all', async () => {
    const options = await h.openExtensionPage('options.html');
    const setup = options.locator('pg=[data-policy-guard="setup"]');
    // A table copied from a Word document pastes as tab-separated rows.
    await setup.locator('[data-policy-guard="setup-text"]').fill('Larkspur Primary School\n\nClassDojo messaging hours\n\nDays\tTeachers reply\nMonday to Thursday\t8.15am – 4.45pm\nFriday\t8.15am – 2.30pm\n');
    await setup.locator('[data-policy-guard="setup-read"]').click();
    const review = setup.locator('[data-policy-guard="setup-review"]');
    await review.waitFor();
    const hours = review.locator('[data-item="staffHours"]');
    expect(await hours.getAttribute('data-origin')).toBe('document');
    expect(await hours.locator('[data-policy-guard="item-value"]').textContent()).toBe('Mon–Thu 08:15–16:45; Fri 08:15–14:30');
    // The row, its day label with its times (probe 18g: a cell alone did not say which days).
    expect(await hours.locator('[data-policy-guard="item-quote"]').allTextContents()).toContain('Friday\t8.15am – 2.30pm');
    expect(await review.locator('[data-policy-guard="setup-read-nothing"]').count()).toBe(0);

    await setup.locator('[data-policy-guard="setup-text"]').fill('Our harvest festival raised £412 for the food bank. Thank you to every family who gave.');
    await setup.locator('[data-policy-guard="setup-read"]').click();
    const nothing = setup.locator('[data-policy-guard="setup-read-nothing"]');
    await nothing.waitFor();
    expect(await nothing.getAttribute('role')).toBe('alert');
    expect(await nothing.textContent()).toContain('Nothing could be read from this document');

    // A document about something else (probe 18e: a uniform policy) is said to be so, and who helps with
    // the cost of uniform is not offered as the school office's contact.
    await setup.locator('[data-policy-guard="setup-text"]').fill(readFileSync(new URL('../fixtures/policies/probe-18e/13-uniform-offtopic.txt', import.meta.url), 'utf8'));
    await setup.locator('[data-policy-guard="setup-read"]').click();
    const offTopic = setup.locator('[data-policy-guard="setup-read-nothing"]');
    await expect.poll(async () => offTopic.textContent()).toContain('does not look like a ClassDojo or communication policy');
    expect(await offTopic.getAttribute('role')).toBe('alert');
    expect(await setup.locator('[data-policy-guard="setup-review"]').textContent()).not.toContain('Linda Brooks');
  });

  it('a policy written in Welsh only is read: its hours with the Friday finish, the attendance officer and the DSP (no "nothing read" notice)', async () => {
    const options = await h.openExtensionPage('options.html');
    const setup = options.locator('pg=[data-policy-guard="setup"]');
    await setup.locator('[data-policy-guard="setup-text"]').fill(readFileSync(new URL('../fixtures/policies/probe-18e/19-nantaeron-welsh-only.txt', import.meta.url), 'utf8'));
    await setup.locator('[data-policy-guard="setup-read"]').click();
    const review = setup.locator('[data-policy-guard="setup-review"]');
    await review.waitFor();
    const hours = review.locator('[data-item="staffHours"]');
    expect(await hours.getAttribute('data-origin')).toBe('document');
    expect(await hours.locator('[data-policy-guard="item-value"]').textContent()).toBe('Mon–Thu 08:30–16:30; Fri 08:30–15:00');
    expect(await hours.locator('[data-policy-guard="item-quote"]').allTextContents()).toContain('Bydd staff yn anfon negeseuon rhwng 8.30yb a 4.30yp, dydd Llun i ddydd Iau, a rhwng 8.30yb a 3.00yp ar ddydd Gwener.');
    const text = (await review.textContent()) ?? '';
    expect(text).toContain('Mrs Siân Hughes');
    expect(text).toContain('Mr Gareth Lloyd');
    expect(await review.locator('[data-policy-guard="setup-read-nothing"]').count()).toBe(0);
    await h.screenshot(options, 'setup-welsh-only');
  });
});
