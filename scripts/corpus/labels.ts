/**
 * The labelling rules the routing corpus follows where the taxonomy is ambiguous (issue 16), and the
 * frames relabelled to follow them. Applied by generate.ts after the frames are expanded, by group, so a
 * relabelled frame keeps its group (and so its fold and its side of the held-out split).
 *
 * Rules, in order (a message that raises two intents takes the first that applies; the router reports the
 * other as `secondary`):
 *   1. safeguarding: anything suggesting a child may be at risk of harm, however it is told;
 *   2. sickness: the child is ill or hurt and off, going home or not fit for school;
 *   3. absence: the child misses part or all of the school day for any other reason: late in, leaving early,
 *      appointments (medical ones too: "dentist at 2, can I collect her at 1.45"), holidays, family events,
 *      transport trouble, even when the message also asks for a message to be passed on;
 *   4. urgent: something today that staff must act on before home time and that is not rule 3: who collects,
 *      a parent late at pick-up, keep the child in the office, ring me now;
 *   5. complaint: a grievance about what the school did or did not do, whatever its topic (a trip, dinners,
 *      a team, a meeting wanted "asap" with the head about how something was handled);
 *   6. the topic: medical needs and medicines, dinners, clubs, trips, lost property;
 *   7. progress: how the child is learning (levels, targets, reading, help at home with learning, SEN
 *      support for learning);
 *   8. general: everything else, including homework logistics (where it is online, a login that fails: the
 *      class teacher answers that, it is not a question about progress), news, thanks and acknowledgements.
 */
import type { QueryCategory } from '../../lib/policy/schema';

export const RELABEL: Record<string, { intent: QueryCategory; rule: string }> = {
  // Rule 3: leaving early for the dentist is an absence, though the parent also asks for a message.
  'urgent-22': { intent: 'absence', rule: '3' },
  // Rule 3: notice that the child will be late some mornings.
  'hand-517': { intent: 'absence', rule: '3' },
  // Rule 8: homework logistics are the class teacher's, not progress (a meeting).
  'progress-15': { intent: 'general', rule: '8' },
  'near-2': { intent: 'general', rule: '8' },
  'hand-203': { intent: 'general', rule: '8' },
  'hand-204': { intent: 'general', rule: '8' },
  // "What is this week's homework?" in Urdu, Arabic and Polish: the same logistics (rule 8).
  'urd-day-2': { intent: 'general', rule: '8' },
  'ara-day-2': { intent: 'general', rule: '8' },
  'pol-day-3': { intent: 'general', rule: '8' },
};
