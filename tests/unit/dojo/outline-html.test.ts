import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { attributeName, buildOutline, MAX_CHILDREN, MAX_READ, outlineOfTree, tagName, type Outline } from '../../../lib/dojo/outline';
import { lastCompound, parseSavedHtml } from '../../../lib/dojo/outline-html';
import { FIXTURES_DIR } from '../../e2e/fixture-server';

const FROM = { href: 'https://teach.classdojo.com/#/classes/5f3a9b2c1d4e/story', source: 'saved-page' as const, guard: 'test' };
/** The fast path: the saved page's HTML read without a DOM. */
const fast = (html: string) => outlineOfTree(parseSavedHtml(html).tree, FROM);
/** The DOM path (the one the extension runs on the live page), on linkedom's DOM of the same HTML. */
const viaDom = (html: string) => buildOutline(parseHTML(html).document as unknown as Document, FROM);

/** Everything that names a person, or is a value, in the broken pages below. */
const SECRETS = ['amelia', 'hughes', 'leo', 'wright', 'priya', 'shah', '07700', 'example.co.uk', 'sports', 'stu_8841', 'photo of'];
const leaks = (o: Outline) => SECRETS.filter((s) => JSON.stringify(o).toLowerCase().includes(s));
const page = (body: string) => `<!DOCTYPE html><html><head><title>Amelia Hughes</title></head><body><div id="reactApplication">${body}</div></body></html>`;

/** Broken markup of the kinds hand-edited or half-saved pages have, each with a person's name in it. */
const BROKEN = [
  // Unquoted values with spaces: their words become attribute names.
  '<div title=3D"Photo of Amelia Hughes and Leo Wright" aria-label=Leo Wright>x</div><img alt=Amelia Hughes src=amelia.jpg>',
  // An unterminated quote swallows the markup after it into the value.
  '<div data-name="storyPost"><span title="Amelia Hughes>Sports Day</span><button>Post</button></div><p>after</p>',
  `<div aria-label='Leo Wright>Leo</div><div data-name="storyComposer"><textarea>Priya Shah 07700 900123</textarea></div>`,
  // Odd characters in attribute names, names with quotes, equals and slashes.
  '<div "amelia"="1" hughes"=x <leo=2 wright/ =priya data-x"shah"=y data-name=storyPost/>t</div>',
  '<button data-name="storyComposerPostButton" amelia/hughes="x" @click="leo" :wright="y" [priya]="z" #shah>Post</button>',
  // A name where a tag should be; tags never closed; stray closing tags; a comment and CDATA with names.
  '<Amelia Hughes>text</Amelia><Leo-Wright class="x">y</Leo-Wright></div></span><p><b>Priya<i>Shah</b></i><!-- Sports Day --><![CDATA[ stu_8841 ]]>',
  // Entities spelling a name, and a name split by an entity.
  '<div title="&#65;melia &amp; Leo" aria-label="Hu&shy;ghes">&#x50;riya</div><a href="mailto:priya.shah@example.co.uk">priya.shah@example.co.uk</a>',
  // Attributes with no end at the end of the file.
  '<div data-name="messageBubble" data-sender-type="parent" title="Priya Shah, 07700 900123',
];

