import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = new URL('../../../', import.meta.url).pathname;
const OUT = join(ROOT, '.output/firefox-mv2');

describe('the Firefox build', () => {
  it('builds and zips with WXT’s Firefox target, with a manifest Firefox accepts', { timeout: 120_000 }, () => {
    execFileSync('npx', ['wxt', 'zip', '-b', 'firefox'], { cwd: ROOT, stdio: 'pipe' });
    const manifest = JSON.parse(readFileSync(join(OUT, 'manifest.json'), 'utf8'));
    expect(manifest.manifest_version).toBe(2);
    expect(manifest.browser_specific_settings.gecko.id).toBe('policy-guard@classdojo-policy.invalid');
    expect(manifest.background.scripts).toEqual(['background.js']);
    expect(manifest.background.service_worker).toBeUndefined();
    // MV2 lists host access with the permissions: still only storage, scripting (the parts loaded on request,
    // entrypoints/on-request) and the two ClassDojo apps.
    expect([...manifest.permissions].sort()).toEqual(['https://home.classdojo.com/*', 'https://teach.classdojo.com/*', 'scripting', 'storage']);
    expect(manifest.storage).toBeUndefined(); // Firefox has no managed_schema key (docs/deploying.md)
    expect(manifest.content_scripts[0].matches.sort()).toEqual(['https://home.classdojo.com/*', 'https://teach.classdojo.com/*']);
    expect(manifest.default_locale).toBe('en');
    for (const file of ['background.js', 'content-scripts/content.js', 'popup.html', 'options.html', '_locales/en/messages.json', '_locales/cy/messages.json']) {
      expect(existsSync(join(OUT, file)), file).toBe(true);
    }
    const zips = readdirSync(join(ROOT, '.output')).filter((f) => f.endsWith('.zip'));
    expect(zips).toEqual(expect.arrayContaining([expect.stringMatching(/-firefox\.zip$/), expect.stringMatching(/-sources\.zip$/)]));
  });
});
