// @vitest-environment happy-dom
/** The options page's notice: a setting that could not be read and was reset is named, with when, until dismissed. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { SettingProblems } from '../../../components/options/SettingProblems';
import { readSettingProblems, retentionDays } from '../../../lib/ext/settings';
import en from '../../../public/_locales/en/messages.json';
import cy from '../../../public/_locales/cy/messages.json';

const settle = () => act(() => new Promise((r) => setTimeout(r, 20)));

describe('the reset-settings notice', () => {
  it('names each reset setting, and goes when dismissed', async () => {
    fakeBrowser.reset();
    await fakeBrowser.storage.local.set({ retentionDays: 'abc' });
    expect(await retentionDays.getValue()).toBe(365);
    const root = document.createElement('div');
    document.body.append(root);
    await act(() => render(<SettingProblems />, root));
    await settle();
    const notice = root.querySelector('[data-policy-guard="setting-problems"]');
    expect(notice?.getAttribute('role')).toBe('alert');
    // The fake browser has no messages: t() gives the key, which names the message used.
    expect(notice?.textContent).toContain('settingsResetIntro');
    expect(notice?.querySelector('[data-setting="retentionDays"]')?.textContent).toContain('setting_retentionDays');
    (root.querySelector('[data-policy-guard="setting-problems-dismiss"]') as HTMLButtonElement).click();
    await settle();
    expect(await readSettingProblems()).toEqual([]);
    expect(root.querySelector('[data-policy-guard="setting-problems"]')).toBeNull();
  });

  it('has its words in English and Welsh, under the same keys', () => {
    const keys = Object.keys(en).filter((k) => k.startsWith('setting') || k === 'policyLocksRefused');
    expect(keys.length).toBeGreaterThanOrEqual(13);
    for (const key of keys) expect((cy as Record<string, { message: string }>)[key]?.message, key).toBeTruthy();
    expect(en.settingsResetIntro.message).toBe('A setting could not be read and was reset:');
  });
});
