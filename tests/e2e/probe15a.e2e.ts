/**
 * Probe 15a (issue #15): a Welsh-speaking teacher and parent, every surface. Each test records what it saw in
 * test-results/probe15a-texts.json (for the report) and asserts that no English sentence of Policy Guard's own
 * leaks into the Welsh UI, that no `$…$` hole or "rule: messageId" fallback shows, and that the school's own
 * words (with `$` in them) show as written.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { runGuard } from '../../cli/main';
import { presetPolicy } from '../../lib/policy/presets/index';
import { HOME, PANEL, TEACH } from './harness';
import { useHarness } from './use-harness';

const AT = '2026-11-24 10:15:00';
const seen: Record<string, unknown> = {};
afterAll(() => {
  mkdirSync('test-results', { recursive: true });
  writeFileSync('test-results/probe15a-texts.json', JSON.stringify(seen, null, 1));
});

/** Policy Guard's own English, as it would leak: words of its English templates (quotes of the school's words removed first). */
const ENGLISH = /\b(which the|families|the whole class|policy allows|keeps this|Schedule for|is a pupil's|looks like|go to|under the|Teachers reply|This may be|Remove the)\b/;
const HOLE = /\$[A-Za-z0-9_@]+\$|\b[a-z]+(-[a-z]+)+: [a-z][A-Za-z]+\b/;
const unquoted = (s: string) => s.replace(/“[^”]*”/g, '“…”');

async function cliCy(text: string, channel = 'class-story'): Promise<string[]> {
  let out = '';
  const line = JSON.stringify({ id: 1, policy: 'bentley-new-village', channel, at: `${AT.replace(' ', 'T')}Z`, text, roster: [] });
  await runGuard(['check', '--jsonl', '--lang', 'cy'], { stdout: (t) => (out += t), stderr: () => undefined }, Readable.from([`${line}\n`]));
  return (JSON.parse(out) as { findings: { message: string }[] }).findings.map((f) => f.message);
}

const DRAFTS = [
  'Well done Amelia Hughes!',
  'Grace has been diagnosed with ADHD, please be patient with her.',
  'Oliver is on the SEN register and has an EHCP.',
  "Jayden's mum is in hospital, so he is staying with his nan.",
  'Isla was excluded for fighting today.',
  'Ruby gets free school meals now.',
  'Please ring me on 07700 900123 or email sarah@example.com.',
  'Oliver has been referred to the school counsellor for anxiety.',
  'Leo is in foster care now.',
  'Amelia has head lice again.',
];

describe('probe15a: Welsh teacher, Tuesday morning', () => {
  const h = useHarness({ locale: 'cy', fakeTime: AT }, (h) => h.choosePolicy('bentley-new-village'));

  it('Class Story: the panel words 10 drafts as guard check --lang cy does, with no English and no holes', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    const panel = page.locator(PANEL);
    const box = page.locator('[data-name="storyComposerTextarea"]');
    const out: Record<string, { panel: string[]; cli: string[] }> = {};
    for (const draft of DRAFTS) {
      const want = await cliCy(draft);
      await box.fill(draft);
      // Until the panel shows this draft's findings (the count alone can match the previous draft's).
      await expect.poll(async () => [...(await panel.locator('[data-rule] .pg-line').allTextContents())].sort(), { timeout: 5_000 }).toEqual([...want].sort());
      const shown = await panel.locator('[data-rule] .pg-line').allTextContents();
      out[draft] = { panel: shown, cli: want };
    }
    seen.story = out;
    seen.storyPanelText = await panel.textContent();
    await h.screenshot(page, 'probe15a-story');
    for (const [draft, { panel: shown, cli }] of Object.entries(out)) {
      expect([...shown].sort(), draft).toEqual([...cli].sort());
      for (const line of shown) {
        expect(unquoted(line), draft).not.toMatch(ENGLISH);
        expect(line, draft).not.toMatch(HOLE);
      }
    }
    await page.close();
  });

  it('class chat: the send gate in Welsh', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/g1`);
    const input = page.locator('[data-name="messageComposerInput"]');
    await input.fill('Well done Amelia Hughes! Grace has been diagnosed with ADHD. Ring me on 07700 900123.');
    await expect.poll(() => page.locator(`${PANEL} [data-rule]`).count()).toBeGreaterThanOrEqual(2);
    await input.press('Enter');
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    await gate.waitFor();
    await page.waitForTimeout(300);
    seen.gate = await gate.textContent();
    await h.screenshot(page, 'probe15a-gate');
    expect(unquoted(String(seen.gate))).not.toMatch(ENGLISH);
    expect(String(seen.gate)).not.toMatch(HOLE);
    await page.close();
  });

  it('photos: tagged pupils without consent and in care, in Welsh', async () => {
    await h.setRoster('c1', [
      { first: 'Amelia', last: 'Hughes', photoConsent: true, inCare: false },
      { first: 'Harry', last: 'Davies', photoConsent: false, inCare: false },
      { first: 'Zofia', last: 'Kowalska', photoConsent: null, inCare: false },
      { first: 'Oliver', last: 'Bennett', photoConsent: true, inCare: true },
    ]);
    const texts: Record<string, string | null> = {};
    for (const pupil of ['Harry Davies', 'Zofia Kowalska', 'Oliver Bennett']) {
      const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
      await page.locator(`${PANEL} [data-policy-guard="audience"]`).waitFor();
      await page.getByRole('button', { name: 'Add photo' }).click();
      await page.getByRole('button', { name: 'Tag students' }).click();
      await page.getByLabel(pupil).check();
      await page.locator('[data-name="storyComposerTextarea"]').fill('Ein harbrawf llosgfynydd!');
      const f = page.locator(`${PANEL} [data-rule="photo-consent"]`);
      await expect.poll(() => f.count(), { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
      texts[pupil] = await f.first().textContent();
      if (pupil === 'Zofia Kowalska') await h.screenshot(page, 'probe15a-photo-unknown');
      await page.close();
    }
    seen.photos = texts;
    for (const [pupil, t] of Object.entries(texts)) {
      expect(t).toContain(pupil);
      expect(unquoted(String(t))).not.toMatch(ENGLISH);
      expect(String(t)).not.toMatch(HOLE);
    }
  });

  it('routing cards for four parents\' messages (sickness, progress, a disclosure, an abusive one), in Welsh', async () => {
    const cards: Record<string, string | null> = {};
    for (const id of ['p1', 'p2', 'p3', 'p4', 'g1']) {
      const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/${id}`);
      const card = page.locator('pg=[data-policy-guard="routing"]');
      await expect.poll(() => card.count(), { timeout: 5_000 }).toBeGreaterThanOrEqual(id === 'g1' ? 0 : 1);
      if ((await card.count()) > 0) {
        await expect.poll(() => card.getAttribute('data-intent'), { timeout: 5_000 }).toBeTruthy();
        cards[id] = `${await card.getAttribute('data-intent')} | ${await card.textContent()}`;
      }
      if (id === 'p3' || id === 'p4') await h.screenshot(page, `probe15a-routing-${id}`);
      await page.close();
    }
    seen.routing = cards;
    for (const [id, t] of Object.entries(cards)) expect(String(t), id).not.toMatch(HOLE);
  });

  it('fixed: the Welsh safeguarding card names the DSL in Welsh (was "Diogelu → the Designated Safeguarding Lead", "dywedwch wrth the Designated Safeguarding Lead nawr")', async () => {
    const page = await h.openDojo(`${TEACH}#/classes/c1/messaging/p3`);
    const card = page.locator('pg=[data-policy-guard="routing"]');
    await expect.poll(() => card.getAttribute('data-intent'), { timeout: 5_000 }).toBe('safeguarding');
    const text = await card.textContent();
    await page.close();
    expect(text).not.toMatch(/the Designated Safeguarding Lead/);
    expect(text).toMatch(/y Person Diogelu Dynodedig/);
  });

  it('the school\'s words with $ in them (closure label, contact name, policy name) show as written; a finding follows a policy edit', async () => {
    await h.editPolicy({
      name: 'Ysgol $1 a $$ a $NAME$',
      hours: { closures: [{ start: '2026-11-24', end: '2026-11-24', label: 'Diwrnod HMS $1 $$' }] },
      routing: { contacts: { 'attendance-officer': { name: 'Mr $1 Lund $$', role: 'Attendance Officer', how: 'by $$ ClassDojo $2' } } },
    });
    const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
    const panel = page.locator(PANEL);
    await page.locator('[data-name="storyComposerTextarea"]').fill('Well done Amelia Hughes!');
    await expect.poll(() => panel.locator('[data-rule]').count(), { timeout: 5_000 }).toBeGreaterThanOrEqual(1);
    await page.waitForTimeout(500);
    seen.dollarPanel = await panel.locator('[data-rule] .pg-line').allTextContents();
    await h.screenshot(page, 'probe15a-dollar-panel');
    // The policy's name changes while the finding is on screen.
    await h.editPolicy({ name: 'Ysgol Gynradd Newydd' });
    await page.waitForTimeout(1_500);
    await page.locator('[data-name="storyComposerTextarea"]').pressSequentially(' Da iawn', { delay: 5 });
    await page.waitForTimeout(800);
    seen.afterEdit = await panel.locator('[data-rule] .pg-line').allTextContents();
    await page.close();

    await h.editPolicy({ routing: { contacts: { 'attendance-officer': { name: 'Mr $1 Lund $$', role: 'Attendance Officer', how: 'by $$ ClassDojo $2' } } } });
    const chat = await h.openDojo(`${TEACH}#/classes/c1/messaging/p1`);
    const card = chat.locator('pg=[data-policy-guard="routing"]');
    await expect.poll(() => card.textContent(), { timeout: 5_000 }).toContain('Mr');
    seen.dollarCard = await card.textContent();
    await chat.close();

    const home = await h.openDojo(`${HOME}#/messages/t1`);
    await home.locator('[data-name="messageComposerInput"]').pressSequentially("Amelia won't be in tomorrow, she has a dentist appointment", { delay: 5 });
    const hint = home.locator('pg=[data-policy-guard="parent-hint"]');
    await expect.poll(() => hint.textContent(), { timeout: 5_000 }).toContain('Mr');
    seen.dollarHint = await hint.textContent();
    await h.screenshot(home, 'probe15a-dollar-hint');
    await home.close();
    await h.editPolicy({});

    const all = JSON.stringify([seen.dollarPanel, seen.dollarCard, seen.dollarHint]);
    expect(JSON.stringify(seen.dollarPanel)).toContain('Diwrnod HMS $1 $$');
    expect(JSON.stringify(seen.dollarPanel)).toContain('Ysgol $1 a $$ a $NAME$');
    expect(String(seen.dollarCard)).toContain('Mr $1 Lund $$');
    expect(String(seen.dollarCard)).toContain('by $$ ClassDojo $2');
    expect(String(seen.dollarHint)).toContain('Mr $1 Lund $$');
    expect(all).not.toMatch(/undefined|null/);
    expect(JSON.stringify(seen.afterEdit)).toContain('Ysgol Gynradd Newydd');
  });

  it('fixed: options page in Welsh: a roster read with semicolons is "wedi\'i wahanu gan hanner colonau" (was "gan semicolons"; also records a refused policy file and a parent asking about dinners)', async () => {
    const options = await h.openExtensionPage('options.html');
    const rosters = options.locator('pg=[data-policy-guard="rosters"]');
    await rosters.locator('pg=[data-policy-guard="roster-new-class"]').fill('c7');
    await rosters.getByRole('button', { name: 'Ychwanegu' }).click();
    await rosters.locator('pg=[data-policy-guard="roster-file"]').setInputFiles({ name: 'dosbarth.csv', mimeType: 'text/csv', buffer: Buffer.from('Forename;Surname;Photo consent;Year\nAmelia;Hughes;yes;3\nZofia;Kowalska;;3\n') });
    const preview = rosters.locator('pg=[data-policy-guard="roster-preview"]');
    await preview.waitFor();
    seen.rosterPreview = await preview.textContent();
    await preview.scrollIntoViewIfNeeded();
    await h.screenshot(options, 'probe15a-roster-preview');

    const broken = presetPolicy('malpas-court') as any;
    broken.hours.staff[0].end = '25:00';
    await options.locator('pg=[data-policy-guard="policy-file"]').setInputFiles({ name: 'ein-polisi.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(broken)) });
    const problems = options.locator('pg=[data-policy-guard="policy-problems"]');
    await problems.waitFor();
    seen.policyProblems = await problems.textContent();
    await problems.scrollIntoViewIfNeeded();
    await h.screenshot(options, 'probe15a-policy-problems');
    await options.close();

    const home = await h.openDojo(`${HOME}#/messages/t1`);
    await home.locator('[data-name="messageComposerInput"]').pressSequentially('Can Amelia switch to school dinners from Monday please? How much are they?', { delay: 3 });
    const hint = home.locator('pg=[data-policy-guard="parent-hint"]');
    await expect.poll(() => hint.textContent(), { timeout: 5_000 }).toMatch(/Mae/);
    seen.dinnersHint = await hint.textContent();
    await home.close();
    expect(String(seen.rosterPreview)).not.toMatch(/\b(commas|semicolons|tabs)\b/);
    expect(String(seen.rosterPreview)).toContain("wedi'i wahanu gan hanner colonau");
  });

  it('points page (Malpas Court): taking a point away, in Welsh; the options page\'s try-it and the popup', async () => {
    await h.choosePolicy('malpas-court');
    const page = await h.openDojo(`${TEACH}#/classes/c1/points`);
    await expect.poll(() => page.locator(PANEL).getAttribute('data-policy'), { timeout: 5_000 }).toBe('malpas-court');
    await page.getByRole('button', { name: /^Amelia Hughes/ }).click();
    await page.getByRole('button', { name: '-1 Off task' }).click();
    const gate = page.locator('pg=[data-policy-guard="gate"]');
    await gate.waitFor();
    seen.pointsGate = await gate.textContent();
    await h.screenshot(page, 'probe15a-points-gate');
    await page.close();
    await h.choosePolicy('bentley-new-village');

    const options = await h.openExtensionPage('options.html');
    const tryIt = options.locator('pg=[data-policy-guard="try-it"]');
    await tryIt.locator('pg=[data-policy-guard="try-draft"]').fill('Well done to Amelia Hughes! Grace has been diagnosed with ADHD.');
    await expect.poll(() => tryIt.locator('pg=[data-policy-guard="try-findings"] [data-rule]').count(), { timeout: 5_000 }).toBeGreaterThanOrEqual(2);
    seen.tryIt = await tryIt.textContent();
    await tryIt.scrollIntoViewIfNeeded();
    await h.screenshot(options, 'probe15a-try-it');
    await options.close();

    const popup = await h.openExtensionPage('popup.html');
    await expect.poll(() => popup.locator('pg=[data-policy-guard="popup-policy"]').textContent()).toContain('Polisi: ');
    seen.popup = await popup.locator('body').textContent();
    await h.screenshot(popup, 'probe15a-popup');
    await popup.close();
    expect(unquoted(String(seen.pointsGate))).not.toMatch(ENGLISH);
    expect(unquoted(String(seen.tryIt))).not.toMatch(ENGLISH);
  });
});

