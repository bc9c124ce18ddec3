import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseRosterCsv, readRoster } from '../../lib/roster/csv';
import { problemLine, rosterSummary } from '../../lib/roster/summary';
import { DIR } from '../fixtures/rosters/build';
import { workbook } from '../fixtures/rosters/workbook';
import { EN, english } from '../unit/roster/english';
import { PANEL, TEACH } from './harness';
import { openRosters, photoPostOf } from './roster-steps';
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
    expect(await preview.textContent()).toContain('Pupils with no photo consent recorded: 1. Their photos are held until consent is recorded, unless the policy says only to remind.');
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
    // On a phone's width the table scrolls inside its box; the page itself does not scroll sideways (probe 15).
    const viewport = options.viewportSize();
    await options.setViewportSize({ width: 360, height: 800 });
    await expect.poll(() => options.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
    await table.scrollIntoViewIfNeeded();
    await h.screenshot(options, 'options-roster-table-360');
    if (viewport) await options.setViewportSize(viewport);

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
    const { options, rosters } = await openRosters(h);
    const before = JSON.stringify(await h.stored('rosters'));
    await rosters.locator('pg=[data-policy-guard="roster-file"]').setInputFiles({
      name: 'broken.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('Forename,Surname,Photo consent\nAmelia,Hughes,yes\n,Bennett,no\nJayden,Smith,maybe\n'),
    });
    const problems = rosters.locator('pg=[data-policy-guard="roster-problems"]');
    await problems.waitFor();
    expect(await problems.textContent()).toContain('Row 3: No first name.');
    expect(await problems.textContent()).toContain('Row 4: Photo consent says “maybe”: Policy Guard cannot tell whether that is consent given, refused or not recorded, and does not guess: write yes (given), no (refused, withdrawn or opted out), or leave it empty (not recorded).');
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
    const { options, rosters } = await openRosters(h);
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

  it('shows the same messages as the CLI: shifted rows refused by row, a workbook named, columns and notes for two-row headings and mended names', async () => {
    const { options, rosters } = await openRosters(h);
    const before = JSON.stringify(await h.stored('rosters'));
    const problems = rosters.locator('pg=[data-policy-guard="roster-problems"]');
    const preview = rosters.locator('pg=[data-policy-guard="roster-preview"]');
    const file = rosters.locator('pg=[data-policy-guard="roster-file"]');
    const lib = (name: string) => readRoster(new Uint8Array(readFileSync(join(DIR, name))));

    // Commas without quotes in a note and a surname, and a row with cells missing: each row refused, as the CLI says it.
    await file.setInputFiles({ name: 'Pupils.csv', mimeType: 'text/csv', buffer: readFileSync(join(DIR, 'shifted-rows.csv')) });
    await problems.waitFor();
    const shifted = lib('shifted-rows.csv');
    expect(shifted.problems.map((p) => p.code)).toEqual(['extra-cells', 'extra-cells', 'missing-cells']);
    expect(await problems.locator('li').allTextContents()).toEqual(shifted.problems.map((p) => `Row ${p.row}: ${english(p)}`));
    // The CLI's summary lines say the same about each row.
    for (const p of shifted.problems) expect(rosterSummary(shifted, 'Pupils.csv', EN)).toContain(`  Row ${p.row}: ${english(p)}`);
    expect(await problems.locator('pg=[data-policy-guard="roster-counts"]').textContent()).toBe('Rows read: 4. Rows with a problem: 3.');
    expect(await problems.textContent()).toContain('It reads: “Siân” | “ap Rhys” | “Jr” | “Yes” | “No” | “”.');
    expect(await rosters.locator('pg=[data-policy-guard="roster-confirm"]').count()).toBe(0);
    await problems.scrollIntoViewIfNeeded();
    await h.screenshot(options, 'options-roster-shifted-rows');

    // An Excel workbook, even named .csv: said to be one, with how to save it as CSV UTF-8; no binary junk quoted.
    await file.setInputFiles({ name: 'Class 3 Oak.csv', mimeType: 'text/csv', buffer: readFileSync(join(DIR, 'class-list.xlsx.csv')) });
    // The workbook's own reason (probe 19f L2: this one lists no sheet), then how to save it as CSV.
    await expect.poll(() => problems.locator('li').allTextContents()).toEqual([
      'This workbook has no sheet Policy Guard can read. Open it in Excel (or LibreOffice), choose File › Save As, pick “CSV UTF-8 (Comma delimited) (*.csv)”, and import the .csv file.',
    ]);
    expect(await problems.textContent()).not.toMatch(/PK|Content_Types|Row 0/);
    expect(JSON.stringify(await h.stored('rosters'))).toBe(before);

    // UTF-8 garbled by Excel ("SiÃ¢n"): mended, and the preview says which names.
    await file.setInputFiles({ name: 'Pupils.csv', mimeType: 'text/csv', buffer: readFileSync(join(DIR, 'excel-resaved-mojibake.csv')) });
    await preview.waitFor();
    const notes = preview.locator('pg=[data-policy-guard="roster-notes"] li');
    expect(await notes.allTextContents()).toEqual(lib('excel-resaved-mojibake.csv').notes.map((n) => english(n)));
    expect(await notes.first().textContent()).toContain('“SiÃ¢n” → “Siân”');

    // Probe 19e D11: a refusal in one photo column over a yes in another is read, and the preview names each pupil.
    const disagree = 'Surname,Forename,Photo Opt Out,Photos on ClassDojo,Class Story\nHughes,Amelia,Y,Yes,\nJones,Tomos,N,Yes,Yes\nBegum,Aisha,,No,Yes\n';
    await file.setInputFiles({ name: 'Consent.csv', mimeType: 'text/csv', buffer: Buffer.from(disagree) });
    await expect.poll(() => notes.allTextContents()).toEqual(parseRosterCsv(disagree).notes.map((n) => english(n)));
    const said = (await notes.allTextContents()).join('\n');
    expect(said).toContain('photos allowed in one photo consent column and refused in another: Amelia Hughes (row 2: photos allowed in “Photos on ClassDojo” (D), refused in “Photo Opt Out” (C))');
    expect(said).toContain('a yes for a channel but a refusal in “Photo Opt Out” (C) and “Photos on ClassDojo” (D): Aisha Begum (row 4)');

    // Headings over two rows: which column is read as what, as the CLI prints it, and the preferred name used.
    await file.setInputFiles({ name: 'Integris.csv', mimeType: 'text/csv', buffer: readFileSync(join(DIR, 'integris-grouped-headings.csv')) });
    await expect.poll(() => preview.locator('pg=[data-policy-guard="roster-columns"]').textContent()).toContain('D “Preferred Forename” → first name the pupil goes by');
    const grouped = lib('integris-grouped-headings.csv');
    expect(await preview.locator('pg=[data-policy-guard="roster-columns"]').textContent()).toBe(`Columns read: ${rosterSummary(grouped, 'x', EN).find((l) => l.startsWith('  Columns read: '))!.slice('  Columns read: '.length)}`);
    expect(await notes.allTextContents()).toEqual(grouped.notes.map((n) => english(n)));
    await preview.scrollIntoViewIfNeeded();
    await h.screenshot(options, 'options-roster-two-row-headings');
    await rosters.locator('pg=[data-policy-guard="roster-confirm"]').click();
    const table = rosters.locator('pg=[data-policy-guard="roster-table"]');
    await expect.poll(() => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pupil')))).toEqual(['Millie Hughes', 'Luke Kowalski', 'Alex Smith-Walker']);
    expect(await table.locator('tr[data-pupil="Luke Kowalski"]').textContent()).toContain('Łukasz');
    expect(await table.locator('tr[data-pupil="Luke Kowalski"] [data-consent="class-story"]').inputValue()).toBe('refused');
    await options.close();
  });

  // Probe 19f H1, M1, M2, M4: headings that turn the in-care column round, a photo-consent heading naming LAC,
  // several classes in one file: refused as the CLI refuses them, nothing stored; Excel for Mac's "CSV" read as
  // Mac Roman with a note, and a split totals row skipped, as the CLI reads them.
  it('refuses in-care headings that are turned round and files of several classes, as the CLI does; reads Mac Roman and split footers', async () => {
    const { options, rosters } = await openRosters(h);
    const before = JSON.stringify(await h.stored('rosters'));
    const file = rosters.locator('pg=[data-policy-guard="roster-file"]');
    const problems = rosters.locator('pg=[data-policy-guard="roster-problems"]');
    const preview = rosters.locator('pg=[data-policy-guard="roster-preview"]');
    const refused: [string, Buffer, string][] = [
      ['Not LAC', Buffer.from('Forename,Surname,Photo consent,Not LAC\r\nNoah,Wilson,Yes,Yes\r\nGrace,Taylor,Yes,No\r\n'), 'unclear-care-heading'],
      ['No longer looked after', Buffer.from('Forename,Surname,Photo consent,No longer looked after\r\nNoah,Wilson,Yes,No\r\n'), 'unclear-care-heading'],
      ['Care leaver', Buffer.from('Forename,Surname,Photo consent,Care leaver\r\nNoah,Wilson,Yes,No\r\n'), 'unclear-care-heading'],
      ['Photo consent (not for LAC)', Buffer.from('Forename,Surname,Photo consent (not for LAC)\r\nNoah,Wilson,No\r\nGrace,Taylor,Yes\r\n'), 'unclear-heading'],
      ['Reg Group', Buffer.from('Forename,Surname,Reg Group,Photo consent\r\nNoah,Wilson,4W,Yes\r\nGrace,Taylor,4O,No\r\n'), 'several-classes'],
    ];
    for (const [name, csv, code] of refused) {
      await file.setInputFiles({ name: `${name}.csv`, mimeType: 'text/csv', buffer: csv });
      const lib = readRoster(new Uint8Array(csv));
      expect(lib.problems.map((p) => p.code), name).toEqual([code]);
      await expect.poll(() => problems.locator('li').allTextContents(), { message: name }).toEqual(lib.problems.map((p) => problemLine(p, lib, EN)));
      // Each about the heading row or the whole file: none is a pupil's row refused.
      expect(await problems.locator('li').allTextContents(), name).not.toContainEqual(expect.stringMatching(/^Row \d/));
      expect(await rosters.locator('pg=[data-policy-guard="roster-confirm"]').count(), name).toBe(0);
      expect(JSON.stringify(await h.stored('rosters')), name).toBe(before);
    }
    await problems.scrollIntoViewIfNeeded();
    await h.screenshot(options, 'options-roster-not-lac-refused');

    // Excel for Mac's "CSV": Mac Roman bytes (0x8E é, 0xD5 ’), CR line ends, a totals row in two cells.
    const mac = Buffer.from([...Buffer.from('Forename,Surname,Photo consent\rJos'), 0x8e, ...Buffer.from(',Garcia,Yes\rNiamh,O'), 0xd5, ...Buffer.from('Connor,No\r\rTotal,2,\r')]);
    await file.setInputFiles({ name: 'Class 4W.csv', mimeType: 'text/csv', buffer: mac });
    await preview.waitFor();
    const lib = readRoster(new Uint8Array(mac));
    expect(lib.pupils.map((p) => `${p.first} ${p.last}`)).toEqual(['José Garcia', 'Niamh O’Connor']);
    expect(await preview.locator('pg=[data-policy-guard="roster-read-as"]').textContent()).toContain('Mac Roman (Excel for Mac “CSV”)');
    expect(await preview.locator('pg=[data-policy-guard="roster-notes"] li').allTextContents()).toEqual(lib.notes.map((n) => english(n)));
    expect(lib.notes.map((n) => n.code)).toEqual(['mac-roman', 'footer']);
    await rosters.locator('pg=[data-policy-guard="roster-confirm"]').click();
    const table = rosters.locator('pg=[data-policy-guard="roster-table"]');
    await expect.poll(() => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pupil')))).toEqual(['José Garcia', 'Niamh O’Connor']);
    await options.close();
  });

  // Issue 19 (probe 19f M2): a file of several classes is refused listing them; the teacher may keep one class by
  // choosing it (nothing is chosen for them), and only that class's pupils are read, previewed and stored.
  it('offers to keep one class from a file of several, and keeps the refusal until one is chosen', async () => {
    const { options, rosters } = await openRosters(h);
    const before = JSON.stringify(await h.stored('rosters'));
    const csv = Buffer.from('Forename,Surname,Reg Group,Photo consent,In care\r\nNoah,Wilson,4W,Yes,No\r\nIsla,Roberts,4O,No,Yes\r\nGrace,Taylor,4W,Form not returned,No\r\nOliver,Bennett,4O,Yes,No\r\nAmelia,Hughes,5B,Yes,No\r\n');
    await rosters.locator('pg=[data-policy-guard="roster-file"]').setInputFiles({ name: 'Whole school.csv', mimeType: 'text/csv', buffer: csv });
    const problems = rosters.locator('pg=[data-policy-guard="roster-problems"]');
    await problems.waitFor();
    const lib = readRoster(new Uint8Array(csv));
    expect(lib.problems.map((p) => p.code)).toEqual(['several-classes']);
    // A class to choose, not a row to mend: said without a row, and no row counted as refused.
    await expect.poll(() => problems.locator('li').allTextContents()).toEqual(lib.problems.map((p) => english(p)));
    expect(english(lib.problems[0]!)).not.toMatch(/below|--group/);
    expect(await problems.locator('pg=[data-policy-guard="roster-counts"]').textContent()).toBe('Rows read: 5.');
    expect(await problems.locator('p').first().textContent(), 'no rows to fix: a class to choose').toBe('Nothing was imported, for these reasons:');
    const choice = rosters.locator('pg=[data-policy-guard="roster-group-choice"]');
    expect(await choice.locator('option').allTextContents()).toEqual(['Choose the class…', '4W (2)', '4O (2)', '5B (1)']);
    // No class chosen: still refused, nothing to confirm, nothing stored.
    expect(await choice.locator('pg=[data-policy-guard="roster-group-read"]').isDisabled()).toBe(true);
    expect(await rosters.locator('pg=[data-policy-guard="roster-confirm"]').count()).toBe(0);
    expect(JSON.stringify(await h.stored('rosters'))).toBe(before);
    await problems.scrollIntoViewIfNeeded();
    await h.screenshot(options, 'options-roster-several-classes-choice');

    await choice.locator('pg=[data-policy-guard="roster-group"]').selectOption('4W');
    await choice.locator('pg=[data-policy-guard="roster-group-read"]').click();
    const preview = rosters.locator('pg=[data-policy-guard="roster-preview"]');
    await preview.waitFor();
    const kept = readRoster(new Uint8Array(csv), csv.length, { group: '4W' });
    expect(kept.ok).toBe(true);
    expect(await preview.locator('pg=[data-policy-guard="roster-notes"] li').allTextContents()).toEqual(kept.notes.map((n) => english(n)));
    expect(kept.notes.map((n) => n.code)).toContain('group-kept');
    expect(JSON.stringify(await h.stored('rosters'))).toBe(before);
    await rosters.locator('pg=[data-policy-guard="roster-confirm"]').click();
    const table = rosters.locator('pg=[data-policy-guard="roster-table"]');
    await expect.poll(() => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pupil')))).toEqual(['Noah Wilson', 'Grace Taylor']);
    expect(await table.locator('tr[data-pupil="Grace Taylor"] [data-consent="class-story"]').inputValue()).toBe('not-recorded');
    // Only the chosen class's pupils are kept on this computer.
    expect(JSON.stringify(await h.stored('rosters'))).not.toMatch(/Isla|Oliver|Amelia/);
    await options.close();
  });

  // Probe 19c D1-D3: a register kept the other way round ("Photos not allowed"), an in-care column named by its
  // abbreviation ("Care status (LAC)") and name headings with "Child": read as the CLI reads them, and the
  // checks hold a tagged photo of the pupil who may not be photographed and of the one in care.
  it('reads an opt-out column, an in-care column by its abbreviation and “Child” name headings, and holds their photos', async () => {
    const csv = Buffer.from('Child First Name,Child Surname,Photos not allowed,Care status (LAC)\r\nNoah,Wilson,Y,N\r\nIsla,Roberts,N,Yes\r\nGrace,Taylor,N,N\r\n', 'utf8');
    // The class is there when the tests before this one ran; else it is added here.
    const { options, rosters } = await openRosters(h);
    await rosters.locator('pg=[data-policy-guard="roster-file"]').setInputFiles({ name: 'Consent register.csv', mimeType: 'text/csv', buffer: csv });
    const preview = rosters.locator('pg=[data-policy-guard="roster-preview"]');
    await preview.waitFor();
    const lib = readRoster(new Uint8Array(csv));
    expect(await preview.locator('pg=[data-policy-guard="roster-columns"]').textContent()).toBe(`Columns read: ${rosterSummary(lib, 'x', EN).find((l) => l.startsWith('  Columns read: '))!.slice('  Columns read: '.length)}`);
    expect(await preview.textContent()).toContain('C “Photos not allowed” → photo opt-out (yes means no photos); D “Care status (LAC)” → in care');
    await h.screenshot(options, 'options-roster-opt-out-and-lac');
    await rosters.locator('pg=[data-policy-guard="roster-confirm"]').click();
    const table = rosters.locator('pg=[data-policy-guard="roster-table"]');
    await expect.poll(() => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pupil')))).toEqual(['Noah Wilson', 'Isla Roberts', 'Grace Taylor']);
    expect(await table.locator('tr[data-pupil="Noah Wilson"] [data-consent="class-story"]').inputValue()).toBe('refused');
    expect(await table.locator('tr[data-pupil="Isla Roberts"] [data-in-care]').isChecked()).toBe(true);
    await options.close();

    const photoOf = (pupil: string) => photoPostOf(h, pupil);
    const noah = await photoOf('Noah Wilson');
    await expect.poll(() => noah.locator(`${PANEL} [data-rule="photo-consent"]`).textContent()).toContain('Noah Wilson has no photo consent for Class Story');
    await noah.close();
    const isla = await photoOf('Isla Roberts');
    await expect.poll(() => isla.locator(`${PANEL} [data-rule="photo-consent"]`).textContent()).toContain('Isla Roberts is in Local Authority care');
    await isla.close();
    // The clean twin: no opt-out, not in care, nothing to hold.
    const grace = await photoOf('Grace Taylor');
    await grace.waitForTimeout(600);
    expect(await grace.locator(`${PANEL} [data-rule="photo-consent"]`).count()).toBe(0);
    await grace.close();
  });

  // An Excel workbook, as SIMS, Arbor and Bromcom export besides CSV: read from its cells as the CLI reads it.
  it('imports an Excel workbook (.xlsx): the class list’s sheet, its title row skipped, preferred names, a withdrawal date', async () => {
    const { options, rosters } = await openRosters(h);
    const book = Buffer.from(workbook({ notesFirst: true }));
    await rosters.locator('pg=[data-policy-guard="roster-file"]').setInputFiles({ name: 'Class list.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: book });
    const preview = rosters.locator('pg=[data-policy-guard="roster-preview"]');
    await preview.waitFor();
    expect(await preview.locator('pg=[data-policy-guard="roster-read-as"]').textContent()).toBe('Read from an Excel workbook, sheet “3 Oak”.');
    expect(await preview.locator('pg=[data-policy-guard="roster-skipped"]').textContent()).toBe('Lines above the column headings, not read: “Class list & consent – 3 Oak”');
    expect(await preview.locator('pg=[data-policy-guard="roster-notes"] li').allTextContents()).toEqual(readRoster(new Uint8Array(book)).notes.map((n) => english(n)));
    await h.screenshot(options, 'options-roster-xlsx');
    await rosters.locator('pg=[data-policy-guard="roster-confirm"]').click();
    const table = rosters.locator('pg=[data-policy-guard="roster-table"]');
    await expect.poll(() => table.locator('tbody tr').evaluateAll((rows) => rows.map((r) => r.getAttribute('data-pupil')))).toEqual(['Millie Hughes', 'Siân ap Rhys']);
    expect(await table.locator('tr[data-pupil="Siân ap Rhys"] [data-consent="class-story"]').inputValue()).toBe('refused');
    expect(await table.locator('tr[data-pupil="Millie Hughes"]').textContent()).toContain('legal name: Amelia');
    await options.close();
  });
});
