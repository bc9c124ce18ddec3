import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { policyChoice, readPolicyChoice } from '../../../lib/ext/settings';

describe('policy choice', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is null until the user chooses: nothing is assumed', async () => {
    expect(await readPolicyChoice()).toBeNull();
  });

  it('round-trips a choice', async () => {
    await policyChoice.setValue({ presetId: 'malpas-court', chosenAt: '2026-11-22T10:00:00Z' });
    expect(await readPolicyChoice()).toEqual({ presetId: 'malpas-court', chosenAt: '2026-11-22T10:00:00Z' });
  });

  it('treats a corrupt stored value as not chosen rather than throwing', async () => {
    await fakeBrowser.storage.local.set({ policyChoice: { presetId: 'no-such-school' } });
    expect(await readPolicyChoice()).toBeNull();
    await fakeBrowser.storage.local.set({ policyChoice: 'garbage' });
    expect(await readPolicyChoice()).toBeNull();
  });
});
