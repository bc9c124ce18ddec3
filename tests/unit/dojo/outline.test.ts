import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { attributeName, attributePlaceholder, buildOutline, OUTLINE_FORMAT, OUTLINE_MAX_BYTES, outlineOfTree, routePattern, textPlaceholder, type Outline } from '../../../lib/dojo/outline';
import { parseSavedHtml } from '../../../lib/dojo/outline-html';
import { SEND_LABELS } from '../../../lib/dojo/selectors';
import { fixtureRoute, outlineToFixture } from '../../../lib/dojo/outline-fixture';
import { FIXTURES_DIR } from '../../e2e/fixture-server';
import { checkOutlinePrivacy, MARKUP_WORDS } from '../../outline-privacy';

const doc = (html: string) => parseHTML(html).document as unknown as Document;
const outline = (html: string, href = 'https://teach.classdojo.com/#/classes/5f3a9b2c1d4e5f6a7b8c9d0e/story') =>
  buildOutline(doc(html), { href, source: 'saved-page', guard: 'test' });

describe('what the outline keeps of a value', () => {
  it('keeps ClassDojo’s component names, roles, states, and the values Policy Guard’s selectors name', () => {
    expect(attributePlaceholder('data-name', 'storyComposer')).toBe('storyComposer');
    expect(attributePlaceholder('data-name', 'post-5f3a9b2c1d4e5f6a')).toBe('post-#');
    expect(attributePlaceholder('role', 'article')).toBe('article');
    expect(attributePlaceholder('aria-modal', 'true')).toBe('true');
    expect(attributePlaceholder('contenteditable', '')).toBe('');
    expect(attributePlaceholder('id', 'reactApplication')).toBe('reactApplication');
    expect(attributePlaceholder('aria-label', 'Story post')).toBe('Story post');
    expect(attributePlaceholder('data-sender-type', 'parent')).toBe('parent');
    expect(attributePlaceholder('class', 'nessie-text css-27mawu')).toBe('nessie-text $class');
  });

  it('replaces every text, id, URL, time and other value', () => {
    expect(attributePlaceholder('aria-label', 'Amelia Hughes 12 points')).toBe('$text');
    expect(attributePlaceholder('aria-label', 'New message from Sarah Hughes')).toBe('$contains:message');
    expect(attributePlaceholder('aria-label', 'Anfon')).toBe('$sendLabel');
    expect(attributePlaceholder('id', 'student-s01')).toBe('$id');
    expect(attributePlaceholder('src', 'https://sphotos.classdojo.com/abc/amelia.jpg')).toBe('$url');
    expect(attributePlaceholder('href', '#/classes/c1/story')).toBe('$url');
    expect(attributePlaceholder('title', '20/11/2026, 15:02:00')).toBe('$time');
    expect(attributePlaceholder('datetime', '2026-11-20T15:02:00Z')).toBe('$time');
    expect(attributePlaceholder('data-participant-count', '29')).toBe('$number:many');
    expect(attributePlaceholder('data-participant-count', '2')).toBe('$number:2');
    expect(attributePlaceholder('data-student', 'Amelia')).toBe('$value');
    expect(attributePlaceholder('role', 'Amelia Hughes!')).toBe('$value');
    expect(attributePlaceholder('data-name', 'Amelia Hughes')).toBe('$value');
    expect(attributePlaceholder('style', 'color: red')).toBe('$value');
    expect(textPlaceholder(' Post ')).toBe('$sendLabel');
    expect(textPlaceholder('29 participants')).toBe('$participants:many');
    expect(textPlaceholder('Well done Amelia')).toBe('$text');
  });

  it('keeps a route’s words and replaces its ids', () => {
    expect(routePattern('https://teach.classdojo.com/#/classes/5f3a/messaging/77b?x=1')).toBe('#/classes/{id}/messaging/{id}');
    expect(routePattern('https://home.classdojo.com/#/story/p1/class/c1')).toBe('#/story/{id}/class/{id}');
    expect(routePattern('not a url')).toBe('');
  });
});

