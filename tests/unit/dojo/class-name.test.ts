// @vitest-environment happy-dom
/** Class names from ClassDojo's page and feed JSON, and how views label a class without one. */
import { beforeEach, describe, expect, it } from 'vitest';
import { CLASS_LABEL_MAX, classLabel, classNameFromFeed, cleanClassName, cutAtWord, quoteName, shortLabel } from '../../../lib/dojo/class-name';
import { feedItemSignature, findStoryPosts, isEventPost, pupilTileCount, readClassName, readStoryPost } from '../../../lib/dojo/page';
import feed from '../../fixtures/data/storyFeed-class-c1.json';

describe('a class name', () => {
  it('is cleaned and bounded', () => {
    expect(cleanClassName('  Class\n3   Oak ')).toBe('Class 3 Oak');
    expect(cleanClassName('x'.repeat(500))).toHaveLength(200);
    expect(cleanClassName('x'.repeat(500))!.endsWith('…')).toBe(true);
    expect(cleanClassName('\u202eevil\u202c Class')).toBe('evil Class');
    for (const bad of ['', '   ', '12', 'Fri 20 Nov, 14:10', '20/11/2026, 14:10:00', null, 42]) expect(cleanClassName(bad)).toBeUndefined();
  });

  it('is read from the feed’s JSON: headerSubtext, else classroom.name', () => {
    expect(classNameFromFeed(feed)).toBe('Class 3 Oak');
    expect(classNameFromFeed({ _items: [{ classroom: { name: 'Year 2 Robins' } }] })).toBe('Year 2 Robins');
    for (const bad of [null, {}, { _items: 'x' }, { _items: [null, 1, {}] }]) expect(classNameFromFeed(bad)).toBeUndefined();
  });

  it('labels an unnamed class as an id', () => {
    expect(classLabel('c1', new Map([['c1', 'Class 3 Oak']]))).toBe('Class 3 Oak');
    expect(classLabel('c2', new Map())).toBe('class id c2');
    expect(classLabel('c2', {}, (id) => `#${id}`)).toBe('#c2');
  });
});

describe('reading the page', () => {
  beforeEach(() => {
    document.body.innerHTML = `<div id="reactApplication"><section>
      <div class="card"><div data-name="storyPost" data-post-id="p1"><div data-name="storyPostHeader"><h3>Ms Carter</h3>
        <span class="nessie-text">Class 3 Oak</span><span class="nessie-text" title="2026-11-20T14:10:00Z">Fri</span></div>
        <div data-name="storyPostContents"><span data-name="richText">Hello</span></div></div></div>
      <div class="card"><div class="event"><div data-name="storyPostHeader"><h3>Mr Price</h3><span class="nessie-text" title="2026-11-18T15:30:00Z">Wed</span></div>
        <div class="event-body"><h2>Harvest assembly with Amelia Hughes</h2><p data-name="formattedDate">Fri 4 Dec</p>
        <div><span data-name="richText">Families welcome.</span></div></div>
        <a data-name="eventSignupCTA" href="#">Sign up</a></div></div>
      <div class="card"><div class="event"><h2>Parents' evening</h2><p data-name="formattedDate">Wed 2 Dec</p><a data-name="eventSignupCTA" href="#">Sign up</a></div></div>
    </section></div>`;
  });

  it('finds calendar-event posts beside story posts, in document order, one card each', () => {
    const posts = findStoryPosts(document);
    expect(posts).toHaveLength(3);
    expect(posts.map(isEventPost)).toEqual([false, true, true]);
    expect(posts[1]!.className).toBe('card');
  });

  it('reads an event’s title and description, never its header', () => {
    const event = readStoryPost(findStoryPosts(document)[1]!);
    expect(event.input.text).toContain('Harvest assembly with Amelia Hughes');
    expect(event.input.text).toContain('Families welcome.');
    expect(event.input.text).not.toContain('Mr Price');
    expect(event.input).toMatchObject({ author: 'Mr Price', time: '2026-11-18T15:30:00.000Z' });
    expect(readStoryPost(findStoryPosts(document)[2]!).input.text).toContain("Parents' evening");
  });

  it('reads the class name from the header span without a title, not the time stamp', () => {
    expect(readClassName(document)).toBe('Class 3 Oak');
    document.querySelector('span.nessie-text:not([title])')!.remove();
    expect(readClassName(document)).toBeUndefined();
  });

  it('prefers the class switcher when there is one', () => {
    document.getElementById('reactApplication')!.insertAdjacentHTML('afterbegin', '<button data-name="classSwitcher">Year 6 Willow</button>');
    expect(readClassName(document)).toBe('Year 6 Willow');
  });

  it('signs what a post says, so an edit is noticed, and nothing else is', () => {
    const [post, event] = findStoryPosts(document);
    const before = [feedItemSignature(post!, 'story'), feedItemSignature(event!, 'story')];
    post!.querySelector('[data-name="storyPostHeader"] h3')!.textContent = 'Mrs Carter';
    expect(feedItemSignature(post!, 'story')).toBe(before[0]);
    post!.querySelector('[data-name="richText"]')!.textContent = 'Hello, edited';
    expect(feedItemSignature(post!, 'story')).not.toBe(before[0]);
    event!.querySelector('h2')!.textContent = 'Harvest assembly';
    expect(feedItemSignature(event!, 'story')).not.toBe(before[1]);
  });

  it('counts pupil tiles', () => {
    expect(pupilTileCount(document)).toBe(0);
    document.getElementById('reactApplication')!.insertAdjacentHTML('beforeend', '<ul><li><button data-name="studentTile">A</button></li><li><button data-name="studentTile">B</button></li></ul>');
    expect(pupilTileCount(document)).toBe(2);
  });
});

