// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { channelOf, composerExtras, pointAwardOf, sendControlOf, studentTileNames } from '../../../lib/dojo/page';
import { parseDojoLocation } from '../../../lib/dojo/routes';

const at = (hash: string) => parseDojoLocation(`https://teach.classdojo.com/${hash}`);

describe('channelOf', () => {
  beforeEach(() => (document.body.innerHTML = '<div id="reactApplication"></div>'));

  it('takes story and points channels from the route', () => {
    expect(channelOf(at('#/classes/c1/story'), document)).toEqual({ channel: 'class-story', known: true });
    expect(channelOf(at('#/schools/story'), document)).toEqual({ channel: 'school-story', known: true });
    expect(channelOf(at('#/classes/c1/portfolio'), document)).toEqual({ channel: 'student-story', known: true });
    expect(channelOf(at('#/classes/c1/points'), document)).toEqual({ channel: 'points', known: true });
  });
  it('tells a group chat from a one-to-one by the thread header', () => {
    document.body.innerHTML = '<div id="reactApplication"><div data-name="messageThreadHeader" data-participant-count="29"></div></div>';
    expect(channelOf(at('#/classes/c1/messaging/g1'), document)).toEqual({ channel: 'class-chat', known: true });
    document.body.innerHTML = '<div id="reactApplication"><div data-name="messageThreadHeader">Sarah Hughes <small>2 participants</small></div></div>';
    expect(channelOf(at('#/classes/c1/messaging/p1'), document)).toEqual({ channel: 'private-chat', known: true });
  });
  it('treats a chat it cannot read as the wider audience, and says so', () => {
    expect(channelOf(at('#/classes/c1/messaging/x'), document)).toEqual({ channel: 'class-chat', known: false });
  });
});

describe('the send control, tags, media and awards', () => {
  it('finds Send/Post by our guess, then by role and accessible name (localised too)', () => {
    document.body.innerHTML = `
      <button data-name="storyComposerPostButton"><span id="inner">Post</span></button>
      <button id="send">Send</button><button id="anfon">Anfon</button><div role="button" id="share" aria-label="Share">↗</div>
      <button id="other">Add photo</button>`;
    expect(sendControlOf(document.getElementById('inner'))?.getAttribute('data-name')).toBe('storyComposerPostButton');
    for (const id of ['send', 'anfon', 'share']) expect(sendControlOf(document.getElementById(id))?.id).toBe(id);
    expect(sendControlOf(document.getElementById('other'))).toBeUndefined();
  });
  it('reads the tagged pupils and attachments in the composer’s own container', () => {
    document.body.innerHTML = `<div data-name="storyComposer"><textarea id="t"></textarea>
      <span data-name="composerAttachment">photo1.jpg</span><span data-name="taggedStudent">Harry Davies</span></div>
      <span data-name="taggedStudent">Elsewhere</span>`;
    expect(composerExtras(document.getElementById('t')!)).toEqual({ tagged: ['Harry Davies'], media: 1, known: true });
  });
  it('says when a composer is not one it recognises, so tags and photos cannot be seen', () => {
    document.body.innerHTML = `<form><textarea id="t"></textarea><img src="x.jpg"></form>`;
    expect(composerExtras(document.getElementById('t')!)).toEqual({ tagged: [], media: 0, known: false });
  });
  it('reads a point award’s weight and skill', () => {
    document.body.innerHTML = `<ul><li data-name="point_weight_-1"><button id="b">-1 Off task</button></li></ul>`;
    expect(pointAwardOf(document.getElementById('b'))).toMatchObject({ weight: -1, skill: 'Off task' });
  });
  it('reads pupils’ names from the points page tiles', () => {
    document.body.innerHTML = `<div id="reactApplication"><ul>
      <li><button data-name="studentTile" aria-label="Amelia Hughes 12 points"></button></li>
      <li><button data-name="studentTile" aria-label="Jayden Smith-Walker 1 point"></button></li></ul></div>`;
    expect(studentTileNames(document)).toEqual([
      { first: 'Amelia', last: 'Hughes' },
      { first: 'Jayden', last: 'Smith-Walker' },
    ]);
  });
});