describe('parseSavedHtml: a saved page read without a DOM', () => {
  it('gives the same outline as the DOM path, on the saved fixture pages', () => {
    for (const name of ['class-story', 'group-chat', 'points']) {
      const html = readFileSync(join(FIXTURES_DIR, 'saved', `${name}.html`), 'utf8');
      const a = fast(html);
      const b = viaDom(html);
      expect(a.regions, name).toEqual(b.regions);
      expect(a.elements, name).toBe(b.elements);
      expect(a.regions.length, name).toBeGreaterThan(0);
    }
  });

  it('gives the same outline as the DOM path on broken markup, and leaks none of its names or values', () => {
    for (const body of BROKEN) {
      const html = page(body);
      const a = fast(html);
      expect(a.regions, body).toEqual(viaDom(html).regions);
      expect(leaks(a), body).toEqual([]);
    }
  });

  it('on any mix of tags, attributes, quotes and text (property): never throws, never leaks, same as the DOM path', () => {
    const piece = fc.oneof(
      fc.constantFrom('<div>', '</div>', '<span data-name="storyPost">', '</span>', '<button>', '</button>', 'Post', '<p>', '<br>', '<svg><text>', '</svg>', '<script>', '</script>', '<template>', '</template>', '<div role="dialog">'),
      fc.constantFrom('Amelia', 'Hughes', ' Leo Wright ', 'Priya', '"', "'", '=', '<', '>', '/', ' ', '<div title=', '<img alt=', ' data-x=', ' aria-label="'),
    );
    fc.assert(
      fc.property(fc.array(piece, { maxLength: 40 }), (pieces) => {
        const html = page(pieces.join(''));
        const a = fast(html);
        expect(a.regions).toEqual(viaDom(html).regions);
        expect(leaks(a)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it('finds the regions outside the app root (dialogs, body-level containers), and reads a copied fragment', () => {
    const html = page('<div data-name="storyComposer"><textarea></textarea></div>').replace(
      '</body>',
      '<div class="portal"><div role="dialog"><textarea></textarea><button>Send</button></div></div><script>x()</script><policy-guard-ui data-wxt-shadow-root=""><p>ours</p></policy-guard-ui></body>',
    );
    const o = fast(html);
    expect(o.regions.map((r) => r.kind)).toEqual(['app-root', 'outside']);
    expect(JSON.stringify(o)).not.toMatch(/ours|x\(\)/);
    expect(o.regions).toEqual(viaDom(html).regions);
    // "Copy outerHTML" of the app root in the browser's developer tools: no <html> or <body>.
    const fragment = parseSavedHtml('<div id="reactApplication"><div data-name="storyComposer"><textarea></textarea></div></div>');
    expect(fragment.isPage).toBe(true);
    expect(fragment.tree.regions[0]!.root.attrs).toEqual([['id', 'reactApplication']]);
    expect(parseSavedHtml('Meeting notes: Amelia used <div> tags').isPage).toBe(false);
  });

  it('is linear: 20,000 levels deep and 100,000 elements wide both finish, and are cut to size', () => {
    const deep = page(`${'<div>'.repeat(20_000)}Amelia${'</div>'.repeat(20_000)}`);
    const d = fast(deep);
    expect(d.regions).toEqual(viaDom(deep).regions);
    expect(d.elements).toBe(20_001);
    const wide = page(`<ul>${'<li data-name="storyPost"><span title="Amelia">Hughes</span></li>'.repeat(50_000)}</ul>`);
    // CPU time, not wall time: the machine is shared, and a busy neighbour must not fail this.
    const cpu0 = process.cpuUsage();
    const w = fast(wide);
    const { user, system } = process.cpuUsage(cpu0);
    const ms = (user + system) / 1000;
    expect(w.elements).toBe(100_002);
    // A list is read to its first MAX_CHILDREN items; the rest are counted (probe 21d D9).
    expect(w.regions[0]!.node.children![0]!.children![0]!.count).toBe(MAX_CHILDREN);
    expect(w.regions[0]!.node.children![0]!.more).toBe((50_000 - MAX_CHILDREN) * 2);
    expect(leaks(w)).toEqual([]);
    // Thousands of body-level dialogs beside the app root: each is a region, found without comparing every pair.
    const dialogs = page('<p>x</p>').replace('</body>', `${'<div role="dialog"><div role="dialog"><textarea></textarea></div></div>'.repeat(5_000)}</body>`);
    const many = parseSavedHtml(dialogs);
    expect(many.tree.regions).toHaveLength(5_001);
    expect(fast(dialogs).regions.length).toBeGreaterThanOrEqual(1);
    // A generous bound (about 0.3 s alone); the DOM path took over 10 s on this page.
    expect(ms).toBeLessThan(5_000);
  }, 60_000);
});

describe('a big saved page is read within bounds (probe 21d D9)', () => {
  const post = (i: number) => `<div data-name="storyPost" data-author="Amelia Hughes"><div data-name="storyPostHeader"><span>Amelia ${i}</span><time datetime="2026-11-20T10:00">10:00</time></div><div data-name="richText">Leo Wright did ${i} things<br>and more</div><img src="https://sphotos.classdojo.com/amelia-${i}.jpg" alt="Amelia"></div>`;

  it('reads a list’s first MAX_CHILDREN items and counts the rest, as the DOM path does: the same outline', () => {
    const html = page(`<div data-name="storyComposer"><textarea></textarea><button>Post</button></div><section data-name="storyFeed">${Array.from({ length: 2_500 }, (_, i) => post(i)).join('')}</section><div data-name="storyFeedFooter">x</div>`);
    const a = fast(html);
    const b = viaDom(html);
    expect(a.regions).toEqual(b.regions);
    expect(a.elements).toBe(b.elements);
    expect(a.truncated).toBe(true);
    const json = JSON.stringify(a);
    // The feed: 1,000 posts read (one shape), 1,500 posts of 7 elements counted; what follows the feed is read.
    expect(json).toContain(`"count":${MAX_CHILDREN}}],"more":${1_500 * 7}`);
    expect(json).toContain('"data-name":"storyFeedFooter"');
    expect(a.found).toEqual(expect.arrayContaining(['composer:guess', 'storyPost:verified']));
    expect(leaks(a)).toEqual([]);
  });

  it('keeps at most MAX_CHILDREN items of a list and MAX_READ elements in all, however big the page (100,000 posts)', () => {
    const html = page(`<section data-name="storyFeed">${Array.from({ length: 100_000 }, (_, i) => post(i)).join('')}</section>`);
    const cpu0 = process.cpuUsage();
    const parsed = parseSavedHtml(html);
    const ms = (process.cpuUsage(cpu0).user + process.cpuUsage(cpu0).system) / 1000;
    let kept = 0;
    const stack = parsed.tree.regions.map((r) => r.root);
    while (stack.length) {
      kept++;
      stack.push(...stack.pop()!.children);
    }
    expect(kept).toBeLessThanOrEqual(MAX_CHILDREN * 7 + 10);
    expect(parsed.unread).toBe((100_000 - MAX_CHILDREN) * 7);
    expect(parsed.tree.elements).toBe(100_000 * 7 + 2);
    // A generous bound on a shared machine (about 1.5 s alone for this 37 MB page; it took 10 s before the bounds).
    expect(ms).toBeLessThan(15_000);
    // Past MAX_READ elements in all, what follows is counted: a page of many short lists is bounded too.
    const lists = page(Array.from({ length: 400 }, () => `<ul>${'<li><b>x</b></li>'.repeat(300)}</ul>`).join(''));
    const l = parseSavedHtml(lists);
    expect(l.unread).toBe(400 * 601 + 1 - MAX_READ);
  }, 60_000);
});

describe('lastCompound: the quick check before css-select', () => {
  it('reads the tag and data-name an element must have, and nothing where it cannot be sure', () => {
    expect(lastCompound('[data-name="storyPostHeader"] span.nessie-text:not([title])')).toEqual({ tag: 'span' });
    expect(lastCompound('div[data-name="storyPostContents"] span[data-name="richText"]')).toEqual({ tag: 'span', dataName: 'richText' });
    expect(lastCompound("button[data-name='studentTile']")).toEqual({ tag: 'button', dataName: 'studentTile' });
    expect(lastCompound('[aria-label="Story post"] > [data-name="a b"]')).toEqual({ dataName: 'a b' });
    expect(lastCompound('[data-name="x" i]')).toEqual({});
    expect(lastCompound('textarea, [contenteditable]')).toEqual({});
    expect(lastCompound('[role="textbox"][contenteditable]')).toEqual({});
  });
});

describe('names the outline writes', () => {
  it('keeps HTML’s, ARIA’s and a page’s own names; counts any other', () => {
    for (const name of ['class', 'aria-label', 'aria-modal', 'data-name', 'data-sender-type', 'contenteditable', 'srcset']) expect(attributeName(name), name).toBe(name);
    expect(attributeName('data-v-5f3a9b2c')).toBe('data-v-#');
    for (const name of ['amelia', 'hughes', 'wright"', 'onclick', 'onerror', '"x"', '@click', ':wright', '[priya]', 'data-']) expect(attributeName(name), name).toBeUndefined();
    for (const tag of ['div', 'button', 'svg', 'h3']) expect(tagName(tag), tag).toBe(tag);
    for (const tag of ['amelia', 'leo', 'script"', 'x']) expect(tagName(tag), tag).toBe('unknown');
    for (const tag of ['leo-wright', 'emoji-picker']) expect(tagName(tag), tag).toBe('custom-element');
  });
});
