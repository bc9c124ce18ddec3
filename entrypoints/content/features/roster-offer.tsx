/**
 * Feature: on a class's Classroom (points) page with no roster saved, offer to save the pupils' names as
 * the class roster. Never saved without a click; consent starts as "not recorded".
 */
import { useEffect, useState } from 'preact/hooks';
import { studentTileNames } from '../../../lib/dojo/page';
import { t } from '../../../lib/ext/i18n';
import type { Response } from '../../../lib/ext/messages';
import { ask } from '../ask';
import { useStore } from '../core/store';
import { useGuard } from './composer-check';
import type { Feature, FeatureContext } from './feature';

function RosterOffer(props: { f: FeatureContext }) {
  const { f } = props;
  const page = useStore(f.page);
  const guarded = useGuard(f.guard);
  // Kept here, not in the offer: saving the roster re-configures the checker, which removes the offer.
  const [saved, setSaved] = useState<number | undefined>();
  useEffect(() => setSaved(undefined), [page.route.view, page.route.classId]);
  if (saved !== undefined) {
    return (
      <p class="pg-muted" role="status" data-policy-guard="roster-saved">
        {t('rosterSaved', String(saved))}
      </p>
    );
  }
  const classId = page.route.classId;
  if (page.route.view !== 'points' || !classId || !guarded.policy || guarded.rosterSize !== 0) return null;
  const names = studentTileNames(document);
  if (names.length === 0) return null;
  return (
    <div class="pg-callout" data-policy-guard="roster-offer">
      <p>{t('rosterOffer', String(names.length))}</p>
      <button
        type="button"
        class="pg-button"
        onClick={async () => {
          // Consent is not on the page: it starts "not recorded" until the school's register is entered.
          const pupils = names.map((n) => ({ ...n, photoConsent: null, inCare: false }));
          const answer = await ask<Response<number>>(f.ctx, { type: 'save-roster', classId, pupils });
          if (answer?.ok) setSaved(answer.value);
        }}
      >
        {t('rosterSave')}
      </button>
    </div>
  );
}

export const rosterOffer: Feature = {
  name: 'roster-offer',
  init(f) {
    if (f.page.get().route.app !== 'teach') return;
    f.addSlot({ feature: 'roster-offer', order: 20, where: 'panel', render: () => <RosterOffer f={f} /> });
  },
};
