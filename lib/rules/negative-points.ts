/** negative-points: taking points away where the policy says points are never taken away (Malpas Court). */
import type { RuleModule } from './rule';

/** Taking points away where the policy says points are never taken away. */
export const negativePoints: RuleModule = {
  meta: {
    id: 'negative-points',
    fixable: false,
    messages: {
      taken: (d) => `“${d.skill}” would take ${d.points} away. At ${d.school}, Dojo points are never taken away for negative behaviour: award a positive skill instead.`,
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
        data: { skill, points: `${n} point${n === 1 ? '' : 's'}`, school: policy.name },
      },
    ];
  },
};
