import { describe, it } from 'vitest';
import { expectFindings, policy, type Expected } from './helpers';

const bentley = policy('bentley-new-village');

describe('sensitive-content', () => {
  const invalid: [string, string, Expected[]][] = [
    ['health, named', "Jayden's inhaler is in the office after his asthma attack.", [{ span: 'inhaler' }]],
    ['SEN, named', 'Amelia has been diagnosed with ADHD.', [{ span: 'diagnosed' }, { span: 'ADHD' }]],
    ['safeguarding', 'A social worker will collect Harry today.', [{ span: 'social worker' }]],
    ['behaviour incident', 'Will was sent home after he kicked another child.', [{ span: 'kicked another child' }]],
    ['restraint, with a pronoun', 'She had to be restrained at lunchtime.', [{ span: 'restrained' }]],
    ['family circumstances', "Grace's parents have separated, so please be kind.", [{ span: 'parents have separated' }]],
    ['free school meals', 'Amelia gets free school meals so she does not need dinner money.', [{ span: 'free school meals' }]],
    ['looked-after status', 'Leo is in foster care at the moment.', [{ span: 'foster care' }]],
    ['an unnamed but particular child', 'A child in our class has been excluded for a week.', [{ span: 'been excluded' }]],
    ['head lice about one child', 'Amelia has head lice, please check your children.', [{ span: 'head lice' }]],
    ['a mobile number', 'Call Sarah on 07700 900123 about the party.', [{ span: '07700 900123' }]],
    ['a personal email', 'Email me at sarah.hughes@gmail.com', [{ span: 'sarah.hughes@gmail.com' }]],
    ['Welsh', 'Mae Dafydd yn yr ysbyty heddiw.', [{ span: 'ysbyty' }]],
    ['Welsh, looked after', 'Mae Siân mewn gofal maeth.', [{ span: 'gofal maeth' }]],
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
  ];
  for (const [name, text] of valid) it(`allows ${name}`, () => expectFindings('sensitive-content', bentley, { text }, []));

  it('allows it in a private message where the policy says so (Bentley)', () => {
    expectFindings('sensitive-content', bentley, { text: 'Amelia had an asthma attack today.', channel: 'private-chat' }, []);
  });
  it('flags it in a private message where the policy forbids child matters in messages (Papworth Hall)', () => {
    expectFindings('sensitive-content', policy('papworth-hall'), { text: 'Amelia had an asthma attack today.', channel: 'private-chat' }, [{ span: 'asthma attack' }]);
  });
  it('flags it in class chat but not one-to-one chat (AUP v2, 3.2.1)', () => {
    const aup = policy('acceptable-use-v2');
    expectFindings('sensitive-content', aup, { text: 'Harry has been referred to CAMHS.', channel: 'class-chat' }, [{ span: 'referred to CAMHS' }]);
    expectFindings('sensitive-content', aup, { text: 'Harry has been referred to CAMHS.', channel: 'private-chat' }, []);
  });
});
