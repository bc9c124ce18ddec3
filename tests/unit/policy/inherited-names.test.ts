/**
 * Names every JavaScript object inherits (`constructor`, `toString`, `__proto__`, `hasOwnProperty`…) used
 * as keys in a policy file or IT's locks: each is a validation problem with a message saying so, never a
 * lookup that reaches a prototype. Each case here passed, or did damage, before it was fixed.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { problemLine, problemText } from '../../../lib/i18n/policy-problem';
import { messages } from '../../../lib/i18n/messages';
import { parsePolicy } from '../../../lib/policy/parse';
import { presetInput } from '../../../lib/policy/presets/index';
import { checkLocks, isLocked, resolvePolicy, withoutLocked } from '../../../lib/policy/resolve';
import { lockPathProblem, TEMPLATE_PLACEHOLDERS } from '../../../lib/policy/schema';
import { fill, routeMessage } from '../../../lib/routing/index';

import type { PolicyProblem } from '../../../lib/policy/problem';

/** Problems as path and English message, as `guard policy validate` prints them. */
const worded = (problems: PolicyProblem[] | undefined) => (problems ?? []).map((p) => ({ path: p.path, message: problemText(p, messages) }));

// eslint-disable-next-line @typescript-eslint/no-explicit-any
function edited(edit: (p: any) => void): unknown {
  const input = structuredClone(presetInput('bentley-new-village'));
  edit(input);
  return input;
}

const problemsOf = (input: unknown) => {
  const r = parsePolicy(input);
  return r.ok ? [] : r.problems;
};

const SAFEGUARDING = 'I am worried, she says her stepdad hits her and she is scared to go home';

describe('contacts: own, declared keys only', () => {
  for (const name of ['constructor', 'toString', 'hasOwnProperty', 'valueOf', '__proto__']) {
    it(`a route naming contact "${name}", which is not declared, is refused`, () => {
      const problems = problemsOf(edited((p) => (p.routing.routes.safeguarding.contact = name)));
      expect(worded(problems)).toContainEqual({
        path: 'routing.routes.safeguarding.contact',
        message: expect.stringContaining(`names contact "${name}", which is not in routing.contacts`),
      });
    });
  }

  it('a contact declared under an inherited name is refused with a message saying why', () => {
    const problems = problemsOf(
      edited((p) => {
        p.routing.contacts.constructor = { name: 'Mrs Jones', how: 'in person' };
        p.routing.routes.safeguarding.contact = 'constructor';
      }),
    );
    expect(problems.map((p) => problemText(p, messages)).join('\n')).toMatch(/"constructor" is a name every JavaScript object already has/);
  });

  it('the advice never reads "tell Object now", even for a policy that skipped validation', () => {
    const r = parsePolicy(presetInput('bentley-new-village'));
    if (!r.ok) throw new Error('preset invalid');
    const policy = structuredClone(r.policy);
    policy.routing.routes.safeguarding.contact = 'constructor';
    const route = routeMessage(SAFEGUARDING, policy, { language: 'eng' });
    expect(route.destination).toBe('dsl');
    expect(route.advice).not.toMatch(/Object/);
    expect(route.advice).toMatch(/tell the Designated Safeguarding Lead now/);
    expect(route.contact).toBeUndefined();
  });
});

describe('templates: placeholders from a closed list', () => {
  it('an unknown placeholder is a validation problem naming it and the ones allowed', () => {
    const problems = problemsOf(edited((p) => (p.routing.templates.attendance.eng = 'Please tell {contact} by {when}. {constructor}')));
    expect(problems).toHaveLength(1);
    expect(problems[0]!.path).toBe('routing.templates.attendance.eng');
    expect(problemText(problems[0]!, messages)).toBe(`unknown placeholders {when} {constructor}; a template may use only ${TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ')}`);
  });

  it('every placeholder on the list is accepted', () => {
    expect(problemsOf(edited((p) => (p.routing.templates.attendance.eng = TEMPLATE_PLACEHOLDERS.map((x) => `{${x}}`).join(' '))))).toEqual([]);
  });

  it('filling never prints an inherited function ("{constructor}" stays as written)', () => {
    const out = fill('Hello {constructor} {toString} {pupil}', { pupil: 'Amelia' });
    expect(out).toBe('Hello {constructor} {toString} Amelia');
    expect(out).not.toMatch(/native code/);
  });
});

