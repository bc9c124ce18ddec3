import type { ParentHint as Hint } from '../lib/ext/messages';
import { t } from '../lib/ext/i18n';

/** For a parent writing to the teacher: where this kind of message goes, and when to expect a reply. */
export function ParentHint(props: { hint: Hint; text?: { urgent?: string; redirect?: string; replies?: string } }) {
  const { urgent, redirect, replies } = props.text ?? props.hint;
  if (!urgent && !redirect && !replies) return null;
  return (
    <section class="pg-hint" aria-label={t('hintTitle')} data-policy-guard="parent-hint" data-intent={props.hint.intent} data-destination={props.hint.destination} aria-live="polite">
      <h3 class="pg-subtitle">{t('hintTitle')}</h3>
      {urgent && <p class="pg-line" data-policy-guard="urgent"><strong>{urgent}</strong></p>}
      {redirect && <p class="pg-line" data-policy-guard="redirect">{redirect}</p>}
      {replies && <p class="pg-muted" data-policy-guard="replies">{replies}</p>}
    </section>
  );
}
