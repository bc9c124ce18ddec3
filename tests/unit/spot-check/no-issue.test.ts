import { describe, expect, it } from 'vitest';
import { checkReviews, emptyRecord, findingKey, mergeScan, ruledOutcomes, setOutcome, toLookAt, totals, type ScannedItem } from '../../../lib/spot-check/record';
import { exportRecord } from '../../../lib/spot-check/export';
import { summarise, type PostResult } from '../../../lib/spot-check/scan';

// Issue 20, probe 20e D2: a finding a leader ruled "No issue" is not "something to look at" anywhere — the
// overlay's counts and badges, the history table and the chart all use `toLookAt`.
const NOW = '2026-11-16T10:00:00.000Z';
const items: ScannedItem[] = [
  { id: 'p1', author: 'Ms Carter', findings: [{ rule: 'full-name', start: 0, end: 5 }, { rule: 'sensitive-content', start: 6, end: 10 }] },
  { id: 'p2', author: 'Mr Price', findings: [{ rule: 'full-name', start: 0, end: 5 }] },
  { id: 'p3', author: 'Mr Price', findings: [{ rule: 'out-of-hours', start: 0, end: 0 }] },
  { id: 'p4', author: 'Mr Price', findings: [] },
];
const results: PostResult[] = items.map((i) => ({ id: i.id, author: i.author!, findings: i.findings.map((f) => ({ ...f, action: 'audit', message: '' }) as never) }));

function decided() {
  let r = mergeScan(emptyRecord('c1', 'class-story', '2026-11-16', NOW), items, NOW);
  r = setOutcome(r, findingKey('p1', { rule: 'sensitive-content' }), 'no-issue', undefined, NOW);
  r = setOutcome(r, findingKey('p2', { rule: 'full-name' }), 'no-issue', undefined, NOW);
  r = setOutcome(r, findingKey('p3', { rule: 'out-of-hours' }), 'resolved', undefined, NOW);
  return r;
}

describe('a finding ruled "No issue"', () => {
  it('is not something to look at; resolved, follow-up and open ones are, while in their post', () => {
    expect(toLookAt({ outcome: 'no-issue' })).toBe(false);
    expect(toLookAt({ outcome: 'resolved' })).toBe(true);
    expect(toLookAt({ outcome: 'follow-up' })).toBe(true);
    expect(toLookAt({})).toBe(true);
    expect(toLookAt({ gone: true })).toBe(false);
  });

  it('is counted apart in the record’s totals (the history table and exports)', () => {
    const sum = totals(decided());
    expect(sum.findings).toBe(4);
    expect(sum.noIssue).toBe(2);
    expect(sum.toLook).toBe(2);
    expect(sum.toLookByRule).toEqual({ 'full-name': 1, 'out-of-hours': 1 });
    expect(sum.toLook + sum.noIssue).toBe(sum.findings);
    expect(JSON.parse(exportRecord(decided(), 'json').body)).toMatchObject({ findings: 4, toLook: 2, ruledNoIssue: 2 });
  });

  it('drops out of the overlay’s counts: posts with something to look at, by rule, by author', () => {
    const s = summarise(results, ruledOutcomes(decided()));
    expect(s).toMatchObject({ posts: 4, withFindings: 2, findings: 2, noIssue: 2, byRule: { 'full-name': 1, 'out-of-hours': 1 }, byAuthor: { 'Ms Carter': 1, 'Mr Price': 1 } });
    // Nothing decided yet: every finding counts.
    expect(summarise(results)).toMatchObject({ withFindings: 3, findings: 4, noIssue: 0 });
  });

  it('gives the overlay, the table and the chart the same figure for a first check', () => {
    const r = decided();
    const s = summarise(results, ruledOutcomes(r));
    const review = checkReviews([r]).get(r.key)!;
    expect(review.findings).toBe(s.findings);
    expect(review.findings).toBe(totals(r).toLook);
    expect(review.flagged).toBe(s.withFindings);
  });
});
