/**
 * What every content-script feature gets, and the one shape each feature has (after refined-github's
 * features): `init(f)` wires it to the page once; whatever it shows goes into the panel through a slot
 * (each slot rendered inside its own error boundary) or into a UI root of its own. A feature that throws
 * while starting is switched off alone: the others, and the page, carry on.
 */
import type { VNode } from 'preact';
import type { ContentScriptContext } from 'wxt/utils/content-script-context';
import type { DojoRoute } from '../../../lib/dojo/routes';
import type { Guard } from '../guard';
import type { Store } from '../core/store';

export interface PageState {
  route: DojoRoute;
  /** Undefined until the message boxes have been looked for: never "none" before we know. */
  composerCount: number | undefined;
  /** Of those, the boxes with no Post/Send control Policy Guard can find (found with them: the page doctor's "no-send"). */
  sendless?: number;
  appRootVerified: boolean;
  /**
   * The page doctor says no message box is found where one belongs (its "no-composer" mismatch): the panel's
   * status line says so as its notice does, not that the page has none to check (probe 21 L3).
   */
  boxMissing?: boolean;
  /** teach messaging: the newest parent message in the open conversation. */
  incoming?: string;
  /** teach, a class's pages: the class's name as the page shows it (post header, class switcher). */
  className?: string;
  /** teach points page: how many pupil tiles it shows. */
  pupilTiles?: number;
  /** teach messaging: the open conversation's participant count, as its header says. */
  participants?: number;
}

export interface PolicyInfo {
  /** The policy in force, as the background resolved it (null: none chosen, or none usable). */
  active: { id: string; name: string } | null;
  /**
   * A policy is chosen but cannot be used, as the message the panel says: `policyItBroken` when it is the
   * school's IT's (only IT can fix it), else `policyUnusable`; `policyUnreadable` when the saved choice could
   * not be read and was reset (so none is in force).
   */
  unusable?: false | 'policyItBroken' | 'policyUnusable' | 'policyUnreadable';
  /** Bumped whenever a stored setting the features depend on changes. */
  version: number;
}

/** Something a feature shows: in the panel (in order), or over the page beside it. */
export interface Slot {
  feature: string;
  order: number;
  where: 'panel' | 'overlay';
  render: () => VNode | null;
}

export interface FeatureContext {
  ctx: ContentScriptContext;
  /** The checker: the policy, roster and findings for the active composer. */
  guard: Guard;
  page: Store<PageState>;
  policy: Store<PolicyInfo>;
  addSlot(slot: Slot): void;
  /** Plain-words notices a feature wants in the panel (what it cannot do here); replaces its previous ones. */
  setNotices(feature: string, notices: string[]): void;
  /**
   * What the teacher must read first that is not a finding (a parent's safeguarding message), in words: the
   * panel folded to its badge shows "!" with these words as its name. `undefined` takes it back.
   */
  setAttention(feature: string, label: string | undefined): void;
  /** Called after every change to the page (batched to one call per animation frame). */
  onPageChange(cb: () => void): () => void;
  /**
   * Runs `cb` once the panel is drawn, in a task of its own (the page may paint first): for what the first
   * panel does not need, such as the send gate's dialog root. Before the policy is asked for, so nothing is
   * checked (and no send held) before these have run.
   */
  afterFirstPanel(cb: () => void): void;
}

export interface Feature {
  name: string;
  init(f: FeatureContext): void;
}

/** Starts each feature in turn; one that throws is reported and skipped. Returns the names that started. */
export function initFeatures(features: Feature[], f: FeatureContext): string[] {
  const started: string[] = [];
  for (const feature of features) {
    try {
      feature.init(f);
      started.push(feature.name);
    } catch (error) {
      console.debug(`[Policy Guard] ${feature.name} did not start`, error);
    }
  }
  return started;
}
