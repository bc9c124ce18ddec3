import { describe, expect, it } from 'vitest';
import { parsePolicy, parsePolicyJson, problemLines } from '../../../lib/policy/parse';
import { presetInput } from '../../../lib/policy/presets/index';

/** A valid policy with one thing broken, and the lines validation must print for it. */
function broken(edit: (p: any) => void) {
  const policy: any = presetInput('bentley-new-village');
  edit(policy);
  const result = parsePolicy(policy);
  expect(result.ok).toBe(false);
  return result.ok ? [] : problemLines(result.problems);
}

describe('policy validation: each kind of broken file gets one clear line naming the path', () => {
  const cases: [string, (p: any) => void, string][] = [
    ['wrong type (number for text)', (p) => (p.name = 42), 'name: expected the school name as text, got number 42'],
    ['wrong type (text for a flag)', (p) => (p.hours.termTimeOnly = 'yes'), 'hours.termTimeOnly: expected true or false, got string "yes"'],
    ['missing field', (p) => delete p.timeZone && delete p.languages, 'languages: is required: expected a list'],
    ['unknown rule', (p) => (p.rules['ful-name'] = { action: 'warn' }), 'rules.ful-name: unknown rule "ful-name"; the rules are "full-name", "pupil-name", "sensitive-content", "photo-consent", "out-of-hours", "negative-points"'],
    ['unknown field', (p) => (p.hours.weekends = true), 'hours.weekends: unknown field "weekends"'],
    ['bad time 25:00', (p) => (p.hours.staff[0].end = '25:00'), 'hours.staff[0].end: expected a time as "HH:MM" between "00:00" and "23:59", got "25:00"'],
    ['time without leading zero', (p) => (p.hours.staff[0].start = '8:00'), 'hours.staff[0].start: expected a time as "HH:MM" between "00:00" and "23:59", got "8:00"'],
    ['window ending before it starts', (p) => (p.hours.staff[0] = { days: ['mon'], start: '17:00', end: '08:00' }), 'hours.staff[0].end: must be later than start (17:00), got 08:00'],
    [
      'overlapping windows',
      (p) => p.hours.staff.push({ days: ['fri', 'sat'], start: '16:00', end: '18:00' }),
      'hours.staff[1]: overlaps window 0 (08:00–17:00) on fri',
    ],
    ['unknown weekday', (p) => (p.hours.staff[0].days = ['monday']), 'hours.staff[0].days[0]: expected a weekday: one of "mon", "tue", "wed", "thu", "fri", "sat", "sun"; got "monday"'],
    ['unknown language code', (p) => (p.languages = ['eng', 'welsh']), 'languages[1]: expected a language code (ISO 639-3): one of'],
    ['two-letter language code', (p) => (p.languages = ['en']), 'languages[0]: expected a language code (ISO 639-3)'],
    ['no language at all', (p) => (p.languages = []), 'languages: declare at least one language'],
    ['empty routing contact', (p) => (p.routing.contacts.office = { name: 'the school office' }), 'routing.contacts.office: a contact needs at least one way to reach them: phone, email or how'],
    ['blank contact name', (p) => (p.routing.contacts.office.name = '  '), 'routing.contacts.office.name: the contact name must not be empty'],
    ['route to a contact that does not exist', (p) => (p.routing.routes.dinners.contact = 'kitchen'), 'routing.routes.dinners.contact: names contact "kitchen", which is not in routing.contacts ("attendance-officer", "office", "dsl")'],
    ['destination without a contact', (p) => delete p.routing.routes.complaint.contact, 'routing.routes.complaint.contact: destination "office" needs a contact from routing.contacts'],
    ['unknown destination', (p) => (p.routing.routes.clubs.destination = 'headteacher'), 'routing.routes.clubs.destination: expected a destination: one of "attendance", "office", "nursing", "dsl", "meeting", "teacher"; got "headteacher"'],
    ['unknown query category', (p) => (p.routing.routes.homework = p.routing.routes.general), 'routing.routes.homework: unknown field "homework"'],
    ['bad email', (p) => (p.routing.contacts.office.email = 'office at school'), 'routing.contacts.office.email: expected an email address, got "office at school"'],
    ['unknown action', (p) => (p.rules['full-name'].action = 'nag'), 'rules.full-name.action: expected an action: one of "off", "audit", "warn", "confirm", "block"; got "nag"'],
    ['unknown channel', (p) => (p.rules['sensitive-content'].channels = ['class-story', 'facebook']), 'rules.sensitive-content.channels[1]: expected a channel: one of'],
    ['unknown sensitive category', (p) => (p.rules['sensitive-content'].categories = ['gossip']), 'rules.sensitive-content.categories[0]: expected a sensitive-content category'],
    ['bad time zone', (p) => (p.timeZone = 'Europe/Londres'), 'timeZone: expected an IANA time zone such as "Europe/London", got "Europe/Londres"'],
    ['impossible closure date', (p) => (p.hours.closures = [{ start: '2026-02-30', end: '2026-03-01', label: 'INSET' }]), 'hours.closures[0].start: expected a real date as "YYYY-MM-DD", got "2026-02-30"'],
    ['closure ending before it starts', (p) => (p.hours.closures = [{ start: '2026-12-23', end: '2026-12-18', label: 'Christmas' }]), 'hours.closures[0].end: must be on or after start'],
    ['hours rule on with no hours', (p) => (p.hours.staff = []), 'rules.out-of-hours.action: is on, but hours.staff has no windows: add the sending hours or turn the rule off'],
    ['rule on without a source', (p) => (p.rules['negative-points'] = { action: 'warn', source: { origin: 'silent' } }), 'rules.negative-points.source: a rule that is on must say where it comes from'],
    ['citation with no clauses', (p) => (p.rules['full-name'].source.clauses = []), 'rules.full-name.source.clauses: cite at least one clause'],
    ['unknown source origin', (p) => (p.rules['full-name'].source = { origin: 'headteacher' }), 'rules.full-name.source.origin: expected "origin" to be "policy", "recommended", "school" or "silent"'],
    ['wrong schema version', (p) => (p.schemaVersion = 2), 'schemaVersion: expected schemaVersion 1'],
  ];
  for (const [kind, edit, line] of cases) {
    it(kind, () => {
      const lines = broken(edit);
      expect(lines.some((l) => l.startsWith(line)), `got:\n${lines.join('\n')}`).toBe(true);
    });
  }

  it('reports every problem in a file, not just the first', () => {
    const lines = broken((p) => {
      p.name = '';
      p.hours.staff[0].end = '25:00';
      p.languages = ['xx'];
    });
    expect(lines).toHaveLength(3);
  });
});

describe('parsePolicyJson', () => {
  it('says where a JSON syntax error is', () => {
    const r = parsePolicyJson('{"schemaVersion": 1,, }');
    expect(r.ok).toBe(false);
    if (!r.ok) expect(problemLines(r.problems)[0]).toMatch(/^\(file\): is not valid JSON: .*position \d+/);
  });
  it('rejects a file that is not an object', () => {
    for (const text of ['[]', '"policy"', 'null', '42']) {
      const r = parsePolicyJson(text);
      expect(r.ok ? '' : problemLines(r.problems)[0]).toBe('(file): expected a JSON object with the policy’s settings');
    }
  });
  it('accepts a valid file with a byte-order mark (as Windows editors save them)', () => {
    const r = parsePolicyJson(`\uFEFF${JSON.stringify(presetInput('broughton'))}`);
    expect(r.ok).toBe(true);
  });
  it('fills the default time zone', () => {
    const p: any = presetInput('broughton');
    delete p.timeZone;
    const r = parsePolicy(p);
    expect(r.ok && r.policy.timeZone).toBe('Europe/London');
  });
});
