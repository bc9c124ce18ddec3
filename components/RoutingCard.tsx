import { useState } from 'preact/hooks';
import type { RouteResult } from '../lib/routing/index';
import { t, type MessageKey } from '../lib/ext/i18n';

/** Under an incoming parent message: where it belongs, why, and a reply the teacher can put in the box. */
export function RoutingCard(props: { route: RouteResult; advice?: string; onInsert?: (reply: string) => boolean }) {
  const { route } = props;
  const [inserted, setInserted] = useState(false);
  const intent = t(`intent_${route.intent.replace('-', '_')}` as MessageKey);
  const where = route.contact?.name ?? t(`dest_${route.destination}` as MessageKey);
  const urgent = route.destination === 'dsl' || route.conduct !== undefined;
  return (
    <section
      class={`pg-routing${urgent ? ' pg-routing-alert' : ''}`}
      aria-label={t('routingTitle')}
      data-policy-guard="routing"
      data-intent={route.intent}
      data-destination={route.destination}
      data-conduct={route.conduct ?? ''}
    >
      <h3 class="pg-subtitle">
        {route.destination === 'dsl' ? t('routingSafeguarding') : route.conduct ? t('routingConduct') : t('routingTitle')}
      </h3>
      <p class="pg-line">
        <strong>{t('routingBelongs', [intent, where])}</strong> <span class="pg-muted">({t('routingConfidence', String(Math.round(route.confidence * 100)))})</span>
      </p>
      {route.cues.length > 0 && <p class="pg-muted">{t('routingBecause', route.cues.map((c) => `“${c}”`).join(', '))}</p>}
      <p class="pg-line">{props.advice ?? route.advice}</p>
      {route.reply && (
        <>
          <p class="pg-muted">{t('routingSuggested')}</p>
          <blockquote class="pg-reply" data-policy-guard="suggested-reply">
            {route.reply}
          </blockquote>
          {props.onInsert && (
            <button
              type="button"
              class="pg-button"
              onClick={() => setInserted(props.onInsert!(route.reply!))}
            >
              {t('routingInsert')}
            </button>
          )}
          {inserted && (
            <p class="pg-muted" role="status">
              {t('routingInserted')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
