import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { policyState } from '../../../lib/ext/active-policy';
import { forgetManaged, normaliseManagedCache, onManagedLoaded, readManaged, readManagedCache, rememberManaged } from '../../../lib/ext/managed';
import { policyChoice, type ManagedCacheV1 } from '../../../lib/ext/settings';

// Chromium answers storage.managed 2–6 s after it starts: here the answer is held until the test releases it.
function slowManaged(): () => void {
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const area = fakeBrowser.storage.managed;
  const real = area.get.bind(area);
  vi.spyOn(area, 'get').mockImplementation(async (...args: Parameters<typeof area.get>) => {
    await gate;
    return real(...args);
  });
  return release;
}

/** Resolves when the managed answer has arrived and been taken in (onManagedLoaded ran). */
function answered(): Promise<void> {
  return new Promise((resolve) => {
    const stop = onManagedLoaded(() => {
      stop();
      resolve();
    });
  });
}

const SEEN = '2026-11-20T08:00:00.000Z';
const itPolicy = { presetId: 'broughton', policyJson: '{"hours":{"closures":[{"label":"IT day","start":"2026-11-27","end":"2026-11-27"}]}}', locked: ['hours'], lockAll: null };
const choose = (presetId: string) => policyChoice.setValue({ kind: 'preset', presetId: presetId as 'broughton', chosenAt: SEEN });
const storedCache = async () => (await fakeBrowser.storage.local.get('managedCache')).managedCache as ManagedCacheV1;

