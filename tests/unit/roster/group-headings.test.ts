import { describe, expect, it } from 'vitest';
import { parseRosterCsv } from '../../../lib/roster/csv';

// Probe 19 L4: a SIMS report prints each registration group as a sub-heading row ("Reg Group: 3 Oak"), which was
// refused as a pupil with "No first name". It is the class of the rows under it now.
describe('a report’s group sub-headings', () => {
  const grouped = 'Surname,Forename,Photo consent\nReg Group: 3 Oak,,\nHughes,Amelia,Yes\nBennett,Oliver,No\n,,\nReg Group: 3 Oak (continued),,\nEvans,Rhys,Yes\nPage 2 of 2,,\n';

  it('reads one group’s sub-headings as labels, not pupils, and says so', () => {
    const r = parseRosterCsv(grouped);
    expect(r.problems).toEqual([]);
    expect(r.pupils.map((p) => `${p.first} ${p.last}`)).toEqual(['Amelia Hughes', 'Oliver Bennett', 'Rhys Evans']);
    expect(r.notes.find((n) => n.code === 'group-headings')).toMatchObject({ data: ['2, 6', '“3 Oak”', '2'] });
  });

  it('several groups are several classes: refused with the choice, and one chosen is read alone', () => {
    const two = 'Surname,Forename,Photo consent\nReg Group: 3 Oak,,\nHughes,Amelia,Yes\nReg Group: 4 Ash,,\nBennett,Oliver,No\nEvans,Rhys,Yes\n';
    const r = parseRosterCsv(two);
    expect(r.problems.map((p) => p.code)).toEqual(['several-classes']);
    expect(r.groups?.names).toEqual(['3 Oak', '4 Ash']);
    const ash = parseRosterCsv(two, false, false, { group: '4 Ash' });
    expect(ash.problems).toEqual([]);
    expect(ash.pupils.map((p) => p.first)).toEqual(['Oliver', 'Rhys']);
  });

  it('"3 Oak", "3Oak" and "3 oak" are one class, shown as first written', () => {
    const r = parseRosterCsv('Forename,Surname,Reg Group,Photo consent\nAmelia,Hughes,3 Oak,Yes\nOliver,Bennett,3Oak,No\nRhys,Evans,3 oak,Yes\n');
    expect(r.problems).toEqual([]);
    expect(r.pupils).toHaveLength(3);
    const mixed = parseRosterCsv('Forename,Surname,Reg Group,Photo consent\nAmelia,Hughes,3 Oak,Yes\nOliver,Bennett,3Oak,No\nZofia,Kowalska,4 Ash,Yes\n');
    expect(mixed.groups?.names).toEqual(['3 Oak', '4 Ash']);
    expect(parseRosterCsv('Forename,Surname,Reg Group,Photo consent\nAmelia,Hughes,3 Oak,Yes\nOliver,Bennett,3Oak,No\nZofia,Kowalska,4 Ash,Yes\n', false, false, { group: '3OAK' }).pupils.map((p) => p.first)).toEqual(['Amelia', 'Oliver']);
  });

  it('a sub-heading needs a group’s word: any other one-cell row with a colon is not a label, and is refused as before', () => {
    const r = parseRosterCsv('Surname,Forename,Photo consent\nNote: twins,,\nHughes,Amelia,Yes\n');
    expect(r.problems.map((p) => p.row)).toEqual([2]);
    expect(r.notes.map((n) => n.code)).not.toContain('group-headings');
  });
});
