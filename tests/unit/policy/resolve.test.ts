import { describe, expect, it } from 'vitest';
import { isLocked, mergeLayers, resolvePolicy, withoutLocked } from '../../../lib/policy/resolve';
import { presetInput } from '../../../lib/policy/presets/index';
import { problemLines } from '../../../lib/policy/parse';

describe('mergeLayers', () => {
  it('merges objects key by key and replaces lists', () => {
    expect(mergeLayers({ a: { b: 1, c: [1, 2] }, d: 1 }, { a: { c: [3] } })).toEqual({ a: { b: 1, c: [3] }, d: 1 });
  });
  it('does not change its inputs', () => {
    const base = { a: { b: 1 } };
    mergeLayers(base, { a: { b: 2 } });
    expect(base).toEqual({ a: { b: 1 } });
  });
  it('ignores prototype keys in an untrusted patch', () => {
    const merged = mergeLayers({}, JSON.parse('{"__proto__": {"polluted": true}}')) as Record<string, unknown>;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.keys(merged)).toEqual([]);
  });
});

describe('resolvePolicy: managed wins over the user’s edits, which win over the preset', () => {
  const userEdits = { hours: { staff: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '07:30', end: '18:00' }] }, rules: { 'full-name': { action: 'warn' } } };

  it('uses the preset alone', () => {
    const r = resolvePolicy({ presetId: 'bentley-new-village' });
    expect(r.ok && r.policy.hours.staff[0]?.start).toBe('08:00');
    expect(r.ok && r.applied).toEqual(['preset']);
  });

  it('applies the user’s edits over the preset', () => {
    const r = resolvePolicy({ presetId: 'bentley-new-village', user: userEdits });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.hours.staff[0]).toMatchObject({ start: '07:30', end: '18:00' });
    expect(r.policy.rules['full-name'].action).toBe('warn');
    expect(r.policy.rules['full-name'].allowSurnameInitial).toBe(true); // untouched settings keep the preset's
    expect(r.applied).toEqual(['preset', 'user']);
  });

  it('applies the managed policy over both', () => {
    const r = resolvePolicy({
      presetId: 'bentley-new-village',
      user: userEdits,
      managed: { policy: { rules: { 'full-name': { action: 'block' } } } },
    });
    expect(r.ok && r.policy.rules['full-name'].action).toBe('block');
    expect(r.ok && r.policy.hours.staff[0]?.start).toBe('07:30');
    expect(r.ok && r.applied).toEqual(['preset', 'user', 'managed']);
  });

  it('lets the managed policy choose the preset, whatever the user chose', () => {
    const r = resolvePolicy({ presetId: 'broughton', managed: { presetId: 'malpas-court' } });
    expect(r.ok && r.policy.id).toBe('malpas-court');
  });

  it('drops the user’s edits to locked settings', () => {
    const r = resolvePolicy({ presetId: 'bentley-new-village', user: userEdits, managed: { locked: ['hours'] } });
    expect(r.ok && r.policy.hours.staff[0]?.start).toBe('08:00');
    expect(r.ok && r.policy.rules['full-name'].action).toBe('warn');
    const all = resolvePolicy({ presetId: 'bentley-new-village', user: userEdits, managed: { locked: 'all' } });
    expect(all.ok && all.policy.rules['full-name'].action).toBe('confirm');
  });

  it('refuses a user layer that breaks the policy, whole, and keeps the rest', () => {
    const r = resolvePolicy({
      presetId: 'bentley-new-village',
      user: { rules: { 'full-name': { action: 'warn' } }, hours: { staff: [{ days: ['mon'], start: '25:00', end: '17:00' }] } },
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.applied).toEqual(['preset']);
    expect(r.policy.rules['full-name'].action).toBe('confirm'); // nothing half-valid: the good edit is not applied either
    expect(r.rejected[0]?.layer).toBe('user');
    expect(r.rejected[0]?.problems[0]?.path).toBe('hours.staff[0].start');
  });

  it('fails, naming the managed layer, when the school’s IT pushes a broken policy', () => {
    const r = resolvePolicy({ presetId: 'bentley-new-village', managed: { policy: { languages: ['english'] } } });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.layer).toBe('managed');
    expect(r.problems[0]?.path).toBe('languages[0]');
  });

  it('fails on an unknown preset', () => {
    const r = resolvePolicy({ presetId: 'hogwarts' });
    expect(r).toMatchObject({ ok: false, layer: 'preset', problems: [{ path: 'presetId', id: 'unknownPreset', data: { value: '"hogwarts"' } }] });
    expect(r.ok ? [] : problemLines(r.problems)).toEqual(['presetId: unknown preset "hogwarts"']);
  });

  it('uses a school’s own full policy instead of a preset', () => {
    const own = { ...presetInput('broughton'), id: 'st-marys', name: "St Mary's Primary School" };
    const r = resolvePolicy({ base: own });
    expect(r.ok && r.policy.name).toBe("St Mary's Primary School");
  });
});

describe('locks', () => {
  it('covers a path and everything under it', () => {
    expect(isLocked('hours.staff', ['hours'])).toBe(true);
    expect(isLocked('hoursx', ['hours'])).toBe(false);
    expect(isLocked('rules.full-name.action', 'all')).toBe(true);
  });
  it('removes nested locked paths from the user’s edits', () => {
    expect(withoutLocked({ rules: { 'full-name': { action: 'off' }, 'pupil-name': { action: 'warn' } } }, ['rules.full-name'])).toEqual({
      rules: { 'pupil-name': { action: 'warn' } },
    });
  });
});