describe('long and duplicate class names (second probe of issue 20)', () => {
  const long = 'Year 5 and 6 mixed class with the after-school café club, “Siân’s group”, and the reading volunteers who come on Tuesdays and Thursdays';

  it('cuts at a word, never inside one, and says so with …', () => {
    const short = shortLabel(long);
    expect(short.length).toBeLessThanOrEqual(CLASS_LABEL_MAX);
    expect(short.endsWith('…')).toBe(true);
    expect(long.startsWith(short.slice(0, -1))).toBe(true);
    expect(long[short.length - 1]).toBe(' '); // the next character of the whole name is a space: a whole word was kept
    expect(cutAtWord('Class 3 Oak', 48)).toBe('Class 3 Oak');
    expect(cutAtWord('Supercalifragilisticexpialidocious', 10)).toBe('Supercali…');
    expect(cutAtWord('Oak, Ash, Elm, Birch', 11)).toBe('Oak, Ash…');
  });

  it('keeps a long name whole (to 200 characters) for exports and tooltips', () => {
    expect(cleanClassName(long)).toBe(long);
  });

  it('tells two classes with the same name apart by their ids, and only those', () => {
    const names = new Map([['c1', 'Class 3 Oak'], ['c2', 'class 3  oak'], ['c3', 'Class 4 Ash']]);
    expect(classLabel('c1', names)).toBe('Class 3 Oak (c1)');
    expect(classLabel('c2', names)).toBe('class 3  oak (c2)');
    expect(classLabel('c3', names)).toBe('Class 4 Ash');
    expect(classLabel('c9', names)).toBe('class id c9');
    expect(classLabel('c1', { c1: 'Class 3 Oak', c2: 'Class 3 Oak' })).toBe('Class 3 Oak (c1)');
  });
});

describe('a post’s time stamp (ClassDojo’s title, in the account’s locale)', () => {
  it('reads an en-GB date day first, a US one month first, and ISO as it says', async () => {
    const { stampToIso } = await import('../../../lib/dojo/page');
    const local = (y: number, mo: number, d: number, h: number, mi: number) => new Date(y, mo - 1, d, h, mi).toISOString();
    expect(stampToIso('09/11/2026, 09:00:00', 'en-GB')).toBe(local(2026, 11, 9, 9, 0));
    expect(stampToIso('09/11/2026, 21:30', '')).toBe(local(2026, 11, 9, 21, 30));
    expect(stampToIso('11/9/2026, 9:30:00 PM', 'en-US')).toBe(local(2026, 11, 9, 21, 30));
    expect(stampToIso('2026-11-09T09:00:00Z', 'en-GB')).toBe('2026-11-09T09:00:00.000Z');
    expect(stampToIso('31/02/2026, 10:00', 'en-GB')).toBeUndefined();
    expect(stampToIso('yesterday', 'en-GB')).toBeUndefined();
    expect(stampToIso(undefined)).toBeUndefined();
  });
});

