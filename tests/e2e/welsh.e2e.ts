import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR, PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';

describe('the interface in Welsh', () => {
  const h = useHarness({ locale: 'cy' }, (h) => h.choosePolicy('bentley-new-village'));

  it('has every English string translated, with the same placeholders', () => {
    const en = JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales/en/messages.json'), 'utf8'));
    const cy = JSON.parse(readFileSync(join(EXTENSION_DIR, '_locales/cy/messages.json'), 'utf8'));
    expect(Object.keys(cy).sort()).toEqual(Object.keys(en).sort());
    for (const key of Object.keys(en)) expect(cy[key].placeholders, key).toEqual(en[key].placeholders);
  });

  it('shows the panel, the popup and the options page in Welsh when the browser is in Welsh', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    const panel = page.locator(PANEL);
    await expect.poll(() => panel.textContent()).toContain('Polisi: ');
    expect(await panel.textContent()).toContain('Stori’r Dosbarth'.replace('’', "'"));
    await page.locator('[data-name="storyComposerTextarea"]').pressSequentially('Well done Amelia Hughes!', { delay: 5 });
    await expect.poll(() => panel.locator('[data-rule="full-name"]').count()).toBe(1);
    expect(await panel.locator('[data-rule="full-name"] .pg-badge').textContent()).toBe('Gwirio');
    expect(await panel.textContent()).toContain('Anwybyddu ar gyfer y postiad hwn');
    await h.screenshot(page, 'welsh-panel');
    await page.close();

    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('[data-policy-guard="popup-policy"]').textContent()).toContain('Polisi: ');
    expect(await popup.getByRole('button', { name: 'Dechrau gwiriad sydyn' }).count()).toBe(1);
    expect(await popup.evaluate(() => document.documentElement.lang)).toBe('cy');
    await popup.close();

    const options = await h.openExtensionPage('options.html');
    await expect.poll(() => options.locator('h1').textContent()).toBe('Gosodiadau Policy Guard');
    expect(await options.locator('[data-policy-guard="rosters"] h2').textContent()).toBe('Disgyblion a chaniatâd lluniau');
    await h.screenshot(options, 'welsh-options');
    await options.close();
  });
});
