/**
 * `guard outline from-html <saved.html>`: the page outline (lib/dojo/outline.ts) of a ClassDojo page saved
 * with the browser's "Save page as" (HTML in any encoding, or Chrome's "single file" MHTML:
 * lib/dojo/saved-page.ts), parsed without a DOM (lib/dojo/outline-html.ts) and outlined by the same builder
 * the extension runs on the live page: same format, same privacy.
 *
 * `guard outline to-fixture <outline.json>`: the outline as a fixture page the end-to-end harness serves
 * (lib/dojo/outline-fixture.ts), so a school's report becomes a test. See docs/redesign-workflow.md.
 */
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { MAX_CHILDREN, MAX_READ, OUTLINE_FORMAT, OUTLINE_VERSION, outlineJson, outlineOfTree, type Outline, type OutlineNode } from '../lib/dojo/outline';
import { isAppShell, parseSavedHtml } from '../lib/dojo/outline-html';
import { decodeHtml, readSavedPage, savedFromUrl } from '../lib/dojo/saved-page';
import { fixtureRoute, outlineToFixture } from '../lib/dojo/outline-fixture';
import { parseDojoLocation } from '../lib/dojo/routes';
import { VERSION } from '../lib/meta';
// The word lists: an outline never keeps a component name that reads as someone's name ("richPage").
import '../lib/rules/lexicon-bundled';
import type { CliIO } from './main';

export const OUTLINE_HELP = `Usage:
  guard outline from-html <saved.html> [--url URL]
      Print the page outline of a ClassDojo page saved with the browser's "Save page as", as "Webpage,
      Single File" (MHTML) or "Webpage, Complete" ("HTML only" saves ClassDojo's empty start page), as
      JSON: its structure only, with every text, id, URL and other value replaced by a placeholder. The page's address is read from the file ("saved from url"),
      or given with --url.
  guard outline to-fixture <outline.json> [--name NAME] [--out DIR] [--force]
      Write the outline as a fixture page the end-to-end harness serves (DIR/NAME.html, by default
      tests/fixtures/outlines/), and print the address to open it at. A NAME that is already a fixture
      is refused unless --force is given (it would replace a committed school's page).
`;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTLINES_DIR = join(ROOT, 'tests/fixtures/outlines');

export { savedFromUrl };

/** The outline of a saved page's HTML. `url` overrides the address read from the file. */
export function outlineOfHtml(html: string, url?: string): Outline {
  return outlineOfTree(parseSavedHtml(html).tree, { href: url ?? savedFromUrl(html) ?? 'about:blank', source: 'saved-page', guard: VERSION });
}

/**
 * A saved page's file, as bytes, to its outline; or the one-line reason it has none (an MHTML with no page,
 * a file that is no web page, a page with no elements: never an empty outline).
 */
export function outlineOfSavedFile(bytes: Uint8Array, url?: string): { ok: true; outline: Outline; address?: string; unread: number } | { ok: false; problem: string } {
  const saved = readSavedPage(bytes);
  if (!saved.ok) return saved;
  const parsed = parseSavedHtml(saved.html);
  if (!parsed.isPage) {
    return { ok: false, problem: `does not look like a saved web page (no <html>, <body> or ClassDojo's app root${saved.encoding === 'utf-8' ? '' : `, read as ${saved.encoding}`}): save the page again with the browser's "Save page as…"` };
  }
  // "Webpage, HTML only" saves the server's page, which for ClassDojo is the empty app shell: said as such,
  // with the choice that saves the page as drawn (probe 21e D1).
  if (isAppShell(saved.html, parsed.tree)) {
    return { ok: false, problem: `is ClassDojo's empty start page, which is what "Webpage, HTML only" saves (the page before ClassDojo's app draws it): open the page, let it load, and save it as "Webpage, Single File" (or "Webpage, Complete")` };
  }
  const address = url ?? savedFromUrl(saved.html) ?? saved.url;
  const outline = outlineOfTree(parsed.tree, { href: address ?? 'about:blank', source: 'saved-page', guard: VERSION });
  if (outline.elements === 0 || outline.regions.every((r) => !r.node.children?.length)) {
    return { ok: false, problem: `is a web page with nothing in it to outline (${outline.elements} elements in its body): save the page again once ClassDojo has loaded, as "Webpage, Single File" (or "Webpage, Complete")` };
  }
  return { ok: true, outline, unread: parsed.unread, ...(address === undefined ? {} : { address }) };
}

const MAX_DEPTH = 200;

