import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, win32 } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BaseUrlError, checkBaseUrl, ensureKey, extensionIdFromKey, isInside, KeyError, LOCAL_TEST_BASE, OutDirError, outDirOf, packageCrx, preflight, realPath, updateManifest } from '../../../scripts/package';

// The end-to-end test (tests/e2e/managed.e2e.ts) packs and installs a real CRX and checks that Chromium gives
// it the id `extensionIdFromKey` computes; these are the parts that need no browser.
describe('npm run package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-guard-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a private key only when asked, once, and the same key always gives the same 32-letter id', () => {
    const path = join(dir, 'nested/crx-key.pem');
    const first = ensureKey(path, true);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = ensureKey(path);
    expect(again).toEqual({ pem: first.pem, created: false });
    const id = extensionIdFromKey(first.pem);
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(extensionIdFromKey(again.pem)).toBe(id);
    expect(extensionIdFromKey(ensureKey(join(dir, 'other.pem'), true).pem)).not.toBe(id);
    // Never over an existing key: the old id would be lost.
    expect(() => ensureKey(path, true)).toThrow(/already a signing key .* never replaces one/);
    expect(readFileSync(path, 'utf8')).toBe(first.pem);
  });

  it('never makes a key for a path that has none unless asked: a mistyped --key or POLICY_GUARD_CRX_KEY is an error', () => {
    const typo = join(dir, 'typo-key.pem');
    expect(() => ensureKey(typo)).toThrow(KeyError);
    expect(() => packageCrx({ baseUrl: 'https://it.example.sch.uk/pg', keyPath: typo })).toThrow(/No signing key at .*typo-key\.pem\. If Policy Guard was packaged before, point --key .* add --new-key/);
    const env = process.env.POLICY_GUARD_CRX_KEY;
    process.env.POLICY_GUARD_CRX_KEY = typo;
    try {
      expect(() => packageCrx({ baseUrl: 'https://it.example.sch.uk/pg' })).toThrow(/No signing key at .*typo-key\.pem/);
    } finally {
      if (env === undefined) delete process.env.POLICY_GUARD_CRX_KEY;
      else process.env.POLICY_GUARD_CRX_KEY = env;
    }
    expect(existsSync(typo)).toBe(false);
    // A file that is not a key is named as such, not signed with.
    const notKey = join(dir, 'notes.txt');
    writeFileSync(notKey, 'hello');
    expect(() => ensureKey(notKey)).toThrow(/is not a private key/);
  });

  it('refuses a key inside the working tree or its .output folder, on any OS', () => {
    for (const inside of ['keys/crx.pem', '.output/k.pem', '.output/crx/key.pem']) {
      expect(() => packageCrx({ baseUrl: 'https://it.example.sch.uk/pg', keyPath: join(process.cwd(), inside), newKey: true }), inside).toThrow(/outside the repository and its \.output folder/);
      expect(existsSync(join(process.cwd(), inside)), inside).toBe(false);
    }
    expect(isInside('/work/repo', '/work/repo/.output/k.pem')).toBe(true);
    expect(isInside('/work/repo', '/work/repo-keys/k.pem')).toBe(false);
    expect(isInside('/work/repo', '/home/it/.config/policy-guard/crx-key.pem')).toBe(false);
    // Windows: backslashes, another drive, and letter case as Windows treats it.
    expect(isInside('C:\\Users\\it\\policy-guard', 'C:\\Users\\it\\policy-guard\\.output\\k.pem', win32)).toBe(true);
    expect(isInside('C:\\Users\\it\\policy-guard', 'c:\\users\\IT\\Policy-Guard\\k.pem', win32)).toBe(true);
    expect(isInside('C:\\Users\\it\\policy-guard', 'D:\\keys\\k.pem', win32)).toBe(false);
    expect(isInside('C:\\Users\\it\\policy-guard', 'C:\\Users\\it\\policy-guard-keys\\k.pem', win32)).toBe(false);
  });

  // Probe 19 L7: the check read the path as typed, so a key reached through a symbolic link into the repository was
  // made there; and an --out inside public/ put the CRX into the next package.
  it('refuses a key that is in the working tree once symbolic links are resolved, whether the key is there yet or not', () => {
    const keys = join(process.cwd(), '.output/link-target-keys');
    mkdirSync(keys, { recursive: true });
    const linkedDir = join(dir, 'keys-link');
    symlinkSync(keys, linkedDir);
    const linkedFile = join(dir, 'key-link.pem');
    symlinkSync(join(keys, 'crx.pem'), linkedFile); // a link to a key not made yet
    try {
      for (const keyPath of [join(linkedDir, 'crx.pem'), linkedFile]) {
        expect(() => preflight({ baseUrl: 'https://it.example.sch.uk/pg', keyPath, newKey: true }), keyPath).toThrow(KeyError);
        expect(realPath(keyPath), keyPath).toBe(join(realPath(keys), 'crx.pem'));
      }
      expect(existsSync(join(keys, 'crx.pem'))).toBe(false);
      // A key outside, through no link, is still fine.
      expect(realPath(join(dir, 'none/yet.pem'))).toBe(join(realPath(dir), 'none/yet.pem'));
    } finally {
      rmSync(keys, { recursive: true, force: true });
    }
  });

  it('refuses an --out inside public/ or the built extension (they are packaged), links resolved; the default and folders elsewhere are fine', () => {
    const key = join(dir, 'out-check.pem');
    ensureKey(key, true);
    const base = { baseUrl: 'https://it.example.sch.uk/pg', keyPath: key };
    for (const out of ['public', 'public/crx', '.output/chrome-mv3/crx']) expect(() => preflight({ ...base, outDir: join(process.cwd(), out) }), out).toThrow(OutDirError);
    expect(() => preflight({ ...base, outDir: join(process.cwd(), 'public/crx') })).toThrow(/--out must not be inside .*public .*packaged into the extension itself/);
    const linkToPublic = join(dir, 'public-link');
    symlinkSync(join(process.cwd(), 'public'), linkToPublic);
    expect(() => preflight({ ...base, outDir: join(linkToPublic, 'crx') })).toThrow(OutDirError);
    expect(() => preflight(base)).not.toThrow();
    expect(() => preflight({ ...base, outDir: join(dir, 'crx-out') })).not.toThrow();
    expect(() => preflight({ ...base, outDir: join(process.cwd(), '.output/crx-elsewhere') })).not.toThrow();
  });

  it('the command says what is wrong and exits 1, making no key: a missing key, or options npm kept for itself', () => {
    const typo = join(dir, 'cli-typo.pem');
    const run = (args: string[], env: Record<string, string> = {}) => spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package.ts', ...args], { encoding: 'utf8', env: { ...process.env, ...env }, timeout: 60_000 });
    const missing = run(['--base-url', 'https://it.example.sch.uk/pg', '--key', typo]);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toMatch(/^package: No signing key at .*cli-typo\.pem/);
    expect(existsSync(typo)).toBe(false);
    // `npm run package --key k.pem --base-url https://…` without `--`: npm eats the option names.
    const eaten = run(['https://it.example.sch.uk/pg'], { npm_config_base_url: 'true' });
    expect(eaten.status).toBe(1);
    expect(eaten.stderr).toContain('put `--` before them');
  });

  // Probe 19d D7: an address without https:// was found only by Chromium, after a build, in its own words.
  it('checks the server address first: a whole https:// address, http:// with a warning (none for a test server here), anything else refused in one line', () => {
    expect(checkBaseUrl('https://it.example.sch.uk/pg/')).toEqual({ base: 'https://it.example.sch.uk/pg' });
    expect(checkBaseUrl(' https://it.example.sch.uk ')).toEqual({ base: 'https://it.example.sch.uk' });
    expect(checkBaseUrl('http://127.0.0.1:8719/pg')).toEqual({ base: 'http://127.0.0.1:8719/pg' });
    expect(checkBaseUrl('http://localhost/pg').warning).toBeUndefined();
    expect(checkBaseUrl('http://it.example.sch.uk/pg').warning).toMatch(/is http:\/\/, not https:\/\/.*Serve the files over HTTPS/);
    for (const [bad, why] of [
      ['ex.sch.uk/pg', /is not a web address: write it whole, with https:\/\//],
      ['file:///srv/pg', /is a file: address; .*use an https:\/\/ address/],
      ['ftp://it.example.sch.uk/pg', /is a ftp: address/],
      ['https://it.example.sch.uk/pg?x=1', /has a query, a fragment or a password/],
      ['https://user:pw@it.example.sch.uk/pg', /has a query, a fragment or a password/],
    ] as const) {
      expect(() => checkBaseUrl(bad), bad).toThrow(BaseUrlError);
      expect(() => checkBaseUrl(bad), bad).toThrow(why);
    }
  });

  it('the command refuses a bad address before building or writing anything, in one line', () => {
    const key = join(dir, 'url-key.pem');
    ensureKey(key, true);
    const out = join(dir, 'url-out');
    mkdirSync(out, { recursive: true });
    writeFileSync(join(out, 'updates.xml'), 'from an earlier, good run');
    const started = Date.now();
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package.ts', '--base-url', 'ex.sch.uk/pg', '--key', key, '--out', out], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual(['package: --base-url “ex.sch.uk/pg” is not a web address: write it whole, with https://, as in --base-url https://it.example.sch.uk/policy-guard']);
    expect(run.stdout).not.toMatch(/wxt|Built|chrome-mv3/i); // no build ran
    expect(Date.now() - started).toBeLessThan(30_000);
    // Probe 19e D6: the earlier run's update manifest is not left there to be uploaded beside a refused run.
    expect(existsSync(join(out, 'updates.xml'))).toBe(false);
  });

  // Probe 19e D6: every refused run (address, key, option) removed nothing before, leaving the earlier run's
  // CRX, updates.xml and deploy.json in the output folder, as if they were this run's.
  it('a refused run removes an earlier run’s CRX, updates.xml and deploy.json, and only those, whatever was refused', () => {
    const key = join(dir, 'refused-key.pem');
    ensureKey(key, true);
    const cases: [string, string[], RegExp][] = [
      ['a bad address', ['--base-url', 'extensions.example.sch.uk/policy-guard', '--key', key], /is not a web address/],
      ['no address', ['--key', key], /--base-url is required/],
      ['a missing key', ['--base-url', 'https://it.example.sch.uk/pg', '--key', join(dir, 'no-such-key.pem')], /No signing key at/],
      ['a file that is not a key', ['--base-url', 'https://it.example.sch.uk/pg', '--key', join(dir, 'not-a-key.txt')], /is not a private key/],
      ['an unknown option', ['--base-url', 'https://it.example.sch.uk/pg', '--key', key, '--bogus'], /--bogus is not an option of npm run package: the options are --base-url/],
      ['--out=dir, and an ftp: address', ['--base-url', 'ftp://x/pg', '--key', key], /is a ftp: address/],
    ];
    writeFileSync(join(dir, 'not-a-key.txt'), 'hello');
    for (const [what, args, said] of cases) {
      const out = join(dir, `refused-${what.replace(/\W+/g, '-')}`);
      mkdirSync(out, { recursive: true });
      for (const stale of ['updates.xml', 'deploy.json', 'policy-guard-classdojo-0.0.9.crx']) writeFileSync(join(out, stale), 'from an earlier, good run');
      writeFileSync(join(out, 'README-for-IT.txt'), 'not ours: kept');
      const outArgs = what.startsWith('--out=') ? [`--out=${out}`] : ['--out', out];
      const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package.ts', ...args, ...outArgs, '--no-build'], { encoding: 'utf8', timeout: 60_000 });
      expect(run.status, what).toBe(1);
      expect(run.stderr.trim().split('\n'), what).toHaveLength(1);
      expect(run.stderr, what).toMatch(said);
      expect(readdirSync(out), what).toEqual(['README-for-IT.txt']);
    }
    expect(outDirOf(['--out', '/srv/x'])).toBe('/srv/x');
    expect(outDirOf(['--out=/srv/y', '--bogus'])).toBe('/srv/y');
   }, 120_000); // six Node processes: slow on a loaded 2-core machine

  // Probe 19e D7: no --base-url exited 0 with files pointing at extensions.example.invalid, and a warning only.
  it('refuses to package without --base-url, in one line, unless --local-test asks for a package to try on this computer', () => {
    const key = join(dir, 'local-key.pem');
    ensureKey(key, true);
    expect(() => preflight({ keyPath: key })).toThrow(BaseUrlError);
    expect(() => preflight({ keyPath: key })).toThrow(/^--base-url is required: .*add --local-test/);
    expect(preflight({ keyPath: key, localTest: true }).base).toBe(LOCAL_TEST_BASE);
    expect(new URL(LOCAL_TEST_BASE).hostname).toBe('localhost');
    expect(preflight({ keyPath: key, localTest: true, baseUrl: 'http://127.0.0.1:8719/pg/' }).base).toBe('http://127.0.0.1:8719/pg');
    // A local test is never a package for the school's server.
    expect(() => preflight({ keyPath: key, localTest: true, baseUrl: 'https://it.example.sch.uk/pg' })).toThrow(/--local-test is for a server on this computer/);
    const run = spawnSync(process.execPath, ['--import', 'tsx', 'scripts/package.ts', '--key', key, '--out', join(dir, 'no-url-out'), '--no-build'], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(1);
    expect(run.stderr.trim().split('\n')).toEqual([expect.stringMatching(/^package: --base-url is required: the https:\/\/ address .* add --local-test\)\.$/)]);
    expect(existsSync(join(dir, 'no-url-out', 'updates.xml'))).toBe(false);
   }, 60_000);

  it('a pack that fails leaves no CRX or update manifest in the output folder, not even an earlier run’s', () => {
    const key = join(dir, 'pack-key.pem');
    ensureKey(key, true);
    const built = join(dir, 'built');
    mkdirSync(built, { recursive: true });
    writeFileSync(join(built, 'manifest.json'), JSON.stringify({ manifest_version: 3, name: 'x', version: '9.9.9' }));
    const out = join(dir, 'pack-out');
    mkdirSync(out, { recursive: true });
    for (const stale of ['updates.xml', 'deploy.json', 'policy-guard-classdojo-0.0.9.crx']) writeFileSync(join(out, stale), 'stale');
    writeFileSync(join(out, 'README-for-IT.txt'), 'not ours: kept');
    // /bin/false stands in for a Chromium that refuses to pack.
    expect(() => packageCrx({ baseUrl: 'https://it.example.sch.uk/pg', keyPath: key, outDir: out, built, chromium: '/bin/false' })).toThrow(/Chromium did not pack the extension/);
    expect(readdirSync(out)).toEqual(['README-for-IT.txt']);
  });

  it('writes an update manifest Chrome and Edge read, with every attribute escaped', () => {
    expect(updateManifest('abcdefghijklmnopabcdefghijklmnop', '1.2.3', "https://it.example.sch.uk/pg/a&b'.crx")).toBe(`<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='abcdefghijklmnopabcdefghijklmnop'>
    <updatecheck codebase='https://it.example.sch.uk/pg/a&amp;b&apos;.crx' version='1.2.3' />
  </app>
</gupdate>
`);
  });
});
