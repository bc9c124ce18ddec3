/**
 * `unshifting` (components/unshifting.ts) for a root holding long lists: the spot-check's summary, with a row
 * per finding. Hiding all of `root`'s content after each change lays every row out afresh: with 1,000 rows,
 * each change of a growing feed cost one task of hundreds of ms (probe 17 R4). Here only what the change
 * touched or moved is hidden for the forced style pass, so its boxes are new, not moved, in the page's
 * PerformanceObserver({type: 'layout-shift'}); a box that did not move is not reported, hidden or not.
 *
 * The units compared: each child of `root`, and each item of a list (`ol`, `ul`) that is a child of `root`.
 * After a change a unit is hidden when a changed node is in it, or when it moved or changed width (CSS px,
 * against `root`'s content, scroll included); a list that moved is hidden whole. When `root` itself moved,
 * changed size or had an attribute other than data-* and aria-* changed, everything is hidden, as
 * `unshifting` does (no style may select on the root's data-* or aria-* attributes). Positions are read
 * once the change is laid out, which the next frame would do anyway: the cost of a change is what it touched
 * and moved, not the whole list.
 *
 * Uses the class `pg-unshift-one` (entrypoints/on-request/style.css). Returns the function that stops it.
 */
export function unshiftingLists(root: HTMLElement | null): (() => void) | undefined {
  if (!root) return;
  const isList = (el: Element) => el.parentElement === root && (el.localName === 'ol' || el.localName === 'ul');
  /** Where each unit is (left, top, width, against root's content) and where root is (its viewport box). */
  const measure = () => {
    const r = root.getBoundingClientRect();
    const at = new Map<Element, string>();
    const put = (el: Element) => {
      const b = el.getBoundingClientRect();
      at.set(el, `${b.left - r.left},${b.top - r.top + root.scrollTop},${b.width}`);
    };
    for (const child of root.children) {
      put(child);
      if (isList(child)) for (const item of child.children) put(item);
    }
    return { root: `${r.left},${r.top},${r.width},${r.height}`, at };
  };
  /** The unit a changed node is in; none for `root` itself or a list's own child list (their units are compared by place). */
  const unitOf = (node: Node): Element | undefined => {
    let el: Element | null = node instanceof Element ? node : node.parentElement;
    while (el && el.parentElement && el.parentElement !== root && !isList(el.parentElement)) el = el.parentElement;
    return el && el !== root && el.parentElement ? el : undefined;
  };
  let last = measure();
  const observer = new MutationObserver((records) => {
    // With content hidden `root` may have less to scroll: where the leader had scrolled to is put back.
    const y = root.scrollTop;
    const now = measure();
    const hide = new Set<Element>();
    // The root's data-* and aria-* attributes (its counts, for tests and assistive technology) are styled by
    // nothing: a change of those alone moves no box.
    const restyled = records.some((m) => m.target === root && m.type === 'attributes' && !/^(data|aria)-/.test(m.attributeName ?? ''));
    if (now.root !== last.root || restyled) {
      for (const child of root.children) hide.add(child);
    } else {
      for (const m of records) {
        const unit = m.target === root ? undefined : m.type === 'childList' && isList(m.target as Element) ? undefined : unitOf(m.target);
        if (unit?.isConnected) hide.add(unit);
      }
      // A unit not seen before is new anyway; one seen elsewhere has moved. A list hidden whole hides its items.
      const moved = (el: Element) => {
        const was = last.at.get(el);
        return was !== undefined && was !== now.at.get(el);
      };
      for (const child of root.children) {
        if (moved(child)) hide.add(child);
        if (isList(child) && !hide.has(child)) for (const item of child.children) if (moved(item)) hide.add(item);
      }
      for (const el of hide) if (el.parentElement !== root && hide.has(el.parentElement!)) hide.delete(el);
    }
    if (hide.size) {
      for (const el of hide) el.classList.add('pg-unshift-one');
      void root.offsetWidth; // the style pass that drops their old boxes
      for (const el of hide) el.classList.remove('pg-unshift-one');
      root.scrollTop = y;
    }
    last = hide.size ? measure() : now;
    observer.takeRecords(); // our own changes
  });
  observer.observe(root, { childList: true, subtree: true, attributes: true, characterData: true });
  return () => observer.disconnect();
}
