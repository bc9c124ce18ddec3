/**
 * `npm run demo`: builds the extension and shows it working on the fixture ClassDojo pages.
 * With a display: opens Chromium with the extension loaded, for you to try. Without one (or with
 * DEMO_HEADLESS=1): walks through the main scenarios headless and saves a screenshot of each to demo-out/.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { existsSync } from 'node:fs';
import { FAKETIME_PATHS } from '../tests/e2e/chromium';
import { CHROMIUM, ensureTools, FAKETIME, installHint } from './ensure-tools';
import { HOME, launchExtension, TEACH } from '../tests/e2e/harness';
import { SCENARIOS } from './demo-scenarios';

const OUT = resolve('demo-out');

// Chromium is needed; faketime only makes the walkthrough run on a school morning, so it is installed
// where the machine allows it but its absence does not stop the demo.
const missing = ensureTools([CHROMIUM, FAKETIME]);
if (missing.includes(CHROMIUM)) {
  console.error(installHint(missing));
  process.exit(1);
}

console.log('Building the extension (.output/chrome-mv3)…');
if (spawnSync('npx', ['tsx', 'tests/fixtures/editors/build.ts'], { stdio: 'inherit' }).status !== 0) process.exit(1);
if (spawnSync('npx', ['wxt', 'build'], { stdio: 'inherit' }).status !== 0) process.exit(1);

const headed = Boolean(process.env.DISPLAY) && !process.env.CI && process.env.DEMO_HEADLESS !== '1';

if (headed) {
  const h = await launchExtension({ headless: false });
  await h.openDojo(`${HOME}#/messages/t1`);
  await h.openDojo(`${TEACH}#/classes/c1/messaging/p1`);
  await h.openDojo(`${TEACH}#/classes/c1/story`);
  console.log('\nChromium is open with Policy Guard loaded on the fixture ClassDojo pages (teacher and parent).');
  console.log('Every request outside ClassDojo is blocked. Close the browser window to finish.');
  await new Promise<void>((done) => h.context.on('close', () => done()));
  process.exit(0);
}

rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
// The walkthrough shows each feature on its own, so it runs on a school morning (Tuesday 10:15) where
// faketime is installed; otherwise at the real time, when out-of-hours findings may join in.
const fakeTime = FAKETIME_PATHS.some((p) => existsSync(p)) ? '2026-11-24 10:15:00' : undefined;
if (!fakeTime) console.log(`The walkthrough runs at this machine's time, so out-of-hours findings may join in. ${installHint([FAKETIME])}`);
const h = await launchExtension({ fakeTime });
const saved: string[] = [];
let failed = 0;
try {
  for (const [index, scenario] of SCENARIOS.entries()) {
    const file = join(OUT, `${String(index + 1).padStart(2, '0')}-${scenario.name}.png`);
    try {
      const page = await scenario.run(h);
      await page.screenshot({ path: file });
      saved.push(file);
      console.log(`✔ ${scenario.title}\n    ${file}`);
    } catch (error) {
      failed++;
      console.log(`✖ ${scenario.title}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  h.assertNoForeignRequests();
} finally {
  await h.close();
}
console.log(`\n${saved.length} screenshots in ${OUT}${failed ? `; ${failed} scenarios failed` : ''}.`);
console.log('No request left ClassDojo’s origins during the demo.');
process.exit(failed ? 1 : 0);
