import { describe, expect, it } from 'vitest';
import { problemLine, problemText } from '../../../lib/i18n/policy-problem';
import { messages } from '../../../lib/i18n/messages';
import { resolvePolicy } from '../../../lib/policy/resolve';
import { ukBankHolidays } from '../../../lib/calendar/bank-holidays';
import { checkDraft } from '../../../lib/rules/index';
import { buildPolicy, proposeFromText } from '../../../lib/policy/from-text';
import { SCHOOL_SOURCE_NOTE } from '../../../lib/policy/attribute';
import { clauseText } from '../../../lib/rules/rule';
import { messagesOf } from '../../../cli/catalog';

const at = (hhmm: string) => new Date(`2026-11-25T${hhmm}:00Z`); // a Wednesday, GMT

describe('an edited preset item is a school setting, never the preset’s clause', () => {
  it('new hours: the out-of-hours finding no longer quotes "8:00am–5:00pm"', () => {
    const r = resolvePolicy({ presetId: 'bentley-new-village', user: { name: 'Hilltop Primary', hours: { staff: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '16:00' }] } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.hours.source.origin).toBe('school');
    expect(r.policy.rules['out-of-hours'].source.origin).toBe('school');
    const [finding] = checkDraft({ text: 'Reminder: PE tomorrow', channel: 'class-story', at: at('16:30') }, { policy: r.policy, roster: [], calendar: ukBankHolidays }).filter((f) => f.rule === 'out-of-hours');
    expect(finding?.message).toContain('Hilltop Primary');
    expect(finding?.message).toContain('08:30–16:00');
    expect(finding?.clause).not.toContain('8:00am');
    expect(finding?.clause).toMatch(/^School setting/);
  });

  it('the school setting’s note is worded in the interface’s language (issue #15), the English kept in the policy', () => {
    const r = resolvePolicy({ presetId: 'bentley-new-village', user: { hours: { staff: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '16:00' }] } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.hours.source).toMatchObject({ origin: 'school', note: SCHOOL_SOURCE_NOTE, noteId: 'schoolChanged' });
    expect(clauseText(r.policy.hours.source, messagesOf('cy')).text).toBe("Gosodiad yr ysgol: Wedi'i newid gan yr ysgol yng ngosodiadau Policy Guard, felly nid yw cymal y polisi ysgrifenedig yn berthnasol mwyach.");
    expect(clauseText(r.policy.hours.source, messagesOf('en')).text).toBe(`School setting: ${SCHOOL_SOURCE_NOTE}`);
  });

  it('unchanged items keep their clause (saving the same hours changes nothing)', () => {
    const r = resolvePolicy({ presetId: 'bentley-new-village', user: { hours: { staff: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '17:00' }] } } });
    expect(r.ok && r.policy.hours.source.origin).toBe('policy');
  });

  it('a renamed contact makes the routes to it the school’s; other routes keep their clauses', () => {
    const r = resolvePolicy({ presetId: 'bentley-new-village', user: { routing: { contacts: { 'attendance-officer': { name: 'Mrs Patel', how: 'by phone' } } } } });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.policy.routing.routes.absence.source.origin).toBe('school');
    expect(r.policy.routing.routes.dinners.source.origin).toBe('policy');
  });

  it('a contact whose details cite the document: changed details are the school’s, unchanged ones keep the clause', () => {
    const base = buildPolicy(proposeFromText('Safeguarding concerns should be raised with our DSL, Mrs J Okafor, in person or by telephone.', { file: 'p.txt' }));
    expect(base.routing.contacts.dsl!.source?.origin).toBe('policy');
    const edited = resolvePolicy({ base, user: { routing: { contacts: { dsl: { name: 'Mrs J Okafor', how: 'in person only' } } } } });
    expect(edited.ok && edited.policy.routing.contacts.dsl!.source?.origin).toBe('school');
    const same = resolvePolicy({ base, user: { routing: { contacts: { dsl: { name: 'Mrs J Okafor', how: 'in person or by telephone' } } } } });
    expect(same.ok && same.policy.routing.contacts.dsl!.source?.origin).toBe('policy');
  });

  it('a rule the policy is silent on can be switched on: it becomes the school’s (no longer refused)', () => {
    const r = resolvePolicy({ presetId: 'bentley-new-village', user: { rules: { 'negative-points': { action: 'warn' } } } });
    expect(r.ok && r.rejected).toEqual([]);
    expect(r.ok && r.policy.rules['negative-points'].source.origin).toBe('school');
  });

  it('a changed action keeps the clause (how firmly a rule acts is not in the written policy)', () => {
    const r = resolvePolicy({ presetId: 'bentley-new-village', user: { rules: { 'full-name': { action: 'warn' } } } });
    expect(r.ok && r.policy.rules['full-name'].source.origin).toBe('policy');
  });

  it('a layer that gives its own source keeps it', () => {
    const own = { origin: 'policy', clauses: [{ file: 'ours.txt', section: '2', quote: 'Staff reply 8.30 to 4.' }] };
    const r = resolvePolicy({ presetId: 'bentley-new-village', managed: { policy: { hours: { staff: [{ days: ['mon'], start: '08:30', end: '16:00' }], source: own } } } });
    expect(r.ok && r.policy.hours.source).toMatchObject(own);
  });
});

describe('contact wording is written for any name', async () => {
  const { PRESET_IDS } = await import('../../../lib/policy/catalog');
  const { presetPolicy } = await import('../../../lib/policy/presets/index');
  const { TEMPLATES } = await import('../../../lib/policy/from-text/defaults');
  const PRONOUN = /\b(he|him|his|she|her|hers|himself|herself)\b/i;
  it.each(PRESET_IDS)('%s: no contact’s "how" and no English template bakes in a pronoun', (id) => {
    const p = presetPolicy(id);
    for (const [key, c] of Object.entries(p.routing.contacts)) expect(c.how ?? '', key).not.toMatch(PRONOUN);
    for (const [dest, t] of Object.entries(p.routing.templates)) expect(t?.eng ?? '', dest).not.toMatch(PRONOUN);
  });
  it('nor do the templates a proposal uses', () => {
    for (const t of Object.values(TEMPLATES)) expect(t?.eng ?? '').not.toMatch(PRONOUN);
  });
});

describe('a policy file whose clause states other hours than it sets', async () => {
  const { parsePolicy } = await import('../../../lib/policy/parse');
  const { presetInput } = await import('../../../lib/policy/presets/index');
  it('is refused, naming the clause and the hours (the issue’s "…8:00am–5:00pm" under a 16:00 finding)', () => {
    const file = presetInput('bentley-new-village');
    file.name = 'Hilltop Primary';
    file.hours.staff = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '16:00' }];
    const r = parsePolicy(file);
    expect(r.ok).toBe(false);
    const lines = r.ok ? [] : r.problems.map((p) => problemLine(p, messages));
    expect(lines).toContainEqual(expect.stringMatching(/^hours\.source: quotes "8:00am–5:00pm" .* but the hours are 08:30–16:00/));
    expect(lines).toContainEqual(expect.stringMatching(/^rules\.out-of-hours\.source: /));
  });
  it('is accepted once the clause is the school’s own setting', () => {
    const file = presetInput('bentley-new-village');
    file.hours.staff = [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:30', end: '16:00' }];
    file.hours.source = { origin: 'school' };
    file.rules['out-of-hours'].source = { origin: 'school' };
    expect(parsePolicy(file).ok).toBe(true);
  });
});
