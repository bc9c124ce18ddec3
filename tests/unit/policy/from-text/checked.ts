/**
 * A document read as every proposal must be: each quote verbatim in the document (`text.slice(at, at + quote.length)`),
 * and the policy built from it one that `guard policy validate` accepts. For the from-text tests that read small
 * documents of their own.
 */
import { expect } from 'vitest';
import { buildPolicy, proposalItems, proposeFromText, type Proposal } from '../../../../lib/policy/from-text';
import { parsePolicy } from '../../../../lib/policy/parse';

/** The proposal for `text` (read as `policy.txt`), after checking its quotes and the policy it builds. */
export function readChecked(text: string): Proposal {
  const p = proposeFromText(text, { file: 'policy.txt' });
  for (const { key, item } of proposalItems(p)) {
    for (const q of item.quotes) expect(text.slice(q.at, q.at + q.quote.length), key).toBe(q.quote);
  }
  const parsed = parsePolicy(buildPolicy(p));
  expect(parsed.ok ? [] : parsed.problems).toEqual([]);
  return p;
}
