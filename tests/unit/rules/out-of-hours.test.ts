import { describe, expect, it } from 'vitest';
import { check, expectFindings, policy } from './helpers';

const bentley = policy('bentley-new-village');
const at = (iso: string) => ({ text: 'Reminder: swimming tomorrow', at: iso });

describe('out-of-hours', () => {
  it('allows a weekday inside the window (London time, winter: UTC+0)', () => {
    expectFindings('out-of-hours', bentley, at('2026-11-24T08:00:00Z'), []);
    expectFindings('out-of-hours', bentley, at('2026-11-24T16:59:00Z'), []);
  });
  it('flags just after the window closes, with the next allowed time', () => {
    const [f] = check(bentley, at('2026-11-24T17:00:00Z')).filter((x) => x.rule === 'out-of-hours');
    expect(f?.messageId).toBe('outside-window');
    expect(f?.message).toContain('Schedule for Wed 25 Nov, 08:00');
    expect(f?.next).toBe('2026-11-25T08:00:00.000Z');
  });
  it('flags a Sunday evening and schedules for Monday 08:00', () => {
    const [f] = check(bentley, at('2026-11-22T21:40:00Z')).filter((x) => x.rule === 'out-of-hours');
    expect(f?.messageId).toBe('weekend-or-no-window');
    expect(f?.message).toContain('Schedule for Mon 23 Nov, 08:00');
  });
  it('works in British Summer Time: 07:30 UTC in June is 08:30 in London', () => {
    expectFindings('out-of-hours', bentley, at('2026-06-10T07:30:00Z'), []);
    expectFindings('out-of-hours', bentley, at('2026-06-10T16:30:00Z'), [{ span: '', messageId: 'outside-window' }]); // 17:30 BST
  });
  it('handles the clock change day: 29 March 2026, a Sunday', () => {
    const [f] = check(bentley, at('2026-03-29T09:00:00Z')).filter((x) => x.rule === 'out-of-hours');
    expect(f?.messageId).toBe('weekend-or-no-window');
    expect(f?.next).toBe('2026-03-30T07:00:00.000Z'); // Monday 08:00 BST
  });
  it('flags a bank holiday substitute day: Monday 28 December 2026', () => {
    const [f] = check(bentley, { ...at('2026-12-28T10:00:00Z'), channel: 'private-chat' }).filter((x) => x.rule === 'out-of-hours');
    expect(f?.messageId).toBe('bank-holiday');
    expect(f?.message).toMatch(/bank holiday/);
    expect(f?.message).toContain('Schedule for Tue 29 Dec, 08:00');
  });
  it('flags a closure date, naming it', () => {
    const pol = policy('bentley-new-village', (p) => (p.hours.closures = [{ start: '2026-11-24', end: '2026-11-24', label: 'INSET day' }]));
    const [f] = check(pol, at('2026-11-24T10:00:00Z')).filter((x) => x.rule === 'out-of-hours');
    expect(f?.messageId).toBe('closure');
    expect(f?.message).toContain('INSET day');
    expect(f?.message).toContain('Wed 25 Nov, 08:00');
  });
  it('flags outside term time when the school has entered its terms (Broughton)', () => {
    const pol = policy('broughton', (p) => (p.hours.terms = [{ start: '2026-09-02', end: '2026-12-18' }, { start: '2027-01-05', end: '2027-03-26' }]));
    const [f] = check(pol, at('2026-12-22T10:00:00Z')).filter((x) => x.rule === 'out-of-hours');
    expect(f?.messageId).toBe('out-of-term');
    expect(f?.message).toMatch(/outside term time/);
    expect(f?.next).toBe('2027-01-05T08:00:00.000Z');
  });
  it('uses Malpas Court’s teachers’ window, 08:30–17:00', () => {
    const malpas = policy('malpas-court');
    expectFindings('out-of-hours', malpas, at('2026-11-24T08:15:00Z'), [{ span: '', messageId: 'outside-window' }]);
    expectFindings('out-of-hours', malpas, at('2026-11-24T16:45:00Z'), []);
  });
  it('finds nothing when the policy sets no hours (Papworth Hall)', () => {
    expectFindings('out-of-hours', policy('papworth-hall'), at('2026-11-22T23:00:00Z'), []);
  });
});
