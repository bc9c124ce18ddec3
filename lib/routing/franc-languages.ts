/**
 * Every language franc is ever asked about, as franc's ISO 639-3 codes: the languages a school may declare,
 * the common home languages of UK schools, and each script's candidates. The extension's bundle carries
 * franc-all's trigram models for these only (scripts/vite/franc-subset.ts cuts franc-all's data.js at
 * build time, from ~540 KB to what these need); language.ts never passes franc a language outside this
 * list, so the CLI (full data) and the extension (the subset) give the same answers.
 */
import { LANGUAGES } from '../policy/vocab';

/**
 * The school's own languages are added to these: the 20 most common home languages in UK schools
 * (school census), as franc codes, and Welsh.
 */
export const UK_HOME_LANGUAGES = ['eng', 'pol', 'urd', 'pan', 'ben', 'ara', 'ron', 'por', 'som', 'spa', 'guj', 'tam', 'lit', 'ita', 'fra', 'tur', 'cmn', 'pus', 'pes', 'als', 'bul', 'rus', 'cym'];

/** Where the script alone cannot tell: the languages franc chooses among, by script. */
export const SCRIPT_CANDIDATES = {
  arabic: ['urd', 'pes'],
  cyrillic: ['rus', 'bul', 'srp', 'mkd'],
  devanagari: ['hin', 'mar', 'nep'],
  ethiopic: ['tir', 'amh'],
} as const;

export const FRANC_LANGUAGES: readonly string[] = [...new Set([...Object.keys(LANGUAGES), ...UK_HOME_LANGUAGES, ...Object.values(SCRIPT_CANDIDATES).flat()])].sort();
