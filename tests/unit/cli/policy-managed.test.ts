import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { problemLine, problemText } from '../../../lib/i18n/policy-problem';
import { messages } from '../../../lib/i18n/messages';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runGuard } from '../../../cli/main';
import { readDeployFile } from '../../../lib/policy/deploy-files';
import { managedFrom, resolveState } from '../../../lib/policy/managed-values';
import { presetInput } from '../../../lib/policy/presets/index';
import { resolvePolicy } from '../../../lib/policy/resolve';

// Probe 19e D4: docs/deploying.md told IT to check their managed settings with `guard policy validate`, but the
// command only took a whole policy: the docs' own policyJson gave 16 "is required" lines, and adding presetId
// gave "unknown field". It now checks a deployment file, or a policyJson with --preset/--overlay, as a staff
// browser applies it.

async function run(...argv: string[]) {
  let out = '';
  let err = '';
  const code = await runGuard(argv, { stdout: (t) => (out += t), stderr: (t) => (err += t) });
  return { code, out, err };
}

const root = new URL('../../../', import.meta.url).pathname;
const dir = mkdtempSync(join(tmpdir(), 'guard-managed-'));
function file(name: string, content: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}
const SAMPLE = JSON.parse(readFileSync(join(root, 'docs/deploy/managed-policy.json'), 'utf8')) as Record<string, unknown>;
const OVERLAY = SAMPLE.policyJson as string;

