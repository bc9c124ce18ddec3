/**
 * Editing ClassDojo's composer as a teacher's typing would, so that whatever editor the page uses (a React
 * textarea, Draft.js, Lexical, ProseMirror, Slate, a bare contenteditable) sees an ordinary edit: the span
 * is selected and `insertText` typed over it. The editor's own state updates, the browser's (or the
 * editor's) undo history keeps the step (Ctrl+Z undoes a fix), focus stays in the box and the caret lands
 * after the new text. Only ever called from a teacher's click.
 *
 * `document.execCommand` is deprecated but is still the only way to produce a trusted-looking edit with
 * `beforeinput`/`input` events and an undo entry, in every engine we ship for.
 *
 * DOM only (no extension APIs): runs in the content script; tested end to end against the real editor
 * libraries (tests/e2e/editors-fix.e2e.ts).
 */
import { readTextModel } from './text-model';

/** One replacement of [start, end) of the composer's text (offsets in the text model's text). */
export interface SpanEdit {
  start: number;
  end: number;
  text: string;
}

/**
 * - `applied`: the draft now reads exactly as expected;
 * - `stale`: the draft is no longer the one the edits were computed for: nothing was changed;
 * - `failed`: the editor did not take the edit as expected (the draft may have changed: the teacher is
 *   told to check it, and Ctrl+Z undoes what went in).
 */
export type EditOutcome = 'applied' | 'stale' | 'failed';

/**
 * How long editors may take to read a selection we set, in ms. Slate reads the DOM selection through a
 * 100 ms throttle: a selection set within 100 ms of the previous one (the focus we just gave it) is only
 * read on the trailing edge, so we wait a little longer than that before typing.
 */
const SELECTION_READ_MS = 120;

/** Waits for the page's editors to see a selection we set (they read it on `selectionchange`). */
function selectionSettled(doc: Document, ms = SELECTION_READ_MS): Promise<void> {
  return new Promise((resolve) => {
    let changed = false;
    const onChange = () => (changed = true);
    doc.addEventListener('selectionchange', onChange);
    const started = Date.now();
    const poll = () => {
      if ((changed && Date.now() - started >= ms) || Date.now() - started >= ms * 2) {
        doc.removeEventListener('selectionchange', onChange);
        resolve();
      } else setTimeout(poll, 10);
    };
    setTimeout(poll, 10);
  });
}

/** Waits until the composer's text is `expected`, for editors that re-render after the input event. */
async function settlesTo(composer: HTMLElement, expected: string, ms = 300): Promise<boolean> {
  const until = Date.now() + ms;
  for (;;) {
    if (readTextModel(composer).text === expected) return true;
    if (Date.now() > until) return false;
    await new Promise((r) => setTimeout(r, 10));
  }
}

function focusWithoutScroll(el: HTMLElement) {
  if (el.ownerDocument.activeElement !== el && !el.contains(el.ownerDocument.activeElement)) el.focus({ preventScroll: true });
}

/**
 * Puts the teacher back in the composer. A rich-text box given focus with no selection inside puts the caret
 * at its start (Draft.js then types there): the caret goes to the end, where it was when they pressed Send.
 */
export function focusComposer(el: HTMLElement): void {
  focusWithoutScroll(el);
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) return;
  const toEnd = () => {
    const selection = el.ownerDocument.getSelection();
    if (!selection) return;
    selection.selectAllChildren(el);
    selection.collapseToEnd();
  };
  toEnd();
  // Editors that restore their own selection on focus (Draft.js) do it a moment later, to the start: once
  // more after that, but only from there, so a selection made since (a fix being applied) is left alone.
  setTimeout(() => {
    const selection = el.ownerDocument.getSelection();
    if (!selection?.isCollapsed || selection.rangeCount === 0 || !el.contains(selection.anchorNode)) return;
    const before = el.ownerDocument.createRange();
    before.setStart(el, 0);
    before.setEnd(selection.anchorNode!, selection.anchorOffset);
    if (before.toString().length === 0 && (el.textContent ?? '').length > 0) toEnd();
  }, 50);
}

/** Selects [start, end) of the composer's text. False when the offsets no longer map to the DOM. */
async function select(composer: HTMLElement, start: number, end: number): Promise<boolean> {
  const doc = composer.ownerDocument;
  focusWithoutScroll(composer);
  if (composer instanceof HTMLTextAreaElement || composer instanceof HTMLInputElement) {
    composer.setSelectionRange(start, end);
    return true;
  }
  const range = readTextModel(composer).range(start, end);
  if (!range) return false;
  const selection = doc.getSelection();
  if (!selection) return false;
  selection.removeAllRanges();
  selection.addRange(range);
  await selectionSettled(doc);
  // The editor may have moved the selection on focus: it must still be ours before we type over it.
  const now = doc.getSelection();
  return !!now && now.rangeCount > 0 && now.getRangeAt(0).toString() === range.toString();
}

