import { describe, expect, it } from 'vitest';
import { findDaySpecs, findTimeRanges, hhmm } from '../../../../lib/policy/from-text/times';

const range = (s: string) => findTimeRanges(s).map((r) => `${hhmm(r.start)}-${hhmm(r.end)}`);

describe('time ranges as schools write them', () => {
  it.each([
    ['staff will check or send messages between 8.30 - 4.30pm daily', '08:30-16:30'],
    ['8:30am until 4pm', '08:30-16:00'],
    ['between 8am and 5pm', '08:00-17:00'],
    ['from half past eight until four', '08:30-16:00'],
    ['between half past eight and quarter past four', '08:30-16:15'],
    ['08:30–16:00', '08:30-16:00'],
    ['0830-1600', '08:30-16:00'],
    ['(Monday–Friday, 8:00am–5:00pm)', '08:00-17:00'],
    ['the hours of 8-5.30pm', '08:00-17:30'],
    ['8.00am-5pm', '08:00-17:00'],
    ['8.30am - 5pm', '08:30-17:00'],
    ['(8:30 – 3:30pm)', '08:30-15:30'],
    ['8 a.m. to 4.30 p.m.', '08:00-16:30'],
    ["8 o'clock to 5 o'clock", '08:00-17:00'],
    ['between eight and five', '08:00-17:00'],
    ['from 8 until 5', '08:00-17:00'],
    ['1-3pm', '13:00-15:00'],
    ['midday to 1pm', '12:00-13:00'],
    ['7.30 in the morning to 6 in the evening', '07:30-18:00'],
    ['17:00 to 19:00', '17:00-19:00'],
    ['no messages before 7.30am or after 6pm', '07:30-18:00'],
  ])('%s', (text, expected) => expect(range(text)).toEqual([expected]));

  it.each(['Year 1 to Year 6', 'Nursery - Year 6', '2 to 3 days', 'between 1 and 2 children', 'within 48 hours', '£2.50 to £3', 'pages 4-5', 'ages 5 to 11', 'sections 3.1 to 3.4'])(
    'not a time: %s',
    (text) => expect(range(text)).toEqual([]),
  );
});

describe('day ranges', () => {
  const days = (s: string) => findDaySpecs(s).map((d) => d.days.join(','));
  it.each([
    ['Monday to Friday', 'mon,tue,wed,thu,fri'],
    ['Monday–Friday', 'mon,tue,wed,thu,fri'],
    ['Mon–Fri', 'mon,tue,wed,thu,fri'],
    ['Mon-Thurs', 'mon,tue,wed,thu'],
    ['weekdays', 'mon,tue,wed,thu,fri'],
    ['week days', 'mon,tue,wed,thu,fri'],
    ['Mondays, Wednesdays and Fridays', 'mon,wed,fri'],
    ['Monday through Thursday', 'mon,tue,wed,thu'],
  ])('%s', (text, expected) => expect(days(text)).toEqual([expected]));
  it('does not read the verb "sat" or the sun as days', () => expect(days('we sat in the sun')).toEqual([]));
});
