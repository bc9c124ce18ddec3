/**
 * The class roster, indexed for matching names in text whatever their case, accents, apostrophes or
 * hyphens: "niamh oconnor" finds Niamh O'Connor, "Jayden Smith Walker" finds Jayden Smith-Walker.
 */
import type { Channel } from '../policy/schema';
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
