/**
 * `npm run bench`: how long one check takes, as the content script runs it on every keystroke.
 * Drafts of 200, 2,000 and 20,000 characters with a 30-pupil roster and every rule on; then adversarial
 * text (100 KB of one character, deep punctuation, a name repeated) that must finish in under 50 ms.
 */
// This context checks on its own: it installs the built-in word lists (lib/rules/lexicon.ts).
import '../lib/rules/lexicon-bundled';
import { installMessages } from '../lib/i18n/messages';
import { messagesOf } from '../cli/catalog';

// Checks word their findings as the extension's do: the cost of wording is part of a check's.
installMessages(messagesOf('en'));
import { performance } from 'node:perf_hooks';
import { ukBankHolidays } from '../lib/calendar/bank-holidays';
import { parsePolicy } from '../lib/policy/parse';
import { presetInput } from '../lib/policy/presets/index';
import { checkDraft } from '../lib/rules/index';
import type { Draft, Pupil } from '../lib/rules/types';
import { HOSTILE_INPUTS } from '../tests/hostile-inputs';

const FIRST = ['Amelia', 'Oliver', 'Oliver', 'Niamh', 'Jayden', 'Siân', 'Zofia', 'Grace', 'Will', 'Rose', 'Harry', 'Mohammed', 'Isla', 'Noah', 'Freya', 'Hope', 'May', 'Leo', 'Ava', 'Chloé', 'Ruby', 'Theo', 'Poppy', 'Jacob', 'Evie', 'Arlo', 'Maja', 'Dafydd', 'Cerys', 'Osian'];
const LAST = ['Hughes', 'Bennett', 'Patel', "O'Connor", 'Smith-Walker', 'Evans', 'Kowalska', 'Taylor', 'Harris', 'Ahmed', 'Davies', 'Ali', 'Roberts', 'Wilson', 'Thomas', 'Clarke', 'Chen', 'Wright', 'Green', 'Martin', 'Walker', 'Hall', 'Lewis', 'Young', 'King', 'Scott', 'Nowak', 'ap Rhys', 'Morgan', 'Jones'];
const roster: Pupil[] = FIRST.map((first, i) => ({ first, last: LAST[i]!, photoConsent: i % 5 !== 0, inCare: i === 17 }));

// Every rule on, as strictly as any preset has it.
const input: any = presetInput('bentley-new-village');
input.rules['pupil-name'] = { action: 'warn', source: { origin: 'school' } };
input.rules['negative-points'] = { action: 'warn', source: { origin: 'school' }, channels: ['points', 'class-story'] };
const parsed = parsePolicy(input);
if (!parsed.ok) throw new Error('bench policy invalid');
const policy = parsed.policy;
const ctx = { policy, roster, calendar: ukBankHolidays };

const SENTENCES = [
  'What a fantastic week in Class 3! ',
  'Well done to Amelia Hughes for her brilliant story writing. ',
  'Star of the week is Oliver B. for always helping others. ',
  "Jayden's inhaler is in the office after his asthma attack. ",
  'Please remember PE kits on Tuesday and reading books every day. ',
  'We learned about Florence Nightingale and Mary Seacole. ',
  'Will you all bring a coat for the trip to Victoria Park? ',
  'Hope you have a lovely weekend, see you in May! ',
];
function textOf(length: number): string {
  let s = '';
  for (let i = 0; s.length < length; i++) s += SENTENCES[i % SENTENCES.length];
  return s.slice(0, length);
}

function measure(draft: Draft, runs: number) {
  for (let i = 0; i < Math.min(50, runs); i++) checkDraft(draft, ctx); // warm up the JIT
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    checkDraft(draft, ctx);
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  const q = (p: number) => times[Math.min(times.length - 1, Math.floor(p * times.length))]!;
  return { median: q(0.5), p95: q(0.95), max: times[times.length - 1]! };
}

const fmt = (ms: number) => `${ms.toFixed(3)} ms`;
const base = { channel: 'class-story' as const, at: '2026-11-24T10:15:00Z', tagged: ['Harry Davies', 'Amelia Hughes'], media: true, points: -1 };

