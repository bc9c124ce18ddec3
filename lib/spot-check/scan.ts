/**
 * Spot-check: a senior leader reviews a class page against the policy. Every rule the policy has on runs
 * in audit mode (recorded, never blocking), each post checked as it was when posted (its own time).
 * Pure: the page layer reads posts and draws the results.
 */
import type { Channel, Policy } from '../policy/schema';
import { checkDraft } from '../rules/index';
import { authorOf, findingKey, toLookAt, type Outcome } from './record';
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

/**
 * What the overlay says of the posts on the page. Findings are counted per post and rule (the unit of the
 * record, the history and the chart: lib/spot-check/record.ts `findingKey`), never per matched word.
 */
export interface Summary {
  posts: number;
  withFindings: number;
  /** Findings (post and rule) still to look at (`toLookAt`): the sum of `byRule`. */
  findings: number;
  /** Findings the leader ruled "No issue": counted here only, in none of the other figures. */
  noIssue: number;
  /** Posts raising each rule. */
  byRule: Record<string, number>;
  /** Findings (post and rule) in each author's posts. */
  byAuthor: Record<string, number>;
  oldest?: string;
  newest?: string;
}

/**
 * The overlay's counts of scanned posts (`Summary`), with the leader's decisions so far (`ruled`, by finding
 * key: record.ts `ruledOutcomes`): a finding ruled "No issue" is not something to look at (`toLookAt`).
 */
export function summarise(results: Iterable<PostResult>, ruled?: ReadonlyMap<string, Outcome>): Summary {
  const s: Summary = { posts: 0, withFindings: 0, findings: 0, noIssue: 0, byRule: {}, byAuthor: {} };
  for (const r of results) {
    s.posts++;
    const rules = [...new Set(r.findings.map((f) => f.rule))];
    const live = rules.filter((rule) => toLookAt({ outcome: ruled?.get(findingKey(r.id, { rule })) }));
    s.noIssue += rules.length - live.length;
    if (live.length) s.withFindings++;
    for (const rule of live) {
      s.findings++;
      s.byRule[rule] = (s.byRule[rule] ?? 0) + 1;
      s.byAuthor[r.author] = (s.byAuthor[r.author] ?? 0) + 1;
    }
    if (r.time) {
      if (!s.oldest || r.time < s.oldest) s.oldest = r.time;
      if (!s.newest || r.time > s.newest) s.newest = r.time;
    }
  }
  return s;
}

/** One post's findings grouped by rule, in the order each rule first appears: the rows a leader decides on. */
export function findingsByRule(findings: Finding[]): { rule: Finding['rule']; spans: Finding[] }[] {
  const out = new Map<Finding['rule'], Finding[]>();
  for (const f of findings) out.set(f.rule, [...(out.get(f.rule) ?? []), f]);
  return [...out].map(([rule, spans]) => ({ rule, spans }));
}

/** The words of a post a finding is about, each once, joined by " … " (at most 5, then "…"); undefined for none. */
export function excerptOf(text: string, spans: { start: number; end: number }[]): string | undefined {
  const words = [...new Set(spans.filter((f) => f.end > f.start).map((f) => text.slice(f.start, f.end)))];
  if (words.length === 0) return undefined;
  return words.length > 5 ? `${words.slice(0, 5).join(' … ')} …` : words.join(' … ');
}
