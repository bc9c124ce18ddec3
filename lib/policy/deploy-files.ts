/**
 * Reading the school's IT's deployment files (docs/deploy/) for the managed settings they carry, so
 * `guard policy validate` checks them as a staff browser will apply them (lib/policy/managed-values.ts).
 * Pure: text in, settings out.
 *
 * The forms, told apart by their content (not their file name):
 * - the four values alone (`{"presetId": …, "policyJson": …, "locked": […], "lockAll": …}`, managed-policy.json);
 * - the Google Admin console's form, each value wrapped as `{"Value": …}` (google-admin-console.json);
 * - a Chromium/Chrome policy file, the values under `3rdparty.extensions.<id>` (chromium-linux-policy.json);
 * - a Windows registry file, the values under `…\3rdparty\extensions\<id>\policy` (edge-windows.reg);
 * - a macOS configuration profile or plist, the values in each `….extensions.<id>` payload (the .mobileconfig).
 * Anything else that is a JSON object is a policy file (docs/policy-format.md).
 */
import { closestManagedKey, MANAGED_KEYS, MISTYPED_MANAGED_KEYS, unknownManagedKeyMessage } from './managed-values';

export { closestManagedKey };
import type { PolicyProblem } from './parse';
import type { ProblemMessage } from './problem';

/** One extension's managed values as a deployment file sets them, and where in the file they are. */
export interface ManagedSource {
  /** Where the values are, for the person reading the problems: `3rdparty.extensions.<id>`, a payload's type… */
  where: string;
  values: Record<string, unknown>;
}

export type DeployFile =
  | { kind: 'policy'; data: unknown }
  | { kind: 'managed'; form: string; sources: ManagedSource[] }
  | { kind: 'unreadable'; problems: PolicyProblem[] };

const isObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const MANAGED = new Set<string>(MANAGED_KEYS);

/**
 * The settings a deployment file carries, or `policy` for a policy file, or why it cannot be read. `text` is
 * the file's whole text (a byte-order mark is ignored).
 */
export function readDeployFile(raw: string): DeployFile {
  const text = raw.replace(/^\uFEFF/, '');
  const head = text.trimStart();
  if (/^Windows Registry Editor|^REGEDIT4/i.test(head)) return fromRegistry(text);
  if (head.startsWith('<')) return fromPlist(text);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { kind: 'unreadable', problems: [{ path: '(file)', id: 'notJson', data: { error: (error as Error).message } }] };
  }
  if (!isObject(data)) return { kind: 'unreadable', problems: [{ path: '(file)', id: 'deployNotObject' }] };
  const third = data['3rdparty'];
  if (isObject(third) && isObject(third.extensions)) {
    const sources = Object.entries(third.extensions).map(([id, values]) => ({ where: `3rdparty.extensions.${id}`, values: isObject(values) ? values : { '(settings)': values } }));
    if (sources.length === 0) return { kind: 'unreadable', problems: [{ path: '3rdparty.extensions', id: 'noExtension' }] };
    return { kind: 'managed', form: 'a Chrome/Chromium policy file', sources };
  }
  const keys = Object.keys(data);
  // A policy has none of policyJson, locked or lockAll; presetId alone beside a policy's fields is a policy
  // file with a stray field (its problems say so).
  // Keys that are all managed settings, or near one ("presetID", "lockall"), are managed settings mistyped: read
  // as such, so each is named with the setting meant, not as a policy missing all its fields.
  if (keys.length > 0 && (keys.every((k) => MANAGED.has(k) || closestManagedKey(k)) || keys.some((k) => k !== 'presetId' && MANAGED.has(k)))) {
    const wrapped = Object.values(data).every((v) => isObject(v) && Object.keys(v).length === 1 && 'Value' in v);
    if (wrapped) return { kind: 'managed', form: 'the Google Admin console’s form', sources: [{ where: '(file)', values: Object.fromEntries(Object.entries(data).map(([k, v]) => [k, (v as { Value: unknown }).Value])) }] };
    return { kind: 'managed', form: 'the managed settings', sources: [{ where: '(file)', values: data }] };
  }
  return { kind: 'policy', data };
}

