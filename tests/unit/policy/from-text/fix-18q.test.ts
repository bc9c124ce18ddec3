/**
 * Fix 18q (issue #18): sending limits that name their days (and the hours that take those days); Welsh limits
 * written "cyn 8 o'r gloch y bore … ar ôl 5 o'r gloch yr hwyr" beside reply hours; Welsh "yn ysgrifenedig" (in
 * writing) as a way of contacting; a DSL's number given in the next sentence by a pronoun (English and Welsh);
 * and the school's own title for the DSL ("Child Protection Officer") kept as its label. Each in a few wordings,
 * with clean twins.
 */
import { readChecked } from './checked';
import { describe, expect, it } from 'vitest';
import { findTimeLimits } from '../../../../lib/policy/from-text/times';
import type { Proposal } from '../../../../lib/policy/from-text';
import { NOT_FOUND, reading } from './reading';

const read = readChecked;
const EN = 'Oakfield Primary School\n\nClassDojo Policy\n\n';
const CY = 'Ysgol Cwm Derw\n\nPolisi ClassDojo\n\n';
const quotes = (item: { quotes: { quote: string }[] }) => item.quotes.map((q) => q.quote);

describe('sending limits that name their days: the days are used, and the note does not say none are named', () => {
  it.each([
    ['"before 8am or after 6pm, Monday to Friday", beside reply hours', 'Staff will reply to messages between 8.30am and 4.30pm.\n\nStaff will not send messages before 8am or after 6pm, Monday to Friday.', ['mon-fri 08:00-18:00']],
    ['"…Monday to Thursday" (days other than the school week)', 'Staff will reply to messages between 8.30am and 4.30pm.\n\nStaff will not send messages before 7.30am or after 6pm, Monday to Thursday.', ['mon-thu 07:30-18:00']],
    ['"…on weekdays, or at weekends"', 'Teachers will respond to messages between 9am and 3pm.\n\nTeachers will not post or send messages before 8am or after 5.30pm on weekdays, or at weekends.', ['mon-fri 08:00-17:30']],
    ['a range: "only send messages between 8am and 5pm on weekdays"', 'Staff will reply to messages between 8.30am and 4.30pm.\n\nStaff will only send messages between 8am and 5pm on weekdays.', ['mon-fri 08:00-17:00']],
    ['the range first, the reply hours after', 'Staff will only send messages between 8am and 5pm, Monday to Thursday.\n\nStaff will reply to messages between 8.30am and 4.30pm.', ['mon-thu 08:00-17:00']],
  ])('%s', (_, body, staff) => {
    const p = read(`${EN}${body}\n`);
    expect(reading(p).staffHours).toEqual(staff);
    for (const item of [p.staffHours, p.replyHours]) {
      expect(item.note).not.toMatch(/names no days/);
      expect(item.check ?? '').not.toMatch(/names no days/);
    }
    // The reply hours name no days of their own: they take the days the document gives for sending.
    const days = staff[0]!.split(' ')[0];
    for (const w of reading(p).replyHours as string[]) expect(w.split(' ')[0]).toBe(days);
  });

  it('clean twins: limits that name no days still say so; a single day is an exception, not the limits’ days', () => {
    const none = read(`${EN}Staff will reply to messages between 8.30am and 4.30pm.\n\nStaff will not send messages before 8am or after 6pm.\n`);
    expect(reading(none).staffHours).toEqual(['mon-fri 08:00-18:00']);
    expect(none.staffHours.note).toMatch(/names no days/);
    const friday = read(`${EN}Staff will reply to messages between 8.30am and 4.30pm.\n\nStaff will not send messages before 8am or after 6pm, or on Fridays after 3pm.\n`);
    expect((reading(friday).staffHours as string[]).some((w) => w.startsWith('fri '))).toBe(false);
    // "…until 4.30pm, Monday to Thursday, and until 3pm on Fridays": the earlier end's day is kept.
    expect(reading(read(`${EN}Messages will be answered until 4.30pm, Monday to Thursday, and until 3pm on Fridays.\n`)).staffHours).toEqual(['mon-thu 08:00-16:30', 'fri 08:00-15:00']);
  });
});

