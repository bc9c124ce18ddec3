import { describe, expect, it } from 'vitest';
import { expectFindings, policy } from './helpers';

const bentley = policy('bentley-new-village');

describe('photo-consent', () => {
  it('flags a tagged pupil without consent', () => {
    expectFindings('photo-consent', bentley, { text: 'Our trip!', media: true, tagged: ['Harry Davies'] }, [{ span: '', messageId: 'noConsent' }]);
  });
  it('flags a pupil named in a photo post, with the name as the span', () => {
    expectFindings('photo-consent', bentley, { text: 'Harry building his volcano', media: true }, [{ span: 'Harry', messageId: 'noConsent' }]);
  });
  it('flags a pupil in care, whatever the consent', () => {
    expectFindings('photo-consent', bentley, { text: 'Leo with his painting', media: true, tagged: ['Leo Wright'] }, [{ span: 'Leo', messageId: 'inCare' }]);
    expectFindings('photo-consent', bentley, { text: 'Lovely work', media: 1, tagged: ['Leo'], channel: 'private-chat' }, [{ span: '', messageId: 'inCare' }]);
  });
  it('does not flag consented pupils, or posts without media', () => {
    expectFindings('photo-consent', bentley, { text: 'Amelia and Grace!', media: true, tagged: ['Amelia Hughes', 'Grace Taylor'] }, []);
    expectFindings('photo-consent', bentley, { text: 'Harry did well', media: false, tagged: ['Harry Davies'] }, []);
  });
  it('flags a tagged name that is not on the roster: consent unknown', () => {
    expectFindings('photo-consent', bentley, { text: 'Sports day', media: true, tagged: ['Sophie Marsh'] }, [{ span: '', messageId: 'unknown' }]);
  });
  it('follows consent per channel (Broughton: not on Class Story, allowed privately)', () => {
    const broughton = policy('broughton');
    expectFindings('photo-consent', broughton, { text: 'Great work!', media: true, tagged: ['Freya Thomas'] }, [{ span: '', messageId: 'noConsent' }]);
    expectFindings('photo-consent', broughton, { text: 'Great work!', media: true, tagged: ['Freya Thomas'], channel: 'private-chat' }, []);
    expectFindings('photo-consent', broughton, { text: 'Great work!', media: true, tagged: ['Freya Thomas'], channel: 'student-story' }, []);
  });
  it('flags any photo in a shared space where children’s photos are banned (AUP v2, 4.12)', () => {
    const aup = policy('acceptable-use-v2');
    expectFindings('photo-consent', aup, { text: 'Our display', media: true, channel: 'class-story' }, [{ span: '', messageId: 'noChildren' }]);
    expectFindings('photo-consent', aup, { text: 'Our display', media: true, channel: 'private-chat' }, []);
  });
});


import { ukBankHolidays } from '../../../lib/calendar/bank-holidays';
import { checkDraft } from '../../../lib/rules/index';
import type { Pupil } from '../../../lib/rules/types';

