// @vitest-environment happy-dom
/**
 * Probe 21f N3, N4, N7 and 21e D12: the outline keeps, as word classes, the words the page doctor's verdict
 * rests on (an opener's name, an error page's words, "Loading…", a photo or tag control's name), so
 * `to-fixture` writes a page the doctor reads the same way; and it marks as a composer only a box the doctor
 * would use. Each case: the page → its outline → the fixture → the same verdict.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { outlineOfHtml } from '../../../cli/outline';
import { doctorReport } from '../../../lib/dojo/doctor';
import { buildOutline, outlineJson, withDoctorVerdict, WORD_CLASSES, wordClass, type Outline, type OutlineNode } from '../../../lib/dojo/outline';
import { labelStandIn, outlineToFixture } from '../../../lib/dojo/outline-fixture';
import { noComposerReason, probePage } from '../../../lib/dojo/probe';
import { parseDojoLocation } from '../../../lib/dojo/routes';

const STORY = 'https://teach.classdojo.com/#/classes/c1/story';
const route = parseDojoLocation(STORY);
const nav = '<nav><a href="#/a">Class Story</a><a href="#/b">Messages</a><a href="#/c">Points and reports</a><a href="#/d">Settings</a></nav>';
const post = (i: number, words = `Our kites flew over the field ${i}.`) =>
  `<div data-name="storyPost" role="article" aria-label="Story post"><div data-name="storyPostHeader"><h3>Mr Lindqvist</h3></div><div data-name="storyPostContents"><span data-name="richText">${words}</span></div></div>`;

/** The page's outline (as the extension makes it), and the fixture `to-fixture` writes from it, drawn into the document. */
function roundTrip(html: string): { outline: Outline; json: string } {
  document.body.innerHTML = html;
  const outline = withDoctorVerdict(buildOutline(document, { href: STORY, source: 'extension', guard: 'test' }), doctorReport(probePage(document, route)));
  const fixture = outlineToFixture(outline, 'round-trip');
  document.body.innerHTML = fixture.slice(fixture.indexOf('<body>') + 6, fixture.indexOf('<script type="module"'));
  return { outline, json: outlineJson(outline) };
}

function nodes(o: Outline): OutlineNode[] {
  const all: OutlineNode[] = [];
  const stack = o.regions.map((r) => r.node);
  while (stack.length) {
    const n = stack.pop()!;
    all.push(n);
    stack.push(...(n.children ?? []));
  }
  return all;
}

describe('word classes: a stand-in of the same classes (probe 21f N3, N4)', () => {
  it('the stand-in to-fixture writes for a $label: placeholder is read back as the same placeholder', () => {
    for (const p of ['$label:opener', '$label:opener+photo', '$label:opener+tag', '$label:photo', '$label:tag', '$label:photo+tag', '$label:error', '$label:loading', '$label:loading+error']) {
      expect(wordClass(labelStandIn(p)), p).toBe(p);
    }
    expect(WORD_CLASSES).toEqual(['loading', 'error', 'opener', 'photo', 'tag']);
  });

  it('classes, never words: "Share a photo or video" is $label:opener+photo and none of its words is in the outline', () => {
    expect(wordClass('Share a photo or video')).toBe('$label:opener+photo');
    expect(wordClass('Add photo')).toBe('$label:photo');
    expect(wordClass('Tag students')).toBe('$label:tag');
    expect(wordClass('We will try again next week')).toBe('$label:error');
    expect(wordClass('Well done Amelia')).toBeUndefined();
  });
});

