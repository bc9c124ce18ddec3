import { describe, expect, it } from 'vitest';
import { check, expectFindings, policy, type Expected } from './helpers';

const bentley = policy('bentley-new-village');

describe('sensitive-content', () => {
  const invalid: [string, string, Expected[]][] = [
    ['health, named', "Jayden's inhaler is in the office after his asthma attack.", [{ span: 'inhaler', messageId: 'shared' }]],
    ['SEN, named', 'Amelia has been diagnosed with ADHD.', [{ span: 'diagnosed', messageId: 'shared' }, { span: 'ADHD', messageId: 'shared' }]],
    ['safeguarding', 'A social worker will collect Harry today.', [{ span: 'social worker', messageId: 'shared' }]],
    ['behaviour incident', 'Will was sent home after he kicked another child.', [{ span: 'kicked another child', messageId: 'shared' }]],
    ['restraint, with a pronoun', 'She had to be restrained at lunchtime.', [{ span: 'restrained', messageId: 'shared' }]],
    ['family circumstances', "Grace's parents have separated, so please be kind.", [{ span: 'parents have separated', messageId: 'shared' }]],
    ['free school meals', 'Amelia gets free school meals so she does not need dinner money.', [{ span: 'free school meals', messageId: 'shared' }]],
    ['looked-after status', 'Leo is in foster care at the moment.', [{ span: 'foster care', messageId: 'shared' }]],
    ['an unnamed but particular child', 'A child in our class has been excluded for a week.', [{ span: 'been excluded', messageId: 'shared' }]],
    ['head lice about one child', 'Amelia has head lice, please check your children.', [{ span: 'head lice', messageId: 'shared' }]],
    ['a mobile number', 'Call Sarah on 07700 900123 about the party.', [{ span: '07700 900123', messageId: 'contact' }]],
    ['a personal email', 'Email me at sarah.hughes@gmail.com', [{ span: 'sarah.hughes@gmail.com', messageId: 'contact' }]],
    ['Welsh', 'Mae Dafydd yn yr ysbyty heddiw.', [{ span: 'ysbyty', messageId: 'shared' }]],
    ['Welsh, looked after', 'Mae Siân mewn gofal maeth.', [{ span: 'gofal maeth', messageId: 'shared' }]],
    // Issue 17: a sensitive fact about an identifiable child, however it is written
    ['the calm room', 'Will spent the afternoon in the calm room after a difficult lunch.', [{ span: 'calm room', messageId: 'shared' }]],
    ['hit out at staff', 'Harry hit out at staff during wet play.', [{ span: 'hit out at staff', messageId: 'shared' }]],
    ['an inflection', 'Amelia was restraining another child when staff arrived.', [{ span: 'restraining', messageId: 'shared' }]],
    ['medication in lower case', "just so you know grace's adhd meds are in the office", [{ span: 'adhd', messageId: 'shared' }]],
    ['an EHCP review in lower case', 'amelia has her ehcp review on monday', [{ span: 'ehcp', messageId: 'shared' }]],
    ['sickness, a name that is also a word', 'Rose was sent home with sickness and diarrhoea.', [{ span: 'sickness and diarrhoea', messageId: 'shared' }]],
    ['a parent in prison', "Amelia's dad has been in prison since May.", [{ span: 'in prison', messageId: 'shared' }]],
    ['a refuge', 'Grace and her mum have moved into a refuge.', [{ span: 'refuge', messageId: 'shared' }]],
    ['the core of a longer phrase', 'Harry was sick twice this morning.', [{ span: 'sick', messageId: 'shared' }]],
    ['a pronoun in the next sentence', 'A big well done to Amelia. She has coped so well since her parents split up.', [{ span: 'split up', messageId: 'shared' }]],
    ['a pronoun two sentences on', 'Well done Amelia. What a week! She has been so brave since her operation.', [{ span: 'operation', messageId: 'shared' }]],
    ['"they" after a name', 'Thank you Grace for the cards. They have been going through a divorce.', [{ span: 'divorce', messageId: 'shared' }]],
    ['an attendance problem', "Amelia's attendance is below 90% this term.", [{ span: 'attendance', messageId: 'shared' }]],
    ['an attendance problem, said another way', "Amelia's attendance is a concern, we'll be sending a letter home.", [{ span: 'attendance', messageId: 'shared' }]],
    ['reasonable force, worded another way', 'Amelia had to be held by two members of staff after she ran out of class.', [{ span: 'held by two members of staff', messageId: 'shared' }]],
    ['weeks of absence', "Amelia's been off for three weeks now.", [{ span: 'been off for three weeks', messageId: 'shared' }]],
    ['poor punctuality', "Amelia's punctuality has been poor this half term.", [{ span: 'punctuality', messageId: 'shared' }]],
    ['"your son", unnamed', 'Your son was restrained by two members of staff.', [{ span: 'restrained', messageId: 'shared' }]],
    ['Welsh, mutated', 'Mae gan Dafydd gynllun datblygu unigol newydd.', [{ span: 'gynllun datblygu unigol', messageId: 'shared' }]],
    ['Welsh, excluded', 'Mae Dafydd wedi cael ei wahardd am ddiwrnod.', [{ span: 'wahardd', messageId: 'shared' }]],
    // Probe 17e: a first name on no roster with a fact about them; wordings outside the first term list.
    ['an unlisted first name alone', 'Chiamaka has a peanut allergy and carries an EpiPen.', [{ span: 'peanut allergy', messageId: 'shared' }]],
    ['an unlisted first name, possessive', "Olumide's EHCP review is on Friday.", [{ span: 'EHCP', messageId: 'shared' }]],
    ['an unlisted new pupil', 'Our new pupil Zosia has epilepsy.', [{ span: 'epilepsy', messageId: 'shared' }]],
    ['internal isolation as a verb', 'Chidi was internally isolated for the afternoon after the fight at break.', [{ span: 'internally isolated', messageId: 'shared' }]],
    ['going without breakfast', "Ivy came in upset this morning. She told us she hasn't had any breakfast for three days.", [{ span: "hasn't had any breakfast", messageId: 'shared' }]],
    ['a Welsh pronoun carrying a name on', 'Roedd Dafydd yn drist heddiw. Mae hi wedi cael diagnosis o ADHD.', [{ span: 'diagnosis', messageId: 'shared' }, { span: 'ADHD', messageId: 'shared' }]],
  ];
  for (const [name, text, expected] of invalid) it(`flags ${name}`, () => expectFindings('sensitive-content', bentley, { text }, expected));

  const valid: [string, string][] = [
    ['a notice about head lice', 'Head lice are going round, please check your child’s hair.'],
    ['a notice about inhalers', 'If your child has asthma, please make sure their inhaler is in school.'],
    ['a free school meals notice', 'Applications for free school meals are open: apply on the council website.'],
    ['“send” as a verb', 'Please send PE kits in on Monday.'],
    ['“looked after” the hamster', 'Amelia looked after the class hamster this weekend.'],
    ['a surname that is a term', 'Well done Ava Foster!'],
    ['a mental health awareness notice', 'It is Mental Health Awareness Week: we are talking about feelings.'],
    ['the school office number', 'Please ring the office on 01234 567890 to report absences.'],
    ['the school’s email', 'Email office@bentley.sch.uk with questions.'],
    // Issue 17: general notices, and the same words about no one in particular
    ['a case of head lice in class', 'A case of head lice has been reported in class, please check hair tonight.'],
    ['a class off for weeks at Christmas', 'Our class was off for two weeks at Christmas - welcome back everyone!'],
    ['a thing carried by staff', 'The gazebo was carried by two members of staff to the field.'],
    ['forms not yet heard of', "We haven't heard from home about the trip yet - please return your forms!"],
    ['the calm room, for everyone', 'Our new calm room is open for anyone who needs a quiet moment.'],
    ['praise for attendance', 'Well done Amelia for 100% attendance this term!'],
    ['raising money for the food bank', 'Amelia raised £20 for the food bank, amazing!'],
    ['splitting into groups', 'Amelia and Grace split up into groups for the quiz.'],
    ['a Welsh notice', 'Mae achos o lau pen yn y dosbarth, gwiriwch wallt eich plentyn os gwelwch yn dda.'],
    ['a sporting sanction is not an exclusion', 'Harry was excluded from the final after a red card.'],
    ['a member of staff, by title', 'Our TA Mrs Khan broke her arm, so Miss Evans will cover this week.'],
    ['an awareness quiz', 'Amelia and Grace were brilliant. They both had a go at the asthma awareness quiz.'],
    ['"they" alone', 'They have been learning about divorce in stories this term.'],
    // Probe 17e: "he"/"she" about a child in general, Welsh "hi"/"e" as "it", and the particle "fe".
    ['a pronoun for any child', 'Any child who has had sickness and diarrhoea must stay off until he is 48 hours clear.'],
    ['a pronoun for your child', 'If your child needs an inhaler, please make sure she has it on the trip.'],
    ['Welsh "hi" as "it"', "Os oes angen meddyginiaeth ar eich plentyn yn ystod y dydd, dewch â hi i'r swyddfa."],
    ['Welsh "hi" as "it", no child at all', "Dewch â hi i'r swyddfa os oes angen meddyginiaeth."],
    ['Welsh "e" as "it"', 'Os yw eich plentyn yn sâl gyda chwydu, cadwch e adref am 48 awr.'],
    ['the Welsh particle "fe"', "Mae'r ysgol yn cynnig cinio ysgol am ddim; fe allwch chi wneud cais ar-lein."],
    ['an isolated incident', 'Thankfully the broken window was an isolated incident.'],
  ];
  for (const [name, text] of valid) it(`allows ${name}`, () => expectFindings('sensitive-content', bentley, { text }, []));

  it('allows it in a private message where the policy says so (Bentley)', () => {
    expectFindings('sensitive-content', bentley, { text: 'Amelia had an asthma attack today.', channel: 'private-chat' }, []);
  });
  it('flags it in a private message where the policy forbids child matters in messages (Papworth Hall)', () => {
    expectFindings('sensitive-content', policy('papworth-hall'), { text: 'Amelia had an asthma attack today.', channel: 'private-chat' }, [{ span: 'asthma attack', messageId: 'private' }]);
  });
  it('takes "your child" as one child in a message to one family, not in a class post', () => {
    const papworth = policy('papworth-hall');
    expectFindings('sensitive-content', papworth, { text: 'Your child was placed in internal exclusion today.', channel: 'private-chat' }, [{ span: 'internal exclusion', messageId: 'private' }]);
    expectFindings('sensitive-content', bentley, { text: 'If your child has asthma, please bring an inhaler.' }, []);
  });
  it('calls an attendance problem what it is', () => {
    const [f] = check(bentley, { text: 'Amelia has been persistently late this term.' }).filter((x) => x.rule === 'sensitive-content');
    expect(f?.messageId).toBe('shared');
    expect(f?.message).toMatch(/^Attendance information about an individual/);
  });
  it('flags it in class chat but not one-to-one chat (AUP v2, 3.2.1)', () => {
    const aup = policy('acceptable-use-v2');
    expectFindings('sensitive-content', aup, { text: 'Harry has been referred to CAMHS.', channel: 'class-chat' }, [{ span: 'referred to CAMHS', messageId: 'shared' }]);
    expectFindings('sensitive-content', aup, { text: 'Harry has been referred to CAMHS.', channel: 'private-chat' }, []);
  });
});

