// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://teach.classdojo.com/#/classes/c1/story"}
/**
 * Issue #15, one policy path: the policy is the background's, fetched again only when the background publishes
 * a change (policyChangedAt); the teacher's "always ignore" list is handed to the running checker as it is, with no new policy
 * and no new version (it used to bump the version and fetch the whole policy again).
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { BUNDLED_LEXICON } from '../../../lib/rules/lexicon-bundled';
import { syncPolicy } from '../../../entrypoints/content/core/policy-sync';
import { composerCheck } from '../../../entrypoints/content/features/composer-check';
import { AMELIA, bentley, settle, world } from './harness';

describe('policy-sync', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    fakeBrowser.reset();
  });

  it('"always ignore" stored (here or elsewhere) reaches the checker without asking for the policy again', async () => {
    document.body.innerHTML = '<div id="reactApplication"><div data-name="storyComposer"><textarea id="box"></textarea></div></div>';
    const asked: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      asked.push(message);
      return { ok: true, value: { policy: bentley(), bankHolidays: [], roster: [AMELIA], lexicon: JSON.parse(JSON.stringify(BUNDLED_LEXICON)) } };
    });
    const w = world();
    composerCheck.init(w.f);
    syncPolicy(w.f);
    await settle(10);
    w.f.page.update({ composerCount: 1 });
    const box = document.getElementById('box') as HTMLTextAreaElement;
    box.value = 'Well done Amelia Hughes';
    box.dispatchEvent(new Event('input', { bubbles: true }));
    await settle(200);
    expect(w.f.guard.current.findings.map((f) => f.rule)).toContain('full-name');
    const before = { asked: asked.length, version: w.f.policy.get().version };

    // As the settings page or another tab would store it.
    await fakeBrowser.storage.local.set({ ignoredAlways: [{ rule: 'full-name', text: 'Amelia Hughes', at: new Date().toISOString() }] });
    await settle(200);
    expect(w.f.guard.current.findings.map((f) => f.rule)).not.toContain('full-name');
    expect(asked.length, 'the policy was not asked for again').toBe(before.asked);
    expect(w.f.policy.get().version, 'the policy version did not move').toBe(before.version);

    // Taken out of the list in the settings: the finding is back, still with no new policy.
    await fakeBrowser.storage.local.set({ ignoredAlways: [] });
    await settle(200);
    expect(w.f.guard.current.findings.map((f) => f.rule)).toContain('full-name');
    expect(asked.length).toBe(before.asked);

    // An edit to the policy: the page waits for the background to resolve it and publish the change
    // (lib/ext/active-policy.ts publishPolicyChanges), never asking before the background has seen it.
    await fakeBrowser.storage.local.set({ policyEdits: {} });
    await settle(50);
    expect(asked.length, 'an input of the policy is not watched by the page').toBe(before.asked);
    await fakeBrowser.storage.local.set({ policyChangedAt: '2026-12-02T01:00:00.000Z' });
    await settle(50);
    expect(asked.length).toBeGreaterThan(before.asked);
    expect(w.f.policy.get().version).toBe(before.version + 1);
  });
});