const node: z.ZodType<OutlineNode> = z.lazy(() =>
  z.object({
    tag: z.string().max(64),
    attrs: z.record(z.string().max(80), z.string().max(400)).optional(),
    text: z.string().max(80).optional(),
    children: z.array(node).max(5_000).optional(),
    count: z.number().int().min(1).max(1_000_000).optional(),
    seen: z.array(z.string().max(80)).max(60).optional(),
    more: z.number().int().min(0).optional(),
    block: z.literal(true).optional(),
  }),
);

const outlineSchema = z.object({
  format: z.literal(OUTLINE_FORMAT),
  version: z.literal(OUTLINE_VERSION),
  guard: z.string().max(40),
  app: z.enum(['teach', 'home', 'other']),
  view: z.string().max(40),
  route: z.string().max(400),
  source: z.enum(['extension', 'saved-page']),
  regions: z.array(z.object({ kind: z.enum(['app-root', 'outside']), node })).min(1).max(200),
  elements: z.number().int().min(0),
  truncated: z.boolean(),
  found: z.array(z.string().max(80)).max(200).optional(),
  missing: z.array(z.string().max(80)).max(200).optional(),
  enclosed: z.array(z.string().max(80)).max(200).optional(),
  regionsLeftOut: z.number().int().min(0).optional(),
  noComposer: z.enum(['loading', 'error', 'opener']).optional(),
});

function depthOf(n: OutlineNode, d = 0): number {
  if (d > MAX_DEPTH) return d;
  return Math.max(d, ...(n.children ?? []).map((c) => depthOf(c, d + 1)));
}

/** At most this many schema problems are listed (then how many more): a wrong file is not read out in full. */
const MAX_PROBLEMS = 3;

/** A path in an outline as a reader writes it: `regions[0].node.children[2].tag`. */
function pathOf(path: PropertyKey[]): string {
  return path.map((p, i) => (typeof p === 'number' ? `[${p}]` : `${i ? '.' : ''}${String(p)}`)).join('') || 'the outline';
}

/** One line, whatever the message held. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/**
 * An outline file, checked: the outline, or its problems, each one line. A file that is no outline at all
 * (another JSON file, an outline of another version) is one problem, not one per missing field.
 */
export function readOutline(text: string): { ok: true; outline: Outline } | { ok: false; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    // JSON.parse's message quotes the file's first characters: only where it failed is said.
    return { ok: false, problems: [`not JSON (${oneLine((error as Error).message).replace(/,? *".*$/, '').slice(0, 80)})`] };
  }
  const o = json as { format?: unknown; version?: unknown } | null;
  if (typeof o !== 'object' || o === null || Array.isArray(o) || o.format !== OUTLINE_FORMAT) {
    const format = typeof o === 'object' && o !== null && !Array.isArray(o) && 'format' in o ? `its "format" is ${oneLine(JSON.stringify(o.format) ?? 'missing').slice(0, 40)}` : 'it has no "format"';
    return { ok: false, problems: [`${format}, not "${OUTLINE_FORMAT}" (make one with the panel's "Copy a page outline for support" or 'guard outline from-html')`] };
  }
  if (o.version !== OUTLINE_VERSION) {
    return { ok: false, problems: [`it is version ${oneLine(JSON.stringify(o.version) ?? 'missing').slice(0, 20)}; this Policy Guard reads version ${OUTLINE_VERSION}`] };
  }
  // Deep nesting is refused before the schema walks it.
  const deep = (v: unknown, d: number): boolean => d > MAX_DEPTH + 10 || (typeof v === 'object' && v !== null && Object.values(v).some((x) => deep(x, d + 1)));
  if (deep(json, 0)) return { ok: false, problems: [`nested deeper than ${MAX_DEPTH} elements`] };
  const parsed = outlineSchema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues;
    const at = (path: PropertyKey[]) => path.reduce<unknown>((v, k) => (typeof v === 'object' && v !== null ? (v as Record<PropertyKey, unknown>)[k] : undefined), json);
    const problems = issues.slice(0, MAX_PROBLEMS).map((i) => (at(i.path) === undefined ? `${pathOf(i.path)} is missing` : `${pathOf(i.path)}: ${oneLine(i.message)}`));
    if (issues.length > MAX_PROBLEMS) problems.push(`and ${issues.length - MAX_PROBLEMS} more problems`);
    return { ok: false, problems };
  }
  const outline = parsed.data as Outline;
  if (outline.regions.some((r) => depthOf(r.node) > MAX_DEPTH)) return { ok: false, problems: [`nested deeper than ${MAX_DEPTH} elements`] };
  return { ok: true, outline };
}