describe('sensitive-content: probe 17h', () => {
  const bentley17h = policy('bentley-new-village');
  it('a child in a first-aid notice ("if a child has a seizure") is no particular child', () => {
    expectFindings('sensitive-content', bentley17h, { text: 'All staff did their first aid refresher today, including what to do if a child has a seizure.' }, []);
  });
  it('praise for attendance in a list ("Dafydd – 100% attendance") is not an attendance problem', () => {
    expectFindings('sensitive-content', bentley17h, { text: 'Dafydd – 100% attendance this half term' }, []);
  });
  it('flags a medical plan, a migraine and a paediatrician referral, and trouble at home said indirectly', () => {
    expectFindings('sensitive-content', bentley17h, { text: 'Ivy has a medical plan now, so staff will check on her at lunchtime.' }, [{ span: 'medical plan', messageId: 'shared' }]);
    expectFindings('sensitive-content', bentley17h, { text: 'Leo has been referred to the paediatrician for his sleep.' }, [{ span: 'referred to the paediatrician', messageId: 'shared' }]);
    expectFindings('sensitive-content', bentley17h, { text: 'Noah has a lot going on at home at the moment, so please be kind.' }, [{ span: 'a lot going on at home', messageId: 'shared' }]);
  });
});

describe('sensitive-content: probe 17i', () => {
  const bentley17i = policy('bentley-new-village');
  it('"your" addressing a child just named carries the name on, but not in a notice or "if your child"', () => {
    expectFindings('sensitive-content', bentley17i, { text: 'Get well soon Amelia! We hope your broken wrist heals quickly.' }, [{ span: 'broken wrist', messageId: 'shared' }]);
    expectFindings('sensitive-content', bentley17i, { text: 'Well done Amelia! If your child has asthma, tell us.' }, []);
    expectFindings('sensitive-content', bentley17i, { text: 'Well done Amelia! Please check your hair for head lice tonight.' }, []);
  });
  it('flags "allergic to" and a named infection (not the hospital beside it)', () => {
    expectFindings('sensitive-content', bentley17i, { text: 'Harry is allergic to nuts, so no nut products in party bags.' }, [{ span: 'allergic', messageId: 'shared' }]);
    expectFindings('sensitive-content', bentley17i, { text: 'Lovely to have Grace back. She has been in hospital with a kidney infection.' }, [{ span: 'kidney infection', messageId: 'shared' }]);
  });
  it('a campaign for free school meals is news, not a family\'s status', () => {
    expectFindings('sensitive-content', bentley17i, { text: 'We learned about Marcus Rashford and his campaign for free school meals.' }, []);
  });
});