describe('IT’s locks: the policy’s own paths only', () => {
  const hasOwnProperty = Object.prototype.hasOwnProperty;
  afterEach(() => {
    // Put it back if a failing run deleted it, so the other tests are not broken by this one.
    if (!Object.prototype.hasOwnProperty) Object.defineProperty(Object.prototype, 'hasOwnProperty', { value: hasOwnProperty, writable: true, configurable: true });
  });

  it('a lock on "__proto__.hasOwnProperty" deletes nothing from Object.prototype', () => {
    withoutLocked({ hours: {} }, ['__proto__.hasOwnProperty', 'constructor.prototype.toString']);
    expect(Object.prototype.hasOwnProperty).toBe(hasOwnProperty);
    expect(typeof Object.prototype.toString).toBe('function');
    const r = resolvePolicy({ presetId: 'bentley-new-village', user: { rules: { 'full-name': { action: 'warn' } } }, managed: { locked: ['__proto__.hasOwnProperty'] } });
    expect(r.ok).toBe(true);
    expect(Object.prototype.hasOwnProperty).toBe(hasOwnProperty);
  });

  it('still removes a locked setting from the user’s edits', () => {
    expect(withoutLocked({ hours: { staff: [] }, rules: { 'full-name': { action: 'off', note: 'x' } } }, ['hours', 'rules.full-name.action'])).toEqual({
      rules: { 'full-name': { note: 'x' } },
    });
  });

  it('refuses unknown and inherited paths with a message, and keeps the good ones', () => {
    const { locked, problems } = checkLocks(['hours', 'rules.full-name.action', 'routing.contacts.office', '__proto__.hasOwnProperty', 'hours.staf', 'routing.contacts.constructor', 'rules.toString', 7]);
    expect(locked).toEqual(['hours', 'rules.full-name.action', 'routing.contacts.office']);
    expect(worded(problems)).toEqual([
      { path: 'locked[3]', message: expect.stringMatching(/^"__proto__" is not a setting of the policy .*this lock is ignored$/) },
      { path: 'locked[4]', message: '"hours.staf" is not a setting of the policy, so this lock is ignored: did you mean "hours.staff"?' },
      { path: 'locked[5]', message: expect.stringContaining('"routing.contacts.constructor" is not a setting of the policy') },
      { path: 'locked[6]', message: expect.stringContaining('"rules.toString" is not a setting of the policy') },
      { path: 'locked[7]', message: 'expected a setting’s path as text, got 7' },
    ]);
  });

  it('accepts every kind of path the options page locks by', () => {
    for (const path of ['hours', 'hours.staff', 'hours.closures', 'rules', 'rules.photo-consent.noChildrenIn', 'routing.contacts.office', 'routing.templates.attendance.eng', 'routing.routes.absence.contact', 'audiences.class-story', 'rules.full-name.source.clauses', 'timeZone']) {
      expect(lockPathProblem(path), path).toBeUndefined();
    }
  });

  it('reports refused locks from resolvePolicy, and a refused lock locks nothing', () => {
    const r = resolvePolicy({ presetId: 'bentley-new-village', managed: { locked: ['hours', 'valueOf'] } });
    expect(r.ok && r.locked).toEqual(['hours']);
    expect(worded(r.lockProblems)).toEqual([{ path: 'locked[1]', message: expect.stringContaining('"valueOf" is not a setting') }]);
    expect(isLocked('valueOf', r.ok ? r.locked : [])).toBe(false);
  });
});
