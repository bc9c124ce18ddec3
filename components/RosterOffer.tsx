import { studentTileNames } from '../lib/dojo/page';
import { t } from '../lib/ext/i18n';
import type { PagePupil } from '../lib/ext/messages';

/**
 * The offer, on a class's Classroom (points) page with no roster saved, to save the pupils' names on the
 * page's tiles as the class roster. Drawn by the parts loaded on request (entrypoints/on-request/parts.tsx);
 * `save` is the content script's (it asks the background, and says "saved" once the offer has gone). Consent
 * is not on the page: it starts "not recorded" until the school's consent register is entered. Nothing is
 * saved without the teacher's click; with no tiles, nothing is drawn.
 */
export function RosterOffer(props: { save: (pupils: PagePupil[]) => void }) {
  const names = studentTileNames(document);
  if (names.length === 0) return null;
  return (
    <div class="pg-callout" data-policy-guard="roster-offer">
      <p>{t('rosterOffer', String(names.length))}</p>
      <button type="button" class="pg-button" onClick={() => props.save(names.map((n) => ({ ...n, photoConsent: null, inCare: false })))}>
        {t('rosterSave')}
      </button>
    </div>
  );
}
