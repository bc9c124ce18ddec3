/**
 * Saves fixture pages as the browser's "Save page as" would (the page's DOM, with the "saved from url" mark),
 * into tests/fixtures/saved/, for the unit tests of `guard outline from-html`. Run after changing the fixture
 * apps: `npx tsx scripts/save-fixture-pages.ts` (needs the built extension, like the end-to-end tests).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES_DIR } from '../tests/e2e/fixture-server';
import { launchExtension, TEACH } from '../tests/e2e/harness';

const PAGES = { 'class-story': `${TEACH}#/classes/c1/story`, 'group-chat': `${TEACH}#/classes/c1/messaging/g1`, points: `${TEACH}#/classes/c1/points` };

const h = await launchExtension();
try {
  for (const [name, url] of Object.entries(PAGES)) {
    const page = await h.openDojo(url);
    await page.waitForSelector('policy-guard-ui', { state: 'attached' });
    const html = await page.content();
    writeFileSync(join(FIXTURES_DIR, 'saved', `${name}.html`), `<!-- saved from url=(${String(url.length).padStart(4, '0')})${url} -->\n${html}`);
    await page.close();
  }
} finally {
  await h.close();
}
