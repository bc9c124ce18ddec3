import { describe, expect, it } from 'vitest';
import { PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';

// The school's IT pushes Broughton's policy with its own INSET day, and locks the hours and one rule's action,
// through the browser's machine policy (as the Google Admin console or Edge's policies would).
const IT_CLOSURE = { label: 'IT-set INSET day', start: '2026-11-27', end: '2026-11-27' };

describe('a policy deployed by the school’s IT', () => {
  const h = useHarness({
    managed: { presetId: 'broughton', policyJson: JSON.stringify({ hours: { closures: [IT_CLOSURE] } }), locked: ['hours', 'rules.sensitive-content.action'] },
  });

  it('is in force with no choice made in the browser, with locked fields shown as locked', async () => {
    // A user edit made before IT locked the hours: it must not apply.
    await h.editPolicy({ hours: { staff: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '23:59' }] } });
    const options = await h.openExtensionPage('options.html');
    // Chromium hands extensions their managed policy 2–6 s after it starts; the page follows when it arrives.
    await expect.poll(() => options.locator('[data-policy-guard="options-current"]').textContent(), { timeout: 15_000 }).toContain('Broughton Primary School (set by your school');
    expect(await options.locator('[data-policy-guard="policy-chooser"] input[type="radio"]').first().isDisabled()).toBe(true);
    expect(await options.locator('[data-policy-guard="policy-file"]').isDisabled()).toBe(true);

    const hours = options.locator('[data-policy-guard="hours-editor"]');
    expect(await hours.locator('input[data-field="end"]').first().isDisabled()).toBe(true);
    expect(await hours.locator('[data-policy-guard="locked"]').textContent()).toContain('Set by your school’s IT'.replace('’', "'"));
    expect(await hours.locator('[data-window] input[data-field="end"]').first().inputValue()).not.toBe('23:59');
    expect(await options.locator('[data-policy-guard="closures-editor"] [data-closure] input[type="text"]').first().inputValue()).toBe('IT-set INSET day');

    expect(await options.locator('[data-policy-guard="rule-actions"] select[data-rule="sensitive-content"]').isDisabled()).toBe(true);
    expect(await options.locator('[data-policy-guard="rule-actions"] select[data-rule="photo-consent"]').isDisabled()).toBe(false);
    await h.screenshot(options, 'options-managed-locked');
    await options.close();

    // The content script checks with IT's policy.
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await expect.poll(() => page.locator(PANEL).textContent()).toContain('Broughton Primary School');
    await page.close();

    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('[data-policy-guard="popup-policy"]').textContent()).toContain('set by your school');
    await popup.close();
  });

  it('keeps a locked setting even when the stored edits try to change it', async () => {
    // An edit of a locked rule's action, written straight into storage, is ignored by the resolved policy.
    await h.editPolicy({ rules: { 'sensitive-content': { action: 'off' }, 'photo-consent': { action: 'warn' } } });
    const options = await h.openExtensionPage('options.html');
    const actions = options.locator('[data-policy-guard="rule-actions"]');
    await expect.poll(() => actions.locator('select[data-rule="photo-consent"]').inputValue()).toBe('warn');
    expect(await actions.locator('select[data-rule="sensitive-content"]').inputValue()).toBe('confirm');
    await options.close();
  });
});

describe('a managed policy that cannot be read', () => {
  const h = useHarness({ managed: { presetId: 'broughton', policyJson: '{"hours": ' } });

  it('is reported to the user, never silently replaced by their own choice', async () => {
    await h.choosePolicy('bentley-new-village');
    const options = await h.openExtensionPage('options.html');
    const alert = options.locator('[data-policy-guard="problems-managed-json"]');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain('Tell your IT team');
    expect(await alert.textContent()).toContain('policyJson');
    expect(await options.locator('[data-policy-guard="options-current"]').textContent()).toContain('No policy');
    await options.close();
  });
});
