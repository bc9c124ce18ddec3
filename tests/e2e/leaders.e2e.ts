/**
 * What leaders and teachers are shown is true and readable (issue 20): the spot-check summary never covers a
 * post's first words (1024×700, 1280×800, 1366×768, 200% zoom), calendar-event and edited posts are reviewed,
 * outlines sit on the name only, classes are named as ClassDojo names them, held sends and their reasons are
 * listed and exported in the school's local time, and the audience line counts what the page counts.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { c1Pupils } from './class-c1';
import { sendAnyway } from './gate';
import { TEACH } from './harness';
import { downloaded, firstWordsCovered, POST_WORDS_UNDER_US } from './feed-words';
import { useHarness } from './use-harness';
import { windowScreenshot, zoomTo } from './zoom';

const SPOT = 'pg=[data-policy-guard="spot-check"]';

/** Scrolls the whole feed through the window and fails on any first word under Policy Guard's UI; returns every post seen. */
async function assertFirstWordsVisible(page: Page, label: string): Promise<Set<string>> {
  const { seen, covered } = await firstWordsCovered(page);
  expect(covered, `${label}: first words under Policy Guard's UI`).toEqual([]);
  return seen;
}

describe('leaders’ and teachers’ views', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(false));
  });

  const SIZES = [
    { width: 1024, height: 700, dock: 'tab' },
    { width: 1280, height: 800, dock: 'left' },
    { width: 1366, height: 768, dock: 'left' },
  ];
  for (const size of SIZES) {
    it(`the spot-check summary covers no post's first word at ${size.width}×${size.height}`, async () => {
      await h.setSpotCheck(true);
      const page = await h.openDojo(`${TEACH}?events=1#/classes/c1/story`);
      await page.setViewportSize({ width: size.width, height: size.height });
      const spot = page.locator(SPOT);
      await expect.poll(() => spot.getAttribute('data-posts')).toBe('11');
      await expect.poll(() => spot.getAttribute('data-dock')).toBe(size.dock);
      await h.screenshot(page, `spot-layout-${size.width}x${size.height}`);
      const seen = await assertFirstWordsVisible(page, `${size.width}×${size.height}`);
      expect(seen.size).toBe(11); // every post and event was looked at in view
      if (size.dock === 'tab') {
        // The tab says how many posts have something to look at, and opens the summary on the leader's click.
        expect(await spot.textContent()).toContain('5');
        await spot.click();
        await expect.poll(() => page.locator(SPOT).getAttribute('data-dock')).toBe('tab-open');
        await h.screenshot(page, `spot-layout-${size.width}x${size.height}-opened`);
        // "Show" brings each finding's post to where the opened summary does not cover its text (probe 20g:
        // centred in the window, it was under the summary).
        const rows = page.locator('pg=[data-policy-guard="spot-finding"]');
        const keys = await rows.evaluateAll((els) => els.map((e) => e.getAttribute('data-key')!));
        expect(keys.length).toBeGreaterThan(1);
        for (const [i, key] of keys.entries()) {
          await page.evaluate('window.scrollTo(0, 0)');
          await rows.nth(i).getByRole('button', { name: /^Show/ }).click();
          await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
          if (i === 0) await h.screenshot(page, `spot-layout-${size.width}x${size.height}-shown`);
          const { probed, covered } = (await page.evaluate(POST_WORDS_UNDER_US, key.slice(0, key.lastIndexOf(':')))) as { probed: number; covered: string[] };
          expect(probed, `${key}: words of the shown post in view`).toBeGreaterThan(2);
          expect(covered, `${key}: words of the shown post under Policy Guard's UI`).toEqual([]);
        }
        await page.locator('pg=[data-policy-guard="spot-fold"]').click();
        await expect.poll(() => page.locator(SPOT).getAttribute('data-dock')).toBe('tab');
      }
      await page.close();
    });
  }

  it('covers no post’s first word at 200% zoom (1280×800 window)', async () => {
    await h.setSpotCheck(true);
    const page = await h.openDojo(`${TEACH}?events=1#/classes/c1/story`);
    await page.setViewportSize({ width: 1280, height: 800 });
    await zoomTo(h, page, 2);
    await expect.poll(() => page.evaluate(() => [innerWidth, innerHeight, devicePixelRatio])).toEqual([640, 400, 2]);
    const spot = page.locator(SPOT);
    await expect.poll(() => spot.getAttribute('data-dock')).toBe('tab');
    await windowScreenshot(page, 'spot-layout-zoom200');
    const seen = await assertFirstWordsVisible(page, '200% zoom');
    expect(seen.size).toBe(11);
    await zoomTo(h, page, 1);
    await page.close();
  });

  it('reviews calendar-event posts and posts edited after publishing', async () => {
    await h.setSpotCheck(true);
    const page = await h.openDojo(`${TEACH}?events=1#/classes/c1/story`);
    const spot = page.locator(SPOT);
    await expect.poll(() => spot.getAttribute('data-posts')).toBe('11');
    // The event's title names a pupil in full: outlined inside the title.
    const inTitle = await page.evaluate(`(() => {
      const title = [...document.querySelectorAll('.event-title')].find((t) => t.textContent.includes('Amelia Hughes')).getBoundingClientRect();
      return [...window.__pgRoot('policy-guard-ui').querySelectorAll('.pg-outline[data-rule="full-name"]')].some((o) => {
        const b = o.getBoundingClientRect();
        return b.left >= title.left && b.right <= title.right && b.top >= title.top - 3 && b.bottom <= title.bottom + 3;
      });
    })()`);
    expect(inTitle).toBe(true);
    await expect.poll(() => spot.getAttribute('data-flagged')).toBe('5');

    const outlined = async (rule: string) => (await page.locator(`pg=.pg-outline[data-rule="${rule}"]`).evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id')))).sort();
    // Edited in place (ClassDojo updates the text of the post it shows): the full name goes, and so does the finding.
    const recorded = async () => {
      const [record] = await h.stored('spotChecks');
      const findings = (record?.findings ?? []) as { itemId: string; rule: string }[];
      return findings.filter((f) => f.rule === 'full-name').map((f) => f.itemId).filter((id) => id.startsWith('post')).sort();
    };
    await expect.poll(recorded).toEqual(['post2']);
    await page.evaluate(() => {
      const edited = 'Well done to Amelia for her brilliant story writing this week!';
      document.querySelector('[data-post-id="post2"] [data-name="richText"]')!.textContent = edited;
      const dojo = (window as unknown as { __dojo: { state: { data: { classFeed: { _id: string; contents: { body: string } }[] } } } }).__dojo;
      dojo.state.data.classFeed.find((p) => p._id === 'post2')!.contents.body = edited;
    });
    await expect.poll(() => outlined('full-name')).not.toContain('post2');
    await expect.poll(recorded).toEqual([]);
    // Edited and re-rendered (a new element for the same post): a full name added is found.
    await page.evaluate(() => {
      const dojo = (window as unknown as { __dojo: { state: { data: { classFeed: { _id: string; contents: { body: string } }[] } } } }).__dojo;
      dojo.state.data.classFeed.find((p) => p._id === 'post1')!.contents.body = 'What a week! Oliver Patel led our Romans assembly.';
      window.dispatchEvent(new HashChangeEvent('hashchange'));
    });
    await expect.poll(() => outlined('full-name')).toContain('post1');
    // The record follows the posts as they are now.
    await expect.poll(recorded).toEqual(['post1']);
    await page.close();
  });

  it('outlines the name only, not the punctuation after it', async () => {
    await h.setSpotCheck(true);
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.evaluate(() => {
      const card = document.createElement('div');
      card.className = 'card';
      card.innerHTML = `<div data-name="storyPost" role="article" aria-label="Story post" data-post-id="comma1">
        <div data-name="storyPostHeader"><h3>Ms Carter</h3><span class="nessie-text" title="2026-11-23T10:00:00Z">Mon</span></div>
        <div data-name="storyPostContents"><span data-name="richText">Well done Amelia Smith-Walker, great reading.</span></div></div>`;
      document.querySelector('[data-name="storyFeed"]')!.prepend(card);
    });
    const box = page.locator('pg=.pg-outline[data-post-id="comma1"][data-rule="full-name"]');
    await box.waitFor({ state: 'attached' });
    const fit = await page.evaluate(`(() => {
      const text = document.querySelector('[data-post-id="comma1"] [data-name="richText"]').firstChild;
      const at = (s, e) => { const r = document.createRange(); r.setStart(text, s); r.setEnd(text, e); return r.getBoundingClientRect(); };
      const start = text.data.indexOf('Amelia');
      const name = at(start, start + 'Amelia Smith-Walker'.length);
      const comma = at(start + 'Amelia Smith-Walker'.length, start + 'Amelia Smith-Walker,'.length);
      const o = window.__pgRoot('policy-guard-ui').querySelector('.pg-outline[data-post-id="comma1"]').getBoundingClientRect();
      return { left: o.left - name.left, right: o.right - name.right, comma: comma.left - o.right };
    })()`);
    expect(fit).toMatchObject({ left: expect.closeTo(0, 0), right: expect.closeTo(0, 0) });
    expect((fit as { comma: number }).comma).toBeGreaterThanOrEqual(-0.5);
    await h.screenshot(page, 'spot-outline-name-only');
    await page.close();
  });

  it('counts the audience from the page: the class’s pupil tiles, the chat’s participants', async () => {
    await h.setSpotCheck(false);
    const page = await h.openDojo(`${TEACH}#/classes/c1/points`);
    await page.locator('[data-name="studentTile"]').first().waitFor();
    await page.evaluate(() => (location.hash = '#/classes/c1/story'));
    const audience = page.locator('pg=[data-policy-guard="audience"]');
    await expect.poll(() => audience.textContent()).toBe('Seen by the families of 28 pupils');
    // Remembered for the class: a fresh page of its story says the same.
    const again = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await expect.poll(() => again.locator('pg=[data-policy-guard="audience"]').textContent()).toBe('Seen by the families of 28 pupils');
    await again.evaluate(() => (location.hash = '#/classes/c1/messaging/g1'));
    await again.locator('[data-name="messageComposerInput"]').waitFor();
    await expect.poll(() => again.locator('pg=[data-policy-guard="audience"]').textContent()).toBe('Seen by the 29 people in this chat');
    await page.close();
    await again.close();
  });

  it('one held send is one record: the overrides view lists it with its reason, filters it, and exports it', async () => {
    await h.setSpotCheck(false);
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/g1`);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.fill('Well done Amelia Hughes! Grace has been diagnosed with ADHD, please be patient with her.');
    await page.locator('pg=[data-policy-guard="panel"] [data-rule="sensitive-content"]').first().waitFor();
    await page.locator('pg=[data-policy-guard="panel"] [data-rule="full-name"]').first().waitFor();
    await input.press('Enter');
    await page.locator('pg=[data-policy-guard="gate"]').waitFor();
    await sendAnyway(page, 'Grace’s mum asked me to share this — café meeting agreed');
    await expect.poll(async () => (await h.events()).filter((e) => e.kind === 'override').length).toBe(1);
    const [override] = (await h.events()).filter((e) => e.kind === 'override');
    expect(override).toMatchObject({ rules: ['full-name', 'sensitive-content'], classId: 'c1', channel: 'class-chat' });
    expect(JSON.stringify(await h.events())).not.toContain('ADHD');
    await page.close();

    // An older held send in another class, to filter.
    await h.seed('events', [{ kind: 'cancelled', rule: 'out-of-hours', rules: ['out-of-hours'], classId: 'c2', channel: 'class-story', at: '2026-11-18T20:30:00.000Z' }]);

    const options = await h.openExtensionPage('options.html');
    const view = options.locator('pg=[data-policy-guard="overrides"]');
    await view.locator('[data-policy-guard="held-table"]').waitFor();
    const rows = view.locator('[data-policy-guard="held-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const first = rows.first();
    expect(await first.getAttribute('data-outcome')).toBe('sent-anyway');
    const text = await first.textContent();
    expect(text).toContain('Class 3 Oak'); // the name the page showed, not c1
    expect(text).toContain('Full name, Sensitive content');
    expect(text).toContain('Sent anyway');
    expect(text).toContain('Grace’s mum asked me to share this');
    expect(text).toContain('GMT');
    expect(await rows.nth(1).textContent()).toContain('class id c2'); // no name known: the id, said to be one
    expect(await rows.nth(1).textContent()).toContain('Went back to edit');
    await options.evaluate(() => window.scrollTo(0, 0));
    await view.scrollIntoViewIfNeeded();
    await h.screenshot(options, 'overrides-view');

    // Filters: by class, by date.
    await view.locator('[data-policy-guard="held-class"]').selectOption('c2');
    await expect.poll(() => rows.count()).toBe(1);
    await view.locator('[data-policy-guard="held-class"]').selectOption('');
    await view.locator('[data-policy-guard="held-from"]').fill('2026-11-20');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().getAttribute('data-class')).toBe('c1');
    await view.locator('[data-policy-guard="held-from"]').fill('');
    await expect.poll(() => rows.count()).toBe(2);

    // CSV: a byte order mark, the school's local time with the zone named, names; JSON the same.
    const csv = await downloaded(options, () => view.locator('[data-policy-guard="held-export-csv"]').click());
    expect(csv.name).toMatch(/^overrides-and-held-sends-2026-11-24\.csv$/);
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = csv.bytes.toString('utf8');
    expect(body).toContain('time,time_zone,class,class_id');
    expect(body).toMatch(/2026-11-24T10:1\d:\d\d\+00:00,Europe\/London,Class 3 Oak,c1,class-chat,Full name; Sensitive content/);
    expect(body).toContain('café meeting agreed');
    expect(body).toContain('2026-11-18T20:30:00+00:00,Europe/London,class id c2,c2');
    expect(body).not.toContain('.000Z');
    const json = JSON.parse((await downloaded(options, () => view.locator('[data-policy-guard="held-export-json"]').click())).bytes.toString('utf8'));
    expect(json.timeZone).toBe('Europe/London');
    expect(json.items[0]).toMatchObject({ class: 'Class 3 Oak', rules: ['Full name', 'Sensitive content'], outcome: 'sent-anyway' });
    await options.close();

    // The popup's week: two held, one sent anyway, one edited.
    const popup = await h.openExtensionPage('popup.html');
    const week = popup.locator('pg=[data-policy-guard="popup-week"]');
    await week.waitFor();
    expect(await week.getAttribute('data-held')).toBe('2');
    expect(await week.getAttribute('data-sent-anyway')).toBe('1');
    expect(await week.getAttribute('data-edited')).toBe('1');
    // Today's line names every outcome, so it adds up to what was held (probe 20c D9).
    const today = popup.locator('pg=[data-policy-guard="popup-today"]');
    const n = async (a: string) => Number(await today.getAttribute(a));
    expect(await n('data-held')).toBe((await n('data-fixed')) + (await n('data-edited')) + (await n('data-overridden')));
    expect(await today.textContent()).toMatch(/^Today: \d+ held at Send, \d+ fixed, \d+ edited, \d+ sent anyway\.$/);
    await popup.close();
  });

  it('names classes as ClassDojo does in the roster picker, the chart, the history and its export; rules by name', async () => {
    await h.setSpotCheck(true);
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await expect.poll(() => page.locator(SPOT).getAttribute('data-posts')).toBe('9');
    await expect.poll(async () => (await h.stored('classes')).find((c) => c.classId === 'c1')?.name).toBe('Class 3 Oak');
    await page.close();
    await h.setSpotCheck(false);
    await h.worker.evaluate(() =>
      (globalThis as unknown as { chrome: { storage: { local: { set(v: object): Promise<void> } } } }).chrome.storage.local.set({ ignoredAlways: [{ rule: 'full-name', text: 'Jack Frost', at: '2026-11-24T10:00:00Z' }] }),
    );

    const options = await h.openExtensionPage('options.html');
    const picker = options.locator('pg=[data-policy-guard="roster-class"]');
    await expect.poll(() => picker.locator('option[value="c1"]').textContent()).toBe('“Class 3 Oak”');
    const history = options.locator('pg=[data-policy-guard="spot-history"]');
    await expect.poll(() => history.locator('[data-policy-guard="history-class"]').first().textContent()).toContain('Class 3 Oak');
    expect(await history.locator('[data-policy-guard="trend-chart"] .legend').textContent()).toContain('Class 3 Oak');
    expect(await history.locator('[data-policy-guard="history-delete"]').first().getAttribute('aria-label')).toBe('Delete the spot-check of “Class 3 Oak” on Tue 24 Nov 2026');
    // One day of checks: one date on the axis, not the same date twice.
    expect(await history.locator('[data-policy-guard="axis-label"]').allTextContents()).toEqual(['24 Nov']);
    // "Always ignore" names the rule as people say it.
    const ignored = options.locator('pg=[data-policy-guard="ignored"]');
    await expect.poll(() => ignored.textContent()).toContain('Full name “Jack Frost”');
    expect(await ignored.textContent()).not.toContain('full-name');

    const csv = await downloaded(options, () => history.getByRole('button', { name: 'Export the spot-check of “Class 3 Oak” on Tue 24 Nov 2026 as CSV' }).click());
    expect([...csv.bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const body = csv.bytes.toString('utf8');
    expect(body).toContain('2026-11-24,Class 3 Oak,c1,class-story,2026-11-20T14:10:00+00:00,Europe/London,Ms Carter,Full name,full-name');
    expect(body).not.toMatch(/\d\.000Z/);
    await h.screenshot(options, 'options-class-names');
    await options.close();
  });

  it('the chart’s date axis has distinct labels over a longer range', async () => {
    const record = (date: string, classId: string) => ({
      key: `${classId}|class-story|${date}`,
      classId,
      view: 'class-story',
      date,
      at: `${date}T10:00:00.000Z`,
      updatedAt: '2026-11-24T10:00:00.000Z',
      items: ['a', 'b'],
      findings: [{ key: 'a:full-name:0-3', itemId: 'a', rule: 'full-name' }],
      keepSnippets: false,
      size: 300,
    });
    await h.seed('spotChecks', [record('2026-10-05', 'c9'), record('2026-10-06', 'c9'), record('2026-11-02', 'c9')]);
    const options = await h.openExtensionPage('options.html');
    const axis = options.locator('pg=[data-policy-guard="axis-label"]');
    // Today's check of c1 and the three of c9: 5 Oct to 24 Nov.
    await expect.poll(() => axis.count()).toBeGreaterThan(1);
    const labels = await axis.allTextContents();
    expect(new Set(labels).size).toBe(labels.length);
    expect(labels[0]).toBe('5 Oct');
    await options.close();
  });
});

describe('bank holidays back to the retention limit', () => {
  // Tuesday 5 January 2027, in school hours.
  const h = useHarness({ fakeTime: '2027-01-05 10:00:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setSpotCheck(true);
  });

  it('on 5 January a post from the Boxing Day substitute day (Mon 28 Dec) is out of hours', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    await page.locator(SPOT).waitFor();
    await page.evaluate(() => {
      const post = (id: string, at: string, text: string) => {
        const card = document.createElement('div');
        card.className = 'card';
        card.innerHTML = `<div data-name="storyPost" role="article" aria-label="Story post" data-post-id="${id}">
          <div data-name="storyPostHeader"><h3>Ms Carter</h3><span class="nessie-text" title="${at}">x</span></div>
          <div data-name="storyPostContents"><span data-name="richText">${text}</span></div></div>`;
        document.querySelector('[data-name="storyFeed"]')!.prepend(card);
      };
      post('boxing', '2026-12-28T10:00:00Z', 'Merry Christmas from Class 3!');
      post('ordinary', '2026-12-22T10:00:00Z', 'Have a lovely holiday.');
    });
    const hours = async () => (await page.locator('pg=.pg-outline[data-rule="out-of-hours"]').evaluateAll((els) => els.map((e) => e.getAttribute('data-post-id')))).sort();
    await expect.poll(hours).toContain('boxing');
    expect(await hours()).not.toContain('ordinary');
    await page.close();
  });
});
