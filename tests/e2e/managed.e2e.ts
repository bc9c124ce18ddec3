import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { packageCrx, type Packaged } from '../../scripts/package';
import { keptProfile, launchExtension, PANEL, TEACH, type Harness } from './harness';
import { useHarness } from './use-harness';

// The school's IT pushes Broughton's policy with its own INSET day, and locks the hours and one rule's action,
// through the browser's machine policy (as the Google Admin console or Edge's policies would).
const IT_CLOSURE = { label: 'IT-set INSET day', start: '2026-11-27', end: '2026-11-27' };

describe('a policy deployed by the school’s IT', () => {
  // Nobody in this browser answered the first-run question: a browser IT manages is staff's without asking.
  const h = useHarness({
    managed: { presetId: 'broughton', policyJson: JSON.stringify({ hours: { closures: [IT_CLOSURE] } }), locked: ['hours', 'rules.sensitive-content.action'] },
    role: null,
  });

  it('is in force with no choice made in the browser, with locked fields shown as locked', async () => {
    // A user edit made before IT locked the hours: it must not apply.
    await h.editPolicy({ hours: { staff: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'], start: '00:00', end: '23:59' }] } });
    const options = await h.openExtensionPage('options.html');
    // Chromium hands extensions their managed policy 2–6 s after it starts; the page follows when it arrives.
    await expect.poll(() => options.locator('pg=[data-policy-guard="options-current"]').textContent(), { timeout: 15_000 }).toContain('Broughton Primary School (set by your school');
    // Probe 19d D12: a browser whose policy IT set says so first, never "checks nothing until you do".
    expect(await options.locator('pg=[data-policy-guard="options-intro"]').textContent()).toBe("Your school's IT set the ClassDojo policy Policy Guard checks against in this browser. What IT locked is shown and cannot be changed here.");
    expect(await options.locator('pg=[data-policy-guard="policy-chooser"] input[type="radio"]').first().isDisabled()).toBe(true);
    // Staff's settings, and no "who uses this browser?" question or role switch.
    expect(await options.locator('pg=[data-policy-guard="rosters"]').count()).toBe(1);
    expect(await options.locator('pg=[data-policy-guard="role-chooser"]').count()).toBe(0);
    expect(await options.locator('pg=[data-policy-guard="role"]').count()).toBe(0);
    expect(await options.locator('pg=[data-policy-guard="policy-file"]').isDisabled()).toBe(true);
    expect(await options.locator('pg=[data-policy-guard="options-installed-no-settings"]').count()).toBe(0);

    const hours = options.locator('pg=[data-policy-guard="hours-editor"]');
    expect(await hours.locator('input[data-field="end"]').first().isDisabled()).toBe(true);
    expect(await hours.locator('pg=[data-policy-guard="locked"]').textContent()).toContain('Set by your school’s IT'.replace('’', "'"));
    expect(await hours.locator('[data-window] input[data-field="end"]').first().inputValue()).not.toBe('23:59');
    expect(await options.locator('pg=[data-policy-guard="closures-editor"] [data-closure] input[type="text"]').first().inputValue()).toBe('IT-set INSET day');

    expect(await options.locator('pg=[data-policy-guard="rule-actions"] select[data-rule="sensitive-content"]').isDisabled()).toBe(true);
    expect(await options.locator('pg=[data-policy-guard="rule-actions"] select[data-rule="photo-consent"]').isDisabled()).toBe(false);
    await h.screenshot(options, 'options-managed-locked');
    await options.close();

    // The content script checks with IT's policy.
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await expect.poll(() => page.locator(PANEL).textContent()).toContain('Broughton Primary School');
    await page.close();

    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('pg=[data-policy-guard="popup-policy"]').textContent()).toContain('set by your school');
    await popup.close();
  });

  it('keeps a locked setting even when the stored edits try to change it', async () => {
    // An edit of a locked rule's action, written straight into storage, is ignored by the resolved policy.
    await h.editPolicy({ rules: { 'sensitive-content': { action: 'off' }, 'photo-consent': { action: 'warn' } } });
    const options = await h.openExtensionPage('options.html');
    const actions = options.locator('pg=[data-policy-guard="rule-actions"]');
    await expect.poll(() => actions.locator('select[data-rule="photo-consent"]').inputValue()).toBe('warn');
    expect(await actions.locator('select[data-rule="sensitive-content"]').inputValue()).toBe('confirm');
    await options.close();
  });
});

describe('a managed policy that cannot be read', () => {
  const h = useHarness({ managed: { presetId: 'broughton', policyJson: '{"hours": ' } });

  it('is reported to the user, never silently replaced by their own choice', async () => {
    await h.choosePolicy('bentley-new-village');
    const options = await h.openExtensionPage('options.html');
    const alert = options.locator('pg=[data-policy-guard="problems-managed-json"]');
    await alert.waitFor({ timeout: 15_000 });
    expect(await alert.textContent()).toContain('Tell your IT team');
    expect(await alert.textContent()).toContain('policyJson');
    expect(await alert.textContent()).toContain('guard policy validate');
    // Probe 19e D10: it said "No policy chosen yet. (set by your school's IT)" under "Choose the ClassDojo policy
    // your school has adopted": now that IT's policy cannot be read, and that choosing here would not help.
    const current = await options.locator('pg=[data-policy-guard="options-current"]').textContent();
    expect(current).toContain("No policy in use: the one your school's IT set cannot be read.");
    expect(current).not.toMatch(/chosen yet|set by your school/);
    const intro = await options.locator('pg=[data-policy-guard="options-intro"]').textContent();
    expect(intro).toContain('cannot be read, so nothing is checked until IT fixes it');
    expect(intro).not.toMatch(/^Choose/);
    expect(await options.locator('pg=[data-policy-guard="copy-for-it"]').count()).toBe(1);
    await options.close();

    // The teacher's panel: IT's policy cannot be read, only IT can fix it; no "choose your school's policy".
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    const noPolicy = page.locator('pg=[data-policy-guard="no-policy"]');
    await expect.poll(() => noPolicy.textContent(), { timeout: 15_000 }).toContain("Your school's IT set the ClassDojo policy for this browser, but it cannot be read");
    expect(await page.locator(PANEL).textContent()).not.toMatch(/No school policy chosen|Choose your school/);
    expect(await noPolicy.getByRole('button').textContent()).toBe('Open settings');
    await page.close();

    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('pg=[data-policy-guard="popup-policy"]').textContent()).toContain('Only IT can fix it');
    expect(await popup.locator('main').textContent()).not.toContain('Choose your school');
    await popup.close();
  });
});

// Issue 19 / probe 19f M3: Chromium drops a name its schema does not list before the extension sees it (so
// "presetID" left the browser looking unmanaged, asking staff or parent). The schema now lists the usual
// mistypings, so the extension names them, and checks nothing until IT fixes them.
describe('a managed policy with a mistyped setting name', () => {
  const h = useHarness({ managed: { presetID: 'broughton', lockall: true }, role: null });

  it('names each with the setting meant, in the settings and the popup, asks nobody who uses the browser, and checks nothing', async () => {
    await h.choosePolicy('bentley-new-village');
    const options = await h.openExtensionPage('options.html');
    const alert = options.locator('pg=[data-policy-guard="problems-managed-json"]');
    await alert.waitFor({ timeout: 15_000 });
    const said = (await alert.textContent()) ?? '';
    expect(said).toContain('Tell your IT team');
    expect(said).toMatch(/presetID.*did you mean presetId\?/);
    expect(said).toMatch(/lockall.*did you mean lockAll\?/);
    expect(await options.locator('pg=[data-policy-guard="options-current"]').textContent()).toContain("No policy in use: the one your school's IT set cannot be read.");
    expect(await options.locator('pg=[data-policy-guard="role-chooser"]').count()).toBe(0);
    expect(await options.locator('pg=[data-policy-guard="copy-for-it"]').count()).toBe(1);
    await h.screenshot(options, 'options-managed-mistyped-name');
    await options.close();

    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('pg=[data-policy-guard="popup-policy"]').textContent(), { timeout: 15_000 }).toContain('Only IT can fix it');
    const named = (await popup.locator('pg=[data-policy-guard="popup-it-problems"]').textContent()) ?? '';
    expect(named).toMatch(/presetID.*did you mean presetId\?/);
    expect(await popup.locator('pg=[data-policy-guard="spot-toggle"]').count()).toBe(0);
    await popup.close();

    // The teacher's panel: IT's policy cannot be read, not the staff's own choice.
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await expect.poll(() => page.locator('pg=[data-policy-guard="no-policy"]').textContent(), { timeout: 15_000 }).toContain('cannot be read');
    expect(await page.locator(PANEL).getAttribute('data-policy')).not.toBe('bentley-new-village');
    await page.close();
  });
});

