/**
 * `npm run package`: the extension as a signed CRX for a school's own server, with a stable id and the
 * update manifest Chrome and Edge poll (docs/deploying.md, "Without a store listing").
 *
 *   npm run package -- --base-url https://it.example.sch.uk/policy-guard [--key path/to/key.pem] [--new-key] [--out dir] [--no-build]
 *   npm run package -- --local-test [--base-url http://localhost:<port>/<folder>] …   (a package to try on this computer only)
 *
 * - The server address and the key are checked first, then the extension is built (`wxt build`; `--no-build`
 *   packs the build already in .output/chrome-mv3), then packed. A mistake is said in one line, exit 1, with
 *   nothing built. `--base-url` is required: without it the files would name no server the browsers can
 *   reach. Only `--local-test` packs without one, pointing the files at LOCAL_TEST_BASE on this computer.
 * - Every run that ends without a package (a refused option, address or key, a failed build or pack) removes
 *   the files an earlier run left in the output folder (the CRX, updates.xml, deploy.json; nothing else), and
 *   a run that packs clears them first: an old CRX and updates.xml are never left to be uploaded by mistake.
 * - The key signs the CRX, and the extension's id is derived from it (the SHA-256 of its public key, as
 *   Chromium derives it): the same key always gives the same id, so IT's force-install policy and managed
 *   settings keep naming the same extension across updates. It is read from `--key`, else
 *   POLICY_GUARD_CRX_KEY, else ~/.config/policy-guard/crx-key.pem. A key is made (RSA 2048, PKCS#8, mode
 *   0600) only when asked with `--new-key`, and never over an existing one: a missing key is an error, because
 *   a mistyped path or another computer's home folder would otherwise make a new key, so a new extension id,
 *   and every policy naming the old id would stop applying. It never goes in the repository (nor its
 *   `.output/`, which a clean build wipes): lose it and the next version is a different extension to Chrome;
 *   leak it and anyone can sign an update.
 * - Signing is Chromium's own packer (`--pack-extension`), the reference CRX3 implementation: the browser
 *   that installs the file made it. CHROME_PATH points at any Chromium, Chrome or Edge binary.
 * - The copy that is packed has `update_url` set to the update manifest, because Chrome polls the URL in
 *   the extension's manifest for updates (the force-install policy's URL is used for the first install).
 *
 * Writes to `--out` (default .output/crx): policy-guard-classdojo-<version>.crx, updates.xml, and
 * deploy.json ({ id, version, crx, updateUrl, forcelist }).
 */
