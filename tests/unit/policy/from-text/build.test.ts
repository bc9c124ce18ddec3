/** The review's decisions turn into sources that never cite a clause the item no longer matches. */
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { blankProposal, buildPolicy, proposeFromText, proposalItems, settingsRead, type Decisions } from '../../../../lib/policy/from-text';
import { parsePolicy } from '../../../../lib/policy/parse';
import type { Policy } from '../../../../lib/policy/schema';

const text = readFileSync(new URL('../../../fixtures/policies/hilltop-primary.txt', import.meta.url), 'utf8');
const proposal = proposeFromText(text, { file: 'hilltop.txt' });
const build = (d: Decisions): Policy => {
  const r = parsePolicy(buildPolicy(proposal, d));
  if (!r.ok) throw new Error(JSON.stringify(r.problems));
  return r.policy;
};

describe('buildPolicy', () => {
  it('accepted items found in the document cite it; the rest say recommended or silent', () => {
    const p = build({});
    expect(p.hours.source).toMatchObject({ origin: 'policy', clauses: [{ file: 'hilltop.txt', quote: proposal.staffHours.quotes[0]!.quote }] });
    expect(p.routing.routes.clubs.source.origin).toBe('recommended');
    expect(p.rules['pupil-name']).toMatchObject({ action: 'off', source: { origin: 'silent' } });
    expect(p.name).toBe('Hilltop Primary');
    expect(p.id).toBe('hilltop-primary');
  });

  it('an edited item is a school setting and no longer quotes the document', () => {
    const p = build({ staffHours: { state: 'edit', value: [{ days: ['mon', 'tue', 'wed', 'thu', 'fri'], start: '08:00', end: '16:30' }] }, name: { state: 'edit', value: 'Hilltop Community Primary' } });
    expect(p.hours.staff[0]!.end).toBe('16:30');
    expect(p.hours.source).toEqual({ origin: 'school', note: expect.any(String), noteId: 'school' });
    expect(p.rules['out-of-hours'].source.origin).toBe('school');
    expect(p.name).toBe('Hilltop Community Primary');
  });

  it('switching the hours off turns the out-of-hours rule off, saying why', () => {
    const p = build({ staffHours: { state: 'off' } });
    expect(p.hours.staff).toEqual([]);
    expect(p.rules['out-of-hours'].action).toBe('off');
  });

  it('a renamed contact makes every route to it a school setting (its clause named someone else)', () => {
    const p = build({ 'contacts.attendance-officer': { state: 'edit', value: { name: 'Mr Hughes', role: 'Attendance Officer', how: 'by phone before 9.15am' } } });
    expect(p.routing.contacts['attendance-officer']!.name).toBe('Mr Hughes');
    expect(p.routing.routes.absence.source.origin).toBe('school');
  });

  it('a contact switched off sends its queries to the class teacher', () => {
    const p = build({ 'contacts.attendance-officer': { state: 'off' } });
    expect(p.routing.routes.absence.destination).toBe('teacher');
  });

  it('safeguarding always goes to the DSL, whatever is decided', () => {
    expect(build({ 'routes.safeguarding': { state: 'off' }, 'contacts.dsl': { state: 'off' } }).routing.routes.safeguarding.destination).toBe('dsl');
  });

  it('a rule the document does not state, switched on by the school, says so', () => {
    const p = build({ 'rules.negative-points': { state: 'edit', value: { action: 'warn', channels: ['points'] } } });
    expect(p.rules['negative-points']).toMatchObject({ action: 'warn', source: { origin: 'school' } });
  });

  it('the neutral template (no document) is valid and cites no school', () => {
    const r = parsePolicy(buildPolicy(blankProposal('new-policy', 'Hilltop Primary')));
    expect(r.ok).toBe(true);
    expect(JSON.stringify(r.ok && r.policy)).not.toMatch(/Bentley|Broughton|Malpas|Papworth|Lund|Hufton/);
    expect(JSON.stringify(r.ok && r.policy)).not.toMatch(/"clauses"/);
  });

  it('any mix of accept and switch-off decisions gives a valid policy', () => {
    const keys = proposalItems(proposal).map((i) => i.key);
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...keys)), fc.array(fc.constantFrom(...keys)), (offs, accepts) => {
        const d: Decisions = {};
        for (const k of accepts) d[k] = { state: 'accept' };
        for (const k of offs) d[k] = { state: 'off' };
        const r = parsePolicy(buildPolicy(proposal, d));
        expect(r.ok ? [] : r.problems).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});

describe('term time only, read from a document that gives no hours', () => {
  const doc = 'Larkspur Primary School\nClassDojo messaging is available during term time only and is switched off in the school holidays.';
  const p = proposeFromText(doc, { file: 'larkspur.txt' });
  it('termTimeOnly is true and cites the document’s sentence; the hours stay a recommended default', () => {
    expect(p.staffHours.origin).toBe('recommended');
    expect(p.termTime).toMatchObject({ value: true, origin: 'document' });
    const policy = buildPolicy(p);
    expect(policy.hours.termTimeOnly).toBe(true);
    expect(policy.hours.source).toMatchObject({ origin: 'recommended', clauses: [{ file: 'larkspur.txt', quote: 'ClassDojo messaging is available during term time only and is switched off in the school holidays.' }] });
    expect((policy.hours.source as { note: string }).note).toMatch(/Term time only is the document's \(quoted\)/);
    expect(parsePolicy(policy).ok).toBe(true);
  });
  it('switched off or edited, termTimeOnly cites nothing', () => {
    expect(buildPolicy(p, { termTime: { state: 'off' } }).hours).toMatchObject({ termTimeOnly: false, source: { origin: 'recommended' } });
    expect((buildPolicy(p, { termTime: { state: 'off' } }).hours.source as { clauses?: unknown }).clauses).toBeUndefined();
  });
});

describe('a document from which nothing is read', () => {
  it('counts no settings read (the school’s name does not count) and says so in the policy’s note', () => {
    const p = proposeFromText('Larkspur Primary School\nOur harvest festival raised £412 for the food bank. Thank you to every family who gave.', { file: 'newsletter.txt' });
    expect(settingsRead(p)).toBe(0);
    expect(buildPolicy(p).note).toMatch(/NOTHING was read from the document .*only the school’s name/);
    expect(settingsRead(proposal)).toBeGreaterThan(5);
  });
});
