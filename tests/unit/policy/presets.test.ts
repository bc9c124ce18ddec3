import { describe, expect, it } from 'vitest';
import { PRESET_IDS } from '../../../lib/policy/catalog';
import { parsePolicy } from '../../../lib/policy/parse';
import { PRESETS } from '../../../lib/policy/presets/index';
import type { Policy, Source } from '../../../lib/policy/schema';

function preset(id: (typeof PRESET_IDS)[number]): Policy {
  const r = parsePolicy(PRESETS[id]);
  if (!r.ok) throw new Error(`${id} is invalid: ${JSON.stringify(r.problems)}`);
  return r.policy;
}

/** The setting cites the written policy's section, with these words in the quotation. */
function expectCites(source: Source, section: string, words: string) {
  expect(source.origin).toBe('policy');
  const clauses = source.origin === 'policy' ? source.clauses : [];
  const hit = clauses.find((c) => c.section === section && c.quote.includes(words));
  expect(hit, `no clause from "${section}" quoting "${words}" in ${JSON.stringify(clauses.map((c) => [c.section, c.quote.slice(0, 50)]))}`).toBeDefined();
}

const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];

describe('bentley-new-village', () => {
  const p = preset('bentley-new-village');
  it('5.1: staff send Monday–Friday, 08:00–17:00', () => {
    expect(p.hours.staff).toEqual([{ days: WEEKDAYS, start: '08:00', end: '17:00' }]);
    expect(p.rules['out-of-hours'].action).not.toBe('off');
    expectCites(p.hours.source, '5.1 Working Hours', 'Monday–Friday, 8:00am–5:00pm');
    expectCites(p.rules['out-of-hours'].source, '5.1 Working Hours', 'working hours');
  });
  it('3.1: parents told replies come 08:00–17:00, within 48 working hours', () => {
    expect(p.hours.parentReplies).toEqual([{ days: WEEKDAYS, start: '08:00', end: '17:00' }]);
    expect(p.hours.responseTime).toContain('48 working hours');
    expectCites(p.hours.parentRepliesSource, '3.1 Response Times', '48 working hours');
  });
  it('5.3: first names only, surname initial where two share a first name', () => {
    expect(p.rules['full-name'].action).toBe('confirm');
    expect(p.rules['full-name'].allowSurnameInitial).toBe(true);
    expect(p.rules['pupil-name'].action).toBe('off');
    expectCites(p.rules['full-name'].source, '5.3 Posting to Class Story', "Only pupils' first names will be used");
  });
  it('5.4 and 3.2: sensitive information only in private messages, never Class or Student Story', () => {
    const rule = p.rules['sensitive-content'];
    expect(rule.action).toBe('confirm');
    expect(rule.channels).toEqual(['class-story', 'school-story', 'student-story', 'class-chat']);
    expect(rule.channels).not.toContain('private-chat');
    expectCites(rule.source, '5.4 Professional Conduct', 'not on Class or Student Story');
    expectCites(rule.source, '3.2 Appropriate Use of Messaging', 'private messaging platform');
  });
  it('5.4 and 4: no images without permission, never of children in Local Authority care', () => {
    const rule = p.rules['photo-consent'];
    expect(rule.neverInCare).toBe(true);
    expect(rule.consentRequiredIn).toEqual(['class-story', 'school-story', 'student-story', 'class-chat', 'private-chat']);
    expectCites(rule.source, '5.4 Professional Conduct', 'Local Authority care');
    expectCites(rule.source, '4. Use of Images, Privacy, and Sharing', 'do not consent to photographs');
  });
  it('3.2: absence and sickness go to the Attendance Officer, Mr Lund', () => {
    for (const c of ['absence', 'sickness'] as const) {
      expect(p.routing.routes[c]).toMatchObject({ destination: 'attendance', contact: 'attendance-officer' });
      expectCites(p.routing.routes[c].source, '3.2 Appropriate Use of Messaging', 'Attendance Officer (Mr Lund)');
    }
    expect(p.routing.contacts['attendance-officer']?.name).toBe('Mr Lund');
  });
  it('3.2 and 2.1: dinners, complaints and urgent messages go to the office', () => {
    for (const c of ['dinners', 'complaint', 'urgent'] as const) {
      expect(p.routing.routes[c]).toMatchObject({ destination: 'office', contact: 'office' });
      expectCites(p.routing.routes[c].source, '3.2 Appropriate Use of Messaging', 'must go through the school office');
      expectCites(p.routing.routes[c].source, '2.1 Parent/Carer Access', 'complaints, urgent messages, or dinner enquiries');
    }
  });
  it('2.1: progress questions become a meeting with the teacher', () => {
    expect(p.routing.routes.progress.destination).toBe('meeting');
    expectCites(p.routing.routes.progress.source, '2.1 Parent/Carer Access', 'arrange a meeting');
  });
  it('3.3 and 5.2: one warning, then removal; report to the line manager', () => {
    expect(p.conduct.consequence).toMatch(/One warning/);
    expect(p.conduct.report).toMatch(/line manager/);
    expectCites(p.conduct.source, '3.3 Respect and Conduct', 'one warning');
    expectCites(p.conduct.source, '5.2 Managing Inappropriate Messages', 'line manager');
  });
  it('7: senior leaders view each class page at regular intervals', () => {
    expect(p.monitoring.leadersReview).toBe(true);
    expectCites(p.monitoring.source, '7. Leadership expectations', 'regular intervals');
  });
  it('is silent on points: the rule is off', () => {
    expect(p.rules['negative-points']).toMatchObject({ action: 'off', source: { origin: 'silent' } });
  });
});