describe('Welsh limits in words ("cyn 8 o\'r gloch y bore nac ar ôl 5 o\'r gloch yr hwyr") beside reply hours', () => {
  it.each([
    ['"y bore" / "yr hwyr"', "Ni fydd staff yn anfon negeseuon cyn 8 o'r gloch y bore nac ar ôl 5 o'r gloch yr hwyr.", '08:00-17:00'],
    ['"yn y bore" / "y prynhawn"', "Ni fydd athrawon yn anfon negeseuon cyn 7.30 o'r gloch yn y bore nac ar ôl 4.30 o'r gloch y prynhawn.", '07:30-16:30'],
    ['"o\'r gloch" alone (before is the morning, after the evening)', "Ni fydd staff yn anfon negeseuon cyn 8 o'r gloch nac ar ôl 6 o'r gloch.", '08:00-18:00'],
  ])('%s', (_, limits, hours) => {
    const p = read(`${CY}Bydd staff yn ateb negeseuon rhwng 8.45yb a 3.30yp, dydd Llun i ddydd Gwener.\n\n${limits}\n`);
    // The limits are when staff send; the reply hours when parents hear back (not confused with each other).
    expect(reading(p).staffHours).toEqual([`mon-fri ${hours}`]);
    expect(reading(p).replyHours).toEqual(['mon-fri 08:45-15:30']);
    expect(quotes(p.staffHours)).toEqual([limits]);
    // The reply hours name the days: the limits take them, nothing is assumed.
    expect(p.staffHours.note).not.toMatch(/names no days/);
  });

  it('the times themselves, English too ("before 8 o\'clock in the morning")', () => {
    expect(findTimeLimits("Ni fydd staff yn anfon negeseuon cyn 8 o'r gloch y bore nac ar ôl 5 o'r gloch yr hwyr.").map((l) => [l.kind, l.minutes])).toEqual([['before', 480], ['after', 1020]]);
    expect(findTimeLimits("Staff will not send messages before 8 o'clock in the morning or after 6 o'clock in the evening.").map((l) => [l.kind, l.minutes])).toEqual([['before', 480], ['after', 1080]]);
  });

  it('clean twins: no negation, or a number that is not a time, is no limit', () => {
    expect(findTimeLimits("Bydd staff yn anfon negeseuon cyn 8 o'r gloch y bore.")).toEqual([]);
    expect(findTimeLimits('Ni fydd staff yn anfon mwy na 5 neges ar ôl 5 diwrnod.')).toEqual([]);
    expect(findTimeLimits("Ni fydd staff yn anfon negeseuon ar ôl 11 o'r gloch.")).toEqual([]);
  });
});

describe('Welsh "yn ysgrifenedig" (in writing) is a way of contacting, as "in writing" is', () => {
  const how = (p: Proposal, key: string) => p.contacts[key]?.value.how;
  it.each([
    ['to the Pennaeth', 'Dylid anfon cwynion at y Pennaeth yn ysgrifenedig.', 'headteacher'],
    ["to the office", "Dylid gwneud cwynion yn ysgrifenedig i swyddfa'r ysgol.", 'office'],
    ['"drwy lythyr" (by letter)', 'Dylid anfon cwynion at y Pennaeth drwy lythyr.', 'headteacher'],
  ])('%s', (_, sentence, key) => {
    const p = read(`${CY}Bydd staff yn ateb negeseuon rhwng 8.45yb a 3.30yp, dydd Llun i ddydd Gwener.\n\n${sentence}\n`);
    expect(p.routes.complaint.origin).toBe('document');
    expect(how(p, key)).toBe('in writing');
    expect(p.contacts[key]!.defaults ?? []).not.toContain('how');
  });

  it('the English twin reads the same; a Welsh sentence with no way given keeps the default', () => {
    expect(how(read(`${EN}Complaints should be sent to the Headteacher in writing.\n`), 'headteacher')).toBe('in writing');
    const p = read(`${CY}Dylid anfon cwynion at y Pennaeth.\n`);
    expect(p.contacts.headteacher!.defaults).toContain('how');
  });
});