// Probe 19f L7 / issue 19: a lock that names no setting leaves that setting unlocked; only the settings page said so.
describe('a managed lock that names no setting', () => {
  const h = useHarness({ managed: { presetId: 'broughton', locked: ['hours', 'rules.fullname.action'] } });

  it('is named in the popup with the path meant, while IT’s policy stays in force', async () => {
    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('pg=[data-policy-guard="popup-policy"]').textContent(), { timeout: 15_000 }).toContain('Broughton Primary School');
    const named = popup.locator('pg=[data-policy-guard="popup-it-problems"]');
    await named.waitFor();
    const said = (await named.textContent()) ?? '';
    expect(said).toContain("Some settings your school's IT locked are not settings Policy Guard knows, so they are not locked.");
    expect(said).toContain('did you mean "rules.full-name.action"?');
    await h.screenshot(popup, 'popup-managed-lock-unknown');
    await popup.close();

    const options = await h.openExtensionPage('options.html');
    const locks = options.locator('pg=[data-policy-guard="problems-managed-locked"]');
    await locks.waitFor({ timeout: 15_000 });
    expect(await locks.textContent()).toContain('did you mean "rules.full-name.action"?');
    // The lock that names a setting holds.
    expect(await options.locator('pg=[data-policy-guard="hours-editor"] input[data-field="end"]').first().isDisabled()).toBe(true);
    await options.close();
  });
});

