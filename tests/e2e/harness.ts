/**
 * Loads the built extension (.output/chrome-mv3) in Debian's Chromium with playwright-core, serves the
 * fixture apps at ClassDojo's real origins, aborts every other request, and records it: a test that
 * made one fails in `assertNoForeignRequests()`. Used by every e2e test and by `npm run demo`.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page, type Request, type Worker } from 'playwright-core';
import { chromiumPath, FAKETIME_PATHS, NO_FAKETIME_MESSAGE } from './chromium';
import { EDITORS } from '../fixtures/editors/names';
import { fixtureResponse } from './fixture-server';
import { registerUiEngine, unseal } from './unseal';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const EXTENSION_DIR = join(ROOT, '.output/chrome-mv3');
export const SCREENSHOT_DIR = join(ROOT, 'test-results/screenshots');
/** The editor libraries the teacher fixture's `?editor=` variants load, bundled by tests/fixtures/editors/build.ts. */
export const EDITORS_DIST = join(ROOT, 'tests/fixtures/editors/dist');


export const TEACH = 'https://teach.classdojo.com/';
export const HOME = 'https://home.classdojo.com/';

// Without this Playwright neither routes nor reports requests made by service workers, and the
// extension's background worker is one: the privacy check would be blind to it.
process.env.PW_EXPERIMENTAL_SERVICE_WORKER_NETWORK_EVENTS = '1';

export interface LaunchOptions {
  headless?: boolean;
  /** Browser UI language, e.g. 'cy' for Welsh. */
  locale?: string;
  /** Colour scheme the pages see. */
  colorScheme?: 'light' | 'dark';
  /** Start the whole browser at this UTC time ("2026-11-22 21:40:00"), with libfaketime. */
  fakeTime?: string;
  /**
   * A managed policy for the extension, as a school's IT would push it (keys of public/managed_schema.json).
   * Written where Debian's Chromium reads machine policies, for this launch only; needs root, as CI has.
   */
  managed?: Record<string, unknown>;
  /**
   * A browser profile to start with, as after a restart of the browser: made by `keptProfile()`, kept when the
   * browser closes (the caller removes it). Only a fresh profile is an install, with its options tab.
   */
  profile?: string;
  /**
   * Who uses the browser, as answered at first run (lib/ext/role.ts), written as the browser starts:
   * 'staff' unless said; `null` leaves the first-run question unanswered.
   */
  role?: 'staff' | 'parent' | null;
  /**
   * Install the extension as a school's IT would without a store listing: not loaded unpacked, but
   * force-installed by machine policy (ExtensionInstallForcelist) from a CRX and update manifest on a local
   * server (`npm run package`). `managed` values then go to this id. Two things differ from every other
   * launch, for reasons Chromium gives: `--disable-background-networking` is left off (it stops the
   * extension updater, so a force-install never starts), and DeveloperToolsAvailability is 1 (Chromium's
   * default refuses DevTools, so Playwright, any access to a force-installed extension's pages and worker).
   */
  forceInstall?: { id: string; updateUrl: string };
  /**
   * Test access to Policy Guard's closed UI roots (tests/e2e/unseal.ts), on by default. Off for a test of
   * what the page itself can see.
   */
  unseal?: boolean;
}

/** An empty profile directory for `launchExtension({ profile })`, to close the browser and start it again on. */
export function keptProfile(): string {
  return mkdtempSync(join(tmpdir(), 'policy-guard-profile-'));
}

const POLICY_DIR = '/etc/chromium/policies/managed';
// One file per extension id (the id comes from the build's path), so two checkouts testing at once on one
// machine never remove each other's policy.
const POLICY_FILE = join(POLICY_DIR, `policy-guard-e2e-${unpackedExtensionId(EXTENSION_DIR)}.json`);