import { spawnSync } from 'node:child_process';
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { chmodSync, cpSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, readlinkSync, realpathSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import nodePath, { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromiumPath } from '../tests/e2e/chromium';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const BUILT = join(ROOT, '.output/chrome-mv3');
export const DEFAULT_KEY = join(homedir(), '.config/policy-guard/crx-key.pem');
/** Where a `--local-test` package with no `--base-url` points: a web server on this computer (loopback only). */
export const LOCAL_TEST_BASE = 'http://localhost:8080/policy-guard';
/** The output folder when `--out` is not given. */
export const DEFAULT_OUT = join(ROOT, '.output/crx');

/** The id Chromium gives an extension signed with this key: the first 128 bits of SHA-256 of its public key (SPKI DER), as letters a–p. */
export function extensionIdFromKey(pem: string | Buffer): string {
  const der = createPublicKey(createPrivateKey(pem)).export({ type: 'spki', format: 'der' });
  const hex = createHash('sha256').update(der).digest('hex').slice(0, 32);
  return [...hex].map((c) => String.fromCharCode(97 + parseInt(c, 16))).join('');
}

/**
 * Whether `path` is `root` or inside it, on any OS: path.relative, so Windows' `\\`, drive letters and
 * letter case are handled as Windows handles them. `p` is the path module (node's own; path.win32 in tests).
 */
export function isInside(root: string, path: string, p: typeof nodePath.posix = nodePath): boolean {
  const rel = p.relative(p.resolve(root), p.resolve(path));
  return rel === '' || (!rel.startsWith('..') && !p.isAbsolute(rel));
}

/**
 * `path` with every symbolic link resolved, as far as it exists: a key about to be made has no file yet, so the
 * nearest folder that exists is resolved and the rest joined on; a link whose target is not there yet is followed
 * by hand (the key would be written through it). Checking only the path as typed let `~/keys → <repo>/keys`
 * put the key in the repository (probe 19 L7).
 */
export function realPath(path: string, hops = 0): string {
  const abs = resolve(path);
  try {
    return realpathSync(abs);
  } catch {
    // Not there (yet), or a link to nothing: below.
  }
  try {
    if (hops < 40 && lstatSync(abs).isSymbolicLink()) return realPath(resolve(dirname(abs), readlinkSync(abs)), hops + 1);
  } catch {
    // Nothing at all at this path: its folder decides.
  }
  const parent = dirname(abs);
  return parent === abs ? abs : join(realPath(parent, hops), basename(abs));
}

/** Whether `path` is inside `root` as typed or once symbolic links are resolved. */
const insideReally = (root: string, path: string) => isInside(root, path) || isInside(realPath(root), realPath(path));

/** Why a key cannot be used or made, for the person packaging: a message, exit 1. */
export class KeyError extends Error {}

/** Why the output folder cannot be used (it would be packaged into the extension): a message, exit 1. */
export class OutDirError extends Error {}

/**
 * Reads the signing key at `path`; with `create`, makes one (and its folder, 0700; the key 0600) when there is
 * none, and refuses to when there is one (it is never replaced). Without `create`, a missing key is a
 * KeyError saying how to point at the old key or ask for a new one. A file that is not a private key is a
 * KeyError too.
 */
export function ensureKey(path: string, create = false): { pem: string; created: boolean } {
  if (existsSync(path)) {
    if (create) throw new KeyError(`There is already a signing key at ${path}: --new-key never replaces one (a new key is a new extension id). Leave out --new-key to sign with it, or name another file.`);
    const pem = readFileSync(path, 'utf8');
    try {
      createPrivateKey(pem);
    } catch {
      throw new KeyError(`${path} is not a private key (a PEM file beginning “-----BEGIN PRIVATE KEY-----”): point --key at the key earlier versions were signed with.`);
    }
    return { pem, created: false };
  }
  if (!create) {
    throw new KeyError(
      `No signing key at ${path}. If Policy Guard was packaged before, point --key (or POLICY_GUARD_CRX_KEY) at the key that signed it: a different key makes a different extension, and the school's policies name the old one. If this is the first package, add --new-key to make a key there.`,
    );
  }
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048, privateKeyEncoding: { type: 'pkcs8', format: 'pem' }, publicKeyEncoding: { type: 'spki', format: 'pem' } });
  mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
  writeFileSync(path, privateKey, { mode: 0o600 });
  return { pem: privateKey, created: true };
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/'/g, '&apos;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The update manifest (Google's gupdate format, which Chrome and Edge both read) for one extension version. */
export function updateManifest(id: string, version: string, crxUrl: string): string {
  return `<?xml version='1.0' encoding='UTF-8'?>
<gupdate xmlns='http://www.google.com/update2/response' protocol='2.0'>
  <app appid='${xml(id)}'>
    <updatecheck codebase='${xml(crxUrl)}' version='${xml(version)}' />
  </app>
</gupdate>
`;
}

export interface PackageOptions {
  /** Where the files will be served from, without a trailing slash: updates.xml and the CRX go there. */
  baseUrl?: string;
  keyPath?: string;
  /** Make the key at the key path (never over an existing one); without it a missing key is an error. */
  newKey?: boolean;
  /**
   * A package to try on this computer only: `baseUrl` may then be left out (LOCAL_TEST_BASE is used) and
   * must be a loopback address if given. Without it a missing `baseUrl` is refused (BaseUrlError).
   */
  localTest?: boolean;
  outDir?: string;
  /** The built extension to pack (default .output/chrome-mv3: run `wxt build` first). */
  built?: string;
  chromium?: string;
}

export interface Packaged {
  id: string;
  version: string;
  crx: string;
  updates: string;
  updateUrl: string;
  keyPath: string;
  keyCreated: boolean;
  /** The ExtensionInstallForcelist entry: "<id>;<update URL>". */
  forcelist: string;
  /** Whether this is a `--local-test` package (its files point at a server on this computer). */
  localTest: boolean;
}

/** Why the server address cannot be used, for the person packaging: a message, exit 1, before anything is built or written. */
export class BaseUrlError extends Error {}

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The `--base-url` as the files will name it (no trailing slash), or a BaseUrlError saying what to write.
 * It must be a whole https:// address with no query or fragment (Chrome fetches updates.xml and the CRX from
 * it; "it.example.sch.uk/pg" without a scheme is what Chromium refuses late with "Invalid value for update
 * url"). http:// is accepted with a `warning` (the docs ask for HTTPS: an update fetched over plain HTTP can be
 * swapped on the way), and without one for a test server on this computer (localhost, 127.x, [::1]).
 */