describe('photo-consent: given, refused and not recorded', () => {
  const roster: Pupil[] = [
    { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
    { first: 'Harry', last: 'Davies', photoConsent: false, inCare: false },
    { first: 'Zofia', last: 'Kowalska', photoConsent: null, inCare: false },
    // Saved from the Classroom page before consent was entered: per channel, one channel recorded.
    { first: 'Freya', last: 'Thomas', photoConsent: { 'private-chat': true }, inCare: false },
  ];
  const at = '2026-11-24T10:15:00Z';
  const check = (tagged: string[], p = bentley) => checkDraft({ text: 'Our trip!', channel: 'class-story', at, media: true, tagged }, { policy: p, roster, calendar: ukBankHolidays });

  it('a refusal says the register says no; no record says it is not recorded; both link to where consent is recorded', () => {
    const [refused] = check(['Harry Davies']);
    expect(refused).toMatchObject({ rule: 'photo-consent', messageId: 'noConsent', action: 'block', data: { consent: 'refused', record: 'rosters' } });
    expect(refused!.message).toContain('the consent register says no');
    const [unknown] = check(['Zofia Kowalska']);
    expect(unknown).toMatchObject({ messageId: 'notRecorded', action: 'block', severity: 'block', data: { consent: 'not-recorded', record: 'rosters' } });
    expect(unknown!.message).toBe("No photo consent is recorded for Zofia Kowalska: it is not known whether their family agreed to photos in Class Story, which the families of the whole class see. Check the consent register and record it in Policy Guard's settings, or remove the photo or the tag.");
    expect(unknown!.message).not.toContain('has no photo consent');
    expect(check(['Freya Thomas'])[0]).toMatchObject({ messageId: 'notRecorded' }); // a channel missing from the record
    expect(check(['Amelia Hughes'])).toEqual([]);
  });

  it('the policy decides whether "not recorded" holds the post: by default it does; "remind" makes it an audit note', () => {
    const remind = policy('bentley-new-village', (p) => (p.rules['photo-consent'].notRecorded = 'remind'));
    expect(bentley.rules['photo-consent'].notRecorded).toBe('hold');
    expect(check(['Zofia Kowalska'], remind)[0]).toMatchObject({ messageId: 'notRecorded', action: 'audit', severity: 'info' });
    expect(check(['Harry Davies'], remind)[0]).toMatchObject({ messageId: 'noConsent', action: 'block' }); // a refusal is never softened
  });
});

// Probe 19d D10: a first name two pupils answer to (one by a legal name) is on the roster, not missing from it.
describe('photo-consent: a tag that fits two pupils', () => {
  const roster: Pupil[] = [
    { first: 'Millie', last: 'Hughes', legalFirst: 'Amelia', photoConsent: false, inCare: false },
    { first: 'Amelia', last: 'Jones', photoConsent: true, inCare: false },
    { first: 'Oliver', last: 'Bennett', photoConsent: true, inCare: false },
    { first: 'Oliver', last: 'Brown', photoConsent: true, inCare: false },
  ];
  const check = (tagged: string[]) => checkDraft({ text: 'Our trip!', channel: 'class-story', at: '2026-11-24T10:15:00Z', media: true, tagged }, { policy: bentley, roster, calendar: ukBankHolidays });

  it('says two pupils answer to the name, names them, and holds the photo when either would be held', () => {
    const [finding, ...rest] = check(['Amelia']);
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ messageId: 'ambiguous', action: 'block', data: { name: 'Amelia', pupils: 'Millie Hughes, Amelia Jones' } });
    expect(finding!.message).toBe("Amelia could be Millie Hughes, Amelia Jones (all on the roster): tag them by full name, so their photo consent is known.");
    expect(finding!.message).not.toContain('not on the class roster');
  });
  it('a full name picks the one pupil; a shared name whose pupils all consent needs nothing', () => {
    expect(check(['Amelia Jones'])).toEqual([]);
    // Millie's legal name is Amelia Hughes: that full name is hers alone.
    expect(check(['Amelia Hughes'])[0]).toMatchObject({ messageId: 'noConsent' });
    expect(check(['Millie Hughes'])[0]).toMatchObject({ messageId: 'noConsent' });
    expect(check(['Oliver'])).toEqual([]);
    expect(check(['Oliver B.'])).toEqual([]);
  });
});

