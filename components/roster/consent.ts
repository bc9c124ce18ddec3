/**
 * Consent as the roster table shows it: one choice per channel group (given, refused, not recorded). A
 * pupil whose consent is one answer for everything shows it in every column; changing one column records
 * consent per channel from then on.
 */
import type { Channel } from '../../lib/policy/schema';
import type { ConsentColumn } from '../../lib/roster/csv';
import { consentState } from '../../lib/rules/roster';
import type { Consent, ConsentState, Pupil } from '../../lib/rules/types';

const CHANNELS_OF: Record<ConsentColumn, Channel[]> = {
  'class-story': ['class-story'],
  'school-story': ['school-story'],
  'student-story': ['student-story'],
  messages: ['class-chat', 'private-chat'],
};

/** The column's state; a group whose channels disagree shows its least permissive one. */
export function consentFor(p: Pupil, column: ConsentColumn): ConsentState {
  const states = CHANNELS_OF[column].map((c) => consentState(p, c));
  return states.includes('refused') ? 'refused' : states.includes('not-recorded') ? 'not-recorded' : 'given';
}

const VALUE: Record<ConsentState, Consent> = { given: true, refused: false, 'not-recorded': null };

export function withConsent(p: Pupil, column: ConsentColumn, state: ConsentState): Pupil {
  const all = Object.values(CHANNELS_OF).flat();
  const base: Partial<Record<Channel, Consent>> =
    p.photoConsent !== null && typeof p.photoConsent === 'object'
      ? { ...p.photoConsent }
      : Object.fromEntries(all.map((c) => [c, p.photoConsent as Consent]));
  for (const c of CHANNELS_OF[column]) base[c] = VALUE[state];
  return { ...p, photoConsent: base };
}
