/**
 * Keeps the checker armed with the policy in force, the class's roster and the bank holidays, as the
 * background resolves them: fetched for the page's class, and again whenever a stored setting that
 * changes them changes (a new choice, IT's managed policy, edits, rosters, "always ignore").
 */
import { POLICY_KEYS, readIgnoredAlways, watchStorage } from '../../../lib/ext/page-settings';
import type { PolicyResponse } from '../../../lib/ext/messages';
import { ask } from '../ask';
import type { FeatureContext } from '../features/feature';

export function syncPolicy(f: Pick<FeatureContext, 'ctx' | 'guard' | 'page' | 'policy'>): void {
  const { ctx, guard, page, policy } = f;
  let seq = 0;
  let classId = page.get().route.classId;

  const load = () => {
    const mine = ++seq;
    void Promise.all([ask<PolicyResponse>(ctx, { type: 'get-policy', classId }), readIgnoredAlways()]).then(([r, ignored]) => {
      if (mine !== seq) return; // a newer request is on its way
      if (r?.ok) {
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
        policy.update({ active: null, unusable: r?.ok === false && r.error === 'invalid-policy' });
      }
    });
  };

  const bump = () => {
    policy.update({ version: policy.get().version + 1 });
    load();
  };
  const unwatch = [watchStorage(POLICY_KEYS, bump)];
  ctx.onInvalidated(() => unwatch.forEach((u) => u()));
  page.subscribe((p) => {
    if (p.route.classId === classId) return;
    classId = p.route.classId;
    load();
  });
  load();
}