describe('two classes with one name', () => {
  it('are told apart, each by its hint when no other has the same, else by its id', async () => {
    const { classLabel } = await import('../../../lib/dojo/class-name');
    const names = { oak26: 'Class 3 Oak', oak25: 'Class 3 Oak', ash: 'Year 5 Ash' };
    const hints: Record<string, string> = { oak26: 'latest post Nov 2026', oak25: 'latest post Dec 2025' };
    const hint = (id: string) => hints[id];
    expect(classLabel('oak25', names, undefined, hint)).toBe('Class 3 Oak (latest post Dec 2025)');
    expect(classLabel('ash', names, undefined, hint)).toBe('Year 5 Ash');
    // The same hint for both: the ids.
    expect(classLabel('oak25', names, undefined, () => 'latest post Nov 2026')).toBe('Class 3 Oak (oak25)');
    // A hint only one has still tells that one apart; the other, without one, gets its id.
    expect(classLabel('oak26', names, undefined, (id) => (id === 'oak26' ? 'latest post Nov 2026' : undefined))).toBe('Class 3 Oak (latest post Nov 2026)');
    expect(classLabel('oak25', names, undefined, (id) => (id === 'oak26' ? 'latest post Nov 2026' : undefined))).toBe('Class 3 Oak (oak25)');
  });

  it('of three with one name, names by month the one whose month is its own, and ids only the two that share one (probe 20d D8)', async () => {
    const { classLabel } = await import('../../../lib/dojo/class-name');
    const names = { oakA: 'Class 3 Oak', oakB: 'Class 3 Oak', oakC: 'Class 3 Oak' };
    const hint = (id: string) => (id === 'oakA' ? 'latest post Nov 2026' : 'latest post Nov 2025');
    expect(['oakA', 'oakB', 'oakC'].map((id) => classLabel(id, names, undefined, hint))).toEqual(['Class 3 Oak (latest post Nov 2026)', 'Class 3 Oak (oakB)', 'Class 3 Oak (oakC)']);
    // oakC's checks deleted and oakC no longer shown: the month tells the other two apart.
    const { oakC: _gone, ...two } = names;
    expect(['oakA', 'oakB'].map((id) => classLabel(id, two, undefined, hint))).toEqual(['Class 3 Oak (latest post Nov 2026)', 'Class 3 Oak (latest post Nov 2025)']);
  });
});

// Issue #20 probe 20f D8: names with quotes of their own, and long quoted names cut.
describe('quoted class names', () => {
  it('a name with double quotes is quoted with single ones, never quotes in quotes of one kind', () => {
    expect(quoteName('Class 3 Oak')).toBe('“Class 3 Oak”');
    expect(quoteName('Dosbarth Siân & Ffion – Blwyddyn 2 “Derwen”')).toBe('‘Dosbarth Siân & Ffion – Blwyddyn 2 “Derwen”’');
    expect(quoteName('Year 2 "Ash"')).toBe('‘Year 2 "Ash"’');
  });

  it('a long quoted label is cut inside its quotes and keeps the closing quote and an id after it', () => {
    const long = quoteName('Year 4, “Willow” – Mrs O\'Brien & Mr Nguyễn’s class with a long tail of words');
    const cut = shortLabel(long);
    expect(cut.length).toBeLessThanOrEqual(CLASS_LABEL_MAX);
    expect(cut.startsWith('‘Year 4, “Willow”')).toBe(true);
    expect(cut.endsWith('…’')).toBe(true);
    const withId = shortLabel(`“${'Oak '.repeat(20).trim()}” (c2)`);
    expect(withId.endsWith('…” (c2)')).toBe(true);
    expect(withId.length).toBeLessThanOrEqual(CLASS_LABEL_MAX);
    expect(shortLabel('“Class 3 Oak”')).toBe('“Class 3 Oak”');
    expect(shortLabel('class id ' + 'x'.repeat(60)).endsWith('…')).toBe(true);
  });
});
