// @vitest-environment happy-dom
/**
 * components/unshifting-lists.ts: after a change inside the root, what the change touched or moved (a child of
 * the root, or an item of one of its lists) is hidden for one forced style pass, and nothing else: a list of
 * 1,000 rows growing by 20 lays out 20 rows afresh, not 1,000 (probe 17 R4). Layout is simulated: each element's
 * box is its index in a block flow of 10 px lines. What a real browser reports is held by
 * tests/e2e/sealed-shifts.e2e.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { unshiftingLists } from '../../../components/unshifting-lists';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** A block flow: every element below the root is one 10 px line, in document order (hidden ones take none). */
function simulateLayout(root: HTMLElement) {
  const lines = () => [...root.querySelectorAll('*')].filter((el) => !el.closest('.pg-unshift-one'));
  vi.spyOn(Element.prototype, 'getBoundingClientRect').mockImplementation(function (this: Element) {
    if (this === root) return new DOMRect(0, 0, 300, 500);
    const i = lines().indexOf(this);
    return new DOMRect(0, i * 10, i < 0 ? 0 : 300, i < 0 ? 0 : 10);
  });
}

/** The root's hidden units at each forced style pass, by their text. */
function watchPasses(root: HTMLElement): string[][] {
  const passes: string[][] = [];
  vi.spyOn(root, 'offsetWidth', 'get').mockImplementation(() => {
    passes.push([...root.querySelectorAll('.pg-unshift-one')].map((el) => el.getAttribute('data-u') ?? ''));
    return 0;
  });
  return passes;
}

function summary(rows: number): HTMLElement {
  const root = document.createElement('section');
  const items = Array.from({ length: rows }, (_, i) => `<li data-u="r${i}">row ${i}</li>`).join('');
  root.innerHTML = `<p data-u="count">${rows} posts</p><ul data-u="counts"><li data-u="c1">Full name: 1</li></ul><ol data-u="rows">${items}</ol><p data-u="after">Load more</p>`;
  document.body.append(root);
  return root;
}

describe('unshiftingLists', () => {
  afterEach(() => {
    vi.restoreAllMocks();
    document.body.replaceChildren();
  });

  it('rows added at the end of a long list: the changed lines, the new rows are new, what follows the list moved', async () => {
    const root = summary(1000);
    simulateLayout(root);
    const passes = watchPasses(root);
    const stop = unshiftingLists(root)!;
    const ol = root.querySelector('ol')!;
    for (let i = 1000; i < 1020; i++) ol.insertAdjacentHTML('beforeend', `<li data-u="r${i}">row ${i}</li>`);
    root.firstElementChild!.textContent = '1020 posts';
    root.querySelector('[data-u="c1"]')!.textContent = 'Full name: 21';
    await settle();
    expect(passes).toHaveLength(1);
    expect(passes[0]!.sort()).toEqual(['after', 'c1', 'count']);
    // Shown again.
    expect(root.querySelectorAll('.pg-unshift-one')).toHaveLength(0);
    stop();
  });

  it('a row inserted at the top: every row below it moved, and is hidden', async () => {
    const root = summary(5);
    simulateLayout(root);
    const passes = watchPasses(root);
    unshiftingLists(root);
    root.querySelector('ol')!.insertAdjacentHTML('afterbegin', '<li data-u="new">new</li>');
    await settle();
    expect(passes[0]!.sort()).toEqual(['after', 'r0', 'r1', 'r2', 'r3', 'r4']);
  });

  it('a change inside one row hides that row; a list that moved is hidden whole', async () => {
    const root = summary(5);
    simulateLayout(root);
    const passes = watchPasses(root);
    unshiftingLists(root);
    root.querySelector('[data-u="r2"]')!.setAttribute('data-outcome', 'resolved');
    await settle();
    expect(passes[0]).toEqual(['r2']);
    root.querySelector('ul')!.insertAdjacentHTML('beforeend', '<li data-u="c2">Health: 1</li>');
    await settle();
    // The rows list moved down a line: hidden whole (its rows with it), and what follows it.
    expect(passes[1]!.sort()).toEqual(['after', 'rows']);
  });

  it('the root’s data-* attributes (its counts) changed: nothing moved, nothing is hidden', async () => {
    const root = summary(3);
    simulateLayout(root);
    const passes = watchPasses(root);
    unshiftingLists(root);
    root.setAttribute('data-posts', '4');
    root.setAttribute('aria-label', 'Spot-check: 4 posts');
    await settle();
    expect(passes).toEqual([]);
  });

  it('the root itself changed: everything is hidden, as unshifting does; the scroll is put back', async () => {
    const root = summary(3);
    simulateLayout(root);
    root.scrollTop = 40;
    const passes = watchPasses(root);
    unshiftingLists(root);
    root.setAttribute('style', 'left: 10px');
    await settle();
    expect(passes[0]!.sort()).toEqual(['after', 'count', 'counts', 'rows']);
    expect(root.scrollTop).toBe(40);
  });

  it('does nothing without a root', () => {
    expect(unshiftingLists(null)).toBeUndefined();
  });
});
