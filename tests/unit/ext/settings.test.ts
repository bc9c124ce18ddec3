import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { managedFrom } from '../../../lib/ext/managed';
import { migratePolicyChoiceV1, policyChoice, readPolicyChoice } from '../../../lib/ext/settings';

describe('policy choice', () => {
  beforeEach(() => fakeBrowser.reset());

  it('is null until the user chooses: nothing is assumed', async () => {
    expect(await readPolicyChoice()).toBeNull();
  });

  it('round-trips a preset and a policy file', async () => {
    await policyChoice.setValue({ kind: 'preset', presetId: 'malpas-court', chosenAt: '2026-11-22T10:00:00Z' });
    expect(await readPolicyChoice()).toEqual({ kind: 'preset', presetId: 'malpas-court', chosenAt: '2026-11-22T10:00:00Z' });
    await policyChoice.setValue({ kind: 'file', fileName: 'ours.json', policy: { id: 'x' }, chosenAt: '2026-11-22T10:00:00Z' });
    expect((await readPolicyChoice())?.kind).toBe('file');
  });

  it('treats a corrupt stored value as not chosen rather than throwing', async () => {
    await fakeBrowser.storage.local.set({ policyChoice: { presetId: 'no-such-school' } });
    expect(await readPolicyChoice()).toBeNull();
    await fakeBrowser.storage.local.set({ policyChoice: 'garbage' });
    expect(await readPolicyChoice()).toBeNull();
    await fakeBrowser.storage.local.set({ policyChoice: { kind: 'file', fileName: 'x.json' } });
    expect(await readPolicyChoice()).toBeNull();
  });

  it('upgrades a version 1 choice (a preset id) to version 2 through WXT’s migration', async () => {
    await fakeBrowser.storage.local.set({ policyChoice: { presetId: 'broughton', chosenAt: '2026-09-01T08:00:00Z' }, policyChoice$: { v: 1 } });
    await policyChoice.migrate();
    expect(await fakeBrowser.storage.local.get(['policyChoice', 'policyChoice$'])).toEqual({
      policyChoice: { kind: 'preset', presetId: 'broughton', chosenAt: '2026-09-01T08:00:00Z' },
      policyChoice$: { v: 2 },
    });
  });

  it('reads a version 1 value written after the migration ran, and drops an unreadable one', async () => {
    await fakeBrowser.storage.local.set({ policyChoice: { presetId: 'broughton', chosenAt: '2026-09-01T08:00:00Z' } });
    expect(await readPolicyChoice()).toEqual({ kind: 'preset', presetId: 'broughton', chosenAt: '2026-09-01T08:00:00Z' });
    expect(migratePolicyChoiceV1({ presetId: 'nowhere' })).toBeNull();
    expect(migratePolicyChoiceV1(null)).toBeNull();
  });
});

describe('the managed policy', () => {
  it('reads what IT pushed: a preset, a policy as JSON text, and locks', () => {
    expect(managedFrom({ presetId: 'broughton', policyJson: '{"hours":{"closures":[]}}', locked: ['hours', 7, ''] })).toEqual({
      managed: { presetId: 'broughton', policy: { hours: { closures: [] } }, locked: ['hours'] },
    });
    expect(managedFrom({ lockAll: true, locked: ['hours'] }).managed?.locked).toBe('all');
    expect(managedFrom({})).toEqual({});
  });

  it('reports managed JSON that does not parse, rather than ignoring it', () => {
    const read = managedFrom({ presetId: 'broughton', policyJson: '{"hours": ' });
    expect(read.managed).toBeUndefined();
    expect(read.problems![0]!.path).toBe('policyJson');
  });
});
