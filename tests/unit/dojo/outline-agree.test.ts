/**
 * Probe 21e: the outline's `missing` agrees with the page doctor on tagged pupils, attachments, message senders
 * and the thread header (D4), on the live page's DOM and on the saved page's HTML alike; and the outline keeps
 * less of what is not ClassDojo's structure (D6 `lang`, D8 `h2`, D11 Policy Guard's own marks, D13 regions).
 */
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { outlineOfHtml } from '../../../cli/outline';
import { attributePlaceholder, buildOutline, matchesSimple, withDoctorVerdict, type Outline } from '../../../lib/dojo/outline';
import { EXTRAS_CONTROLS, SELECTORS } from '../../../lib/dojo/selectors';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const STORY = 'https://teach.classdojo.com/#/classes/c1/story';
const CHAT = 'https://teach.classdojo.com/#/classes/c1/messaging/g1';
/** The outline of a page both ways: its DOM (as the extension reads it) and its HTML (as `from-html` does). */
const both = (html: string, href: string): Outline[] => [buildOutline(doc(html), { href, source: 'saved-page', guard: 'test' }), outlineOfHtml(html, href)];

const post = `<div data-name="storyPost" role="article" aria-label="Story post"><div data-name="storyPostHeader"><h3>Ms Carter</h3><span class="nessie-text">Class 3</span></div><div data-name="storyPostContents"><span data-name="richText">Hello</span></div></div>`;

describe('the outline’s missing parts are the doctor’s (probe 21e D4)', () => {
  it('a renamed story composer: tagged pupils and attachments are missing, in both readings', () => {
    const html = `<html><body><div id="reactApplication"><main><div data-name="writePostBox"><textarea></textarea><div data-name="taggedPupils"><span data-name="pupilChip">A</span></div><button>Post</button></div>${post}</main></div></body></html>`;
    for (const o of both(html, STORY)) {
      expect(o.missing).toEqual(expect.arrayContaining(['taggedStudent', 'attachment']));
      expect(o.found?.some((f) => f.startsWith('taggedStudent'))).toBe(false);
    }
  });

  it('the known story composer with none tagged: its tags and photos are found (as the doctor: they can be read there)', () => {
    const html = `<html><body><div id="reactApplication"><main><div data-name="storyComposer"><textarea></textarea><button data-name="storyComposerPostButton">Post</button></div>${post}</main></div></body></html>`;
    for (const o of both(html, STORY)) {
      expect(o.missing).toEqual([]);
      expect(o.found).toEqual(expect.arrayContaining(['taggedStudent:guess', 'attachment:guess']));
    }
  });

  it('a teachers’ chat with a renamed header and bubbles that do not say who sent them: the header and senders are missing', () => {
    const html = `<html><body><div id="reactApplication"><main><div data-name="conversationHeader"><h2>Class 3</h2><span>31 participants</span></div>
      <ul><li role="listitem" aria-label="message from a parent">Hi</li><li role="listitem" aria-label="message from a parent">Hello</li></ul>
      <form data-name="composeMessage"><textarea></textarea><button aria-label="Send message"><svg></svg></button></form></main></div></body></html>`;
    for (const o of both(html, CHAT)) expect([...(o.missing ?? [])].sort()).toEqual(['messageSender', 'messageText', 'threadHeader']);
    // Bubbles that say whose they are: the senders are found.
    const told = html.replaceAll('<li role="listitem" aria-label="message from a parent">', '<li data-name="messageBubble" data-sender-type="parent">');
    for (const o of both(told, CHAT)) expect(o.missing).not.toContain('messageSender');
  });

  it('the live outline takes the doctor’s verdict on tags, photos and senders', () => {
    const html = `<html><body><div id="reactApplication"><main><div data-name="storyComposer"><textarea></textarea><button data-name="storyComposerPostButton">Post</button></div>${post}</main></div></body></html>`;
    const o = buildOutline(doc(html), { href: STORY, source: 'extension', guard: 'test' });
    const verdict = withDoctorVerdict(o, {
      parts: [
        { id: 'tagged-pupils', composer: 1, found: false, how: 'none', needed: true },
        { id: 'attachments', composer: 1, found: false, how: 'none', needed: true },
        { id: 'message-senders', found: false, how: 'none', needed: true },
      ],
    });
    expect(verdict.missing).toEqual(expect.arrayContaining(['taggedStudent', 'attachment', 'messageSender']));
    expect(verdict.found?.some((f) => f.startsWith('taggedStudent') || f.startsWith('attachment'))).toBe(false);
  });
});

