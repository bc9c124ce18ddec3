// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { appRootIsVerified, composerContainer, composerText, sendControlFor, findAppRoot, findComposers, findFeedItems, ineligibleReasons, readFeedItem } from '../../../lib/dojo/page';
import { SELECTORS } from '../../../lib/dojo/selectors';

describe('ineligibleReasons', () => {
  const ok = { visible: true, disabled: false, readOnly: false, insideAppRoot: true };
  it('qualifies a visible, writable field in the app', () => expect(ineligibleReasons(ok)).toEqual([]));
  it('names every reason a field does not qualify', () => {
    expect(ineligibleReasons({ visible: false, disabled: true, readOnly: true, insideAppRoot: false })).toEqual([
      'hidden',
      'disabled',
      'read-only',
      'outside-app',
    ]);
  });
});

// happy-dom reports every element as visible, so hidden composers are covered by the e2e tests.
describe('findComposers', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  // Probe 14h H3: one attribute of the page's own switched checking off.
  it('is not turned away by an attribute or ARIA state a page script can set', () => {
    document.documentElement.setAttribute('data-wxt-shadow-root', '');
    document.body.innerHTML = `
      <div id="reactApplication" data-wxt-shadow-root>
        <textarea id="a"></textarea>
        <div id="b" contenteditable="true" aria-readonly="true" aria-disabled="true"></div>
        <div id="c" contenteditable="false"></div>
        <textarea id="d" readonly></textarea>
        <textarea id="e" disabled></textarea>
        <div id="g" contenteditable="plaintext-only"><p contenteditable="true">nested</p></div>
        <div id="h" contenteditable="TRUE"></div>
        <div id="i" contenteditable="False"></div>
      </div>
      <policy-guard-x><div role="dialog"><textarea id="f"></textarea></div></policy-guard-x>`;
    try {
      expect(findComposers(document).map((el) => el.id)).toEqual(['a', 'b', 'g', 'h', 'f']);
    } finally {
      document.documentElement.removeAttribute('data-wxt-shadow-root');
    }
  });

  it('finds textareas and contenteditables inside the React root, not outside it', () => {
    document.body.innerHTML = `
      <textarea id="outside"></textarea>
      <div id="reactApplication">
        <textarea id="a"></textarea>
        <div id="b" contenteditable="true"><p contenteditable="true">nested</p></div>
        <textarea id="off" disabled></textarea>
        <textarea id="ro" readonly></textarea>
      </div>`;
    expect(findComposers(document).map((el) => el.id)).toEqual(['a', 'b']);
  });

  it('puts the focused composer first', () => {
    document.body.innerHTML = `<div id="reactApplication"><textarea id="a"></textarea><textarea id="b"></textarea></div>`;
    document.getElementById('b')!.focus();
    expect(findComposers(document).map((el) => el.id)).toEqual(['b', 'a']);
  });

  it('never finds fields inside the extension’s own UI (closed roots, wherever the host is)', () => {
    document.body.innerHTML = `<div id="reactApplication"><textarea id="theirs"></textarea></div>`;
    for (const parent of [document.body, document.getElementById('reactApplication')!]) {
      const host = document.createElement('policy-guard-ui');
      host.attachShadow({ mode: 'closed' }).innerHTML = '<textarea id="ours"></textarea><div contenteditable="true" id="ours2"></div>';
      parent.append(host);
    }
    expect(findComposers(document).map((el) => el.id)).toEqual(['theirs']);
  });

  it('falls back to <body> when the React root is renamed, and says so', () => {
    document.body.innerHTML = `<div id="app-v2"><textarea id="a"></textarea></div>`;
    expect(appRootIsVerified(document)).toBe(false);
    expect(findAppRoot(document)).toBe(document.body);
    expect(findComposers(document).map((el) => el.id)).toEqual(['a']);
  });
});

describe('composerContainer', () => {
  it('is the composer’s card, where its Send/Post control is; none for a bare field', () => {
    document.body.innerHTML = `<div id="reactApplication">
      <div data-name="messageComposer" id="card"><textarea id="a"></textarea><button data-name="messageComposerSendButton" id="send">Send</button></div>
      <textarea id="bare"></textarea></div>`;
    const a = document.getElementById('a')!;
    expect(composerContainer(a)?.id).toBe('card');
    expect(sendControlFor(a)?.id).toBe('send');
    expect(composerContainer(document.getElementById('bare')!)).toBeUndefined();
  });
});

describe('composerText', () => {
  it('reads a textarea’s value and an editable’s text', () => {
    document.body.innerHTML = `<textarea id="a"></textarea><div id="b" contenteditable="true">Hello <b>Amelia</b></div>`;
    (document.getElementById('a') as HTMLTextAreaElement).value = 'typed';
    expect(composerText(document.getElementById('a')!)).toBe('typed');
    expect(composerText(document.getElementById('b')!)).toContain('Amelia');
  });
});

describe('SELECTORS', () => {
  it('never selects by a generated class name', () => {
    for (const list of Object.values(SELECTORS)) for (const sel of list) expect(sel).not.toMatch(/\.css-|\[class/);
  });
});

describe('reading the items a spot-check reviews', () => {
  beforeEach(() => {
    document.body.innerHTML = `<div id="reactApplication">
      <div data-name="storyPost" role="article"><div data-name="storyPostHeader"><h3>Ms Carter</h3><span title="2026-11-20T14:10:00Z">Fri</span></div>
        <div data-name="storyPostContents"><span data-name="richText">Well done Amelia</span><img src="x.jpg"></div></div>
      <div data-name="messageBubble" data-sender-type="teacher"><span data-name="messageSenderName">Ms Carter</span>
        <span data-name="messageText">See you tomorrow</span><time data-name="messageTime" datetime="2026-11-16T09:05:00Z">09:05</time></div>
      <div data-name="messageBubble" data-sender-type="parent"><span data-name="messageSenderName">Priya Patel</span><span data-name="messageText">Thanks</span></div>
      <div data-name="messageBubble" data-sender-type="teacher"><span data-name="messageText">No time shown</span><time data-name="messageTime" datetime="soon">?</time></div>
    </div>`;
  });

  it('reads a story post’s text, author, time and photos, with an id that is stable across reloads', () => {
    const [post] = findFeedItems(document, 'story');
    const parts = readFeedItem(post!, 'story');
    expect(parts.input).toMatchObject({ text: 'Well done Amelia', author: 'Ms Carter', time: '2026-11-20T14:10:00.000Z', media: 1 });
    expect(readFeedItem(post!, 'story').input.id).toBe(parts.input.id);
  });

  it('reviews only the staff’s bubbles, and reads their sender and time', () => {
    const bubbles = findFeedItems(document, 'messages');
    expect(bubbles).toHaveLength(2);
    expect(readFeedItem(bubbles[0]!, 'messages').input).toMatchObject({ text: 'See you tomorrow', author: 'Ms Carter', time: '2026-11-16T09:05:00.000Z', media: 0 });
    // An unreadable time stamp is no time at all (the hours rule then says nothing), never an error.
    expect(readFeedItem(bubbles[1]!, 'messages').input.time).toBeUndefined();
  });
});
