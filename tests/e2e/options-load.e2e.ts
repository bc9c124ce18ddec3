/**
 * What the options page costs to open, measured as Chromium loads it, not as the size test reads the build:
 * every file of the extension the page fetched (Chrome DevTools Protocol network events), gzipped as built,
 * added up over its first 3 s for a staff member with a policy chosen and a class roster stored (every
 * section drawn). The sections that carry heavy code (setup from a document, "Try a draft", the roster
 * import) draw light shells at once and load the rest when the person acts: each part is seen to load on
 * its action, and what the person typed is checked once it has.
 */
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AIMS, kb } from '../../scripts/bundle-sizes';
import { c1Pupils } from './class-c1';
import { EXTENSION_DIR } from './harness';
import { gzSize as gz, openWatched as open, optionsFetchedOnOpen, optionsSectionsDrawn as sectionsDrawn } from './page-fetches';
import { useHarness } from './use-harness';

/** The chunks loaded on a person's action, by their source module's name (Rolldown names a chunk after it). */
const ON_ACTION = {
  engine: 'chunks/try-check-',
  rosterReader: 'chunks/RosterRead-',
  policyReader: 'chunks/read-policy-',
  review: 'chunks/ProposalReview-',
};
const heavy = (files: string[]) => files.filter((f) => Object.values(ON_ACTION).some((prefix) => f.startsWith(prefix)));