/** A registry string's value, unescaped (`\"` and `\\`). */
const regString = (s: string) => s.replace(/\\(.)/g, '$1');

function fromRegistry(text: string): DeployFile {
  const sources = new Map<string, ManagedSource>();
  let current: { id: string; list: boolean } | undefined;
  const problems: PolicyProblem[] = [];
  for (const line of text.split(/\r\n|\r|\n/)) {
    const key = /^\s*\[([^\]]+)\]\s*$/.exec(line);
    if (key) {
      const m = /\\3rdparty\\extensions\\([^\\]+)\\policy(\\locked)?$/i.exec(key[1]!);
      current = m ? { id: m[1]!, list: !!m[2] } : undefined;
      if (m && !sources.has(m[1]!)) sources.set(m[1]!, { where: key[1]!.replace(/\\locked$/i, ''), values: {} });
      continue;
    }
    if (!current) continue;
    const value = /^\s*"((?:[^"\\]|\\.)*)"\s*=\s*(.*)$/.exec(line);
    if (!value) continue;
    const name = regString(value[1]!);
    const data = value[2]!.trim();
    const str = /^"((?:[^"\\]|\\.)*)"$/.exec(data);
    const dword = /^dword:([0-9a-f]{1,8})$/i.exec(data);
    const parsed: unknown = str ? regString(str[1]!) : dword ? Number.parseInt(dword[1]!, 16) : undefined;
    const values = sources.get(current.id)!.values;
    if (parsed === undefined) {
      problems.push({ path: current.list ? `locked.${name}` : name, id: 'registryValue', data: { value: data } });
      continue;
    }
    if (current.list) {
      // A list policy is a subkey of numbered values ("1", "2"…), read in that order.
      const list = Array.isArray(values.locked) ? (values.locked as unknown[]) : [];
      list.push(parsed);
      values.locked = list;
    }
    // Chrome reads a boolean policy from a dword: 0 is false, 1 is true.
    else values[name] = name === 'lockAll' && typeof parsed === 'number' ? (parsed === 0 ? false : parsed === 1 ? true : parsed) : parsed;
  }
  if (problems.length) return { kind: 'unreadable', problems };
  if (sources.size === 0) return { kind: 'unreadable', problems: [{ path: '(file)', id: 'registryNoExtension' }] };
  return { kind: 'managed', form: 'a Windows registry file', sources: [...sources.values()] };
}

const unxml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(Number.parseInt(h, 16)))
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&amp;/g, '&');

/** The XML without its comments (one pass; an unclosed comment runs to the end). */
function withoutComments(xml: string): string {
  let out = '';
  let i = 0;
  for (;;) {
    const start = xml.indexOf('<!--', i);
    if (start < 0) return out + xml.slice(i);
    out += xml.slice(i, start);
    const end = xml.indexOf('-->', start + 4);
    if (end < 0) return out;
    i = end + 3;
  }
}

/** The innermost `<dict>…</dict>` bodies of a plist (a profile's payloads), found by one pass over its tags. */
function innermostDicts(xml: string): string[] {
  const bodies: string[] = [];
  const open: { at: number; inner: boolean }[] = [];
  for (const m of xml.matchAll(/<(\/?)dict>/g)) {
    if (!m[1]) {
      if (open.length) open[open.length - 1]!.inner = true;
      open.push({ at: m.index + m[0].length, inner: false });
    } else {
      const top = open.pop();
      if (top && !top.inner) bodies.push(xml.slice(top.at, m.index));
    }
  }
  return bodies;
}

/**
 * The value after a `<key>`, read at `at` (strings, true/false, integers, arrays of strings); undefined for another
 * kind. `arrayEnds` remembers where the last `</array>` search ended, so a file of unclosed arrays is read in one pass.
 */