/**
 * Types `text` over the current selection. Editors that keep their own model and apply edits from
 * `beforeinput` (Slate; Lexical for a selection) are offered the edit first, as a keystroke would: if the
 * editor takes it (prevents the default), that is the edit. Otherwise the browser types it
 * (`execCommand('insertText')`, which fires no `beforeinput` of its own), and editors that read the DOM
 * (Draft.js, ProseMirror, a textarea) see an ordinary input.
 */
function typeOver(composer: HTMLElement, text: string): boolean {
  const doc = composer.ownerDocument;
  const target = (doc.activeElement instanceof HTMLElement && composer.contains(doc.activeElement) ? doc.activeElement : composer) as HTMLElement;
  if (!(composer instanceof HTMLTextAreaElement || composer instanceof HTMLInputElement)) {
    const offer = new InputEvent('beforeinput', { inputType: 'insertText', data: text, bubbles: true, cancelable: true, composed: true });
    if (!target.dispatchEvent(offer)) return true;
  }
  return doc.execCommand('insertText', false, text);
}

/**
 * Types `edits` over the composer's text, last first so earlier offsets hold, provided the text is still
 * `expected` (the draft the edits were computed for). Each step is checked: if the editor did something
 * else, it stops and says so.
 */
export async function replaceSpans(composer: HTMLElement, expected: string, edits: SpanEdit[]): Promise<EditOutcome> {
  if (readTextModel(composer).text !== expected) return 'stale';
  const ordered = [...edits].sort((a, b) => b.start - a.start);
  let current = expected;
  for (const edit of ordered) {
    if (edit.start < 0 || edit.end > current.length || edit.start > edit.end) return 'failed';
    const next = current.slice(0, edit.start) + edit.text + current.slice(edit.end);
    if (!(await select(composer, edit.start, edit.end))) return readTextModel(composer).text === current ? 'stale' : 'failed';
    const typed = typeOver(composer, edit.text);
    if (!typed && (composer instanceof HTMLTextAreaElement || composer instanceof HTMLInputElement)) {
      // An engine without insertText in text fields: the same edit, though the undo history may not keep it.
      composer.setRangeText(edit.text, edit.start, edit.end, 'end');
      composer.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertReplacementText', data: edit.text }));
    }
    if (!(await settlesTo(composer, next))) return 'failed';
    current = next;
  }
  return 'applied';
}

/**
 * Puts a suggested reply into the composer after the teacher's own draft (kept: in a textarea with a blank
 * line between, in a rich-text box after a space), as typing would. Only ever called from a teacher's click.
 */
export async function insertIntoComposer(el: HTMLElement, text: string): Promise<void> {
  const doc = el.ownerDocument;
  focusWithoutScroll(el);
  const current = readTextModel(el).text;
  const prefix = current.trim() ? (current.endsWith('\n\n') ? '' : current.endsWith('\n') ? '\n' : '\n\n') : '';
  if (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement) {
    // A single-line box holds no line break (the browser drops them, running the lines together): the reply
    // goes in as one line, after a space.
    const all = el instanceof HTMLInputElement ? `${current.trim() && !current.endsWith(' ') ? ' ' : ''}${oneLine(text)}` : prefix + text;
    el.setSelectionRange(el.value.length, el.value.length);
    if (!doc.execCommand('insertText', false, all)) {
      el.setRangeText(all, el.value.length, el.value.length, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: all }));
    }
    return;
  }
  const selection = doc.getSelection();
  if (selection) {
    selection.selectAllChildren(el);
    selection.collapseToEnd();
    await selectionSettled(doc);
  }
  // In a rich-text box the reply goes in as one paragraph: a line break typed natively into an editor that
  // keeps its own blocks (Draft.js) makes DOM it did not render, and React then throws on the page.
  // Nothing is forced into the DOM if the editor refuses the text: the teacher can paste it.
  const flat = `${current.trim() ? ' ' : ''}${oneLine(text)}`;
  typeOver(el, flat);
}

/** Lines joined by a space, each trimmed, blank ones dropped. */
function oneLine(text: string): string {
  return text.split('\n').map((line) => line.trim()).filter(Boolean).join(' ');
}
