import { describe, expect, it } from 'vitest';
import { expectFindings, policy, type Expected } from './helpers';

const bentley = policy('bentley-new-village');

describe('full-name', () => {
  const invalid: [string, string, Expected[]][] = [
    ['a full name', 'Well done to Amelia Hughes for her story!', [{ span: 'Amelia Hughes', messageId: 'onRoster', fix: 'Amelia' }]],
    ['lower case', 'well done amelia hughes', [{ span: 'amelia hughes', messageId: 'onRoster', fix: 'Amelia' }]],
    ['upper case', 'WELL DONE AMELIA HUGHES', [{ span: 'AMELIA HUGHES', messageId: 'onRoster', fix: 'Amelia' }]],
    ['two pupils share the first name: initial fix', 'Oliver Bennett was star of the week.', [{ span: 'Oliver Bennett', messageId: 'onRoster', fix: 'Oliver B.' }]],
    ['the other Oliver', 'Thanks to Oliver Patel.', [{ span: 'Oliver Patel', messageId: 'onRoster', fix: 'Oliver P.' }]],
    ['apostrophe in the surname', "Niamh O'Connor read aloud.", [{ span: "Niamh O'Connor", messageId: 'onRoster', fix: 'Niamh' }]],
    ['curly apostrophe', 'Niamh O\u2019Connor read aloud.', [{ span: 'Niamh O\u2019Connor', messageId: 'onRoster', fix: 'Niamh' }]],
    ['apostrophe left out', 'Niamh OConnor read aloud.', [{ span: 'Niamh OConnor', messageId: 'onRoster', fix: 'Niamh' }]],
    ['hyphenated surname', 'Jayden Smith-Walker scored a goal.', [{ span: 'Jayden Smith-Walker', messageId: 'onRoster', fix: 'Jayden' }]],
    ['hyphen written as a space', 'Jayden Smith Walker scored a goal.', [{ span: 'Jayden Smith Walker', messageId: 'onRoster', fix: 'Jayden' }]],
    ['accent', 'Siân Evans sang a solo.', [{ span: 'Siân Evans', messageId: 'onRoster', fix: 'Siân' }]],
    ['accent left out', 'Sian Evans sang a solo.', [{ span: 'Sian Evans', messageId: 'onRoster', fix: 'Siân' }]],
    ['possessive keeps its ending out of the span', "Amelia Hughes's poem won.", [{ span: 'Amelia Hughes', messageId: 'onRoster', fix: 'Amelia' }]],
    ['a name that is also a word', 'Will Harris helped tidy up.', [{ span: 'Will Harris', messageId: 'onRoster', fix: 'Will' }]],
    ['surname first, as in a register', 'Hughes, Amelia: 10 points', [{ span: 'Hughes, Amelia', messageId: 'onRoster', fix: 'Amelia' }]],
    ['a child not on the roster', 'Congratulations to Sophie Marsh on her swimming badge.', [{ span: 'Sophie Marsh', messageId: 'likely', fix: 'Sophie' }]],
    ['two names', 'Amelia Hughes and Grace Taylor', [{ span: 'Amelia Hughes', messageId: 'onRoster', fix: 'Amelia' }, { span: 'Grace Taylor', messageId: 'onRoster', fix: 'Grace' }]],
    // Issue 17: every dash is a hyphen inside a name, and the fix replaces the whole name.
    ['en dash in the surname', 'Jayden Smith\u2013Walker scored a goal.', [{ span: 'Jayden Smith\u2013Walker', messageId: 'onRoster', fix: 'Jayden' }]],
    ['hyphen U+2010', 'Jayden Smith\u2010Walker scored a goal.', [{ span: 'Jayden Smith\u2010Walker', messageId: 'onRoster', fix: 'Jayden' }]],
    ['non-breaking hyphen U+2011', 'Jayden Smith\u2011Walker scored a goal.', [{ span: 'Jayden Smith\u2011Walker', messageId: 'onRoster', fix: 'Jayden' }]],
    ['em dash before a capital', 'Jayden Smith\u2014Walker scored a goal.', [{ span: 'Jayden Smith\u2014Walker', messageId: 'onRoster', fix: 'Jayden' }]],
    // Issue 17: names nobody listed, whatever their capitals or language.
    ['an unlisted Yoruba name in lower case', 'well done to tunde bakare from year 5', [{ span: 'tunde bakare', messageId: 'likely', fix: 'tunde' }]],
    ['an unlisted Polish name in capitals', 'WELL DONE TO WIKTORIA KAMIŃSKA', [{ span: 'WIKTORIA KAMIŃSKA', messageId: 'likely', fix: 'WIKTORIA' }]],
    ['a Welsh "ap"', 'Diolch i Gethin ap Rhys am ei help.', [{ span: 'Gethin ap Rhys', messageId: 'likely', fix: 'Gethin' }]],
    ['a Spanish "de la", in lower case', 'congratulations to mateo de la fuente', [{ span: 'mateo de la fuente', messageId: 'likely', fix: 'mateo' }]],
    ['a double first name', 'Thanks to Ellie-Mae Robinson in Year 2!', [{ span: 'Ellie-Mae Robinson', messageId: 'likely', fix: 'Ellie-Mae' }]],
    ['a Spanish double surname, in capitals', 'MATEO GARCÍA LÓPEZ WON THE CHESS TOURNAMENT', [{ span: 'MATEO GARCÍA LÓPEZ', messageId: 'likely', fix: 'MATEO' }]],
    ['a new pupil introduced as one', 'Please welcome our new pupil, Sarah Mitchell, to Year 3.', [{ span: 'Sarah Mitchell', messageId: 'likely', fix: 'Sarah' }]],
    // Probe 17e: common British surnames in capitals and lower case, and two given names with a particle.
    ['an unlisted name in capitals', 'Well done to ESME HOLLOWAY for her amazing art!', [{ span: 'ESME HOLLOWAY', messageId: 'likely', fix: 'ESME' }]],
    ['an unlisted name in lower case', 'well done to esme holloway for her art', [{ span: 'esme holloway', messageId: 'likely', fix: 'esme' }]],
    ['two given names and a particle', 'Juan Carlos de la Vega has joined Reception this week.', [{ span: 'Juan Carlos de la Vega', messageId: 'likely', fix: 'Juan' }]],
    // Probe 17k: a name on no list, told by its place and its letters.
    ['common UK given names the lists lacked (Aditya, Amara)', 'Thanks to Aditya Sharma and Amara Okafor for helping with the plants.', [{ span: 'Aditya Sharma', messageId: 'likely', fix: 'Aditya' }, { span: 'Amara Okafor', messageId: 'likely', fix: 'Amara' }]],
    ['a welcomed name on no list', 'Please welcome Bartłomiej Wójcik who joins our class this week!', [{ span: 'Bartłomiej Wójcik', messageId: 'likely', fix: 'Bartłomiej' }]],
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
    // Issue 17: words that only look like names.
    ['a place', 'We had a lovely day out at Hope Valley.'],
    ['a bake', 'Our Victoria sponge bake off was a huge success.'],
    ['a story', 'Our Christmas play is Jack and the Beanstalk.'],
    ['costumes', 'There were three Harry Potters on World Book Day.'],
    ['a new TA introduced by role', 'Big welcome to our new TA, Sarah Mitchell, who joins Year 3 today!'],
    ['a new TA on no name list, introduced by role', 'Please welcome our new TA, Bartłomiej Wójcik, who joins us on Mondays.'],
    ['a governor introduced by role after the name', 'Claire Roberts, our chair of governors, will open the fair.'],
    ['lower-case words after a given name', 'well done to amelia for her lovely writing'],
    ['famous people, by what the sentence says of them', 'Ella Fitzgerald and Louis Armstrong are the jazz singers we listened to.'],
    ['a name\'s thing, as a title', "Evie cried at the end of Charlotte's Web."],
    ['a dash between numbers', 'Our trip runs 9\u20133 and the coach leaves at 9 sharp \u2013 please be on time!'],
    ['a capitalised bake', "Today's Victoria Sponge was made by Class 3 - delicious!"],
    ['another capitalised bake', 'Our Victoria Cake is yummy.'],
    ["a poet's full name with a middle name", "Carol Ann Duffy's poems were our inspiration this week."],
  ];
  for (const [name, text] of valid) it(`allows ${name}`, () => expectFindings('full-name', bentley, { text }, []));

  it('lets the roster win over every exception list (a pupil called Jack Frost)', () => {
    const roster = [{ first: 'Jack', last: 'Frost', photoConsent: true, inCare: false }];
    expectFindings('full-name', bentley, { text: 'Jack Frost wrote a poem about winter.' }, [{ span: 'Jack Frost', messageId: 'onRoster', fix: 'Jack' }], roster);
    expectFindings('full-name', bentley, { text: 'Jack Frost wrote a poem about winter.' }, []);
  });
  it('allows a full name in a private message (not a shared channel)', () => {
    expectFindings('full-name', bentley, { text: 'Amelia Hughes was brilliant today.', channel: 'private-chat' }, []);
  });
  it('is off where the policy is silent (Broughton)', () => {
    expectFindings('full-name', policy('broughton'), { text: 'Amelia Hughes was brilliant today.' }, []);
  });
  it('fixes to the first name when the policy gives no surname-initial allowance', () => {
    const pol = policy('bentley-new-village', (p) => (p.rules['full-name'].allowSurnameInitial = false));
    expectFindings('full-name', pol, { text: 'Oliver Bennett' }, [{ span: 'Oliver Bennett', messageId: 'onRoster', fix: 'Oliver' }]);
  });
});

