/**
 * Keeps the checker armed with the policy in force, the class's roster and the bank holidays, as the
 * background resolves them: fetched for the page's class, and again whenever a stored setting that
 * changes them changes (a new choice, IT's managed policy, edits, rosters). The teacher's "always ignore" list
 * is handed to the running checker on its own when it changes, without fetching the policy again.
 *
 * The first answer also brings the checker's word lists and sensitive terms (lib/rules/lexicon.ts), which
 * the content script does not carry: they are installed before the policy is handed to the checker, so no
 * check ever runs without them (with no policy, nothing is checked), and indexed when the page is idle.
 */
import { POLICY_KEYS, readIgnoredAlways, watchStorage } from '../../../lib/ext/page-settings';
import type { PolicyResponse } from '../../../lib/ext/messages';
import { hasLexicon, installLexicon } from '../../../lib/rules/lexicon';
import { warmNameLists } from '../../../lib/rules/names';
import { warmTerms } from '../../../lib/rules/sensitive-terms';
import { ask } from '../ask';
import type { FeatureContext, PolicyInfo } from '../features/feature';

export function syncPolicy(f: Pick<FeatureContext, 'ctx' | 'guard' | 'page' | 'policy'>): void {
  const { ctx, guard, page, policy } = f;
  let seq = 0;
  let lexiconTries = 0;
  let classId = page.get().route.classId;

  const load = () => {
    const mine = ++seq;
    const request = hasLexicon() ? { type: 'get-policy' as const, classId } : { type: 'get-policy' as const, classId, lexicon: true };
    void Promise.all([ask<PolicyResponse>(ctx, request), readIgnoredAlways()]).then(([r, ignored]) => {
      if (mine !== seq) return; // a newer request is on its way
      if (r?.ok && r.value.lexicon && !hasLexicon()) {
        installLexicon(r.value.lexicon);
        // Indexed while the page is idle, so the first keystroke's check does not pay for it (a check that
        // comes first builds them itself).
        const warm = () => {
          warmNameLists();
          warmTerms();
        };
        if (typeof requestIdleCallback === 'function') ctx.requestIdleCallback(warm, { timeout: 2_000 });
        else ctx.setTimeout(warm, 0);
      }
      if (r?.ok && !hasLexicon() && lexiconTries++ < 3) {
        ctx.setTimeout(load, 0); // an answer without the lists (never expected): ask again, with them
        return;
      }
      if (r?.ok && hasLexicon()) {
        guard.configure(r.value.policy, r.value.bankHolidays, r.value.roster, ignored);
        // The page's own count wins when it is showing the tiles now (features/class-facts.ts).
        guard.setPupilCount(page.get().pupilTiles ?? r.value.pupils);
        const active = policy.get().active;
        policy.update({
          active: active?.id === r.value.policy.id && active.name === r.value.policy.name ? active : { id: r.value.policy.id, name: r.value.policy.name },
          unusable: false,
        });
      } else {
        guard.configure(null, [], [], []);
        // Why there is none, as the panel says it (the background's `why`): IT's policy cannot be read, or the
        // one chosen here cannot be used; none when no policy is chosen yet.
        policy.update({ active: null, unusable: (r as { why?: PolicyInfo['unusable'] } | undefined)?.why || false });
      }
    });
  };

  const bump = () => {
    policy.update({ version: policy.get().version + 1 });
    load();
  };
  // "Always ignore" (here, in another tab, or removed in the settings): the running checker takes the list, and
  // the policy and its version stay as they are.
  const ignored = () => void readIgnoredAlways().then((list) => guard.setIgnoredAlways(list));
  const unwatch = [watchStorage(POLICY_KEYS, bump), watchStorage({ local: ['ignoredAlways'] }, ignored)];
  ctx.onInvalidated(() => unwatch.forEach((u) => u()));
  page.subscribe((p) => {
    if (p.route.classId === classId) return;
    classId = p.route.classId;
    load();
  });
  load();
}
