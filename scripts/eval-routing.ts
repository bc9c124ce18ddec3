/**
 * Routing quality on the labelled parent messages (tests/corpus/messages.jsonl): intent accuracy, a
 * confusion table, safeguarding recall, destination accuracy, and language detection on short messages.
 */
// This context checks on its own: it installs the built-in word lists (lib/rules/lexicon.ts).
import '../lib/rules/lexicon-bundled';
import { readFileSync } from 'node:fs';
import { presetPolicy } from '../lib/policy/presets/index';
import { QUERY_CATEGORIES, type Policy, type QueryCategory } from '../lib/policy/schema';
import { routeMessage } from '../lib/routing/index';
import { detectLanguage } from '../lib/routing/language';

export interface MessageCase {
  id: string;
  policy: string;
  text: string;
  at: string;
  intent: QueryCategory;
  secondary?: QueryCategory[];
  language: string;
}

export function loadMessages(file = 'messages.jsonl'): MessageCase[] {
  return readFileSync(new URL(`../tests/corpus/${file}`, import.meta.url), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as MessageCase);
}

const policyOf = presetPolicy;

export function evaluateRouting(cases: MessageCase[]) {
  const confusion = new Map<string, number>();
  const misses: string[] = [];
  let intentRight = 0;
  let destRight = 0;
  let langRight = 0;
  let shortEng = 0;
  let shortEngRight = 0;
  let safeguarding = 0;
  let safeguardingFound = 0;
  for (const c of cases) {
    const policy = policyOf(c.policy);
    const language = detectLanguage(c.text, policy.languages);
    const r = routeMessage(c.text, policy, { language });
    confusion.set(`${c.intent}>${r.intent}`, (confusion.get(`${c.intent}>${r.intent}`) ?? 0) + 1);
    if (r.intent === c.intent) intentRight++;
    else misses.push(`${c.id} ${c.intent} -> ${r.intent} (${r.cues.join(', ')})  | ${c.text}`);
    if (r.destination === policy.routing.routes[c.intent].destination) destRight++;
    if (language === c.language) langRight++;
    else misses.push(`${c.id} language ${c.language} -> ${language}  | ${c.text}`);
    if (c.language === 'eng' && c.text.split(/\s+/).length <= 12) {
      shortEng++;
      if (language === 'eng') shortEngRight++;
    }
    if (c.intent === 'safeguarding') {
      safeguarding++;
      if (r.intent === 'safeguarding' || r.secondary.includes('safeguarding')) safeguardingFound++;
    }
  }
  return { confusion, misses, intentRight, destRight, langRight, shortEng, shortEngRight, safeguarding, safeguardingFound, total: cases.length };
}

export function routingReport(cases: MessageCase[], verbose: boolean, title: string): string {
  const r = evaluateRouting(cases);
  const pct = (a: number, b: number) => `${((100 * a) / Math.max(1, b)).toFixed(1)}% (${a}/${b})`;
  const lines = [title, ''];
  lines.push(`intent accuracy            ${pct(r.intentRight, r.total)}`);
  lines.push(`destination accuracy       ${pct(r.destRight, r.total)}`);
  lines.push(`safeguarding recall        ${pct(r.safeguardingFound, r.safeguarding)}`);
  lines.push(`language, all messages     ${pct(r.langRight, r.total)}`);
  lines.push(`language, English one-liners (12 words or fewer)  ${pct(r.shortEngRight, r.shortEng)}`);
  lines.push('', 'Confusion (rows: labelled intent, columns: predicted; blank = 0):');
  const short: Record<QueryCategory, string> = { absence: 'abs', sickness: 'sick', medical: 'med', dinners: 'din', complaint: 'cmp', urgent: 'urg', clubs: 'club', 'lost-property': 'lost', progress: 'prog', trip: 'trip', safeguarding: 'safe', general: 'gen' };
  lines.push(`${''.padEnd(14)}${QUERY_CATEGORIES.map((q) => short[q].padStart(5)).join('')}`);
  for (const want of QUERY_CATEGORIES) {
    lines.push(`${want.padEnd(14)}${QUERY_CATEGORIES.map((got) => String(r.confusion.get(`${want}>${got}`) ?? '').padStart(5)).join('')}`);
  }
  if (r.misses.length) {
    lines.push('', `${r.misses.length} disagreements${verbose ? ':' : ' (run with --verbose to list them)'}`);
    if (verbose) lines.push(...r.misses.map((m) => `  ${m}`));
  }
  return lines.join('\n');
}
