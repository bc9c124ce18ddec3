// @vitest-environment happy-dom
/**
 * Issue #21 / #14: a single-line `<input>` is a message box only where the page says it is one (a Send/Post
 * control beside it, no other box with it, nothing naming it a search or a form's field). Search boxes, name
 * fields, sign-in forms and the tag picker's filter are not.
 */
import { describe, expect, it } from 'vitest';
import { findComposers, messageInput, sendControlFor, sendControlNear } from '../../../lib/dojo/page';
import { probePage } from '../../../lib/dojo/probe';
import { doctorReport } from '../../../lib/dojo/doctor';
import { parseDojoLocation } from '../../../lib/dojo/routes';

const ids = () => findComposers(document).map((el) => el.id);
const page = (html: string) => (document.body.innerHTML = `<div id="reactApplication">${html}</div>`);

describe('a single-line input as the message box', () => {
  it('is one beside its Send control: by our guess, by the Send button’s name, in a form, in Welsh, with no type', () => {
    page(`<div data-name="messageComposer"><input type="text" id="guess" placeholder="Write a message"><button data-name="messageComposerSendButton">➤</button></div>`);
    expect(ids()).toEqual(['guess']);
    page(`<div><div><input type="text" id="chat" aria-label="Write a message"></div><button>Send</button></div>`);
    expect(ids()).toEqual(['chat']);
    page(`<form><input id="form" autocomplete="off"><button type="submit">Send message</button></form>`);
    expect(ids()).toEqual(['form']);
    expect(sendControlFor(document.getElementById('form')!)?.textContent).toBe('Send message');
    page(`<section><input type="text" id="cy" placeholder="Ysgrifennwch neges…"><button aria-label="Anfon"><svg></svg></button></section>`);
    expect(ids()).toEqual(['cy']);
    expect(sendControlNear(document.getElementById('cy')!, document)?.getAttribute('aria-label')).toBe('Anfon');
  });

  it('is not a search box, a filter, a name or address field, or a sign-in form', () => {
    for (const [what, html] of [
      ['a search by its words', `<div><input type="text" id="x" placeholder="Search messages"><button>Send</button></div>`],
      ['a search region', `<div role="search"><input type="text" id="x"><button>Send</button></div>`],
      ['a search box by role', `<div><input type="text" role="searchbox" id="x"><button>Send</button></div>`],
      ['a picker’s combobox', `<div><input type="text" role="combobox" aria-autocomplete="list" id="x"><button>Post</button></div>`],
      ['a field the browser fills in', `<div><input type="text" autocomplete="given-name" id="x"><button>Send</button></div>`],
      ['a name field', `<div><input type="text" name="studentName" id="x"><button>Share</button></div>`],
      ['an e-mail field', `<div><input type="text" placeholder="Parent’s email address" id="x"><button>Send</button></div>`],
      ['a Welsh search', `<div><input type="text" placeholder="Chwilio" id="x"><button>Anfon</button></div>`],
      ['a sign-in form', `<form><input type="text" id="x"><input type="password"><button>Send</button></form>`],
      ['two boxes (a form, not a message box)', `<form><input type="text" id="x"><input type="text" id="y"><button>Send</button></form>`],
      ['no Send control near', `<div><input type="text" id="x" placeholder="Write a message"><button>Save</button></div>`],
      ['a read-only link to share', `<div><input type="text" id="x" readonly><button>Share</button></div>`],
    ]) {
      page(html!);
      expect(ids(), what).toEqual([]);
    }
  });

  it('beside a textarea composer, an input is a title or a filter: the textarea is the box', () => {
    page(`<div data-name="storyComposer"><input type="text" id="title"><textarea id="box"></textarea><button data-name="storyComposerPostButton">Post</button></div>`);
    expect(ids()).toEqual(['box']);
  });

  it('keeps the box beside a tag picker’s filter, and a search box elsewhere on the page is none', () => {
    page(`<header><input type="text" id="search" placeholder="Search"></header>
      <div data-name="storyComposer"><input type="text" id="box" placeholder="Share something…">
        <div data-name="studentTagPicker"><input type="text" id="filter" placeholder="Find a student"><label><input type="checkbox"> A</label></div>
        <button data-name="storyComposerPostButton">Post</button></div>`);
    expect(ids()).toEqual(['box']);
    expect(messageInput(document.getElementById('filter') as HTMLInputElement)).toBe(false);
    // A search box with no words for it, in the conversation's card: the nearest part with a Send control holds the
    // message box too, so it is none by structure alone.
    page(`<div class="card"><div><input type="text" id="find"><button>Go</button></div><div class="bubbles"></div>
      <div><input type="text" id="box"><button>Send</button></div></div>`);
    expect(ids()).toEqual(['box']);
  });

  it('is reported by the page doctor: found, how, and as a one-line box', () => {
    page(`<div data-name="messageThreadHeader" data-participant-count="29"></div>
      <div data-name="messageComposer"><input type="text" id="box"><button data-name="messageComposerSendButton">Send</button></div>`);
    const facts = probePage(document, parseDojoLocation('https://teach.classdojo.com/#/classes/c1/messaging/g1'));
    expect(facts.composers).toMatchObject([{ tier: 'guess', editor: 'input', send: 'guess' }]);
    const report = doctorReport(facts);
    expect(report.parts.find((p) => p.id === 'composer')).toMatchObject({ found: true, how: 'guess', detail: { key: 'doctorComposerInput' } });
    expect(report.mismatch).toBeUndefined();
    page(`<div><input type="text" id="box"><button>Send</button></div>`);
    expect(probePage(document, parseDojoLocation('https://teach.classdojo.com/#/classes/c1/messaging/g1')).composers).toMatchObject([{ tier: 'generic', editor: 'input', send: 'generic' }]);
  });
});
