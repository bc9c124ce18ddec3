// @vitest-environment happy-dom
/**
 * Names read from ClassDojo's page, as the spot-check overlay and the history show them (components/SpotSummary.tsx
 * PageName): quoted by the one helper the settings page uses (lib/dojo/class-name.ts quoteName), so a class or
 * author name with double quotes of its own is never shown as “…“…”…” (issue #20, the probe after 20f).
 */
import { describe, expect, it } from 'vitest';
import { PageName, SpotSummary } from '../../../components/SpotSummary';
import { quoteName } from '../../../lib/dojo/class-name';
import { mount } from '../options/mount';

const nested = /“[^”]*“|”[^“]*”/;

describe('a name read from the page, in the overlay', () => {
  it('is quoted as the settings page quotes it', async () => {
    for (const name of ['Class 3 Oak', 'Year 2 “Derwen”', 'Mr "Sunny" Jones']) {
      const root = await mount(<PageName name={name} />);
      expect(root.textContent).toBe(quoteName(name));
      expect(root.textContent).not.toMatch(nested);
    }
    const root = await mount(<PageName name={'Year 2 “Derwen”'} />);
    expect(root.textContent).toBe('‘Year 2 “Derwen”’');
  });

  it('the summary’s “Recording for” line and its authors never nest quotes of one kind', async () => {
    const summary = { posts: 1, withFindings: 1, findings: 1, noIssue: 0, byRule: { "full-name": 1 }, byAuthor: { "Ms “Bee” Carter": 1 } };
    const root = await mount(
      <SpotSummary kind="story" summary={summary} rows={[]} className={"Year 2 “Derwen”"} scopeId="c1" timeZone="Europe/London" scanMs={0} longestSliceMs={0} keepSnippets={false} storeError={false} onOutcome={() => {}} onKeepSnippets={() => {}} onExport={async () => true} />,
    );
    const names = [...root.querySelectorAll('[data-policy-guard="page-name"]')].map((n) => n.textContent);
    expect(names).toContain('‘Year 2 “Derwen”’');
    for (const n of names) expect(n).not.toMatch(nested);
  });
});
