/**
 * The school's IT's managed settings (public/managed_schema.json: `presetId`, `policyJson`, `locked`,
 * `lockAll`) turned into the policy a browser applies, with no browser access: the extension's background and
 * pages (lib/ext/active-policy.ts) and `guard policy validate` (cli/policy.ts) run this same code, so what the
 * command accepts is what a staff browser will use.
 */
import { closestName } from './closest-name';
import { parsePolicy, type PolicyProblem } from './parse';
import type { ProblemMessage } from './problem';
import { checkLocks, resolvePolicy, type Layer, type ManagedPolicy } from './resolve';
import type { Policy } from './schema';

/** The four managed settings' names, as Chrome's policy lists them (public/managed_schema.json). */
export const MANAGED_KEYS = ['presetId', 'policyJson', 'locked', 'lockAll'] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];

/** Each setting's type in Chrome's schema language (one type per name: Chromium accepts no unions). */
const MANAGED_TYPES: Record<ManagedKey, 'string' | 'array' | 'boolean'> = { presetId: 'string', policyJson: 'string', locked: 'array', lockAll: 'boolean' };

/**
 * The usual mistypings of each setting's name, each with the setting meant: every spelling of its words in
 * lower case, capitals, title case, with the abbreviation in capitals (presetID, policyJSON), joined by
 * nothing, "_", "-" or a space, plus the short names IT reaches for ("preset", "policy", "locks", "lock").
 *
 * Why the schema lists them (public/managed_schema.json, made by `managedSchema()`): Chromium gives an
 * extension only the names its managed schema declares, each only when its value has the declared type; any
 * other name, or a value of another type, is dropped before the extension can see it (SchemaMap::FilterBundle,
 * components/policy/core/common/schema_map.cc), and the schema may not accept "any other name"
 * ("additionalProperties" and "patternProperties" are refused at the top of an extension's schema, so the
 * extension would not load). Declaring the mistypings is the only way a mistyped name reaches Policy Guard, so
 * that it can say which one was meant instead of looking unmanaged.
 */
export const MISTYPED_MANAGED_KEYS: Readonly<Record<string, ManagedKey>> = (() => {
  const words: Record<ManagedKey, string[][]> = {
    presetId: [['preset', 'id'], ['preset'], ['policy', 'preset'], ['preset', 'name']],
    policyJson: [['policy', 'json'], ['policy'], ['json'], ['policy', 'text']],
    locked: [['locked'], ['locks'], ['lock'], ['locked', 'settings'], ['locked', 'paths']],
    lockAll: [['lock', 'all'], ['lock', 'everything'], ['locked', 'all']],
  };
  const out: Record<string, ManagedKey> = {};
  const title = (w: string) => w[0]!.toUpperCase() + w.slice(1);
  for (const key of MANAGED_KEYS) {
    for (const parts of words[key]) {
      const acronym = (w: string, i: number) => (i > 0 && (w === 'id' || w === 'json') ? w.toUpperCase() : i > 0 ? title(w) : w);
      const forms = [
        parts.join(''),
        parts.map(title).join(''),
        parts.map((w, i) => (i > 0 ? title(w) : w)).join(''),
        parts.map(acronym).join(''),
        parts.map((w, i) => (i === 0 ? title(w) : acronym(w, i))).join(''),
        parts.join('').toUpperCase(),
        ...['_', '-', ' '].flatMap((sep) => [parts.join(sep), parts.join(sep).toUpperCase(), parts.map(title).join(sep), parts.map(acronym).join(sep)]),
      ];
      for (const form of forms) if (form !== key && !(form in out)) out[form] = key;
    }
  }
  return out;
})();

/**
 * Chrome's managed-storage schema (public/managed_schema.json): the four settings, then each mistyping of
 * their names with the type of the setting meant, described as not a setting (chrome://policy shows these
 * descriptions). A unit test keeps the file equal to this.
 */