console.log(`One check, every rule on, ${roster.length}-pupil roster (Node ${process.version}):\n`);
console.log('draft length      runs     median        p95   findings');
const perChar: number[] = [];
for (const [length, runs] of [[200, 3000], [600, 3000], [2000, 1000], [20000, 200]] as const) {
  const draft = { ...base, text: textOf(length) };
  const r = measure(draft, runs);
  perChar.push(r.median / length);
  console.log(`${String(length).padStart(7)} chars ${String(runs).padStart(8)} ${fmt(r.median).padStart(10)} ${fmt(r.p95).padStart(10)} ${String(checkDraft(draft, ctx).length).padStart(10)}`);
}
console.log(`\nCost per 1,000 characters: ${(perChar[1]! * 1000).toFixed(3)} ms at 600 (a typical post); ${(perChar[2]! * 1000).toFixed(3)} ms at 2,000; ${(perChar[3]! * 1000).toFixed(3)} ms at 20,000 (linear growth if these are close).`);

console.log('\nAdversarial text (aim: under 50 ms each, no catastrophic backtracking):\n');
const adversarial = HOSTILE_INPUTS;
let worst = 0;
console.log(`  ${'input'.padEnd(32)} ${'median of 5'.padStart(12)} ${'slowest'.padStart(12)}`);
for (const [name, text] of adversarial) {
  const r = measure({ ...base, text }, 5);
  worst = Math.max(worst, r.median);
  console.log(`  ${name.padEnd(32)} ${fmt(r.median).padStart(12)} ${fmt(r.max).padStart(12)}`);
}
console.log(`\nWorst adversarial median: ${fmt(worst)}${worst < 50 ? ' (under 50 ms)' : ' (OVER 50 ms)'}`);

// Every regular expression in lib/, on hostile text and long runs of its own characters (tests/regex-sweep.ts).
import { BUDGET_MS_PER_100KB, sweepLiterals } from '../tests/regex-sweep';
const swept = sweepLiterals();
const slowest = swept[0]!;
console.log(`\nRegex sweep: ${swept.length} regular expressions in lib/, each on hostile text and 100 KB runs of its own characters (best of 3):\n`);
for (const s of swept.slice(0, 3)) console.log(`  ${`${s.regex.file}:${s.regex.line}`.padEnd(32)} ${fmt(s.ms).padStart(10)} per 100 KB  /${s.regex.source.length > 60 ? `${s.regex.source.slice(0, 57)}...` : s.regex.source}/${s.regex.flags} on ${s.worst}`);
console.log(`\nWorst regex: ${slowest.regex.file}:${slowest.regex.line}, ${fmt(slowest.ms)} per 100 KB${slowest.ms < BUDGET_MS_PER_100KB ? ` (under ${BUDGET_MS_PER_100KB} ms)` : ` (OVER ${BUDGET_MS_PER_100KB} ms)`}`);

// ---- parent messages: classify, route and detect the language --------------------------------------
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { classify } from '../lib/routing/classify';
import { routeMessage } from '../lib/routing/index';
import { detectLanguage } from '../lib/routing/language';

const MESSAGES = [
  "Hi Ms Carter, Amelia is sick and won't be in today",
  'Nan is picking Jacob up today, please can you let him know',
  'How is Amelia getting on with her reading? Could we arrange a meeting before parents evening to talk about it?',
  'Bore da, fydd Cerys ddim yn yr ysgol heddiw, mae ganddi apwyntiad deintydd',
  'Dzień dobry, Zofia jest chora i nie przyjdzie dziś do szkoły',
];
function timeIt(fn: () => unknown, runs: number) {
  for (let i = 0; i < 50; i++) fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(times.length / 2)]!, p95: times[Math.floor(times.length * 0.95)]! };
}
console.log('\nParent messages (aim: classifying under 2 ms):\n');
console.log(`  ${'step'.padEnd(40)} ${'median'.padStart(10)} ${'p95'.padStart(10)}`);
const c = timeIt(() => MESSAGES.forEach((m) => classify(m)), 2000);
console.log(`  ${'classify (intent, cues, confidence)'.padEnd(40)} ${fmt(c.median / MESSAGES.length).padStart(10)} ${fmt(c.p95 / MESSAGES.length).padStart(10)}`);
const r = timeIt(() => MESSAGES.forEach((m) => routeMessage(m, policy, { language: 'eng' })), 1000);
console.log(`  ${'route (classify + destination + reply)'.padEnd(40)} ${fmt(r.median / MESSAGES.length).padStart(10)} ${fmt(r.p95 / MESSAGES.length).padStart(10)}`);
const l = timeIt(() => MESSAGES.forEach((m) => detectLanguage(m, ['eng', 'cym'])), 500);
console.log(`  ${'language (franc-all, restricted)'.padEnd(40)} ${fmt(l.median / MESSAGES.length).padStart(10)} ${fmt(l.p95 / MESSAGES.length).padStart(10)}`);
// The issue's bar: classify + route of a 300-character message, at most 0.5 ms median in Node.
const LONG =
  "Hi Mrs Evans, just to let you know Amelia has been up most of the night being sick and she's still got a temperature this morning, so I'm keeping her home today. Her brother Jacob will be in as normal. Could you let me know if there's any homework she should catch up on? Thanks so much, Sarah (mum)";