describe('what the outline keeps that is not ClassDojo’s structure (probe 21e D6, D8, D11, D13)', () => {
  it('lang: a language code and a region or common script, never a page’s word (D6)', () => {
    const kept: [string, string][] = [
      ['en-GB', 'en-gb'],
      ['cy', 'cy'],
      ['es-419', 'es-419'],
      ['zh-Hant', 'zh-hant'],
      ['en-zqlang', 'en'],
      ['en-amelia', 'en'],
      ['en-Amel', 'en'],
      ['amy', '$value'],
      ['leo-GB', '$value'],
      ['fil-PH', 'fil-ph'],
    ];
    for (const [value, want] of kept) expect(attributePlaceholder('lang', value), value).toBe(want);
    const o = both(`<html><body><div id="reactApplication" lang="en-zqlang"><p lang="en-amelia">x</p></div></body></html>`, STORY);
    for (const x of o) expect(JSON.stringify(x)).not.toMatch(/zqlang|amelia/);
  });

  it('an h2 is an event title only inside a card found by its event marks (D8)', () => {
    const html = `<html><body><div id="reactApplication"><main>
      <div data-name="messageThreadHeader"><h2>Class 3</h2></div>
      <div class="card"><div data-name="storyPostHeader"><h3>Ms Carter</h3></div><div><h2>Parents' evening</h2></div><span data-name="formattedDate">Tue</span><a data-name="eventSignupCTA" href="#">Sign up</a></div>
    </main></div><div class="portal"><div role="dialog"><h2>Compose a welcome message</h2><textarea></textarea></div></div></body></html>`;
    for (const o of both(html, STORY)) {
      const titles: string[] = [];
      const walk = (n: { tag: string; seen?: string[]; children?: unknown[] }) => {
        if (n.tag === 'h2') titles.push(n.seen?.includes('eventPostTitle:verified') ? 'title' : 'heading');
        for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
      };
      for (const r of o.regions) walk(r.node);
      expect(titles).toEqual(['heading', 'title', 'heading']);
      expect(o.found).toContain('eventPostTitle:verified');
    }
    // A chat page with only a header h2: no event title found at all.
    const chat = `<html><body><div id="reactApplication"><div data-name="messageThreadHeader"><h2>Class 3</h2></div></div></body></html>`;
    for (const o of both(chat, CHAT)) expect(o.found?.some((f) => f.startsWith('eventPostTitle'))).toBe(false);
  });

  it('leaves out what Policy Guard itself adds: an empty style on a box it watches, its data-policy-guard marks (D11)', () => {
    const html = `<html data-policy-guard-ready=""><body><div id="reactApplication" data-policy-guard-ready=""><div data-name="storyComposer"><textarea style=""></textarea><div contenteditable="true" style="">x</div><p style="color: red">y</p></div></div></body></html>`;
    for (const o of both(html, STORY)) {
      const json = JSON.stringify(o);
      expect(json).not.toContain('data-policy-guard');
      expect(json).not.toContain('$other');
      expect(json.match(/"style"/g)).toHaveLength(1);
    }
  });

  it('with hundreds of body-level containers (too many to fit): keeps the one holding a message box, and says how many were left out (D13)', () => {
    const many = Array.from({ length: 800 }, (_, i) => `<div data-name="item${i}"><span role="status" aria-label="n${i}"><i>${i}</i></span>${'<b><em>x</em></b>'.repeat(i % 7)}</div>`).join('');
    const html = `<html><body><div id="reactApplication"><main><p>feed</p></main></div>${many}<div role="dialog"><textarea></textarea><button>Post</button></div></body></html>`;
    for (const o of both(html, STORY)) {
      expect(o.truncated).toBe(true);
      expect(JSON.stringify(o).length).toBeLessThan(48 * 1024);
      const outside = o.regions.filter((r) => r.kind === 'outside');
      expect(outside.length).toBeGreaterThanOrEqual(1);
      expect(JSON.stringify(outside)).toContain('composer:generic');
      expect(o.regionsLeftOut).toBe(801 - outside.length);
    }
  }, 30_000);
});

