/**
 * Records that Welsh messages were reviewed against the English as it is now: `npm run i18n:reviewed -- <key>…`
 * for the keys given, or `-- --all` for every Welsh key with an English entry (a key with no English yet is
 * skipped, and a hash for a key the Welsh catalog no longer has is dropped). Prints each hash it changes.
 * See scripts/i18n-review.ts and tests/unit/i18n/catalog.test.ts.
 */
import { englishFor } from '../lib/i18n/format';
import { readCatalogs, reviewHash, writeReview } from './i18n-review';

export function main(argv: string[]): number {
  const all = argv.includes('--all');
  const keys = argv.filter((a) => a !== '--all');
  if (!all && keys.length === 0) {
    console.error('Usage: npm run i18n:reviewed -- <key>… | --all');
    return 2;
  }
  const { en, cy, review } = readCatalogs();
  const unknown = keys.filter((k) => !(k in cy) || !englishFor(k, en));
  if (unknown.length > 0) {
    console.error(`Not in both catalogs (nothing recorded): ${unknown.join(', ')}`);
    return 1;
  }
  const next = { ...review };
  let changed = 0;
  let skipped = 0;
  for (const key of all ? Object.keys(cy) : keys) {
    const english = englishFor(key, en);
    if (!english) {
      skipped++;
      continue;
    }
    const hash = reviewHash(english);
    if (next[key] === hash) continue;
    console.log(next[key] ? `${key}: ${next[key]} → ${hash}` : `${key}: ${hash} (new)`);
    next[key] = hash;
    changed++;
  }
  if (all) {
    for (const key of Object.keys(next)) {
      if (key in cy) continue;
      console.log(`${key}: dropped (no longer in the Welsh catalog)`);
      delete next[key];
      changed++;
    }
  }
  writeReview(next, cy);
  console.log(`${changed} changed${skipped ? `; ${skipped} Welsh keys have no English yet, skipped` : ''}.`);
  return 0;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