describe('buildOutline', () => {
  it('outlines the regions (the app root, and containers outside it), skipping scripts and Policy Guard’s own UI', () => {
    const o = outline(`<html><body><div id="reactApplication"><div data-name="storyComposer"><textarea placeholder="Share something…"></textarea>
      <button data-name="storyComposerPostButton">Post</button></div></div>
      <div class="portal"><div role="dialog"><textarea></textarea><button>Send</button></div></div>
      <script>secret()</script><policy-guard-ui data-wxt-shadow-root=""><p>ours</p></policy-guard-ui></body></html>`);
    expect(o.regions.map((r) => r.kind)).toEqual(['app-root', 'outside']);
    expect(o.route).toBe('#/classes/{id}/story');
    expect(o.view).toBe('class-story');
    const json = JSON.stringify(o);
    expect(json).not.toMatch(/secret|ours|Share something/);
    const composer = o.regions[0]!.node.children![0]!;
    expect(composer).toMatchObject({ tag: 'div', attrs: { 'data-name': 'storyComposer' }, seen: ['composerContainer:guess'] });
    expect(composer.children![0]).toMatchObject({ tag: 'textarea', attrs: { placeholder: '$text' }, seen: ['composer:guess'] });
    expect(composer.children![1]).toMatchObject({ tag: 'button', text: '$sendLabel', seen: ['sendButton:guess'] });
    expect(o.regions[1]!.node.children![0]!.children![1]).toMatchObject({ tag: 'button', text: '$sendLabel', seen: ['sendButton:generic'] });
  });

  it('collapses siblings of one shape into a count, and stays under its size bound on a feed of 2,000 posts', () => {
    const post = (i: number) => `<div data-name="storyPost" role="article" aria-label="Story post"><div data-name="storyPostHeader"><h3>Ms Carter</h3>
      <span class="nessie-text" title="2026-11-${String((i % 28) + 1).padStart(2, '0')}T10:00:00Z">x</span></div>
      <div data-name="storyPostContents"><span data-name="richText">Post ${i} about Amelia Hughes${i % 3 ? '<br>second line' : ''}</span>${i % 5 ? '' : `<img src="p${i}.jpg">`}</div></div>`;
    const small = outline(`<body><div id="reactApplication"><section>${[1, 2, 3].map(() => post(1)).join('')}</section></div></body>`);
    expect(small.regions[0]!.node.children![0]!.children).toHaveLength(1);
    expect(small.regions[0]!.node.children![0]!.children![0]!.count).toBe(3);
    const big = outline(`<html><body><div id="reactApplication"><section>${Array.from({ length: 2000 }, (_, i) => post(i)).join('')}</section></div></body></html>`);
    const bytes = new TextEncoder().encode(JSON.stringify(big)).length;
    expect(bytes).toBeLessThanOrEqual(OUTLINE_MAX_BYTES);
    expect(big.truncated).toBe(true);
    expect(big.elements).toBeGreaterThan(2000 * 6);
    expect(JSON.stringify(big)).not.toMatch(/Amelia|Hughes|Carter/);
  }, 30_000); // linkedom's DOM of 2,000 posts: seconds on a shared machine

  it('survives hostile markup: 20,000 levels deep, odd attribute names, event handlers', () => {
    const deep = `${'<div>'.repeat(20_000)}x${'</div>'.repeat(20_000)}`;
    const o = outline(`<body><div id="reactApplication">${deep}<img src=x onerror="alert(1)" data-x"y="1"></div></body>`);
    expect(JSON.stringify(o)).not.toContain('onerror');
    expect(JSON.stringify(o).length).toBeLessThanOrEqual(OUTLINE_MAX_BYTES);
  }, 30_000);

  it('on saved fixture pages: no word of the posts, messages or pupils’ names, well under 50 KB', () => {
    for (const name of ['class-story', 'group-chat', 'points']) {
      const html = readFileSync(join(FIXTURES_DIR, 'saved', `${name}.html`), 'utf8');
      expect(html).toMatch(/Amelia|Carter/); // the saved page itself is full of them
      const o = outline(html, 'https://teach.classdojo.com/#/classes/c1/story');
      const check = checkOutlinePrivacy(o);
      expect(check.leaked, name).toEqual([]);
      expect(check.pupils, name).toEqual([]);
      expect(check.shared.filter((w) => !MARKUP_WORDS.has(w)), name).toEqual([]);
      expect(check.bytes, name).toBeLessThan(50 * 1024);
    }
  });
});

