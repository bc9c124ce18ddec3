/**
 * Issue #15: the panel and `guard check --lang` word the same finding identically, in English and in Welsh: both
 * format the finding's id and data with lib/i18n/finding.ts over the same catalog (public/_locales), the
 * browser through chrome.i18n, the CLI through its JSON.
 */
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { runGuard } from '../../cli/main';
import { PANEL, TEACH } from './harness';
import { SCHOOL_MORNING, useHarness } from './use-harness';

const DRAFTS = [
  'Well done Amelia Hughes! She has been diagnosed with dyslexia.',
  'Please ring me on 07700 900123 about the asthma inhaler.',
  "Jayden Smith-Walker's mum is in hospital, so he is staying with his nan.",
];

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
  });
}