const long = timeIt(() => routeMessage(LONG, policy, { language: 'eng' }), 2000);
console.log(`  ${`classify + route, ${LONG.length} characters`.padEnd(40)} ${fmt(long.median).padStart(10)} ${fmt(long.p95).padStart(10)}  (aim: 0.5 ms median)`);
const modelJson = readFileSync(new URL('../lib/routing/data/model.json', import.meta.url));
console.log(`  ${'the model (lib/routing/data/model.json)'.padEnd(40)} ${`${(modelJson.length / 1024).toFixed(1)} KB`.padStart(10)} ${`${(gzipSync(modelJson, { level: 9 }).length / 1024).toFixed(1)} KB gz`.padStart(10)}  (aim: 150 KB gzipped)`);
// The built extension's sizes, against their budgets, are printed by the browser part (scripts/bench-browser.ts).

// ---- spot-check: a feed of 500 posts, scanned in audit mode ----------------------------------------
import { bankHolidayDates } from '../lib/calendar/bank-holidays';
import { auditPolicy, scanPost } from '../lib/spot-check/scan';

const feed = JSON.parse(readFileSync(new URL('../tests/fixtures/data/storyFeed-class-c1.json', import.meta.url), 'utf8'))._items as {
  _id: string;
  time: string;
  senderName: string;
  contents: { body: string; attachments?: unknown[] };
}[];
const posts = Array.from({ length: 500 }, (_, i) => {
  const src = feed[i % feed.length]!;
  return { id: `${src._id}-g${i}`, text: src.contents.body, time: new Date(Date.parse(src.time) - i * 3_600_000).toISOString(), author: src.senderName, media: src.contents.attachments?.length ?? 0 };
});
// The content script's calendar: bank-holiday dates precomputed by the background, looked up in a set.
const dates = new Set([2025, 2026].flatMap((y) => [...bankHolidayDates(policy.hours.bankHolidays, y)]));
const lite = { isBankHoliday: (_: unknown, date: string) => dates.has(date) };
const audit = { policy: auditPolicy(policy), roster, calendar: lite };
const scan = timeIt(() => posts.forEach((p) => scanPost(p, 'class-story', audit)), 30);
console.log('\nSpot-check (aim: 500 posts under 150 ms, in slices of at most 8 ms):\n');
console.log(`  ${'500 posts, every rule in audit mode'.padEnd(40)} ${fmt(scan.median).padStart(10)} ${fmt(scan.p95).padStart(10)}`);
console.log(`  ${'one post'.padEnd(40)} ${fmt(scan.median / 500).padStart(10)} ${fmt(scan.p95 / 500).padStart(10)}`);

// ---- guard check --jsonl: a batch of 2,000 drafts, each line with its 30-pupil roster --------------------
import { Readable } from 'node:stream';
import { runCheckJsonl } from '../cli/check';