describe('outlineToFixture', () => {
  const base: Outline = {
    format: 'policy-guard-outline',
    version: 1,
    guard: 'test',
    app: 'teach',
    view: 'messaging',
    route: '#/classes/{id}/messaging/{id}',
    source: 'extension',
    elements: 3,
    truncated: false,
    regions: [
      {
        kind: 'app-root',
        node: {
          tag: 'div',
          attrs: { id: 'reactApplication' },
          children: [
            { tag: 'div', attrs: { 'data-name': 'messageThreadHeader', 'data-participant-count': '$number:2' }, text: '$participants:2' },
            { tag: 'div', attrs: { 'data-name': 'messageBubble', 'data-sender-type': 'parent' }, text: '$text', count: 4 },
            { tag: 'textarea', attrs: { placeholder: '$text' } },
            { tag: 'button', text: '$sendLabel' },
          ],
        },
      },
    ],
  };

  it('writes each node with stand-ins for its placeholders, repeated by its count', () => {
    const html = outlineToFixture(base, 'chat');
    expect(html).toContain('<div id="reactApplication">');
    expect(html).toContain('data-participant-count="2">2 participants</div>');
    expect(html.match(/data-sender-type="parent"/g)).toHaveLength(4);
    expect(html).toContain('<textarea placeholder="Sample text"></textarea>');
    expect(html).toContain('<button>Send</button>');
    expect(html).toContain('/__fixtures__/outlines/runtime.js');
    expect(fixtureRoute(base)).toBe('#/classes/c1/messaging/g1');
  });

  it('never writes a script, a frame or an event handler, and escapes every value (the outline is from outside)', () => {
    const hostile: Outline = {
      ...base,
      regions: [
        {
          kind: 'app-root',
          node: {
            tag: 'div',
            attrs: { 'data-name': '"><script>alert(1)</script>', onclick: 'alert(1)', 'x"y': '1', style: 'x' },
            text: '</div><script>',
            children: [{ tag: 'script' }, { tag: 'iframe' }, { tag: 'img" onerror="alert(1)' }, { tag: 'p', count: 1_000_000 }],
          },
        },
      ],
    };
    const html = outlineToFixture(hostile, 'x');
    const body = html.slice(html.indexOf('<body>'), html.lastIndexOf('<script type="module"'));
    expect(body).not.toMatch(/<script|<iframe|onclick|onerror|style=/);
    // A value the outline itself would never keep is not written as given (and nothing is unescaped).
    expect(body).toContain('data-name="x"');
    expect(body.match(/<p>/g)!.length).toBeLessThanOrEqual(30);
  });

  it('never writes an address or a made-up selector value from a placeholder (a hand-edited outline)', () => {
    const evil: Outline = { ...base, regions: [{ kind: 'app-root', node: { tag: 'div', children: [{ tag: 'a', attrs: { href: '$prefix:javascript:alert(1)//', 'data-name': '$contains:javascript:alert(1)' } }, { tag: 'button', attrs: { formaction: '$contains:javascript:x', 'aria-label': '$prefix:Send' } }] } }] };
    const html = outlineToFixture(evil, 'evil');
    expect(html).not.toMatch(/javascript:/i);
  });

  it('never writes a raw-text element that would swallow the runtime, nor a route that is not a route', () => {
    const raw: Outline = { ...base, route: '#/</script><script>alert(1)</script>', regions: [{ kind: 'app-root', node: { tag: 'div', children: ['plaintext', 'xmp', 'noembed', 'noframes', 'noscript', 'title'].map((tag) => ({ tag })) } }] };
    const html = outlineToFixture(raw, 'raw');
    const body = html.slice(html.indexOf('<body>'), html.lastIndexOf('<script type="module"'));
    expect(body).not.toMatch(/<(plaintext|xmp|noembed|noframes|noscript|title)/);
    expect(fixtureRoute(raw)).toBe('#//scriptscriptalert1/script');
  });
});

