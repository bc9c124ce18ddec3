/**
 * Which English each Welsh message was last reviewed against: locales/review-cy.json maps every Welsh key to
 * a short hash of its English entry (message and placeholders) at that review. When the English changes, its
 * hash no longer matches and tests/unit/i18n/catalog.test.ts names the Welsh entry to review; after the review,
 * `npm run i18n:reviewed -- <key>…` records the new hash (scripts/i18n-reviewed.ts).
 */
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import type { Catalog, CatalogEntry } from '../lib/i18n/format';

export const REVIEW_FILE = new URL('../locales/review-cy.json', import.meta.url);
export const EN_FILE = new URL('../public/_locales/en/messages.json', import.meta.url);
export const CY_FILE = new URL('../public/_locales/cy/messages.json', import.meta.url);

/**
 * The hash of an English entry as a reviewer read it: sha-256 (hex, first 12 characters) of its message and its
 * placeholders' names and contents (names in lower case and sorted; a description or example changes nothing).
 */
export function reviewHash(entry: CatalogEntry): string {
  const placeholders = Object.entries(entry.placeholders ?? {})
    .map(([name, p]) => [name.toLowerCase(), p.content] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return createHash('sha256').update(JSON.stringify({ message: entry.message, placeholders })).digest('hex').slice(0, 12);
}

export const readJson = <T>(file: URL): T => JSON.parse(readFileSync(file, 'utf8')) as T;

export function readCatalogs(): { en: Catalog; cy: Catalog; review: Record<string, string> } {
  let review: Record<string, string> = {};
  try {
    review = readJson<Record<string, string>>(REVIEW_FILE);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return { en: readJson<Catalog>(EN_FILE), cy: readJson<Catalog>(CY_FILE), review };
}

/** The review file written in the Welsh catalog's key order, two-space JSON as the catalogs are. */
export function writeReview(review: Record<string, string>, cy: Catalog): void {
  const ordered = Object.fromEntries(Object.keys(cy).filter((k) => k in review).map((k) => [k, review[k]!]));
  writeFileSync(REVIEW_FILE, `${JSON.stringify(ordered, null, 2)}\n`);
}
