import { describe, it } from 'vitest';
import { expectFindings, policy, type Expected } from './helpers';

const bentley = policy('bentley-new-village');

describe('full-name', () => {
  const invalid: [string, string, Expected[]][] = [
    ['a full name', 'Well done to Amelia Hughes for her story!', [{ span: 'Amelia Hughes', fix: 'Amelia' }]],
    ['lower case', 'well done amelia hughes', [{ span: 'amelia hughes', fix: 'Amelia' }]],
    ['upper case', 'WELL DONE AMELIA HUGHES', [{ span: 'AMELIA HUGHES', fix: 'Amelia' }]],
    ['two pupils share the first name: initial fix', 'Oliver Bennett was star of the week.', [{ span: 'Oliver Bennett', fix: 'Oliver B.' }]],
    ['the other Oliver', 'Thanks to Oliver Patel.', [{ span: 'Oliver Patel', fix: 'Oliver P.' }]],
    ['apostrophe in the surname', "Niamh O'Connor read aloud.", [{ span: "Niamh O'Connor", fix: 'Niamh' }]],
    ['curly apostrophe', 'Niamh O\u2019Connor read aloud.', [{ span: 'Niamh O\u2019Connor', fix: 'Niamh' }]],
    ['apostrophe left out', 'Niamh OConnor read aloud.', [{ span: 'Niamh OConnor', fix: 'Niamh' }]],
    ['hyphenated surname', 'Jayden Smith-Walker scored a goal.', [{ span: 'Jayden Smith-Walker', fix: 'Jayden' }]],
    ['hyphen written as a space', 'Jayden Smith Walker scored a goal.', [{ span: 'Jayden Smith Walker', fix: 'Jayden' }]],
    ['accent', 'Siân Evans sang a solo.', [{ span: 'Siân Evans', fix: 'Siân' }]],
    ['accent left out', 'Sian Evans sang a solo.', [{ span: 'Sian Evans', fix: 'Siân' }]],
    ['possessive keeps its ending out of the span', "Amelia Hughes's poem won.", [{ span: 'Amelia Hughes', fix: 'Amelia' }]],
    ['a name that is also a word', 'Will Harris helped tidy up.', [{ span: 'Will Harris', fix: 'Will' }]],
    ['surname first, as in a register', 'Hughes, Amelia: 10 points', [{ span: 'Hughes, Amelia', fix: 'Amelia' }]],
    ['a child not on the roster', 'Congratulations to Sophie Marsh on her swimming badge.', [{ span: 'Sophie Marsh', fix: 'Sophie' }]],
    ['two names', 'Amelia Hughes and Grace Taylor', [{ span: 'Amelia Hughes', fix: 'Amelia' }, { span: 'Grace Taylor', fix: 'Grace' }]],
  ];
  for (const [name, text, expected] of invalid) it(`flags ${name}`, () => expectFindings('full-name', bentley, { text }, expected));

  const valid: [string, string][] = [
    ['first names only', 'Well done to Amelia and Grace for their stories!'],
    ['first name and surname initial', 'Star of the week: Oliver B. for helping others.'],
    ['initial without a full stop', 'Star of the week: Oliver B for helping others.'],
    ['staff with titles', 'Mr Lund and Mrs Davies came to our assembly.'],
    ['a teacher who shares a pupil’s name', 'Miss Grace Taylor will be covering on Friday.'],
    ['historical figures', 'We learned about Florence Nightingale and Mary Seacole.'],
    ['authors and characters', 'We read Roald Dahl and met Harry Potter in our book corner.'],
    ['places', 'We walked to Victoria Park and Grace Road.'],
    ['book title in quotes', 'Our class book is "Tom Gates" this half term.'],
    ['first names that are words', 'Will you bring your kits? Hope you have a lovely weekend, see you in May!'],
    ['days after a name', 'Amelia Monday and Tuesday are swimming days.'],
  ];
  for (const [name, text] of valid) it(`allows ${name}`, () => expectFindings('full-name', bentley, { text }, []));

  it('allows a full name in a private message (not a shared channel)', () => {
    expectFindings('full-name', bentley, { text: 'Amelia Hughes was brilliant today.', channel: 'private-chat' }, []);
  });
  it('is off where the policy is silent (Broughton)', () => {
    expectFindings('full-name', policy('broughton'), { text: 'Amelia Hughes was brilliant today.' }, []);
  });
  it('fixes to the first name when the policy gives no surname-initial allowance', () => {
    const pol = policy('bentley-new-village', (p) => (p.rules['full-name'].allowSurnameInitial = false));
    expectFindings('full-name', pol, { text: 'Oliver Bennett' }, [{ span: 'Oliver Bennett', fix: 'Oliver' }]);
  });
});
