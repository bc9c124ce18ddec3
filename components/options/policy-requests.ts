/**
 * The options page's requests about the policy in force, answered by the background (lib/ext/handler.ts): the
 * page never resolves the policy itself, so what it shows is what the checks in every tab use.
 */
import { browser } from 'wxt/browser';
import type { PolicyState } from '../../lib/ext/active-policy';
import type { ResponseOf } from '../../lib/ext/messages';
import type { PolicyProblem } from '../../lib/policy/parse';

async function ask<K extends 'policy-state' | 'save-edits' | 'reset-edits'>(request: { type: K } & Record<string, unknown>): Promise<ResponseOf<K>> {
  const answer = (await browser.runtime.sendMessage(request)) as ResponseOf<K> | undefined;
  if (!answer) throw new Error('no answer from the background');
  return answer;
}

/** The policy in force and where it comes from. Throws when the background cannot answer. */
export async function readPolicyState(): Promise<PolicyState> {
  const answer = await ask({ type: 'policy-state' });
  if (!answer.ok) throw new Error(answer.error);
  return answer.value;
}

/**
 * Adds a change to the user's edits (objects merge, lists replace), checked by the background first: the
 * problems (by field) that kept it from being saved, or undefined when it was saved. Throws when the background
 * cannot answer or storage failed.
 */
export async function saveEdits(patch: object): Promise<PolicyProblem[] | undefined> {
  const answer = await ask({ type: 'save-edits', patch: patch as Record<string, unknown> });
  if (!answer.ok) throw new Error(answer.error);
  return answer.value ?? undefined;
}

/** Drops every edit: back to the preset or file as chosen (and IT's settings). Throws when it failed. */
export async function resetEdits(): Promise<void> {
  const answer = await ask({ type: 'reset-edits' });
  if (!answer.ok) throw new Error(answer.error);
}
