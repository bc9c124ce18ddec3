/**
 * A policy's problem in a catalog's language: `policyProblem_<id>` filled from the problem's data, in the order
 * PROBLEM_FIELDS gives (lib/policy/problem.ts). The options page, the popup and `guard policy validate --lang`
 * word problems with this one function, so each says what the others say.
 *
 * Words in the data are the catalog's too: `expected` a kind (`policyProblemKind_<kind>`: "text", "a list"),
 * `got` the kind of value found with the value (`policyProblemGot_<kind>`: `number 42`, "a list"), `what` the
 * setting (`policyProblemWhat_<what>`: "the school name"). `count` picks the plural form (`plural`). The values
 * from the file (a key, a time, a quoted clause) are given as written.
 */
import { PROBLEM_FIELDS, type PolicyProblem, type ProblemMessage } from '../policy/problem';
import { plural, type Messages } from './finding';

/** One data value as the message's substitution: a catalog word where it is one, else as written. */
function slot(name: string, m: ProblemMessage, t: Messages): string {
  const d = m.data ?? {};
  const value = d[name] ?? '';
  if (name === 'expected') return t(`policyProblemKind_${value}`) || value;
  if (name === 'got') return t(`policyProblemGot_${value}`, [d.gotValue ?? '']) || `${value} ${d.gotValue ?? ''}`.trim();
  if (name === 'what') return t(`policyProblemWhat_${value}`) || value;
  return value;
}

/** One message (without its path) in the catalog's language; "" where the catalog has no entry for its id. */
export function messageText(m: ProblemMessage, t: Messages): string {
  const fields: readonly string[] = PROBLEM_FIELDS[m.id] ?? [];
  const subs = fields.map((name) => slot(name, m, t));
  const key = `policyProblem_${m.id}`;
  if (fields.includes('count')) return plural(t, key, Number(m.data?.count ?? 0), subs);
  return t(key, subs);
}

/**
 * The problem's message in the catalog's language (without its path): its messages joined by "; ", and where it
 * arises only over a preset staff chose, which. An id the catalog lacks is given as the id with its data, so a
 * problem is never shown as nothing.
 */
export function problemText(p: PolicyProblem, t: Messages): string {
  const parts = [p, ...(p.more ?? [])].map((m) => messageText(m, t) || `${m.id} ${JSON.stringify(m.data ?? {})}`);
  const text = parts.join('; ');
  return p.preset ? `${text} ${t('policyProblemWherePreset', [p.preset])}` : text;
}

/** "path: message", as `guard policy validate` prints each problem. */
export function problemLine(p: PolicyProblem, t: Messages): string {
  return `${p.path}: ${problemText(p, t)}`;
}
