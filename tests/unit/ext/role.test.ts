import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { readParentMode } from '../../../lib/ext/page-settings';
import { effectiveRole } from '../../../lib/ext/role';
import { userRole } from '../../../lib/ext/settings';

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
