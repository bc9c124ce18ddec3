/**
 * Consent as the roster table shows it: one box per channel group. A pupil whose consent is one yes/no
 * for everything shows it in every box; changing one box records consent per channel from then on.
 */
import type { Channel } from '../../lib/policy/schema';
import type { ConsentColumn } from '../../lib/roster/csv';
import type { Pupil } from '../../lib/rules/types';

const CHANNELS_OF: Record<ConsentColumn, Channel[]> = {
  'class-story': ['class-story'],
  'school-story': ['school-story'],
  'student-story': ['student-story'],
  messages: ['class-chat', 'private-chat'],
};

export function consentFor(p: Pupil, column: ConsentColumn): boolean {
  if (typeof p.photoConsent === 'boolean') return p.photoConsent;
  return CHANNELS_OF[column].every((c) => (p.photoConsent as Partial<Record<Channel, boolean>>)[c] === true);
}

export function withConsent(p: Pupil, column: ConsentColumn, allowed: boolean): Pupil {
  const base: Partial<Record<Channel, boolean>> =
    typeof p.photoConsent === 'boolean'
      ? Object.fromEntries(Object.values(CHANNELS_OF).flat().map((c) => [c, p.photoConsent as boolean]))
      : { ...p.photoConsent };
  for (const c of CHANNELS_OF[column]) base[c] = allowed;
  return { ...p, photoConsent: base };
}