/** A fixture name: letters, digits and dashes (it becomes a file name and a query parameter). */
const FIXTURE_NAME = /^[a-z0-9][a-z0-9-]{0,60}$/;

/** An option's value; `null` when the option is given without one (`--name` last, or followed by another option). */
function option(args: string[], name: string): string | undefined | null {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  return value === undefined || value.startsWith('--') ? null : value;
}

/**
 * What the outline says to whoever made it, on stderr (stdout is the JSON): the parts Policy Guard's
 * selectors found and those this view needs that nothing found, and a saved page that does not say its
 * address (then the view is unknown and nothing is expected).
 */
export function outlineSummary(outline: Outline, address?: string): string[] {
  const lines: string[] = [];
  if (outline.app === 'other') {
    // The file may name an address that is not ClassDojo's (saved from a copy, a proxy, a test server).
    const host = address === undefined ? undefined : hostOf(address);
    lines.push(
      address === undefined
        ? `the file does not say which ClassDojo address it was saved from, so the view is unknown: run again with ${URL_HINT}`
        : `the file was saved from ${host ? `${host}, ` : 'an address that is '}not a ClassDojo address, so the view is unknown: run again with ${URL_HINT}`,
    );
  }
  const found = outline.found ?? [];
  lines.push(`found: ${found.length ? found.map((f) => f.replace(':', ' (') + ')').join(', ') : 'none of the parts Policy Guard looks for'}`);
  if (outline.enclosed?.length) lines.push(`inside a component's shadow root, where Policy Guard does not look: ${outline.enclosed.map((f) => f.replace(':', ' (') + ')').join(', ')}`);
  if (outline.regionsLeftOut) lines.push(`${outline.regionsLeftOut.toLocaleString('en-GB')} containers outside the app root were not outlined, to keep it under 48 KB (those holding a message box or a Post/Send control were kept)`);
  // A saved page has no doctor, but its words are in the outline as classes: a box behind an opener, an
  // error page or a loading page explains a missing composer better than a selector does (probe 21f N3).
  if (!outline.noComposer && outline.missing?.includes('composer')) {
    const said = labelsIn(outline);
    if (said.has('opener')) lines.push('a control that opens the message box is on this page ($label:opener): if the box is drawn when it is pressed, save the page again with the box open');
    else if (said.has('error')) lines.push('the page shows words of an error ($label:error): reload it and save it again once ClassDojo shows the page');
    else if (said.has('loading')) lines.push('the page says it is loading ($label:loading): save it again once ClassDojo has loaded');
  }
  if (outline.noComposer) lines.push(`no message box, which the page doctor put down to ${{ loading: 'the page still loading', error: 'an error page', opener: 'a control that opens the box' }[outline.noComposer]}, not a redesign (the words it read are the $label: placeholders)`);
  if (outline.missing?.length) lines.push(`not found on this ${outline.view} page: ${outline.missing.join(', ')} (the selectors to fix first: lib/dojo/selectors.ts, docs/redesign-workflow.md)`);
  else if (outline.app !== 'other') lines.push(`not found: nothing this ${outline.view} page needs`);
  return lines;
}

/** The word classes (`$label:…`) anywhere in an outline's regions (lib/dojo/outline.ts `wordClass`). */
function labelsIn(outline: Outline): Set<string> {
  const said = new Set<string>();
  const stack = outline.regions.map((r) => r.node);
  while (stack.length) {
    const node = stack.pop()!;
    for (const value of [node.text, ...Object.values(node.attrs ?? {})]) if (value?.startsWith('$label:')) for (const c of value.slice(7).split('+')) said.add(c);
    stack.push(...(node.children ?? []));
  }
  return said;
}

const URL_HINT = `--url and the page's address as the browser showed it (https://teach.classdojo.com/#/classes/…/story)`;

/** The host of an address, or undefined when it is no address (only the host is said back: a path may hold ids). */
function hostOf(address: string): string | undefined {
  try {
    return new URL(address).host || undefined;
  } catch {
    return undefined;
  }
}

/**
 * The largest saved page read, in bytes. A feed scrolled a long way down is tens of MB (100,000 posts: 40 MB,
 * read in about 2 s and 250 MB); past this, reading it would take more memory than a school laptop has spare.
 */
