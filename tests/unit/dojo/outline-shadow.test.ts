// @vitest-environment happy-dom
/**
 * A composer moved into a component's open shadow root (a support probe's redesign): the outline shows the
 * root and what is in it, and the fixture written from it attaches the same root (declarative shadow DOM),
 * so the round trip gives the same page to the doctor.
 */
import { describe, expect, it } from 'vitest';
import { buildOutline, outlineOfTree, SHADOW_ROOT, withDoctorVerdict, type OutlineNode } from '../../../lib/dojo/outline';
import { parseSavedHtml } from '../../../lib/dojo/outline-html';
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

describe('a saved page’s declarative shadow roots (probe 21d D4, D6)', () => {
  const FROM = { href: 'https://teach.classdojo.com/#/classes/c1/story', source: 'saved-page' as const, guard: 'test' };
  const COMPOSER = '<div data-name="storyComposer"><textarea placeholder="Share something, Amelia"></textarea><button>Post</button></div>';
  const saved = (attr: string) =>
    `<!DOCTYPE html><html><body><div id="reactApplication"><p>Class 3</p><story-composer data-x="1"><template ${attr}>${COMPOSER}</template><span>light</span></story-composer><div data-name="storyPost"><span data-name="richText">Amelia Hughes</span></div></div></body></html>`;

  it('are read as the live page’s: the same regions, elements and verdict as the DOM of the same page', () => {
    document.body.innerHTML = '<div id="reactApplication"><p>Class 3</p><story-composer data-x="1"><span>light</span></story-composer><div data-name="storyPost"><span data-name="richText">Amelia Hughes</span></div></div>';
    document.querySelector('story-composer')!.attachShadow({ mode: 'open' }).innerHTML = COMPOSER;
    const live = buildOutline(document, { ...FROM, source: 'extension' });
    // Chrome's MHTML writes `shadowmode`; the HTML standard and to-fixture write `shadowrootmode`.
    for (const attr of ['shadowrootmode="open"', 'shadowmode="open"', 'SHADOWROOTMODE="Open"']) {
      const fromFile = outlineOfTree(parseSavedHtml(saved(attr)).tree, FROM);
      expect(fromFile.regions, attr).toEqual(live.regions);
      expect(fromFile.elements, attr).toBe(live.elements);
      expect(find(fromFile.regions[0]!.node, SHADOW_ROOT), attr).toBeDefined();
      expect(JSON.stringify(fromFile)).not.toContain('Amelia');
      for (const o of [fromFile, live]) {
        // Policy Guard does not look into shadow roots: the composer there is not found, and is said to be there.
        expect(o.found).not.toEqual(expect.arrayContaining([expect.stringMatching(/^composer:/)]));
        expect(o.missing).toEqual(expect.arrayContaining(['composer', 'sendButton']));
        expect(o.enclosed).toEqual(expect.arrayContaining(['composer:guess', 'sendButton:generic']));
      }
    }
  });

  it('a closed one is passed over, as it cannot be read on the live page; the template of no root is no element', () => {
    const closed = outlineOfTree(parseSavedHtml(saved('shadowrootmode="closed"')).tree, FROM);
    expect(JSON.stringify(closed)).not.toContain(SHADOW_ROOT);
    expect(JSON.stringify(closed)).not.toContain('textarea');
    // Only a host's first declarative root attaches; a second is a plain template.
    const twice = outlineOfTree(parseSavedHtml(saved('shadowrootmode="open"').replace('<span>light</span>', `<template shadowrootmode="open"><textarea></textarea></template><span>light</span>`)).tree, FROM);
    expect(JSON.stringify(twice).match(/shadow-root/g)).toHaveLength(1);
  });

  it('the live outline takes the doctor’s verdict: a part the doctor cannot use is missing, not found', () => {
    const outline = { ...buildOutline(document, { ...FROM, source: 'extension' }), found: ['composer:generic', 'sendButton:guess', 'storyPost:verified'], missing: [] };
    const verdict = withDoctorVerdict(outline, {
      parts: [
        { id: 'composer', found: false, how: 'none', needed: true },
        { id: 'story-posts', found: true, how: 'verified', needed: false },
      ],
    });
    expect(verdict.found).toEqual(['sendButton:guess', 'storyPost:verified']);
    expect(verdict.missing).toEqual(['composer']);
    // A composer found, without its own Post button: the button is missing, though one is seen elsewhere.
    const noSend = withDoctorVerdict(outline, {
      parts: [
        { id: 'composer', composer: 1, found: true, how: 'generic', needed: true },
        { id: 'send-control', composer: 1, found: false, how: 'none', needed: true },
      ],
    });
    expect(noSend.missing).toEqual(['sendButton']);
    expect(noSend.found).toEqual(['composer:generic', 'storyPost:verified']);
  });
});
