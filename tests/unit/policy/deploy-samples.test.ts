import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { managedFrom } from '../../../lib/ext/managed';
import { resolvePolicy } from '../../../lib/policy/resolve';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('the deployment samples in docs/deploy', () => {
  const values = JSON.parse(read('docs/deploy/managed-policy.json'));

  it('use exactly the settings the managed schema declares', () => {
    const schema = JSON.parse(read('public/managed_schema.json'));
    expect(Object.keys(values).sort()).toEqual(Object.keys(schema.properties).sort());
  });

  it('resolve to a valid policy with the sample’s closures and locks', () => {
    const { managed, problems } = managedFrom(values);
    expect(problems).toBeUndefined();
    const resolved = resolvePolicy({ managed });
    expect(resolved.ok).toBe(true);
    if (!resolved.ok) return;
    expect(resolved.policy.id).toBe('bentley-new-village');
    expect(resolved.policy.hours.closures.map((c) => c.label)).toEqual(['INSET day', 'Christmas holiday']);
    expect(resolved.locked).toEqual(['hours', 'rules.full-name.action', 'rules.photo-consent.action']);
  });

  it('say the same thing in every format', () => {
    const admin = JSON.parse(read('docs/deploy/google-admin-console.json'));
    expect(Object.fromEntries(Object.entries(admin).map(([k, v]) => [k, (v as { Value: unknown }).Value]))).toEqual(values);
    const linux = JSON.parse(read('docs/deploy/chromium-linux-policy.json'));
    expect(linux['3rdparty'].extensions.EXTENSION_ID).toEqual(values);
    const reg = read('docs/deploy/edge-windows.reg');
    expect(reg).toContain('"presetId"="bentley-new-village"');
    // The registry's escaped policyJson unescapes to the same JSON.
    const escaped = /"policyJson"="((?:[^"\\]|\\.)*)"/.exec(reg)![1]!;
    expect(JSON.parse(escaped.replace(/\\(.)/g, '$1'))).toEqual(JSON.parse(values.policyJson));
    for (const [i, path] of values.locked.entries()) expect(reg).toContain(`"${i + 1}"="${path}"`);
  });
});
