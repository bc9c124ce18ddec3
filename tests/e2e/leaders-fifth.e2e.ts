/**
 * Round d of probe 20e's defects, as a head teacher and a teacher meet them in the options page:
 * - the chart's counts never overlap one another or a point, at 1280, 800 and 400 px, with six lines, a year
 *   of checks and four checks on one day at one share; each line has its own point shape, in the legend too,
 *   so a class with one check is matched to its legend (D5); a decision made at a later check leaves an
 *   earlier point as its check recorded it (D3);
 * - one date style for people on the page: "Mon 23 Nov 2026", "Mon 23 Nov 2026, 10:00 GMT", never
 *   "2026-11-23" or "23/11/2026" (D9); a row's counts each say their unit, posts or findings (D7);
 * - exports are in English with codes from a Welsh browser too: "class id c2", `sent-anyway` (D10);
 * - a class chat on a ClassDojo whose class switcher is not where we guessed: the override is listed under
 *   "class id c1" with a plain note on how the name is learnt, and under the class's name once its Class Story
 *   has been opened (D1).
 */
import type { Page } from 'playwright-core';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { sendAnyway } from './gate';
import { TEACH, type Harness } from './harness';
import { useHarness } from './use-harness';

type Box = { left: number; top: number; right: number; bottom: number };
const overlap = (a: Box, b: Box, slack = 0.5) => a.left < b.right - slack && b.left < a.right - slack && a.top < b.bottom - slack && b.top < a.bottom - slack;

/** A stored spot-check of `n` posts of its own (new at that check), `flagged` of them with a finding; `extra` re-reviewed. */
function record(classId: string, className: string | undefined, date: string, n: number, flagged: number, opts: { view?: string; extra?: { itemId: string; rule: string; outcome?: string }[] } = {}) {
  const view = opts.view ?? 'class-story';
  const ids = Array.from({ length: n }, (_, i) => `${classId}-${view}-${date}-${i}`);
  return {
    key: `${classId}|${view}|${date}`,
    classId,
    ...(className ? { className } : {}),
    view,
    date,
    at: `${date}T10:00:00.000Z`,
    updatedAt: `${date}T10:00:00.000Z`,
    items: [...ids, ...(opts.extra ?? []).map((e) => e.itemId)],
    findings: [
      ...ids.slice(0, flagged).map((id) => ({ key: `${id}:full-name`, itemId: id, rule: 'full-name', postAt: `${date}T09:00:00.000Z` })),
      ...(opts.extra ?? []).map((e) => ({ key: `${e.itemId}:${e.rule}`, itemId: e.itemId, rule: e.rule, ...(e.outcome ? { outcome: e.outcome } : {}) })),
    ],
    keepSnippets: false,
    size: 600,
  };
}

/** Mondays from `from`, `count` of them, as YYYY-MM-DD. */
const mondays = (from: string, count: number) => Array.from({ length: count }, (_, i) => new Date(Date.parse(`${from}T12:00:00Z`) + i * 7 * 86_400_000).toISOString().slice(0, 10));

/** Where each visible count, point and axis label is, in page pixels. */
async function chartBoxes(page: Page) {
  return (await page.locator('pg=[data-policy-guard="trend-chart"]').evaluate((fig) => {
    const svg = fig.querySelector('.trend-scroll svg')!;
    const all = (sel: string) => [...svg.querySelectorAll(sel)].map((el) => ({ text: el.textContent ?? '', left: el.getBoundingClientRect().left, top: el.getBoundingClientRect().top, right: el.getBoundingClientRect().right, bottom: el.getBoundingClientRect().bottom }));
    const r = svg.getBoundingClientRect();
    return { svg: { left: r.left, top: r.top, right: r.right, bottom: r.bottom }, labels: all('[data-policy-guard="point-count"]'), points: all('[data-policy-guard="trend-point"]'), axis: all('[data-policy-guard="axis-label"]'), shares: all('[data-policy-guard="share-label"]') };
  })) as { svg: Box; labels: (Box & { text: string })[]; points: Box[]; axis: Box[]; shares: (Box & { text: string })[] };
}

