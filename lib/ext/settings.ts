/**
 * Settings kept in the extension's local storage. Versioned items: when a shape changes, bump the
 * version and add a migration; never reuse a key for a different shape.
 */
import { storage } from 'wxt/utils/storage';
import { isPresetId, type PresetId } from '../policy/catalog';

/** Which school policy the user chose. `null` until they choose: nothing is silently assumed. */
export interface PolicyChoiceV1 {
  presetId: PresetId;
  /** ISO time of the choice, shown in the options page. */
  chosenAt: string;
}

export const policyChoice = storage.defineItem<PolicyChoiceV1 | null>('local:policyChoice', {
  fallback: null,
  version: 1,
});

/** Reads the choice, treating a corrupt stored value as "not chosen" rather than throwing. */
export async function readPolicyChoice(): Promise<PolicyChoiceV1 | null> {
  try {
    const value = await policyChoice.getValue();
    return value && isPresetId(value.presetId) ? value : null;
  } catch {
    return null;
  }
}