describe('broughton', () => {
  const p = preset('broughton');
  it('08:00–17:30 in term time, quiet hours otherwise', () => {
    expect(p.hours.staff).toEqual([{ days: WEEKDAYS, start: '08:00', end: '17:30' }]);
    expect(p.hours.termTimeOnly).toBe(true);
    expectCites(p.hours.source, 'Closing expectations (after the Dojo points list)', 'between 8am and 5.30pm');
    expectCites(p.hours.source, 'What is Class Dojo?', 'Silent hours will be set');
    expectCites(p.rules['out-of-hours'].source, 'What Class Dojo must not be used for', 'during term-time');
  });
  it('48-hour turnaround in term time; part-time staff reply when back', () => {
    expect(p.hours.responseTime).toMatch(/48 hours in term time.*part-time/);
    expectCites(p.hours.parentRepliesSource, 'Closing expectations (after the Dojo points list)', '48-hour response turn around');
    expectCites(p.hours.parentRepliesSource, 'Closing expectations (after the Dojo points list)', 'part-time hours');
  });
  it('personal matters only in private messages, not on class or student pages', () => {
    const rule = p.rules['sensitive-content'];
    expect(rule.action).toBe('confirm');
    expect(rule.channels).not.toContain('private-chat');
    expect(rule.channels).toEqual(expect.arrayContaining(['class-story', 'student-story']));
    expectCites(rule.source, 'Closing expectations (after the Dojo points list)', 'personal matters via the class/student pages');
  });
  it('consent for Class Story photos only; individual story and private messages allowed', () => {
    const rule = p.rules['photo-consent'];
    expect(rule.consentRequiredIn).toEqual(['class-story']);
    expect(rule.neverInCare).toBe(false);
    expectCites(rule.source, 'Closing expectations (after the Dojo points list)', "individual story/private messages");
    expectCites(rule.source, "Teacher's Roles", 'parental consent');
  });
  it('absence: email or phone the main school office before the school day starts', () => {
    expect(p.routing.routes.absence).toMatchObject({ destination: 'office', contact: 'office-absence' });
    expect(p.routing.contacts['office-absence']?.how).toBe('by email or phone before the school day starts');
    expectCites(p.routing.routes.absence.source, 'What Class Dojo must not be used for', 'prior to the school day starting');
  });
  it('complaints in the usual way; urgent messages by the office email; residential-trip questions by phone', () => {
    expectCites(p.routing.routes.complaint.source, 'What Class Dojo must not be used for', 'Complaints');
    expect(p.routing.routes.urgent).toMatchObject({ destination: 'office', contact: 'office-urgent' });
    expectCites(p.routing.routes.urgent.source, 'Closing expectations (after the Dojo points list)', 'urgent/emergency');
    expect(p.routing.contacts['office-trip']?.how).toBe('by phone');
    expectCites(p.routing.routes.trip.source, 'Residential Trips', 'via a phone call');
  });
  it('Class Dojo is not a replacement for a parent-teacher meeting', () => {
    expect(p.routing.routes.progress.destination).toBe('meeting');
    expectCites(p.routing.routes.progress.source, 'What Class Dojo must not be used for', 'parent-teacher meeting');
  });
  it('abusive behaviour is reported and the login terminated', () => {
    expectCites(p.conduct.source, 'Closing expectations (after the Dojo points list)', 'login will be terminated');
  });
  it('does not limit names in posts or forbid taking points: those rules are off', () => {
    expect(p.rules['full-name'].action).toBe('off');
    expect(p.rules['pupil-name'].action).toBe('off');
    expect(p.rules['negative-points'].action).toBe('off');
  });
  it('describes Student Story as shared with class peers', () => {
    expect(p.audiences['student-story']).toBe('shared');
    expectCites(p.audiences.source, 'Class Dojo has four main elements', 'class peers');
  });
});

