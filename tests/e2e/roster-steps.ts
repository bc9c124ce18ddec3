/**
 * Steps the roster and photo-consent end-to-end tests share: a Class Story photo post with one pupil tagged,
 * and the options page's roster section with a class chosen (added first when the tests before have not).
 */
import type { Locator, Page } from 'playwright-core';
import { PANEL, TEACH, type Harness } from './harness';

/** Opens class c1's Class Story composer, adds a photo, tags `pupil` (as the tag list labels them) and writes a caption. */
export async function photoPostOf(h: Harness, pupil: string, caption = 'Our volcano experiment!'): Promise<Page> {
  const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
  await page.locator(`${PANEL} [data-policy-guard="audience"]`).waitFor();
  await page.getByRole('button', { name: 'Add photo' }).click();
  await page.getByRole('button', { name: 'Tag students' }).click();
  await page.getByLabel(pupil).check();
  await page.locator('[data-name="storyComposerTextarea"]').fill(caption);
  return page;
}

/** Opens the options page at its roster section with `classId` chosen, adding the class when it is not there yet. */
export async function openRosters(h: Harness, classId = 'c1'): Promise<{ options: Page; rosters: Locator }> {
  const options = await h.openExtensionPage('options.html');
  const rosters = options.locator('pg=[data-policy-guard="rosters"]');
  await rosters.locator('pg=[data-policy-guard="roster-new-class"]').waitFor();
  const select = rosters.locator('pg=[data-policy-guard="roster-class"]');
  const known = (await select.count()) > 0 && (await select.evaluate((s, id) => [...(s as HTMLSelectElement).options].some((o) => o.value === id), classId));
  if (!known) {
    await rosters.locator('pg=[data-policy-guard="roster-new-class"]').fill(classId);
    await rosters.getByRole('button', { name: 'Add' }).click();
  }
  await select.selectOption(classId);
  return { options, rosters };
}