describe('every sample docs/deploying.md gives passes `guard policy validate`', () => {
  const docs = readFileSync(join(root, 'docs/deploying.md'), 'utf8');
  const linked = [...new Set([...docs.matchAll(/\]\((deploy\/[\w.-]+)\)/g)].map((m) => `docs/${m[1]}`))];
  const blocks = [...docs.matchAll(/```json\n([\s\S]*?)```/g)].map((m) => m[1]!);

  it('links every file in docs/deploy/, and each is valid, with the sample’s preset, closures and locks', async () => {
    expect(linked.sort()).toEqual(readdirSync(join(root, 'docs/deploy')).map((f) => `docs/deploy/${f}`).sort());
    for (const path of linked) {
      const r = await run('policy', 'validate', join(root, path));
      expect(r.code, `${path}\n${r.out}${r.err}`).toBe(0);
      expect(r.out, path).toMatch(/^valid: .*“Bentley New Village Primary School”: preset bentley-new-village with policyJson over it; locked: hours, rules\.full-name\.action, rules\.photo-consent\.action$/m);
      // `show` prints the policy the extension resolves from the same values, independently of the command.
      const shown = await run('policy', 'show', join(root, path));
      const expected = resolvePolicy({ managed: managedFrom(SAMPLE).managed });
      expect(expected.ok).toBe(true);
      if (expected.ok) expect(JSON.parse(shown.out), path).toEqual(JSON.parse(JSON.stringify(expected.policy)));
    }
  });

  it('each JSON block in the page is valid as what it is shown as (a policyJson over the sample’s preset)', async () => {
    expect(blocks.length).toBeGreaterThan(0);
    for (const block of blocks) {
      expect(JSON.parse(block)).toEqual(JSON.parse(OVERLAY));
      const r = await run('policy', 'validate', '--preset', 'bentley-new-village', file('block.json', block));
      expect(r.code, r.out).toBe(0);
    }
  });

  it('the commands the page shows run as written', async () => {
    const commands = [...docs.matchAll(/npm run --silent guard -- (policy validate [^\n#]*)/g)].map((m) => m[1]!.trim().split(/\s+/));
    expect(commands.length).toBeGreaterThanOrEqual(3);
    for (const argv of commands) {
      const args = argv.map((a) => (a === 'our-settings.json' ? file('our-settings.json', OVERLAY) : a === 'our-policy.json' ? file('our-policy.json', presetInput('broughton')) : a.startsWith('docs/') ? join(root, a) : a));
      const r = await run(...args);
      // --overlay with the sample's settings alone is refused, as the page says (no presetId: it must be a whole policy).
      expect(r.code, argv.join(' ')).toBe(argv.includes('--overlay') ? 1 : 0);
    }
  });
});

describe('a policyJson over a preset (--preset, --overlay)', () => {
  const overlay = file('overlay.json', OVERLAY);

  it('alone, a policyJson is not a whole policy: the lines say so, with a hint naming --preset', async () => {
    const r = await run('policy', 'validate', overlay);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^id: is required/m);
    expect(r.err).toMatch(/^hint: .* managed policyJson .* guard policy validate --preset <id> /m);
    // presetId written inside the policy: said what it is and where it goes.
    const mixed = await run('policy', 'validate', file('mixed.json', { presetId: 'broughton', ...JSON.parse(OVERLAY) }));
    expect(mixed.code).toBe(1);
    expect(mixed.out).toMatch(/^presetId: unknown field/m);
    expect(mixed.err).toMatch(/^hint: presetId is not a field of a policy: .* a setting of its own, beside policyJson/m);
  });

  it('with --preset it is valid, and `show` gives the preset with the closures', async () => {
    expect((await run('policy', 'validate', '--preset', 'bentley-new-village', overlay)).code).toBe(0);
    expect((await run('policy', 'validate', '--preset=broughton', overlay)).code).toBe(0);
    const shown = JSON.parse((await run('policy', 'show', '--preset', 'broughton', overlay)).out);
    expect(shown.id).toBe('broughton');
    expect(shown.hours.closures.map((c: { label: string }) => c.label)).toEqual(['INSET day', 'Christmas holiday']);
  });

  it('reports what the extension reports, by the same paths: bad settings, bad JSON, an unknown preset', async () => {
    const cases: [string, Record<string, unknown>, RegExp][] = [
      ['a bad action', { presetId: 'broughton', policyJson: '{"rules":{"photo-consent":{"action":"forbid"}}}' }, /^rules\.photo-consent\.action: expected an action/m],
      ['broken JSON', { presetId: 'broughton', policyJson: '{"hours": ' }, /^policyJson: the managed policy is not valid JSON/m],
      ['an unknown preset', { presetId: 'bentley', policyJson: OVERLAY }, /^presetId: unknown preset "bentley"/m],
      ['a lock on no setting', { presetId: 'broughton', locked: ['hourz'] }, /^locked\[0\]: "hourz" is not a setting of the policy/m],
      ['a policyJson that is a list', { presetId: 'broughton', policyJson: '[]' }, /^\(root\): expected an object, got a list/m],
    ];
    for (const [what, values, said] of cases) {
      const r = await run('policy', 'validate', file('values.json', values));
      expect(r.code, what).toBe(1);
      expect(r.out, what).toMatch(said);
      // The extension's own resolution of the same values gives the same problems, line for line.
      const state = resolveState(null, null, managedFrom(values));
      const theirs = (state.problems ?? []).flatMap((p) => p.problems).map((p) => problemLine(p, messages));
      for (const line of theirs) expect(r.out.split('\n'), what).toContain(line);
    }
  });

  it('with no presetId, a settings-only policyJson is refused (it would be the whole policy), a whole policy is valid', async () => {
    const r = await run('policy', 'validate', '--overlay', overlay);
    expect(r.code).toBe(1);
    expect(r.out.split('\n')[0]).toMatch(/^presetId: not set, so a browser where staff chose no policy takes policyJson as the whole policy/);
    const whole = file('whole.json', JSON.stringify(presetInput('malpas-court')));
    const ok = await run('policy', 'validate', '--overlay', whole);
    expect(ok.code, ok.out).toBe(0);
    expect(ok.out).toMatch(/policyJson as the whole policy/);
    // The same values in a managed file: the same answer.
    expect((await run('policy', 'validate', file('only-json.json', { policyJson: OVERLAY }))).code).toBe(1);
  });
});

describe('the deployment files’ own mistakes', () => {
  it('values Chrome drops (the wrong type) and names that are not settings are problems', async () => {
    const r = await run('policy', 'validate', file('typed.json', { presetId: 'broughton', policyJson: JSON.parse(OVERLAY), lockAll: 'yes', lock: ['hours'] }));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^policyJson: expected text, got a JSON object: write it as JSON text/m);
    expect(r.out).toMatch(/^lockAll: expected true or false, got "yes"/m);
    // `lock` is not one of the four names: it is read as a policy then, whose problems name it.
    const named = await run('policy', 'validate', file('lock.json', { '3rdparty': { extensions: { abc: { presetId: 'broughton', lock: ['hours'] } } } }));
    expect(named.code).toBe(1);
    expect(named.out).toMatch(/^lock: is not a Policy Guard setting/m);
  });

  it('reads a Google Admin form, a .reg and a .mobileconfig with a mistake, naming where it is', async () => {
    const admin = await run('policy', 'validate', file('admin.json', { presetId: { Value: 'broughton' }, policyJson: { Value: '{"rules":{"full-name":{"action":"nope"}}}' } }));
    expect(admin.code).toBe(1);
    expect(admin.out).toMatch(/^rules\.full-name\.action: /m);
    const reg = readFileSync(join(root, 'docs/deploy/edge-windows.reg'), 'utf8').replace('"presetId"="bentley-new-village"', '"presetId"="bentley"').replace('"lockAll"=dword:00000000', '"lockAll"=dword:00000001');
    const regRun = await run('policy', 'validate', file('edge.reg', reg));
    expect(regRun.out).toMatch(/^presetId: unknown preset "bentley"/m);
    // As regedit exports it: UTF-16 LE with a byte-order mark, CRLF line ends.
    const utf16 = join(dir, 'regedit.reg');
    writeFileSync(utf16, Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(readFileSync(join(root, 'docs/deploy/edge-windows.reg'), 'utf8').replace(/\n/g, '\r\n'), 'utf16le')]));
    const fromRegedit = await run('policy', 'validate', utf16);
    expect(fromRegedit.code, fromRegedit.out).toBe(0);
    const parsedReg = readDeployFile(reg);
    expect(parsedReg.kind === 'managed' && parsedReg.sources[0]!.values.lockAll).toBe(true);
    // The Edge payload of the profile broken, the Chrome one not: the line says which payload.
    const profile = readFileSync(join(root, 'docs/deploy/macos-policy-guard.mobileconfig'), 'utf8');
    const i = profile.indexOf('com.microsoft.Edge.extensions.');
    const broken = profile.slice(0, i) + profile.slice(i).replace('<string>hours</string>', '<string>hourz</string>');
    const mac = await run('policy', 'validate', file('p.mobileconfig', broken));
    expect(mac.code).toBe(1);
    // The sample's placeholder id is warned about first (tests/unit/cli/policy-deploy-warnings.test.ts).
    expect(mac.out.trim().split('\n').filter((l) => !l.startsWith('warning: the file still holds the placeholder EXTENSION_ID'))).toEqual([
      expect.stringMatching(/^valid: .*p\.mobileconfig \(com\.google\.Chrome\.extensions\.EXTENSION_ID\)/),
      'com.microsoft.Edge.extensions.EXTENSION_ID: locked[0]: "hourz" is not a setting of the policy, so this lock is ignored: did you mean "hours"?',
    ]);
  });

  // Probe 19 H2: a profile's extension payload with a mistyped or unknown name was called valid (only the four
  // names were read from it). Each is named now, as the JSON form names it, with the same line, and exit 1.
  it('a .mobileconfig with a mistyped or unknown name is refused as the JSON form is, naming the name meant', async () => {
    const profile = readFileSync(join(root, 'docs/deploy/macos-policy-guard.mobileconfig'), 'utf8');
    const chrome = profile.indexOf('com.google.Chrome.extensions.');
    const edge = profile.indexOf('com.microsoft.Edge.extensions.');
    // Only the Chrome payload broken: the Edge one stays valid, and the line names the Chrome one.
    const mistype = (from: string, to: string) => profile.slice(0, chrome) + profile.slice(chrome, edge).replace(from, to) + profile.slice(edge);
    const cases: [string, string, Record<string, unknown>, RegExp][] = [
      ['<key>lockAll</key>', '<key>lockall</key>', { presetId: 'bentley-new-village', lockall: false }, /lockall: is not a Policy Guard setting: did you mean lockAll\?/],
      ['<key>locked</key>', '<key>Locked</key>', { presetId: 'bentley-new-village', Locked: ['hours'] }, /Locked: is not a Policy Guard setting: did you mean locked\?/],
      ['<key>presetId</key>', '<key>PresetId</key>', { PresetId: 'bentley-new-village', lockAll: false }, /PresetId: is not a Policy Guard setting: did you mean presetId\?/],
      ['<key>lockAll</key>', '<key>schoolName</key><string>Bentley</string><key>lockAll</key>', { presetId: 'bentley-new-village', lockAll: false, schoolName: 'Bentley' }, /schoolName: is not a Policy Guard setting: the settings are presetId/],
    ];
    for (const [from, to, json, said] of cases) {
      const mac = await run('policy', 'validate', file('typo.mobileconfig', mistype(from, to)));
      expect(mac.code, mac.out).toBe(1);
      const line = mac.out.split('\n').find((l) => said.test(l));
      expect(line, mac.out).toMatch(/^com\.google\.Chrome\.extensions\.EXTENSION_ID: /);
      expect(mac.out).toMatch(/^valid: .*\(com\.microsoft\.Edge\.extensions\.EXTENSION_ID\)/m);
      // The same name in the JSON form: the same words.
      const plain = await run('policy', 'validate', file('typo.json', json));
      expect(plain.code).toBe(1);
      expect(plain.out.split('\n')).toContain(line!.replace(/^[^:]+: /, ''));
    }
    // A plain plist of the four values (no payload) is read the same way.
    const bare = readDeployFile('<plist><dict><key>presetId</key><string>broughton</string><key>lockall</key><true/></dict></plist>');
    expect(bare).toMatchObject({ kind: 'managed', sources: [{ where: '(plist)', values: { presetId: 'broughton', lockall: true } }] });
    // A profile's own keys (PayloadType, PayloadUUID…) are not settings.
    const good = readDeployFile(profile);
    expect(good.kind === 'managed' && good.sources.map((s) => Object.keys(s.values).sort())).toEqual([
      ['locked', 'lockAll', 'policyJson', 'presetId'].sort(),
      ['locked', 'lockAll', 'policyJson', 'presetId'].sort(),
    ]);
  });

  it('a file far too big to be a policy is refused in one line, unread', async () => {
    const r = await run('policy', 'validate', file('huge.mobileconfig', `<plist>${'<dict><key>a</key><array>'.repeat(90_000)}`));
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^\(file\): is 2\.\d MB: a policy or a deployment file is a few kilobytes/);
  });

  it('a policy file is still a policy file; a usage mistake is exit 2', async () => {
    expect((await run('policy', 'validate', file('own.json', presetInput('papworth-hall')))).code).toBe(0);
    expect((await run('policy', 'validate', '--preset')).code).toBe(2);
    expect((await run('policy', 'validate', '--frob', 'x.json')).code).toBe(2);
  });
});
