import { describe, expect, it } from 'vitest';
import { check, expectFindings, policy } from './helpers';

const malpas = policy('malpas-court');

describe('negative-points', () => {
  it('blocks taking a point away under Malpas Court’s policy', () => {
    expectFindings('negative-points', malpas, { text: 'Off task', channel: 'points', points: -1 }, [{ span: 'Off task', messageId: 'taken' }]);
    const [f] = check(malpas, { text: 'Off task', channel: 'points', points: -2 });
    expect(f).toMatchObject({ rule: 'negative-points', messageId: 'taken', severity: 'block' });
    expect(f?.message).toContain('2 points');
  });
  it('allows positive awards', () => {
    expectFindings('negative-points', malpas, { text: 'Helping others', channel: 'points', points: 1 }, []);
  });
  it('is off where the policy is silent', () => {
    expectFindings('negative-points', policy('bentley-new-village'), { text: 'Off task', channel: 'points', points: -1 }, []);
  });
});