describe('acceptable-use-v2', () => {
  const p = preset('acceptable-use-v2');
  it('4.7: working hours Monday–Friday 08:00–17:00', () => {
    expect(p.hours.staff).toEqual([{ days: WEEKDAYS, start: '08:00', end: '17:00' }]);
    expectCites(p.hours.source, '4.7', 'Monday-Friday 8.00am-5pm');
  });
  it('4.12: no names of children where more than one family can see (class stories, class chat)', () => {
    const rule = p.rules['pupil-name'];
    expect(rule.action).toBe('confirm');
    expect(rule.channels).toEqual(['class-story', 'school-story', 'class-chat']);
    expect(p.rules['full-name'].action).toBe('off');
    expectCites(rule.source, '4.12', 'names of children');
  });
  it('4.12: no photographs of children in those spaces at all', () => {
    const rule = p.rules['photo-consent'];
    expect(rule.noChildrenIn).toEqual(['class-story', 'school-story', 'class-chat']);
    expect(rule.consentRequiredIn).toEqual([]);
    expectCites(rule.source, '4.12', 'Will not share photographs');
  });
  it('3.2.1, 3.2.2, 4.9: nothing personal or private in the class chat; the private chat is for that', () => {
    const rule = p.rules['sensitive-content'];
    expect(rule.channels).toContain('class-chat');
    expect(rule.channels).not.toContain('private-chat');
    expectCites(rule.source, '3.2.1', 'do not share personal and/or private information in the class chat');
    expectCites(rule.source, '3.2.2', 'Private chats');
    expectCites(rule.source, '4.9', 'sensitive and personal messages');
  });
  it('5.4: absences, appointments and pick-up changes by phone to Dawn Hufton', () => {
    for (const c of ['absence', 'sickness', 'urgent'] as const) expectCites(p.routing.routes[c].source, '5.4', 'Dawn Hufton');
    expect(p.routing.contacts['dawn-hufton']?.name).toBe('Dawn Hufton');
    expect(p.routing.contacts['dawn-hufton']?.how).toMatch(/by phone/);
  });
  it('5.5: medication or feeds by phone to the school nursing team', () => {
    expect(p.routing.routes.medical).toMatchObject({ destination: 'nursing', contact: 'nursing' });
    expectCites(p.routing.routes.medical.source, '5.5', 'school nursing team');
  });
  it('4.2: urgent messages by telephone', () => {
    expectCites(p.routing.routes.urgent.source, '4.2', 'telephone and speak to a staff member');
  });
  it('4.6: progress discussed in a meeting', () => {
    expect(p.routing.routes.progress.destination).toBe('meeting');
    expectCites(p.routing.routes.progress.source, '4.6', 'arrange meetings');
  });
  it('4.3: safeguarding concerns reported through school procedures immediately', () => {
    expect(p.routing.routes.safeguarding.destination).toBe('dsl');
    expectCites(p.routing.routes.safeguarding.source, '4.3', 'safeguarding');
  });
  it('5.1 and 5.3: wellbeing updates and event questions are welcome in messages', () => {
    expect(p.routing.routes.general.destination).toBe('teacher');
    expectCites(p.routing.routes.general.source, '5.1', 'wellbeing');
    expectCites(p.routing.routes.general.source, '5.3', 'events');
  });
  it('4.1: complaints of conduct go to the Senior Leadership team', () => {
    expectCites(p.conduct.source, '4.1', 'Senior Leadership team');
  });
});