describe('the trend chart with six lines and a term of checks (probe 20e D5, D3)', () => {
  const weeks = mondays('2026-09-07', 12);
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.seed('classes', [
      { classId: 'c1', name: 'Class 3 Oak', updatedAt: '2026-11-24T10:00:00.000Z' },
      { classId: 'c9', name: 'Class 3 Oak', updatedAt: '2026-11-24T10:00:00.000Z' },
      { classId: 'y5', name: 'Year 5 Ash', updatedAt: '2026-11-24T10:00:00.000Z' },
      { classId: 'n1', name: 'Nursery', updatedAt: '2026-11-24T10:00:00.000Z' },
    ]);
    const rows = [
      // Class 3 Oak and Year 5 Ash with the same counts every week: their points fall on one another.
      ...weeks.map((d, i) => record('c1', 'Class 3 Oak', d, 6 + (i % 3), 3 - (i % 4 === 3 ? 3 : i % 3))),
      ...weeks.map((d, i) => record('y5', 'Year 5 Ash', d, 6 + (i % 3), 3 - (i % 4 === 3 ? 3 : i % 3))),
      ...weeks.slice(4).map((d, i) => record('c1', 'Class 3 Oak', d, 4, i % 3, { view: 'messaging' })),
      record('c9', 'Class 3 Oak', '2026-11-02', 2, 1),
      record('c9', 'Class 3 Oak', '2026-10-05', 4, 1),
      record('eq', '@Home Learning (Siân) – Year 6', '2026-11-02', 2, 1),
      record('eq', '@Home Learning (Siân) – Year 6', '2026-11-23', 3, 0),
      // One check only: a point without a line.
      record('n1', 'Nursery', '2026-10-14', 5, 2),
    ];
    // 23 November: a post first reviewed on 16 November is ruled "No issue" (carried to this check's record).
    const ruled = rows.find((r) => r.key === 'c1|class-story|2026-11-23')!;
    const earlier = rows.find((r) => r.key === 'c1|class-story|2026-11-16')!;
    const post = earlier.findings[0]!.itemId;
    ruled.items.push(post);
    ruled.findings.push({ key: `${post}:full-name`, itemId: post, rule: 'full-name', outcome: 'no-issue' } as (typeof ruled.findings)[number]);
    await h.seed('spotChecks', rows);
  });

  it('places every count clear of the others and of the points, and gives each line a shape its legend shows', async () => {
    const options = await h.openExtensionPage('options.html');
    const chart = options.locator('pg=[data-policy-guard="trend-chart"]');
    await chart.locator('[data-policy-guard="trend-point"]').first().waitFor();
    expect(await chart.locator('g[data-class]').count()).toBe(6);

    for (const width of [1280, 800, 400]) {
      await options.setViewportSize({ width, height: 900 });
      await options.waitForTimeout(200);
      const { svg, labels, points, axis, shares } = await chartBoxes(options);
      expect(labels.length, `${width}px: counts shown`).toBeGreaterThanOrEqual(6);
      for (let i = 0; i < labels.length; i++) {
        const a = labels[i]!;
        expect(a.left >= svg.left - 0.5 && a.right <= svg.right + 0.5 && a.top >= svg.top - 0.5 && a.bottom <= svg.bottom + 0.5, `${width}px: "${a.text}" inside the chart`).toBe(true);
        for (let j = i + 1; j < labels.length; j++) expect(overlap(a, labels[j]!), `${width}px: "${a.text}" and "${labels[j]!.text}" overlap`).toBe(false);
        for (const p of points) expect(overlap(a, p), `${width}px: "${a.text}" covers a point`).toBe(false);
        for (const x of axis) expect(overlap(a, x), `${width}px: "${a.text}" covers the date axis`).toBe(false);
        for (const x of shares) expect(overlap(a, x), `${width}px: "${a.text}" covers the share axis's "${x.text}"`).toBe(false);
      }
      for (let i = 0; i < axis.length; i++) for (let j = i + 1; j < axis.length; j++) expect(overlap(axis[i]!, axis[j]!), `${width}px: axis labels ${i}, ${j}`).toBe(false);
      await chart.evaluate((el) => el.scrollIntoView({ block: 'start' }));
      await h.screenshot(options, `leaders-fifth-chart-${width}`);
    }

    // Every line has counts shown, and a shape of its own that its legend entry shows. A point whose count has
    // no room keeps it in its title (and the table), never drawn over another.
    const lines = await chart.locator('g[data-class]').evaluateAll((gs) =>
      gs.map((g) => {
        const pts = [...g.querySelectorAll('[data-policy-guard="trend-point"]')];
        return { cls: `${g.getAttribute('data-class')}|${g.getAttribute('data-view')}`, shapes: [...new Set(pts.map((p) => p.getAttribute('data-shape')))], labelled: pts.filter((p) => p.getAttribute('data-labelled') === 'yes').length, titled: pts.every((p) => /\d+ of \d+ posts? had something/.test(p.querySelector('title')?.textContent ?? '')) };
      }),
    );
    expect(lines.every((l) => l.shapes.length === 1 && l.labelled > 0 && l.titled), JSON.stringify(lines)).toBe(true);
    expect(new Set(lines.map((l) => l.shapes[0])).size).toBe(6);
    const legend = await chart.locator('.legend svg').evaluateAll((ss) => ss.map((s) => s.getAttribute('data-shape')));
    expect(legend).toEqual(lines.map((l) => l.shapes[0]));
    // The Nursery's single check is drawn in its own shape.
    expect(await chart.locator('g[data-class="n1"] [data-policy-guard="trend-point"]').count()).toBe(1);

    // D3: the 16 November point counts what that check recorded (3 of 6), though the post was ruled "No issue" on the 23rd.
    const nov16 = chart.locator('g[data-class="c1"][data-view="class-story"] [data-date="2026-11-16"]');
    const row = options.locator('pg=tr[data-key="c1|class-story|2026-11-16"]');
    expect([await nov16.getAttribute('data-flagged'), await nov16.getAttribute('data-posts')]).toEqual([await row.getAttribute('data-to-look'), String(6 + (10 % 3))]);
    expect(await nov16.getAttribute('data-flagged')).toBe(String(3 - (10 % 3)));
    await options.close();
  }, 90_000);
});

