// Probe 19f M3 / issue 19: a mistyped managed setting ("presetID") or lock ("rules.fullname.action") pushed by IT.
// Chromium passes an extension only the names its schema declares, each only with the declared type, and refuses
// "additionalProperties"/"patternProperties" at the schema's top (the extension would not load: seen in Chromium
// 156), so the schema lists the usual mistypings and the extension names them instead of looking unmanaged.
import { readFileSync } from 'node:fs';
import { problemLine, problemText } from '../../../lib/i18n/policy-problem';
import { messages } from '../../../lib/i18n/messages';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { policyState } from '../../../lib/ext/active-policy';
import { forgetManaged, normaliseManagedCache, readManaged } from '../../../lib/ext/managed';
import { policyChoice } from '../../../lib/ext/settings';
import { itLocksRefused, itPolicyBroken, itProblems } from '../../../lib/policy/it-policy';
import { closestManagedKey, MANAGED_KEYS, managedFrom, managedSchema, MISTYPED_MANAGED_KEYS, resolveState } from '../../../lib/policy/managed-values';
import { lockPathProblem } from '../../../lib/policy/schema';

import type { PolicyProblem } from '../../../lib/policy/problem';

/** Problems as path and English message, as `guard policy validate` prints them. */
const worded = (problems: PolicyProblem[] | undefined) => (problems ?? []).map((p) => ({ path: p.path, message: problemText(p, messages) }));

const schemaFile = () => JSON.parse(readFileSync(new URL('../../../public/managed_schema.json', import.meta.url), 'utf8'));

describe('the managed schema Chrome reads', () => {
  it('is the one lib/policy/managed-values.ts makes (npx tsx scripts/managed-schema.ts writes it)', () => {
    expect(schemaFile()).toEqual(managedSchema());
  });

  it('keeps to what Chromium accepts: an object at the top with listed names only, one type per name', () => {
    const schema = schemaFile();
    expect(schema.type).toBe('object');
    expect(schema).not.toHaveProperty('additionalProperties');
    expect(schema).not.toHaveProperty('patternProperties');
    for (const [name, prop] of Object.entries(schema.properties as Record<string, { type: unknown; items?: { type: string } }>)) {
      expect(['string', 'boolean', 'array'], name).toContain(prop.type);
      if (prop.type === 'array') expect(prop.items, name).toEqual({ type: 'string' });
    }
  });

  it('lists each setting and the usual mistypings of its name, each with the type of the setting meant', () => {
    const props = schemaFile().properties as Record<string, { type: string }>;
    for (const key of MANAGED_KEYS) expect(props).toHaveProperty([key]);
    for (const [name, meant] of [
      ['presetID', 'presetId'],
      ['PresetID', 'presetId'],
      ['presetid', 'presetId'],
      ['preset_id', 'presetId'],
      ['PRESET_ID', 'presetId'],
      ['preset-id', 'presetId'],
      ['preset', 'presetId'],
      ['policyJSON', 'policyJson'],
      ['policy_json', 'policyJson'],
      ['policy', 'policyJson'],
      ['Locked', 'locked'],
      ['locks', 'locked'],
      ['lockall', 'lockAll'],
      ['LockAll', 'lockAll'],
      ['lock_all', 'lockAll'],
    ] as const) {
      expect(MISTYPED_MANAGED_KEYS[name], name).toBe(meant);
      expect(props[name]?.type, name).toBe(props[meant]!.type);
    }
    // A setting's own name is never listed as a mistyping of it or of another.
    for (const key of MANAGED_KEYS) expect(Object.hasOwn(MISTYPED_MANAGED_KEYS, key)).toBe(false);
  });
});

