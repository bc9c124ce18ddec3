/**
 * Text Policy Guard shows on ClassDojo's page cannot be found by the page.
 *
 * A closed shadow root keeps the page from reading the DOM, but the browser's `window.find()` searches every
 * rendered text, closed roots included: a page script could test whether "is in Local Authority care" is on
 * screen, with a pupil's name put into ClassDojo's own message box. Text drawn as CSS generated content is
 * neither searched nor selectable, and is still read out by screen readers (Chromium puts pseudo-element
 * content in the accessibility tree). So every string Preact renders into an element of ours becomes
 *
 *   <span class="pg-t" data-t="the text"><span hidden>the text</span></span>
 *
 * drawn by `.pg-t::before { content: attr(data-t) }` (style.css). The hidden copy is never rendered (so
 * never found); it keeps `textContent` as it was, for code and tests that read it.
 *
 * Installed once in each Preact that draws on ClassDojo's page: the content script's, and the copy the
 * on-request parts bring (entrypoints/on-request/index.ts). The extension's own pages are not on ClassDojo's
 * page and are left alone. Strings inside text boxes, options and SVG are left as they are: they are not rendered as
 * HTML text, and a text box's value is the person's own.
 */
import { h, options, type ComponentChildren, type VNode } from 'preact';

/** Elements whose string children are not HTML text to draw. */
const AS_IS = new Set(['textarea', 'option', 'style', 'script', 'svg', 'text', 'tspan', 'title', 'desc']);

let installed = false;

/** Turns every string an element of ours renders into generated content (see above). Idempotent. */
export function installUnfindableText(): void {
  if (installed) return;
  installed = true;
  const previous = options.vnode;
  options.vnode = (vnode: VNode) => {
    const props = vnode.props as { children?: ComponentChildren; class?: unknown; hidden?: unknown };
    if (typeof vnode.type === 'string' && !AS_IS.has(vnode.type) && props.class !== 'pg-t' && props.hidden !== true && props.children != null) {
      props.children = drawn(props.children);
    }
    previous?.(vnode);
  };
}

/** The children with each non-blank string or number drawn as generated content. */
export function drawn(children: ComponentChildren): ComponentChildren {
  if (Array.isArray(children)) return children.map(drawn);
  if ((typeof children === 'string' || typeof children === 'number') && String(children).trim() !== '') {
    const text = String(children);
    return h('span', { class: 'pg-t', 'data-t': text }, h('span', { hidden: true }, text));
  }
  return children;
}