/** What `guard check --jsonl` printed at c46a4c9 (before #15's catalog) for these drafts, Class Story and class chat. */
const BEFORE = JSON.parse(readFileSync(new URL('./probe15a-en-c46a4c9.json', import.meta.url), 'utf8')) as Record<string, string[]>;
const EN_DRAFTS = [...DRAFTS, 'Well done Amelia Hughes, remember your reading book tomorrow.'];

describe('probe15a: an English teacher sees the wording of c46a4c9, word for word, in the panel and the gate', () => {
  const h = useHarness({ fakeTime: AT }, (h) => h.choosePolicy('bentley-new-village'));

  for (const [channel, url, sel] of [
    ['class-story', '#/classes/c1/story', 'storyComposerTextarea'],
    ['class-chat', '#/classes/c1/messaging/g1', 'messageComposerInput'],
  ] as const) {
    it(`${channel}: ${EN_DRAFTS.length} drafts`, async () => {
      const page = await h.openDojo(`${TEACH}${url}`);
      const panel = page.locator(PANEL);
      const box = page.locator(`[data-name="${sel}"]`);
      const shown: Record<string, string[]> = {};
      for (const [i, draft] of EN_DRAFTS.entries()) {
        const want = [...BEFORE[`${i}:${channel}`]!].sort();
        await box.fill(draft);
        await expect
          .poll(async () => [...(await panel.locator('[data-rule] .pg-line').allTextContents())].sort(), { timeout: 5_000 })
          .toEqual(want);
        shown[draft] = want;
      }
      seen[`english-${channel}`] = shown;
      if (channel === 'class-chat') {
        // The gate on the last draft: each finding as it was worded before.
        await box.press('Enter');
        const gate = page.locator('pg=[data-policy-guard="gate"]');
        await gate.waitFor();
        const text = String(await gate.textContent());
        for (const m of BEFORE[`${EN_DRAFTS.length - 1}:${channel}`]!) expect(text).toContain(m);
        await h.screenshot(page, 'probe15a-english-gate');
      }
      await page.close();
    });
  }
});
