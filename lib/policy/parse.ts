/**
 * Turning untrusted input (a school's file, a managed policy, stored settings) into a Policy, or into
 * problems as message ids and data (lib/policy/problem.ts), worded by lib/i18n/policy-problem.ts. Nothing half-valid ever comes out.
 */
import type { z } from 'zod';
import { describedValue, fromZodMessage, type PolicyProblem, type ProblemMessage } from './problem';
import { Policy, RULE_IDS } from './schema';
import type { Messages } from '../i18n/finding';
import { messages } from '../i18n/messages';
import { problemLine } from '../i18n/policy-problem';

export type { PolicyProblem } from './problem';

export type ParseResult = { ok: true; policy: Policy } | { ok: false; problems: PolicyProblem[] };

export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return '(root)';
  return path
    .map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

/**
 * A zod issue's message: the schema's own (an id and data, lib/policy/problem.ts `zodMessage`), else one of a
 * few generic ids by zod's issue code, with its bounds (a text too long, a list too short…).
 */
function messageOf(issue: z.core.$ZodIssue | z.core.$ZodRawIssue): ProblemMessage {
  const own = fromZodMessage(issue.message ?? '');
  if (own) return own;
  if (issue.code === 'too_big') return { id: 'tooBig', data: { maximum: String(issue.maximum) } };
  if (issue.code === 'too_small') return { id: 'tooSmall', data: { minimum: String(issue.minimum) } };
  if (issue.code === 'invalid_format') return { id: 'invalidFormat', data: { format: String(issue.format) } };
  return { id: 'invalid', data: { code: String(issue.code) } };
}

/** One zod issue as the problems a school's IT person can act on: message ids and data, worded by lib/i18n/policy-problem.ts. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): PolicyProblem[] {
  if (issue.code === 'unrecognized_keys') {
    const inRules = issue.path.length === 1 && issue.path[0] === 'rules';
    return issue.keys.map((key): PolicyProblem => {
      const path = formatPath([...issue.path, key]);
      return inRules ? { path, id: 'unknownRule', data: { key, rules: RULE_IDS.map((r) => `"${r}"`).join(', ') } } : { path, id: 'unknownField', data: { key } };
    });
  }
  if (issue.code === 'invalid_key') {
    // A record's key (a contact's): say what is wrong with it, not only "Invalid key in record".
    const why = issue.issues.map(messageOf);
    const [first, ...more] = why.length ? why : [messageOf(issue)];
    return [{ path: formatPath(issue.path), ...first!, ...(more.length ? { more } : {}) }];
  }
  if (issue.code === 'invalid_type') {
    const value = valueAt(input, issue.path);
    if (value === undefined) return [{ path: formatPath(issue.path), id: 'required', data: { expected: issue.expected } }];
    if (issue.message.startsWith('Invalid input')) {
      return [{ path: formatPath(issue.path), id: 'wrongType', data: { expected: issue.expected, ...describedValue(value) } }];
    }
  }
  return [{ path: formatPath(issue.path), ...messageOf(issue) }];
}

export function parsePolicy(input: unknown): ParseResult {
  const result = Policy.safeParse(input);
  if (result.success) return { ok: true, policy: result.data };
  return { ok: false, problems: result.error.issues.flatMap((issue) => describeIssue(issue, input)) };
}

/** Parses a policy file's text; JSON syntax errors say where they are. */
export function parsePolicyJson(text: string): ParseResult {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { ok: false, problems: [{ path: '(file)', id: 'notJson', data: { error: (error as Error).message } }] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [{ path: '(file)', id: 'notObject' }] };
  }
  return parsePolicy(data);
}

/** One "path: message" line per problem, worded from `t` (by default the installed catalog, lib/i18n/messages.ts). */
export function problemLines(problems: PolicyProblem[], t: Messages = messages): string[] {
  return problems.map((p) => problemLine(p, t));
}