describe('the options page, as Chromium loads it', () => {
  const h = useHarness({}, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(true));
  });

  it(`fetches at most ${kb(AIMS.options)} gzipped in its first 3 s (staff, a policy, a class roster), none of it the parts loaded on action`, async () => {
    const { page, files: fetched, gz: total } = await optionsFetchedOnOpen(h);
    // The resource timing list is a second witness: nothing the page loaded escaped the network events.
    const timed = (await page.evaluate<string[]>(`performance.getEntriesByType('resource').map((e) => e.name)`)).map((u) => u.replace(/^chrome-extension:\/\/[^/]+\//, '').split(/[?#]/)[0]!);
    expect(timed.filter((f) => !fetched.includes(f))).toEqual([]);
    expect(fetched).toContain('options.html');
    expect(fetched.some((f) => /^chunks\/options-.*\.js$/.test(f))).toBe(true);
    // Each part loaded on action is in the build under the name looked for (a rename would blind this test).
    const chunks = readdirSync(join(EXTENSION_DIR, 'chunks')).map((f) => `chunks/${f}`);
    for (const prefix of Object.values(ON_ACTION)) expect(chunks.some((f) => f.startsWith(prefix)), prefix).toBe(true);
    expect(heavy(fetched)).toEqual([]);
    console.log(`options.html fetched in 3 s: ${kb(total)} gzipped (aim ${kb(AIMS.options)}): ${fetched.map((f) => `${f} ${kb(gz(f))}`).join(', ')}`);
    expect(total, `${kb(total)}: ${fetched.join(', ')}`).toBeLessThanOrEqual(AIMS.options);
    // The sections are all there, as before: the class's roster, the draft box with the class to try with.
    expect(await page.locator('pg=[data-policy-guard="roster-class"]').inputValue()).toBe('c1');
    expect(await page.locator('pg=[data-policy-guard="try-it"] select').count()).toBe(2);
    await page.close();
  });

  it('loads the draft checker on the first character typed, and checks the whole draft typed meanwhile', async () => {
    const { page, files } = await open(h, 'options.html');
    await sectionsDrawn(page);
    const tryIt = page.locator('pg=[data-policy-guard="try-it"]');
    // Typed key by key: the engine is asked for on the first key and the rest arrive while it loads.
    const draft = 'Well done to Amelia Hughes for her story!';
    await tryIt.locator('[data-policy-guard="try-draft"]').pressSequentially(draft, { delay: 2 });
    expect(heavy(files())).toEqual([expect.stringMatching(/^chunks\/try-check-/)]);
    await expect.poll(() => tryIt.locator('[data-policy-guard="try-findings"] [data-rule="full-name"]').count()).toBe(1);
    expect(await tryIt.locator('[data-policy-guard="try-findings"]').textContent()).toContain('Amelia Hughes');
    expect(await tryIt.locator('[data-policy-guard="try-draft"]').inputValue()).toBe(draft);
    await page.close();
  });

  it('loads the roster reader when a file is chosen, and for a pasted list', async () => {
    const { page, files } = await open(h, 'options.html');
    await sectionsDrawn(page);
    const rosters = page.locator('pg=[data-policy-guard="rosters"]');
    await page.waitForTimeout(300);
    expect(heavy(files())).toEqual([]);
    await rosters.locator('[data-policy-guard="roster-file"]').setInputFiles({ name: 'Class 3.csv', mimeType: 'text/csv', buffer: Buffer.from('First name,Surname\nAmelia,Hughes\nZofia,Kowalska\n') });
    await rosters.locator('[data-policy-guard="roster-preview"]').waitFor();
    expect(heavy(files())).toEqual([expect.stringMatching(/^chunks\/RosterRead-/)]);
    expect(await rosters.locator('[data-policy-guard="roster-preview"]').textContent()).toContain('Pupils in the file: 2.');
    await page.close();

    // In a fresh page, pasting a list loads it; Read reads the list as it stands.
    const second = await open(h, 'options.html');
    await sectionsDrawn(second.page);
    const box = second.page.locator('pg=[data-policy-guard="roster-paste"]');
    await second.page.locator('pg=[data-policy-guard="roster-import"] summary').click();
    await box.fill('Amelia\tHughes\nOliver\tBennett\nZofia\tKowalska\n');
    await expect.poll(() => heavy(second.files())).toEqual([expect.stringMatching(/^chunks\/RosterRead-/)]);
    await second.page.getByRole('button', { name: 'Read the list' }).click();
    await expect.poll(() => second.page.locator('pg=[data-policy-guard="roster-preview"]').textContent()).toContain('Pupils in the file: 3.');
    await second.page.close();
  });

  it('loads the policy reader on Read (or the template) and the review when there is a proposal', async () => {
    const { page, files } = await open(h, 'options.html');
    await sectionsDrawn(page);
    const setup = page.locator('pg=[data-policy-guard="setup"]');
    await setup.locator('[data-policy-guard="setup-text"]').fill('Kestrel Hill Primary School\nClassDojo Policy\nStaff send and answer ClassDojo messages from 8:30am until 4pm on weekdays.\n');
    await page.waitForTimeout(300);
    expect(heavy(files())).toEqual([]);
    await setup.locator('[data-policy-guard="setup-read"]').click();
    await setup.locator('[data-policy-guard="setup-review"]').waitFor();
    expect(heavy(files()).sort()).toEqual([expect.stringMatching(/^chunks\/ProposalReview-/), expect.stringMatching(/^chunks\/read-policy-/)]);
    expect(await setup.locator('[data-item="name"] [data-policy-guard="item-value"]').textContent()).toBe('Kestrel Hill Primary School');
    await page.close();

    const second = await open(h, 'options.html');
    await sectionsDrawn(second.page);
    await second.page.locator('pg=[data-policy-guard="setup-new-name"]').fill('Larkspur Primary');
    await second.page.locator('pg=[data-policy-guard="setup-new"]').click();
    await second.page.locator('pg=[data-policy-guard="setup-review"]').waitFor();
    expect(heavy(second.files()).sort()).toEqual([expect.stringMatching(/^chunks\/ProposalReview-/), expect.stringMatching(/^chunks\/read-policy-/)]);
    expect(await second.page.locator('pg=[data-policy-guard="setup-review"] [data-item="name"] [data-policy-guard="item-value"]').textContent()).toBe('Larkspur Primary');
    await second.page.close();
  });

  it('says so when the checker cannot be loaded (the extension updated under the page), and keeps the draft', async () => {
    const { page } = await open(h, 'options.html');
    await sectionsDrawn(page);
    // As after an update: the chunk this page's code names is no longer there to load.
    await page.route(/\/chunks\/try-check-[^/]*\.js$/, (route) => route.abort('failed'));
    const tryIt = page.locator('pg=[data-policy-guard="try-it"]');
    await tryIt.locator('[data-policy-guard="try-draft"]').fill('Well done to Amelia Hughes!');
    await expect.poll(() => tryIt.getByRole('alert').textContent()).toContain('Reload the page');
    expect(await tryIt.locator('[data-policy-guard="try-draft"]').inputValue()).toBe('Well done to Amelia Hughes!');
    expect(await tryIt.locator('[data-policy-guard="try-findings"]').count()).toBe(0);
    await page.close();
    // The failed load's own console lines are what this test made happen; anything else still fails it.
    const expected = (line: string) => /try-check-|dynamically imported module|ERR_FAILED|Failed to load resource/.test(line);
    const errors = h.pageErrors.splice(0);
    expect(errors.filter((e) => !expected(e))).toEqual([]);
  });
});
