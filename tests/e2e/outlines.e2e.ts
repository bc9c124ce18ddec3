/**
 * Every fixture page made from a school's page outline (`guard outline to-fixture`, committed in
 * tests/fixtures/outlines/): Policy Guard must find every part it needs there (docs/redesign-workflow.md).
 * A school's report of a redesigned ClassDojo lands here as a failing test; a selector change in
 * lib/dojo/selectors.ts makes it pass.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OUTLINES_DIR } from '../../cli/outline';
import type { Outline } from '../../lib/dojo/outline';
import { fixtureRoute } from '../../lib/dojo/outline-fixture';
import { openDoctor, summary } from './doctor-helpers';
import { HOME, TEACH } from './harness';
import { useHarness } from './use-harness';

/** The committed outline fixtures (the round trip's temporary ones are not). */
const FIXTURES = readdirSync(OUTLINES_DIR)
  .filter((f) => f.endsWith('.html') && !f.startsWith('roundtrip-'))
  .map((f) => {
    const html = readFileSync(join(OUTLINES_DIR, f), 'utf8');
    const meta = JSON.parse(/<script type="application\/json" id="outline-meta">(.*?)<\/script>/s.exec(html)![1]!) as Pick<Outline, 'app' | 'view' | 'route'>;
    return { name: f.replace(/\.html$/, ''), url: `${meta.app === 'home' ? HOME : TEACH}?outline=${f.replace(/\.html$/, '')}${fixtureRoute(meta as Outline)}` };
  });

describe('fixtures made from schools’ page outlines', () => {
  const h = useHarness({}, (h) => h.choosePolicy('bentley-new-village'));

  it('there is at least the example of each kind of page', () => expect(FIXTURES.length).toBeGreaterThanOrEqual(2));

  for (const fixture of FIXTURES) {
    it(`${fixture.name}: Policy Guard finds every part it needs`, async () => {
      const page = await h.openDojo(fixture.url);
      const parts = await openDoctor(page);
      const missing = parts.filter((p) => p.needed === 'true' && p.found !== 'true');
      expect(missing.map((p) => `${p.part}${p.composer ? `#${p.composer}` : ''}`), JSON.stringify(summary(parts))).toEqual([]);
      expect(await page.locator('pg=[data-policy-guard="doctor"]').getAttribute('data-mismatch')).toBe('');
      await page.close();
    });
  }
});
