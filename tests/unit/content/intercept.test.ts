// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { installInterceptor } from '../../../entrypoints/content/core/intercept';
import { asTrusted } from './trusted';

/** A box whose page sends on keyup (and records every key event the page sees). */
function page() {
  document.body.innerHTML = '<textarea id="box"></textarea><button id="other">Other</button>';
  const box = document.getElementById('box')!;
  const seen: string[] = [];
  for (const type of ['keydown', 'keypress', 'keyup']) window.addEventListener(type, (e) => (e as KeyboardEvent).key === 'Enter' && seen.push(`${type}${(e as KeyboardEvent).shiftKey ? '+shift' : ''}`));
  return { box, other: document.getElementById('other')!, seen };
}
const key = (target: Element, type: string, init: KeyboardEventInit = {}) => target.dispatchEvent(asTrusted(new KeyboardEvent(type, { key: 'Enter', bubbles: true, cancelable: true, ...init })));

describe('the send interceptor', () => {
  const interceptor = installInterceptor();
  beforeEach(() => (interceptor.decide = () => 'pass'));

  it('is installed once per window', () => expect(installInterceptor()).toBe(interceptor));

  it('lets a whole plain Enter through when it passes', () => {
    const { box, seen } = page();
    key(box, 'keydown');
    key(box, 'keypress');
    key(box, 'keyup');
    expect(seen).toEqual(['keydown', 'keypress', 'keyup']);
  });

  it('holds the keypress and keyup of an Enter it held', () => {
    const { box, seen } = page();
    interceptor.decide = () => 'hold';
    key(box, 'keydown');
    key(box, 'keypress');
    key(box, 'keyup');
    expect(seen).toEqual([]);
  });

  it('holds a keyup whose keydown went elsewhere (an Enter that pressed a dialog button, focus then back in the box)', () => {
    const { box, other, seen } = page();
    key(other, 'keydown');
    key(box, 'keyup');
    expect(seen).toEqual(['keydown']);
  });

  it('holds the keyup of a Shift+Enter whose Shift was let go first (a new line, never a send)', () => {
    const { box, seen } = page();
    key(box, 'keydown', { shiftKey: true });
    key(box, 'keyup', { shiftKey: false });
    expect(seen).toEqual(['keydown+shift']);
  });

  it("never asks about a page script's own click or key, and lets it through untouched (holding it would tell the page)", () => {
    const { box, seen } = page();
    let asked = 0;
    interceptor.decide = () => (asked++, 'hold');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    box.dispatchEvent(click);
    for (const type of ['keydown', 'keypress', 'keyup']) box.dispatchEvent(new KeyboardEvent(type, { key: 'Enter', bubbles: true, cancelable: true }));
    expect(asked).toBe(0);
    expect(click.defaultPrevented).toBe(false);
    expect(seen).toEqual(['keydown', 'keypress', 'keyup']);
  });

  it('never asks about Shift+Enter or an IME composition, and passes them', () => {
    const { box, seen } = page();
    let asked = 0;
    interceptor.decide = () => (asked++, 'hold');
    key(box, 'keydown', { shiftKey: true });
    key(box, 'keyup', { shiftKey: true });
    key(box, 'keydown', { isComposing: true });
    expect(asked).toBe(0);
    expect(seen).toEqual(['keydown+shift', 'keyup+shift', 'keydown']);
  });

  it('passes everything when the decision throws (fail open), and its own replayed events always', () => {
    const { box, seen } = page();
    interceptor.decide = () => {
      throw new Error('broken');
    };
    key(box, 'keydown');
    interceptor.decide = () => 'hold';
    interceptor.dispatch(box, new KeyboardEvent('keyup', { key: 'Enter', bubbles: true }));
    expect(seen).toEqual(['keydown', 'keyup']);
  });
});
