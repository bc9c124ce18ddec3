import { describe, expect, it } from 'vitest';
import { ukBankHolidays } from '../../../lib/calendar/bank-holidays';
import { auditPolicy, scanPost, summarise } from '../../../lib/spot-check/scan';
import { policy, ROSTER } from '../rules/helpers';

const bentley = auditPolicy(policy('bentley-new-village'));
const ctx = { policy: bentley, roster: ROSTER, calendar: ukBankHolidays };

describe('spot-check scanning', () => {
  it('turns every rule that is on to audit, and leaves rules that are off alone', () => {
    expect(bentley.rules['full-name'].action).toBe('audit');
    expect(bentley.rules['photo-consent'].action).toBe('audit');
    expect(bentley.rules['negative-points'].action).toBe('off');
  });

  it('finds a full name, sensitive details, and a post made out of hours (judged at its own time)', () => {
    const r1 = scanPost({ id: 'p2', text: 'Well done to Amelia Hughes for her story!', time: '2026-11-20T14:10:00Z', author: 'Ms Carter', media: 0 }, 'class-story', ctx);
    expect(r1.findings.map((f) => [f.rule, f.severity])).toEqual([['full-name', 'info']]);
    const r2 = scanPost({ id: 'p5', text: "Don't forget swimming kits tomorrow!", time: '2026-11-15T21:40:00Z', author: 'Ms Carter', media: 0 }, 'class-story', ctx);
    expect(r2.findings.map((f) => f.rule)).toEqual(['out-of-hours']);
    const clean = scanPost({ id: 'p6', text: 'Head lice are going round, please check hair.', time: '2026-11-13T12:00:00Z', author: 'Ms Carter', media: 0 }, 'class-story', ctx);
    expect(clean.findings).toEqual([]);
  });

  it('does not judge hours for a post without a readable time', () => {
    expect(scanPost({ id: 'x', text: 'Swimming tomorrow', author: 'A', media: 0 }, 'class-story', ctx).findings).toEqual([]);
  });

  it('summarises posts, findings by rule and by author, and the oldest and newest post', () => {
    const results = [
      scanPost({ id: 'a', text: 'Amelia Hughes was great', time: '2026-11-20T10:00:00Z', author: 'Ms Carter', media: 0 }, 'class-story', ctx),
      scanPost({ id: 'b', text: 'Lovely week', time: '2026-11-10T10:00:00Z', author: 'Mr Price', media: 0 }, 'class-story', ctx),
    ];
    expect(summarise(results)).toEqual({
      posts: 2,
      withFindings: 1,
      findings: 1,
      noIssue: 0,
      byRule: { 'full-name': 1 },
      byAuthor: { 'Ms Carter': 1 },
      oldest: '2026-11-10T10:00:00Z',
      newest: '2026-11-20T10:00:00Z',
    });
  });
});
