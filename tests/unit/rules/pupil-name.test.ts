import { describe, it } from 'vitest';
import { expectFindings, policy, type Expected } from './helpers';

const aup = policy('acceptable-use-v2');

describe('pupil-name', () => {
  const invalid: [string, string, Expected[]][] = [
    ['a first name', 'Thank you Amelia for the lovely card.', [{ span: 'Amelia' }]],
    ['a full name', 'Amelia Hughes read beautifully.', [{ span: 'Amelia Hughes' }]],
    ['a name with an initial', 'Well done Oliver B.', [{ span: 'Oliver B' }]],
    ['a lower-case name', 'well done zofia', [{ span: 'zofia' }]],
    ['names that are words, used as names', 'Will and Rose made a poster with Grace.', [{ span: 'Will' }, { span: 'Rose' }, { span: 'Grace' }]],
    ['possessive', "Dafydd's model was amazing.", [{ span: 'Dafydd' }]],
  ];
  for (const [name, text, expected] of invalid) it(`flags ${name}`, () => expectFindings('pupil-name', aup, { text, channel: 'class-chat' }, expected));

  const valid: [string, string][] = [
    ['a notice to all families', 'PE is on Tuesday: please send kits in.'],
    ['words that are names, as words', 'Will you all remember your reading books? We hope to see you in May.'],
    ['lower-case words', 'the rose garden was in full bloom, what a grace'],
    ['staff', 'Mrs Davies will lead the assembly.'],
  ];
  for (const [name, text] of valid) it(`allows ${name}`, () => expectFindings('pupil-name', aup, { text, channel: 'class-chat' }, []));

  it('allows names in a private chat', () => expectFindings('pupil-name', aup, { text: 'Amelia did well today.', channel: 'private-chat' }, []));
  it('uses common first names when no roster is given', () => {
    expectFindings('pupil-name', aup, { text: 'Thank you Sophie for the flowers.', channel: 'class-story' }, [{ span: 'Sophie' }], []);
  });
  it('is off where the policy allows first names (Bentley)', () => {
    expectFindings('pupil-name', policy('bentley-new-village'), { text: 'Thank you Amelia.' }, []);
  });
});
