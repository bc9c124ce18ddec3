/**
 * Every fixture page made from a school's page outline (`guard outline to-fixture`, committed in
 * tests/fixtures/outlines/): Policy Guard must find every part it needs there (docs/redesign-workflow.md).
 * A school's report of a redesigned ClassDojo lands here as a failing test; a selector change in
 * lib/dojo/selectors.ts makes it pass. A part that is really not on a school's page is recorded beside its
 * outline in `<name>.expect.json` (`{"absent": ["tagged-pupils#1"], "why": "…"}`): it must then be missing,
 * and the doctor must say so; nothing else may be (probe 21e D5).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
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
    const name = f.replace(/\.html$/, '');
    return { name, url: `${meta.app === 'home' ? HOME : TEACH}?outline=${name}${fixtureRoute(meta as Outline)}`, absent: absentParts(name) };
  });

/** The parts a fixture's `<name>.expect.json` says are really not on the school's page (`part` or `part#composer`). */
function absentParts(name: string): string[] {
  const path = join(OUTLINES_DIR, `${name}.expect.json`);
  if (!existsSync(path)) return [];
  const expect = JSON.parse(readFileSync(path, 'utf8')) as { absent?: unknown; why?: unknown };
  if (!Array.isArray(expect.absent) || !expect.absent.every((p) => typeof p === 'string' && /^[a-z-]+(#\d+)?$/.test(p)) || typeof expect.why !== 'string' || !expect.why.trim()) {
    throw new Error(`${name}.expect.json: expected {"absent": ["part" or "part#n", …], "why": "what the school's page lacks"}`);
  }
  return expect.absent as string[];
}

describe('fixtures made from schools’ page outlines', () => {
  const h = useHarness({}, (h) => h.choosePolicy('bentley-new-village'));

  it('there is at least the example of each kind of page, and one with a part recorded as not on the page', () => {
    expect(FIXTURES.length).toBeGreaterThanOrEqual(3);
    expect(FIXTURES.some((f) => f.absent.length > 0)).toBe(true);
  });

  for (const fixture of FIXTURES) {
    it(`${fixture.name}: Policy Guard finds every part it needs`, async () => {
      const page = await h.openDojo(fixture.url);
      const parts = await openDoctor(page);
      const missing = parts.filter((p) => p.needed === 'true' && p.found !== 'true').map((p) => `${p.part}${p.composer ? `#${p.composer}` : ''}`);
      // What the school's page really lacks (its .expect.json) is missing, and said; nothing else is.
      expect(missing.filter((p) => !fixture.absent.includes(p)), JSON.stringify(summary(parts))).toEqual([]);
      expect(fixture.absent.filter((p) => !missing.includes(p)), `${fixture.name}.expect.json names parts that are found or not needed: update it`).toEqual([]);
      expect(await page.locator('pg=[data-policy-guard="doctor"]').getAttribute('data-mismatch')).toBe('');
      await page.close();
    });
  }
});