function plistValueAt(body: string, at: number, arrayEnds: { from: number; end: number }): unknown {
  const sticky = (re: RegExp) => {
    re.lastIndex = at;
    return re.exec(body);
  };
  if (sticky(/\s*<true\s*\/>/y)) return true;
  if (sticky(/\s*<false\s*\/>/y)) return false;
  const empty = sticky(/\s*<(string|array)\s*\/>/y);
  if (empty) return empty[1] === 'string' ? '' : [];
  // XML escapes `<` in text, so a value runs to the next tag.
  const str = sticky(/\s*<string>([^<]*)<\/string>/y);
  if (str) return unxml(str[1]!);
  const int = sticky(/\s*<integer>\s*(-?\d+)\s*<\/integer>/y);
  if (int) return Number(int[1]);
  const arr = sticky(/\s*<array>/y);
  if (arr) {
    const from = at + arr[0].length;
    if (arrayEnds.end !== -1 ? arrayEnds.end < from : arrayEnds.from > from) {
      arrayEnds.from = from;
      arrayEnds.end = body.indexOf('</array>', from);
    }
    const end = arrayEnds.end;
    if (end < 0) return undefined;
    return [...body.slice(from, end).matchAll(/<string>([^<]*)<\/string>|<string\s*\/>/g)].map((m) => unxml(m[1] ?? ''));
  }
  return undefined;
}

/** The managed values in a macOS profile's `….extensions.<id>` payloads, or a plain plist of the four values. */
function fromPlist(text: string): DeployFile {
  if (!/<plist[\s>]/.test(text)) return { kind: 'unreadable', problems: [{ path: '(file)', id: 'notPlist' }] };
  const sources: ManagedSource[] = [];
  for (const body of innermostDicts(withoutComments(text))) {
    const values: Record<string, unknown> = {};
    const arrayEnds = { from: 0, end: -2 };
    for (const m of body.matchAll(/<key>([^<]*)<\/key>/g)) values[unxml(m[1]!)] = plistValueAt(body, m.index + m[0].length, arrayEnds);
    const type = typeof values.PayloadType === 'string' ? values.PayloadType : undefined;
    // Every name in an extension's payload but the profile's own (Payload…) is a setting pushed to the extension,
    // so a mistyped or unknown one ("lockall", "Locked", "PresetId") is kept to be named, as in the JSON and .reg
    // forms (probe 19 H2: keeping only the four names called such a profile valid). A plain plist is read as the
    // JSON form is: its names are settings when they are, or are near, the four.
    const names = Object.keys(values).filter((k) => !/^Payload/.test(k));
    const plain = names.length > 0 && (names.every((k) => MANAGED.has(k) || closestManagedKey(k)) || names.some((k) => MANAGED.has(k)));
    const settings = Object.fromEntries(names.map((k) => [k, values[k]]));
    if (type ? /\.extensions\.[^.]+$/.test(type) : plain) sources.push({ where: type ?? '(plist)', values: settings });
  }
  if (sources.length === 0) return { kind: 'unreadable', problems: [{ path: '(file)', id: 'noPayload' }] };
  return { kind: 'managed', form: 'a macOS configuration profile', sources };
}

/**
 * The managed values checked against the settings' types (public/managed_schema.json). Chrome drops a value of
 * the wrong type before the extension sees it (chrome://policy shows it with an error), so it is a problem
 * here, and so is a name that is not one of the four settings.
 */
export function managedValueProblems(values: Record<string, unknown>): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  for (const [key, value] of Object.entries(values)) {
    if (!MANAGED.has(key)) {
      // Chrome passes on only the names the schema lists: the usual mistypings (listed so that a staff browser
      // names them and checks nothing), and nothing else (dropped, so the browser never knows it was pushed).
      const fate = Object.hasOwn(MISTYPED_MANAGED_KEYS, key) ? ('settingListed' as const) : ('settingDropped' as const);
      problems.push({ path: key, ...unknownManagedKeyMessage(key), more: [{ id: fate }] });
      continue;
    }
    const expected = key === 'locked' ? 'textList' : key === 'lockAll' ? 'boolean' : 'string';
    const ok = key === 'locked' ? Array.isArray(value) && value.every((p) => typeof p === 'string') : key === 'lockAll' ? typeof value === 'boolean' : typeof value === 'string';
    if (!ok) {
      const what: ProblemMessage = key === 'policyJson' && isObject(value) ? { id: 'managedTypeObject', data: { expected } } : { id: 'managedType', data: { expected, value: `${JSON.stringify(value)}` } };
      problems.push({ path: key, ...what, more: [{ id: 'chromeDrops' }] });
    }
  }
  return problems;
}

