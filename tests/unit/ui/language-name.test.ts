/** components/language-name.ts: the reply boxes name their language in the interface's language, not "(eng)". */
import { describe, expect, it } from 'vitest';
import { languageName } from '../../../components/language-name';

describe('a policy language’s name', () => {
  it('is said in the interface’s language', () => {
    expect(languageName('eng', 'en-GB')).toBe('English');
    expect(languageName('cym', 'en')).toBe('Welsh');
    expect(languageName('eng', 'cy')).toBe('Saesneg');
    expect(languageName('cym', 'cy')).toBe('Cymraeg');
  });

  it('is the code where there is no name, and never throws', () => {
    expect(languageName('qaa', 'en')).toBe('qaa');
    expect(languageName('not a code', 'en')).toBe('not a code');
    expect(languageName('eng', 'not a locale!')).toBe('eng');
  });
});
