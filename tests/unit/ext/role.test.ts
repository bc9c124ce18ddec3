import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readParentMode } from '../../../lib/ext/page-settings';
import { effectiveRole, installedByPolicy, rememberInstallType } from '../../../lib/ext/role';
import { userRole } from '../../../lib/ext/settings';
import { respond } from '../../../lib/ext/handler';

// What `management.getSelf()` answers in a browser where IT's policy installed the extension, or a person did.
const installType = (type: string | Error) => {
  const management = (fakeBrowser as unknown as { management: Record<string, unknown> }).management;
  management.getSelf = vi.fn(() => (type instanceof Error ? Promise.reject(type) : Promise.resolve({ installType: type, mayDisable: type !== 'admin' })));
};

describe('who uses this browser', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is what the user chose, undefined until they choose, and staff whenever IT manages the browser', () => {
    expect(effectiveRole('parent', false)).toBe('parent');
    expect(effectiveRole('staff', false)).toBe('staff');
    expect(effectiveRole(null, false)).toBeUndefined();
    expect(effectiveRole('teacher', false)).toBeUndefined(); // anything else is no choice
    expect(effectiveRole('parent', true)).toBe('staff');
    expect(effectiveRole(undefined, true)).toBe('staff');
  });

  it('the content script reads parent mode from storage, overridden by IT’s policy as last seen, and a failure is staff', async () => {
    expect(await readParentMode()).toBe(false);
    await userRole.setValue('parent');
    expect(await readParentMode()).toBe(true);
    await fakeBrowser.storage.local.set({ managedCache: { presetId: 'broughton', policyJson: null, locked: null, lockAll: null, seenAt: '2026-11-30T08:00:00Z' } });
    expect(await readParentMode()).toBe(false);
  });

  it('a corrupt stored role is no choice (reset and reported), never a parent', async () => {
    await fakeBrowser.storage.local.set({ userRole: 'admin' });
    expect(await userRole.getValue()).toBeNull();
    expect(await readParentMode()).toBe(false);
  });
});

describe('a browser IT installed the extension in (force-install), before or without IT’s settings', () => {
  const original = (fakeBrowser as unknown as { management: Record<string, unknown> }).management.getSelf;
  beforeEach(() => fakeBrowser.reset());
  afterEach(() => {
    (fakeBrowser as unknown as { management: Record<string, unknown> }).management.getSelf = original;
  });

  it('is told by management.getSelf’s installType: admin is IT’s; normal, development, sideload or an error is not', async () => {
    installType('admin');
    expect(await installedByPolicy()).toBe(true);
    for (const type of ['normal', 'development', 'sideload', 'other']) {
      installType(type);
      expect(await installedByPolicy(), type).toBe(false);
    }
    installType(new Error('management is not available'));
    expect(await installedByPolicy()).toBe(false);
  });

  it('is staff’s for the content script even with a stored parent choice and no managed settings', async () => {
    await userRole.setValue('parent');
    installType('normal');
    expect(await rememberInstallType()).toBe(false);
    expect(await readParentMode()).toBe(true);
    installType('admin');
    expect(await rememberInstallType()).toBe(true);
    expect((await fakeBrowser.storage.local.get('installedByPolicy')).installedByPolicy).toBe(true);
    expect(await readParentMode()).toBe(false);
  });

  it('gives the popup the staff role, never the first-run question, with nothing stored and no managed settings', async () => {
    const ID = fakeBrowser.runtime.id;
    const ORIGIN = `chrome-extension://${ID}`;
    const popup = { id: ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN };
    const role = async () => ((await respond({ type: 'popup-state' }, popup, ID, ORIGIN)) as { value: { role: unknown } }).value.role;
    installType('normal');
    expect(await role()).toBeNull(); // a personal browser: asked
    installType('admin');
    expect(await role()).toBe('staff');
    await userRole.setValue('parent');
    expect(await role()).toBe('staff');
  });
});