const BATCH = 2_000;
/** 600-character drafts that differ line by line (the sentences rotate), as a school's export would. */
const batchLines = Array.from({ length: BATCH }, (_, i) => {
  let text = '';
  for (let k = i; text.length < 600; k++) text += SENTENCES[k % SENTENCES.length];
  return JSON.stringify({ id: i, policy: 'bentley-new-village', channel: 'class-story', text: text.slice(0, 600), at: base.at, tagged: base.tagged, media: true, roster });
});
async function runBatch(): Promise<number> {
  let lines = 0;
  const t0 = performance.now();
  // Counted by line endings: the answers to the lines of one chunk come in one write.
  const stdout = (text: string) => {
    for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lines++;
  };
  await runCheckJsonl(Readable.from([batchLines.join('\n')]), { stdout, stderr: () => undefined });
  const elapsed = performance.now() - t0;
  if (lines !== BATCH) throw new Error(`guard check answered ${lines} lines of ${BATCH}`);
  return elapsed;
}
await runBatch(); // warm up
const batchRuns: number[] = [];
for (let i = 0; i < 5; i++) batchRuns.push(await runBatch());
batchRuns.sort((a, b) => a - b);
const perDraftUs = (batchRuns[2]! / BATCH) * 1000;
console.log(`\nguard check --jsonl, ${BATCH.toLocaleString('en-GB')} lines of 600 characters, a ${roster.length}-pupil roster on every line (median of 5 batches):\n`);
console.log(`  ${'per draft'.padEnd(40)} ${`${perDraftUs.toFixed(1)} µs`.padStart(10)}  (aim: at most 150 µs)`);
console.log(`  ${'whole batch'.padEnd(40)} ${fmt(batchRuns[2]!).padStart(10)}`);
// compromise's people() on the same drafts, in the same run: the usual name finder (a devDependency).
try {
  const { default: nlp } = (await import('compromise')) as { default: (text: string) => { people(): { out(format: 'array'): string[] } } };
  const texts = batchLines.map((l) => (JSON.parse(l) as { text: string }).text);
  const peopleRun = () => {
    const t0 = performance.now();
    for (const t of texts) nlp(t).people().out('array');
    return performance.now() - t0;
  };
  peopleRun();
  const peopleRuns = [peopleRun(), peopleRun(), peopleRun()].sort((a, b) => a - b);
  const peopleUs = (peopleRuns[1]! / BATCH) * 1000;
  console.log(`  ${"compromise people() alone, same drafts".padEnd(40)} ${`${peopleUs.toFixed(1)} µs`.padStart(10)}  per draft`);
  console.log(`  ${'guard check as a share of it'.padEnd(40)} ${`${((perDraftUs / peopleUs) * 100).toFixed(1)} %`.padStart(10)}  (aim: under 4 %)`);
} catch (error) {
  console.log(`  compromise is not installed (npm ci installs it as a devDependency): no side-by-side figure (${(error as Error).message})`);
}

// ---- a school's policy document read by the extractor (guard policy from-text, the options page) ----------
import { proposeFromText } from '../lib/policy/from-text/index';
import { MAX_DOCUMENT_CHARS } from '../lib/policy/from-text/document';

/** A document at the size limit: an invented policy (prose, a pipe table, tab rows) repeated to 500,000 characters. */
const POLICY_PIECE = [
  'Larkspur Primary School – ClassDojo policy',
  '',
  '2. Messaging hours',
  'Staff will reply to ClassDojo messages between 8.15am and 4.45pm, Monday to Thursday, and between 8.15am and 2.30pm on Fridays.',
  '',
  '| Day | Teachers reply | Families may send |',
  '|---|---|---|',
  '| Monday | 8.15am – 4.45pm | 7.00am – 7.00pm |',
  '| Friday | 8.15am – 2.30pm | 7.00am – 2.30pm |',
  '',
  'Staff messaging hours:\tMonday – Friday\t8.15am – 4.45pm',
  '3. What ClassDojo should not be used for',
  "Absences should be reported via the school's absence line (01632 960444) or by email to absence@larkspur.sch.uk.",
  'Safeguarding concerns must be passed to the Designated Safeguarding Lead (DSL), Mr K Mensah, in person or by telephone.',
  'Only first names will be used on Class Story. Teachers will not check ClassDojo after 6pm or at weekends.',
  '',
].join('\n');
const documentAtLimit = POLICY_PIECE.repeat(Math.ceil(MAX_DOCUMENT_CHARS / POLICY_PIECE.length)).slice(0, MAX_DOCUMENT_CHARS);
const hostileAtLimit: [string, string][] = [
  ['500,000 spaces', ' '.repeat(MAX_DOCUMENT_CHARS)],
  ['500,000 characters of "| 8.15am "', '| 8.15am '.repeat(MAX_DOCUMENT_CHARS / 9)],
  ['500,000 characters, one line, no full stop', 'staff reply to messages between eight and five '.repeat(MAX_DOCUMENT_CHARS / 47)],
];
function timeDocument(text: string, runs: number): number {
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    proposeFromText(text, { file: 'bench.txt' });
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)]!;
}
console.log(`\nguard policy from-text, the extractor alone (aim: a ${MAX_DOCUMENT_CHARS.toLocaleString('en-GB')}-character document in under 2 s; median of 3):\n`);
console.log(`  ${`policy document, ${documentAtLimit.length.toLocaleString('en-GB')} characters`.padEnd(52)} ${fmt(timeDocument(documentAtLimit, 3)).padStart(12)}`);
for (const [name, text] of hostileAtLimit) console.log(`  ${name.padEnd(52)} ${fmt(timeDocument(text, 3)).padStart(12)}`);

