import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EXTENSION_DIR, launchExtension, PANEL, TEACH, type Harness } from './harness';

describe('the privacy guard in the harness', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await launchExtension();
  });
  afterAll(async () => {
    await h?.close();
  });

  // These prove the check every other test relies on: if the extension ever made a request to a host
  // that is not ClassDojo's, from any of its contexts, the suite would fail.
  it('catches a request from the background service worker', async () => {
    const outcome = await h.worker.evaluate(() =>
      fetch('https://analytics.example.com/collect?pupil=Amelia').then(
        () => 'sent',
        () => 'blocked',
      ),
    );
    expect(outcome).toBe('blocked');
    expect(() => h.assertNoForeignRequests()).toThrow(/analytics\.example\.com.*service worker/);
    h.foreignRequests.length = 0;
  });

  it('catches a request from an extension page', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await popup.evaluate(() => navigator.sendBeacon('https://tracker.example.org/beacon', 'x'));
    await expect.poll(() => h.foreignRequests.join('\n')).toMatch(/tracker\.example\.org.*chrome-extension:\/\//);
    expect(() => h.assertNoForeignRequests()).toThrow(/tracker\.example\.org/);
    h.foreignRequests.length = 0;
    await popup.close();
  });

  it('catches a request made from a ClassDojo page (where the content script runs)', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator(PANEL).waitFor();
    await page.evaluate(() => fetch('https://example.net/leak').catch(() => undefined));
    expect(() => h.assertNoForeignRequests()).toThrow(/example\.net/);
    h.foreignRequests.length = 0;
    await page.close();
  });

  it('records nothing when the extension is simply used', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/p1`);
    await page.locator(PANEL).waitFor();
    await page.locator('[data-name="messageComposerInput"]').fill('See you at parents evening.');
    const popup = await h.openExtensionPage('popup.html');
    await popup.locator('pg=[data-policy-guard="popup-policy"]').waitFor();
    expect(h.foreignRequests).toEqual([]);
  });
});

describe('the manifest', () => {
  it('asks for exactly storage, scripting and the two ClassDojo hosts', () => {
    const manifest = JSON.parse(readFileSync(join(EXTENSION_DIR, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(3);
    // scripting: the background injects our own on-request parts (entrypoints/on-request) into the ClassDojo
    // tab that asks; it reaches no host beyond the two below and adds no warning at install.
    expect(manifest.permissions).toEqual(['storage', 'scripting']);
    expect([...manifest.host_permissions].sort()).toEqual(['https://home.classdojo.com/*', 'https://teach.classdojo.com/*']);
    expect(manifest.optional_permissions).toBeUndefined();
    expect(manifest.content_security_policy).toBeUndefined(); // the MV3 default: no remote code
  });
});
