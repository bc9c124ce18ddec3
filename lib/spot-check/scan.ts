/**
 * Spot-check: a senior leader reviews a class page against the policy. Every rule the policy has on runs
 * in audit mode (recorded, never blocking), each post checked as it was when posted (its own time).
 * Pure: the page layer reads posts and draws the results.
 */
import type { Channel, Policy } from '../policy/schema';
import { checkDraft } from '../rules/index';
import { authorOf } from './record';
import type { Finding, HolidayCalendar, Pupil } from '../rules/types';

export interface PostInput {
  id: string;
  text: string;
  /** ISO time the post was made; out-of-hours is judged against it. */
  time?: string;
  author?: string;
  media: number;
}

export interface PostResult {
  id: string;
  author: string;
  time?: string;
  findings: Finding[];
}

/** The policy with every rule that is on turned to audit: a spot-check records, it never blocks. */
export function auditPolicy(policy: Policy): Policy {
  const rules = Object.fromEntries(
    Object.entries(policy.rules).map(([id, rule]) => [id, rule.action === 'off' ? rule : { ...rule, action: 'audit' }]),
  ) as Policy['rules'];
  return { ...policy, rules };
}

export function scanPost(post: PostInput, channel: Channel, ctx: { policy: Policy; roster: Pupil[]; calendar?: HolidayCalendar }): PostResult {
  const at = post.time && !Number.isNaN(Date.parse(post.time)) ? post.time : new Date().toISOString();
  const findings = checkDraft({ text: post.text, channel, at, media: post.media }, ctx);
  // A post without a readable time cannot be judged for hours.
  const kept = post.time ? findings : findings.filter((f) => f.rule !== 'out-of-hours');
  // The page says who posted: one line, no bidi controls (they would reverse our own dates beside it), and
  // short, as the record keeps it (authorOf).
  return { id: post.id, author: authorOf(post.author) || 'Unknown', time: post.time, findings: kept };
}

export interface Summary {
  posts: number;
  withFindings: number;
  byRule: Record<string, number>;
  byAuthor: Record<string, number>;
  oldest?: string;
  newest?: string;
}

export function summarise(results: Iterable<PostResult>): Summary {
  const s: Summary = { posts: 0, withFindings: 0, byRule: {}, byAuthor: {} };
  for (const r of results) {
    s.posts++;
    if (r.findings.length) s.withFindings++;
    for (const f of r.findings) {
      s.byRule[f.rule] = (s.byRule[f.rule] ?? 0) + 1;
      s.byAuthor[r.author] = (s.byAuthor[r.author] ?? 0) + 1;
    }
    if (r.time) {
      if (!s.oldest || r.time < s.oldest) s.oldest = r.time;
      if (!s.newest || r.time > s.newest) s.newest = r.time;
    }
  }
  return s;
}