describe("the DSL's number in the next sentence, by a pronoun", () => {
  it.each([
    ['English "You can reach him on"', `${EN}Our DSL is Mr Ali Khan. You can reach him on 020 7946 0000.\n`, 'Mr Ali Khan', '020 7946 0000'],
    ['English "She can be contacted on"', `${EN}Our Designated Safeguarding Lead is Mrs Jo Bell. She can be contacted on 01632 960001.\n`, 'Mrs Jo Bell', '01632 960001'],
    ['Welsh "Cysylltwch â hi ar"', `${CY}Ein Person Diogelu Dynodedig yw Mrs Siân Jones. Cysylltwch â hi ar 01570 123456.\n`, 'Mrs Siân Jones', '01570 123456'],
    ['Welsh "Gallwch gysylltu ag ef ar"', `${CY}Ein Person Diogelu Dynodedig yw Mr Huw Rees. Gallwch gysylltu ag ef ar 01570 654321.\n`, 'Mr Huw Rees', '01570 654321'],
    ['Welsh "Ffoniwch nhw ar"', `${CY}Ein Person Diogelu Dynodedig yw Mx Alex Evans. Ffoniwch nhw ar 01570 111222.\n`, 'Mx Alex Evans', '01570 111222'],
    ['Welsh "Ei rhif ffôn yw"', `${CY}Ein Person Diogelu Dynodedig yw Mrs Nia Pugh. Ei rhif ffôn yw 01570 333444.\n`, 'Mrs Nia Pugh', '01570 333444'],
  ])('%s', (_, text, name, phone) => {
    const p = read(text);
    expect(p.contacts.dsl!.value).toMatchObject({ name, phone });
    // The sentence that gives the number is quoted with the name.
    expect(quotes(p.contacts.dsl!).some((q) => q.includes(phone))).toBe(true);
  });

  it('clean twins: the next sentence names someone else, or gives no pronoun', () => {
    expect(read(`${EN}Our DSL is Mr Ali Khan. You can reach him or Mrs Cole on 020 7946 0000.\n`).contacts.dsl!.value.phone).toBeUndefined();
    expect(read(`${CY}Ein Person Diogelu Dynodedig yw Mrs Siân Jones. Cysylltwch â Mr Huw Rees ar 01570 123456.\n`).contacts.dsl!.value.phone).toBeUndefined();
    expect(read(`${EN}Our DSL is Mr Ali Khan. The school office is on 020 7946 0000.\n`).contacts.dsl!.value.phone).toBeUndefined();
  });
});

describe("the school's own title for the DSL: still the DSL, labelled in the school's words", () => {
  it.each([
    ['"Our Child Protection Officer is <name>"', 'Our Child Protection Officer is Mrs Helen Marsh.', 'Mrs Helen Marsh', 'Child Protection Officer'],
    ['"<name> is our Designated Safeguarding Officer"', 'Mrs Helen Marsh is our Designated Safeguarding Officer.', 'Mrs Helen Marsh', 'Designated Safeguarding Officer'],
    ['"Designated Child Protection Officer:" as a label', 'Designated Child Protection Officer: Mr Owen Pryce', 'Mr Owen Pryce', 'Designated Child Protection Officer'],
    ['unnamed: "reported to our Child Protection Officer"', 'Any safeguarding concern should be reported to our Child Protection Officer.', 'the Child Protection Officer', 'Child Protection Officer'],
  ])('%s', (_, sentence, name, role) => {
    const p = read(`${EN}Staff will reply to messages between 8.30am and 4.30pm, Monday to Friday.\n\n${sentence}\n`);
    expect(p.contacts.dsl!.value).toMatchObject({ name, role });
    // The school's words, not Policy Guard's generic role (which the interface would word for itself).
    expect(p.contacts.dsl!.value.generic).toBe(false);
    expect(p.routes.safeguarding.value).toMatchObject({ destination: 'dsl', contact: 'dsl' });
  });

  it('clean twins: "Designated Safeguarding Lead" and "DSL" keep Policy Guard’s role; Welsh titles keep the role the interface words', () => {
    expect(read(`${EN}Mrs Helen Marsh is our Designated Safeguarding Lead.\n`).contacts.dsl!.value.role).toBe('Designated Safeguarding Lead');
    expect(read(`${EN}Our DSL is Mrs Helen Marsh.\n`).contacts.dsl!.value.role).toBe('Designated Safeguarding Lead');
    const unnamed = read(`${EN}Any safeguarding concern should be reported to our Designated Safeguarding Lead.\n`);
    expect(unnamed.contacts.dsl!.value).toMatchObject({ name: 'the Designated Safeguarding Lead', generic: 'dsl' });
    expect(reading(unnamed).dsl).toBe(NOT_FOUND);
    expect(read(`${CY}Swyddog Amddiffyn Plant: Mr Dafydd Rees\n`).contacts.dsl!.value.role).toBe('Designated Safeguarding Lead');
    // A bilingual document names the post in both languages: the interface words the role in each.
    const both = read(`${CY}Ein Person Dynodedig ar gyfer Diogelu yw Mrs Eleri Rhys.\n\nOur Designated Safeguarding Person is Mrs Eleri Rhys.\n`);
    expect(both.contacts.dsl!.value).toMatchObject({ name: 'Mrs Eleri Rhys', role: 'Designated Safeguarding Lead' });
  });
});
