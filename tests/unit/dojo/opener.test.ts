// @vitest-environment happy-dom
/**
 * Openers (the control that opens the real message box) known by role and structure, the verb list only a weak
 * sign among others (issue #21, probe 21g): varied wordings, Welsh, and names with no verb at all.
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { isOpener, noComposerReason, openerName } from '../../../lib/dojo/probe';

const post = (i: number) => `<div data-name="storyPost" role="article" aria-label="Story post"><div data-name="storyPostContents"><span data-name="richText">A post of some length number ${i}</span></div></div>`;
const nav = '<nav><a href="#">Class Story</a><a href="#">Messages</a><a href="#">Points and reports</a><a href="#">Settings</a></nav>';
/** A Class Story with no box: the control in the feed's head (before the posts), or below the feed. */
const page = (control: string, where: 'head' | 'foot' = 'head') =>
  `<div id="reactApplication"><main>${nav}<h1>Willow Class</h1>${where === 'head' ? `<div>${control}</div>` : ''}<section>${post(1)}${post(2)}</section>${where === 'foot' ? `<div>${control}</div>` : ''}</main></div>`;

describe('isOpener: structure first, the verb list a weak sign', () => {
  const head = { popup: false, head: true };
  const popup = { popup: true, head: true };
  const nowhere = { popup: false, head: false };

  it('a placeholder’s ellipsis, in English or Welsh, with or without a verb the list knows', () => {
    for (const name of ['Ysgrifennwch neges…', 'Rhannwch rywbeth gyda theuluoedd...', 'Write a post…', 'Share something with families…', 'Your words for the class…']) {
      expect(isOpener(name, head), name).toBe(true);
      // A placeholder says it is one wherever it is.
      expect(isOpener(name, nowhere), name).toBe(true);
    }
  });

  it('names with no verb: "New post", "Post to Class Story" and "+" where the control says it opens something', () => {
    expect(isOpener('New post', head)).toBe(true);
    expect(isOpener('Neges newydd', head)).toBe(true);
    expect(isOpener('+ Story', head)).toBe(true);
    expect(isOpener('Post to Class Story', popup)).toBe(true);
    expect(isOpener('+', popup)).toBe(true);
    expect(isOpener('', popup)).toBe(true);
    // Without that, "Post to Class Story" is a Send control's name, and a bare "+" may add anything.
    expect(isOpener('Post to Class Story', head)).toBe(false);
    expect(isOpener('+', head)).toBe(false);
  });

  it('a verb alone is not enough: it needs the feed’s head, or the control saying it opens something', () => {
    expect(isOpener('Compose', head)).toBe(true);
    expect(isOpener('Compose', nowhere)).toBe(false);
    expect(isOpener('Compose', { popup: true, head: false })).toBe(true);
    // A verb the list does not know, naming a message, on a control that opens a dialog: structure carries it.
    expect(isOpener('Cyfansoddi neges', { popup: true, head: false })).toBe(true);
    // A control that opens something, with no sign of making a message: a menu, a class switcher.
    expect(isOpener('Filters', popup)).toBe(false);
    expect(isOpener('Willow Class', popup)).toBe(false);
  });

  it('not an opener: a tab naming a kind of message, people and settings, a box’s own tools, "Loading…", a help question', () => {
    for (const name of ['Class Story', 'Messages', 'Add student', 'Create group', 'Add photo', 'Tag students', 'Loading your class…', 'Need help?', 'Settings', 'Share', 'Send a message']) {
      expect(isOpener(name, head), name).toBe(false);
    }
    // A menu of settings says it opens something, and still names people or settings.
    expect(isOpener('Add student', popup)).toBe(false);
    expect(isOpener('Add photo', popup)).toBe(false);
  });

  it('openerName, the outline’s class of a name, is the name’s own signs: shape or verb, no Send name', () => {
    for (const name of ['Ysgrifennwch neges…', 'New post', '+ Story', 'Write a post', 'What’s on your mind?']) expect(openerName(name), name).toBe(true);
    for (const name of ['Post to Class Story', 'Share', 'Class Story', 'Loading…', 'Add photo']) expect(openerName(name), name).toBe(false);
  });
});

describe('noComposerReason: openers on the page, by role and structure', () => {
  beforeEach(() => (document.body.innerHTML = ''));

  it('a clickable placeholder in the feed’s head (Welsh, no verb the list knows), "New post", "+" opening a dialog', () => {
    for (const control of [
      '<div role="button" tabindex="0">Ysgrifennwch neges…</div>',
      '<div tabindex="0" class="fake-field">Share something with families in your class…</div>',
      '<button type="button">New post</button>',
      '<button type="button" aria-haspopup="dialog">Post to Class Story</button>',
      '<button type="button" aria-haspopup="dialog" aria-label="+"><svg></svg></button>',
      '<button type="button" aria-expanded="false" aria-controls="composer-panel">+</button>',
    ]) {
      document.body.innerHTML = page(control);
      expect(noComposerReason(document), control).toBe('opener');
    }
  });

  it('below the feed, a verb alone is not an opener; a placeholder or a popup still is', () => {
    document.body.innerHTML = page('<button type="button">Compose</button>', 'foot');
    expect(noComposerReason(document)).toBeUndefined();
    document.body.innerHTML = page('<button type="button" aria-haspopup="dialog">Compose</button>', 'foot');
    expect(noComposerReason(document)).toBe('opener');
    document.body.innerHTML = page('<div role="button" tabindex="0">Ysgrifennwch neges…</div>', 'foot');
    expect(noComposerReason(document)).toBe('opener');
  });

  it('the app’s navigation is no head: a verb alone there is not an opener, as it is beside the feed', () => {
    document.body.innerHTML = `<div id="reactApplication"><main><nav><a href="#">Class Story</a><a href="#">Compose</a><a href="#">Settings</a></nav><section>${post(1)}</section></main></div>`;
    expect(noComposerReason(document)).toBeUndefined();
    document.body.innerHTML = page('<a href="#">Compose</a>');
    expect(noComposerReason(document)).toBe('opener');
    document.body.innerHTML = page('<button type="button">Post to Class Story</button>');
    expect(noComposerReason(document)).toBeUndefined();
  });
});
