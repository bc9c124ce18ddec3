/**
 * Issue #15: the panel and `guard check --lang` word the same finding identically, in English and in Welsh: both
 * format the finding's id and data with lib/i18n/finding.ts over the same catalog (public/_locales), the
 * browser through chrome.i18n, the CLI through its JSON.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { messagesOf } from '../../cli/catalog';
import { runGuard } from '../../cli/main';
import { DIR } from '../fixtures/rosters/build';
import { PANEL, TEACH } from './harness';
import { SCHOOL_MORNING, useHarness } from './use-harness';

const DRAFTS = [
  'Well done Amelia Hughes! She has been diagnosed with dyslexia.',
  'Please ring me on 07700 900123 about the asthma inhaler.',
  "Jayden Smith-Walker's mum is in hospital, so he is staying with his nan.",
];

/** What `guard roster read <file> --lang <lang>` writes to stderr of a roster fixture, line by line. */
async function rosterCli(file: string, lang: 'en' | 'cy'): Promise<string[]> {
  let err = '';
  await runGuard(['roster', 'read', join(DIR, file), '--lang', lang], { stdout: () => undefined, stderr: (t) => (err += t) });
  return err.split('\n').filter(Boolean);
}

/** What `guard check --jsonl --lang <lang>` says of a Class Story draft at the harness's time, message by message. */
async function cli(text: string, lang: 'en' | 'cy'): Promise<string[]> {
  let out = '';
  const line = JSON.stringify({ id: 1, policy: 'bentley-new-village', channel: 'class-story', at: `${SCHOOL_MORNING.replace(' ', 'T')}Z`, text, roster: [] });
  await runGuard(['check', '--jsonl', '--lang', lang], { stdout: (t) => (out += t), stderr: () => undefined }, Readable.from([`${line}\n`]));
  return (JSON.parse(out) as { findings: { message: string }[] }).findings.map((f) => f.message);
}

for (const lang of ['en', 'cy'] as const) {
  describe(`the panel and guard check --lang ${lang} word findings alike`, () => {
    const h = useHarness(lang === 'cy' ? { locale: 'cy' } : {}, (h) => h.choosePolicy('bentley-new-village'));

    it.each(DRAFTS)('%s', async (draft) => {
      const want = await cli(draft, lang);
      expect(want.length, 'the draft has findings to compare').toBeGreaterThanOrEqual(1);
      const page = await h.openDojo(`${TEACH}#/classes/c1/story`);
      const panel = page.locator(PANEL);
      await page.locator('[data-name="storyComposerTextarea"]').fill(draft);
      await expect.poll(() => panel.locator('[data-rule]').count(), { timeout: 5_000 }).toBe(want.length);
      const shown = await panel.locator('[data-rule] .pg-line').allTextContents();
      expect([...shown].sort()).toEqual([...want].sort());
      if (lang === 'cy') expect(shown.join(' ')).toMatch(/yn Stori'r Dosbarth/);
      await page.close();
    });

    it('the options page’s roster preview says what guard roster read says of the same file, line for line', async () => {
      const file = 'excel-resaved-mojibake.csv';
      const t = messagesOf(lang);
      const cli = await rosterCli(file, lang);
      const options = await h.openExtensionPage('options.html');
      const rosters = options.locator('pg=[data-policy-guard="rosters"]');
      await rosters.locator('pg=[data-policy-guard="roster-new-class"]').fill('c1');
      await rosters.getByRole('button', { name: t('rosterAddClass') }).click();
      await rosters.locator('pg=[data-policy-guard="roster-file"]').setInputFiles({ name: file, mimeType: 'text/csv', buffer: readFileSync(join(DIR, file)) });
      const preview = rosters.locator('pg=[data-policy-guard="roster-preview"]');
      await preview.waitFor();
      const shown = (await preview.locator('p, li').allTextContents()).map((s) => s.trim());
      // The first line: the file's name, then how it was read as the preview says it, then the heading row.
      const readAs = await preview.locator('pg=[data-policy-guard="roster-read-as"]').textContent();
      expect(cli[0]).toBe(t('rosterSummaryFile', [file, `${readAs} ${t('rosterHeadingRow', ['1'])}`]));
      // Every other line but the counts (the preview counts new and changed pupils instead): a line of the preview, a note an item of its list.
      const note = t('rosterSummaryNote', ['']);
      const rest = cli.slice(1).map((l) => l.trim()).filter((l) => !l.startsWith(t('rosterSummaryCounts', ['', '', '']).slice(0, 8)));
      expect(rest.length).toBeGreaterThanOrEqual(5);
      for (const line of rest) expect(shown, line).toContain(line.startsWith(note) ? line.slice(note.length) : line);
      await h.screenshot(options, `options-roster-preview-${lang}`);
      await options.close();
    });
  });
}