const DATE_ISO = /\b\d{4}-\d{2}-\d{2}\b/;
const DATE_NUMERIC = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;

describe('dates on the options page (probe 20e D9)', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.seed('classes', [{ classId: 'c1', name: 'Class 3 Oak', updatedAt: '2026-11-24T10:00:00.000Z' }]);
    // On the 23rd the flagged post of the 16th is found edited (its text's hash changed), its finding still in it.
    const first = record('c1', 'Class 3 Oak', '2026-11-16', 4, 1);
    const second = record('c1', 'Class 3 Oak', '2026-11-23', 3, 1, { extra: [{ itemId: 'c1-class-story-2026-11-16-0', rule: 'full-name' }] });
    Object.assign(first, { sigs: { 'c1-class-story-2026-11-16-0': 'before' } });
    Object.assign(second, { sigs: { 'c1-class-story-2026-11-16-0': 'after' } });
    Object.assign(second.findings[1]!, { edited: true });
    await h.seed('spotChecks', [first, second]);
    await h.seed('events', [
      { kind: 'override', rule: 'full-name', rules: ['full-name'], classId: 'c1', channel: 'class-chat', at: '2026-06-15T23:10:00.000Z', reason: 'Mum agreed' },
      { kind: 'cancelled', rule: 'out-of-hours', rules: ['out-of-hours'], classId: 'c1', channel: 'class-story', at: '2026-11-23T10:00:00.000Z' },
    ]);
  });

  it('says every date in one style for people, in the history, its chart, its buttons and the overrides view', async () => {
    const options = await h.openExtensionPage('options.html');
    const history = options.locator('pg=[data-policy-guard="spot-history"]');
    const overrides = options.locator('pg=[data-policy-guard="overrides"]');
    await history.locator('[data-policy-guard="history-table"]').waitFor();
    await overrides.locator('[data-policy-guard="held-table"]').waitFor();
    const day = /^(Mon|Tue|Wed|Thu|Fri|Sat|Sun) \d{1,2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4}$/;
    const dates = await history.locator('[data-policy-guard="history-table"] tbody tr td:first-child').allTextContents();
    expect(dates).toEqual(['Mon 23 Nov 2026', 'Mon 16 Nov 2026']);
    expect(dates.every((d) => day.test(d))).toBe(true);
    const times = await overrides.locator('[data-policy-guard="held-table"] tbody tr td:first-child').allTextContents();
    // 23:10 UTC on 15 June is ten past midnight on the 16th in the school's zone.
    expect(times).toEqual(['Mon 23 Nov 2026, 10:00 GMT', 'Tue 16 Jun 2026, 00:10 BST']);
    const titles = await history.locator('[data-policy-guard="trend-point"] title').allTextContents();
    expect(titles.map((t) => t.split(': ')[0])).toEqual(['“Class 3 Oak” · Class Story, Mon 16 Nov 2026', '“Class 3 Oak” · Class Story, Mon 23 Nov 2026']);
    // D7: each count in a row says what it counts: posts in the Posts column, findings under Outcomes.
    const row = history.locator('tr[data-key="c1|class-story|2026-11-23"]');
    expect(await row.locator('[data-policy-guard="history-posts"]').textContent()).toBe('4 (3 new, 1 post edited since an earlier check)');
    expect(await row.locator('[data-policy-guard="history-edited"]').textContent()).toBe('1 finding in a post edited since checked');
    const labels = await history.getByRole('button').evaluateAll((bs) => bs.map((b) => b.getAttribute('aria-label') ?? ''));
    expect(labels).toContain('Export the spot-check of “Class 3 Oak” on Mon 23 Nov 2026 as CSV');
    // Nothing a person reads in either view is an ISO or a numeric date (files keep ISO: see the exports).
    for (const view of [history, overrides]) {
      const text = (await view.evaluate((el) => (el as HTMLElement).innerText)) + labels.join(' ') + titles.join(' ');
      expect(text).not.toMatch(DATE_ISO);
      expect(text).not.toMatch(DATE_NUMERIC);
    }
    await overrides.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await h.screenshot(options, 'leaders-fifth-dates-1280');
    await options.setViewportSize({ width: 400, height: 800 });
    await history.locator('[data-policy-guard="history-table"]').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await h.screenshot(options, 'leaders-fifth-dates-400');
    await options.close();
  }, 60_000);
});