describe('sensitive-content: probe 17j', () => {
  const bentley17j = policy('bentley-new-village');
  it('flags sanctions, contact, accidents and lates said in a school\'s own words', () => {
    expectFindings('sensitive-content', bentley17j, { text: 'Harry spent lunchtime in the time out room.' }, [{ span: 'time out room', messageId: 'shared' }]);
    expectFindings('sensitive-content', bentley17j, { text: 'Leo got a yellow card for throwing sand at break.' }, [{ span: 'yellow card', messageId: 'shared' }]);
    expectFindings('sensitive-content', bentley17j, { text: 'Amelia has a supervised visit after school so will be collected at 2.' }, [{ span: 'supervised visit', messageId: 'shared' }]);
    expectFindings('sensitive-content', bentley17j, { text: 'Oliver had a few little accidents today, so he is in spare trousers.' }, [{ span: 'accidents', messageId: 'shared' }]);
    expectFindings('sensitive-content', bentley17j, { text: 'Grace has 5 lates this half term.' }, [{ span: 'lates', messageId: 'shared' }]);
  });
  it('flags self-harm, free dinners, a bereavement and temporary housing said without the usual word', () => {
    expectFindings('sensitive-content', bentley17j, { text: 'Will told us he has been cutting himself at home.' }, [{ span: 'cutting himself', messageId: 'shared' }]);
    expectFindings('sensitive-content', bentley17j, { text: 'Rose has free school lunches, so no need to pay for the trip lunch.' }, [{ span: 'free school lunches', messageId: 'shared' }]);
    expectFindings('sensitive-content', bentley17j, { text: 'Please be gentle with Leo after the death of his grandad.' }, [{ span: 'death', messageId: 'shared' }]);
    expectFindings('sensitive-content', bentley17j, { text: 'Zofia and her family are staying in a bed and breakfast for now.' }, [{ span: 'staying in a bed and breakfast', messageId: 'shared' }]);
    expectFindings('sensitive-content', bentley17j, { text: 'Mae Dafydd yn drist ar ôl colli ei daid.' }, [{ span: 'colli ei daid', messageId: 'shared' }]);
  });
  it('leaves the same words alone where they are about something else', () => {
    expectFindings('sensitive-content', bentley17j, { text: 'Harry read his poem to the judges. It was a huge hit!' }, []);
    expectFindings('sensitive-content', bentley17j, { text: "Thank you to Amelia's family for dropping off the food bank donations." }, []);
    expectFindings('sensitive-content', bentley17j, { text: 'Leo got a red card in the football match on Saturday!' }, []);
    expectFindings('sensitive-content', bentley17j, { text: 'Will locked up the bikes for Mr Lund.' }, []);
    expectFindings('sensitive-content', bentley17j, { text: 'Grace ran 5k to raise money for the hospice.' }, []);
    expectFindings('sensitive-content', bentley17j, { text: 'Oliver, please bring your verruca socks for swimming.' }, []);
  });
});
