// @vitest-environment happy-dom
/**
 * Probe 19e D3: switching a browser from staff to parent kept the class rosters (pupils' names, photo consent,
 * in care), records and staff settings, unseen, while the parent's "Your data" said only the parent's choices
 * were kept. Now the switch says what will be deleted and deletes it on a second click; a parent's page names
 * any staff data still there (kept by an older version) and offers to delete it.
 */
import 'fake-indexeddb/auto';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { mount } from './mount';
import { DataControls } from '../../../components/options/DataControls';
import { RoleChooser } from '../../../components/options/RoleChooser';
import { guardDb } from '../../../lib/ext/db';
import en from '../../../public/_locales/en/messages.json';

const settle = () => act(() => new Promise((r) => setTimeout(r, 50)));
const click = (root: HTMLElement, selector: string) => act(() => (root.querySelector(selector) as HTMLButtonElement).click());

async function staffBrowser() {
  await guardDb().rosters.put({ classId: 'c1', pupils: [{ first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false }], source: 'csv', updatedAt: '2026-01-01T00:00:00Z' });
  await fakeBrowser.storage.local.set({ userRole: 'staff', policyChoice: { kind: 'preset', presetId: 'broughton', chosenAt: '2026-01-01T00:00:00Z' }, ignoredAlways: [{ rule: 'full-name', text: 'Amelia Hughes', at: '' }] });
}

describe('switching a staff browser to a parent’s', () => {
  afterEach(async () => {
    await guardDb().delete({ disableAutoOpen: false });
  });

  it('says what staff data will be deleted, and Cancel keeps it and the role', async () => {
    const root = await mount(<RoleChooser role="staff" managed={false} />);
    await staffBrowser();
    await click(root, '[data-policy-guard="role"] button');
    await settle();
    expect(root.querySelector('[data-policy-guard="role-switch-confirm"]')?.textContent).toContain('roleSwitchConfirm');
    await click(root, '[data-policy-guard="role-switch-cancel"]');
    expect(root.querySelector('[data-policy-guard="role-switch-confirm"]')).toBeNull();
    expect((await fakeBrowser.storage.local.get('userRole')).userRole).toBe('staff');
    expect(await guardDb().rosters.count()).toBe(1);
  });

  it('deletes the rosters, records and staff settings before it switches, keeping the school chosen', async () => {
    const root = await mount(<RoleChooser role="staff" managed={false} />);
    await staffBrowser();
    await click(root, '[data-policy-guard="role"] button');
    await settle();
    await click(root, '[data-policy-guard="role-switch-delete"]');
    await settle();
    expect((await fakeBrowser.storage.local.get('userRole')).userRole).toBe('parent');
    expect(await guardDb().rosters.count()).toBe(0);
    const kept = await fakeBrowser.storage.local.get(null);
    expect(Object.keys(kept).sort()).toEqual(['policyChoice', 'userRole']);
  });

  it('a browser with no staff data switches at once', async () => {
    const root = await mount(<RoleChooser role="staff" managed={false} />);
    await fakeBrowser.storage.local.set({ userRole: 'staff' });
    await click(root, '[data-policy-guard="role"] button');
    await settle();
    expect(root.querySelector('[data-policy-guard="role-switch-confirm"]')).toBeNull();
    expect((await fakeBrowser.storage.local.get('userRole')).userRole).toBe('parent');
  });

  it('a parent’s “Your data” names staff data still held and offers to delete it; with none, only the choices', async () => {
    const root = await mount(<DataControls parent />);
    await settle();
    expect(root.querySelector('[data-policy-guard="staff-data-left"]')).toBeNull();
    expect(root.querySelector('[data-policy-guard="data"]')?.textContent).toContain('dataHelpParent');
    root.remove();

    await guardDb().rosters.put({ classId: 'c1', pupils: [{ first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false }], source: 'csv', updatedAt: '2026-01-01T00:00:00Z' });
    const again = document.createElement('div');
    document.body.append(again);
    const { render } = await import('preact');
    await act(() => render(<DataControls parent />, again));
    await settle();
    expect(again.querySelector('[data-policy-guard="staff-data-left"]')?.textContent).toContain('dataHelpParentStaffLeft');
    expect(again.querySelector('[data-policy-guard="delete-staff-data"]')).not.toBeNull();
    expect(en.dataHelpParentStaffLeft.message).toMatch(/still holds staff data/);
    expect(en.roleSwitchConfirm.message).toMatch(/deletes the staff data/);
  });
});
