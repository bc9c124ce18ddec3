import { useState } from 'preact/hooks';
import type { RouteResult } from '../lib/routing/index';
import { GuardedButton } from './GuardedButton';
import { t, type MessageKey } from '../lib/ext/i18n';
import { contactName } from '../lib/i18n/routing';
import { message } from './i18n';

/**
 * What "Put this reply in the message box" did: put it in the conversation's own box, or nothing because it
 * could not tell which box that is (`refused`) or the conversation changed since the reply was suggested.
 */
export type InsertResult = 'inserted' | 'refused' | 'moved';

/** Under an incoming parent message: where it belongs, why, and a reply the teacher can put in the box. */
export function RoutingCard(props: { route: RouteResult; advice?: string; onInsert?: (reply: string) => InsertResult }) {
  const { route } = props;
  const [inserted, setInserted] = useState<InsertResult | undefined>();
  const [toDsl, setToDsl] = useState(false);
  const intentName = (intent: string) => t(`intent_${intent.replace('-', '_')}` as MessageKey);
  const intent = intentName(route.intent);
  const where = route.contact?.name ? contactName(route.contact, message) : t(`dest_${route.destination}` as MessageKey);
  // A possible concern is not an alarm: the teacher reads it as one, and the DSL is one click away.
  const concern = route.destination === 'dsl' && route.level === 'concern';
  const urgent = (route.destination === 'dsl' && !concern) || route.conduct !== undefined;
  return (
    <section
      class={`pg-routing${urgent ? ' pg-routing-alert' : ''}`}
      aria-label={t('routingTitle')}
      data-policy-guard="routing"
      data-intent={route.intent}
      data-destination={route.destination}
      data-conduct={route.conduct ?? ''}
      data-level={route.level ?? ''}
      data-unsure={route.unsure ? 'true' : undefined}
    >
      <h3 class="pg-subtitle">
        {concern ? t('routingConcern') : route.destination === 'dsl' ? t('routingSafeguarding') : route.conduct ? t('routingConduct') : t('routingTitle')}
      </h3>
      {route.unsure && !concern ? (
        <>
          <p class="pg-line">{t('routingUnsure')}</p>
          <ul class="pg-line" data-policy-guard="routing-alternatives">
            {route.unsure.map((u) => (
              <li key={u.intent}>{t('routingBelongs', [intentName(u.intent), u.contact ? contactName({ name: u.contact, generic: u.contactGeneric }, message) : t(`dest_${u.destination}` as MessageKey)])}</li>
            ))}
          </ul>
        </>
      ) : (
        <p class="pg-line">
          <strong>{t('routingBelongs', [intent, where])}</strong> <span class="pg-muted">({t('routingConfidence', String(Math.round(route.confidence * 100)))})</span>
        </p>
      )}
      {route.cues.length > 0 && <p class="pg-muted">{t('routingBecause', route.cues.map((c) => `“${c}”`).join(', '))}</p>}
      {concern && !toDsl ? (
        <button type="button" class="pg-button" data-policy-guard="to-dsl" onClick={() => setToDsl(true)}>
          {t('routingConcernDsl')}
        </button>
      ) : (
        <p class="pg-line">{props.advice ?? route.advice}</p>
      )}
      {route.reply && (
        <>
          <p class="pg-muted">{t('routingSuggested')}</p>
          <blockquote class="pg-reply" data-policy-guard="suggested-reply">
            {route.reply}
          </blockquote>
          {props.onInsert && (
            <GuardedButton class="pg-button" data-policy-guard="insert-reply" lasting={false} onPress={() => setInserted(props.onInsert!(route.reply!))}>
              {t('routingInsert')}
            </GuardedButton>
          )}
          {inserted && (
            <p class={inserted === 'inserted' ? 'pg-muted' : 'pg-notice'} role="status" data-policy-guard="insert-result" data-result={inserted}>
              {t(inserted === 'inserted' ? 'routingInserted' : inserted === 'moved' ? 'routingInsertMoved' : 'routingInsertRefused')}
            </p>
          )}
        </>
      )}
    </section>
  );
}