describe('a third support probe: names that are words, and a redesign’s new words', () => {
  it('a page’s own attribute keeps no word a pupil may be called; a data-name that reads as a name is dropped', async () => {
    await import('../../../lib/rules/lexicon-bundled');
    expect(attributePlaceholder('data-student-name', 'Strong')).toBe('$value');
    expect(attributePlaceholder('name', 'Small')).toBe('$value');
    expect(attributePlaceholder('data-user-name', 'Em')).toBe('$value');
    expect(attributePlaceholder('name', 'Banner')).toBe('$value');
    expect(attributePlaceholder('data-state', 'open')).toBe('open');
    expect(attributePlaceholder('aria-expanded', 'true')).toBe('true');
    for (const v of ['richPage', 'graceDay']) expect(attributePlaceholder('data-name', v), v).toBe('$value');
  });

  it('free-text and id-reference attributes keep no word (aria-rowindextext="small strong", for="strong")', () => {
    expect(attributePlaceholder('aria-rowindextext', 'small strong')).toBe('$value');
    expect(attributePlaceholder('aria-braillelabel', 'link')).toBe('$value');
    expect(attributePlaceholder('content', 'banner')).toBe('$value');
    expect(attributePlaceholder('for', 'strong')).toBe('$id');
    expect(attributePlaceholder('lang', 'en-GB')).toBe('en-gb');
    expect(attributePlaceholder('aria-haspopup', 'dialog')).toBe('dialog');
  });

  it('a list of numbered components groups, and any page outlines under the bound', () => {
    const items = Array.from({ length: 3000 }, (_, i) => `<div data-name="listItem${i}"><span>x</span></div>`).join('');
    const { document } = parseHTML(`<html><body><div id="reactApplication"><div data-name="storyFeed">${items}</div></div>${Array.from({ length: 3000 }, (_, i) => `<div class="c${i}"><p>${i}</p></div>`).join('')}</body></html>`);
    const o = buildOutline(document as unknown as Document, { href: 'https://teach.classdojo.com/#/classes/c1/story', source: 'extension', guard: 't' });
    expect(JSON.stringify(o)).toContain('"data-name":"listItem#"');
    expect(new TextEncoder().encode(JSON.stringify(o)).length).toBeLessThanOrEqual(OUTLINE_MAX_BYTES);
  });

  it('keeps the names a redesign gives its new parts', () => {
    for (const v of ['publishStoryButton', 'storyEntry', 'taggedPupils', 'pupilTagPicker', 'shareButton', 'writePostBox', 'attachmentPicker', 'mediaUploader', 'studentPicker', 'composeMessage', 'audienceSelector', 'visibilitySelector', 'attachPhotoButton', 'pageHeader']) {
      expect(attributePlaceholder('data-name', v), v).toBe(v);
    }
  });
});

describe('names that look like data are not kept (a support probe’s leaks)', () => {
  it('keeps component names, never a person’s name in data-name or role', () => {
    for (const name of ['Priya', 'LeoWright', 'amelia-hughes', 'leo_wright', 'Amelia', 'amelia']) expect(attributePlaceholder('data-name', name), name).toBe('$value');
    for (const name of ['storyPost', 'messageComposerInput', 'classSwitcherMenu']) expect(attributePlaceholder('data-name', name), name).toBe(name);
    expect(attributePlaceholder('role', 'amelia hughes')).toBe('$value');
    // Shaped like component names, built from a pupil's name (a second support probe's leaks).
    for (const name of ['leoWright', 'studentZephyrine', 'zephyrine-12345678', 'barnaby_2024', 'zephyrineQuillfeather']) expect(attributePlaceholder('data-name', name), name).toBe('$value');
    for (const name of ['data-zephyrine-quillfeather', 'data-barnaby.oak', 'data-oakenshield', 'aria-zephyrine', 'aria-quillfeather', 'aria-barnaby']) expect(attributeName(name), name).toBeUndefined();
    for (const name of ['data-post-id', 'data-participant-count', 'data-testid', 'aria-describedby']) expect(attributeName(name), name).toBe(name);
    expect(attributePlaceholder('role', 'button')).toBe('button');
  });

  it('keeps an enumerated value only when HTML or ARIA gives it, whatever its shape (a support probe: type="amelia")', () => {
    for (const [name, value] of [['type', 'submit'], ['aria-expanded', 'false'], ['dir', 'rtl'], ['autocomplete', 'off'], ['contenteditable', 'plaintext-only'], ['aria-haspopup', 'dialog']]) {
      expect(attributePlaceholder(name!, value!), `${name}=${value}`).toBe(value);
    }
    for (const [name, value] of [['type', 'amelia'], ['autocomplete', 'leo'], ['aria-current', 'priya'], ['dir', 'leo wright'], ['data-state', 'Amelia'], ['inputmode', 'hughes']]) {
      expect(attributePlaceholder(name!, value!), `${name}=${value}`).toBe('$value');
    }
  });

  it('writes no address or unkept value from an edited outline into a fixture', () => {
    const edited: Outline = {
      format: OUTLINE_FORMAT,
      url: { app: 'teach', view: 'class-story' },
      regions: [{ name: 'app', node: { tag: 'a', attrs: { href: 'javascript:alert(1)', 'data-name': 'Amelia Hughes 07700 900123' }, children: [{ tag: 'img', attrs: { src: 'https://evil.example/t.gif' } }] } }],
    } as unknown as Outline;
    const html = outlineToFixture(edited, 'x');
    expect(html).not.toMatch(/javascript:|evil\.example|Amelia|07700/);
  });
});

