import { useEffect, useRef } from 'preact/hooks';
import type { Mismatch } from '../lib/dojo/doctor';
import { t } from '../lib/ext/i18n';

/**
 * The page doctor's notice that this page no longer matches what Policy Guard knows (no message box where one
 * belongs, a box without its Send control, a Send control without a box), at the top of the panel's content.
 * Drawn by the parts loaded on request (entrypoints/on-request/parts.tsx): most pages never show it.
 */
export function MismatchNotice(props: { mismatch: Mismatch; open: boolean; onOpen: () => void; onDismiss: () => void }) {
  const ref = useRef<HTMLDivElement>(null);
  // Scrolled into the panel's view when it appears: docked low in a wide window, the panel's few hundred pixels
  // showed its first lines only, and Dismiss was below the window (probe 21f N6).
  useEffect(() => ref.current?.scrollIntoView?.({ block: 'nearest' }), [props.mismatch]);
  return (
    <div ref={ref} class="pg-callout" role="status" data-policy-guard="page-mismatch" data-mismatch={props.mismatch}>
      <p>{t(props.mismatch === 'no-composer' ? 'pageMismatchNoComposer' : props.mismatch === 'no-send' ? 'pageMismatchNoSend' : 'pageMismatchSend')}</p>
      <div class="pg-actions">
        {!props.open && (
          <button type="button" class="pg-button" data-policy-guard="mismatch-open" onClick={props.onOpen}>
            {t('pageMismatchOpen')}
          </button>
        )}
        <button type="button" class="pg-link" data-policy-guard="mismatch-dismiss" onClick={props.onDismiss}>
          {t('gateDismiss')}
        </button>
      </div>
    </div>
  );
}
