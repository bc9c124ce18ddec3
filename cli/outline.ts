/**
 * `guard outline from-html <saved.html>`: the page outline (lib/dojo/outline.ts) of a ClassDojo page saved
 * with the browser's "Save page as", parsed by linkedom (the same builder the extension runs on the live
 * page: same format, same privacy).
 *
 * `guard outline to-fixture <outline.json>`: the outline as a fixture page the end-to-end harness serves
 * (lib/dojo/outline-fixture.ts), so a school's report becomes a test. See docs/redesign-workflow.md.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseHTML } from 'linkedom';
import { z } from 'zod';
import { buildOutline, OUTLINE_FORMAT, OUTLINE_VERSION, outlineJson, type Outline, type OutlineNode } from '../lib/dojo/outline';
import { fixtureRoute, outlineToFixture } from '../lib/dojo/outline-fixture';
import { VERSION } from '../lib/meta';
import type { CliIO } from './main';

export const OUTLINE_HELP = `Usage:
  guard outline from-html <saved.html> [--url URL]
      Print the page outline of a ClassDojo page saved with the browser's "Save page as", as JSON: its
      structure only, with every text, id, URL and other value replaced by a placeholder. The page's
      address is read from the file ("saved from url"), or given with --url.
  guard outline to-fixture <outline.json> [--name NAME] [--out DIR]
      Write the outline as a fixture page the end-to-end harness serves (DIR/NAME.html, by default
      tests/fixtures/outlines/), and print the address to open it at.
`;

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
export const OUTLINES_DIR = join(ROOT, 'tests/fixtures/outlines');

/** A saved page's address: Chrome's "saved from url" mark, else a canonical link, else undefined. */
export function savedFromUrl(html: string): string | undefined {
  const mark = /<!--\s*saved from url=\(\d+\)(\S+?)\s*-->/i.exec(html)?.[1];
  if (mark) return mark;
  return /<link[^>]+rel=["']canonical["'][^>]+href=["']([^"']+)["']/i.exec(html)?.[1];
}

/** The outline of a saved page's HTML. `url` overrides the address read from the file. */
export function outlineOfHtml(html: string, url?: string): Outline {
  const { document } = parseHTML(html);
  return buildOutline(document as unknown as Document, { href: url ?? savedFromUrl(html) ?? 'about:blank', source: 'saved-page', guard: VERSION });
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
});

function depthOf(n: OutlineNode, d = 0): number {
  if (d > MAX_DEPTH) return d;
  return Math.max(d, ...(n.children ?? []).map((c) => depthOf(c, d + 1)));
}

/** An outline file, checked: the outline, or one line per problem. */
export function readOutline(text: string): { ok: true; outline: Outline } | { ok: false; problems: string[] } {
  let json: unknown;
  try {
    json = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [`not JSON: ${(error as Error).message}`] };
  }
  // Deep nesting is refused before the schema walks it.
  const deep = (v: unknown, d: number): boolean => d > MAX_DEPTH + 10 || (typeof v === 'object' && v !== null && Object.values(v).some((x) => deep(x, d + 1)));
  if (deep(json, 0)) return { ok: false, problems: [`nested deeper than ${MAX_DEPTH} elements`] };
  const parsed = outlineSchema.safeParse(json);
  if (!parsed.success) {
    return { ok: false, problems: parsed.error.issues.slice(0, 20).map((i) => `${i.path.join('.') || '(outline)'}: ${i.message}`) };
  }
  const outline = parsed.data as Outline;
  if (outline.regions.some((r) => depthOf(r.node) > MAX_DEPTH)) return { ok: false, problems: [`nested deeper than ${MAX_DEPTH} elements`] };
  return { ok: true, outline };
}

/** A fixture name: letters, digits and dashes (it becomes a file name and a query parameter). */
const FIXTURE_NAME = /^[a-z0-9][a-z0-9-]{0,60}$/;

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function readText(path: string, io: CliIO): string | undefined {
  try {
    return readFileSync(path, 'utf8');
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
  const text = readText(target, io);
  if (text === undefined) return 1;

  if (sub === 'from-html') {
    const url = option(args, '--url');
    if (!/<html|<body|<div/i.test(text)) {
      io.stderr(`guard outline: ${target} does not look like a saved web page (no <html>, <body> or <div>).\n`);
      return 1;
    }
    io.stdout(`${outlineJson(outlineOfHtml(text, url))}\n`);
    return 0;
  }

  const read = readOutline(text);
  if (!read.ok) {
    io.stderr(`guard outline: ${target} is not a page outline:\n${read.problems.map((p) => `  ${p}\n`).join('')}`);
    return 1;
  }
  const name = option(args, '--name') ?? basename(target).replace(/(\.outline)?\.json$/i, '').toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '');
  if (!FIXTURE_NAME.test(name)) {
    io.stderr(`guard outline: '${name}' cannot be a fixture name: use lower-case letters, digits and dashes (--name).\n`);
    return 2;
  }
  const dir = option(args, '--out') ?? OUTLINES_DIR;
  const file = join(dir, `${name}.html`);
  try {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, outlineToFixture(read.outline, name));
  } catch (error) {
    io.stderr(`guard outline: cannot write ${file}: ${(error as Error).message}\n`);
    return 1;
  }
  const host = read.outline.app === 'home' ? 'https://home.classdojo.com/' : 'https://teach.classdojo.com/';
  io.stdout(`wrote ${file}\nopen it in the end-to-end harness at ${host}?outline=${name}${fixtureRoute(read.outline)}\n`);
  return 0;
}
