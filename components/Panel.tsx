import type * as preact from 'preact';
import { useState } from 'preact/hooks';
import { t } from '../lib/ext/i18n';
import { ShieldIcon } from './ShieldIcon';

export interface PanelProps {
  /** What the page is, in words ("Class Story"). */
  viewLabel: string;
  /** Route view id, exposed for tests and scripting as data-view. */
  view: string;
  /** Message boxes watched; undefined until they have been looked for (just after the page's first paint). */
  composerCount: number | undefined;
  /** The chosen policy's display name; null until a school policy is chosen. */
  policy: { id: string; name: string } | null;
  /** Parts of the guidance that are unavailable or degraded on this page, in plain words. */
  notices: string[];
  onChoosePolicy: () => void;
  /** More sections: routing advice, hints. */
  children?: preact.ComponentChildren;
}

/** The guidance panel's frame: where the page is, what is watched, which policy applies. */
export function Panel(props: PanelProps) {
  const [open, setOpen] = useState(true);
  const { composerCount: n } = props;
  const watching = n === undefined ? '' : n === 0 ? t('composersNone') : n === 1 ? t('composersOne') : t('composersMany', String(n));

  if (!open) {
    return (
      <button type="button" class="pg-tab" data-policy-guard="panel-tab" onClick={() => setOpen(true)}>
        <ShieldIcon /> {t('panelShow')}
      </button>
    );
  }
  return (
    <aside
      class="pg-panel"
      role="complementary"
      aria-label={t('panelTitle')}
      data-policy-guard="panel"
      data-view={props.view}
      data-composers={String(n)}
      data-policy={props.policy?.id ?? ''}
    >
      <header class="pg-header">
        <h2 class="pg-title">
          <ShieldIcon size={18} /> {t('panelTitle')}
        </h2>
        <span class="pg-view">{props.viewLabel}</span>
        <button type="button" class="pg-icon-button" aria-label={t('panelHide')} onClick={() => setOpen(false)}>
          ×
        </button>
      </header>
      {props.policy ? (
        <p class="pg-line" data-policy-guard="policy">
          {t('policyActive', props.policy.name)}
        </p>
      ) : (
        <div class="pg-callout" role="status" data-policy-guard="no-policy">
          <p>{t('policyNone')}</p>
          <button type="button" class="pg-button" onClick={props.onChoosePolicy}>
            {t('policyChoose')}
          </button>
        </div>
      )}
      <p class="pg-line pg-muted" data-policy-guard="watching">
        {watching}
      </p>
      {props.children}
      {props.notices.map((notice) => (
        <p class="pg-notice" role="note" key={notice}>
          {notice}
        </p>
      ))}
    </aside>
  );
}