// ---- guard outline from-html: a 10 MB saved page of 10,000 posts (120,000 elements) ----------------------
import { outlineOfSavedFile } from '../cli/outline';
import { outlineJson } from '../lib/dojo/outline';

/** A Class Story feed as a browser saves it, 10,000 posts long: the size a school's long feed reaches. */
function savedFeed(posts: number): Uint8Array {
  const post = (i: number) =>
    `<div data-name="storyPost" data-post-id="post_${i}_5f3a9c1d2e" aria-label="Story post" role="article"><div data-name="storyPostHeader"><h3 title="Mrs Patel">Mrs Patel</h3><span class="nessie-text css-1x2y3z" title="2026-11-20 14:00">Oak Class</span><span title="Posted about Amelia Hughes">Sports Day</span></div>` +
    `<div data-name="storyPostContents"><span data-name="richText">Tomorrow please remember wellies for Amelia Hughes and Leo Wright! Sports Day is on the field, weather permitting, and parents are welcome from 1:30.<br>Thank you!</span>` +
    `<img src="https://sphotos.classdojo.com/photos/${i}/amelia-hughes-sports.jpg" srcset="https://sphotos.classdojo.com/photos/${i}/x@2x.jpg 2x" alt="Photo of Amelia Hughes and Leo Wright"><div style="background:url('https://sphotos.classdojo.com/bg.jpg')" data-bg="x"></div></div>` +
    `<ul data-name="comments"><li data-comment-author="Priya Shah">Priya Shah: Leo was brilliant, thank you for all the photos today</li></ul><button aria-label="Like post by Mrs Patel">Like</button><button>Comment</button></div>`;
  const head = '<!DOCTYPE html>\n<!-- saved from url=(0060)https://teach.classdojo.com/#/classes/5f3a9c1d2e/story -->\n<html lang="en"><head><meta charset="utf-8"><title>Oak Class</title></head><body><div id="reactApplication">';
  return new TextEncoder().encode(`${head}<main>${Array.from({ length: posts }, (_, i) => post(i)).join('\n')}</main></div></body></html>\n`);
}
const feedBytes = savedFeed(10_000);
const outlineRuns: { wall: number; cpu: number }[] = [];
let outlined: ReturnType<typeof outlineOfSavedFile> | undefined;
for (let i = 0; i < 4; i++) {
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  outlined = outlineOfSavedFile(feedBytes);
  const { user, system } = process.cpuUsage(cpu0);
  if (i > 0) outlineRuns.push({ wall: performance.now() - t0, cpu: (user + system) / 1000 }); // the first warms the JIT up
}
if (!outlined?.ok) throw new Error('bench: the saved feed gave no outline');
outlineRuns.sort((a, b) => a.wall - b.wall);
const mid = outlineRuns[1]!;
console.log(`\nguard outline from-html, a saved feed of 10,000 posts (${(feedBytes.length / 1e6).toFixed(1)} MB, ${outlined.outline.elements.toLocaleString('en-GB')} elements), median of 3 (aim: well under 2 s):\n`);
console.log(`  ${'decode, parse, match selectors, outline'.padEnd(40)} ${fmt(mid.wall).padStart(10)}  wall, ${fmt(mid.cpu)} CPU (the CPU figure counts this process's GC threads too)`);
console.log(`  ${'the outline'.padEnd(40)} ${`${(outlineJson(outlined.outline).length / 1024).toFixed(1)} KB`.padStart(10)}  (bound: 48 KB)`);
