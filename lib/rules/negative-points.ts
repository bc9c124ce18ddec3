/** negative-points: taking points away where the policy says points are never taken away (Malpas Court). */
import type { RuleModule } from './rule';

/** Taking points away where the policy says points are never taken away. */
export const negativePoints: RuleModule = {
  meta: {
    id: 'negative-points',
    fixable: false,
    // The catalog key of each message (public/_locales/<lang>/messages.json), worded by lib/i18n/finding.ts.
    messages: {
      taken: 'f_negative_points_taken',
    },
  },
  appliesIn: (policy) => policy.rules['negative-points'].channels ?? ['points'],
  check(draft, { policy }) {
    if (draft.points === undefined || !(draft.points < 0)) return [];
    const n = Math.abs(draft.points);
    const skill = draft.text.trim() || 'This award';
    return [
      {
        start: 0,
        end: draft.text.length,
        messageId: 'taken',
        data: { skill, points: String(n) },
      },
    ];
  },
};
