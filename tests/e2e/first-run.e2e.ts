import { expect, it } from 'vitest';
import { PANEL, TEACH, } from './harness';
import { useHarness } from './use-harness';

// A fresh profile: this file is about what happens on install.
const h = useHarness();

it('opens the options page on install, and the panel says nothing is checked until a policy is chosen', async () => {
  // The harness waits for the tab the extension opens on install (it fails to launch without it).
  const options = h.firstRunOptions;
  expect(options.url()).toBe(`chrome-extension://${h.extensionId}/options.html`);
  const findOptions = () => h.context.pages().find((p) => p.url().endsWith('/options.html'));
  await expect.poll(() => options.locator('pg=[data-policy-guard="options-current"]').textContent()).toContain('No policy chosen');

  const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
  await expect.poll(() => page.locator('pg=[data-policy-guard="no-policy"]').isVisible()).toBe(true);

  // The panel's button takes the teacher to the options page (content scripts ask the background).
  await options.close();
  await page.locator(PANEL).getByRole('button', { name: "Choose your school's policy" }).click();
  await expect.poll(() => findOptions()?.url(), { timeout: 10_000 }).toBeTruthy();
  await findOptions()!.close();
});

it('a policy chosen in the options page reaches an open ClassDojo page without a reload', async () => {
  const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
  await expect.poll(() => page.locator(PANEL).getAttribute('data-policy')).toBe('');

  const options = await h.openExtensionPage('options.html');
  await options.getByLabel('Bentley New Village Primary School').check();
  await options.getByRole('button', { name: 'Use this policy' }).click();
  await expect.poll(() => options.locator('pg=[data-policy-guard="policy-chooser"] [role="status"]').textContent()).toContain('Saved');
  await h.screenshot(options, 'first-run-options');

  await expect.poll(() => page.locator(PANEL).getAttribute('data-policy')).toBe('bentley-new-village');
  expect(await page.locator('pg=[data-policy-guard="policy"]').textContent()).toBe('Policy: Bentley New Village Primary School');
  await h.screenshot(page, 'first-run-policy-chosen');
});
