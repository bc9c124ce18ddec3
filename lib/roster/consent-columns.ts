/**
 * The channels a consent register records separately. Messages cover both kinds of chat. On its own so the
 * roster table (always in the options page) need not load the heading reader (lib/roster/headers.ts), which
 * loads with the import (components/Lazy.tsx).
 */
export const CONSENT_COLUMNS = ['class-story', 'school-story', 'student-story', 'messages'] as const;
export type ConsentColumn = (typeof CONSENT_COLUMNS)[number];