/** The id Chromium gives an unpacked extension: from the SHA-256 of its path, in the letters a–p. */
export function unpackedExtensionId(path: string): string {
  const hex = createHash('sha256').update(path).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

// A force-install policy applies to every Chromium on the machine: its own file, removed when the browser
// closes, and any left by a crashed run removed before the next launch (e2e runs hold /tmp/e2e.lock).
const FORCE_PREFIX = 'policy-guard-e2e-force-';

function writeManagedPolicy(values: Record<string, unknown> | undefined, force?: LaunchOptions['forceInstall']): string | undefined {
  // A file left by a crashed run would put every later launch under IT's policy: always start clean.
  try {
    rmSync(POLICY_FILE, { force: true });
    if (existsSync(POLICY_DIR)) for (const f of readdirSync(POLICY_DIR)) if (f.startsWith(FORCE_PREFIX)) rmSync(join(POLICY_DIR, f), { force: true });
  } catch {
    // not root: no file of ours can be there either
  }
  if (!values && !force) return undefined;
  const file = force ? join(POLICY_DIR, `${FORCE_PREFIX}${force.id}.json`) : POLICY_FILE;
  const id = force?.id ?? unpackedExtensionId(EXTENSION_DIR);
  try {
    mkdirSync(POLICY_DIR, { recursive: true });
    writeFileSync(
      file,
      JSON.stringify({
        ...(force ? { ExtensionInstallForcelist: [`${force.id};${force.updateUrl}`], DeveloperToolsAvailability: 1 } : {}),
        ...(values ? { '3rdparty': { extensions: { [id]: values } } } : {}),
      }),
    );
    return file;
  } catch (error) {
    throw new Error(`A managed policy is set by writing ${file}, which needs root (CI runs as root): ${(error as Error).message}`);
  }
}

/** A Chromium that starts at a fixed time: libfaketime around the real binary (Debian's faketime package). */
function chromiumAt(time: string): string {
  const faketime = FAKETIME_PATHS.find((p) => existsSync(p));
  if (!faketime) throw new Error(NO_FAKETIME_MESSAGE);
  const dir = mkdtempSync(join(tmpdir(), 'policy-guard-clock-'));
  const wrapper = join(dir, 'chromium');
  // faketime names its semaphore and shared memory by its own pid and creates them exclusively; a run that was
  // killed (as Playwright kills the browser) leaves them behind, and a later faketime given the same pid
  // then fails with "sem_open: File exists". `exec` keeps this shell's pid, so removing that pid's leftovers
  // first is exact.
  const stale = '/dev/shm/sem.faketime_sem_$$ /dev/shm/faketime_shm_$$';
  writeFileSync(wrapper, `#!/bin/sh\nrm -f ${stale}\nexec ${faketime} -f "@${time}" ${chromiumPath()} "$@"\n`, { mode: 0o755 });
  return wrapper;
}

export interface Harness {
  context: BrowserContext;
  extensionId: string;
  worker: Worker;
  /** The options tab the extension opens on install (every launch is a fresh profile, so a fresh install). */
  firstRunOptions: Page;
  /** Requests to anywhere but ClassDojo and the extension itself, each described with who made it. */
  foreignRequests: string[];
  /** Uncaught errors and console errors, per page URL. */
  pageErrors: string[];
  openDojo(url: string): Promise<Page>;
  /** Chooses a preset as the options page would (writes the same storage item). */
  choosePolicy(presetId: string): Promise<void>;
  /** Saves a class roster, as the teacher would from the options page or the points page. */
  setRoster(classId: string, pupils: unknown): Promise<void>;
  /** Writes the user's edits over the preset. */
  editPolicy(edits: object): Promise<void>;
  /** Answers the first-run question (who uses this browser) as the options page would. */
  setRole(role: 'staff' | 'parent' | null): Promise<void>;
  /** Switches the spot-check on or off, as the popup or the keyboard shortcut would. */
  setSpotCheck(on: boolean): Promise<void>;
  /** The events the extension recorded in its IndexedDB (for the leaders' view). */
  events(): Promise<Record<string, unknown>[]>;
  /** Everything in one of the extension's IndexedDB tables ('events', 'spotChecks'). */
  stored(table: string): Promise<Record<string, unknown>[]>;
  /** Adds rows to one of the extension's IndexedDB tables, as earlier sessions would have. */
  seed(table: string, rows: object[]): Promise<void>;
  openExtensionPage(path: 'popup.html' | 'options.html'): Promise<Page>;
  screenshot(page: Page, name: string): Promise<string>;
  assertNoForeignRequests(): void;
  assertCleanConsole(): void;
  close(): Promise<void>;
}

function isAllowed(url: string): boolean {
  if (url.startsWith('data:') || url.startsWith('blob:') || url === 'about:blank') return true;
  // Only our extension is loaded (--disable-extensions-except), and its web-accessible resources are
  // served under a random per-session id (use_dynamic_url), so any chrome-extension:// URL is ours.
  if (url.startsWith('chrome-extension://')) return true;
  return fixtureResponse(url) !== null;
}

function describe(request: Request): string {
  const by = request.serviceWorker()
    ? `service worker ${request.serviceWorker()!.url()}`
    : (() => {
        try {
          return `frame ${request.frame().url()}`;
        } catch {
          return 'unknown context';
        }
      })();
  return `${request.method()} ${request.url()} (from ${by})`;
}

export async function launchExtension(options: LaunchOptions = {}): Promise<Harness> {
  if (!existsSync(join(EXTENSION_DIR, 'manifest.json'))) {
    throw new Error(`No built extension in ${EXTENSION_DIR}: run \`npm run build\` first.`);
  }
  const missing = EDITORS.filter((name) => !existsSync(join(EDITORS_DIST, `${name}.js`)));
  if (missing.length > 0) {
    throw new Error(
      `The editor fixtures are not built (no ${missing.map((m) => `${m}.js`).join(', ')} in ${EDITORS_DIST}): ` +
        'run `npx tsx tests/fixtures/editors/build.ts` (`npm test` and `npm run test:e2e` do it for you).',
    );
  }
  const policyFile = writeManagedPolicy(options.managed, options.forceInstall);
  const force = options.forceInstall;
  const profile = options.profile ?? mkdtempSync(join(tmpdir(), 'policy-guard-profile-'));
  const install = readdirSync(profile).length === 0;
  await registerUiEngine();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: options.fakeTime ? chromiumAt(options.fakeTime) : chromiumPath(),
    // libfaketime reads local time; the browser's zone is pinned so "21:40" means 21:40 UTC.
    env: { ...process.env, TZ: 'UTC' },
    timezoneId: 'Europe/London',
    headless: options.headless ?? true,
    locale: options.locale ?? 'en-GB',
    colorScheme: options.colorScheme ?? 'light',
    viewport: { width: 1280, height: 860 },
    // Playwright's own defaults disable extensions and background networking: a force-install needs both.
    ...(force ? { ignoreDefaultArgs: ['--disable-extensions', '--disable-background-networking'] } : {}),
    args: [
      ...(force ? [] : [`--disable-extensions-except=${EXTENSION_DIR}`, `--load-extension=${EXTENSION_DIR}`]),
      ...(options.locale ? [`--lang=${options.locale}`] : []),
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      ...(force ? [] : ['--disable-background-networking']),
      '--disable-component-update',
      '--disable-sync',
      // Belt and braces: even a request that slipped past routing could not resolve a host (the school's
      // update server, for a force-install, is on this machine).
      force ? '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1' : '--host-resolver-rules=MAP * ~NOTFOUND',
    ],
  });

  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  let extensionId: string | undefined;

  await context.route('**/*', async (route) => {
    const request = route.request();
    const url = request.url();
    const fixture = fixtureResponse(url);
    if (fixture) return route.fulfill({ status: fixture.status, contentType: fixture.contentType, body: fixture.body });
    if (url.startsWith('chrome-extension://') && isAllowed(url)) return route.continue();
    foreignRequests.push(describe(request));
    return route.abort('blockedbyclient');
  });
  // Requests that routing did not see (it is experimental for workers) are still recorded here.
  context.on('request', (request) => {
    if (!isAllowed(request.url()) && !foreignRequests.some((r) => r.includes(request.url()))) {
      foreignRequests.push(describe(request));
    }
  });

  const ours = (url: string) => url.startsWith(force ? `chrome-extension://${force.id}/` : 'chrome-extension://');
  const worker =
    context.serviceWorkers().find((w) => ours(w.url())) ??
    (await context.waitForEvent('serviceworker', { predicate: (w) => ours(w.url()), timeout: force ? 60_000 : 30_000 }));
  extensionId = new URL(worker.url()).host;
  const setRole = async (role: 'staff' | 'parent' | null) => {
    await worker.evaluate(`chrome.storage.local.${role === null ? "remove('userRole')" : `set({ userRole: ${JSON.stringify(role)} })`}`);
  };
  // Most tests are about staff: answer the first-run question before any page opens (first-run tests pass null).
  const role = options.role === undefined ? 'staff' : options.role;
  if (role !== null) await setRole(role);

  // On install the background opens the options page. Wait for it here: otherwise it can take over the
  // blank tab a test has just opened, and that test's navigation is interrupted.
  const firstRunOptions = !install ? undefined : await (async () => {
    for (let waited = 0; waited < 15_000; waited += 50) {
      const page = context.pages().find((p) => p.url().startsWith(`chrome-extension://${extensionId}/options.html`));
      if (page) {
        await page.waitForLoadState();
        return page;
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error('The extension did not open its options page on install.');
  })();

  const watch = (page: Page) => {
    if (options.unseal !== false) void unseal(page);
    page.on('pageerror', (error) => pageErrors.push(`${page.url()}: uncaught ${error.message}`));
    page.on('console', (msg) => {
      if (msg.type() === 'error') pageErrors.push(`${page.url()}: console.error ${msg.text()}`);
    });
  };
  context.pages().forEach(watch);
  context.on('page', watch);

  // Everything in one of the extension's IndexedDB tables, read in the background worker's origin.
  const stored = async (table: string): Promise<Record<string, unknown>[]> => {
    return worker.evaluate(
      (name) =>
        new Promise<Record<string, unknown>[]>((resolve, reject) => {
          // Reading never creates the database: where it is not there (deleted, or not made yet), opening it
          // would make an empty version 1, and the extension's own open would then wait on it.
          const open = indexedDB.open('policy-guard');
          open.onupgradeneeded = () => open.transaction?.abort();
          open.onerror = () => (open.error?.name === 'AbortError' ? resolve([]) : reject(open.error));
          open.onsuccess = () => {
            const db = open.result;
            if (!db.objectStoreNames.contains(name)) {
              db.close();
              return resolve([]);
            }
            const all = db.transaction(name).objectStore(name).getAll();
            all.onsuccess = () => {
              db.close();
              resolve(all.result as Record<string, unknown>[]);
            };
            all.onerror = () => reject(all.error);
          };
        }),
      table,
    );
  };

  /**
   * Writes rows to one of the extension's IndexedDB tables, in the worker's origin. Waits until the
   * extension has created its database at the current version, so a test never makes an empty one first.
   */
  const seed = async (table: string, rows: object[], mode: 'add' | 'put' = 'add'): Promise<void> => {
    // Sent as source text: under tsx (the demo, the bench) a function's inner helpers would be wrapped in
    // esbuild's __name(), which does not exist in the worker.
    await worker.evaluate(`new Promise((resolve, reject) => {
      const [name, list, how] = ${JSON.stringify([table, rows, mode])};
      let tries = 0;
      (function attempt() {
        indexedDB.databases().then((dbs) => {
          const found = dbs.find((d) => d.name === 'policy-guard');
          if (!found || !found.version || found.version < 30) {
            if (++tries > 200) return reject(new Error('the extension never created its database'));
            return setTimeout(attempt, 25);
          }
          const open = indexedDB.open('policy-guard');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const db = open.result;
            const tx = db.transaction(name, 'readwrite');
            for (const row of list) tx.objectStore(name)[how](row);
            tx.oncomplete = () => { db.close(); resolve(); };
            tx.onerror = () => reject(tx.error);
          };
        }, reject);
      })();
    })`);
  };

  return {
    context,
    extensionId,
    worker,
    get firstRunOptions() {
      if (!firstRunOptions) throw new Error('this launch restarted a kept profile: it is not an install, and opened no options tab');
      return firstRunOptions;
    },
    foreignRequests,
    pageErrors,
    async openDojo(url) {
      const page = await context.newPage();
      try {
        await page.goto(url);
      } catch (error) {
        // On a restarted profile Chromium may still open the extension's install page into the new tab:
        // go again, once.
        if (!/interrupted by another navigation/.test(String(error))) throw error;
        await page.goto(url);
      }
      // The fixture app sets this once its first render is done.
      await page.waitForFunction(() => (window as unknown as { __dojo?: { ready: boolean } }).__dojo?.ready === true);
      return page;
    },
    async choosePolicy(presetId) {
      await worker.evaluate(
        // Runs in the extension's service worker, where `chrome` is the extension API.
        (value) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ policyChoice: value }),
        { kind: 'preset', presetId, chosenAt: new Date().toISOString() },
      );
    },
    async setRoster(classId, pupils) {
      await seed('rosters', [{ classId, pupils, source: 'edit', updatedAt: new Date().toISOString() }], 'put');
      // Open tabs fetch their roster again when this changes, as after a save in the options page.
      await worker.evaluate(
        (at) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ rostersChangedAt: at }),
        new Date().toISOString(),
      );
    },
    setRole,
    async setSpotCheck(on) {
      await worker.evaluate(
        (value) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ spotCheckOn: value }),
        on,
      );
    },
    async editPolicy(edits) {
      await worker.evaluate(
        (value) => (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ policyEdits: value }),
        edits,
      );
    },
    async events() {
      return stored('events');
    },
    stored,
    seed: (table, rows) => seed(table, rows),
    async openExtensionPage(path) {
      const page = await context.newPage();
      await page.goto(`chrome-extension://${extensionId}/${path}`);
      return page;
    },
    async screenshot(page, name) {
      mkdirSync(SCREENSHOT_DIR, { recursive: true });
      const path = join(SCREENSHOT_DIR, `${name}.png`);
      await page.screenshot({ path });
      return path;
    },
    assertNoForeignRequests() {
      if (foreignRequests.length > 0) {
        throw new Error(`Requests left for hosts other than ClassDojo:\n  ${foreignRequests.join('\n  ')}`);
      }
    },
    assertCleanConsole() {
      if (pageErrors.length > 0) throw new Error(`Errors in page consoles:\n  ${pageErrors.join('\n  ')}`);
    },
    async close() {
      await context.close();
      if (policyFile) rmSync(policyFile, { force: true });
      if (!options.profile) rmSync(profile, { recursive: true, force: true });
    },
  };
}

/** The panel's root, in the content script's shadow root (Playwright locators pierce open shadow roots). */
export const PANEL = 'pg=[data-policy-guard="panel"]';