// Probe 19d D5: Broughton and Papworth Hall require consent but do not speak of children in care (only Bentley
// New Village, 5.4, bars their photos; Malpas Court has no photo clause at all). A consented pupil in care is
// read by the consent register, with a note to check that the local authority gave that consent.
describe('photo-consent: a pupil in care under policies that do not bar their photos', () => {
  const roster: Pupil[] = [
    { first: 'Leo', last: 'Wright', photoConsent: true, inCare: true },
    { first: 'Isla', last: 'Roberts', photoConsent: false, inCare: true },
    { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
  ];
  const check = (p: ReturnType<typeof policy>, tagged: string[], channel: 'class-story' | 'private-chat' = 'class-story') =>
    checkDraft({ text: 'Our trip!', channel, at: '2026-11-24T10:15:00Z', media: true, tagged }, { policy: p, roster, calendar: ukBankHolidays }).filter((f) => f.rule === 'photo-consent');

  it.each(['broughton', 'papworth-hall'] as const)('%s: a consented pupil in care gets a note (info, not a hold) quoting the consent clause', (id) => {
    const [note, ...rest] = check(policy(id), ['Leo Wright']);
    expect(rest).toEqual([]);
    expect(note).toMatchObject({ messageId: 'inCareCheck', action: 'audit', severity: 'info' });
    expect(note!.message).toContain('Leo Wright is in Local Authority care, and');
    expect(note!.message).toContain('does not bar their photos');
    expect(note!.message).not.toContain('does not mention');
    expect(note!.message).toContain('check the local authority gave their photo consent');
    expect(note!.clause).toContain(id === 'broughton' ? 'School will require consent to share photos on the Class Story page' : 'do not have permission to have their photograph');
  });
  it('a refusal is still a refusal, with no second note; a pupil not in care gets nothing', () => {
    expect(check(policy('broughton'), ['Isla Roberts']).map((f) => f.messageId)).toEqual(['noConsent']);
    expect(check(policy('broughton'), ['Amelia Hughes'])).toEqual([]);
  });
  it('Bentley New Village (5.4) still holds any photo of a pupil in care; Malpas Court, with no photo clause, checks nothing', () => {
    expect(check(bentley, ['Leo Wright'])[0]).toMatchObject({ messageId: 'inCare', action: 'block' });
    expect(check(bentley, ['Leo Wright'])[0]!.clause).toContain('or those in Local Authority care');
    expect(check(policy('malpas-court'), ['Leo Wright'])).toEqual([]);
  });
  it('where the policy needs no consent (Broughton’s private messages), no note either', () => {
    expect(check(policy('broughton'), ['Leo Wright'], 'private-chat')).toEqual([]);
  });
});

// Probe 19 H1: a class with no roster saved has no consent register, so a tagged pupil's consent is not recorded:
// held or noted as the policy says for "not recorded", never passed as if no consent were needed.
describe('photo-consent: a tagged pupil in a class with no roster', () => {
  const check = (p = bentley, tagged = ['Amelia Hughes'], channel: 'class-story' | 'private-chat' = 'class-story', media: boolean = true) =>
    checkDraft({ text: 'Our trip!', channel, at: '2026-11-24T10:15:00Z', media, tagged }, { policy: p, roster: [], calendar: ukBankHolidays }).filter((f) => f.rule === 'photo-consent');

  it('is consent not recorded, held by default, saying no register is saved and linking to where it is recorded', () => {
    const [finding, ...rest] = check();
    expect(rest).toEqual([]);
    expect(finding).toMatchObject({ messageId: 'noRoster', action: 'block', severity: 'block', data: { name: 'Amelia Hughes', consent: 'not-recorded', record: 'rosters' } });
    expect(finding!.message).toContain('No photo consent is recorded for Amelia Hughes');
    expect(finding!.message).toContain('no consent register is saved for this class');
    expect(finding!.message).toContain('Import the class roster');
  });
  it('the policy decides: "remind" makes it a note; each tag gets its own finding', () => {
    const remind = policy('bentley-new-village', (p) => (p.rules['photo-consent'].notRecorded = 'remind'));
    expect(check(remind)[0]).toMatchObject({ messageId: 'noRoster', action: 'audit', severity: 'info' });
    expect(check(bentley, ['Amelia Hughes', 'Harry', ' ']).map((f) => [f.data.name, f.messageId])).toEqual([['Amelia Hughes', 'noRoster'], ['Harry', 'noRoster']]);
  });
  it('says nothing where consent is not needed, or with no photo', () => {
    expect(check(policy('broughton'), ['Freya Thomas'], 'private-chat')).toEqual([]);
    expect(check(bentley, ['Amelia Hughes'], 'class-story', false)).toEqual([]);
  });
});

// Probe 19 L1: a tagged pupil missing from the roster links to the roster too, where they can be added.
describe('photo-consent: a tagged pupil not on the roster', () => {
  it('gives the "Record consent" link', () => {
    const roster: Pupil[] = [{ first: 'Harry', last: 'Davies', photoConsent: true, inCare: false }];
    const [finding] = checkDraft({ text: 'Our trip!', channel: 'class-story', at: '2026-11-24T10:15:00Z', media: true, tagged: ['Sophie Marsh'] }, { policy: bentley, roster, calendar: ukBankHolidays });
    expect(finding).toMatchObject({ messageId: 'unknown', data: { name: 'Sophie Marsh', record: 'rosters' } });
  });
});
