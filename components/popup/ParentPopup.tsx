import { browser } from 'wxt/browser';
import { localWindows } from '../i18n';
import { PopupDoctor } from '../PopupDoctor';
import { ShieldIcon } from '../ShieldIcon';
import type { PolicyState } from '../../lib/ext/active-policy';
import { t } from '../../lib/ext/i18n';
import { VERSION } from '../../lib/meta';

/**
 * The popup in a parent's browser: the school whose policy the hint follows, when teachers reply, and the
 * privacy line. Nothing for staff (no spot-check, no sending hours, no counts of what was caught).
 */
export function ParentPopup(props: { state: PolicyState | undefined }) {
  const policy = props.state?.policy ?? null;
  const replies = policy?.hours.parentReplies ?? [];
  return (
    <main data-policy-guard="popup" data-role="parent">
      <h1>
        <ShieldIcon size={20} /> {t('extName')}
      </h1>
      <p class="muted">{t('popupVersion', VERSION)}</p>
      <p data-policy-guard="popup-policy">{policy ? t('parentSchool', policy.name) : t('parentNoSchool')}</p>
      {policy && (
        <p data-policy-guard="popup-replies">
          {replies.length ? t('parentReplies', [localWindows(replies), policy.hours.responseTime ? ` (${policy.hours.responseTime})` : '']) : t('parentRepliesUnknown')}
        </p>
      )}
      {policy && <p class="muted">{t('parentHintWhere')}</p>}
      <p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {policy ? t('openSettings') : t('parentChooseSchool')}
        </button>
      </p>
      <PopupDoctor />
      <p class="muted">{t('popupPrivate')}</p>
    </main>
  );
}

/** The popup before anyone said who uses the browser: only the way to the question. */
export function FirstRunPopup() {
  return (
    <main data-policy-guard="popup" data-role="">
      <h1>
        <ShieldIcon size={20} /> {t('extName')}
      </h1>
      <p>{t('roleQuestion')}</p>
      <p>
        <button type="button" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('roleAnswer')}
        </button>
      </p>
      <p class="muted">{t('popupPrivate')}</p>
    </main>
  );
}