// Chromium answers storage.managed 2–6 s after it starts (about 5 s on this machine, with or without a
// policy), so after a restart the extension keeps the last managed policy it saw and uses it until the
// answer comes. This is a real restart: one profile, the browser closed and started again on it, with the
// machine policy changed in between as IT would. What the first page shows can only come from the kept
// copy: no policy was ever chosen in this browser, and the machine policy no longer names it.
describe('the last managed policy seen, after the browser restarts', () => {
  const profile = keptProfile();
  afterAll(() => rmSync(profile, { recursive: true, force: true }));

  const cache = (h: Harness) =>
    h.worker.evaluate(async () => {
      const chrome = (globalThis as unknown as { chrome: { storage: { local: { get(k: string): Promise<Record<string, unknown>> } } } }).chrome;
      return (await chrome.storage.local.get('managedCache')).managedCache as Record<string, unknown> | undefined;
    });
  /** Every distinct value `read` gives until it gives `last`, in order (polled every 50 ms). */
  const valuesUntil = async (read: () => Promise<string | null>, last: string | RegExp): Promise<string[]> => {
    const seen: string[] = [];
    await expect
      .poll(
        async () => {
          const value = (await read()) ?? '';
          if (seen.at(-1) !== value) seen.push(value);
          return value;
        },
        { timeout: 20_000, interval: 50 },
      )
      .toMatch(last);
    return seen;
  };
  const run = async (options: Parameters<typeof launchExtension>[0], test: (h: Harness) => Promise<void>) => {
    const h = await launchExtension({ ...options, profile });
    try {
      await test(h);
      h.assertNoForeignRequests();
      h.assertCleanConsole();
    } finally {
      await h.close();
    }
  };
  const IT_JSON = JSON.stringify({ hours: { closures: [IT_CLOSURE] } });

  it('is kept in extension storage, as IT pushed it, once the browser answers', async () => {
    await run({ managed: { presetId: 'broughton', policyJson: IT_JSON, locked: ['hours'] } }, async (h) => {
      await expect.poll(() => cache(h), { timeout: 15_000 }).toBeTruthy();
      const kept = (await cache(h))!;
      // The raw values (the policy JSON as text), not a resolved policy.
      expect(kept).toEqual({ presetId: 'broughton', policyJson: IT_JSON, locked: ['hours'], lockAll: null, seenAt: expect.any(String) });
      expect(Math.abs(Date.now() - Date.parse(kept.seenAt as string))).toBeLessThan(60_000);
    });
  });

  it('is in force in a ClassDojo tab from the start, until the browser answers with IT’s new policy', async () => {
    // IT moved the school to Malpas Court's policy while the browser was closed.
    await run({ managed: { presetId: 'malpas-court' } }, async (h) => {
      const page: Page = await h.openDojo(`${TEACH}#/classes/c1/story`);
      const seen = await valuesUntil(() => page.locator(PANEL).getAttribute('data-policy'), /^malpas-court$/);
      // Broughton can only come from the kept copy; never the "no policy" state in between.
      expect(seen.filter((v) => v !== '')).toEqual(['broughton', 'malpas-court']);
      expect(seen.indexOf('broughton')).toBeLessThanOrEqual(1);
      await expect.poll(() => cache(h).then((c) => c?.presetId)).toBe('malpas-court');
      expect((await cache(h))?.policyJson).toBeNull();
      await page.close();
    });
  });

  it('says it is IT’s policy as last seen while it stands in, and is dropped when IT removes the policy', async () => {
    await run({}, async (h) => {
      const options = await h.openExtensionPage('options.html');
      const current = options.locator('pg=[data-policy-guard="options-current"]');
      const seen = await valuesUntil(() => current.textContent(), /No policy chosen/);
      expect(seen.find((v) => v.trim())).toMatch(/^In use: Malpas Court Primary School \(set by your school's IT, as last seen on .+: checking for changes\)$/);
      await expect.poll(() => cache(h)).toBeUndefined();
      await options.close();
    });
  });
});

// Without a store listing: `npm run package` signs a CRX with the school's key and writes its update manifest;
// the school's server (here a local one) serves both; machine policy force-installs the extension from it,
// as Google Admin, Intune or a Linux policy file would (docs/deploying.md).
describe('force-installed from the school’s own server, with no store listing', () => {
  const dir = mkdtempSync(join(tmpdir(), 'policy-guard-crx-'));
  const served: string[] = [];
  let server: Server;
  let pkg: Packaged;
  beforeAll(async () => {
    server = createServer((req, res) => {
      served.push(req.url ?? '');
      const name = basename((req.url ?? '').split('?')[0]!);
      const file = name === 'updates.xml' ? pkg.updates : name === basename(pkg.crx) ? pkg.crx : undefined;
      if (!file) return void res.writeHead(404).end();
      res.writeHead(200, { 'content-type': name.endsWith('.xml') ? 'application/xml' : 'application/x-chrome-extension' }).end(readFileSync(file));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    // A key made for this test, in a temporary folder: never the school's key, never in the repository.
    pkg = packageCrx({ baseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/policy-guard`, keyPath: join(dir, 'key.pem'), newKey: true, outDir: join(dir, 'out') });
  });
  afterAll(() => {
    server?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('installs from the local update manifest under the id its key gives, polls that server for updates, and runs with IT’s policy', async () => {
    const h = await launchExtension({ forceInstall: { id: pkg.id, updateUrl: pkg.updateUrl }, managed: { presetId: 'bentley-new-village' } });
    try {
      // Chromium's own install, from the packaged file: the id it gave is the one the key gives.
      expect(h.extensionId).toBe(pkg.id);
      const manifestRequest = served.find((u) => u.startsWith('/policy-guard/updates.xml?'));
      expect(decodeURIComponent(manifestRequest ?? '')).toContain(`id=${pkg.id}&v=0.0.0.0&installsource=notfromwebstore&installedby=policy`);
      expect(served).toContain(`/policy-guard/${basename(pkg.crx)}`);
      // Installed by the administrator's policy (so staff cannot disable or remove it), and it will look for
      // new versions on the school's server.
      expect(await h.worker.evaluate('chrome.management.getSelf().then((s) => [s.installType, s.mayDisable])')).toEqual(['admin', false]);
      expect(await h.worker.evaluate('chrome.runtime.getManifest().update_url')).toBe(pkg.updateUrl);
      expect(await h.worker.evaluate('chrome.runtime.getManifest().version')).toBe(pkg.version);

      // IT's settings reach the force-installed extension by its id, and it checks ClassDojo with them.
      await h.setRoster('c1', [{ first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false }]);
      const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
      await expect.poll(() => page.locator(PANEL).getAttribute('data-policy'), { timeout: 20_000 }).toBe('bentley-new-village');
      await page.locator('[data-name="storyComposerTextarea"]').pressSequentially('Well done Amelia Hughes!', { delay: 5 });
      await expect.poll(() => page.locator(`${PANEL} [data-rule="full-name"]`).count()).toBe(1);
      await h.screenshot(page, 'force-installed-composer');
      await page.close();
      h.assertNoForeignRequests();
      h.assertCleanConsole();
    } finally {
      await h.close();
    }
  });

  // IT has force-installed it but not (yet) pushed any settings, and someone had answered "parent" before:
  // a browser IT installed the extension in is staff's, so nobody is asked and nobody can switch the checks
  // off by choosing "parent" (docs/deploying.md).
  it('never asks who uses a browser IT installed it in, even before IT’s settings arrive', async () => {
    const h = await launchExtension({ forceInstall: { id: pkg.id, updateUrl: pkg.updateUrl }, role: 'parent' });
    try {
      expect(await h.worker.evaluate('chrome.management.getSelf().then((s) => s.installType)')).toBe('admin');
      const options = await h.openExtensionPage('options.html');
      await options.locator('pg=[data-policy-guard="rosters"]').waitFor();
      for (const parentOrQuestion of ['role-chooser', 'role']) expect(await options.locator(`pg=[data-policy-guard="${parentOrQuestion}"]`).count(), parentOrQuestion).toBe(0);
      expect(await options.locator('pg=[data-policy-guard="options"][data-role="parent"]').count()).toBe(0);
      // No settings reached it: said, because a value of the wrong type IT pushed is dropped by the browser unseen.
      await expect.poll(() => options.locator('pg=[data-policy-guard="options-installed-no-settings"]').textContent(), { timeout: 15_000 }).toContain('none of its settings reached it');
      await h.screenshot(options, 'force-installed-no-role-question');
      await options.close();
      const popup = await h.openExtensionPage('popup.html');
      // The staff popup (its policy line is staff's), not the parent one nor the first-run one.
      await popup.locator('pg=[data-policy-guard="popup-policy"]').waitFor();
      expect(await popup.locator('pg=[data-policy-guard="popup"][data-role]').count()).toBe(0);
      await popup.close();
      // The content script reads the same from storage, kept there by the background as it starts.
      await expect.poll(() => h.worker.evaluate("chrome.storage.local.get('installedByPolicy').then((v) => v.installedByPolicy)")).toBe(true);
    } finally {
      await h.close();
    }
  });
});
