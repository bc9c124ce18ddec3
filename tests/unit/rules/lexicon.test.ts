// @vitest-environment happy-dom
// @vitest-environment-options {"url": "https://teach.classdojo.com/#/classes/c1/story"}
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { describe, expect, it, vi } from 'vitest';
import { BUNDLED_LEXICON } from '../../../lib/rules/lexicon-bundled';
import { lexiconIndex, type LexiconData } from '../../../lib/rules/lexicon';
import { NAME_CONTEXT_LISTS } from '../../../lib/rules/names';

describe('the word lists, installed per context (lib/rules/lexicon.ts)', () => {
  it('bundles every list names.ts reads, each non-empty', () => {
    for (const list of NAME_CONTEXT_LISTS) expect(BUNDLED_LEXICON.nameContext[list]?.length, list).toBeGreaterThan(0);
    expect(BUNDLED_LEXICON.givenNames.length).toBeGreaterThan(1000);
    expect(BUNDLED_LEXICON.surnames.length).toBeGreaterThan(500);
    expect(BUNDLED_LEXICON.wellKnown).toContain('Florence Nightingale');
    expect(BUNDLED_LEXICON.terms.t.length).toBeGreaterThan(100);
    // What the background sends carries no notes or sources: only what the checker reads.
    expect(JSON.stringify(BUNDLED_LEXICON)).not.toMatch(/"(note|source)":/);
  });

  it('builds an index once per installed set of lists', () => {
    let builds = 0;
    const index = lexiconIndex((data) => {
      builds++;
      return data.givenNames.length;
    });
    expect(index()).toBe(index());
    expect(builds).toBe(1);
  });

  it('without lists, a rule that needs them fails loudly (reported), never as "no findings"', async () => {
    vi.resetModules(); // a fresh module graph, as in the content script before the background answers
    const { checkDraftDetailed } = await import('../../../lib/rules/index');
    const { hasLexicon, installLexicon } = await import('../../../lib/rules/lexicon');
    const { parsePolicy } = await import('../../../lib/policy/parse');
    const { presetInput } = await import('../../../lib/policy/presets/index');
    expect(hasLexicon()).toBe(false);
    const parsed = parsePolicy(presetInput('bentley-new-village'));
    if (!parsed.ok) throw new Error('preset');
    const ctx = { policy: parsed.policy, roster: [{ first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false }] };
    const draft = { text: 'Amelia Hughes was sick today.', channel: 'class-story' as const, at: '2026-11-24T10:15:00Z' };
    const missing = checkDraftDetailed(draft, ctx);
    expect(missing.errors.map((e) => e.rule)).toEqual(expect.arrayContaining(['full-name', 'sensitive-content']));
    // The lists as the background sends them (through JSON, as extension messaging does): the same findings
    // as the CLI's.
    installLexicon(JSON.parse(JSON.stringify(BUNDLED_LEXICON)) as LexiconData);
    const found = checkDraftDetailed(draft, ctx);
    expect(found.errors).toEqual([]);
    expect(found.findings.map((f) => f.rule)).toEqual(expect.arrayContaining(['full-name', 'sensitive-content']));
    vi.resetModules();
  });

  it('the content script installs the lists with the policy, before the checker has the policy', async () => {
    vi.resetModules();
    const { hasLexicon } = await import('../../../lib/rules/lexicon');
    const { syncPolicy } = await import('../../../entrypoints/content/core/policy-sync');
    const { world, bentley, settle } = await import('../../unit/content/harness');
    const asked: unknown[] = [];
    vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(async (message: unknown) => {
      asked.push(message);
      return { ok: true, value: { policy: bentley(), bankHolidays: [], roster: [], ...((message as { lexicon?: boolean }).lexicon ? { lexicon: JSON.parse(JSON.stringify(BUNDLED_LEXICON)) } : {}) } };
    });
    const w = world();
    const configure = w.f.guard.configure.bind(w.f.guard);
    const lexiconWhenConfigured: boolean[] = [];
    w.f.guard.configure = (...args: Parameters<typeof configure>) => {
      lexiconWhenConfigured.push(hasLexicon());
      configure(...args);
    };
    expect(hasLexicon()).toBe(false);
    syncPolicy(w.f);
    await settle(10);
    expect(asked[0]).toMatchObject({ type: 'get-policy', lexicon: true });
    expect(lexiconWhenConfigured).toEqual([true]);
    expect(w.f.guard.current.policy).not.toBeNull();
    // Asked again (the background published a change of policy): the lists are not sent twice.
    w.f.policy.update({ version: 1 });
    await fakeBrowser.storage.local.set({ policyChangedAt: new Date().toISOString() });
    await settle(10);
    expect(asked.length).toBeGreaterThan(1);
    expect(asked.at(-1)).not.toHaveProperty('lexicon');
    vi.restoreAllMocks();
    vi.resetModules();
  });
});