import { ukBankHolidays as holidays } from '../../../lib/calendar/bank-holidays';
import { checkDraft as check } from '../../../lib/rules/index';

describe('full-name: a pupil with a legal name and the name they go by', () => {
  it('finds the legal name, the preferred name and a mix of both, and every fix uses the preferred name', () => {
    const roster = [{ first: 'Alex', last: 'Smith-Walker', legalFirst: 'Alexander', photoConsent: true, inCare: false }, { first: 'Seun', last: 'Adebayo', legalFirst: 'Oluwaseun', legalLast: 'Adebayo-Okoro', photoConsent: true, inCare: false }];
    const at = '2026-11-24T10:15:00Z';
    const p = policy('bentley-new-village');
    for (const [text, fix] of [['Well done Alexander Smith-Walker!', 'Alex'], ['Well done Alex Smith-Walker!', 'Alex'], ['Well done Oluwaseun Adebayo-Okoro!', 'Seun'], ['Well done Seun Adebayo-Okoro!', 'Seun'], ['Well done Oluwaseun Adebayo!', 'Seun']] as const) {
      const findings = check({ text, channel: 'class-story', at }, { policy: p, roster, calendar: holidays }).filter((f) => f.rule === 'full-name');
      // On the roster under either name, so never merely "likely" a child's.
      expect(findings.map((f) => [text.slice(f.start, f.end), f.messageId, f.fix]), text).toEqual([[text.slice(10, -1), 'onRoster', fix]]);
    }
  });
});

