import { t } from '../../lib/ext/i18n';

/** Said beside a setting the school's IT has locked: it cannot be changed in this browser. */
export function Locked() {
  return (
    <span class="locked" data-policy-guard="locked">
      🔒 {t('lockedByIt')}
    </span>
  );
}
