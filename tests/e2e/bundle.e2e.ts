/**
 * A static check of what ships: every built script is searched for network APIs and runtime code
 * evaluation. Each use found must be one of the few known ones below, each read and explained; anything
 * new fails the test, so a library update or a change of ours that adds a network path is caught here,
 * not in a school.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXTENSION_DIR } from './harness';

function scripts(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? scripts(path) : name.endsWith('.js') ? [path] : [];
  });
}

const NETWORK = /\bfetch\(|XMLHttpRequest|WebSocket|sendBeacon|EventSource|importScripts|RTCPeerConnection|\.connect\(\s*['"`]http/g;
const EVAL = /\beval\(|new Function\(|(?<![.\w])Function\((?!``\))/g;

/** The known uses, by a signature of their surroundings, with why each cannot reach a host. */
const KNOWN: { file: RegExp; near: RegExp; why: string }[] = [
  {
    file: /content-scripts\/content\.js$/,
    near: /runtime\.getURL\(`\/content-scripts\/content\.css`\)/,
    why: "WXT's shadow-root UI can load an entrypoint's stylesheet from chrome-extension:// (never a host); ours passes its CSS inline, so this path is not taken.",
  },
  {
    file: /content-scripts\/content\.js$/,
    near: /`url`in \w+\?yield fetch\(\w+\.url\)/,
    why: "@webext-core/isolated-element: a stylesheet by URL, when given one; ours is given text.",
  },
  {
    file: /(background|chunks\/options-.*)\.js$/,
    near: /withCredentials/,
    why: "papaparse's remote-file reader, used only with `download: true`, which no code of ours passes (asserted below).",
  },
];

describe('the built bundles', () => {
  const files = scripts(EXTENSION_DIR);

  it('use no network API but the known, explained ones', () => {
    const unknown: string[] = [];
    for (const file of files) {
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(NETWORK)) {
        const around = text.slice(Math.max(0, m.index! - 300), m.index! + 300);
        if (!KNOWN.some((k) => k.file.test(file) && k.near.test(around))) unknown.push(`${relative(EXTENSION_DIR, file)}: …${text.slice(Math.max(0, m.index! - 80), m.index! + 80)}…`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('evaluate no code at run time (zod’s probe `Function("")` only tests whether it may, and MV3 says no)', () => {
    const found = files.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(EVAL)].map((m) => `${relative(EXTENSION_DIR, file)}@${m.index}: ${m[0]}`));
    expect(found).toEqual([]);
  });

  it('make no file in ClassDojo’s page but the page outline (probe 14d #2: the page sees, reads and cancels such a download)', () => {
    const count = (file: string) => (readFileSync(join(EXTENSION_DIR, file), 'utf8').match(/createObjectURL/g) ?? []).length;
    expect(count('content-scripts/content.js')).toBe(0);
    expect(count('content-scripts/early.js')).toBe(0);
    // One in the parts loaded on request, components/download.ts, used only by the page doctor's outline (no
    // text of the page, by design). The spot-check overlay, in the same file, makes none: its exports are the
    // options page's (page-takes-nothing.e2e.ts).
    expect(count('on-request.js')).toBe(1);
    expect(readFileSync(join(EXTENSION_DIR, 'on-request.js'), 'utf8')).toContain('classdojo-page-outline.json');
  });

  it('never ask papaparse to download anything (its only network path)', () => {
    const ours = ['lib', 'components', 'entrypoints', 'cli'].flatMap((dir) => scripts2(join(EXTENSION_DIR, '../..', dir)));
    for (const file of ours) expect(readFileSync(file, 'utf8'), file).not.toMatch(/download\s*:\s*true/);
  });

  it('never run webextension-polyfill in the framed pages (it throws into ClassDojo’s console once the extension is reloaded)', () => {
    for (const page of ['gate-reason.html', 'spot-note.html']) {
      const html = readFileSync(join(EXTENSION_DIR, page), 'utf8');
      const entry = /<script type="module"[^>]*src="\/([^"]+)"/.exec(html)?.[1];
      expect(entry, page).toBeTruthy();
      // Every chunk the page evaluates: its script and, transitively, each static import.
      const seen = new Set<string>();
      const queue = [entry!];
      while (queue.length > 0) {
        const file = queue.pop()!;
        if (seen.has(file)) continue;
        seen.add(file);
        const text = readFileSync(join(EXTENSION_DIR, file), 'utf8');
        for (const m of text.matchAll(/\bimport\s*(?:[^'"`;]*?\bfrom\s*)?["']\.\/([^"']+)["']/g)) queue.push(join(file, '..', m[1]!));
      }
      expect(seen.size, page).toBeGreaterThan(1);
      for (const file of seen) expect(readFileSync(join(EXTENSION_DIR, file), 'utf8'), `${page} → ${file}`).not.toContain('should only be loaded in a browser extension');
    }
  });

  it('load no remote script or stylesheet from any page', () => {
    for (const name of readdirSync(EXTENSION_DIR).filter((n) => n.endsWith('.html'))) {
      expect(readFileSync(join(EXTENSION_DIR, name), 'utf8'), name).not.toMatch(/(src|href)=["']?(https?:)?\/\//);
    }
  });
});

function scripts2(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? scripts2(path) : /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}
