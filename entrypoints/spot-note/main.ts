/**
 * A spot-check finding's note box, in an extension page framed in the overlay's row
 * (components/SpotSummary.tsx).
 *
 * Why a frame: a text box in the overlay's closed shadow root can still be read by a page script through
 * the Selection API (extend the selection to the line or the document boundary, or search for a common
 * letter and extend from the match), and it hears when keys are typed. A frame from the extension's origin
 * is another document: the page can neither select into it nor hear it.
 *
 * The frame reads and writes the note itself, through the background (`spot-note-load`/`spot-note-save`,
 * lib/ext/handler.ts): the note never passes through the page's document. Its address carries the record's
 * scope and the finding's key (`#` + URI-encoded JSON); only our content script can frame this page (it is
 * served to ClassDojo's teachers' app at a per-session address, use_dynamic_url), and the background checks
 * both fields as it checks every request.
 */
import { frameAsk, frameLanguage, frameText as t } from '../../components/frame-api';
import { typeIntoBoxWhenBlurred } from '../../components/frame-refocus';
import type { Response, SpotWriteResponse } from '../../lib/ext/messages';
import type { SpotScope } from '../../lib/ext/spot-store';
import '../../components/frame.css';
import './style.css';

const label = document.getElementById('label') as HTMLLabelElement;
const note = document.getElementById('note') as HTMLInputElement;
document.documentElement.lang = frameLanguage();
label.textContent = t('spotNote');

/** The record and finding this box belongs to, from the address; undefined for a malformed one. */
function target(): { scope: SpotScope; key: string } | undefined {
  try {
    const parsed = JSON.parse(decodeURIComponent(location.hash.slice(1))) as { scope?: SpotScope; key?: unknown };
    return parsed.scope && typeof parsed.key === 'string' ? { scope: parsed.scope, key: parsed.key } : undefined;
  } catch {
    return undefined;
  }
}

const at = target();
/** The note as last saved, so an unchanged box is not written again. */
let saved = '';
let timer: number | undefined;

async function save(): Promise<void> {
  window.clearTimeout(timer);
  if (!at || note.value === saved) return;
  const value = note.value;
  const answer = await frameAsk<SpotWriteResponse>({ type: 'spot-note-save', ...at, note: value });
  if (answer?.ok) saved = value;
}

if (at) {
  void frameAsk<Response<string | null>>({ type: 'spot-note-load', ...at }).then((answer) => {
    saved = answer?.ok ? (answer.value ?? '') : '';
    note.value = saved;
    note.disabled = false;
  });
  // Saved when the box is left or Enter pressed, and after a pause in typing (the overlay may close first).
  note.addEventListener('change', () => void save());
  note.addEventListener('input', () => {
    window.clearTimeout(timer);
    timer = window.setTimeout(() => void save(), 800);
  });
  note.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') void save();
  });
}

// Focus given straight back after the page took it (entrypoints/on-request/note-focus.ts, with
// entrypoints/content/core/focus-keeper.ts) lands in the note box again, so the next key is typed there.
// The overlay's note keeper cannot see the focus go from this frame into a frame of the page's (its window
// hears nothing, probe 14g): it is told, and takes the focus back unless the leader's own press moved it.
window.addEventListener('blur', () => void frameAsk({ type: 'spot-note-blurred', frame: location.hash.slice(1) }));
window.addEventListener('focus', () => {
  if (document.activeElement === document.body || !document.activeElement) note.focus();
});
// The page made our host inert for a moment: the note may be blurred after the focus came back.
typeIntoBoxWhenBlurred(() => note);
