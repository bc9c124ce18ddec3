/**
 * "What Policy Guard can see here": the page doctor's report (lib/dojo/doctor.ts) drawn as a list, one line
 * per part with found / not found, how, and what it means for the teacher. The same component in the panel
 * (a closed shadow root on ClassDojo's page) and in the popup.
 */
import { missingParts, type DoctorPart, type DoctorReport as Report, type Words } from '../lib/dojo/doctor';
import { t, type MessageKey } from '../lib/ext/i18n';

const words = (w: Words) => t(w.key, w.args);

function partName(p: DoctorPart): string {
  if (p.id === 'composer' && p.composer !== undefined) return t('doctorPart_composer_n', String(p.composer));
  return t(`doctorPart_${p.id.replace(/-/g, '_')}` as MessageKey);
}

/** Parts that are seen as a place (the composer's tags and photos), where the count is what is there now. */
const NOW = new Set(['tagged-pupils', 'attachments']);

function status(p: DoctorPart): string {
  const counted = p.count === undefined ? t('doctorFound') : NOW.has(p.id) ? t('doctorCanSee', String(p.count)) : t('doctorFoundCount', String(p.count));
  const found = p.found ? counted : p.needed || p.how === 'assumed' ? t('doctorMissing') : t('doctorNone');
  if (p.how === 'assumed') return t('doctorAssumed');
  return p.how === 'none' ? found : `${found}, ${t(`doctorHow_${p.how}` as MessageKey)}`;
}

export function DoctorReport(props: { report: Report }) {
  const { report } = props;
  const missing = missingParts(report);
  return (
    <section class="pg-doctor" data-policy-guard="doctor" data-view={report.view} data-mismatch={report.mismatch ?? ''} aria-label={t('doctorTitle')}>
      <p class="pg-doctor-summary" data-missing={String(missing.length)}>
        {missing.length ? t('doctorSomeMissing', String(missing.length)) : t('doctorAllGood')}
      </p>
      <ul class="pg-doctor-parts">
        {report.parts.map((p, i) => (
          <li
            key={`${p.id}-${p.composer ?? i}`}
            class={p.found ? 'pg-doctor-part' : p.needed ? 'pg-doctor-part pg-doctor-missing' : 'pg-doctor-part pg-doctor-absent'}
            data-part={p.id}
            data-composer={p.composer === undefined ? undefined : String(p.composer)}
            data-found={String(p.found)}
            data-how={p.how}
            data-count={p.count === undefined ? undefined : String(p.count)}
            data-needed={String(p.needed)}
          >
            <span class="pg-doctor-mark" aria-hidden="true">
              {p.found ? '✓' : p.needed ? '!' : '–'}
            </span>
            <span class="pg-doctor-body">
              <strong class="pg-doctor-name">{partName(p)}</strong>
              <span class="pg-doctor-status">{status(p)}</span>
              {p.detail && <span class="pg-doctor-detail">{words(p.detail)}</span>}
              {p.meaning && <span class="pg-doctor-meaning">{words(p.meaning)}</span>}
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}