/** A Chrome or Edge extension id: 32 letters a–p (from the extension's key). */
const EXTENSION_ID = /^[a-p]{32}$/;

/** The extension id in a source's place (`3rdparty.extensions.<id>`, `…\extensions\<id>\policy`, a payload's `….extensions.<id>`). */
function idOf(where: string): string | undefined {
  return /extensions[.\\]([^.\\]+)(?:\\policy)?$/i.exec(where)?.[1];
}

/**
 * What in a deployment file will keep the settings from reaching the extension even though each value is
 * valid, one line each: the sample's placeholder `EXTENSION_ID` left in; an id that is not an extension's;
 * settings for one id while the file installs another (ExtensionInstallForcelist "id;url" entries, or
 * ExtensionSettings keys, in JSON, a .reg's escaped JSON, or a macOS profile's dicts); an update URL over plain http://. `text` is the file's whole text, `sources` what
 * readDeployFile found in it. Empty when there is nothing to say.
 */
export function deploymentWarnings(text: string, sources: readonly ManagedSource[]): string[] {
  const warnings: string[] = [];
  if (text.includes('EXTENSION_ID')) warnings.push('the file still holds the placeholder EXTENSION_ID: replace each one with the extension’s id (32 letters a–p, which npm run package prints and chrome://extensions shows), or the browser installs nothing and gives these settings to no extension');
  const settingsIds = [...new Set(sources.map((s) => idOf(s.where)).filter((id): id is string => id !== undefined))];
  for (const id of settingsIds) if (id !== 'EXTENSION_ID' && !EXTENSION_ID.test(id)) warnings.push(`${id}: is not an extension id (32 letters a–p): the browser gives these settings to no extension`);
  const installs = new Map<string, string>();
  // "id;https://…/updates.xml" in a forcelist, in any of the file's forms (a JSON list, a .reg value, a plist string).
  // Only from a word's start (the lookbehind), so a long run of letters is not tried at each of its places.
  for (const m of text.matchAll(/(?<![A-Za-z0-9_])([A-Za-z0-9_]{8,40});[ \t]*(https?:\/\/[^\s"'<>\\,\]]{1,500})/g)) installs.set(m[1]!, m[2]!);
  // ExtensionSettings: "<id>": { "installation_mode": …, "update_url": … } (in .reg, inside an escaped JSON string).
  for (const m of text.matchAll(/\\?"([a-p]{32}|EXTENSION_ID)\\?"[ \t]*:[ \t]*\{([^{}]{0,2000})\}/g)) {
    if (!/installation_mode|update_url/.test(m[2]!)) continue;
    const url = /update_url\\?"[ \t]*:[ \t]*\\?"([^"\\]{1,500})/.exec(m[2]!)?.[1];
    installs.set(m[1]!, url ?? installs.get(m[1]!) ?? '');
  }
  // The same in a macOS profile or plist: <key>ExtensionSettings</key><dict><key><id></key><dict>…</dict>…</dict>.
  const xml = withoutComments(text);
  for (const m of xml.matchAll(/<key>\s*([a-p]{32}|EXTENSION_ID)\s*<\/key>\s*<dict>((?:(?!<\/?dict>)[\s\S]){0,4000})<\/dict>/g)) {
    if (!/<key>\s*(installation_mode|update_url)\s*<\/key>/.test(m[2]!)) continue;
    const url = /<key>\s*update_url\s*<\/key>\s*<string>([^<]{1,500})<\/string>/.exec(m[2]!)?.[1];
    installs.set(m[1]!, url !== undefined ? unxml(url.trim()) : (installs.get(m[1]!) ?? ''));
  }
  if (installs.size > 0) {
    for (const id of settingsIds) {
      if (!installs.has(id)) warnings.push(`${id}: the settings are for this id, but the file installs ${[...installs.keys()].join(', ')}: the two must be the same id, or the installed extension gets no settings`);
    }
  }
  for (const [id, url] of installs) {
    if (/^http:\/\//i.test(url)) warnings.push(`${id}: the update URL ${url} is plain http://: serve the updates over https:// (as npm run package warns: over plain http anyone on the network can replace what is installed)`);
  }
  return warnings;
}
