/**
 * The rule tests' helper checks the message id of every expected finding (issue 15, as ESLint's RuleTester
 * does): a wrong id fails, and a case written without one, or with one the rule does not declare, fails
 * with a message saying so rather than passing on the span alone.
 */
import { describe, expect, it } from 'vitest';
import { declaredMessageIds, expectFindings, policy, type Expected } from './helpers';

const bentley = policy('bentley-new-village');
const text = 'Well done to Amelia Hughes for her story!';

describe('expectFindings and message ids', () => {
  it('passes with the right id', () => {
    expectFindings('full-name', bentley, { text }, [{ span: 'Amelia Hughes', messageId: 'onRoster', fix: 'Amelia' }]);
  });
  it('fails on a declared id that is not the one given (a roster pupil is not "likely")', () => {
    expect(() => expectFindings('full-name', bentley, { text }, [{ span: 'Amelia Hughes', messageId: 'likely', fix: 'Amelia' }])).toThrow();
  });
  it('fails, saying so, on a case with no id', () => {
    const missing = [{ span: 'Amelia Hughes', fix: 'Amelia' }] as unknown as Expected[];
    expect(() => expectFindings('full-name', bentley, { text }, missing)).toThrow(/full-name: expected finding 0 \(span "Amelia Hughes"\) has no messageId: state one of onRoster, likely/);
    const empty = [{ span: 'Amelia Hughes', messageId: '', fix: 'Amelia' }];
    expect(() => expectFindings('full-name', bentley, { text }, empty)).toThrow(/has no messageId/);
  });
  it('fails, saying so, on an id the rule does not declare (another rule\'s, or a typo)', () => {
    expect(() => expectFindings('full-name', bentley, { text }, [{ span: 'Amelia Hughes', messageId: 'named', fix: 'Amelia' }])).toThrow(/has messageId "named", which the rule does not declare: one of onRoster, likely/);
    expect(() => expectFindings('photo-consent', bentley, { text: 'Our trip!', media: true, tagged: ['Harry Davies'] }, [{ span: '', messageId: 'noconsent' }])).toThrow(/does not declare/);
  });
  it('checks the ids of the expected list even where the rule finds nothing', () => {
    const missing = [{ span: 'Amelia' }] as unknown as Expected[];
    expect(() => expectFindings('full-name', bentley, { text: 'Well done Amelia!' }, missing)).toThrow(/has no messageId/);
  });
  it('reads the declared ids from the rule modules', () => {
    expect(declaredMessageIds('full-name')).toEqual(['onRoster', 'likely']);
    expect(declaredMessageIds('negative-points')).toEqual(['taken']);
  });
});
