/**
 * Probe 20f's defects in the leaders' record, met as a teacher and a head teacher meet them:
 * - a held send partly fixed in the dialog ("Apply all fixes" clears the full names, the health detail is
 *   left), then "Go back and edit" or "Send anyway": one record each, with every rule it was held for and the
 *   full names marked fixed first, in the overrides view, the CSV and the popup's counts (D1);
 * - a shorter retention limit applies to the overrides view at once, and a record past the limit is never
 *   listed, purged or not (D4, D5);
 * - the popup's "See each one and its reason" opens the settings at the overrides view (D7);
 * - a filtered export's file says its filter and the class by name (D9).
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { c1Pupils } from './class-c1';
import { sendAnyway } from './gate';
import { TEACH } from './harness';
import { downloaded } from './feed-words';
import { useHarness } from './use-harness';

const DRAFT = 'Well done Jayden Smith-Walker, and Amelia Hughes has asthma.';


/** Types the draft in c1's Class Story, presses Post, and applies all fixes in the gate: the health detail is left. */
async function holdAndFix(page: Page) {
  const box = page.getByRole('textbox', { name: /Share something with families/ });
  await box.click();
  await page.keyboard.type(DRAFT);
  await page.locator('pg=[data-policy-guard="panel"] [data-rule="sensitive-content"]').first().waitFor();
  await page.locator('[data-name="storyComposerPostButton"]').click();
  const gate = page.locator('pg=[data-policy-guard="gate"]');
  await gate.waitFor();
  await gate.getByRole('button', { name: /Apply all fixes/ }).click();
  // The names are fixed in the draft; the gate stays up for the health detail.
  await expect.poll(() => box.inputValue()).toBe('Well done Jayden, and Amelia has asthma.');
  await expect.poll(async () => (await gate.count()) && (await gate.textContent())?.includes('asthma')).toBeTruthy();
  return gate;
}

describe('a partly fixed held send is one record of every rule (probe 20f D1)', () => {
  const h = useHarness({}, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(true));
  });

  it('"Go back and edit" and "Send anyway" after "Apply all fixes" keep the fixed full names, in the view, the export and the popup', async () => {
    await h.setSpotCheck(false);
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    let gate = await holdAndFix(page);
    await gate.getByRole('button', { name: /Go back and edit/ }).click();
    await expect.poll(async () => (await h.events()).length).toBe(1);
    expect((await h.events())[0]).toMatchObject({ kind: 'cancelled', classId: 'c1' });
    expect(new Set((await h.events())[0]!.rules as string[])).toEqual(new Set(['full-name', 'sensitive-content']));
    expect((await h.events())[0]!.fixed).toEqual(['full-name']);

    // Again, and this time sent anyway with a reason.
    const box = page.getByRole('textbox', { name: /Share something with families/ });
    await box.fill('');
    gate = await holdAndFix(page);
    await sendAnyway(page, 'Mum agreed');
    await expect.poll(async () => (await h.events()).filter((e) => e.kind === 'override').length).toBe(1);
    const override = (await h.events()).find((e) => e.kind === 'override')!;
    expect(new Set(override.rules as string[])).toEqual(new Set(['full-name', 'sensitive-content']));
    expect(override).toMatchObject({ fixed: ['full-name'], reason: 'Mum agreed' });
    expect(JSON.stringify(await h.events())).not.toContain('asthma');
    await page.close();

    const options = await h.openExtensionPage('options.html');
    const view = options.locator('pg=[data-policy-guard="overrides"]');
    const rows = view.locator('[data-policy-guard="held-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    for (const [i, outcome] of [[0, 'Sent anyway'], [1, 'Went back to edit']] as const) {
      const text = (await rows.nth(i).textContent()) ?? '';
      expect(text).toContain('Full name');
      expect(text).toContain('Sensitive content');
      expect(text).toContain(`${outcome} (Full name fixed first)`);
      expect(await rows.nth(i).getAttribute('data-fixed-first')).toBe('full-name');
    }
    await view.scrollIntoViewIfNeeded();
    await h.screenshot(options, 'overrides-partly-fixed');
    const csv = await downloaded(options, () => view.locator('[data-policy-guard="held-export-csv"]').click());
    const lines = csv.text.trim().split(/\r\n/);
    expect(lines[0]).toContain('outcome,reason,fixed_first_rule_ids');
    expect(lines.filter((l) => /,(sent-anyway,Mum agreed|edited,),full-name$/.test(l))).toHaveLength(2);
    await options.close();

    // The popup: two held, one edited, one sent anyway (they add up), and both said to be partly fixed first.
    const popup = await h.openExtensionPage('popup.html');
    for (const line of ['popup-today', 'popup-week']) {
      const p = popup.locator(`pg=[data-policy-guard="${line}"]`);
      await p.waitFor();
      expect(await p.getAttribute('data-held')).toBe('2');
      expect(await p.locator('[data-policy-guard="popup-partly-fixed"]').getAttribute('data-n')).toBe('2');
      expect(await p.textContent()).toContain('Of these, 2 had some findings fixed in the dialog first.');
    }
    await popup.close();
  }, 90_000);
});

