/**
 * Fix 18n (issue #18): the general faults probe 18n's documents showed (tests/fixtures/policies/probe-18n/),
 * each in a few wordings with clean twins, and the fault probe 18m left open ("X and Y go to Mrs Hall and
 * Mr Khan" with no "respectively").
 */
import { describe, expect, it } from 'vitest';
import { buildPolicy, proposalItems, proposeFromText, type Proposal } from '../../../../lib/policy/from-text';
import { parsePolicy } from '../../../../lib/policy/parse';
import type { QueryCategory } from '../../../../lib/policy/schema';
import { reading } from './reading';

/** The proposal, checked as every proposal must be: quotes verbatim, and a policy `validate` accepts. */
function read(text: string): Proposal {
  const p = proposeFromText(text, { file: 'policy.txt' });
  for (const { key, item } of proposalItems(p)) {
    for (const q of item.quotes) expect(text.slice(q.at, q.at + q.quote.length), key).toBe(q.quote);
  }
  const parsed = parsePolicy(buildPolicy(p));
  expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  return p;
}

/** The contact a query is routed to, with the route's destination (undefined when the document does not route it). */
function routedTo(p: Proposal, category: QueryCategory) {
  const r = p.routes[category];
  if (r.origin !== 'document') return undefined;
  const c = r.value.contact ? p.contacts[r.value.contact]!.value : undefined;
  return { destination: r.value.destination, name: c?.name, role: c?.role, phone: c?.phone, email: c?.email };
}

const HEAD = 'Oakfield Primary School\n\nClassDojo Policy\n\nStaff will reply to messages between 8.30am and 4.30pm, Monday to Friday.\n\n';

describe('the DSL’s stand-in: "or in her absence Mr Y", "(DDSL)", "the DDSL is Mr Y"', () => {
  it.each([
    ['"or in her absence Mr Y"', 'For matters of a safeguarding nature please contact our DSL, Mrs Rachel Thompson, or in her absence Mr David Oyelaran.'],
    ['"or, in her absence, Mr Y (role)"', 'Please contact our Child Protection Co-ordinator, Mrs Rachel Thompson (Headteacher), or, in her absence, Mr David Oyelaran (Deputy Head).'],
    ['"Mr Y (DDSL)"', 'Safeguarding concerns go to Mrs Rachel Thompson (DSL) or Mr David Oyelaran (DDSL).'],
    ['"the DDSL is Mr Y"', 'Any safeguarding concern must be passed on. Our DSL is Mrs Rachel Thompson and the DDSL is Mr David Oyelaran.'],
  ])('%s', (_, sentence) => {
    const r = reading(read(`${HEAD}${sentence}\n`));
    expect(r.dsl).toBe('Mrs Rachel Thompson');
    expect(r.deputies).toEqual(['Mr David Oyelaran']);
  });

  it('clean twins: "in her absence" outside safeguarding, or with no name after it, names no deputy', () => {
    expect(reading(read(`${HEAD}Our office manager, Mrs Hall, deals with dinners, or in her absence Mr Khan.\n`)).deputies).toEqual([]);
    expect(reading(read(`${HEAD}Safeguarding concerns go to our DSL, Mrs Rachel Thompson, or in her absence the deputy.\n`)).deputies).toEqual([]);
  });
});
