import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GuardDb } from '../../../lib/ext/db';
import { deleteStaffData, hasStaffData, isParentKey, readStaffData, staffDataInStorage } from '../../../lib/ext/staff-data';

// Probe 19e D3: a browser switched from staff to parent kept the class rosters (names, consent, in care),
// records and staff settings, unseen, while the parent's "Your data" said only the parent's choices were kept.

let n = 0;
describe('the staff data a browser holds', () => {
  beforeEach(() => fakeBrowser.reset());

  it('a parent keeps who uses the browser and the school chosen; everything else is staff’s', () => {
    for (const key of ['userRole', 'userRole$', 'policyChoice', 'policyChoice$', 'policyChangedAt', 'settingProblems', 'installedByPolicy']) expect(isParentKey(key), key).toBe(true);
    for (const key of ['policyEdits', 'ignoredAlways', 'ignoredAlways$', 'rosters', 'rostersChangedAt', 'spotCheckOn', 'retentionDays', 'managedCache', 'anything-new']) expect(isParentKey(key), key).toBe(false);
    const read = staffDataInStorage({
      userRole: 'staff',
      policyChoice: { kind: 'preset', presetId: 'broughton' },
      policyEdits: { hours: { closures: [] } },
      ignoredAlways: [],
      spotCheckOn: false,
      retentionDays: 90,
      rostersChangedAt: '2026-01-01T00:00:00Z',
      rosters: { c1: [{ first: 'Amelia', last: 'Hughes' }, { first: 'Tom', last: 'Jones' }], c2: [] },
    });
    // Settings at their default (an empty ignore list, the switch off) are no one's data, but still deleted.
    expect(read.settings).toEqual(['policyEdits', 'retentionDays']);
    expect(read).toMatchObject({ rosters: 1, pupils: 2 });
    expect(read.keys.sort()).toEqual(['ignoredAlways', 'policyEdits', 'retentionDays', 'rosters', 'rostersChangedAt', 'spotCheckOn']);
  });

  it('counts the database’s rosters, records and class names, and deletes them with the staff settings, keeping the parent’s', async () => {
    const db = new GuardDb(`staff-${++n}`);
    await db.rosters.put({ classId: 'c1', pupils: [{ first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false }, { first: 'Siân', last: 'Evans', photoConsent: null, inCare: true }], source: 'csv', updatedAt: '2026-01-01T00:00:00Z' });
    await db.events.add({ kind: 'override', rule: 'full-name', channel: 'class-story', at: '2026-01-01T00:00:00Z', reason: 'parent asked' });
    await db.spotChecks.add({ key: 'k', classId: 'c1', date: '2026-01-01', updatedAt: '2026-01-01T00:00:00Z', size: 10 } as never);
    await db.classes.put({ classId: 'c1', name: 'Year 3', source: 'page', updatedAt: '2026-01-01T00:00:00Z' });
    await fakeBrowser.storage.local.set({ userRole: 'staff', policyChoice: { kind: 'preset', presetId: 'broughton' }, ignoredAlways: [{ rule: 'full-name', text: 'Amelia Hughes', at: '' }], spotCheckOn: true });
    await fakeBrowser.storage.session.set({ reason: 'typing' });

    const before = await readStaffData(db);
    expect(before).toMatchObject({ rosters: 1, pupils: 2, records: 2, classes: 1, settings: ['ignoredAlways', 'spotCheckOn'] });
    expect(hasStaffData(before)).toBe(true);

    await deleteStaffData(db);
    const after = await readStaffData(db);
    expect(after).toMatchObject({ rosters: 0, pupils: 0, records: 0, classes: 0, settings: [], keys: [] });
    expect(hasStaffData(after)).toBe(false);
    expect(await fakeBrowser.storage.local.get(null)).toEqual({ userRole: 'staff', policyChoice: { kind: 'preset', presetId: 'broughton' } });
    expect(await fakeBrowser.storage.session.get(null)).toEqual({});
    await db.delete();
  });

  it('a browser with nothing of staff’s has nothing to name', async () => {
    await fakeBrowser.storage.local.set({ userRole: 'parent', policyChoice: { kind: 'preset', presetId: 'broughton' }, rostersChangedAt: '2026-01-01T00:00:00Z' });
    const db = new GuardDb(`staff-${++n}`);
    const read = await readStaffData(db);
    expect(hasStaffData(read)).toBe(false);
    // A bookkeeping key is no one's data, but it is deleted with the rest.
    expect(read.keys).toEqual(['rostersChangedAt']);
    await db.delete();
  });
});
