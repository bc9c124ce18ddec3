// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import { installSeal, SEALED_EVENTS } from '../../../entrypoints/content/core/seal';
import { asTrusted } from './trusted';

/**
 * The seal's rules, on happy-dom's DOM (no layout, so a click is for the focused element: the real
 * browser's hit-testing, and real input, are in tests/e2e/sealed.e2e.ts).
 */
describe('the seal', () => {
  const seal = installSeal();
  // The page's own listeners come after the seal's, as they do on a real page (the seal is at document_start).
  const heard: string[] = [];
  for (const type of SEALED_EVENTS) {
    window.addEventListener(type, (e) => heard.push(`${e.type}:${(e as KeyboardEvent).key ?? ''}`), { capture: true });
  }

  function ui() {
    heard.length = 0;
    const host = document.createElement('policy-guard-test');
    const root = host.attachShadow({ mode: 'closed' });
    root.innerHTML = '<textarea></textarea><button type="button">Send anyway</button><input type="checkbox">';
    document.body.append(host);
    const unseal = seal.add(host, root);
    const [textarea, button, box] = [root.querySelector('textarea')!, root.querySelector('button')!, root.querySelector('input')!];
    const got: Event[] = [];
    for (const el of [textarea, button, box]) for (const type of ['keydown', 'input', 'click', 'mousedown', 'change']) el.addEventListener(type, (e) => got.push(e));
    return { host, root, textarea, button, box, got, unseal };
  }

  it('is installed once per window', () => expect(installSeal()).toBe(seal));

  it('keeps the teacher’s keys and text from the page, and hands our own listener a copy it may act on', () => {
    const { textarea, got } = ui();
    textarea.focus();
    heard.length = 0; // happy-dom does not retarget its focus events (the real browser's are in the e2e test)
    textarea.dispatchEvent(asTrusted(new KeyboardEvent('keydown', { key: 'H', bubbles: true, composed: true, cancelable: true })));
    textarea.dispatchEvent(asTrusted(new InputEvent('beforeinput', { data: 'H', inputType: 'insertText', bubbles: true, composed: true, cancelable: true })));
    textarea.value = 'H';
    textarea.dispatchEvent(asTrusted(new InputEvent('input', { data: 'H', inputType: 'insertText', bubbles: true, composed: true })));
    expect(heard).toEqual([]);
    expect(got.map((e) => [e.type, (e as KeyboardEvent).key ?? (e as InputEvent).data, e.composed, seal.trusted(e)])).toEqual([
      ['keydown', 'H', false, true],
      ['input', 'H', false, true],
    ]);
  });

  it('hands on a click as a copy cancelled in advance, so nothing is toggled or submitted twice', () => {
    const { button, got } = ui();
    button.focus();
    heard.length = 0;
    button.dispatchEvent(asTrusted(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true, detail: 0 })));
    expect(heard).toEqual([]);
    expect(got).toHaveLength(1);
    expect(got[0]!.defaultPrevented).toBe(true);
    expect(seal.trusted(got[0]!)).toBe(true);
  });

  it('cancels the original when our listener cancels the copy (a mousedown that keeps the focus)', () => {
    const { button, got } = ui();
    button.focus();
    button.addEventListener('mousedown', (e) => e.preventDefault());
    const original = asTrusted(new MouseEvent('mousedown', { bubbles: true, composed: true, cancelable: true, detail: 0 }));
    button.dispatchEvent(original);
    expect(got).toHaveLength(1);
    expect(original.defaultPrevented).toBe(true);
  });

  it('drops every event the page makes: at the host, or at an element inside (were it to reach one)', () => {
    const { host, textarea, button, box, got } = ui();
    host.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    button.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    textarea.dispatchEvent(new InputEvent('input', { data: 'x', bubbles: true, composed: true }));
    box.dispatchEvent(new Event('change', { bubbles: true })); // not composed: it never reaches the window
    expect(got).toEqual([]);
    expect(seal.trusted(new MouseEvent('click'))).toBe(false);
  });

  it('lets the trusted change event of a checkbox through (it never leaves the root)', () => {
    const { box, got } = ui();
    box.dispatchEvent(asTrusted(new Event('change', { bubbles: true })));
    expect(got.map((e) => e.type)).toEqual(['change']);
  });

  it('leaves the page’s own events on its own elements alone', () => {
    ui();
    const mine = document.createElement('button');
    document.body.append(mine);
    mine.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true }));
    mine.dispatchEvent(asTrusted(new KeyboardEvent('keydown', { key: 'a', bubbles: true, composed: true })));
    expect(heard).toEqual(['click:', 'keydown:a']);
  });

  it('undoes an edit no person made: an editing command types into the focused box with no beforeinput first', () => {
    const { textarea, got } = ui();
    textarea.focus();
    const typed = (text: string, announced: boolean) => {
      if (announced) textarea.dispatchEvent(asTrusted(new InputEvent('beforeinput', { data: text, inputType: 'insertText', bubbles: true, composed: true, cancelable: true })));
      textarea.value += text;
      textarea.dispatchEvent(asTrusted(new InputEvent('input', { data: text, inputType: 'insertText', bubbles: true, composed: true })));
    };
    typed('Her mum asked', true);
    typed(' (typed by the page)', false); // document.execCommand('insertText'): a trusted input, unannounced
    expect(textarea.value).toBe('Her mum asked');
    typed(' me to', true);
    expect(textarea.value).toBe('Her mum asked me to');
    expect(got.filter((e) => e.type === 'input').map((e) => (e as InputEvent).data)).toEqual(['Her mum asked', ' me to']);
  });

  it('does not let a beforeinput with no input after it (Backspace in an empty box) open the door for a later command', async () => {
    const { textarea } = ui();
    textarea.focus();
    textarea.dispatchEvent(asTrusted(new InputEvent('beforeinput', { inputType: 'deleteContentBackward', bubbles: true, composed: true, cancelable: true })));
    await new Promise((r) => setTimeout(r, 5));
    textarea.value = 'PAGE-TYPED ';
    textarea.dispatchEvent(asTrusted(new InputEvent('input', { data: 'PAGE-TYPED ', inputType: 'insertText', bubbles: true, composed: true })));
    expect(textarea.value).toBe('');
  });

  it('refuses a selection in our text boxes that no person started (select all, then read the selection)', () => {
    const { textarea } = ui();
    const selectStart = () => {
      const e = asTrusted(new Event('selectstart', { bubbles: true, cancelable: true }));
      textarea.dispatchEvent(e);
      return e.defaultPrevented ? 'refused' : 'allowed';
    };
    expect(selectStart()).toBe('refused'); // document.execCommand('selectAll') from the page
    textarea.dispatchEvent(asTrusted(new KeyboardEvent('keydown', { key: 'a', ctrlKey: true, bubbles: true, composed: true })));
    expect(selectStart()).toBe('allowed'); // Ctrl+A
    expect(selectStart()).toBe('refused'); // one selection per gesture, even while the key is still down
    textarea.dispatchEvent(asTrusted(new KeyboardEvent('keyup', { key: 'a', ctrlKey: true, bubbles: true, composed: true })));
    expect(selectStart()).toBe('refused');
    // Typing, Shift for a capital included, starts no selection: a page polling "select all" gets nothing.
    textarea.dispatchEvent(asTrusted(new KeyboardEvent('keydown', { key: 'H', shiftKey: true, bubbles: true, composed: true })));
    expect(selectStart()).toBe('refused');
    textarea.dispatchEvent(asTrusted(new KeyboardEvent('keydown', { key: 'ArrowLeft', shiftKey: true, bubbles: true, composed: true })));
    expect(selectStart()).toBe('allowed');
  });

  it('stops sealing a root once it is unsealed', () => {
    const { textarea, unseal } = ui();
    unseal();
    textarea.dispatchEvent(asTrusted(new KeyboardEvent('keydown', { key: 'x', bubbles: true, composed: true })));
    expect(heard).toEqual(['keydown:x']);
  });
});