/** Where our selectors see a composer, in an outline: each node's `seen` with its tag. */
function composersIn(o: Outline): string[] {
  const out: string[] = [];
  const walk = (n: { tag: string; seen?: string[]; children?: unknown[] }) => {
    for (const s of n.seen ?? []) if (s.startsWith('composer:')) out.push(`${n.tag} ${s}`);
    for (const c of (n.children ?? []) as (typeof n)[]) walk(c);
  };
  for (const r of o.regions) walk(r.node as never);
  return out.sort();
}

describe('a saved page finds what the live outline finds (probe 21)', () => {
  const chat = (box: string, extra = '') =>
    `<!doctype html><html><body><div id="reactApplication"><main>${extra}<div class="thread"><h2>Class 3</h2></div><div class="compose">${box}<button type="button" aria-label="Send"><svg viewBox="0 0 1 1"></svg></button></div></main></div></body></html>`;

  it('a one-line input beside a Send control is a message box, in both readings (M1)', () => {
    const html = chat('<input type="text" aria-label="Message" placeholder="Type a message" autocomplete="off">');
    for (const o of both(html, CHAT)) {
      expect(composersIn(o)).toEqual(['input composer:generic']);
      expect(o.missing).not.toContain('composer');
    }
  });

  it('beside a search box elsewhere on the page: the message input is one, the search box is not (M1)', () => {
    const html = chat('<input type="text" aria-label="Message">', '<div class="search"><input type="search" aria-label="Search messages"><button type="button" aria-label="Search">s</button></div>');
    for (const o of both(html, CHAT)) expect(composersIn(o)).toEqual(['input composer:generic']);
  });

  it('a search box, a filter, or an input beside another text box is no message box, even beside a Send control (M1)', () => {
    for (const box of ['<input type="text" aria-label="Search messages">', '<input type="text" placeholder="Filter">', '<input role="combobox">', '<input type="text" name="q"><textarea></textarea>']) {
      for (const o of both(chat(box), CHAT)) expect(composersIn(o).filter((s) => s.startsWith('input')), box).toEqual([]);
    }
  });

  it('a one-line input with no Send control near it is no message box (M1)', () => {
    const html = `<!doctype html><html><body><div id="reactApplication"><main><input type="text" aria-label="Message"></main></div></body></html>`;
    for (const o of both(html, CHAT)) {
      expect(composersIn(o)).toEqual([]);
      expect(o.missing).toContain('composer');
    }
  });

  it('a post box in a body-level dialog beside a photo control: its tags and photos are missing, as the doctor says (M2)', () => {
    const html = `<!doctype html><html><body><div id="reactApplication"><main><h1>Class 3</h1>${post}</main></div>
      <div class="portal"><div role="dialog" aria-modal="true" aria-label="New post"><div><textarea aria-label="Share something with your class"></textarea><button type="button" aria-label="Add photo">p</button><button type="button">Post</button></div></div></div></body></html>`;
    for (const o of both(html, STORY)) expect(o.missing).toEqual(expect.arrayContaining(['taggedStudent', 'attachment']));
    // A dialog's box with no tag or photo control (a welcome message): none asked of it.
    const plain = html.replace('<button type="button" aria-label="Add photo">p</button>', '');
    for (const o of both(plain, STORY)) expect(o.missing).not.toContain('taggedStudent');
  });

  it('reads EXTRAS_CONTROLS and the dialog selectors as simple selectors (matchesSimple throws on any other form)', () => {
    const el = (tag: string, attrs: [string, string][]) => ({ tag, attrs, text: '', children: [], seen: [] });
    expect(matchesSimple(el('input', [['type', 'file']]), EXTRAS_CONTROLS)).toBe(true);
    expect(matchesSimple(el('div', [['data-name', 'addPhotoButton']]), EXTRAS_CONTROLS)).toBe(true);
    expect(matchesSimple(el('input', [['type', 'text']]), EXTRAS_CONTROLS)).toBe(false);
    expect(matchesSimple(el('div', [['aria-modal', 'true']]), SELECTORS.dialogPortal.join(', '))).toBe(true);
    expect(() => matchesSimple(el('div', []), 'div > span')).toThrow();
  });
});
