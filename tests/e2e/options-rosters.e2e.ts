import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIR } from '../fixtures/rosters/build';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';

/** A class list as a school's management system exports it: BOM, semicolons, quoted commas, extra columns. */
const MESSY = Buffer.from(
  '\uFEFFUPN;Legal Surname;Preferred Forename;DOB;Photo Permission;Class Story;Looked After\r\n' +
    'A1;"Hughes";"Amelia";01/04/2018;Yes;Yes;No\r\n' +
    'A2;"ap Rhys";"Siân";02/05/2018;Yes;No;\r\n' +
    'A3;"O\'Connor, Jr";"Niamh";03/06/2018;Y;Y;Y\r\n' +
    'A4;"Kowalska";"Zofia";04/07/2018;;;\r\n' +
    '\r\n',
  'utf8',
);

describe('pupils and photo consent in the options page', () => {
  const h = useHarness({}, (h) => h.choosePolicy('bentley-new-village'));

  it('imports a messy CSV roster after showing what it will do, and the checks use it at once', async () => {
    const options = await h.openExtensionPage('options.html');
    const rosters = options.locator('pg=[data-policy-guard="rosters"]');
    await rosters.locator('pg=[data-policy-guard="roster-new-class"]').fill('c1');
    await rosters.getByRole('button', { name: 'Add' }).click();
    await rosters.locator('pg=[data-policy-guard="roster-file"]').setInputFiles({ name: 'Class 3 Oak.csv', mimeType: 'text/csv', buffer: MESSY });

    const preview = rosters.locator('pg=[data-policy-guard="roster-preview"]');
    await preview.waitFor();
    expect(await preview.textContent()).toContain('Pupils in the file: 4. New: 4. Changed: 0. No longer on the list: 0.');
    expect(await preview.textContent()).toContain('Columns not read (the checks do not need them): UPN, DOB');
    expect(await preview.textContent()).toContain('Pupils with no photo consent recorded: 1. Their photos are held until consent is recorded.');
    // Nothing is stored until the leader confirms.
    expect(await h.stored('rosters')).toEqual([]);
    await h.screenshot(options, 'options-roster-preview');
    await preview.getByRole('button', { name: 'Replace the roster with these 4 pupils' }).click();

    const table = rosters.locator('pg=[data-policy-guard="roster-table"]');
    await table.waitFor();
    expect(await table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pupil')))).toEqual([
      'Amelia Hughes',
      'Siân ap Rhys',
      "Niamh O'Connor, Jr",
      'Zofia Kowalska',
    ]);
    const sian = table.locator('tr[data-pupil="Siân ap Rhys"]');
    expect(await sian.locator('[data-consent="class-story"]').inputValue()).toBe('refused');
    expect(await sian.locator('[data-consent="school-story"]').inputValue()).toBe('given');
    expect(await table.locator('tr[data-pupil="Zofia Kowalska"] [data-consent="class-story"]').inputValue()).toBe('not-recorded');
    expect(await table.locator('tr[data-pupil="Niamh O\'Connor, Jr"] [data-in-care]').isChecked()).toBe(true);
    const [stored] = await h.stored('rosters');
    expect(stored).toMatchObject({ classId: 'c1', source: 'csv' });
    expect(JSON.stringify(stored)).not.toMatch(/A1|2018/); // the UPN and date of birth were never kept
    await options.locator('pg=[data-policy-guard="rosters"]').scrollIntoViewIfNeeded();
    await h.screenshot(options, 'options-roster-table');

    // The composer knows the imported class at once: Siân's full name, typed without its accent.
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator('[data-name="storyComposerTextarea"]').pressSequentially('Well done Sian ap Rhys!', { delay: 5 });
    await expect.poll(() => page.locator(`${PANEL} [data-rule="full-name"]`).count()).toBe(1);
    await page.close();

    // Consent edited in the table is saved on a click.
    await sian.locator('[data-consent="class-story"]').selectOption('given');
    await rosters.locator('pg=[data-policy-guard="roster-save"]').click();
    await expect.poll(async () => JSON.stringify((await h.stored('rosters'))[0]!.pupils)).toContain('"first":"Siân","last":"ap Rhys","photoConsent":{"class-story":true');
    await options.close();
  });

  it('refuses a file with a bad row, says which and why, and changes nothing', async () => {
    const options = await h.openExtensionPage('options.html');
    const rosters = options.locator('pg=[data-policy-guard="rosters"]');
    await rosters.locator('pg=[data-policy-guard="roster-class"]').selectOption('c1');
    const before = JSON.stringify(await h.stored('rosters'));
    await rosters.locator('pg=[data-policy-guard="roster-file"]').setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Forename,Surname,Photo consent\nAmelia,Hughes,yes\n,Bennett,no\nJayden,Smith,maybe\n'),
    });
    const problems = rosters.locator('pg=[data-policy-guard="roster-problems"]');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('Row 3: No first name.');
    expect(await problems.textContent()).toContain('Row 4: Photo consent says “maybe”: write yes, no, or leave it empty if it is not recorded.');
    expect(await rosters.locator('pg=[data-policy-guard="roster-confirm"]').count()).toBe(0);
    expect(JSON.stringify(await h.stored('rosters'))).toBe(before);

    // A pasted list works too (no header, tab-separated as copied from a spreadsheet).
    await rosters.getByText('Or paste a list').click();
    await rosters.locator('pg=[data-policy-guard="roster-paste"]').fill('Amelia\tHughes\nOliver\tBennett\n');
    await rosters.getByRole('button', { name: 'Read the list' }).click();
    expect(await rosters.locator('pg=[data-policy-guard="roster-preview"]').textContent()).toContain('Pupils in the file: 2. New: 1. Changed: 1. No longer on the list: 3.');

    // A Windows-1252 export (as SIMS often writes): the circumflex arrives intact.
    const cp1252 = Buffer.from('Forename,Surname,Photo consent\r\nSi\xe2n,ap Rhys,yes\r\n', 'latin1');
    await rosters.locator('pg=[data-policy-guard="roster-file"]').setInputFiles({ name: 'sims.csv', mimeType: 'text/csv', buffer: cp1252 });
    await rosters.locator('pg=[data-policy-guard="roster-confirm"]').click();
    await expect.poll(() => rosters.locator('pg=[data-policy-guard="roster-table"] tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pupil')))).toEqual(['Siân ap Rhys']);
    await options.close();
  });

  it('imports Excel "Unicode Text" (UTF-16) and a SIMS report with a title above the headings, and the checks use the preferred names', async () => {
    const options = await h.openExtensionPage('options.html');
    const rosters = options.locator('pg=[data-policy-guard="rosters"]');
    await rosters.locator('pg=[data-policy-guard="roster-class"]').selectOption('c1');
    const preview = rosters.locator('pg=[data-policy-guard="roster-preview"]');
    const table = rosters.locator('pg=[data-policy-guard="roster-table"]');

    // UTF-16 LE with a byte-order mark, tab-separated: five pupils, not three "pupils" full of NULs.
    await rosters.locator('pg=[data-policy-guard="roster-file"]').setInputFiles({ name: 'Student List.txt', mimeType: 'text/plain', buffer: readFileSync(join(DIR, 'sims-unicode-text.txt')) });
    await preview.waitFor();
    expect(await preview.locator('pg=[data-policy-guard="roster-read-as"]').textContent()).toBe('Read as UTF-16 (Excel “Unicode Text”), separated by tabs.');
    expect(await preview.textContent()).toContain('Pupils in the file: 5.');
    expect(await preview.locator('pg=[data-policy-guard="roster-legal-names"]').textContent()).toContain('legal name as well as the name they go by: 2');
    await h.screenshot(options, 'options-roster-utf16');
    await rosters.locator('pg=[data-policy-guard="roster-confirm"]').click();
    await expect.poll(() => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pupil')))).toEqual(['Amelia Hughes', 'Siân ap Rhys', 'Niamh O’Connor', 'Alex Smith-Walker', 'Seun Adebayo']);
    expect(JSON.stringify(await h.stored('rosters'))).not.toContain('\\u0000');
    expect(await table.locator('tr[data-pupil="Alex Smith-Walker"]').textContent()).toContain('legal name: Alexander');

    // The same class from SIMS as a Windows-1252 CSV, with the report's title and print date above the headings.
    await rosters.locator('pg=[data-policy-guard="roster-file"]').setInputFiles({ name: 'Student List.csv', mimeType: 'text/csv', buffer: readFileSync(join(DIR, 'sims-student-list.csv')) });
    await preview.waitFor();
    expect(await preview.locator('pg=[data-policy-guard="roster-skipped"]').textContent()).toBe('Lines above the column headings, not read: “Student List - 3 Oak”, “Printed 30/11/2026 08:15 by Office”');
    expect(await preview.locator('pg=[data-policy-guard="roster-read-as"]').textContent()).toBe('Read as Windows-1252 (Excel “CSV”), separated by commas.');
    expect(await preview.textContent()).toContain('Pupils in the file: 5. New: 0. Changed: 0. No longer on the list: 0.');
    await h.screenshot(options, 'options-roster-preamble');
    await rosters.locator('pg=[data-policy-guard="roster-confirm"]').click();
    await expect.poll(async () => (await h.stored('rosters')).find((r) => r.classId === 'c1')?.source).toBe('csv');
    await options.close();

    // Teachers write the name the child goes by; the legal name is found too, and the fix is the preferred one.
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator('[data-name="storyComposerTextarea"]').pressSequentially('Well done Alexander Smith-Walker!', { delay: 5 });
    const finding = page.locator(`${PANEL} [data-rule="full-name"]`);
    await finding.waitFor();
    // Polled: typed key by key, the panel first shows the finding for the words so far.
    const fix = finding.locator('pg=[data-policy-guard="fix"]');
    await expect.poll(() => fix.textContent(), { timeout: 5000 }).not.toContain('Alexander');
    expect(await fix.textContent()).toContain('Alex');
    await page.close();
  });
});