describe('malpas-court', () => {
  const p = preset('malpas-court');
  it('is bilingual: English and Welsh, with Welsh reply templates', () => {
    expect(p.languages).toEqual(['eng', 'cym']);
    expect(p.routing.templates.office?.cym).toContain('Brif Swyddfa');
    expect(p.routing.templates.meeting?.cym).toContain('{pupil}');
  });
  it('the two reply windows: teachers work 08:30–17:00, parents are told 08:30–16:30; both cited, the choice explained', () => {
    expect(p.hours.staff).toEqual([{ days: WEEKDAYS, start: '08:30', end: '17:00' }]);
    expect(p.hours.parentReplies).toEqual([{ days: WEEKDAYS, start: '08:30', end: '16:30' }]);
    expectCites(p.hours.source, 'Teachers and Class Dojo', '8.30am - 5pm');
    expectCites(p.hours.source, 'Parents/Carers and Class Dojo', '8.30am-4.30pm');
    expectCites(p.hours.parentRepliesSource, 'Parents/Carers and Class Dojo', '8.30am-4.30pm');
    expectCites(p.hours.parentRepliesSource, 'Teachers and Class Dojo', '8.30am - 5pm');
    const note = p.hours.source.origin === 'policy' ? p.hours.source.note : '';
    expect(note).toMatch(/two windows/);
    expect(note).toMatch(/08:30 to 17:00.*08:30 to 16:30/s);
  });
  it('school day 09:00–15:30: messages may not be seen', () => {
    expect(p.hours.responseTime).toMatch(/9am to 3:30pm/);
    expectCites(p.hours.parentRepliesSource, 'Teachers and Class Dojo', 'school day 9am - 3:30pm');
  });
  it('points are never taken away (stated twice)', () => {
    const rule = p.rules['negative-points'];
    expect(rule.action).toBe('block');
    expect(rule.channels).toEqual(['points']);
    expectCites(rule.source, 'Pupils and Class Dojo', 'will not be taken away');
    expectCites(rule.source, 'Teachers and Class Dojo', 'are not taken away');
  });
  it('absence, sickness, dinners, clubs, lost items, complaints and urgent messages go to the Main Office', () => {
    for (const c of ['absence', 'sickness', 'dinners', 'clubs', 'lost-property', 'complaint', 'urgent'] as const) {
      expect(p.routing.routes[c]).toMatchObject({ destination: 'office', contact: 'main-office' });
      expectCites(p.routing.routes[c].source, 'Parents/Carers and Class Dojo', 'should always go through to our Main Office');
    }
    expect(p.routing.contacts['main-office']?.name).toBe('the Main Office');
  });
  it('progress: arrange a meeting', () => {
    expectCites(p.routing.routes.progress.source, 'Parents/Carers and Class Dojo', 'arrange a meeting');
  });
  it('a warning, then removal; inappropriate comments reported to SLT', () => {
    expectCites(p.conduct.source, 'Parents/Carers and Class Dojo', 'given a warning');
    expectCites(p.conduct.source, 'Teachers and Class Dojo', 'reported to SLT');
  });
  it('is silent on names, sensitive content and photos: those rules are off', () => {
    for (const id of ['full-name', 'pupil-name', 'sensitive-content', 'photo-consent'] as const) {
      expect(p.rules[id].action).toBe('off');
      expect(p.rules[id].source.origin).toBe('silent');
    }
  });
});

describe('papworth-hall', () => {
  const p = preset('papworth-hall');
  it('3.0: no child matters on the class page or in messages, private chats included', () => {
    const rule = p.rules['sensitive-content'];
    expect(rule.channels).toContain('private-chat');
    expect(rule.channels).toContain('class-story');
    expectCites(rule.source, '3.0 Teacher Responsibilities', 'via the class page or the messaging service');
  });
  it('3.0: pupils without photo/video/audio permission must not appear', () => {
    const rule = p.rules['photo-consent'];
    expect(rule.action).toBe('block');
    expect(rule.consentRequiredIn).toHaveLength(5);
    expectCites(rule.source, '3.0 Teacher Responsibilities', 'do not have permission to have their photograph/video/audio shared');
  });
  it('4.0: parents do not use direct messages to contact school', () => {
    for (const c of ['absence', 'dinners', 'complaint', 'progress', 'general'] as const) {
      expect(p.routing.routes[c].destination).toBe('office');
      expectCites(p.routing.routes[c].source, '4.0 Parent/Carer Responsibilities', 'will not use the direct messaging function');
    }
  });
  it('sets no sending hours: the out-of-hours rule is off', () => {
    expect(p.hours.staff).toEqual([]);
    expect(p.rules['out-of-hours'].action).toBe('off');
  });
  it('6.0: senior leaders view each page at regular intervals', () => {
    expect(p.monitoring.leadersReview).toBe(true);
    expectCites(p.monitoring.source, '6.0 Leadership Responsibilities', 'regular intervals');
  });
  it('9.0: violations may remove access', () => {
    expectCites(p.conduct.source, '9.0 Violations', 'Removal of access');
  });
});
