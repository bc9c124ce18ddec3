import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { publishPolicyChanges } from '../../../lib/ext/active-policy';
import { respond } from '../../../lib/ext/handler';
import type { PolicyState } from '../../../lib/ext/active-policy';
import type { Sender } from '../../../lib/ext/messages';

/**
 * Issue #15, one policy path: the background resolves the policy and publishes each change in one place
 * (`policyChangedAt`); the options page reads the background's resolution (`policy-state`) and changes the
 * edits through it (`save-edits`, `reset-edits`), as the panel (`get-policy`) and the popup (`popup-state`) do.
 */
const ID = 'our-extension-id';
const ORIGIN = `chrome-extension://${ID}`;
const options: Sender = { id: ID, url: `${ORIGIN}/options.html#policy`, origin: ORIGIN };
const teach: Sender = { id: ID, url: 'https://teach.classdojo.com/#/classes/c1/story', origin: 'https://teach.classdojo.com', tab: { url: 'https://teach.classdojo.com/#/classes/c1/story' } };
const settle = () => new Promise((r) => setTimeout(r, 20));
const choose = (presetId: string) => fakeBrowser.storage.local.set({ policyChoice: { kind: 'preset', presetId, chosenAt: new Date().toISOString() } });

async function stateFor(sender: Sender): Promise<PolicyState> {
  const answer = (await respond({ type: 'policy-state' }, sender, ID, ORIGIN)) as { ok: true; value: PolicyState };
  expect(answer.ok).toBe(true);
  return answer.value;
}

describe('one policy path', () => {
  let stop: () => void = () => {};
  beforeEach(() => {
    fakeBrowser.reset();
    stop = publishPolicyChanges();
  });
  afterEach(() => stop());

  it('the options page reads the policy the background resolved, the one the panel is given', async () => {
    await choose('bentley-new-village');
    await settle();
    const state = await stateFor(options);
    const panel = (await respond({ type: 'get-policy', classId: 'c1' }, teach, ID, ORIGIN)) as { ok: true; value: { policy: unknown } };
    expect(state.policy?.id).toBe('bentley-new-village');
    expect(state.choice).toMatchObject({ kind: 'preset', presetId: 'bentley-new-village' });
    expect(panel.value.policy).toEqual(state.policy);
  });

  it('only our options page may ask: not a ClassDojo page, the popup, or the options page framed in a page', async () => {
    const refused = { ok: false, error: 'bad-request' };
    expect(await respond({ type: 'policy-state' }, teach, ID, ORIGIN)).toEqual(refused);
    expect(await respond({ type: 'policy-state' }, { id: ID, url: `${ORIGIN}/popup.html`, origin: ORIGIN }, ID, ORIGIN)).toEqual(refused);
    expect(await respond({ type: 'policy-state' }, { ...options, frameId: 2, tab: { id: 1, url: 'https://teach.classdojo.com/' } }, ID, ORIGIN)).toEqual(refused);
    expect(await respond({ type: 'save-edits', patch: { name: 'X' } }, teach, ID, ORIGIN)).toEqual(refused);
    expect(await respond({ type: 'reset-edits' }, { ...options, id: 'another-extension' }, ID, ORIGIN)).toEqual(refused);
    expect(await fakeBrowser.storage.local.get('policyEdits')).toEqual({});
  });

  it('saves edits that keep the policy valid, refuses ones that do not (storing nothing), and resets them', async () => {
    await choose('bentley-new-village');
    const bad = (await respond({ type: 'save-edits', patch: { hours: { staff: 'always' } } }, options, ID, ORIGIN)) as { ok: true; value: { path: string }[] | null };
    expect(bad.ok).toBe(true);
    expect(bad.value?.map((p) => p.path)).toContain('hours.staff');
    expect((await fakeBrowser.storage.local.get('policyEdits')).policyEdits ?? null).toBeNull();

    expect(await respond({ type: 'save-edits', patch: { name: 'Our edited policy' } }, options, ID, ORIGIN)).toEqual({ ok: true, value: null });
    await settle();
    expect((await stateFor(options)).policy?.name).toBe('Our edited policy');

    expect(await respond({ type: 'reset-edits' }, options, ID, ORIGIN)).toEqual({ ok: true, value: true });
    await settle();
    expect((await stateFor(options)).policy?.name).not.toBe('Our edited policy');
  });

  it('refuses edits too large to be a policy’s, whole', async () => {
    const huge = { name: 'x'.repeat(1_000_001) };
    expect(await respond({ type: 'save-edits', patch: huge }, options, ID, ORIGIN)).toEqual({ ok: false, error: 'bad-request' });
    expect(await respond({ type: 'save-edits', patch: ['a list'] }, options, ID, ORIGIN)).toEqual({ ok: false, error: 'bad-request' });
  });

  it('publishes every change of what the policy is resolved from, each a new, later time', async () => {
    const seen: string[] = [];
    const published = async () => {
      await settle();
      const at = (await fakeBrowser.storage.local.get('policyChangedAt')).policyChangedAt as string | undefined;
      if (at) seen.push(at);
      return at;
    };
    await choose('bentley-new-village');
    expect(await published()).toBeDefined();
    await fakeBrowser.storage.local.set({ policyEdits: { name: 'Edited' } });
    await published();
    await choose('broughton');
    await published();
    expect(new Set(seen).size, 'a new time for each change').toBe(3);
    expect([...seen].sort(), 'later each time').toEqual(seen);
    // What the background answers after a change is the changed policy: its cache went with the change.
    expect((await stateFor(options)).choice).toMatchObject({ presetId: 'broughton' });
  });

  it('leaves no key behind when there is nothing to resolve from (every setting deleted)', async () => {
    await choose('bentley-new-village');
    await settle();
    expect((await fakeBrowser.storage.local.get('policyChangedAt')).policyChangedAt).toBeDefined();
    await fakeBrowser.storage.local.clear();
    await settle();
    expect(await fakeBrowser.storage.local.get(null)).toEqual({});
  });

  it('stops publishing once unwatched', async () => {
    stop();
    await choose('bentley-new-village');
    await settle();
    expect((await fakeBrowser.storage.local.get('policyChangedAt')).policyChangedAt).toBeUndefined();
  });
});
