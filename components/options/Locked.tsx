import { t } from '../../lib/ext/i18n';

/** Said beside a setting the school's IT has locked: it cannot be changed in this browser. */
export function Locked() {
  return (
    <span class="locked" data-policy-guard="locked">
      <svg width="11" height="13" viewBox="0 0 11 13" aria-hidden="true">
        <rect x="0.5" y="5.5" width="10" height="7" rx="1.5" fill="currentColor" />
        <path d="M2.5 5.5V3.8a3 3 0 0 1 6 0v1.7" fill="none" stroke="currentColor" stroke-width="1.4" />
      </svg>{' '}
      {t('lockedByIt')}
    </span>
  );
}
