/**
 * Which policy is in force. Three layers, each overriding the one before:
 *   1. the preset the school chose (or the school's own full policy file),
 *   2. the user's edits in the options page,
 *   3. the managed policy pushed by the school's IT (Google Admin console / Edge policies), which wins.
 * Objects merge key by key; a list replaces the list below it. An item a layer changes without saying
 * where it comes from becomes a `school` setting (./attribute.ts). The result is validated as a whole:
 * if any layer makes it invalid, nothing of that layer is applied and the problems say which layer.
 */
import { attributeLayer } from './attribute';
import { isPresetId, type PresetId } from './catalog';
import { parsePolicy, type PolicyProblem } from './parse';
import { presetInput } from './presets/index';
import { lockPathProblem, type Policy } from './schema';

export type Layer = 'preset' | 'user' | 'managed';

/** What the school's IT can push: a preset to start from, settings over it, and what users may not change. */
export interface ManagedPolicy {
  presetId?: string;
  policy?: unknown;
  /** Dotted paths users cannot edit (e.g. "hours", "rules.full-name.action"), or "all". */
  locked?: string[] | 'all';
}

export interface ResolveInput {
  /** The preset chosen in the options page (ignored when the managed policy names one). */
  presetId?: string;
  /** A school's own full policy, imported from a file, used instead of a preset. */
  base?: unknown;
  /** The user's edits, as a partial policy. */
  user?: unknown;
  managed?: ManagedPolicy;
}

export type ResolveResult =
  | {
      ok: true;
      policy: Policy;
      locked: string[] | 'all';
      applied: Layer[];
      rejected: { layer: Layer; problems: PolicyProblem[] }[];
      /** IT's locks that name no setting of the policy (or an inherited name): refused, and why. */
      lockProblems?: PolicyProblem[];
    }
  | { ok: false; layer: Layer; problems: PolicyProblem[]; lockProblems?: PolicyProblem[] };

/**
 * IT's locks, checked against the policy's own paths: the ones that name a setting, and a problem for each
 * one that does not (unknown, or an inherited name such as `__proto__.hasOwnProperty`), which is refused.
 */
export function checkLocks(locked: readonly unknown[] | 'all' | undefined): { locked: string[] | 'all'; problems: PolicyProblem[] } {
  if (locked === 'all') return { locked: 'all', problems: [] };
  const ok: string[] = [];
  const problems: PolicyProblem[] = [];
  (locked ?? []).forEach((path, i) => {
    const problem = typeof path === 'string' ? lockPathProblem(path) : ({ id: 'lockNotText', data: { value: String(JSON.stringify(path)) } } as const);
    if (problem) problems.push({ path: `locked[${i}]`, ...problem });
    else ok.push(path as string);
  });
  return { locked: ok, problems };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Names that, as keys, reach an object's prototype rather than a setting: never copied, merged or followed. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Deep merge: objects key by key, anything else (lists included) replaced. Inputs are not changed. */
export function mergeLayers(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? structuredClone(base) : structuredClone(patch);
  const out: Record<string, unknown> = structuredClone(base);
  // A note a layer writes in its own words replaces Policy Guard's: the id that worded the one below goes with it.
  if (Object.hasOwn(patch, 'note') && !Object.hasOwn(patch, 'noteId')) {
    delete out.noteId;
    delete out.noteData;
  }
  for (const [key, value] of Object.entries(patch)) {
    if (PROTOTYPE_KEYS.has(key)) continue;
    out[key] = Object.hasOwn(out, key) ? mergeLayers(out[key], value) : structuredClone(value);
  }
  return out;
}

/**
 * Removes the locked paths from a user's edits, so a locked setting keeps the managed (or preset) value.
 * Only the edits' own keys are followed and deleted: a path such as "__proto__.hasOwnProperty" reaches
 * nothing (it would otherwise reach, and delete from, Object.prototype).
 */
export function withoutLocked(user: unknown, locked: string[] | 'all'): unknown {
  if (locked === 'all') return undefined;
  if (!isPlainObject(user)) return user;
  const out = structuredClone(user) as Record<string, unknown>;
  for (const path of locked) {
    if (typeof path !== 'string') continue;
    const keys = path.split('.');
    let node: Record<string, unknown> | undefined = out;
    for (const key of keys.slice(0, -1)) {
      const next: unknown = node && !PROTOTYPE_KEYS.has(key) && Object.hasOwn(node, key) ? node[key] : undefined;
      node = isPlainObject(next) ? next : undefined;
    }
    const last = keys[keys.length - 1]!;
    if (node && !PROTOTYPE_KEYS.has(last) && Object.hasOwn(node, last)) delete node[last];
  }
  return out;
}

export function isLocked(path: string, locked: string[] | 'all'): boolean {
  return locked === 'all' || locked.some((l) => path === l || path.startsWith(`${l}.`));
}

export function resolvePolicy(input: ResolveInput): ResolveResult {
  const managed = input.managed ?? {};
  // A lock on a path the policy does not have is refused (and reported): it could only ever reach a prototype.
  const { locked, problems: lockProblems } = checkLocks(managed.locked);
  const withLocks = <T extends object>(result: T) => (lockProblems.length ? { ...result, lockProblems } : result);
  const presetId = managed.presetId ?? input.presetId;

  let base: unknown = input.base;
  if (managed.presetId !== undefined || base === undefined) {
    if (!isPresetId(presetId)) {
      return withLocks({
        ok: false as const,
        layer: managed.presetId !== undefined ? ('managed' as const) : ('preset' as const),
        problems: [{ path: 'presetId', id: 'unknownPreset', data: { value: String(JSON.stringify(presetId)) } }],
      });
    }
    base = presetInput(presetId as PresetId);
  }
  const first = parsePolicy(base);
  if (!first.ok) return withLocks({ ok: false as const, layer: 'preset' as const, problems: first.problems });

  // Each later layer is tried on top of what is valid so far; a layer that breaks it is refused whole.
  let current: unknown = base;
  const applied: Layer[] = ['preset'];
  const rejected: { layer: Layer; problems: PolicyProblem[] }[] = [];
  const layers: [Layer, unknown][] = [
    ['user', withoutLocked(input.user, locked)],
    ['managed', managed.policy],
  ];
  for (const [layer, patch] of layers) {
    if (patch === undefined) continue;
    // What a layer changes is the school's decision: it no longer cites the written policy's clause.
    const merged = mergeLayers(current, attributeLayer(current, patch));
    const parsed = parsePolicy(merged);
    if (parsed.ok) {
      current = merged;
      applied.push(layer);
    } else {
      rejected.push({ layer, problems: parsed.problems });
      // A broken managed policy must not be silently replaced by the user's settings: it is the
      // school's word. Report it as a failure rather than carrying on with less than IT asked for.
      if (layer === 'managed') return withLocks({ ok: false as const, layer, problems: parsed.problems });
    }
  }
  const final = parsePolicy(current);
  if (!final.ok) return withLocks({ ok: false as const, layer: applied[applied.length - 1]!, problems: final.problems });
  return withLocks({ ok: true as const, policy: final.policy, locked, applied, rejected });
}
