/**
 * `guard route --jsonl`: where each parent's message belongs. One JSON line in, one out, in order:
 *   in:  {"id", "policy": "<preset id or file>", "text", "at"}
 *   out: {"id", "intent", "secondary", "destination", "language", "confidence", "cues", "reply"}
 *        plus "level" ("disclosure" or "concern") when the intent is safeguarding, "unsure" (the two likeliest
 *        intents) when the router is not sure, and "conduct" when the message is abusive, threatening or
 *        aggressive; or {"id", "error"}. With `--lang en|cy`, also "advice": the teacher's routing advice as the
 *        routing card words it in a browser in that language.
 */
// This context checks on its own: it installs the built-in word lists (lib/rules/lexicon.ts).
import '../lib/rules/lexicon-bundled';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { problemLines } from '../lib/policy/parse';
import type { Policy } from '../lib/policy/schema';
import { policyLanguageCode, routeMessage } from '../lib/routing/index';
import { detectLanguage } from '../lib/routing/language';
import { LANGUAGES, messagesOf, type Language } from './catalog';
import type { CliIO } from './main';
import { loadPolicyArg } from './policy';

export const ROUTE_HELP = `Usage:
  guard route --jsonl     JSON lines on stdin: {"id", "policy", "text", "at"}; one JSON line out per line:
                          {"id", "intent", "secondary", "destination", "language", "confidence", "cues", "reply"},
                          plus "level" (disclosure or concern) for safeguarding, "unsure" (the two likeliest
                          intents) when not sure, and "conduct" for abusive, threatening or aggressive messages
  --lang <en|cy>          also "advice": the teacher's routing advice, worded as the routing card words it in a
                          browser in that language (the school's contact names and how to reach them as written)
`;

export function routeLine(line: string, policies: Map<string, Policy | string>, lang?: Language): string {
  let input: Record<string, unknown>;
  try {
    const parsed = JSON.parse(line);
    if (!parsed || typeof parsed !== 'object' || Array.isArray(parsed)) return JSON.stringify({ id: null, error: 'expected a JSON object' });
    input = parsed;
  } catch (error) {
    return JSON.stringify({ id: null, error: `not valid JSON: ${(error as Error).message}` });
  }
  const id = input.id ?? null;
  if (typeof input.policy !== 'string') return JSON.stringify({ id, error: '"policy" must be a preset id or a policy file path' });
  if (typeof input.text !== 'string') return JSON.stringify({ id, error: '"text" must be a string' });
  const at = input.at === undefined ? new Date() : new Date(String(input.at));
  if (input.at !== undefined && (typeof input.at !== 'string' || Number.isNaN(at.getTime()))) {
    return JSON.stringify({ id, error: '"at" must be an ISO date and time, such as "2026-11-24T10:15:00Z"' });
  }
  if (!policies.has(input.policy)) {
    const r = loadPolicyArg(input.policy);
    policies.set(input.policy, r.ok ? r.policy : `policy ${JSON.stringify(input.policy)}: ${problemLines(r.problems).join('; ')}`);
  }
  const policy = policies.get(input.policy)!;
  if (typeof policy === 'string') return JSON.stringify({ id, error: policy });
  try {
    const language = detectLanguage(input.text, policy.languages);
    const r = routeMessage(input.text, policy, { language, at, ...(lang ? { messages: messagesOf(lang) } : {}) });
    return JSON.stringify({
      id,
      intent: r.intent,
      secondary: r.secondary,
      destination: r.destination,
      // In the policy format's codes, so a school can match it to its templates' languages (probe 16i).
      language: policyLanguageCode(r.language),
      confidence: r.confidence,
      cues: r.cues,
      reply: r.reply,
      ...(r.level ? { level: r.level } : {}),
      ...(r.unsure ? { unsure: r.unsure.map((u) => u.intent) } : {}),
      ...(r.conduct ? { conduct: r.conduct } : {}),
      ...(lang ? { advice: r.advice } : {}),
    });
  } catch (error) {
    return JSON.stringify({ id, error: `could not route: ${(error as Error).message}` });
  }
}

export async function runRoute(args: string[], io: CliIO, stdin: NodeJS.ReadableStream): Promise<number> {
  let values: { jsonl?: boolean; lang?: string; help?: boolean };
  try {
    values = parseArgs({ args, options: { jsonl: { type: 'boolean' }, lang: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: false }).values;
  } catch (error) {
    io.stderr(`guard route: ${(error as Error).message}\n`);
    return 2;
  }
  if (values.help) {
    io.stdout(ROUTE_HELP);
    return 0;
  }
  if (!values.jsonl) {
    io.stderr(`guard route: use --jsonl. Run 'guard route --help'.\n`);
    return 2;
  }
  const lang = values.lang;
  if (lang !== undefined && !(LANGUAGES as readonly string[]).includes(lang)) {
    io.stderr(`guard route: --lang must be one of ${LANGUAGES.join(', ')}.\n`);
    return 2;
  }
  const policies = new Map<string, Policy | string>();
  for await (const line of createInterface({ input: stdin, crlfDelay: Infinity })) {
    io.stdout(`${line.trim() ? routeLine(line, policies, lang as Language | undefined) : JSON.stringify({ id: null, error: 'empty line' })}\n`);
  }
  return 0;
}