describe('the last managed policy seen', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetManaged();
  });
  afterEach(() => vi.restoreAllMocks());

  it('is in force while the browser has not answered, marked as from the cache', async () => {
    await choose('bentley-new-village'); // the teacher's own choice: IT's must win from the first check
    await fakeBrowser.storage.local.set({ managedCache: { ...itPolicy, seenAt: SEEN } });
    await fakeBrowser.storage.managed.set(itPolicy);
    const release = slowManaged();

    const read = await readManaged();
    expect(read.pending).toBe(true);
    expect(read.fromCache).toEqual({ seenAt: SEEN });
    expect(read.managed?.presetId).toBe('broughton');

    const state = await policyState();
    expect(state.policy?.name).toBe('Broughton Primary School');
    expect(state.policy?.hours.closures.map((c) => c.label)).toContain('IT day');
    expect(state.locked).toContain('hours');
    expect(state).toMatchObject({ managed: true, itChoosesPolicy: true, managedFromCache: true, managedSeenAt: SEEN });
    release();
  });

  it('is replaced by the browser’s answer when it comes, and the policy is resolved again', async () => {
    await fakeBrowser.storage.local.set({ managedCache: { ...itPolicy, seenAt: SEEN } });
    await fakeBrowser.storage.managed.set({ presetId: 'malpas-court', locked: ['rules'] });
    const release = slowManaged();
    expect((await policyState()).policy?.name).toBe('Broughton Primary School');

    const arrived = answered();
    release();
    await arrived;
    const state = await policyState();
    expect(state.policy?.name).toBe('Malpas Court Primary School');
    expect(state.managedFromCache).toBeUndefined();
    expect(state.managedSeenAt).toBeUndefined();
    const cache = await storedCache();
    expect(cache).toMatchObject({ presetId: 'malpas-court', policyJson: null, locked: ['rules'], lockAll: null });
    expect(Date.parse(cache.seenAt)).toBeGreaterThan(Date.parse(SEEN));
  });

  it('is dropped when the browser answers that IT removed the policy', async () => {
    await choose('bentley-new-village');
    await fakeBrowser.storage.local.set({ managedCache: { ...itPolicy, seenAt: SEEN } });
    const release = slowManaged(); // managed storage is empty: IT removed the policy
    expect((await policyState()).policy?.name).toBe('Broughton Primary School');

    const arrived = answered();
    release();
    await arrived;
    const state = await policyState();
    expect(state.policy?.name).toBe('Bentley New Village Primary School');
    expect(state).toMatchObject({ managed: false, itChoosesPolicy: false, locked: [] });
    expect(state.managedFromCache).toBeUndefined();
    expect(await storedCache()).toBeUndefined();
    expect(await readManagedCache()).toBeNull();
  });

  it('never overrides an answer the browser gives in time', async () => {
    await fakeBrowser.storage.local.set({ managedCache: { ...itPolicy, seenAt: SEEN } });
    await fakeBrowser.storage.managed.set({ presetId: 'malpas-court' });
    const read = await readManaged();
    expect(read.pending).toBeUndefined();
    expect(read.fromCache).toBeUndefined();
    expect(read.managed).toEqual({ presetId: 'malpas-court' });
    expect((await storedCache()).presetId).toBe('malpas-court');
  });

  it('is written from a live answer as the raw values, not a resolved policy', async () => {
    await fakeBrowser.storage.managed.set({ presetId: 'broughton', policyJson: itPolicy.policyJson, lockAll: true });
    await readManaged();
    const cache = await storedCache();
    expect(cache).toEqual({ presetId: 'broughton', policyJson: itPolicy.policyJson, locked: null, lockAll: true, seenAt: expect.any(String) });
    expect(new Date(cache.seenAt).toISOString()).toBe(cache.seenAt);
    expect(normaliseManagedCache(cache)).toEqual(cache);
  });

  it('is ignored when corrupt: never throws, never turns checking off', async () => {
    await choose('bentley-new-village');
    const corrupt: unknown[] = [
      'broughton',
      42,
      ['broughton'],
      { presetId: 'broughton' }, // no time seen
      { presetId: 'broughton', seenAt: 'yesterday' },
      { presetId: 7, seenAt: SEEN },
      { presetId: 'broughton', lockAll: 'yes', seenAt: SEEN },
      { presetId: 'broughton', locked: 'hours', seenAt: SEEN },
      { presetId: 'broughton', locked: ['hours', 3], seenAt: SEEN },
      { policyJson: { hours: {} }, seenAt: SEEN },
      { presetId: '  ', locked: null, seenAt: SEEN }, // nothing in it
    ];
    for (const value of corrupt) {
      forgetManaged();
      vi.restoreAllMocks();
      await fakeBrowser.storage.local.set({ managedCache: value });
      const release = slowManaged();
      expect(normaliseManagedCache(value)).toBeNull();
      expect(await readManagedCache()).toBeNull();
      const read = await readManaged();
      expect(read).toEqual({ pending: true });
      const state = await policyState();
      expect(state.policy?.name).toBe('Bentley New Village Primary School');
      expect(state.problems).toBeUndefined();
      expect(state.managedFromCache).toBeUndefined();
      release();
    }
  });

  it('does not exist until a managed policy was seen: the old behaviour, the user’s choice until IT’s arrives', async () => {
    await choose('bentley-new-village');
    await fakeBrowser.storage.managed.set({ presetId: 'broughton' });
    const release = slowManaged();
    expect(await readManaged()).toEqual({ pending: true });
    const state = await policyState();
    expect(state.policy?.name).toBe('Bentley New Village Primary School');
    expect(state).toMatchObject({ managed: false });
    expect(state.managedFromCache).toBeUndefined();

    const arrived = answered();
    release();
    await arrived;
    expect((await policyState()).policy?.name).toBe('Broughton Primary School');
    expect((await storedCache()).presetId).toBe('broughton');
  });

  it('is kept, and stands in, when the browser fails to answer (an error is not "IT removed it")', async () => {
    await choose('bentley-new-village');
    await fakeBrowser.storage.local.set({ managedCache: { ...itPolicy, seenAt: SEEN } });
    vi.spyOn(fakeBrowser.storage.managed, 'get').mockRejectedValue(new Error('managed storage unavailable'));
    const read = await readManaged();
    expect(read.fromCache).toEqual({ seenAt: SEEN });
    expect((await policyState()).policy?.name).toBe('Broughton Primary School');
    expect((await storedCache()).presetId).toBe('broughton');
  });

  it('replays a policy IT pushed that cannot be read: the problem is shown, never the user’s choice instead', async () => {
    await choose('bentley-new-village');
    await rememberManaged({ presetId: 'broughton', policyJson: '{"hours": ', locked: null, lockAll: null }, new Date(SEEN));
    expect((await storedCache()).policyJson).toBe('{"hours": ');
    const release = slowManaged();
    const state = await policyState();
    expect(state.policy).toBeNull();
    expect(state.problems?.[0]?.layer).toBe('managed-json');
    expect(state.managedFromCache).toBe(true);
    release();
  });
});