describe('exports from a Welsh browser (probe 20e D10)', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00', locale: 'cy' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    // Class c2 was never named by a page.
    await h.seed('spotChecks', [record('c2', undefined, '2026-11-23', 3, 1)]);
    await h.seed('events', [{ kind: 'override', rule: 'full-name', rules: ['full-name'], classId: 'c2', channel: 'class-chat', at: '2026-11-23T10:00:00.000Z', reason: 'Mam wedi cytuno' }]);
  });

  const download = async (page: Page, click: () => Promise<void>) => {
    const [file] = await Promise.all([page.waitForEvent('download'), click()]);
    return readFileSync((await file.path())!, 'utf8').replace(/^\uFEFF/, '');
  };

  it('writes English headers, codes and "class id c2", while the page is in Welsh with the dates in Welsh', async () => {
    const options = await h.openExtensionPage('options.html');
    const history = options.locator('pg=[data-policy-guard="spot-history"]');
    const overrides = options.locator('pg=[data-policy-guard="overrides"]');
    await overrides.locator('[data-policy-guard="held-table"]').waitFor();
    await history.locator('[data-policy-guard="history-table"]').waitFor();
    // The screen: Welsh words, and the same date style in Welsh.
    expect(await overrides.locator('[data-policy-guard="held-table"] tbody td').nth(1).textContent()).toBe('dosbarth rhif adnabod c2');
    expect(await history.locator('[data-policy-guard="history-table"] tbody td').first().textContent()).toBe('Llun 23 Tach 2026');
    expect(await overrides.locator('[data-policy-guard="held-table"] tbody td').first().textContent()).toBe('Llun 23 Tach 2026, 10:00 GMT');
    // A plain note on how the class's name is learnt, in Welsh.
    expect(await overrides.locator('[data-policy-guard="class-name-note"]').textContent()).toContain('Stori’r Dosbarth');

    const held = await download(options, () => overrides.locator('[data-policy-guard="held-export-csv"]').click());
    const spot = await download(options, () => history.locator('tbody tr .actions button').first().click());
    expect(held.split('\r\n')[0]).toBe('time,time_zone,class,class_id,channel,rules,rule_ids,outcome,reason,fixed_first_rule_ids');
    expect(held).toContain('2026-11-23T10:00:00+00:00,Europe/London,class id c2,c2,class-chat,Full name,full-name,sent-anyway,Mam wedi cytuno');
    expect(spot.split('\r\n')[0]).toBe('date,class,class_id,view,post_time,time_zone,author,rule,rule_id,outcome,note,snippet,author_source,edited_since_checked,still_in_post');
    expect(spot).toContain('2026-11-23,class id c2,c2,class-story,');
    expect(spot).toContain(',Full name,full-name,open,');
    for (const file of [held, spot]) expect(file).not.toMatch(/dosbarth|adnabod|Enw llawn|Anfonwyd/i);
    await options.close();
  }, 60_000);
});

