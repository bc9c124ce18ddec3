/**
 * Probe 19f M3: `guard policy validate` said "valid" for deployment files whose settings never reach the
 * extension: the sample's placeholder EXTENSION_ID left in, settings under one id while another is installed,
 * an http:// update URL; and named mistyped settings ("presetID", "lockall") as a whole policy's missing fields.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGuard } from '../../../cli/main';
import { closestManagedKey, deploymentWarnings, readDeployFile } from '../../../lib/policy/deploy-files';

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runGuard(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}
const dir = mkdtempSync(join(tmpdir(), 'guard-deploy-warn-'));
const file = (name: string, content: unknown) => {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
};
const ID = 'abcdefghijklmnopabcdefghijklmnop';
const OTHER = 'ponmlkjihgfedcbaponmlkjihgfedcba';
const chromeFile = (installId: string, settingsId: string, url = 'https://it.example.sch.uk/pg/updates.xml') => ({
  ExtensionInstallForcelist: [`${installId};${url}`],
  '3rdparty': { extensions: { [settingsId]: { presetId: 'bentley-new-village' } } },
});
const warningsOf = (content: unknown) => {
  const text = typeof content === 'string' ? content : JSON.stringify(content);
  const read = readDeployFile(text);
  return read.kind === 'managed' ? deploymentWarnings(text, read.sources) : [];
};

describe('deployment files whose settings would not reach the extension', () => {
  it('warns on the placeholder EXTENSION_ID, and fails with --strict', async () => {
    const path = file('placeholder.json', chromeFile('EXTENSION_ID', 'EXTENSION_ID'));
    const r = await run('policy', 'validate', path);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^warning: the file still holds the placeholder EXTENSION_ID: replace each one with the extension’s id/m);
    expect(r.out).toMatch(/^valid: /m);
    expect((await run('policy', 'validate', '--strict', path)).code).toBe(1);
  });

  it('warns when the forcelist installs one id and the settings are for another', async () => {
    const r = await run('policy', 'validate', file('mismatch.json', chromeFile(ID, OTHER)));
    expect(r.out).toContain(`warning: ${OTHER}: the settings are for this id, but the file installs ${ID}: the two must be the same id`);
    expect(warningsOf(chromeFile(ID, ID))).toEqual([]);
  });

  it('reads the installed id from ExtensionSettings and from a .reg file’s forcelist too', () => {
    const settings = { ExtensionSettings: { [ID]: { installation_mode: 'force_installed', update_url: 'http://it.example.sch.uk/u.xml' } }, '3rdparty': { extensions: { [OTHER]: { presetId: 'bentley-new-village' } } } };
    const w = warningsOf(settings);
    expect(w.some((l) => l.startsWith(`${OTHER}: the settings are for this id, but the file installs ${ID}`))).toBe(true);
    expect(w.some((l) => l.includes('the update URL http://it.example.sch.uk/u.xml is plain http://'))).toBe(true);
    const reg = `Windows Registry Editor Version 5.00\r\n\r\n[HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Edge\\ExtensionInstallForcelist]\r\n"1"="${ID};https://it.example.sch.uk/u.xml"\r\n\r\n[HKEY_LOCAL_MACHINE\\Software\\Policies\\Microsoft\\Edge\\3rdparty\\extensions\\${OTHER}\\policy]\r\n"presetId"="bentley-new-village"\r\n`;
    expect(warningsOf(reg)).toEqual([`${OTHER}: the settings are for this id, but the file installs ${ID}: the two must be the same id, or the installed extension gets no settings`]);
  });

  it('warns on an http:// update URL in the forcelist', async () => {
    const r = await run('policy', 'validate', file('http.json', chromeFile(ID, ID, 'http://it.example.sch.uk/pg/updates.xml')));
    expect(r.code).toBe(0);
    expect(r.out).toContain(`warning: ${ID}: the update URL http://it.example.sch.uk/pg/updates.xml is plain http://: serve the updates over https://`);
  });

  it('says nothing of a file with no install entries and a real id, or of the managed settings alone', () => {
    expect(warningsOf({ '3rdparty': { extensions: { [ID]: { presetId: 'bentley-new-village' } } } })).toEqual([]);
    expect(warningsOf({ presetId: 'bentley-new-village', lockAll: true })).toEqual([]);
  });

  it('the shipped samples are still valid, with the placeholder named as the one thing to change', async () => {
    const root = new URL('../../../', import.meta.url).pathname;
    const r = await run('policy', 'validate', join(root, 'docs/deploy/chromium-linux-policy.json'));
    expect(r.code).toBe(0);
    expect(r.out.split('\n').filter((l) => l.startsWith('warning:'))).toHaveLength(1);
    expect(readFileSync(join(root, 'docs/deploy/chromium-linux-policy.json'), 'utf8')).toContain('EXTENSION_ID');
  });
});

describe('mistyped managed settings', () => {
  it('names each with the setting meant, not as a policy missing its fields', async () => {
    const r = await run('policy', 'validate', file('typo.json', { presetID: 'bentley-new-village', lockall: true }));
    expect(r.code).toBe(1);
    expect(r.out.trim().split('\n')).toEqual([
      'presetID: is not a Policy Guard setting: did you mean presetId? (names are read exactly as written, capitals too); a staff browser given it checks nothing and names it',
      'lockall: is not a Policy Guard setting: did you mean lockAll? (names are read exactly as written, capitals too); a staff browser given it checks nothing and names it',
    ]);
    // A name the schema does not list is dropped by Chrome: the command says so.
    const far = await run('policy', 'validate', file('typo-far.json', { presetId: 'bentley-new-village', presetIdd: 'broughton' }));
    expect(far.code).toBe(1);
    expect(far.out).toContain('presetIdd: is not a Policy Guard setting: did you mean presetId? (names are read exactly as written, capitals too); Chrome drops a name the schema does not list, so no browser ever sees it');
  });

  it('finds the closest setting by capitals, separators or two letters, and none for a far name', () => {
    expect(closestManagedKey('preset_id')).toBe('presetId');
    expect(closestManagedKey('PolicyJSON')).toBe('policyJson');
    expect(closestManagedKey('lockedd')).toBe('locked');
    expect(closestManagedKey('schemaVersion')).toBeUndefined();
    expect(closestManagedKey('rules')).toBeUndefined();
  });

  it('names a mistyped setting inside a Chrome policy file’s extension settings too', async () => {
    const r = await run('policy', 'validate', file('typo-3p.json', { '3rdparty': { extensions: { [ID]: { presetid: 'bentley-new-village' } } } }));
    expect(r.code).toBe(1);
    expect(r.out).toContain('presetid: is not a Policy Guard setting: did you mean presetId?');
  });
});

describe('a mistyped lock (L7)', () => {
  it('quotes the whole path IT wrote, and the part that is wrong', async () => {
    const r = await run('policy', 'validate', file('lock.json', { presetId: 'bentley-new-village', locked: ['rules.fullname.action', 'hourz'] }));
    expect(r.code).toBe(1);
    expect(r.out).toContain('locked[0]: "rules.fullname.action" is not a setting of the policy ("rules.fullname" is not one), so this lock is ignored');
    expect(r.out).toContain('locked[1]: "hourz" is not a setting of the policy, so this lock is ignored');
  });
});
