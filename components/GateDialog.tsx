import { useEffect, useRef, useState } from 'preact/hooks';
import type { Finding } from '../lib/rules/types';
import { t } from '../lib/ext/i18n';

/**
 * Held before Send/Post for findings the policy marks confirm or block. The draft is never touched here
 * unless the teacher presses "Apply all fixes".
 */
export function GateDialog(props: {
  findings: Finding[];
  kind: 'send' | 'award';
  nextAllowed?: string;
  onEdit: () => void;
  onFixAll: () => void;
  onSendAnyway: (reason: string) => void;
  /** A finding's message in the interface's language (components/finding-text.ts). */
  text?: (f: Finding) => string;
}) {
  const [reason, setReason] = useState('');
  const first = useRef<HTMLButtonElement>(null);
  const blocked = props.findings.some((f) => f.action === 'block');
  const fixable = props.findings.some((f) => f.fix !== undefined);
  useEffect(() => first.current?.focus(), []);
  return (
    <div
      class="pg-backdrop"
      // A click beside the dialog must not take the focus out of it (Escape and Tab would stop working).
      onMouseDown={(e) => {
        if (e.target === e.currentTarget) e.preventDefault();
      }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') props.onEdit();
        if (e.key === 'Tab') keepFocusIn(e.currentTarget as HTMLElement, e);
      }}
    >
      <div
        class="pg-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="pg-gate-title"
        data-policy-guard="gate"
        tabIndex={-1}
      >
        <h2 id="pg-gate-title" class="pg-title">
          {props.kind === 'award' ? t('gateTitleAward') : t('gateTitle')}
        </h2>
        <p class="pg-muted">{t('gateIntro')}</p>
        <ul class="pg-findings">
          {props.findings.map((f) => (
            <li class={`pg-finding pg-${f.severity}`} data-rule={f.rule} key={`${f.rule}:${f.start}:${f.messageId}`}>
              <p class="pg-line">{props.text ? props.text(f) : f.message}</p>
              <p class="pg-muted pg-small">{f.clause}</p>
            </li>
          ))}
        </ul>
        {props.nextAllowed && (
          <p class="pg-line" data-policy-guard="schedule">
            {t('gateSchedule', props.nextAllowed)}
          </p>
        )}
        <div class="pg-actions">
          <button type="button" class="pg-button" ref={first} onClick={props.onEdit}>
            {t('gateEdit')}
          </button>
          {fixable && (
            <button type="button" class="pg-button pg-secondary" onClick={props.onFixAll}>
              {t('gateFixAll')}
            </button>
          )}
        </div>
        {blocked ? (
          <p class="pg-notice" role="note">
            {t('gateBlocked')}
          </p>
        ) : (
          <form
            class="pg-override"
            onSubmit={(e) => {
              e.preventDefault();
              if (reason.trim()) props.onSendAnyway(reason);
            }}
          >
            <label>
              {t('gateReasonLabel')}
              <textarea value={reason} rows={2} onInput={(e) => setReason((e.target as HTMLTextAreaElement).value)} />
            </label>
            <button type="submit" class="pg-button pg-danger" disabled={!reason.trim()}>
              {t('gateSendAnyway')}
            </button>
          </form>
        )}
      </div>
    </div>
  );
}

/**
 * A modal dialog keeps the keyboard in it: Tab from its last control goes to its first, Shift+Tab from its
 * first to its last (otherwise the focus walks out to ClassDojo's Send button behind the backdrop, and the
 * teacher's keys go to the page).
 */
function keepFocusIn(backdrop: HTMLElement, e: KeyboardEvent): void {
  const controls = [...backdrop.querySelectorAll<HTMLElement>('button:not([disabled]), textarea:not([disabled]), summary, [tabindex="0"]')];
  if (controls.length === 0) return;
  const root = backdrop.getRootNode() as Document | ShadowRoot;
  const active = root.activeElement;
  const first = controls[0]!;
  const last = controls[controls.length - 1]!;
  const inside = !!active && backdrop.contains(active);
  if (e.shiftKey ? !inside || active === first : !inside || active === last) {
    e.preventDefault();
    (e.shiftKey ? last : first).focus();
  }
}