describe('full-name: probe 17g', () => {
  const roster = [
    { first: 'Elif', last: 'Yılmaz', photoConsent: true, inCare: false },
    { first: 'Alfie', last: 'Whitfield', photoConsent: true, inCare: false },
  ];
  it('matches a Turkish dotless i typed as i', () => {
    expectFindings('full-name', policy('bentley-new-village'), { text: 'elif yilmaz was our star of the day', channel: 'class-story' }, [{ span: 'elif yilmaz', messageId: 'onRoster', fix: 'Elif' }], roster);
    expectFindings('full-name', policy('bentley-new-village'), { text: 'Well done Elif Yilmaz!', channel: 'class-story' }, [{ span: 'Elif Yilmaz', messageId: 'onRoster', fix: 'Elif' }], roster);
  });
  it('a title before a colon heads the list, it does not make the name an adult', () => {
    expectFindings('full-name', policy('bentley-new-village'), { text: "Headteacher's Awards this week: Alfie Whitfield (Maple), well done!", channel: 'class-story' }, [{ span: 'Alfie Whitfield', messageId: 'onRoster', fix: 'Alfie' }], roster);
  });
  it('leaves a class label after a spaced dash alone', () => {
    expectFindings('full-name', policy('bentley-new-village'), { text: 'Stars: Alfie - Maple', channel: 'class-story' }, [], roster);
  });
});

describe('full-name: probe 17i', () => {
  it('knows Mandarin given names written in pinyin, and a book title is no pupil', () => {
    expectFindings('full-name', policy('bentley-new-village'), { text: 'Great work from Liang Zhou in the maths quiz!', channel: 'class-story' }, [{ span: 'Liang Zhou', messageId: 'likely', fix: 'Liang' }]);
    expectFindings('pupil-name', policy('acceptable-use-v2'), { text: 'Our class book is Amazing Grace by Mary Hoffman.', channel: 'class-story' }, []);
  });
});

describe('full-name: probe 17j', () => {
  it('knows Ukrainian given and family names in lower case, and a book character or a place is no pupil', () => {
    expectFindings('full-name', policy('bentley-new-village'), { text: 'well done bohdan kravchenko for his super spelling', channel: 'class-story' }, [{ span: 'bohdan kravchenko', fix: 'bohdan', messageId: 'likely' }]);
    expectFindings('full-name', policy('bentley-new-village'), { text: 'We are reading Holes and the children love Stanley Yelnats.', channel: 'class-story' }, []);
    expectFindings('full-name', policy('bentley-new-village'), { text: 'Our trip to the park in Miles Platting is on Friday.', channel: 'class-story' }, []);
  });
});
