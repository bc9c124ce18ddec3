/**
 * Which policy is in force. Three layers, each overriding the one before:
 *   1. the preset the school chose (or the school's own full policy file),
 *   2. the user's edits in the options page,
 *   3. the managed policy pushed by the school's IT (Google Admin console / Edge policies), which wins.
 * Objects merge key by key; a list replaces the list below it. The result is validated as a whole:
 * if any layer makes it invalid, nothing of that layer is applied and the problems say which layer.
 */
import { isPresetId, type PresetId } from './catalog';
import { parsePolicy, type PolicyProblem } from './parse';
import { presetInput } from './presets/index';
import type { Policy } from './schema';

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
  | { ok: true; policy: Policy; locked: string[] | 'all'; applied: Layer[]; rejected: { layer: Layer; problems: PolicyProblem[] }[] }
  | { ok: false; layer: Layer; problems: PolicyProblem[] };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Deep merge: objects key by key, anything else (lists included) replaced. Inputs are not changed. */
export function mergeLayers(base: unknown, patch: unknown): unknown {
  if (!isPlainObject(base) || !isPlainObject(patch)) return patch === undefined ? structuredClone(base) : structuredClone(patch);
  const out: Record<string, unknown> = structuredClone(base);
  for (const [key, value] of Object.entries(patch)) {
    if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
    out[key] = key in out ? mergeLayers(out[key], value) : structuredClone(value);
  }
  return out;
}

/** Removes the locked paths from a user's edits, so a locked setting keeps the managed (or preset) value. */
export function withoutLocked(user: unknown, locked: string[] | 'all'): unknown {
  if (locked === 'all') return undefined;
  if (!isPlainObject(user)) return user;
  const out = structuredClone(user) as Record<string, unknown>;
  for (const path of locked) {
    const keys = path.split('.');
    let node: Record<string, unknown> | undefined = out;
    for (const key of keys.slice(0, -1)) node = isPlainObject(node?.[key]) ? (node![key] as Record<string, unknown>) : undefined;
    if (node) delete node[keys[keys.length - 1]!];
  }
  return out;
}

export function isLocked(path: string, locked: string[] | 'all'): boolean {
  return locked === 'all' || locked.some((l) => path === l || path.startsWith(`${l}.`));
}

export function resolvePolicy(input: ResolveInput): ResolveResult {
  const managed = input.managed ?? {};
  const locked = managed.locked ?? [];
  const presetId = managed.presetId ?? input.presetId;

  let base: unknown = input.base;
  if (managed.presetId !== undefined || base === undefined) {
    if (!isPresetId(presetId)) {
      return {
        ok: false,
        layer: managed.presetId !== undefined ? 'managed' : 'preset',
        problems: [{ path: 'presetId', message: `unknown preset ${JSON.stringify(presetId)}` }],
      };
    }
    base = presetInput(presetId as PresetId);
  }
  const first = parsePolicy(base);
  if (!first.ok) return { ok: false, layer: 'preset', problems: first.problems };

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
    const merged = mergeLayers(current, patch);
    const parsed = parsePolicy(merged);
    if (parsed.ok) {
      current = merged;
      applied.push(layer);
    } else {
      rejected.push({ layer, problems: parsed.problems });
      // A broken managed policy must not be silently replaced by the user's settings: it is the
      // school's word. Report it as a failure rather than carrying on with less than IT asked for.
      if (layer === 'managed') return { ok: false, layer, problems: parsed.problems };
    }
  }
  const final = parsePolicy(current);
  if (!final.ok) return { ok: false, layer: applied[applied.length - 1]!, problems: final.problems };
  return { ok: true, policy: final.policy, locked, applied, rejected };
}