describe('a mistyped setting name that reaches the extension', () => {
  it('makes IT’s settings unusable, naming each name with the setting meant', () => {
    const read = managedFrom({ presetId: null, unknown: { presetID: 'broughton', lockall: true } });
    expect(read.managed).toBeUndefined();
    expect(worded(read.problems)).toEqual([
      { path: 'presetID', message: expect.stringMatching(/^is not a Policy Guard setting: did you mean presetId\?/) },
      { path: 'lockall', message: expect.stringMatching(/did you mean lockAll\?/) },
    ]);
  });

  it('never falls back to the staff’s own choice, even beside a good presetId', () => {
    for (const raw of [{ unknown: { presetID: 'broughton' } }, { presetId: 'broughton', unknown: { lockall: true } }]) {
      const state = resolveState({ kind: 'preset', presetId: 'bentley-new-village' }, null, managedFrom(raw));
      expect(state.policy).toBeNull();
      expect(state.managed).toBe(true);
      expect(itPolicyBroken(state)).toBe(true);
      expect(problemText(itProblems(state)[0]!, messages)).toContain('did you mean');
    }
  });

  it('is named together with a policyJson that is not JSON', () => {
    const read = managedFrom({ policyJson: '{"hours": ', unknown: { Preset: 'broughton' } });
    expect(read.problems?.map((p) => p.path)).toEqual(['policyJson', 'Preset']);
  });

  it('a name’s closest setting: listed mistypings, then capitals, separators or two letters', () => {
    expect(closestManagedKey('policy')).toBe('policyJson');
    expect(closestManagedKey('locks')).toBe('locked');
    expect(closestManagedKey('presetIdd')).toBe('presetId');
    expect(closestManagedKey('Lock_All')).toBe('lockAll');
    expect(closestManagedKey('schemaVersion')).toBeUndefined();
  });

  it('is kept in the cache of the last managed policy seen, and a cache with a name that is not a mistyping is refused', () => {
    const cache = { presetId: null, policyJson: null, locked: null, lockAll: null, unknown: { presetID: 'broughton' }, seenAt: '2026-11-20T08:00:00.000Z' };
    expect(normaliseManagedCache(cache)).toEqual(cache);
    expect(normaliseManagedCache({ ...cache, unknown: { rules: 'x' } })).toBeNull();
    expect(normaliseManagedCache({ ...cache, unknown: { presetID: 3 } })).toBeNull();
  });
});

describe('the browser’s managed storage with a mistyped name', () => {
  beforeEach(() => {
    fakeBrowser.reset();
    forgetManaged();
  });
  afterEach(() => forgetManaged());

  it('is read, named, and nothing is checked (no fall-back to the staff’s choice)', async () => {
    await policyChoice.setValue({ kind: 'preset', presetId: 'bentley-new-village', chosenAt: '2026-11-20T08:00:00.000Z' });
    await fakeBrowser.storage.managed.set({ presetID: 'broughton', locked: ['hours'] });
    const read = await readManaged(5_000);
    expect(read.problems?.map((p) => p.path)).toEqual(['presetID']);
    const state = await policyState();
    expect(state.policy).toBeNull();
    expect(state.managed).toBe(true);
    expect(itPolicyBroken(state)).toBe(true);
    // Kept for the next start, so the first seconds after a restart say the same.
    expect((await fakeBrowser.storage.local.get('managedCache')).managedCache).toMatchObject({ unknown: { presetID: 'broughton' }, locked: ['hours'] });
  });

  it('is not looked for when IT pushed the settings right', async () => {
    await fakeBrowser.storage.managed.set({ presetId: 'broughton' });
    const read = await readManaged(5_000);
    expect(read.problems).toBeUndefined();
    expect(read.managed?.presetId).toBe('broughton');
  });
});

describe('a lock that names no setting', () => {
  it('says which path was meant when one is near', () => {
    const said = (path: string) => {
      const m = lockPathProblem(path);
      return m ? problemText({ path: 'locked[0]', ...m }, messages) : '';
    };
    expect(lockPathProblem('rules.fullname.action')).toEqual({ id: 'lockPathUnknownPartMeant', data: { path: 'rules.fullname.action', part: 'rules.fullname', meant: 'rules.full-name.action' } });
    expect(said('rules.fullname.action')).toBe('"rules.fullname.action" is not a setting of the policy ("rules.fullname" is not one), so this lock is ignored: did you mean "rules.full-name.action"?');
    expect(said('Hours')).toMatch(/did you mean "hours"\?$/);
    expect(said('routing.contact')).toMatch(/did you mean "routing.contacts"\?$/);
    expect(said('rules.photo-consent.acton')).toMatch(/did you mean "rules.photo-consent.action"\?$/);
    expect(said('rules.xyz.action')).not.toContain('did you mean');
    expect(said('rules.xyz.action')).toMatch(/is not a setting of the policy/);
    expect(lockPathProblem('hours')).toBeUndefined();
  });

  it('leaves IT’s policy in force, and is one of the problems the popup names', () => {
    const state = resolveState(null, null, managedFrom({ presetId: 'broughton', locked: ['hours', 'rules.fullname.action'] }));
    expect(state.policy?.name).toBe('Broughton Primary School');
    expect(state.locked).toEqual(['hours']);
    expect(itLocksRefused(state)).toBe(true);
    expect(itPolicyBroken(state)).toBe(false);
    expect(worded(itProblems(state))).toEqual([{ path: 'locked[1]', message: expect.stringContaining('did you mean "rules.full-name.action"?') }]);
  });
});
