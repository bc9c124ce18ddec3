/**
 * Turning untrusted input (a school's file, a managed policy, stored settings) into a Policy, or into
 * one plain line per problem: `path: message`. Nothing half-valid ever comes out.
 */
import type { z } from 'zod';
import { describeValue, Policy, RULE_IDS } from './schema';

const KINDS: Record<string, string> = {
  string: 'text',
  object: 'an object',
  array: 'a list',
  boolean: 'true or false',
  number: 'a number',
};

export interface PolicyProblem {
  /** Where, as a dotted path: `rules.full-name.action`, `hours.staff[1].end`; `(file)` for the whole file. */
  path: string;
  message: string;
}

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

/** One zod issue as the lines a school's IT person can act on. */
function describeIssue(issue: z.core.$ZodIssue, input: unknown): PolicyProblem[] {
  if (issue.code === 'unrecognized_keys') {
    const inRules = issue.path.length === 1 && issue.path[0] === 'rules';
    return issue.keys.map((key) => ({
      path: formatPath([...issue.path, key]),
      message: inRules
        ? `unknown rule "${key}"; the rules are ${RULE_IDS.map((r) => `"${r}"`).join(', ')}`
        : `unknown field "${key}"`,
    }));
  }
  if (issue.code === 'invalid_key') {
    // A record's key (a contact's): say what is wrong with it, not only "Invalid key in record".
    const why = issue.issues.map((i) => i.message).filter(Boolean);
    return [{ path: formatPath(issue.path), message: why.length ? why.join('; ') : issue.message }];
  }
  if (issue.code === 'invalid_type') {
    const value = valueAt(input, issue.path);
    const expected = KINDS[issue.expected] ?? issue.expected;
    if (value === undefined) return [{ path: formatPath(issue.path), message: `is required: expected ${expected}` }];
    if (issue.message.startsWith('Invalid input')) {
      return [{ path: formatPath(issue.path), message: `expected ${expected}, got ${describeValue(value)}` }];
    }
  }
  return [{ path: formatPath(issue.path), message: issue.message }];
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
    return { ok: false, problems: [{ path: '(file)', message: `is not valid JSON: ${(error as Error).message}` }] };
  }
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    return { ok: false, problems: [{ path: '(file)', message: 'expected a JSON object with the policy’s settings' }] };
  }
  return parsePolicy(data);
}

export function problemLines(problems: PolicyProblem[]): string[] {
  return problems.map((p) => `${p.path}: ${p.message}`);
}
