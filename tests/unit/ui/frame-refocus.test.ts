// @vitest-environment happy-dom
/**
 * components/frame-refocus.ts: a letter typed while nothing in our frame has the focus moves the focus to the
 * text box (so the letter lands there); other keys, and keys typed with the focus on a control, change nothing.
 * What Chromium does with the letter is held by tests/e2e/sealed-focus.e2e.ts (the inert-host attacks).
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { typeIntoBoxWhenBlurred } from '../../../components/frame-refocus';

describe('typeIntoBoxWhenBlurred', () => {
  let box: HTMLTextAreaElement;
  let button: HTMLButtonElement;
  let stop: () => void;
  const key = (init: KeyboardEventInit) => document.body.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, ...init }));

  beforeEach(() => {
    document.body.innerHTML = '<textarea id="box"></textarea><button id="send">Send anyway</button>';
    box = document.getElementById('box') as HTMLTextAreaElement;
    button = document.getElementById('send') as HTMLButtonElement;
    stop = typeIntoBoxWhenBlurred(() => box);
  });
  afterEach(() => stop());

  it('moves the focus to the box for a letter typed with nothing focused', () => {
    (document.activeElement as HTMLElement | null)?.blur();
    key({ key: 'e' });
    expect(document.activeElement).toBe(box);
  });

  it('leaves Enter, Tab and shortcuts (Ctrl, Meta or Alt with a letter) alone', () => {
    for (const init of [{ key: 'Enter' }, { key: 'Tab' }, { key: 'a', ctrlKey: true }, { key: 'c', metaKey: true }, { key: 'x', altKey: true }]) {
      (document.activeElement as HTMLElement | null)?.blur();
      key(init);
      expect(document.activeElement, JSON.stringify(init)).not.toBe(box);
    }
  });

  it('never takes the focus from a control that has it', () => {
    button.focus();
    button.dispatchEvent(new KeyboardEvent('keydown', { bubbles: true, key: 'e' }));
    expect(document.activeElement).toBe(button);
  });

  it('does nothing for a disabled box, or once stopped', () => {
    box.disabled = true;
    key({ key: 'e' });
    expect(document.activeElement).not.toBe(box);
    box.disabled = false;
    stop();
    key({ key: 'e' });
    expect(document.activeElement).not.toBe(box);
  });
});