describe('a send held with its dialog still up is counted (demo 06)', () => {
  const h = useHarness({}, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.setRoster('c1', c1Pupils(true));
  });

  it('the popup opened while the gate waits counts it as held today and this week, still waiting for a choice', async () => {
    await h.setSpotCheck(false);
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    const gate = await holdAndFix(page); // the dialog stays up for the health detail
    const popup = await h.openExtensionPage('popup.html');
    await popup.locator('pg=[data-policy-guard="popup-today"]').waitFor();
    await h.screenshot(popup, 'popup-still-open');
    for (const line of ['popup-today', 'popup-week']) {
      const p = popup.locator(`pg=[data-policy-guard="${line}"]`);
      await p.waitFor();
      expect(await p.getAttribute('data-held')).toBe('1');
      expect(await p.locator('[data-policy-guard="popup-still-open"]').getAttribute('data-n')).toBe('1');
      expect(await p.textContent()).toContain('Of these, 1 still waiting for a choice in the dialog on an open page.');
    }
    await popup.close();
    // Decided: no longer waiting, and counted by its outcome.
    await gate.getByRole('button', { name: /Go back and edit/ }).click();
    await expect.poll(async () => (await h.events()).length).toBe(1);
    const again = await h.openExtensionPage('popup.html');
    const today = again.locator('pg=[data-policy-guard="popup-today"]');
    await today.waitFor();
    expect(await today.getAttribute('data-held')).toBe('1');
    expect(await today.getAttribute('data-edited')).toBe('1');
    expect(await today.locator('[data-policy-guard="popup-still-open"]').count()).toBe(0);
    await again.close();
    await page.close();
  }, 90_000);
});

