/**
 * What each part of the built extension loads, and its size: the entry file and every file it imports
 * statically (JavaScript `import … from "./x.js"`, and for a page its `<script src>`, `<link rel=modulepreload>`
 * and stylesheets), each gzipped at level 9 and added up. A dynamic `import()` is not counted: it loads later.
 * Used by the size budgets (tests/size/budgets.test.ts, in `npm test` after the build) and by `npm run bench`.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

export interface PartSize {
  /** Files loaded, relative to the build folder. */
  files: string[];
  /** Bytes as built (minified). */
  raw: number;
  /** Bytes gzipped (level 9, each file on its own). */
  gz: number;
}

export type Part = 'background' | 'content' | 'early' | 'popup' | 'options';

/**
 * The aims, gzipped bytes (issue 22). `content` is the content script that checks and draws the panel
 * (document_idle); `early` is the small one that must run before ClassDojo's own scripts (document_start:
 * the seal and the send interceptor), with an aim of its own.
 */
export const AIMS: Record<Part, number> = {
  background: 400 * 1024,
  popup: 30 * 1024,
  options: 150 * 1024,
  content: 45 * 1024,
  early: 4 * 1024,
};

/**
 * What `npm test` enforces, gzipped bytes: the aims. Each part is within its aim (content 43.8 KB, options
 * 118.0 KB when this was written): what no first view needs loads when asked for. In the content script, the
 * send gate's dialog (once a send is held), the page doctor's report, its mismatch notice and the outline, the spot-check overlay and the seal's fallback (entrypoints/on-request,
 * injected by the background); on the options page, the readers of a school's own files and "Try a draft"'s
 * engine with its word lists, on the person's action (onDemand, components/Lazy.tsx). A dynamic import a page
 * makes as it opens is not counted here: tests/e2e/options-load.e2e.ts holds the options page to the same aim
 * for every file Chromium fetches in its first 3 s. Should a part outgrow its aim, find what it loads that its
 * first view does not need before raising a budget here.
 */
export const BUDGETS: Record<Part, number> = { ...AIMS };

const STATIC_IMPORT = /(?:^|[;}\s])(?:import|export)\s*(?:[\w$*{},\s]+?\s*from\s*)?["'`](\.{1,2}\/[^"'`]+)["'`]/g;

function jsClosure(dir: string, file: string, seen: Set<string>): void {
  if (seen.has(file)) return;
  seen.add(file);
  const source = readFileSync(join(dir, file), 'utf8');
  for (const m of source.matchAll(STATIC_IMPORT)) {
    const target = normalize(join(dirname(file), m[1]!));
    if (existsSync(join(dir, target))) jsClosure(dir, target, seen);
  }
}

function pageClosure(dir: string, html: string): Set<string> {
  const seen = new Set<string>([html]);
  const source = readFileSync(join(dir, html), 'utf8');
  for (const m of source.matchAll(/<(?:script|link)\b[^>]*\b(?:src|href)="([^"]+)"[^>]*>/g)) {
    const tag = m[0];
    if (tag.startsWith('<link') && !/rel="(?:stylesheet|modulepreload)"/.test(tag)) continue;
    const file = normalize(m[1]!.replace(/^\//, ''));
    if (!existsSync(join(dir, file))) continue;
    if (file.endsWith('.js')) jsClosure(dir, file, seen);
    else seen.add(file);
  }
  return seen;
}

function measure(dir: string, files: Iterable<string>): PartSize {
  const list = [...files].sort();
  let raw = 0;
  let gz = 0;
  for (const f of list) {
    const bytes = readFileSync(join(dir, f));
    raw += bytes.length;
    gz += gzipSync(bytes, { level: 9 }).length;
  }
  return { files: list.map((f) => relative('.', f)), raw, gz };
}

/** The sizes of a build folder's four parts (default: `.output/chrome-mv3`), read from its manifest. */
export function bundleSizes(dir = '.output/chrome-mv3'): Record<Part, PartSize> {
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as {
    background: { service_worker: string };
    content_scripts: { js: string[]; run_at?: string }[];
    action: { default_popup: string };
    options_ui: { page: string };
  };
  const bg = new Set<string>();
  jsClosure(dir, manifest.background.service_worker, bg);
  const content = new Set<string>();
  const early = new Set<string>();
  for (const cs of manifest.content_scripts) for (const js of cs.js) jsClosure(dir, js, cs.run_at === 'document_start' ? early : content);
  return {
    background: measure(dir, bg),
    content: measure(dir, content),
    early: measure(dir, early),
    popup: measure(dir, pageClosure(dir, manifest.action.default_popup)),
    options: measure(dir, pageClosure(dir, manifest.options_ui.page)),
  };
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

// `npx tsx scripts/bundle-sizes.ts`: the table.
if (import.meta.url === `file://${process.argv[1]}`) {
  const sizes = bundleSizes(process.argv[2]);
  for (const [part, s] of Object.entries(sizes) as [Part, PartSize][]) {
    console.log(`${part.padEnd(11)} ${kb(s.raw).padStart(10)} raw ${kb(s.gz).padStart(9)} gz  (budget ${kb(BUDGETS[part])}, aim ${kb(AIMS[part])} gz)  ${s.files.join(' ')}`);
  }
}