export function checkBaseUrl(raw: string): { base: string; warning?: string } {
  const given = raw.trim();
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    throw new BaseUrlError(`--base-url “${given}” is not a web address: write it whole, with https://, as in --base-url https://it.example.sch.uk/policy-guard`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new BaseUrlError(`--base-url “${given}” is a ${url.protocol.replace(/:$/, '')}: address; Chrome and Edge fetch extension updates only from a web server: use an https:// address, as in --base-url https://it.example.sch.uk/policy-guard`);
  }
  if (!url.hostname) throw new BaseUrlError(`--base-url “${given}” names no server: write it as https://<your server>/<folder>`);
  if (url.search || url.hash || url.username || url.password) {
    throw new BaseUrlError(`--base-url “${given}” has a query, a fragment or a password in it: give the folder the files are served from, as in https://it.example.sch.uk/policy-guard`);
  }
  const base = `${url.origin}${url.pathname}`.replace(/\/+$/, '');
  if (url.protocol === 'http:' && !LOOPBACK.test(url.hostname)) {
    return { base, warning: `--base-url ${base} is http://, not https://: browsers will fetch updates over plain HTTP, which anyone on the network can replace. Serve the files over HTTPS if you can.` };
  }
  return { base };
}

/**
 * Removes the files a package run writes from its output folder (the CRX, updates.xml, deploy.json and the
 * packing stage), leaving anything else there. Run before packing, and by every run that ends without a
 * package, so no earlier run's CRX and updates.xml are left beside a failed or refused one. A folder that
 * is not there is nothing to clear; an error while clearing is ignored (the run's own error is what is said).
 */
export function clearOutputs(out: string): void {
  try {
    if (!existsSync(out)) return;
    for (const name of readdirSync(out)) {
      if (name === 'updates.xml' || name === 'deploy.json' || name === 'policy-guard' || name === 'policy-guard.crx' || /^policy-guard-classdojo-.*\.crx$/.test(name)) rmSync(join(out, name), { recursive: true, force: true });
    }
  } catch {
    // a folder we cannot list or a file we cannot remove: the refusal itself still stands
  }
}

/** The server address to use: `--base-url` checked, or LOCAL_TEST_BASE for `--local-test`; a missing one is refused. */
function baseFor(options: PackageOptions): { base: string; warning?: string } {
  if (options.baseUrl === undefined) {
    if (options.localTest) return { base: LOCAL_TEST_BASE };
    throw new BaseUrlError('--base-url is required: the https:// address of the folder the school’s server serves the files from, as in --base-url https://it.example.sch.uk/policy-guard (to try a package on this computer only, add --local-test).');
  }
  const checked = checkBaseUrl(options.baseUrl);
  if (options.localTest && !LOOPBACK.test(new URL(checked.base).hostname)) {
    throw new BaseUrlError(`--local-test is for a server on this computer (localhost, 127.0.0.1), not ${checked.base}: leave out --local-test to package for that server.`);
  }
  return checked;
}

