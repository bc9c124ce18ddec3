// @vitest-environment happy-dom
/**
 * components/unshifting.ts: after each change inside the root, its children are hidden for one forced style pass
 * and shown again (so Chromium's layout-shift tracker sees new boxes, not moved ones). What a real browser reports
 * is held by tests/e2e/sealed-shifts.e2e.ts; here, what the observer does to the DOM.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unshifting } from '../../../components/unshifting';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('unshifting', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('forces one style pass with the children hidden after a change, and leaves them shown', async () => {
    const root = document.createElement('aside');
    root.className = 'pg-panel';
    root.innerHTML = '<p>one</p><p style="color: red">two</p>';
    document.body.append(root);
    const passes: boolean[] = [];
    vi.spyOn(root, 'offsetWidth', 'get').mockImplementation(() => {
      passes.push(root.classList.contains('pg-unshift'));
      return 0;
    });
    const stop = unshifting(root)!;

    root.firstElementChild!.insertAdjacentHTML('beforebegin', '<p>found</p>');
    root.lastElementChild!.textContent = 'three';
    await settle();
    // One pass for the batch (its own class change does not set it off again), hidden at the time.
    expect(passes).toEqual([true]);
    expect(root.className).toBe('pg-panel');
    expect(root.lastElementChild!.getAttribute('style')).toBe('color: red');

    root.setAttribute('data-count', '1');
    await settle();
    expect(passes).toEqual([true, true]);

    stop();
    root.append(document.createElement('p'));
    await settle();
    expect(passes).toEqual([true, true]);
  });

  it('puts back where the root was scrolled to (with its content hidden, the browser scrolls it to the top)', async () => {
    const root = document.createElement('section');
    root.innerHTML = '<p>one</p>';
    document.body.append(root);
    root.scrollTop = 40;
    vi.spyOn(root, 'offsetWidth', 'get').mockImplementation(() => {
      root.scrollTop = 0;
      return 0;
    });
    unshifting(root);
    root.append(document.createElement('p'));
    await settle();
    expect(root.scrollTop).toBe(40);
  });

  it('does nothing without a root', () => {
    expect(unshifting(null)).toBeUndefined();
  });
});