describe('a class chat where the class switcher is not where we guessed (probe 20e D1)', () => {
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' }, async (h: Harness) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', [{ first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false }]);
  });

  it('lists the override under "class id c1" with a note on how the name is learnt, then under the name once the Class Story is opened', async () => {
    const page = await h.openDojo(`${TEACH}?variant=no-switcher#/classes/c1/messaging/g1`);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.fill('Well done Amelia Hughes for a great week!');
    await page.locator('pg=[data-policy-guard="panel"] [data-rule="full-name"]').first().waitFor();
    await input.press('Enter');
    await page.locator('pg=[data-policy-guard="gate"]').waitFor();
    await sendAnyway(page, 'Mum agreed in writing');
    await expect.poll(async () => (await h.events()).filter((e) => e.kind === 'override').length).toBe(1);
    // Nothing on this page names the class by a mark we know: no name is guessed from other text.
    await page.waitForTimeout(500);
    expect(await h.stored('classes')).toEqual([]);
    await page.close();

    let options = await h.openExtensionPage('options.html');
    let view = options.locator('pg=[data-policy-guard="overrides"]');
    const rowText = () => view.locator('[data-policy-guard="held-table"] tbody tr').first().textContent();
    await expect.poll(rowText).toContain('class id c1');
    await view.locator('[data-policy-guard="class-name-note"]').waitFor();
    await view.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await h.screenshot(options, 'leaders-fifth-unnamed-class-1280');
    await options.close();

    // The Class Story's posts name the class in their header (verified markup): the name is learnt there.
    const story = await h.openDojo(`${TEACH}?variant=no-switcher#/classes/c1/story`);
    await expect.poll(async () => (await h.stored('classes')).find((c) => c.classId === 'c1')?.name, { timeout: 10_000 }).toBe('Class 3 Oak');
    await story.close();

    options = await h.openExtensionPage('options.html');
    view = options.locator('pg=[data-policy-guard="overrides"]');
    await expect.poll(rowText).toContain('Class 3 Oak');
    expect(await rowText()).not.toContain('class id');
    expect(await view.locator('[data-policy-guard="class-name-note"]').count()).toBe(0);
    const [file] = await Promise.all([options.waitForEvent('download'), view.locator('[data-policy-guard="held-export-csv"]').click()]);
    expect(readFileSync((await file.path())!, 'utf8')).toContain(',Class 3 Oak,c1,class-chat,');
    await options.close();
  }, 60_000);
});