/**
 * Everything that can be checked before a build: the server address and the signing key (where it is, that it
 * is there unless `newKey`, that `newKey` would not replace one). Throws BaseUrlError or KeyError; writes nothing.
 */
export function preflight(options: PackageOptions = {}): { keyPath: string; base: string; warning?: string; existing?: { pem: string; created: boolean } } {
  const checked = baseFor(options);
  const keyPath = resolve(options.keyPath ?? (process.env.POLICY_GUARD_CRX_KEY || DEFAULT_KEY));
  if (insideReally(ROOT, keyPath)) {
    // A key inside the working tree is one `git add -A` away from the repository; one in `.output/` is wiped by
    // the next clean build.
    throw new KeyError(`The signing key must live outside the repository and its .output folder (got ${keyPath}): use ~/.config/policy-guard/ or POLICY_GUARD_CRX_KEY.`);
  }
  // The CRX and updates.xml written where the build copies from (public/) or into the extension being packed would
  // ship inside the next package: refused, as the key is, links resolved.
  const out = resolve(options.outDir ?? DEFAULT_OUT);
  for (const packed of [join(ROOT, 'public'), options.built ?? BUILT]) {
    if (insideReally(packed, out)) throw new OutDirError(`--out must not be inside ${packed} (got ${out}): what is there is packaged into the extension itself. Use a folder outside it, such as the default .output/crx.`);
  }
  // The key is checked before the build, so a wrong key path is the first thing said; a new one is made only
  // once the rest is known to be there.
  if (options.newKey && existsSync(keyPath)) ensureKey(keyPath, true); // throws: never over an existing key
  const existing = options.newKey ? undefined : ensureKey(keyPath, false);
  return { keyPath, ...checked, ...(existing ? { existing } : {}) };
}

export function packageCrx(options: PackageOptions = {}): Packaged {
  const built = options.built ?? BUILT;
  const { keyPath, base, existing } = preflight(options);
  if (!existsSync(join(built, 'manifest.json'))) throw new Error(`No built extension in ${built}: run \`npm run build\` first.`);
  const key = existing ?? ensureKey(keyPath, true);
  const id = extensionIdFromKey(key.pem);
  const out = resolve(options.outDir ?? DEFAULT_OUT);
  mkdirSync(out, { recursive: true });
  // An earlier run's CRX and updates.xml are never left beside a run that fails: IT could upload them.
  clearOutputs(out);
  try {
    return pack({ built, out, keyPath, key, id, base, chromium: options.chromium, localTest: !!options.localTest });
  } catch (error) {
    clearOutputs(out);
    throw error;
  }
}

function pack(o: { built: string; out: string; keyPath: string; key: { created: boolean }; id: string; base: string; chromium?: string; localTest: boolean }): Packaged {
  const { built, out, keyPath, key, id, base } = o;

  // A copy with update_url, so the installed extension polls the school's server for new versions.
  const stage = join(out, 'policy-guard');
  rmSync(stage, { recursive: true, force: true });
  cpSync(built, stage, { recursive: true });
  const manifest = JSON.parse(readFileSync(join(stage, 'manifest.json'), 'utf8')) as Record<string, unknown>;
  const version = String(manifest.version);
  const updateUrl = `${base}/updates.xml`;
  manifest.update_url = updateUrl;
  writeFileSync(join(stage, 'manifest.json'), JSON.stringify(manifest));

  const packed = `${stage}.crx`;
  rmSync(packed, { force: true });
  const run = spawnSync(o.chromium ?? chromiumPath(), [`--pack-extension=${stage}`, `--pack-extension-key=${keyPath}`, '--no-message-box', '--headless', '--no-sandbox'], { encoding: 'utf8', timeout: 60_000 });
  if (!existsSync(packed)) throw new Error(`Chromium did not pack the extension (exit ${run.status}): ${(run.stderr || run.stdout || '').trim().split('\n').slice(-3).join(' ')}`);
  const crxName = `policy-guard-classdojo-${version}.crx`;
  const crx = join(out, crxName);
  renameSync(packed, crx);
  chmodSync(crx, 0o644); // Chromium writes it private; a web server must be able to read it
  rmSync(stage, { recursive: true, force: true });

  const updates = join(out, 'updates.xml');
  writeFileSync(updates, updateManifest(id, version, `${base}/${crxName}`));
  const forcelist = `${id};${updateUrl}`;
  writeFileSync(join(out, 'deploy.json'), `${JSON.stringify({ id, version, crx: crxName, updateUrl, forcelist }, null, 2)}\n`);
  return { id, version, crx, updates, updateUrl, keyPath, keyCreated: key.created, forcelist, localTest: o.localTest };
}

