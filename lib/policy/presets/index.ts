/**
 * The five presets, one per real policy in docs/policies/. Data, not code: each JSON file is in the same
 * format a school writes its own policy in (docs/policy-format.md), and `guard policy show <id>` prints it.
 */
import { isPresetId, type PresetId } from '../catalog';
import { parsePolicy, problemLines } from '../parse';
import type { Policy, PolicyInput } from '../schema';
import acceptableUseV2 from './acceptable-use-v2.json';
import bentleyNewVillage from './bentley-new-village.json';
import broughton from './broughton.json';
import malpasCourt from './malpas-court.json';
import papworthHall from './papworth-hall.json';

// JSON imports are typed loosely (strings, not literal unions); the schema checks them in the tests.
export const PRESETS: Record<PresetId, unknown> = {
  'bentley-new-village': bentleyNewVillage,
  broughton,
  'acceptable-use-v2': acceptableUseV2,
  'malpas-court': malpasCourt,
  'papworth-hall': papworthHall,
};

/** A fresh copy, so callers can edit it without touching the shipped preset. */
export function presetInput(id: PresetId): PolicyInput {
  return structuredClone(PRESETS[id]) as PolicyInput;
}

const parsed = new Map<string, Policy>();

/** A preset, validated and cached: for the CLI, the eval and the tests. Throws for an unknown or broken preset. */
export function presetPolicy(id: string): Policy {
  let policy = parsed.get(id);
  if (!policy) {
    if (!isPresetId(id)) throw new Error(`unknown preset ${JSON.stringify(id)}`);
    const r = parsePolicy(PRESETS[id]);
    if (!r.ok) throw new Error(`preset ${id} is invalid: ${problemLines(r.problems).join('; ')}`);
    parsed.set(id, (policy = r.policy));
  }
  return policy;
}
