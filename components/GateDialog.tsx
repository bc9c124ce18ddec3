import { useEffect, useRef } from 'preact/hooks';
import type { JSX } from 'preact';
import type { Finding } from '../lib/rules/types';
import { GuardedButton } from './GuardedButton';
import { t } from '../lib/ext/i18n';

/**
 * The reason box and "Send anyway", drawn in an extension frame (entrypoints/gate-reason): its URL (with the
 * hold's nonce), its height in CSS px as the frame reports it, and whether it failed (it did not load, or
 * did not speak, in time), in which case the dialog offers no override.
 */
export interface ReasonFrame {
  src: string;
  height: number;
  failed: boolean;
}

/** What the send gate gives its dialog (entrypoints/content/features/send-gate.tsx, through the parts loaded on request). */
export interface GateDialogProps {
  findings: Finding[];
  kind: 'send' | 'award';
  nextAllowed?: string;
  onEdit: () => void;
  onFixAll: () => void;
  /** Where the reason box is drawn in a frame; without one (or when it failed) there is no override. */
  reasonFrame?: ReasonFrame;
  /** The frame finished loading (again, when the page moved the dialog and the browser reloaded it). */
  onFrameLoad?: () => void;
  /** The frame's element, for the gate's own check that nothing of the page's covers or fades it. */
  frameRef?: (el: HTMLIFrameElement | null) => void;
  /** A click on "Send anyway" did not count: something of the page's covered or faded the dialog. */
  covered?: boolean;
  /** The page took the typing focus from the reason box: given back (true), or it could not be ('lost'). */
  focusTaken?: boolean | 'lost';
}

/**
 * Held before Send/Post for findings the policy marks confirm or block. The draft is never touched here
 * unless the teacher presses "Apply all fixes". Drawn by the parts loaded on request (entrypoints/on-request).
 */
export function GateDialog(props: GateDialogProps) {
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
              <p class="pg-line">{f.message}</p>
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
            <GuardedButton class="pg-button pg-secondary" data-policy-guard="fix-all" lasting={false} onPress={props.onFixAll}>
              {t('gateFixAll')}
            </GuardedButton>
          )}
        </div>
        {blocked ? (
          <p class="pg-notice" role="note">
            {t('gateBlocked')}
          </p>
        ) : props.reasonFrame && !props.reasonFrame.failed ? (
          <>
            <ReasonFrameBox frame={props.reasonFrame} frameRef={props.frameRef} onLoad={props.onFrameLoad} onTabOut={() => first.current?.focus()} />
            {/* After the frame, not above it: a notice must never move "Send anyway" under the pointer. */}
            {props.covered && (
              <p class="pg-notice" role="alert" data-policy-guard="covered">
                {t('clickCovered')}
              </p>
            )}
            {props.focusTaken && (
              <p class="pg-notice" role="alert" data-policy-guard="focus-taken" data-lost={props.focusTaken === 'lost' || undefined}>
                {t(props.focusTaken === 'lost' ? 'gateFocusLost' : 'gateFocusTaken')}
              </p>
            )}
          </>
        ) : (
          // Never a text box in this root: a page script can read a box's text through the Selection API
          // (tests/e2e/gate-frame.e2e.ts). Without the frame there is no override, only edit or fix.
          <p class="pg-notice" role="note" data-policy-guard="no-override">
            {t('gateNoOverride')}
          </p>
        )}
      </div>
    </div>
  );
}

/**
 * The frame that holds the reason box and "Send anyway", and a focus sentinel after it: Tab from the frame's
 * last control lands on the sentinel, which hands the focus to the dialog's first control (the frame's own
 * keys never reach this document, so keepFocusIn cannot see that Tab).
 */
function ReasonFrameBox(props: {
  frame: ReasonFrame;
  frameRef?: (el: HTMLIFrameElement | null) => void;
  onLoad?: () => void;
  onTabOut: () => void;
}): JSX.Element {
  return (
    <div class="pg-override">
      <iframe
        class="pg-reason-frame"
        ref={props.frameRef}
        data-policy-guard="reason-frame"
        title={t('gateReasonFrame')}
        src={props.frame.src}
        style={{ height: `${props.frame.height}px` }}
        onLoad={props.onLoad}
      />
      <span class="pg-sentinel" tabIndex={0} data-pg-sentinel="" onFocus={props.onTabOut} />
    </div>
  );
}

/**
 * A modal dialog keeps the keyboard in it: Tab from its last control goes to its first, Shift+Tab from its
 * first to its last (otherwise the focus walks out to ClassDojo's Send button behind the backdrop, and the
 * teacher's keys go to the page).
 */
function keepFocusIn(backdrop: HTMLElement, e: KeyboardEvent): void {
  // The reason frame counts as one control (the last); the sentinel after it only hands focus back.
  const controls = [...backdrop.querySelectorAll<HTMLElement>('button:not([disabled]), textarea:not([disabled]), summary, iframe, [tabindex="0"]:not([data-pg-sentinel])')];
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
