/**
 * Feature: on a class's Classroom (points) page with no roster saved, offer to save the pupils' names as
 * the class roster. Never saved without a click; consent starts as "not recorded". The offer itself is drawn
 * by the parts loaded on request (components/RosterOffer.tsx): it is needed only on that page.
 */
import { useEffect, useState } from 'preact/hooks';
import { t } from '../../../lib/ext/i18n';
import type { PagePupil, Response } from '../../../lib/ext/messages';
import { ask } from '../ask';
import { OnRequest } from '../core/on-request';
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
  if (page.route.view !== 'points' || !classId || !page.pupilTiles || !guarded.policy || guarded.rosterSize !== 0) return null;
  const save = async (pupils: PagePupil[]) => {
    const answer = await ask<Response<number>>(f.ctx, { type: 'save-roster', classId, pupils });
    if (answer?.ok) setSaved(answer.value);
  };
  return <OnRequest ctx={f.ctx} show={(parts, into) => parts.showRosterOffer(into, { save })} />;
}

export const rosterOffer: Feature = {
  name: 'roster-offer',
  init(f) {
    if (f.page.get().route.app !== 'teach') return;
    f.addSlot({ feature: 'roster-offer', order: 20, where: 'panel', render: () => <RosterOffer f={f} /> });
  },
};