describe('the round trip keeps the doctor’s verdict', () => {
  beforeEach(() => (document.body.innerHTML = ''));
  afterEach(() => (document.body.innerHTML = ''));

  it('an opener named "Share a photo or video", an icon "+" named "Create": no notice on the page, none on the fixture (N3)', () => {
    for (const control of ['<button type="button">Share a photo or video</button>', '<button type="button" aria-label="Create"><svg></svg>+</button>', '<button type="button"><svg></svg><span>New post</span></button>']) {
      const html = `<div id="reactApplication"><main>${nav}<h1>Willow Class</h1><div>${control}</div><section>${post(1)}${post(2)}</section></main></div>`;
      document.body.innerHTML = html;
      expect(noComposerReason(document), control).toBe('opener');
      const { outline, json } = roundTrip(html);
      expect(outline.noComposer, control).toBe('opener');
      expect(json).not.toMatch(/Share a photo|Create|New post|kites|Lindqvist/);
      expect(noComposerReason(document), `fixture of ${control}`).toBe('opener');
      expect(doctorReport(probePage(document, route)).mismatch, control).toBeUndefined();
    }
  });

  it('an error page and a loading line: the same reason on the fixture; a post saying "try again" stays $text (N3)', () => {
    for (const [reason, html] of [
      ['error', `<div id="reactApplication"><main>${nav}<div role="alert"><h2>Oops! We couldn’t load your class</h2><p>Check your connection.</p></div></main></div>`],
      ['loading', `<div id="reactApplication"><main>${nav}<h1>Willow Class</h1><section><p>Loading your class story…</p></section></main></div>`],
    ] as const) {
      document.body.innerHTML = html;
      expect(noComposerReason(document), reason).toBe(reason);
      const { outline } = roundTrip(html);
      expect(outline.noComposer).toBe(reason);
      expect(noComposerReason(document), `fixture: ${reason}`).toBe(reason);
    }
    // In a recognised post, error words are a post's words: outlined as text, so a feed keeps one shape.
    const { outline } = roundTrip(`<div id="reactApplication"><main><div data-name="storyComposer"><textarea></textarea><button>Post</button></div><section>${post(1, 'We will try again next week if it rains.')}${post(2)}</section></main></div>`);
    expect(nodes(outline).some((n) => n.text?.startsWith('$label'))).toBe(false);
  });

  it('a dialog whose photo control is known only by its label keeps its photo and tag rows on the fixture (N4)', () => {
    const html = `<div id="reactApplication"><main>${nav}<section>${post(1)}</section></main></div><div><div role="dialog" aria-modal="true" aria-label="Make a post"><textarea aria-label="Say something"></textarea><button type="button" aria-label="Add photo">+</button><button type="button">Post</button></div></div>`;
    document.body.innerHTML = html;
    const before = doctorReport(probePage(document, route));
    const rows = (r: typeof before) => r.parts.filter((p) => p.id === 'tagged-pupils' || p.id === 'attachments').map((p) => [p.id, p.found, p.needed]);
    expect(rows(before)).toHaveLength(2);
    const { outline } = roundTrip(html);
    expect(nodes(outline).find((n) => n.attrs?.['aria-label']?.startsWith('$label'))?.attrs?.['aria-label']).toBe('$label:photo');
    expect(outline.missing).toEqual(expect.arrayContaining(['taggedStudent', 'attachment']));
    expect(rows(doctorReport(probePage(document, route)))).toEqual(rows(before));
  });
});

describe('only a box the doctor would use is outlined as a composer (probe 21f N7)', () => {
  it('a hidden, inert, aria-hidden, display:none, disabled or read-only box is no composer, in the DOM and the saved HTML', () => {
    for (const box of ['<textarea hidden></textarea>', '<div hidden><textarea></textarea></div>', '<div inert><textarea></textarea></div>', '<textarea aria-hidden="true"></textarea>', '<textarea style="display: none"></textarea>', '<textarea disabled></textarea>', '<textarea readonly></textarea>', '<div style="visibility:hidden"><div contenteditable="true"></div></div>']) {
      const html = `<html><body><div id="reactApplication"><main>${box}<section>${post(1)}</section></main></div></body></html>`;
      document.body.innerHTML = html;
      for (const o of [buildOutline(document, { href: STORY, source: 'saved-page', guard: 'test' }), outlineOfHtml(html, STORY)]) {
        expect(nodes(o).some((n) => n.seen?.some((s) => s.startsWith('composer:'))), box).toBe(false);
        expect(o.missing, box).toContain('composer');
      }
    }
    document.body.innerHTML = `<div id="reactApplication"><main><textarea></textarea></main></div>`;
    expect(nodes(buildOutline(document, { href: STORY, source: 'saved-page', guard: 'test' })).some((n) => n.seen?.includes('composer:generic'))).toBe(true);
  });
});

describe('a text box named "Share" is no Send control (probe 21e D12)', () => {
  it('a textarea’s aria-label "Share" is $text; a button’s is $sendLabel', () => {
    document.body.innerHTML = `<div id="reactApplication"><main><textarea aria-label="Share"></textarea><button aria-label="Share"></button></main></div>`;
    const all = nodes(buildOutline(document, { href: STORY, source: 'saved-page', guard: 'test' }));
    expect(all.find((n) => n.tag === 'textarea')?.attrs?.['aria-label']).toBe('$text');
    expect(all.find((n) => n.tag === 'button')?.attrs?.['aria-label']).toBe('$sendLabel');
  });
});
