/**
 * The five presets, one per real policy in docs/policies/. Data, not code: each JSON file is in the same
 * format a school writes its own policy in (docs/policy-format.md), and `guard policy show <id>` prints it.
 */
import type { PresetId } from '../catalog';
import type { PolicyInput } from '../schema';
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
