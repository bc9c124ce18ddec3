/**
 * A feature's world for unit tests: a real Guard and ContentScriptContext (WXT's, with its fake browser),
 * the shared stores, and the slots a feature adds, rendered with Preact into happy-dom.
 */
import { render } from 'preact';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import { resolvePolicy } from '../../../lib/policy/resolve';
import type { Policy } from '../../../lib/policy/schema';
import type { Pupil } from '../../../lib/rules/types';
import { initialPageState } from '../../../entrypoints/content/core/page-state';
import { createStore } from '../../../entrypoints/content/core/store';
import type { FeatureContext, PolicyInfo, Slot } from '../../../entrypoints/content/features/feature';
import { Guard } from '../../../entrypoints/content/guard';
import { installSeal } from '../../../entrypoints/content/core/seal';

/** Bentley New Village's policy with the hours rule off (tests run at any time of day) and `rules` over it. */
export function bentley(rules: Record<string, { action: string }> = {}): Policy {
  const r = resolvePolicy({ presetId: 'bentley-new-village', user: { rules: { 'out-of-hours': { action: 'off' }, ...rules } } });
  if (!r.ok) throw new Error('preset did not resolve');
  return r.policy;
}

export const AMELIA: Pupil = { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false };

export interface World {
  f: FeatureContext;
  slots: Slot[];
  notices: Record<string, string[]>;
  /** What each feature asked the folded badge to say (FeatureContext.setAttention). */
  attention: Record<string, string | undefined>;
  pageChanged(): void;
  /** Renders every slot the features added into a fresh element; returns it. */
  renderSlots(): HTMLElement;
}

// happy-dom has no requestIdleCallback (every browser Policy Guard runs in has): an idle period of 50 ms, at once.
globalThis.requestIdleCallback ??= ((cb: IdleRequestCallback) => setTimeout(() => cb({ didTimeout: false, timeRemaining: () => 50 }), 0)) as unknown as typeof requestIdleCallback;
globalThis.cancelIdleCallback ??= ((id: number) => clearTimeout(id)) as typeof cancelIdleCallback;

export function world(): World {
  // As the early script does at document_start: the features find the seal installed (core/sealed.ts).
  installSeal();
  const ctx = new ContentScriptContext('test');
  const slots: Slot[] = [];
  const notices: Record<string, string[]> = {};
  const attention: Record<string, string | undefined> = {};
  const listeners = new Set<() => void>();
  const f: FeatureContext = {
    ctx,
    guard: new Guard(ctx),
    page: createStore(initialPageState()),
    policy: createStore<PolicyInfo>({ active: null, unusable: false, version: 0 }),
    addSlot: (slot) => slots.push(slot),
    setNotices: (feature, list) => (notices[feature] = list),
    setAttention: (feature, label) => (attention[feature] = label),
    onPageChange: (cb) => {
      listeners.add(cb);
      return () => listeners.delete(cb);
    },
    // No panel here: what waits for it runs at once.
    afterFirstPanel: (cb) => cb(),
  };
  return {
    f,
    slots,
    notices,
    attention,
    pageChanged: () => listeners.forEach((cb) => cb()),
    renderSlots() {
      const el = document.createElement('div');
      document.body.append(el);
      render(<>{slots.map((s) => <div data-slot={s.feature}>{s.render()}</div>)}</>, el);
      return el;
    },
  };
}

/** Lets timers, microtasks and Preact's effects run. */
export const settle = (ms = 0) => new Promise((r) => setTimeout(r, ms));
