/**
 * The gate's reason box and its "Send anyway" button, in an extension page framed inside the gate's closed
 * shadow root (entrypoints/content/features/send-gate.tsx).
 *
 * Why a frame: text in a closed shadow root cannot be read by querying, but a page script can still search
 * for a word it guesses (`window.find`) and walk on from the match inside a text box, and it hears timing of
 * the keys typed in the page's document. A frame from the extension's origin is a different document and
 * origin: the page can neither search, read, script nor hear it, and keys typed here never reach ClassDojo.
 *
 * Nothing here talks to the page. The frame's URL carries the hold's one-time nonce (`#<nonce>`); the frame
 * tells the background (`gate-reason`), which passes it on to the content script of this tab's top frame
 * (lib/ext/handler.ts), which acts only when the nonce is the held send's. A copy of this page framed by the
 * page itself cannot know the nonce. `postMessage` is never used: its sender cannot be told from the page.
 */
import { frameAsk, frameForgetOthers, frameKeep, frameKept, frameLanguage, frameText as t } from '../../components/frame-api';
import { typeIntoBoxWhenBlurred } from '../../components/frame-refocus';
import { watchVisibility } from '../../components/visibility';
import type { GateReasonAction } from '../../lib/ext/messages';
import '../../components/frame.css';
import './style.css';

const nonce = location.hash.slice(1);
const form = document.getElementById('form') as HTMLFormElement;
const label = document.getElementById('label') as HTMLLabelElement;
const reason = document.getElementById('reason') as HTMLTextAreaElement;
const send = document.getElementById('send') as HTMLButtonElement;

document.documentElement.lang = frameLanguage();
label.textContent = t('gateReasonLabel');
send.textContent = t('gateSendAnyway');

function tell(action: GateReasonAction, extra: { reason?: string; height?: number } = {}): void {
  void frameAsk({ type: 'gate-reason', nonce, action, ...extra });
}

const visible = watchVisibility(send);
let covered: HTMLParagraphElement | undefined;

// The reason typed so far, kept for this hold only (its nonce): the browser reloads this frame when the page
// moves the gate's dialog, and the teacher's words come back rather than vanish.
// At most one hold's reason is kept: an earlier one (its hold ended by going back, or by leaving) goes.
const kept = `gate-reason:${nonce}`;
void frameForgetOthers('gate-reason:', kept);
void frameKept(kept).then((text) => {
  if (text && !reason.value) {
    reason.value = text;
    send.disabled = !text.trim();
  }
});
reason.addEventListener('input', () => {
  send.disabled = !reason.value.trim();
  void frameKeep(kept, reason.value);
});
form.addEventListener('submit', (e) => {
  e.preventDefault();
  if (!reason.value.trim()) return;
  // A click on a button the page had covered, faded or slid under the pointer is not the teacher's.
  if (!visible.clickCounts()) {
    if (!covered) {
      covered = document.createElement('p');
      covered.className = 'covered';
      covered.setAttribute('role', 'alert');
      covered.textContent = t('clickCovered');
      form.append(covered);
      size();
    }
    return;
  }
  covered?.remove();
  covered = undefined;
  tell('send', { reason: reason.value });
  void frameKeep(kept, undefined);
});
document.addEventListener('keydown', (e) => {
  // The gate's Escape (back to the draft) works from here too: the gate cannot hear keys typed in a frame.
  if (e.key === 'Escape') {
    tell('escape');
    void frameKeep(kept, undefined);
  }
});

// The gate moves the focus here with Shift+Tab from its first control (it can focus only the frame, not a
// control in it): land on the reason box (not on "Send anyway", as Shift+Tab would: see below).
// Focus given straight back after the page took it (entrypoints/content/core/focus-keeper.ts) returns to the
// control the teacher was in, caret and all, so their next key lands where they were typing.
let last: HTMLElement | undefined;
let blurredAt = -Infinity;
document.addEventListener('focusin', (e) => {
  if (e.target instanceof HTMLElement && e.target !== document.body) last = e.target;
});
window.addEventListener('blur', () => {
  blurredAt = performance.now();
  // The gate's focus keeper cannot see the focus go from this frame into a frame of the page's (its window
  // hears nothing, probe 14g): it is told, and takes the focus back unless the teacher's own press moved it.
  tell('blurred');
});
// The page made our host inert for a moment: the reason box may be blurred after the focus came back.
typeIntoBoxWhenBlurred(() => reason);
window.addEventListener('focus', () => {
  if (document.activeElement !== document.body && document.activeElement) return;
  if (last && performance.now() - blurredAt < 250) last.focus();
  // Never "Send anyway" otherwise: a page that kept our host inert for a second had the focus land there, and the
  // teacher's next Space, meant for their reason, sent the held message (probe 14k).
  else reason.focus();
});

/** The gate sizes the frame to its content (the label wraps on narrow windows). */
function size(): void {
  tell('size', { height: Math.ceil(document.documentElement.scrollHeight) });
}
new ResizeObserver(size).observe(document.body);
tell('ready', { height: Math.ceil(document.documentElement.scrollHeight) });