describe('the overrides view keeps to the retention limit and is easy to reach (probe 20f D4, D5, D7, D9)', () => {
  const h = useHarness({ fakeTime: '2027-01-05 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.seed('classes', [{ classId: 'c3', name: 'Class 3 Oak', updatedAt: '2027-01-05T10:00:00.000Z' }]);
    await h.seed('events', [
      // Past the 365-day limit, seeded after the worker's start-up purge: never listed.
      { kind: 'override', rule: 'full-name', rules: ['full-name'], classId: 'c3', channel: 'class-story', reason: 'too old', at: '2026-01-03T10:00:00.000Z' },
      { kind: 'override', rule: 'full-name', rules: ['full-name'], classId: 'c3', channel: 'class-story', reason: '65 days', at: '2026-11-01T10:00:00.000Z' },
      { kind: 'cancelled', rule: 'sensitive-content', rules: ['sensitive-content'], classId: 'c2', channel: 'class-story', at: '2026-12-20T10:00:00.000Z' },
      { kind: 'cancelled', rule: 'out-of-hours', rules: ['out-of-hours'], classId: 'c3', channel: 'class-chat', at: '2027-01-04T10:00:00.000Z' },
    ]);
  });

  it('lists only what the limit keeps, and a shorter limit applies at once', async () => {
    const options = await h.openExtensionPage('options.html');
    const view = options.locator('pg=[data-policy-guard="overrides"]');
    const rows = view.locator('[data-policy-guard="held-table"] tbody tr');
    await expect.poll(() => rows.count()).toBe(3);
    expect(await view.textContent()).not.toContain('too old');
    expect(await view.textContent()).toContain('Kept for 365 days');

    await options.locator('pg=[data-policy-guard="retention"]').selectOption('30');
    await expect.poll(() => rows.count()).toBe(2);
    expect(await view.textContent()).not.toContain('65 days');
    expect(await view.textContent()).toContain('Kept for 30 days');
    // And the record itself is purged (the background purges as the limit changes).
    await expect.poll(async () => (await h.events()).length).toBe(2);

    // A filtered export says its filter in its name; the whole one does not.
    const all = await downloaded(options, () => view.locator('[data-policy-guard="held-export-csv"]').click());
    expect(all.name).toBe('overrides-and-held-sends-2027-01-05.csv');
    await view.locator('[data-policy-guard="held-class"]').selectOption('c3');
    await view.locator('[data-policy-guard="held-from"]').fill('2027-01-01');
    await expect.poll(() => rows.count()).toBe(1);
    const one = await downloaded(options, () => view.locator('[data-policy-guard="held-export-csv"]').click());
    expect(one.name).toBe('overrides-and-held-sends-class-3-oak-from-2027-01-01-saved-2027-01-05.csv');
    await options.close();
  });

  it('the popup’s "See each one and its reason" opens the settings at the overrides view', async () => {
    const popup = await h.openExtensionPage('popup.html');
    const week = popup.locator('pg=[data-policy-guard="popup-week"]');
    await week.waitFor();
    const [tab] = await Promise.all([h.context.waitForEvent('page'), week.getByRole('link').click()]);
    expect(tab.url()).toMatch(/\/options\.html#overrides$/);
    const heading = tab.locator('pg=[data-policy-guard="overrides"] h2');
    await heading.waitFor();
    // Once the page has drawn, the view's heading is on screen, near the top, with the focus.
    await expect
      .poll(async () => tab.evaluate(`(() => { const h = document.activeElement; return !!h && h.tagName === 'H2' && h.getBoundingClientRect().top >= 0 && h.getBoundingClientRect().top < innerHeight / 2; })()`), { timeout: 10_000 })
      .toBe(true);
    expect(await tab.evaluate('scrollY')).toBeGreaterThan(500);
    await h.screenshot(tab, 'overrides-from-popup');
    await tab.close();
    await popup.close();
  });
});

describe('the chart’s counts never cover the share axis (probe 20f D6)', () => {
  /** A stored spot-check of `n` posts, `flagged` of them with a finding. */
  const record = (date: string, n: number, flagged: number) => {
    const ids = Array.from({ length: n }, (_, i) => `c1-${date}-${i}`);
    return {
      key: `c1|class-story|${date}`, classId: 'c1', className: 'Class 3 Oak', view: 'class-story', date,
      at: `${date}T10:00:00.000Z`, updatedAt: `${date}T10:00:00.000Z`, items: ids,
      findings: ids.slice(0, flagged).map((id) => ({ key: `${id}:full-name`, itemId: id, rule: 'full-name', postAt: `${date}T09:00:00.000Z` })),
      keepSnippets: false, size: 600,
    };
  };
  const h = useHarness({ fakeTime: '2027-03-29 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    // The probe's three checks: the first point (2 of 5, 40%) sits at the axis, just under "50%".
    await h.seed('spotChecks', [record('2027-03-01', 5, 2), record('2027-03-22', 12, 6), record('2027-03-29', 4, 4)]);
  });

  it('no count overlaps a share label ("50%") at 1280, 800 and 400 px', async () => {
    const options = await h.openExtensionPage('options.html');
    const chart = options.locator('pg=[data-policy-guard="trend-chart"]');
    await chart.waitFor();
    for (const width of [1280, 800, 400]) {
      await options.setViewportSize({ width, height: 900 });
      await options.waitForTimeout(200);
      const boxes = (await chart.evaluate((fig) => {
        const all = (sel: string) => [...fig.querySelectorAll(sel)].map((el) => { const r = el.getBoundingClientRect(); return { text: el.textContent ?? '', left: r.left, top: r.top, right: r.right, bottom: r.bottom }; });
        return { counts: all('[data-policy-guard="point-count"]'), shares: all('[data-policy-guard="share-label"]') };
      })) as { counts: { text: string; left: number; top: number; right: number; bottom: number }[]; shares: { text: string; left: number; top: number; right: number; bottom: number }[] };
      expect(boxes.counts.length, `${width}px: counts shown`).toBeGreaterThanOrEqual(2);
      for (const c of boxes.counts)
        for (const s of boxes.shares) {
          const hit = c.left < s.right - 0.5 && s.left < c.right - 0.5 && c.top < s.bottom - 0.5 && s.top < c.bottom - 0.5;
          expect(hit, `${width}px: "${c.text}" covers "${s.text}"`).toBe(false);
        }
    }
    await chart.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await h.screenshot(options, 'leaders-sixth-chart');
    await options.close();
  });
});

describe('a long class name with quotes of its own is shown whole where it is cut (probe 20f D8)', () => {
  const LONG = 'Year 4, “Willow” – Mrs O\'Brien & Mr Nguyễn’s class, with a name that goes on well past any row';
  const h = useHarness({ fakeTime: '2027-01-05 10:15:00' }, async (h) => {
    await h.choosePolicy('bentley-new-village');
    await h.seed('classes', [{ classId: 'c8', name: LONG, updatedAt: '2027-01-05T10:00:00.000Z' }]);
    await h.seed('spotChecks', [
      { key: 'c8|class-story|2027-01-04', classId: 'c8', className: LONG, view: 'class-story', date: '2027-01-04', at: '2027-01-04T10:00:00.000Z', updatedAt: '2027-01-04T10:00:00.000Z', items: ['p1', 'p2'], findings: [{ key: 'p1:full-name', itemId: 'p1', rule: 'full-name' }], keepSnippets: false, size: 300 },
    ]);
    await h.seed('events', [{ kind: 'override', rule: 'full-name', rules: ['full-name'], classId: 'c8', channel: 'class-story', reason: 'asked', at: '2027-01-04T10:00:00.000Z' }]);
  });

  it('the legend, each point and the class filter give the whole name; the cut keeps its closing quote', async () => {
    const options = await h.openExtensionPage('options.html');
    const chart = options.locator('pg=[data-policy-guard="trend-chart"]');
    await chart.waitFor();
    const legend = chart.locator('.legend li').first();
    expect(await legend.getAttribute('title')).toContain(`‘${LONG}’`);
    const shown = (await legend.textContent())!.trim();
    expect(shown.length).toBeLessThan(LONG.length);
    expect(shown).toMatch(/^‘Year 4, “Willow”.*…’ · Class Story$/);
    expect(await chart.locator('[data-policy-guard="trend-point"] title').first().textContent()).toContain(`‘${LONG}’`);
    const filter = options.locator('pg=[data-policy-guard="held-class"]');
    await filter.waitFor();
    expect(await filter.locator('option[value="c8"]').getAttribute('title')).toBe(`‘${LONG}’`);
    expect(await filter.locator('option[value="c8"]').textContent()).toMatch(/^‘Year 4, “Willow”.*…’$/);
    await filter.selectOption('c8');
    expect(await filter.getAttribute('title')).toBe(`‘${LONG}’`);
    await options.close();
  });
});