export function managedSchema(): object {
  const typeOf = (key: ManagedKey) => (MANAGED_TYPES[key] === 'array' ? { type: 'array', items: { type: 'string' } } : { type: MANAGED_TYPES[key] });
  const real = {
    presetId: { title: 'Policy preset', description: 'One of: bentley-new-village, broughton, acceptable-use-v2, malpas-court, papworth-hall. Staff browsers use this policy and cannot choose another.', type: 'string' },
    policyJson: { title: 'Policy (JSON)', description: 'A whole policy, or settings over the preset, as JSON text in the format of docs/policy-format.md.', type: 'string' },
    locked: { title: 'Locked settings', description: 'Dotted paths staff cannot change in the options page, e.g. "hours", "rules.full-name.action", "routing.contacts".', type: 'array', items: { type: 'string' } },
    lockAll: { title: 'Lock everything', description: 'When true, staff cannot change any setting of the policy.', type: 'boolean' },
  };
  const mistyped = Object.fromEntries(
    Object.entries(MISTYPED_MANAGED_KEYS).map(([name, meant]) => [name, { title: `Not a setting: write ${meant}`, description: `Listed so Policy Guard can name it: write ${meant}.`, ...typeOf(meant) }]),
  );
  return { type: 'object', properties: { ...real, ...mistyped } };
}

/**
 * The managed setting a name was meant to be ("presetID" → presetId, "lockall" → lockAll, "policy" →
 * policyJson, "preset_id", "lockedd"). Undefined when none is close.
 */
export function closestManagedKey(key: string): ManagedKey | undefined {
  return MISTYPED_MANAGED_KEYS[key] ?? (closestName(key, MANAGED_KEYS) as ManagedKey | undefined);
}

/** Why a name IT pushed is not one of the settings, with the one meant when it is near one (a message id and data). */
export function unknownManagedKeyMessage(key: string): ProblemMessage {
  const meant = closestManagedKey(key);
  return meant ? { id: 'unknownSettingMeant', data: { meant } } : { id: 'unknownSetting', data: { settings: MANAGED_KEYS.join(', ') } };
}

export interface ManagedRead {
  managed?: ManagedPolicy;
  /** Why the pushed policy cannot be used (its JSON does not parse), in the same form as a policy's problems. */
  problems?: PolicyProblem[];
  /**
   * Set when this is the last managed policy seen (kept in `storage.local`), used because the browser has
   * not answered yet: when the browser last answered with it.
   */
  fromCache?: { seenAt: string };
}

/**
 * Pure: the managed layer from the raw managed values (values of the wrong type are not IT's settings).
 * `unknown` holds the mistyped names that reached the extension (MISTYPED_MANAGED_KEYS), by name. A policyJson
 * that is not JSON, or any mistyped name, makes the whole of IT's settings unusable (`problems`, one per
 * name): what IT meant by the name cannot be known, and the staff's own choice must not stand in for it.
 */
export function managedFrom(raw: { presetId?: unknown; policyJson?: unknown; locked?: unknown; lockAll?: unknown; unknown?: Record<string, unknown> | null }): ManagedRead {
  const managed: ManagedPolicy = {};
  const problems: PolicyProblem[] = Object.entries(raw.unknown ?? {})
    .filter(([key, value]) => value != null && !(MANAGED_KEYS as readonly string[]).includes(key))
    .map(([key]) => ({ path: key, ...unknownManagedKeyMessage(key) }));
  if (typeof raw.presetId === 'string' && raw.presetId.trim()) managed.presetId = raw.presetId.trim();
  if (typeof raw.policyJson === 'string' && raw.policyJson.trim()) {
    try {
      managed.policy = JSON.parse(raw.policyJson);
    } catch (error) {
      problems.unshift({ path: 'policyJson', id: 'managedNotJson', data: { error: (error as Error).message } });
    }
  }
  if (problems.length) return { problems };
  if (raw.lockAll === true) managed.locked = 'all';
  else if (Array.isArray(raw.locked)) managed.locked = raw.locked.filter((p): p is string => typeof p === 'string' && p.length > 0);
  return Object.keys(managed).length ? { managed } : {};
}

