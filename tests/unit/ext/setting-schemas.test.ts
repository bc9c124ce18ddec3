/**
 * Every stored setting is read through a schema: a corrupt value is replaced by its default (in storage
 * too) and reported in `settingProblems`, never thrown at a reader or left to turn checking off.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { GuardDb, purgeOld, recordEvent } from '../../../lib/ext/db';
import { clampRetentionDays } from '../../../lib/ext/retention';
import {
  clearSettingProblems,
  ignoredAlways,
  policyChoice,
  policyEdits,
  readPolicyChoice,
  readSetting,
  readSettingProblems,
  retentionDays,
  spotCheckOn,
} from '../../../lib/ext/settings';

const stored = async (key: string) => (await fakeBrowser.storage.local.get(key))[key];

describe('settings read through their schemas', () => {
  beforeEach(() => fakeBrowser.reset());

  it('ignoredAlways: entries without text are dropped (the good ones kept), the list rewritten, and the reset reported', async () => {
    const good = { rule: 'full-name', text: 'Amelia Hughes', at: '2026-11-24T10:00:00Z' };
    await fakeBrowser.storage.local.set({ ignoredAlways: [good, { rule: 'full-name' }, null, { rule: 'pupil-name', text: 7 }] });
    const list = await ignoredAlways.getValue();
    expect(list).toEqual([good]);
    // Every entry now has text: Guard.configure's `i.text.toLowerCase()` cannot throw on it.
    expect(list.every((i) => typeof i.text === 'string')).toBe(true);
    expect(await stored('ignoredAlways')).toEqual([good]);
    expect((await readSettingProblems()).map((p) => p.setting)).toEqual(['ignoredAlways']);
  });

  it('ignoredAlways: a value that is not a list at all is the empty list', async () => {
    await fakeBrowser.storage.local.set({ ignoredAlways: { rule: 'x' } });
    expect(await readSetting(ignoredAlways)).toEqual({ value: [], reset: true });
    expect(await stored('ignoredAlways')).toBeUndefined();
  });

  it('retentionDays: text is the default (365), a huge or tiny number is clamped to 30..730, and each is reported', async () => {
    for (const [bad, expected] of [
      ['abc', 365],
      [1e12, 730],
      [-5, 30],
      [{ days: 30 }, 365],
    ] as const) {
      await fakeBrowser.storage.local.set({ retentionDays: bad });
      expect(await readSetting(retentionDays, new Date(Date.now() + Math.random() * 1e9))).toEqual({ value: expected, reset: true });
    }
    await fakeBrowser.storage.local.set({ retentionDays: 90 });
    expect(await readSetting(retentionDays)).toEqual({ value: 90, reset: false });
  });

  it('a good value is read as stored and reports nothing', async () => {
    await fakeBrowser.storage.local.set({ spotCheckOn: true, retentionDays: 180, ignoredAlways: [], policyEdits: { hours: {} } });
    expect(await spotCheckOn.getValue()).toBe(true);
    expect(await retentionDays.getValue()).toBe(180);
    expect(await ignoredAlways.getValue()).toEqual([]);
    expect(await policyEdits.getValue()).toEqual({ hours: {} });
    expect(await readSettingProblems()).toEqual([]);
  });

  it('spotCheckOn, policyEdits and policyChoice: a corrupt value becomes the default and is reported once', async () => {
    await fakeBrowser.storage.local.set({ spotCheckOn: 'yes', policyEdits: 'rm -rf', policyChoice: { kind: 'preset', presetId: 'no-such-school' } });
    expect(await spotCheckOn.getValue()).toBe(false);
    expect(await policyEdits.getValue()).toBeNull();
    expect(await readPolicyChoice()).toBeNull();
    expect(await policyChoice.getValue()).toBeNull(); // reset already: not reported twice
    expect((await readSettingProblems()).map((p) => p.setting).sort()).toEqual(['policyChoice', 'policyEdits', 'spotCheckOn']);
    expect(await stored('spotCheckOn')).toBeUndefined();
  });

  it('a version 1 policy choice is not corrupt: it is read as version 2, nothing reported', async () => {
    await fakeBrowser.storage.local.set({ policyChoice: { presetId: 'broughton', chosenAt: '2026-09-01T08:00:00Z' } });
    expect(await readSetting(policyChoice)).toEqual({ value: { kind: 'preset', presetId: 'broughton', chosenAt: '2026-09-01T08:00:00Z' }, reset: false });
    expect(await readSettingProblems()).toEqual([]);
  });

  it('watchers get checked values too', async () => {
    const seen: unknown[] = [];
    const stop = ignoredAlways.watch((v) => seen.push(v));
    await fakeBrowser.storage.local.set({ ignoredAlways: 'garbage' });
    stop();
    expect(seen).toEqual([[]]);
  });

  it('the problems say when, and are cleared when dismissed', async () => {
    await fakeBrowser.storage.local.set({ retentionDays: 'abc' });
    const at = new Date('2026-11-24T10:00:00Z');
    await readSetting(retentionDays, at);
    expect(await readSettingProblems()).toEqual([{ setting: 'retentionDays', at: at.toISOString() }]);
    await clearSettingProblems();
    expect(await readSettingProblems()).toEqual([]);
  });

  it('a corrupt list of problems is read as none, never thrown', async () => {
    await fakeBrowser.storage.local.set({ settingProblems: 'nonsense' });
    expect(await readSettingProblems()).toEqual([]);
    await fakeBrowser.storage.local.set({ settingProblems: [{ setting: 'spotCheckOn', at: 'x' }, { setting: 'nope', at: 'x' }, 3] });
    expect(await readSettingProblems()).toEqual([{ setting: 'spotCheckOn', at: 'x' }]);
  });
});

describe('the purge never throws on a bad retention value', () => {
  let n = 0;
  it.each(['abc', 1e12, Number.NaN, Infinity, -1, undefined, null, '90'])('purgeOld(…, %s) purges with a clamped limit', async (days) => {
    const db = new GuardDb(`retention-${++n}`);
    await recordEvent({ kind: 'fix', rule: 'full-name', channel: 'class-story', at: '2020-01-01T10:00:00Z' }, db);
    await recordEvent({ kind: 'fix', rule: 'full-name', channel: 'class-story', at: new Date().toISOString() }, db);
    // 2020 is older than even the longest limit (730 days): it goes, today's record stays.
    await expect(purgeOld(new Date(), db, days)).resolves.toBe(1);
    expect(await db.events.count()).toBe(1);
    await db.delete();
  });

  it('clamps to 30..730 days, 365 when not a number', () => {
    expect([clampRetentionDays('abc'), clampRetentionDays(1e12), clampRetentionDays(1), clampRetentionDays(89.6), clampRetentionDays(undefined)]).toEqual([365, 730, 30, 90, 365]);
  });
});
