import { launchExtension, TEACH } from '../tests/e2e/harness';
const h = await launchExtension({});
await h.choosePolicy('bentley-new-village');
const totals: Record<string, number> = {};
for (let run = 0; run < 3; run++) {
  const page = await h.context.newPage();
  const cdp = await h.context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
  await cdp.send('Profiler.start');
  await page.goto(`${TEACH}?posts=500#/classes/c1/story`);
  await page.waitForFunction(() => document.querySelector('policy-guard-ui')?.hasAttribute('data-ready-ms'));
  const { profile } = (await cdp.send('Profiler.stop')) as any;
  const dt: Record<number, number> = {};
  profile.samples.forEach((s: number, i: number) => (dt[s] = (dt[s] ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const byId: Record<number, any> = {}; const parent: Record<number, number> = {};
  for (const n of profile.nodes) { byId[n.id] = n; for (const c of n.children ?? []) parent[c] = n.id; }
  for (const n of profile.nodes) {
    const t = (dt[n.id] ?? 0) / 1000; if (!t) continue;
    // attribute to the nearest extension frame up the stack
    let cur = n; while (cur && !cur.callFrame.url.startsWith('chrome-extension')) cur = byId[parent[cur.id]];
    if (!cur) continue;
    const k = `${cur.callFrame.url.split('/').pop()} ${cur.callFrame.functionName || '(anon)'}:${cur.callFrame.lineNumber}:${cur.callFrame.columnNumber}${n === cur ? '' : ' <- ' + n.callFrame.functionName}`;
    totals[k] = (totals[k] ?? 0) + t;
  }
  console.log('ready', await page.evaluate(() => [document.querySelector('policy-guard-ui')!.getAttribute('data-ready-ms'), document.querySelector('policy-guard-ui')!.getAttribute('data-main-ready-ms')]));
  await page.close();
}
for (const [k, v] of Object.entries(totals).sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(v.toFixed(1).padStart(7), k);
await h.close();