/** What staff chose in the options page: a preset, or the school's own policy file (lib/ext/settings.ts PolicyChoiceV2). */
export type ChosenPolicy = { kind: 'preset'; presetId: string } | { kind: 'file'; policy: unknown };

/** The policy in force from the three layers, and why not when there is none (lib/ext/active-policy.ts PolicyState). */
export interface ResolvedState {
  policy: Policy | null;
  /** Whether the school's IT has pushed a policy or settings. */
  managed: boolean;
  /** Whether IT chose the policy itself (a preset, or a whole policy): nobody picks another in this browser. */
  itChoosesPolicy: boolean;
  /** Paths users may not change ('all' when IT locked everything). */
  locked: string[] | 'all';
  /**
   * When no policy can be used, or a layer was refused: which layer, and why. `managed-json`: IT's policyJson
   * is not JSON; `managed-locked`: IT's locks that name no setting of the policy, refused (the policy itself
   * is in force).
   */
  problems?: { layer: Layer | 'managed-json' | 'managed-locked'; problems: PolicyProblem[] }[];
}

/**
 * Pure: the policy in force in a browser from the staff's choice (null when none), their edits (a partial
 * policy, or null) and IT's managed layer as read. A managed policy that cannot be used is a failure with its
 * problems, never a fall-back to the staff's choice.
 */
export function resolveState(choice: ChosenPolicy | null, edits: unknown, read: ManagedRead): ResolvedState {
  const managed = read.managed;
  // IT may push a whole policy with no preset: it is then the base, as an imported file would be, whatever
  // staff chose before (merged over their preset, its clauses and IT's would mix). A policyJson that is not a
  // whole policy goes over their choice; where they chose none it is the base, and its problems say why not.
  const wholeFromIt = !managed?.presetId && managed?.policy !== undefined && parsePolicy(managed.policy).ok;
  const itIsBase = !managed?.presetId && managed?.policy !== undefined && (!choice || wholeFromIt);
  const itChoosesPolicy = !!managed?.presetId || itIsBase;
  if (read.problems) {
    // A managed policy that cannot be read is a failure to report, never a silent fall-back to the user's.
    return { policy: null, managed: true, itChoosesPolicy, locked: 'all', problems: [{ layer: 'managed-json', problems: read.problems }] };
  }
  if (!choice && !managed?.presetId && managed?.policy === undefined) {
    // Nothing chosen yet: "choose a policy" is the message; bad locks are reported once there is a policy.
    return { policy: null, managed: !!managed, itChoosesPolicy, locked: checkLocks(managed?.locked).locked };
  }
  const resolved = resolvePolicy({
    presetId: choice?.kind === 'preset' ? choice.presetId : undefined,
    base: itIsBase ? managed!.policy : choice?.kind === 'file' ? choice.policy : undefined,
    user: edits ?? undefined,
    managed: itIsBase ? { ...managed, policy: undefined } : managed,
  });
  const lockProblems = resolved.lockProblems?.length ? [{ layer: 'managed-locked' as const, problems: resolved.lockProblems }] : [];
  if (!resolved.ok) {
    return { policy: null, managed: !!managed, itChoosesPolicy, locked: checkLocks(managed?.locked).locked, problems: [{ layer: resolved.layer, problems: resolved.problems }, ...lockProblems] };
  }
  return {
    policy: resolved.policy,
    managed: !!managed,
    itChoosesPolicy,
    locked: resolved.locked,
    ...(resolved.rejected.length || lockProblems.length ? { problems: [...resolved.rejected, ...lockProblems] } : {}),
  };
}

export { itPolicyBroken } from './it-policy';
