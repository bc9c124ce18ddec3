import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ensureKey, extensionIdFromKey, packageCrx, updateManifest } from '../../../scripts/package';

// The end-to-end test (tests/e2e/managed.e2e.ts) packs and installs a real CRX and checks that Chromium gives
// it the id `extensionIdFromKey` computes; these are the parts that need no browser.
describe('npm run package', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-guard-key-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a private key once, and the same key always gives the same 32-letter id', () => {
    const path = join(dir, 'nested/crx-key.pem');
    const first = ensureKey(path);
    expect(first.created).toBe(true);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    const again = ensureKey(path);
    expect(again).toEqual({ pem: first.pem, created: false });
    const id = extensionIdFromKey(first.pem);
    expect(id).toMatch(/^[a-p]{32}$/);
    expect(extensionIdFromKey(again.pem)).toBe(id);
    expect(extensionIdFromKey(ensureKey(join(dir, 'other.pem')).pem)).not.toBe(id);
  });

  it('refuses a key inside the working tree (one `git add` from the repository)', () => {
    expect(() => packageCrx({ keyPath: join(process.cwd(), 'keys/crx.pem'), built: join(process.cwd(), '.output/chrome-mv3') })).toThrow(/outside the repository|No built extension/);
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