/** The output folder a command line names (`--out dir` or `--out=dir`), read even from options that are refused. */
export function outDirOf(argv: readonly string[]): string {
  let out: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--out' && argv[i + 1] !== undefined) out = argv[i + 1];
    else if (a.startsWith('--out=')) out = a.slice(6);
  });
  return resolve(out ?? DEFAULT_OUT);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  const argv = process.argv.slice(2);
  try {
    const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { 'base-url': { type: 'string' }, key: { type: 'string' }, 'new-key': { type: 'boolean' }, out: { type: 'string' }, 'no-build': { type: 'boolean' }, 'local-test': { type: 'boolean' } } });
    // `npm run package --key k.pem` (no `--`): npm takes the options as its own settings and passes only the
    // values on, so the key named would be silently ignored. Refused, saying how to write it.
    const npmTook = ['base_url', 'new_key', 'out', 'no_build', 'local_test'].filter((o) => process.env[`npm_config_${o}`] !== undefined);
    if (positionals.length > 0 || npmTook.length > 0) {
      throw new KeyError(`npm kept the options for itself${positionals.length ? ` (${positionals.join(' ')} arrived without its option name)` : ''}: put \`--\` before them, as in \`npm run package -- --key /path/to/crx-key.pem --base-url https://…\`.`);
    }
    const options: PackageOptions = { baseUrl: values['base-url'], keyPath: values.key, newKey: values['new-key'], outDir: values.out, localTest: values['local-test'] };
    // The address and the key are checked before the build (a minute's work), so a mistake is the first line said.
    const { warning } = preflight(options);
    if (warning) console.warn(`package: ${warning}`);
    if (!values['no-build']) {
      const build = spawnSync(join(ROOT, 'node_modules/.bin/wxt'), ['build'], { cwd: ROOT, stdio: 'inherit' });
      if (build.status !== 0) throw new Error(`the build failed (wxt build, exit ${build.status ?? build.signal}): nothing was packaged.`);
    }
    const p = packageCrx(options);
    console.log(`Policy Guard ${p.version}, extension id ${p.id}`);
    console.log(`  ${p.crx}\n  ${p.updates}`);
    console.log(`Force-install entry (ExtensionInstallForcelist): ${p.forcelist}`);
    if (p.keyCreated) console.log(`A new signing key was made at ${p.keyPath}. Back it up somewhere safe and private: every later version must be signed with it.`);
    if (p.localTest) console.log(`A package to try on this computer only (--local-test): its files point at ${p.updateUrl.replace(/\/updates\.xml$/, '')}. Do not deploy it: package again with --base-url and your server's address.`);
  } catch (error) {
    // A refused or failed run leaves no earlier run's CRX and updates.xml behind to be uploaded by mistake.
    clearOutputs(outDirOf(argv));
    const message = (error as Error).message;
    // parseArgs's own words for an unknown option are about positional arguments: said instead with the options.
    const unknown = (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'([^']+)'/.exec(message)?.[1] : undefined;
    console.error(`package: ${unknown ? `${unknown} is not an option of npm run package: the options are --base-url, --key, --new-key, --out, --no-build and --local-test (docs/deploying.md).` : message.split('\n')[0]}`);
    process.exit(1);
  }
}
