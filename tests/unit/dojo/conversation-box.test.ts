// @vitest-environment happy-dom
/**
 * "Put this reply in the message box" goes only into the open conversation's own box (probe 14d #5: a box
 * the page prepended got a reply naming a child's absence). lib/dojo/page.ts conversationComposer.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { conversationComposer } from '../../../lib/dojo/page';

const MESSAGE = 'Amelia is off sick today';

/** A teacher's conversation as the fixtures draw it: header, bubbles, then the message box; `extra` where asked. */
function thread(opts: { before?: string; inside?: string; inList?: string; inBubble?: string; after?: string; box?: boolean } = {}) {
  document.body.innerHTML = `
    <div id="reactApplication">
      ${opts.before ?? ''}
      <nav><ul data-name="conversationList"><li><a href="#/classes/c1/messaging/p1">Priya Patel</a></li></ul></nav>
      <div class="card" id="thread">
        ${opts.inside ?? ''}
        <div data-name="messageThreadHeader" data-participant-count="2">Priya Patel</div>
        <div data-name="messageList">
          ${opts.inList ?? ''}
          <div data-name="messageBubble" data-sender-type="teacher"><span data-name="messageText">Hello</span></div>
          <div data-name="messageBubble" data-sender-type="parent"><span data-name="messageSenderName">Priya Patel</span><span data-name="messageText">${MESSAGE}</span>${opts.inBubble ?? ''}</div>
        </div>
        ${opts.box === false ? '' : '<div data-name="messageComposer"><textarea id="real" data-name="messageComposerInput"></textarea><button data-name="messageComposerSendButton">Send</button></div>'}
      </div>
      ${opts.after ?? ''}
    </div>`;
}

const DECOY = '<textarea id="decoy" data-name="storyComposerTextarea" placeholder="Share with the whole class"></textarea>';
const id = (r: ReturnType<typeof conversationComposer>) => ('composer' in r ? r.composer.id : r.refused);

describe('the conversation’s own message box', () => {
  beforeEach(() => {
    document.body.innerHTML = '';
  });

  it('is the box under the parent’s message', () => {
    thread();
    expect(id(conversationComposer(document, MESSAGE))).toBe('real');
  });

  it('is still that box when the page puts another box first, or last, outside the conversation', () => {
    thread({ before: DECOY });
    expect(id(conversationComposer(document, MESSAGE))).toBe('real');
    thread({ after: DECOY });
    expect(id(conversationComposer(document, MESSAGE))).toBe('real');
    // A box in a dialog (body level, outside the app root), even focused.
    thread();
    document.body.insertAdjacentHTML('afterbegin', `<div role="dialog">${DECOY}</div>`);
    (document.getElementById('decoy') as HTMLTextAreaElement).focus();
    expect(id(conversationComposer(document, MESSAGE))).toBe('real');
  });

  it('refuses when a second box is inside the conversation, above the message, or in a bubble', () => {
    thread({ inside: DECOY });
    expect(id(conversationComposer(document, MESSAGE))).toBe('several-boxes');
    thread({ inList: DECOY });
    expect(id(conversationComposer(document, MESSAGE))).not.toBe('decoy');
    expect('refused' in conversationComposer(document, MESSAGE)).toBe(true);
    thread({ inBubble: DECOY });
    expect('refused' in conversationComposer(document, MESSAGE)).toBe(true);
  });

  it('refuses when the conversation has no box of its own, even with another box on the page', () => {
    thread({ box: false, before: DECOY });
    expect(id(conversationComposer(document, MESSAGE))).not.toBe('decoy');
    expect('refused' in conversationComposer(document, MESSAGE)).toBe(true);
  });

  it('refuses when the parent’s newest message is no longer the one the reply was for', () => {
    thread();
    expect(id(conversationComposer(document, 'Can we meet on Friday?'))).toBe('moved');
    document.body.innerHTML = '<div id="reactApplication"><textarea id="decoy"></textarea></div>';
    expect(id(conversationComposer(document, MESSAGE))).toBe('moved');
  });
});
