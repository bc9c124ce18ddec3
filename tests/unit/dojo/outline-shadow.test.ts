// @vitest-environment happy-dom
/**
 * A composer moved into a component's open shadow root (a support probe's redesign): the outline shows the
 * root and what is in it, and the fixture written from it attaches the same root (declarative shadow DOM),
 * so the round trip gives the same page to the doctor.
 */
import { describe, expect, it } from 'vitest';
import { buildOutline, SHADOW_ROOT, type OutlineNode } from '../../../lib/dojo/outline';
import { outlineToFixture } from '../../../lib/dojo/outline-fixture';

function find(node: OutlineNode, tag: string): OutlineNode | undefined {
  if (node.tag === tag) return node;
  for (const c of node.children ?? []) {
    const f = find(c, tag);
    if (f) return f;
  }
  return undefined;
}

describe('open shadow roots in the outline', () => {
  it('are outlined under their host, and written back as declarative shadow roots', () => {
    document.body.innerHTML = '<div id="reactApplication"><story-composer></story-composer></div>';
    const host = document.querySelector('story-composer')!;
    host.attachShadow({ mode: 'open' }).innerHTML = '<div data-name="storyComposer"><textarea placeholder="Share something, Amelia"></textarea><button>Post</button></div>';
    const outline = buildOutline(document, { href: 'https://teach.classdojo.com/#/classes/c1/story', source: 'extension', guard: 'test' });
    const root = find(outline.regions[0]!.node, SHADOW_ROOT);
    expect(root).toBeDefined();
    expect(find(root!, 'textarea')).toBeDefined();
    expect(JSON.stringify(outline)).not.toContain('Amelia');
    const html = outlineToFixture(outline, 'shadow');
    expect(html).toMatch(/<custom-element><template shadowrootmode="open"><div data-name="storyComposer"><textarea/);
  });
});