export const MAX_SAVED_BYTES = 256 * 1024 * 1024;

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function readBytes(path: string, io: CliIO): Uint8Array | undefined {
  try {
    const size = statSync(path).size;
    if (size > MAX_SAVED_BYTES) {
      io.stderr(`guard outline: ${path} is ${mb(size)}; Policy Guard reads files up to ${mb(MAX_SAVED_BYTES)}: save the page again without scrolling far down the feed (the outline needs only the first screens)\n`);
      return undefined;
    }
    return readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    io.stderr(`guard outline: cannot read ${JSON.stringify(path)}: ${code === 'ENOENT' ? 'no such file' : code === 'EISDIR' ? 'is a folder' : (error as Error).message}\n`);
    return undefined;
  }
}

export function runOutline(args: string[], io: CliIO): number {
  const [sub, target] = args;
  if (sub === undefined || sub === '--help' || sub === '-h' || sub === 'help') {
    io.stdout(OUTLINE_HELP);
    return sub === undefined ? 2 : 0;
  }
  if ((sub !== 'from-html' && sub !== 'to-fixture') || target === undefined || target.startsWith('--')) {
    io.stderr(`guard outline: expected 'from-html <saved.html>' or 'to-fixture <outline.json>'. Run 'guard outline --help'.\n`);
    return 2;
  }
  const bytes = readBytes(target, io);
  if (bytes === undefined) return 1;

  for (const name of ['--url', '--name', '--out']) {
    if (option(args, name) === null) {
      io.stderr(`guard outline: ${name} needs a value. Run 'guard outline --help'.\n`);
      return 2;
    }
  }
  if (sub === 'from-html') {
    const url = option(args, '--url') ?? undefined;
    // An address given on purpose that is not ClassDojo's is a typo (or the wrong tab): said, not outlined as "other".
    if (url !== undefined && parseDojoLocation(url).app === 'other') {
      const host = hostOf(url);
      io.stderr(`guard outline: --url ${host ? `names ${host}, which is` : 'is not an address, and'} not a ClassDojo address: give the page's address as the browser showed it (https://teach.classdojo.com/#/classes/…/story or https://home.classdojo.com/#/…).\n`);
      return 2;
    }
    const made = outlineOfSavedFile(bytes, url);
    if (!made.ok) {
      io.stderr(`guard outline: ${target} ${made.problem}\n`);
      return 1;
    }
    io.stdout(`${outlineJson(made.outline)}\n`);
    const lines = outlineSummary(made.outline, made.address);
    if (made.unread) lines.push(`a big page: ${made.unread.toLocaleString('en-GB')} of its ${made.outline.elements.toLocaleString('en-GB')} elements were counted, not read (past ${MAX_CHILDREN.toLocaleString('en-GB')} items in one list, or ${MAX_READ.toLocaleString('en-GB')} elements in all), as the extension does on the live page`);
    io.stderr(lines.map((line) => `guard outline: ${line}\n`).join(''));
    return 0;
  }

  // In the encoding the bytes say (Windows PowerShell 5.1's `>` writes UTF-16 with a byte order mark).
  const read = readOutline(decodeHtml(bytes).text);
  if (!read.ok) {
    // One line, saying which file (a school may send several) and its first problems.
    io.stderr(`guard outline: ${target} is not a page outline: ${read.problems.join('; ')}\n`);
    return 1;
  }
  const name = option(args, '--name') ?? basename(target).replace(/(\.outline)?\.json$/i, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  if (!FIXTURE_NAME.test(name)) {
    io.stderr(`guard outline: '${name}' cannot be a fixture name: use lower-case letters, digits and dashes (--name).\n`);
    return 2;
  }
  const dir = option(args, '--out') ?? OUTLINES_DIR;
  const file = join(dir, `${name}.html`);
  // A committed school's fixture is never replaced by a slip of --name (probe 21e D7).
  if (existsSync(file) && !args.includes('--force')) {
    io.stderr(`guard outline: ${relative(process.cwd(), file) || file} already exists: choose another --name, or add --force to replace it.\n`);
    return 1;
  }
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, outlineToFixture(read.outline, name));
  } catch (error) {
    io.stderr(`guard outline: cannot write ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const host = read.outline.app === 'home' ? 'https://home.classdojo.com/' : 'https://teach.classdojo.com/';
  const address = `${host}?outline=${name}${fixtureRoute(read.outline)}`;
  // The harness serves outlines from OUTLINES_DIR only: a fixture written elsewhere is opened from there.
  const served = resolve(dir) === resolve(OUTLINES_DIR);
  io.stdout(served ? `wrote ${file}\nopen it in the end-to-end harness at ${address}\n` : `wrote ${file}\nthe harness serves ${relative(process.cwd(), OUTLINES_DIR) || OUTLINES_DIR} only: copy it there, then open it at ${address}\n`);
  return 0;
}
