import { browser } from 'wxt/browser';
import { t } from '../../../lib/ext/i18n';
import { slug } from '../../../lib/policy/from-text/build';
import type { Policy } from '../../../lib/policy/schema';
import { download } from '../../download';

/** The format's documentation, as a page of the extension (not a path in the source code). */
export function formatPageUrl(): string {
  return browser.runtime.getURL('/policy-format.html');
}

/**
 * Export of the policy in force (preset or file, the school's edits and IT's settings applied): the file IT
 * pushes through managed policy (`policyJson`), which `guard policy validate` accepts.
 */
export function ExportPolicy(props: { policy: Policy }) {
  return (
    <section data-policy-guard="export-policy">
      <h2>{t('exportTitle')}</h2>
      <p class="muted">{t('exportHelp')}</p>
      <p>
        <button
          type="button"
          data-policy-guard="export-policy-button"
          onClick={() => download({ filename: `${slug(props.policy.id || props.policy.name)}-policy.json`, mime: 'application/json', body: `${JSON.stringify(props.policy, null, 2)}\n` })}
        >
          {t('exportButton')}
        </button>{' '}
        <a href={formatPageUrl()} target="_blank" rel="noopener" data-policy-guard="format-link">
          {t('formatLink')}
        </a>
      </p>
    </section>
  );
}
