import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';
import { sendAnyway } from './gate';

const preset = (id: string) => JSON.parse(readFileSync(join(import.meta.dirname, `../../lib/policy/presets/${id}.json`), 'utf8'));

describe('the school’s policy in the options page', () => {
  const h = useHarness({}, (h) => h.choosePolicy('bentley-new-village'));

  it('refuses a broken policy file, naming each field and what is wrong, and keeps the policy in use', async () => {
    const broken = preset('malpas-court');
    broken.hours.staff[0].end = '25:00';
    broken.rules['ful-name'] = broken.rules['full-name'];
    const office = Object.keys(broken.routing.contacts)[0]!;
    broken.routing.contacts[office].email = 'office at school';
    const options = await h.openExtensionPage('options.html');
    await options.locator('pg=[data-policy-guard="policy-file"]').setInputFiles({ name: 'our-policy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const problems = options.locator('pg=[data-policy-guard="policy-problems"]');
    await problems.waitFor();
    const paths = await problems.locator('li').evaluateAll((lis) => lis.map((li) => li.getAttribute('data-path')));
    expect(paths).toEqual(expect.arrayContaining(['hours.staff[0].end', 'rules.ful-name', `routing.contacts.${office}.email`]));
    const text = await problems.textContent();
    expect(text).toContain('Hours › Staff sending hours › no. 1 › end');
    expect(text).toContain('expected a time as "HH:MM" between "00:00" and "23:59", got "25:00"');
    expect(text).toContain('expected an email address, got "office at school"');
    expect(await options.locator('pg=[data-policy-guard="options-current"]').textContent()).toContain('Bentley New Village');
    await h.screenshot(options, 'options-policy-refused');

    // Not JSON at all: one clear line, nothing changed.
    await options.locator('pg=[data-policy-guard="policy-file"]').setInputFiles({ name: 'notes.json', mimeType: 'application/json', buffer: Buffer.from('{"name": "Our school",') });
    await expect.poll(() => options.locator('pg=[data-policy-guard="policy-problems"]').textContent()).toMatch(/JSON/);
    expect(await options.locator('pg=[data-policy-guard="options-current"]').textContent()).toContain('Bentley New Village');
    await options.close();
  });

  it('imports a valid policy file, which the checks in ClassDojo then use', async () => {
    const ours = preset('malpas-court');
    ours.id = 'our-school';
    ours.name = 'Our Own Primary School';
    const options = await h.openExtensionPage('options.html');
    await options.locator('pg=[data-policy-guard="policy-file"]').setInputFiles({ name: 'our-policy.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(ours)) });
    await options.locator('pg=[data-policy-guard="policy-imported"]').waitFor();
    await expect.poll(() => options.locator('pg=[data-policy-guard="options-current"]').textContent()).toContain('Our Own Primary School (imported from our-policy.json)');
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await expect.poll(() => page.locator(PANEL).textContent()).toContain('Our Own Primary School');
    await page.close();
    await options.close();
  });

  it('edits rule actions, hours and closures, refusing an edit that breaks the policy, and the try-it box follows', async () => {
    await h.choosePolicy('bentley-new-village');
    const options = await h.openExtensionPage('options.html');
    const tryIt = options.locator('pg=[data-policy-guard="try-it"]');
    await tryIt.locator('pg=[data-policy-guard="try-draft"]').fill('Well done to Amelia Hughes for her story!');
    await expect.poll(() => tryIt.locator('pg=[data-policy-guard="try-findings"] [data-rule="full-name"]').count()).toBe(1);

    await options.locator('pg=[data-policy-guard="rule-actions"] select[data-rule="full-name"]').selectOption('off');
    await expect.poll(() => tryIt.locator('pg=[data-policy-guard="try-findings"] [data-rule="full-name"]').count()).toBe(0);

    // Hours that end before they start are refused, with the field named; the saved hours are unchanged.
    const hours = options.locator('pg=[data-policy-guard="hours-editor"]');
    await hours.locator('[data-window="0"] [data-field="end"]').fill('07:00');
    await hours.locator('pg=[data-policy-guard="hours-save"]').click();
    await expect.poll(() => hours.locator('pg=[data-policy-guard="policy-problems"]').textContent()).toContain('must be later than start');
    expect(JSON.stringify(await h.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get('policyEdits')))).not.toContain('07:00');
    await hours.locator('[data-window="0"] [data-field="end"]').fill('16:30');
    await hours.locator('pg=[data-policy-guard="hours-save"]').click();
    await expect.poll(() => hours.locator('[role="status"]').textContent()).toContain('Saved.');

    const closures = options.locator('pg=[data-policy-guard="closures-editor"]');
    await closures.getByRole('button', { name: 'Add a closure' }).click();
    const last = closures.locator('[data-closure]').last();
    await last.locator('input[type="text"]').fill('INSET day');
    await last.locator('input[type="date"]').first().fill('2026-11-27');
    await last.locator('input[type="date"]').last().fill('2026-11-27');
    await closures.locator('pg=[data-policy-guard="closures-save"]').click();

    await expect.poll(() => closures.locator('[role="status"]').textContent()).toContain('Saved.');

    // An INSET day is out of hours in the try-it box, at a time that is otherwise inside them.
    await tryIt.locator('input[type="datetime-local"]').fill('2026-11-27T10:00');
    await tryIt.locator('pg=[data-policy-guard="try-draft"]').fill('PE kits tomorrow please');
    await expect.poll(() => tryIt.locator('pg=[data-policy-guard="try-findings"]').textContent()).toContain('INSET day');
    await h.screenshot(options, 'options-editors');
    await options.close();
  });

  it('deletes all data after a second click, and the extension carries on with a fresh database', async () => {
    await h.setRoster('c1', [{ first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false }]);
    const options = await h.openExtensionPage('options.html');
    await options.locator('pg=[data-policy-guard="delete-all"]').click();
    await options.locator('pg=[data-policy-guard="delete-all-confirm"]').click();
    // The page reloads, so every section shows what is left: nothing.
    await expect.poll(() => options.locator('pg=[data-policy-guard="data"] [role="status"]').textContent(), { timeout: 5_000 }).toContain('Deleted');
    const local = await h.worker.evaluate(() => (globalThis as unknown as { chrome: { storage: { local: { get(k: null): Promise<Record<string, unknown>> } } } }).chrome.storage.local.get(null));
    expect(local).toEqual({ userRole: 'staff' }); // who uses the browser is kept: no one's data
    expect(await h.stored('rosters')).toEqual([]);
    await expect.poll(() => options.locator('pg=[data-policy-guard="options-current"]').textContent()).toContain('No policy');
    expect(await options.locator('pg=[data-policy-guard="rosters"]').textContent()).not.toContain('storage is unavailable');
    await options.close();

    // The background's database was deleted under it: it opens a fresh one, and records the next override.
    await h.choosePolicy('bentley-new-village');
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator('[data-name="storyComposerTextarea"]').fill('Well done to Amelia Hughes!');
    await page.locator(`${PANEL} [data-rule="full-name"]`).waitFor();
    await page.getByRole('button', { name: 'Post', exact: true }).click();
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    await sendAnyway(page, 'Parent asked for it');
    await expect.poll(async () => (await h.events()).map((e) => e.kind), { timeout: 5_000 }).toContain('override');
    await page.close();
  });
});
