// @vitest-environment happy-dom
/**
 * A skeleton screen outlined while it loads (issue #21): its grey placeholder blocks are marked in the outline (a
 * mark only: no size, style, text or value), only when asked (the doctor took the page for still loading), and
 * `to-fixture` draws them as blocks the doctor reads as a skeleton again.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildOutline } from '../../../lib/dojo/outline';
import { outlineToFixture } from '../../../lib/dojo/outline-fixture';

const from = { href: 'https://teach.classdojo.com/#/classes/5f3a9b2c4d1e/story', source: 'extension' as const, guard: 'test' };

describe('a skeleton screen in the outline', () => {
  afterEach(() => vi.restoreAllMocks());

  it('marks the drawn empty blocks only when asked, keeps none of their style, and the fixture draws them', () => {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      return (this.classList.contains('sk') ? { width: 600, height: 96 } : { width: 0, height: 0 }) as DOMRect;
    });
    document.body.innerHTML = `<div id="reactApplication"><main><nav><a href="#">Willow Class</a></nav><h1>Amelia's class</h1>
      <div class="sk" style="height:96px;background:#e8e8ee"></div><div class="sk" style="height:96px;background:#e8e8ee"></div>
      <div class="sk" style="height:96px;background:#e8e8ee"></div><span class="sk">Amelia</span><div class="tiny"></div></main></div>`;
    const plain = JSON.stringify(buildOutline(document, from));
    expect(plain).not.toContain('"block"');
    const outline = buildOutline(document, from, true);
    const json = JSON.stringify(outline);
    expect(json).toContain('"block":true');
    // No size, colour or word of the page's: the block is a mark.
    for (const word of ['96px', 'e8e8ee', 'Amelia', 'Willow']) expect(json).not.toContain(word);
    // Only the empty blocks drawn big enough: not the span with text, not the undrawn div.
    const marked: string[] = [];
    const walk = (n: { tag: string; block?: true; count?: number; children?: unknown[] }) => {
      if (n.block) for (let i = 0; i < (n.count ?? 1); i++) marked.push(n.tag);
      for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
    };
    walk(outline.regions[0]!.node);
    expect(marked).toEqual(['div', 'div', 'div']);
    const html = outlineToFixture(outline, 'skeleton');
    // Three blocks drawn (a node counted 3 is written 3 times), and the page's own style never.
    expect(html.match(/style="display:block;[^"]*height:48px[^"]*"/g)).toHaveLength(3);
    expect(html).not.toContain('96px');
  });
});
