import { describe, it } from 'vitest';
import { expectFindings, policy, type Expected } from './helpers';

const aup = policy('acceptable-use-v2');

describe('pupil-name', () => {
  const invalid: [string, string, Expected[]][] = [
    ['a first name', 'Thank you Amelia for the lovely card.', [{ span: 'Amelia', messageId: 'named' }]],
    ['a full name', 'Amelia Hughes read beautifully.', [{ span: 'Amelia Hughes', messageId: 'named' }]],
    ['a name with an initial', 'Well done Oliver B.', [{ span: 'Oliver B', messageId: 'named' }]],
    ['a lower-case name', 'well done zofia', [{ span: 'zofia', messageId: 'named' }]],
    ['names that are words, used as names', 'Will and Rose made a poster with Grace.', [{ span: 'Will', messageId: 'named' }, { span: 'Rose', messageId: 'named' }, { span: 'Grace', messageId: 'named' }]],
    ['possessive', "Dafydd's model was amazing.", [{ span: 'Dafydd', messageId: 'named' }]],
    // Issue 17
    ['a lower-case name-word as the subject', 'rose has been so helpful this week', [{ span: 'rose', messageId: 'named' }]],
    ['a child from another class, welcomed', 'Welcome to Kasia, who joined our class on Monday!', [{ span: 'Kasia', messageId: 'named' }]],
    ['a Yoruba name, thanked', 'Thank you Oluwadamilare for setting up the hall.', [{ span: 'Oluwadamilare', messageId: 'named' }]],
    // Probe 17k: a name on no list, told by its place; a lower-case name-word greeted.
    ['a name on no list, after a child word', 'Welcome to our new friend Adewale who started today!', [{ span: 'Adewale', messageId: 'named' }]],
    ['a name on no list, welcomed, with letters English does not use', 'Please welcome Bartłomiej to our class!', [{ span: 'Bartłomiej', messageId: 'named' }]],
    ['a lower-case name-word, greeted', 'well done will for reading every night', [{ span: 'will', messageId: 'named' }]],
    ['a lower-case given name on no roster, greeted', 'well done oliwia for her super handwriting!', [{ span: 'oliwia', messageId: 'named' }]],
    ['a lower-case name-word, thanked after a comma', 'thank you, rose!', [{ span: 'rose', messageId: 'named' }]],
  ];
  for (const [name, text, expected] of invalid) it(`flags ${name}`, () => expectFindings('pupil-name', aup, { text, channel: 'class-chat' }, expected));

  const valid: [string, string][] = [
    ['a notice to all families', 'PE is on Tuesday: please send kits in.'],
    ['words that are names, as words', 'Will you all remember your reading books? We hope to see you in May.'],
    ['lower-case words', 'the rose garden was in full bloom, what a grace'],
    ['staff', 'Mrs Davies will lead the assembly.'],
    // Issue 17: a pupil's name that is also a word, as the word
    ['"Summer term"', 'The Summer term dates are on the website.'],
    ['"Grace before meals"', 'Grace before meals is part of our routine.'],
    ['a story with a pupil\'s name in it', 'We read Jack and the Beanstalk and planted beans.'],
    ['a place with a pupil\'s name in it', 'We walked round Hope Valley.'],
    ['a story named for a pupil\'s name', "We built Noah's Ark out of junk modelling."],
    // Probe 17k: the place of a name, but not a name.
    ['a title-case phrase after a child word', 'Our Pupil Voice team met today.'],
    ['a word after "welcome"', 'Please welcome Reception to the hall for assembly.'],
    ['a word after a greeting, in lower case', 'well done will be written in your reading record'],
    ['"happy birthday summer term"', 'happy birthday summer term babies!'],
  ];
  for (const [name, text] of valid) it(`allows ${name}`, () => expectFindings('pupil-name', aup, { text, channel: 'class-chat' }, []));

  it('does not take the weather for a pupil called Sunny', () => {
    const roster = [{ first: 'Sunny', last: 'Adebayo', photoConsent: true, inCare: false }];
    expectFindings('pupil-name', aup, { text: 'Sunny tomorrow! Bring a hat.', channel: 'class-chat' }, [], roster);
    expectFindings('pupil-name', aup, { text: 'Sunny remembered his hat.', channel: 'class-chat' }, [{ span: 'Sunny', messageId: 'named' }], roster);
  });
  it('allows names in a private chat', () => expectFindings('pupil-name', aup, { text: 'Amelia did well today.', channel: 'private-chat' }, []));
  it('uses common first names when no roster is given', () => {
    expectFindings('pupil-name', aup, { text: 'Thank you Sophie for the flowers.', channel: 'class-story' }, [{ span: 'Sophie', messageId: 'named' }], []);
  });
  it('is off where the policy allows first names (Bentley)', () => {
    expectFindings('pupil-name', policy('bentley-new-village'), { text: 'Thank you Amelia.' }, []);
  });
});

describe('pupil-name: a roster first name inside a proper noun of its own (probe 17f)', () => {
  const roster = ['Skye', 'Chelsea', 'Phoenix', 'Santiago', 'River', 'Sky', 'Angel'].map((first, i) => ({ first, last: ['Morgan', 'Adeyemi', 'Walsh', 'Ruiz', 'Cole', 'Nowak', 'Mensah'][i]!, photoConsent: true, inCare: false }));
  const valid: [string, string][] = [
    ['a song title', 'We sang the Skye Boat Song in music today.'],
    ['an event', 'We watched the Chelsea Flower Show highlights for our plants topic.'],
    ['a book title in title case', 'Our class novel this half term is The Phoenix and the Carpet.'],
    ['a place with a particle', "We learnt about the pilgrims' walk to Santiago de Compostela."],
    ['a broadcaster', 'Sky News came to film our eco-garden!'],
  ];
  for (const [name, text] of valid) it(`allows ${name}`, () => expectFindings('pupil-name', aup, { text, channel: 'class-chat' }, [], roster));
  // Not caught: "River Thames project" (a roster first name and a capital with nothing else round it reads
  // as a child's full name, as "Amelia Fairweather" must).
  it('still finds the pupil beside such a name, and another child by a known surname', () => {
    expectFindings('pupil-name', aup, { text: 'Angel was the Angel Gabriel in the nativity!', channel: 'class-chat' }, [{ span: 'Angel', messageId: 'named' }], roster);
    expectFindings('pupil-name', aup, { text: 'Well done Chelsea Hughes and Skye!', channel: 'class-chat' }, [{ span: 'Chelsea Hughes', messageId: 'named' }, { span: 'Skye', messageId: 'named' }], roster);
  });
});

describe('pupil-name: separators, dotless i and abbreviations (probe 17g)', () => {
  const roster = [
    { first: 'Tomasz', last: 'Kowalczyk', photoConsent: true, inCare: false },
    { first: 'Alfie', last: 'Whitfield', photoConsent: true, inCare: false },
    { first: 'Elif', last: 'Yılmaz', photoConsent: true, inCare: false },
  ];
  it('reads a spaced dash as a separator, not a hyphen inside a name', () => {
    expectFindings('pupil-name', aup, { text: 'Tomasz - SATs revision book due back Fri.', channel: 'class-chat' }, [{ span: 'Tomasz', messageId: 'named' }], roster);
    expectFindings('pupil-name', aup, { text: 'Alfie - Maple', channel: 'class-chat' }, [{ span: 'Alfie', messageId: 'named' }], roster);
  });
  it('takes a weekday abbreviation for no surname', () => {
    expectFindings('pupil-name', aup, { text: 'Auditions for Annie and Matilda Tues.', channel: 'class-chat' }, [], roster);
  });
});
