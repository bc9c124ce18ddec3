/**
 * The options page's first line (probe 19d D12): a browser whose policy the school's IT set never opens with
 * "Choose the ClassDojo policy… checks nothing until you do".
 */
import { describe, expect, it } from 'vitest';
import { introKey } from '../../../entrypoints/options/intro';
import en from '../../../public/_locales/en/messages.json';
import { policy } from '../rules/helpers';

describe('the options page’s opening line', () => {
  const broughton = policy('broughton');
  it('says IT set the policy when IT chose it, that it was chosen here when it was, and asks only when there is none', () => {
    expect(introKey({ policy: broughton, itChoosesPolicy: true })).toBe('optionsIntroManaged');
    expect(introKey({ policy: broughton, itChoosesPolicy: false })).toBe('optionsIntroChosen');
    expect(introKey({ policy: null, itChoosesPolicy: false })).toBe('optionsIntro');
    expect(introKey(undefined)).toBe('optionsIntro');
    expect(en.optionsIntroManaged.message).toContain("school's IT set the ClassDojo policy");
    expect(en.optionsIntroManaged.message).not.toContain('checks nothing');
    expect(en.optionsIntroChosen.message).not.toContain('checks nothing');
  });

  it('says IT’s policy cannot be read, never "choose", when IT’s settings are why there is none (probe 19e D10)', () => {
    expect(introKey({ policy: null, itChoosesPolicy: true, problems: [{ layer: 'managed-json', problems: [] }] })).toBe('optionsIntroItBroken');
    expect(introKey({ policy: null, itChoosesPolicy: false, problems: [{ layer: 'managed', problems: [] }] })).toBe('optionsIntroItBroken');
    // The staff's own file that cannot be used, or no policy: asked to choose, as before.
    expect(introKey({ policy: null, itChoosesPolicy: false, problems: [{ layer: 'preset', problems: [] }] })).toBe('optionsIntro');
    expect(en.optionsIntroItBroken.message).not.toMatch(/^Choose/);
    expect(en.optionsIntroItBroken.message).toContain('cannot be read');
    expect(en.policyItBroken.message).not.toMatch(/choose/i);
  });
});
