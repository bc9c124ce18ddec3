/**
 * The class roster, indexed for matching names in text whatever their case, accents, apostrophes or
 * hyphens: "niamh oconnor" finds Niamh O'Connor, "Jayden Smith Walker" finds Jayden Smith-Walker.
 */
import { CHANNELS, type Channel } from '../policy/vocab';
import { foldKey } from '../text/tokens';
import type { Consent, ConsentState, Pupil } from './types';

export interface IndexedPupil {
  pupil: Pupil;
  /** The preferred names' keys (what a fix uses). */
  firstKey: string;
  lastKey: string;
  /** Every first-name and surname key the pupil is found by: preferred first, then legal where it differs. */
  firstKeys: string[];
  lastKeys: string[];
  display: string;
}

export interface RosterIndex {
  pupils: IndexedPupil[];
  byFirst: Map<string, IndexedPupil[]>;
  byLast: Map<string, IndexedPupil[]>;
  /** First-name keys shared by two or more pupils: their fix is "Oliver B.". */
  sharedFirst: Set<string>;
}

/** A name's words folded and joined: "Smith-Walker" and "Smith Walker" both give "smithwalker". */
export function nameKey(name: string): string {
  return name
    .split(/\s+/)
    .map((w) => foldKey(w))
    .join('');
}

export function indexRoster(roster: readonly Pupil[]): RosterIndex {
  const byFirst = new Map<string, IndexedPupil[]>();
  const byLast = new Map<string, IndexedPupil[]>();
  const pupils: IndexedPupil[] = [];
  const add = (map: Map<string, IndexedPupil[]>, key: string, entry: IndexedPupil) => {
    const list = map.get(key) ?? [];
    if (!list.includes(entry)) map.set(key, [...list, entry]);
  };
  for (const pupil of roster) {
    const firstKey = nameKey(pupil.first);
    const lastKey = nameKey(pupil.last);
    if (!firstKey) continue;
    // The legal names are keys to the same pupil: a teacher who writes "Alexander Hughes" for Alex is found.
    const firstKeys = [...new Set([firstKey, nameKey(pupil.legalFirst ?? '')].filter(Boolean))];
    const lastKeys = [...new Set([lastKey, nameKey(pupil.legalLast ?? '')].filter(Boolean))];
    const entry: IndexedPupil = { pupil, firstKey, lastKey, firstKeys, lastKeys, display: `${pupil.first} ${pupil.last}`.trim() };
    pupils.push(entry);
    for (const key of firstKeys) add(byFirst, key, entry);
    for (const key of lastKeys) add(byLast, key, entry);
  }
  const sharedFirst = new Set([...byFirst].filter(([, list]) => list.length > 1).map(([key]) => key));
  return { pupils, byFirst, byLast, sharedFirst };
}

/**
 * The pupils a tagged name ("Amelia Hughes", "amelia", "Oliver B.") can be: none (not on the roster), one,
 * or several (a first name or an initial two pupils share, counting legal names: "Amelia" when Millie's
 * legal name is Amelia too). A full surname that matches picks that pupil alone.
 */
export function matchTagged(index: RosterIndex, tagged: string): IndexedPupil[] {
  const words = tagged.trim().split(/\s+/);
  const first = nameKey(words[0] ?? '');
  const rest = nameKey(words.slice(1).join(' '));
  const candidates = index.byFirst.get(first) ?? [];
  if (!rest) return candidates;
  const exact = candidates.filter((c) => c.lastKeys.includes(rest));
  if (exact.length > 0) return exact;
  return rest.length === 1 ? candidates.filter((c) => c.lastKeys.some((k) => k.startsWith(rest))) : [];
}


/** The pupil's photo consent for a channel: given, refused, or not recorded (never assumed either way). */
export function consentState(pupil: Pupil, channel: Channel): ConsentState {
  const consent = pupil.photoConsent;
  const value: Consent | undefined = consent !== null && typeof consent === 'object' ? consent[channel] : consent;
  return value === true ? 'given' : value === false ? 'refused' : 'not-recorded';
}

export function hasConsent(pupil: Pupil, channel: Channel): boolean {
  return consentState(pupil, channel) === 'given';
}

const YES = new Set(['true', 'yes', 'y', '1', 'consent', 'given', 'ok']);
const NO = new Set(['false', 'no', 'n', '0', 'refused', 'withdrawn', 'none']);

export function toBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return YES.has(value.trim().toLowerCase());
  return undefined;
}

/** Consent from untrusted JSON: yes-words give it, no-words refuse it, null, absent or anything else is not recorded. */
export function toConsent(value: unknown): Consent {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    return YES.has(v) ? true : NO.has(v) ? false : null;
  }
  return null;
}

/** A roster entry from untrusted JSON (a CLI line, stored settings), or why it is not one. */
export function parsePupil(value: unknown, i: number): Pupil | string {
  if (!value || typeof value !== 'object') return `roster[${i}] must be an object with "first" and "last"`;
  const v = value as Record<string, unknown>;
  if (typeof v.first !== 'string' || !v.first.trim()) return `roster[${i}].first must be a name`;
  if (v.last !== undefined && typeof v.last !== 'string') return `roster[${i}].last must be text`;
  for (const key of ['legalFirst', 'legalLast'] as const) {
    if (v[key] !== undefined && typeof v[key] !== 'string') return `roster[${i}].${key} must be text`;
  }
  let photoConsent: Pupil['photoConsent'];
  if (v.photoConsent && typeof v.photoConsent === 'object') {
    const per: Partial<Record<Channel, Consent>> = {};
    for (const [channel, allowed] of Object.entries(v.photoConsent)) {
      if (!(CHANNELS as readonly string[]).includes(channel)) return `roster[${i}].photoConsent: unknown channel "${channel}"`;
      per[channel as Channel] = toConsent(allowed);
    }
    photoConsent = per;
  } else photoConsent = toConsent(v.photoConsent);
  const first = v.first.trim();
  const last = typeof v.last === 'string' ? v.last.trim() : '';
  const legalFirst = typeof v.legalFirst === 'string' ? v.legalFirst.trim() : '';
  const legalLast = typeof v.legalLast === 'string' ? v.legalLast.trim() : '';
  return {
    first,
    last,
    ...(legalFirst && legalFirst !== first ? { legalFirst } : {}),
    ...(legalLast && legalLast !== last ? { legalLast } : {}),
    photoConsent,
    inCare: toBool(v.inCare) ?? false,
  };
}


/** The valid entries of a stored roster; anything else (a corrupt value, an entry with no name) is left out. */
export function sanitizeRoster(value: unknown): Pupil[] {
  if (!Array.isArray(value)) return [];
  return value.map((v, i) => parsePupil(v, i)).filter((p): p is Pupil => typeof p !== 'string');
}
