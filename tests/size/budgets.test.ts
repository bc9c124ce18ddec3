/**
 * Size budgets on the built extension, gzipped (issue 22): each part with every file it loads at once
 * (scripts/bundle-sizes.ts). Run by `npm test` after `wxt build`; on its own: `npx wxt build && npx vitest
 * run -c vitest.size.config.ts`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BUDGETS, bundleSizes, kb, type Part } from '../../scripts/bundle-sizes';

const DIR = '.output/chrome-mv3';

describe('size budgets of the built extension (gzipped)', () => {
  it('has a build to measure', () => {
    expect(existsSync(`${DIR}/manifest.json`), 'run `npx wxt build` first').toBe(true);
  });
  const sizes = existsSync(`${DIR}/manifest.json`) ? bundleSizes(DIR) : undefined;
  for (const part of Object.keys(BUDGETS) as Part[]) {
    it(`${part}: at most ${kb(BUDGETS[part])}`, () => {
      const s = sizes![part];
      expect(s.files.length).toBeGreaterThan(0);
      expect(s.gz, `${part} is ${kb(s.gz)} gzipped (${s.files.join(', ')})`).toBeLessThanOrEqual(BUDGETS[part]);
    });
  }
  it('the content scripts use the browser’s own extension object, not webextension-polyfill', () => {
    // The background keeps the polyfill (its onMessage listeners answer with promises): the check can tell.
    expect(readFileSync(`${DIR}/${sizes!.background.files[0]}`, 'utf8')).toContain('webextension-polyfill');
    for (const file of [...sizes!.content.files, ...sizes!.early.files]) {
      expect(readFileSync(`${DIR}/${file}`, 'utf8'), file).not.toContain('webextension-polyfill');
    }
  });

  it('the parts loaded on request (entrypoints/on-request) are on no page by themselves, and no page can reach them', () => {
    const manifest = JSON.parse(readFileSync(`${DIR}/manifest.json`, 'utf8')) as { content_scripts: { js: string[] }[]; web_accessible_resources?: { resources: string[] }[] };
    expect(existsSync(`${DIR}/on-request.js`)).toBe(true);
    expect(manifest.content_scripts.flatMap((cs) => cs.js)).not.toContain('on-request.js');
    const accessible = (manifest.web_accessible_resources ?? []).flatMap((w) => w.resources);
    expect(accessible.filter((r) => r.includes('on-request') || r.includes('*') || r.endsWith('.js'))).toEqual([]);
    const parts = readFileSync(`${DIR}/on-request.js`, 'utf8');
    expect(parts).not.toContain('webextension-polyfill');
    // What they carry instead of the script on every page: the outline's vocabulary, the spot-check's
    // overlay and its styles, the doctor's report, the seal (for a page where the early script did not run).
    const content = readFileSync(`${DIR}/${sizes!.content.files[0]}`, 'utf8');
    for (const marker of ['plaintext-only', 'pg-post-badge', 'pg-doctor-meaning', 'selectstart']) {
      expect(parts, marker).toContain(marker);
      expect(content, marker).not.toContain(marker);
    }
  });

  it('the popup loads none of the options page’s own code', () => {
    const popup = new Set(sizes!.popup.files.filter((f) => f.endsWith('.js')));
    const optionsOnly = sizes!.options.files.filter((f) => f.endsWith('.js') && !popup.has(f));
    expect(optionsOnly.length).toBeGreaterThan(0);
    // Every file the popup loads is small: no shared chunk carries the options page's libraries to it.
    expect(sizes!.popup.gz).toBeLessThan(sizes!.options.gz / 4);
  });

  it('no part carries package.json whole, only its version (lib/meta.ts; probe 22e)', () => {
    for (const part of Object.keys(BUDGETS) as Part[]) {
      for (const file of sizes![part].files.filter((f) => f.endsWith('.js'))) {
        expect(readFileSync(`${DIR}/${file}`, 'utf8'), `${part}: ${file}`).not.toContain('devDependencies');
      }
    }
  });
});
