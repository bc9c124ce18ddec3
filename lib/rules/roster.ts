/**
 * The class roster, indexed for matching names in text whatever their case, accents, apostrophes or
 * hyphens: "niamh oconnor" finds Niamh O'Connor, "Jayden Smith Walker" finds Jayden Smith-Walker.
 */
import { CHANNELS, type Channel } from '../policy/vocab';
import { foldKey } from '../text/tokens';
import type { Pupil } from './types';

export interface IndexedPupil {
  pupil: Pupil;
  firstKey: string;
  lastKey: string;
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
  for (const pupil of roster) {
    const firstKey = nameKey(pupil.first);
    const lastKey = nameKey(pupil.last);
    if (!firstKey) continue;
    const entry = { pupil, firstKey, lastKey, display: `${pupil.first} ${pupil.last}`.trim() };
    pupils.push(entry);
    byFirst.set(firstKey, [...(byFirst.get(firstKey) ?? []), entry]);
    if (lastKey) byLast.set(lastKey, [...(byLast.get(lastKey) ?? []), entry]);
  }
  const sharedFirst = new Set([...byFirst].filter(([, list]) => list.length > 1).map(([key]) => key));
  return { pupils, byFirst, byLast, sharedFirst };
}

/** A tagged name ("Amelia Hughes", "amelia", "Oliver B.") resolved against the roster, if it can be. */
export function findTagged(index: RosterIndex, tagged: string): IndexedPupil | undefined {
  const words = tagged.trim().split(/\s+/);
  const first = nameKey(words[0] ?? '');
  const rest = nameKey(words.slice(1).join(' '));
  const candidates = index.byFirst.get(first) ?? [];
  if (!rest) return candidates.length === 1 ? candidates[0] : undefined;
  return candidates.find((c) => c.lastKey === rest) ?? candidates.find((c) => rest.length === 1 && c.lastKey.startsWith(rest));
}

export function hasConsent(pupil: Pupil, channel: Channel): boolean {
  const consent = pupil.photoConsent;
  if (typeof consent === 'boolean') return consent;
  return consent[channel] === true;
}

const YES = new Set(['true', 'yes', 'y', '1', 'consent', 'given', 'ok']);

export function toBool(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') return value !== 0;
  if (typeof value === 'string') return YES.has(value.trim().toLowerCase());
  return undefined;
}

/** A roster entry from untrusted JSON (a CLI line, stored settings), or why it is not one. */
export function parsePupil(value: unknown, i: number): Pupil | string {
  if (!value || typeof value !== 'object') return `roster[${i}] must be an object with "first" and "last"`;
  const v = value as Record<string, unknown>;
  if (typeof v.first !== 'string' || !v.first.trim()) return `roster[${i}].first must be a name`;
  if (v.last !== undefined && typeof v.last !== 'string') return `roster[${i}].last must be text`;
  let photoConsent: Pupil['photoConsent'] = false;
  if (v.photoConsent && typeof v.photoConsent === 'object') {
    const per: Partial<Record<Channel, boolean>> = {};
    for (const [channel, allowed] of Object.entries(v.photoConsent)) {
      if (!(CHANNELS as readonly string[]).includes(channel)) return `roster[${i}].photoConsent: unknown channel "${channel}"`;
      per[channel as Channel] = toBool(allowed) ?? false;
    }
    photoConsent = per;
  } else photoConsent = toBool(v.photoConsent) ?? false;
  return { first: v.first.trim(), last: typeof v.last === 'string' ? v.last.trim() : '', photoConsent, inCare: toBool(v.inCare) ?? false };
}


/** The valid entries of a stored roster; anything else (a corrupt value, an entry with no name) is left out. */
export function sanitizeRoster(value: unknown): Pupil[] {
  if (!Array.isArray(value)) return [];
  return value.map((v, i) => parsePupil(v, i)).filter((p): p is Pupil => typeof p !== 'string');
}