describe('editor libraries’ marks and icon-only Send buttons (probe 21d D8)', () => {
  const LIBRARIES = `<!DOCTYPE html><html><body><div id="reactApplication">
    <div data-name="storyComposer"><div contenteditable="true" role="textbox" data-lexical-editor="true" aria-placeholder="Write to Zephyrine"><p><span data-lexical-text="true">Zephyrine</span></p></div><button data-name="postButton">Post</button></div>
    <div data-name="messageComposer"><div class="ProseMirror tiptap zephyrine" contenteditable="true" translate="no"><p data-placeholder="Message Zephyrine"></p></div><button aria-label="Send message"><svg width="10" height="10"></svg></button></div>
    <div><div data-slate-editor="true" data-slate-node="value" contenteditable="true"><div data-slate-node="element"><span data-slate-node="text"><span data-slate-leaf="true"><span data-slate-string="true">Zephyrine</span></span></span></div></div><button title="Send"><svg></svg></button></div>
    <div class="DraftEditor-root"><div class="public-DraftEditor-content" contenteditable="true" data-contents="true"><div data-block="true" data-editor="abc12" data-offset-key="zephyrine-0-0"><span data-text="true">Zephyrine Quillfeather</span></div></div></div>
    <div class="ql-container ql-snow"><div class="ql-editor ql-blank" contenteditable="true" data-gramm="false"><p>Zephyrine</p></div></div>
    <div data-slate-node="Zephyrine" data-lexical-editor="Quillfeather" class="ProseMirror-zephyrine"></div>
  </div></body></html>`;

  it('keeps Draft.js, Lexical, ProseMirror, Slate and Quill marks (names and the values the libraries write), and no word of the page', () => {
    for (const o of [outline(LIBRARIES), outlineOfTree(parseSavedHtml(LIBRARIES).tree, { href: 'https://teach.classdojo.com/#/classes/c1/story', source: 'saved-page', guard: 'test' })]) {
      const json = JSON.stringify(o);
      for (const kept of ['"data-lexical-editor":"true"', '"data-lexical-text":"true"', '"class":"ProseMirror tiptap $class"', '"data-slate-editor":"true"', '"data-slate-node":"element"', '"data-slate-node":"text"', '"data-slate-leaf":"true"', '"data-slate-string":"true"', '"class":"DraftEditor-root"', '"class":"public-DraftEditor-content"', '"data-contents":"true"', '"data-block":"true"', '"data-offset-key":"$id"', '"data-editor":"$id"', '"data-text":"true"', '"class":"ql-container ql-snow"', '"class":"ql-editor ql-blank"', '"data-gramm":"false"']) {
        expect(json).toContain(kept);
      }
      // A mark's other values, and a class that only starts like a library's, are placeholders.
      expect(json).toContain('"data-slate-node":"$value"');
      expect(json).toContain('"data-lexical-editor":"$value"');
      expect(json.toLowerCase()).not.toMatch(/zephyrine|quillfeather|abc12/);
      // The icon-only buttons, named "Send message" and (title) "Send", are Send controls.
      expect(json).toContain('"aria-label":"$sendLabel"');
      expect(o.found).toContain('sendButton:generic');
    }
    // Written back as they were: the fixture of the outline keeps the editor's marks.
    const html = outlineToFixture(outline(LIBRARIES), 'libraries');
    expect(html).toContain('data-lexical-editor="true"');
    expect(html).toContain('class="ProseMirror tiptap fx"');
    expect(html).toMatch(/<button aria-label="Send"/);
  });

  it('names a Send control by its action and object, in English, Welsh and the interface’s other languages, and nothing longer', () => {
    for (const yes of ['Send message', 'Post reply', 'send  MESSAGE', 'Anfon neges', 'Post', 'Share']) expect(SEND_LABELS.test(yes), yes).toBe(true);
    // Probe 21e D12: with an article, "now", where it goes, "Reply", and in the other languages.
    for (const yes of ['Send a message', 'Send now', 'Post to Class Story', 'Share post', 'Reply', 'Enviar mensaje', 'Envoyer le message', 'Publicar historia', 'Wyślij wiadomość', 'Anfon nawr']) expect(SEND_LABELS.test(yes), yes).toBe(true);
    for (const no of ['Send message to Amelia', 'Message', 'Sender', 'Post by Ms Carter', 'Share a photo or video', 'Share something with your class…', 'Replying to Amelia']) expect(SEND_LABELS.test(no), no).toBe(false);
  });
});
