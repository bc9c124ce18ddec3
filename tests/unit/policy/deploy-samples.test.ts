import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { managedFrom } from '../../../lib/ext/managed';
import { MISTYPED_MANAGED_KEYS } from '../../../lib/policy/managed-values';
import { resolvePolicy } from '../../../lib/policy/resolve';

const read = (path: string) => readFileSync(new URL(`../../../${path}`, import.meta.url), 'utf8');

describe('the deployment samples in docs/deploy', () => {
  const values = JSON.parse(read('docs/deploy/managed-policy.json'));

  it('use exactly the settings the managed schema declares (beside the mistypings it lists to name them)', () => {
    const schema = JSON.parse(read('public/managed_schema.json'));
    const settings = Object.keys(schema.properties).filter((k) => !Object.hasOwn(MISTYPED_MANAGED_KEYS, k));
    expect(Object.keys(values).sort()).toEqual(settings.sort());
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

describe('installing without a store listing: the force-install samples', () => {
  const values = JSON.parse(read('docs/deploy/managed-policy.json'));
  const ENTRY = 'EXTENSION_ID;https://extensions.example.sch.uk/policy-guard/updates.xml';
  const unxml = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');

  it('Linux and Windows force-install from the same update manifest', () => {
    expect(JSON.parse(read('docs/deploy/chromium-linux-policy.json')).ExtensionInstallForcelist).toEqual([ENTRY]);
    expect(read('docs/deploy/edge-windows.reg')).toContain(`[HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Edge\\ExtensionInstallForcelist]\n"1"="${ENTRY}"`);
  });

  it('the macOS profile installs in Chrome and Edge and gives each the same four settings', () => {
    const profile = read('docs/deploy/macos-policy-guard.mobileconfig');
    const payloads = [...profile.matchAll(/\n    <dict>\s*<key>PayloadType<\/key>\s*<string>([^<]+)<\/string>([\s\S]*?)\n    <\/dict>/g)].map((m) => ({ type: m[1]!, body: m[2]! }));
    expect(payloads.map((p) => p.type)).toEqual(['com.google.Chrome', 'com.google.Chrome.extensions.EXTENSION_ID', 'com.microsoft.Edge', 'com.microsoft.Edge.extensions.EXTENSION_ID']);
    for (const p of payloads.filter((p) => !p.type.includes('.extensions.'))) expect(p.body).toMatch(new RegExp(`<key>ExtensionInstallForcelist</key>\\s*<array>\\s*<string>${ENTRY.replace(/[.]/g, '\\.')}</string>`));
    for (const p of payloads.filter((p) => p.type.includes('.extensions.'))) {
      const str = (key: string) => unxml(new RegExp(`<key>${key}</key>\\s*<string>([^<]*)</string>`).exec(p.body)![1]!);
      expect(str('presetId')).toBe(values.presetId);
      expect(JSON.parse(str('policyJson'))).toEqual(JSON.parse(values.policyJson));
      expect([.../<key>locked<\/key>\s*<array>([\s\S]*?)<\/array>/.exec(p.body)![1]!.matchAll(/<string>([^<]*)<\/string>/g)].map((m) => m[1])).toEqual(values.locked);
      expect(p.body).toMatch(/<key>lockAll<\/key>\s*<false\/>/);
    }
    // Every payload has its own UUID.
    const uuids = [...profile.matchAll(/<key>PayloadUUID<\/key>\s*<string>([^<]+)<\/string>/g)].map((m) => m[1]);
    expect(new Set(uuids).size).toBe(5);
  });
});
