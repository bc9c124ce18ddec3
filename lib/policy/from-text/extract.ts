/**
 * Reads a school's ClassDojo policy (plain text) and proposes a policy: the school's name, staff sending
 * hours, parents' reply hours, term-time wording, response time, contacts with roles, a route for each
 * kind of parent query, and the rules the document states. Pure: no DOM, no network.
 *
 * Every item found quotes the sentence it came from; every quote is `text.slice(at, at + quote.length)`
 * (a verbatim substring of the input). Items the document does not cover keep the recommended default
 * (./defaults.ts), marked `recommended` (or `silent` where the default is off).
 */
import { QUERY_CATEGORIES, SENSITIVE_CATEGORIES, type Channel, type Contact, type Destination, type QueryCategory, type Weekday, type Window } from '../schema';
import { blankProposal, SHARED_CHANNELS, WRITING_CHANNELS, WEEKDAYS_MON_FRI } from './defaults';
import { findEmails } from '../../rules/sensitive-content';
import { sentencesOf, type Sentence } from './text';
import { findDaySpecs, findTimeRanges, hhmm } from './times';
import type { Item, Proposal, Quote, RouteValue } from './types';

export interface ExtractOptions {
  /** The document's file name, cited in every clause. Default "policy.txt". */
  file?: string;
  /** The school's name, when the school gives it (overrides what is read from the document). */
  name?: string;
}

const quoteOf = (s: Sentence): Quote => ({ quote: s.text, section: s.section, at: s.start });
const found = <T>(value: T, sentences: Sentence[], note?: string): Item<T> => ({
  value,
  origin: 'document',
  quotes: dedupe(sentences).map(quoteOf),
  ...(note ? { note } : {}),
});

function dedupe(sentences: Sentence[]): Sentence[] {
  const seen = new Set<number>();
  return sentences.filter((s) => !seen.has(s.start) && seen.add(s.start));
}

const DOJO = /\b(class\s?dojo|dojo)\b/i;

// ---- the school's name --------------------------------------------------------------------------------

// One to six name words (capitalised, at most 31 letters each, so a long hyphenated run cannot backtrack; or "of", "the", "St."…) before a kind of school ("Primary School",
// "C of E Primary School", "Academy", "College"…), written out as one literal for the regex sweep.
const SCHOOL_NAME = /(?<![\p{L}\d/'’.&-])((?:(?:[A-Z][\p{L}'’.&-]{0,30}|of|the|and|on|in|upon|by|le|de|St\.?)\s{1,4}){1,6}?)(?:C\.?\s?of\s?E\.?\s+|CE\s+|RC\s+|Catholic\s+|Church of England\s+|Methodist\s+|Community\s+|Infant\s+and\s+Nursery\s+|Junior\s+and\s+Infant\s+)?(?:Primary\s+(?:School|Academy)|Junior\s+School|Infant\s+School|Infants'?\s+School|Nursery\s+School|First\s+School|Middle\s+School|High\s+School|Secondary\s+School|Grammar\s+School|Special\s+School|Academy|School|College|Primary)(?![\p{L}])/gu;
const NOT_A_NAME = /^(the|our|this|a|your|each|every|any|whole|at|all|to|for|primary|secondary|local|other|same|class|dojo|classdojo|class dojo|parent|carer|parents|carers|home|policy|staff|new|school|high|junior|infant|nursery|ict|online|main)$/i;

function findName(original: string): { name: string; at: number } | undefined {
  // Names in capitals ("RIVERSIDE ACADEMY") are read in title case; offsets are unchanged.
  const text = original.replace(/\b([A-Z])([A-Z'’]{2,})\b/g, (_, a: string, b: string) => a + b.toLowerCase());
  const counts = new Map<string, { n: number; at: number }>();
  SCHOOL_NAME.lastIndex = 0;
  for (let m = SCHOOL_NAME.exec(text); m; m = SCHOOL_NAME.exec(text)) {
    let name = m[0].replace(/\s+/g, ' ').trim();
    let at = m.index;
    // Drop leading words that are not part of a name ("at Broughton Primary School", "The" stays only before a name).
    const words = name.split(' ');
    while (words.length > 1 && (NOT_A_NAME.test(words[0]!) || /^[a-z]/.test(words[0]!)) && !(words[0] === 'The' && words.length > 2 && !NOT_A_NAME.test(words[1]!))) {
      at += text.slice(at).indexOf(words[0]!) + words[0]!.length;
      words.shift();
    }
    while (at < text.length && /\s/.test(text[at]!)) at++;
    name = words.join(' ');
    const first = words[0]!;
    if (words.length < 2 || NOT_A_NAME.test(first) || /^(Class|Dojo|ClassDojo|Parent|Carer|Home|Staff|Policy|Local|Online|ICT)$/i.test(first)) continue;
    // Part of a longer title ("Bentley New Village Staff Code", "School Communication Policy").
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (/^\s?(?:Communication|Policy|Code|Staff|Story|Stories|Office|Day|Hours|Website|App|Council|Trust|Group|Road|Lane|Street)\b/.test(after)) continue;
    if (!text.slice(at).startsWith(name)) continue;
    const c = counts.get(name) ?? { n: 0, at };
    c.n++;
    counts.set(name, c);
  }
  // A short form inside a longer one ("Hilltop Primary" / "Hilltop Primary School") counts for the longer.
  const names = [...counts.entries()];
  for (const [name, c] of names) {
    for (const [other, o] of names) if (other !== name && other.startsWith(name)) o.n += c.n;
  }
  const best = names.filter(([n]) => !names.some(([o]) => o !== n && o.startsWith(n))).sort((a, b) => b[1].n - a[1].n || a[1].at - b[1].at)[0] ?? names.sort((a, b) => b[1].n - a[1].n)[0];
  return best ? { name: best[0], at: best[1].at } : undefined;
}

/** The line (or sentence) around an offset, as a quote. */
function lineQuote(text: string, sentences: Sentence[], at: number): Quote {
  const s = sentences.find((x) => x.start <= at && at < x.end);
  if (s) return quoteOf(s);
  let a = text.lastIndexOf('\n', at) + 1;
  let b = text.indexOf('\n', at);
  if (b < 0) b = text.length;
  while (a < b && /\s/.test(text[a]!)) a++;
  while (b > a && /\s/.test(text[b - 1]!)) b--;
  return { quote: text.slice(a, b), section: 'Title', at: a };
}

function findTitle(text: string): string | undefined {
  for (const raw of text.split('\n').slice(0, 80)) {
    const line = raw.replace(/\[[^[\]]*\]/g, '').replace(/\s+/g, ' ').trim();
    if (line.length >= 8 && line.length <= 100 && /\b(policy|agreement|guidance|protocol)\b/i.test(line) && /\b(dojo|communication|acceptable use)\b/i.test(line) && /^[A-Z0-9]/.test(line) && !/[.:;]$/.test(line) && !/\b(see|read|follow|with|to)\b/.test(line)) return line;
  }
  return undefined;
}

// ---- hours --------------------------------------------------------------------------------------------

interface HoursCandidate {
  windows: Window[];
  sentence: Sentence;
  staff: number;
  replies: number;
  impliedDays: boolean;
  namedDays: boolean;
}

const NOT_MESSAGE_HOURS = /\b(clubs?|breakfast|after[- ]school|wrap[- ]?around|lunch(?:time)?|dinner|gates?|doors?|playground|registration|lessons?|assembl(?:y|ies)|collection|collect(?:ed|ing)?|pick[- ]?up|drop[- ]?off|office (?:is )?open|opening (?:hours|times)|reception is|phone lines?|telephone lines?|absence line|swimming|PE\b|parents'? evenings?|disco|fair|trip|coach|bus|nursery sessions?|session)\b/i;
const SCHOOL_DAY = /\b(school day|school hours|teaching (?:day|time|hours)|learning time|lesson time)\b/i;
const NOT_AVAILABLE = /\b(may not be (?:seen|read|received|answered|responded)|not (?:be )?able to (?:check|respond|reply|read)|will not be (?:seen|read|checked|monitored)|cannot (?:check|respond|reply)|not be (?:checked|monitored))\b/i;

function scoreHours(local: string, sentence: string, lead: string): { staff: number; replies: number } {
  let staff = 0;
  let replies = 0;
  const both = `${local} ${sentence}`;
  if (DOJO.test(both)) {
    staff += 2;
    replies += 1;
  }
  if (/\bmessag/i.test(both)) {
    staff += 1;
    replies += 1;
  }
  // "Staff will check or send messages between 8.30 - 4.30pm daily": messages and what staff do with them.
  if (/\bmessag/i.test(both) && /\b(send|sending|check|checking|read|post|respond|reply|answer)\b/i.test(both)) staff += 1;
  if (/\b(working hours|work(?:ing)? times|(?:class ?)?dojo hours|hours for (?:class ?)?dojo|quiet hours|silent hours|quiet time|notifications?)\b/i.test(both)) staff += 3;
  if (/\b(post(?:ed|ing|s)?|send(?:ing|s)?|sent by staff|check(?:ed|ing|s)?|look(?:ing)? at|access(?:ed|ing)?|use (?:class ?)?dojo|respond|reply|replies|replied|answer)\b/i.test(both)) staff += 1;
  if (/\b(respond(?:ed|s|ing)?|repl(?:y|ies|ied)|response|answer(?:ed)?)\b/i.test(both)) replies += 3;
  if (/\b(expect(?:ed|ation)?|parents?|carers?|you)\b/i.test(both)) replies += 1;
  if (/\b(working hours|post(?:ed|ing)? information)\b/i.test(local)) replies -= 1;
  if (/\bsent during|messages sent (?:in|during|within)\b/i.test(local)) {
    staff -= 3;
    replies -= 2;
  }
  if (NOT_AVAILABLE.test(sentence) && !/\boutside\b/i.test(sentence)) {
    staff -= 5;
    replies -= 5;
  }
  if (NOT_MESSAGE_HOURS.test(lead)) {
    staff -= 4;
    replies -= 4;
  }
  if (SCHOOL_DAY.test(lead) && !DOJO.test(local) && !/\bmessag|respond|repl/i.test(local)) {
    staff -= 3;
    replies -= 3;
  }
  if (SCHOOL_DAY.test(local) && /\bsent\b|during school hours/i.test(local) && !DOJO.test(sentence)) {
    staff -= 2;
    replies -= 2;
  }
  return { staff, replies };
}

function hoursCandidates(sentences: Sentence[]): HoursCandidate[] {
  const out: HoursCandidate[] = [];
  for (const s of sentences) {
    const text = s.intro && s.text.length < 60 ? s.text : s.text;
    const ranges = findTimeRanges(text);
    if (!ranges.length) continue;
    const days = findDaySpecs(text);
    const windows: { w: Window; from: number; to: number; implied: boolean; named: boolean }[] = [];
    ranges.forEach((r, i) => {
      // The day spec nearest the range (before it first, else after it, not past the next range).
      const prevEnd = i > 0 ? ranges[i - 1]!.to : 0;
      const nextStart = i + 1 < ranges.length ? ranges[i + 1]!.from : text.length;
      // Days written before the range belong to it ("Monday to Thursday 8am-5pm and Friday 8am-3.30pm");
      // else the nearest after it ("8am-5pm, Monday to Friday"), never past the next range.
      const inReach = days.filter((d) => d.from >= prevEnd && d.to <= nextStart);
      const before = inReach.filter((d) => d.to <= r.from).sort((a, b) => b.to - a.to);
      const after = inReach.filter((d) => d.from >= r.to).sort((a, b) => a.from - b.from);
      const spec = before[0] ?? after[0] ?? (ranges.length === 1 ? days[0] : undefined);
      const weekdays: Weekday[] = spec ? spec.days : [...WEEKDAYS_MON_FRI];
      windows.push({ w: { days: weekdays, start: hhmm(r.start), end: hhmm(r.end) }, from: r.from, to: r.to, implied: !spec || spec.implied, named: !!spec && !spec.implied });
    });
    windows.forEach((x, i) => {
      const a = i > 0 ? windows[i - 1]!.to : 0;
      const b = i + 1 < windows.length ? windows[i + 1]!.from : text.length;
      const local = text.slice(a, b);
      const score = scoreHours(local, text, text.slice(a, Math.min(b, x.to + 15)));
      out.push({ windows: [x.w], sentence: s, staff: score.staff, replies: score.replies, impliedDays: x.implied, namedDays: x.named });
    });
  }
  return out;
}

/** Windows from several candidates that belong together ("Monday to Thursday 8-5; Friday 8-4"). */
function mergeWindows(cands: HoursCandidate[]): Window[] {
  const windows: Window[] = [];
  for (const c of cands) {
    for (const w of c.windows) {
      const clash = windows.some((x) => x.days.some((d) => w.days.includes(d)));
      if (!clash) windows.push(w);
    }
  }
  return windows;
}

function pickHours(cands: HoursCandidate[], key: 'staff' | 'replies'): HoursCandidate[] {
  const good = cands.filter((c) => c[key] >= 3);
  if (!good.length) return [];
  const best = Math.max(...good.map((c) => c[key]));
  const top = good.filter((c) => c[key] === best);
  const first = top[0]!;
  // Other windows in the same sentence on other days (Monday–Thursday / Friday) belong with it.
  return [first, ...good.filter((c) => c !== first && c.sentence === first.sentence && c[key] >= best - 1 && !c.windows[0]!.days.some((d) => first.windows[0]!.days.includes(d)))];
}

function extractHours(sentences: Sentence[], p: Proposal): void {
  const cands = hoursCandidates(sentences);
  const staff = pickHours(cands, 'staff');
  const replies = pickHours(cands, 'replies');
  const daysNote = (cs: HoursCandidate[]) => (cs.some((c) => c.impliedDays && !c.namedDays) ? ' The document names no days for these hours: Monday to Friday, the school week, is assumed.' : '');
  // One quiet-hours sentence ("Quiet hours will be set for the rest of the day") backs the staff hours.
  const quiet = (c: HoursCandidate) => {
    const next = sentences[c.sentence.index + 1];
    return next && /\b(quiet|silent) hours\b/i.test(next.text) && !findTimeRanges(next.text).length ? [next] : [];
  };
  if (staff.length) {
    p.staffHours = found(mergeWindows(staff), [...staff.map((c) => c.sentence), ...quiet(staff[0]!)], `Staff sending hours as the document states them.${daysNote(staff)}`);
  }
  if (replies.length) {
    p.replyHours = found(mergeWindows(replies), replies.map((c) => c.sentence), `When parents are told to expect replies.${daysNote(replies)}`);
  }
  if (staff.length && !replies.length) {
    p.replyHours = found(structuredClone(p.staffHours.value), staff.map((c) => c.sentence), 'The document gives one set of hours: parents are told to expect replies in them.');
  } else if (!staff.length && replies.length) {
    p.staffHours = found(structuredClone(p.replyHours.value), replies.map((c) => c.sentence), `The document gives the hours staff reply to messages: staff send in the same hours.${daysNote(replies)}`);
  }
}

// ---- term time and response time ----------------------------------------------------------------------

const TERM_TIME = /\b(term[- ]time|during term|in term|term time only|school holidays?|holidays)\b/i;
const TERM_RESTRICT = /\b(only|during|in)\s+term[- ]time\b|\bterm[- ]time only\b|\b(?:not|no|never|won't|will not|do not|don't)\b[^.]{0,80}\b(?:school )?holidays?\b|\b(?:quiet|silent) hours\b[^.]{0,80}\bholidays?\b|\bholidays?\b[^.]{0,60}\b(?:quiet|silent) hours\b|\bduring term[- ]time\b|\boutside (?:of )?term[- ]time\b/i;

function extractTermTime(sentences: Sentence[], p: Proposal): void {
  const hits = sentences.filter((s) => TERM_TIME.test(s.text) && TERM_RESTRICT.test(s.text) && (DOJO.test(s.text) || /\bmessag|repl|respon|hours\b/i.test(s.text)));
  if (hits.length) p.termTime = found(true, hits, 'The document limits ClassDojo to term time: outside term, every time is out of hours. Add the term dates.');
}

const RESPONSE = /\b(within\s+(?:\d+|one|two|three|four|five|24|48|72)(?:\s*-\s*|\s+)(?:working\s+|school\s+)?(?:hours?|days?)(?:\s+during\s+term[- ]time)?|(?:a\s+)?(?:\d+|24|48|72)[- ]hours?\s+(?:response|turn[- ]?around)(?:\s+turn[- ]?around)?|by the end of the (?:next )?(?:school |working )?day|(?:the\s+)?next (?:school|working) day|as soon as (?:possible|they can|is practicable))\b/i;

function extractResponseTime(sentences: Sentence[], p: Proposal): void {
  const ranked = sentences
    .map((s) => ({ s, m: RESPONSE.exec(s.text) }))
    .filter((x) => x.m && /\b(respon|repl|turn ?around|answer)/i.test(x.s.text))
    // A number of hours or days says more than "as soon as possible".
    .sort((a, b) => Number(/as soon/i.test(a.m![0])) - Number(/as soon/i.test(b.m![0])) || a.s.index - b.s.index);
  const best = ranked[0];
  if (best) p.responseTime = found(best.m![0], [best.s], 'In the document’s words.');
}

// ---- contacts and routes ------------------------------------------------------------------------------

interface Role {
  key: string;
  role: string;
  destination: Destination;
  re: RegExp;
}

const ROLES: Role[] = [
  { key: 'attendance-officer', role: 'Attendance Officer', destination: 'attendance', re: /\battendance (?:officer|lead|team|manager|administrator|line|office)\b/i },
  { key: 'nursing', role: 'School nursing team', destination: 'nursing', re: /\b(?:school )?nurs(?:e|es|ing team|ing staff)\b|\bmedical (?:team|room|officer)\b|\bhealth ?care (?:team|assistant)\b|\bfirst aiders?\b/i },
  { key: 'dsl', role: 'Designated Safeguarding Lead', destination: 'dsl', re: /\bdesignated safeguarding leads?\b|\bDSLs?\b|\bsafeguarding (?:lead|team|officer)\b|\bchild protection (?:lead|officer|co-?ordinator)\b/i },
  { key: 'office', role: 'School office', destination: 'office', re: /\b(?:school |main |front |admin(?:istration)? )?office\b|\breception\b|\badmin(?:istration)? (?:team|staff)\b|\bschool admin\b|\boffice staff\b|\boffice team\b/i },
];
const SENCO = /\b(SENCo|SENDCo|SENCO|SENDCO|special educational needs (?:and disabilities )?co-?ordinator|inclusion (?:lead|manager))\b/i;
const HEAD = /\b(head ?teacher|head of school|principal)\b/i;

const PERSON = /\b(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+(?:[A-Z]\.?\s+)?[A-Z][\p{L}'’-]+(?:-[A-Z][\p{L}'’-]+)?/gu;
const FIRST_LAST = /\b[A-Z][a-z]+ [A-Z][a-z]+(?:-[A-Z][a-z]+)?\b/g;
const PHONE = /(?:\+44\s?\(?0?\)?\s?|\b0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}\b/;

/** A person named next to a role in a sentence: "Attendance Officer (Mr Lund)", "Mrs Patel, our SENCo". */
function personNear(text: string, roleAt: number, roleEnd: number): string | undefined {
  PERSON.lastIndex = 0;
  let best: { name: string; d: number } | undefined;
  for (let m = PERSON.exec(text); m; m = PERSON.exec(text)) {
    const d = m.index >= roleEnd ? m.index - roleEnd : roleAt - (m.index + m[0].length);
    if (d < 0 || d > 14) continue;
    const between = m.index >= roleEnd ? text.slice(roleEnd, m.index) : text.slice(m.index + m[0].length, roleAt);
    if (!/^[\s(),:–—-]*(?:is|our|the|,)?[\s(),:–—-]*(?:our|the)?\s*$/i.test(between)) continue;
    if (!best || d < best.d) best = { name: m[0].replace(/\s+/g, ' '), d };
  }
  return best?.name;
}

interface ContactFind {
  key: string;
  contact: Contact;
  sentences: Sentence[];
}

/** Who is named with which role anywhere in the document: the directory routes draw names from. */
function directory(sentences: Sentence[]): Map<string, { name: string; phone?: string; email?: string; sentence: Sentence }> {
  const dir = new Map<string, { name: string; phone?: string; email?: string; sentence: Sentence }>();
  for (const s of sentences) {
    for (const role of [...ROLES, { key: 'senco', role: 'SENCo', destination: 'office' as Destination, re: SENCO }, { key: 'headteacher', role: 'Headteacher', destination: 'office' as Destination, re: HEAD }]) {
      const m = role.re.exec(s.text);
      if (!m) continue;
      const name = personNear(s.text, m.index, m.index + m[0].length);
      if (!name || dir.has(role.key)) continue;
      const phone = PHONE.exec(s.text)?.[0];
      const at = findEmails(s.text)[0];
      const email = at ? s.text.slice(at.start, at.end) : undefined;
      dir.set(role.key, { name, ...(phone ? { phone } : {}), ...(email ? { email } : {}), sentence: s });
    }
  }
  return dir;
}

const CATEGORY_WORDS: Record<Exclude<QueryCategory, 'general' | 'safeguarding'>, RegExp> = {
  absence: /\b(absen(?:ce|ces|t)|attendance|non-attendance|off school|not (?:be )?in school|leave of absence|holiday requests?|appointments?)\b/i,
  sickness: /\b(sick(?:ness)?|illness(?:es)?|ill|unwell|poorly|vomiting|diarrh(?:o|)ea)\b/i,
  medical: /\b(medications?|medicines?|medical (?:needs|conditions?|information|matters)|feeds|feeding|allerg(?:y|ies)|inhalers?|health ?care plans?|care plans?)\b/i,
  dinners: /\b(dinners?|lunch(?:es)?|school meals?|meals?|packed lunch(?:es)?|dinner money)\b/i,
  complaint: /\b(complaints?|complain)\b/i,
  urgent: /\b(urgent|emergenc(?:y|ies)|alternative (?:collection|arrangements)|collection arrangements?|pick(?:ing)?[- ]?up|drop(?:ping)?[- ]?off|collecting|collected by|change (?:of|in|to) (?:collection|pick[- ]?up)|same[- ]day)\b/i,
  clubs: /\b(clubs?|after[- ]school (?:clubs?|activities)|breakfast club|wrap[- ]?around care|extra[- ]curricular)\b/i,
  'lost-property': /\b(lost (?:property|items?|clothing|uniform|belongings)|lost|missing (?:items?|uniform|clothing))\b/i,
  progress: /\b(progress|attainment|academic|how (?:their|your) child is (?:doing|getting on)|parent[- ]teacher meetings?|parents'? evenings?)\b/i,
  trip: /\b(trips?|residential(?:s| visits?| trips?)?|school visits?|excursions?)\b/i,
};

const DEST_MEETING = /\b(meetings?|appointment to (?:see|meet|discuss)|parents'? evenings?|parent[- ]teacher (?:meeting|consultation)s?|face[- ]to[- ]face|speak (?:to|with) (?:the|your child'?s?) (?:class )?teacher in person|make an appointment)\b/i;
const CHANNEL_OUT = /\b(phone|telephone|call|calling|ring|email|e-mail|in person|in writing|letter|speak to)\b/i;
const CONTACT_SCHOOL = /\b(?:contact|communicat\w*|speak|talk|phone|telephone|call|ring|email|e-mail|directed|reported|sent|go|come)\b[^.]{0,30}?\b(?:the )?school\b(?! (?:office|day|hours|holidays|nurse|nursing|staff|policy|trip))/i;
const NOT_DOJO = /\b(?:not (?:through|via|on|using|by|over) (?:a message on )?(?:class ?dojo|the app|dojo)|(?:should|must|will|do|may) not (?:be )?(?:use[ds]?|sen[dt])\b[^.]{0,40}\b(?:class ?dojo|dojo|this messaging|the messaging|messages?)|(?:class ?dojo|dojo)\b[^.]{0,40}\b(?:must|should|will) not be used|not (?:to )?use (?:class ?)?dojo|must not be used for|replacement (?:of|for))\b/i;
const STAFF_FORWARD = /\b(forward(?:ed)?|passed on|pass(?:ed)? (?:it )?on|redirect(?:ed)?)\b/i;
const PARENT_VOICE = /\b(parents?|carers?|families|you|your|please)\b/i;
const POSITIVE_TEACHER = /\b(?:can|may|should|are welcome to|are encouraged to)\s+(?:use\s+(?:class ?dojo|dojo|the messaging|messages?)|message)\b/i;

function howOf(text: string): string {
  const ways: string[] = [];
  if (/\b(phone|telephone|call|calling|ring)\b/i.test(text)) ways.push('by phone');
  if (/\b(email|e-mail)\b/i.test(text)) ways.push('by email');
  if (/\bin person\b/i.test(text)) ways.push('in person');
  if (/\bin writing|letter\b/i.test(text)) ways.push('in writing');
  let how = ways.join(' or ').replace('by phone or by email', 'by phone or email');
  if (!ways.length && /\bmessag\w* (?:the |our )?(?:attendance|office|nurs)/i.test(text) && !NOT_DOJO.test(text)) how = 'by a ClassDojo message';
  const before = /\b(?:before|prior to|by)\s+(?:the start of |the )?(?:school day(?: starts| starting| begins)?|registration|\d{1,2}(?:[:.]\d{2})?\s*(?:am|a\.m\.))/i.exec(text);
  if (before) how = `${how || 'directly'} ${before[0].replace(/^prior to the school day starting$/i, 'before the school day starts').replace(/^prior to/i, 'before')}`;
  if (/\bin the usual way\b/i.test(text)) how = `${how || 'directly'}, in the usual way`;
  if (NOT_DOJO.test(text) || /\bnot through class ?dojo\b/i.test(text)) how = `${how || 'directly'}, not through ClassDojo`;
  return how || 'directly (by phone or in person)';
}

interface RouteCandidate {
  category: QueryCategory;
  destination: Destination;
  contact?: ContactFind;
  score: number;
  sentences: Sentence[];
  note?: string;
}

function officeName(text: string): string {
  const m = /\b(?:our|the)?\s*((?:main |front |admin(?:istration)? )?(?:school )?office|reception)\b/i.exec(text);
  const raw = m?.[1] ?? 'school office';
  const proper = /^[A-Z]/.test(raw) && /[A-Z]/.test(raw.slice(1)) ? raw : raw.toLowerCase();
  return `the ${proper}`.replace(/^the (the )/, 'the ');
}

function destinationIn(stmt: string, dir: ReturnType<typeof directory>, category: QueryCategory): { destination: Destination; contact?: ContactFind; strength: number } | undefined {
  if (category === 'progress' && DEST_MEETING.test(stmt)) return { destination: 'meeting', strength: 3 };
  for (const role of ROLES) {
    const m = role.re.exec(stmt);
    if (!m) continue;
    const named = personNear(stmt, m.index, m.index + m[0].length) ?? dir.get(role.key)?.name;
    const known = dir.get(role.key);
    const name = named ?? (role.key === 'office' ? officeName(stmt) : role.key === 'attendance-officer' ? `the ${m[0].replace(/^(\w)/, (c) => c.toLowerCase())}` : role.key === 'nursing' ? (/\bnursing team\b/i.test(m[0]) ? 'the school nursing team' : `the ${m[0].toLowerCase()}`) : 'the Designated Safeguarding Lead');
    const contact: Contact = {
      name,
      role: role.role,
      how: howOf(stmt),
      ...(known?.phone ? { phone: known.phone } : {}),
      ...(known?.email ? { email: known.email } : {}),
    };
    return { destination: role.destination, contact: { key: role.key, contact, sentences: known && named === known.name ? [known.sentence] : [] }, strength: 2 };
  }
  const head = HEAD.exec(stmt);
  if (head && /\b(to|with|contact)\s+(?:the |our )?(?:head ?teacher|head of school|principal)\b/i.test(stmt)) {
    const named = personNear(stmt, head.index, head.index + head[0].length) ?? dir.get('headteacher')?.name;
    return { destination: 'office', contact: { key: 'headteacher', contact: { name: named ?? `the ${head[0].toLowerCase()}`, role: 'Headteacher', how: howOf(stmt) }, sentences: [] }, strength: 2 };
  }
  // A named person with no role ("a phone call to Dawn Hufton or school staff").
  const to = /\b(?:to|contact|call|phone|ring|email|speak to|speak with)\s+((?:(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+)?[A-Z][a-z]+(?:\s+[A-Z][a-z'’-]+)?)\b/.exec(stmt);
  if (to && !/^(Class|Dojo|ClassDojo|The|School|Parents?|Carers?|Teachers?|Monday|Tuesday|Wednesday|Thursday|Friday)\b/.test(to[1]!) && (PERSON.test(to[1]!) || FIRST_LAST.test(to[1]!))) {
    PERSON.lastIndex = 0;
    FIRST_LAST.lastIndex = 0;
    const name = to[1]!;
    const key = name.toLowerCase().replace(/^(mr|mrs|miss|ms|mx|dr)\.?\s+/, '').replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
    return { destination: 'office', contact: { key: key || 'contact', contact: { name, how: howOf(stmt) }, sentences: [] }, strength: 2 };
  }
  PERSON.lastIndex = 0;
  FIRST_LAST.lastIndex = 0;
  if (CONTACT_SCHOOL.test(stmt) || (CHANNEL_OUT.test(stmt) && NOT_DOJO.test(stmt)) || (/\b(telephone|phone)\b[^.]{0,40}\b(staff member|member of staff|the school)\b/i.test(stmt))) {
    const staff = /\b(staff member|member of staff|school staff)\b/i.test(stmt) && !/\bschool\b(?! staff)/i.test(stmt.replace(/school staff/gi, ''));
    return {
      destination: 'office',
      contact: { key: staff ? 'staff' : 'school', contact: { name: staff ? 'a member of staff' : 'the school', role: 'School office', how: howOf(stmt) }, sentences: [] },
      strength: 1,
    };
  }
  return undefined;
}

/** A sentence that says parents must not contact school by ClassDojo messages at all (every query goes elsewhere). */
const NO_MESSAGES_AT_ALL = /\b(?:parents?|carers?|parents\/carers|you)\b[^.]{0,30}\b(?:will not|must not|should not|do not|may not|cannot|can not|are not (?:able|permitted) to)\s+use\s+(?:the\s+)?(?:direct\s+|private\s+)?messag\w*[^.]{0,40}\bto contact\b/i;

function extractRoutes(sentences: Sentence[], p: Proposal): void {
  const dir = directory(sentences);
  const cands: RouteCandidate[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const intro = s.intro;
    // A list item is read with its intro ("…must go through the school office:" + "School dinner queries").
    const stmt = intro ? `${intro.text} ${s.text}` : s.text;
    const next = sentences[i + 1];
    for (const category of Object.keys(CATEGORY_WORDS) as (keyof typeof CATEGORY_WORDS)[]) {
      if (!CATEGORY_WORDS[category].test(s.text)) continue;
      // Words that are about something else: "lost" learning, "trip" hazards, school "meals" as a topic in a list of what is shared.
      if (category === 'absence' && /\battendance\b/i.test(s.text) && !/\babsen/i.test(s.text) && !/\b(report|attendance (?:officer|lead|team|line))\b/i.test(s.text)) continue;
      // The item's own words first; its intro is quoted only where it says where the query goes or that ClassDojo is not the way.
      const withIntro = intro && intro.text !== s.text ? [intro, s] : [s];
      let dest = destinationIn(s.text, dir, category);
      let used = dest ? (intro && NOT_DOJO.test(intro.text) ? withIntro : [s]) : withIntro;
      if (!dest && intro) dest = destinationIn(stmt, dir, category);
      // "ClassDojo should not be used for urgent messages. These must be sent via the school office email."
      if (!dest && NOT_DOJO.test(stmt) && next && /^(these|this|they|it|instead|please|such)\b/i.test(next.text)) {
        dest = destinationIn(next.text, dir, category);
        if (dest?.contact) dest.contact.contact.how = howOf(`${stmt} ${next.text}`);
        used = [s, next];
      }
      if (!dest) continue;
      // A sentence naming a query and a place, but only mentioning them (no routing verb), is not a route.
      if (!/\b(should|must|need|needs|to be|go|goes|through|report|reported|contact|directed|sent|send|call|phone|telephone|ring|email|speak|arrange|use|made|forwarded|message|please|only|required|responsib)/i.test(stmt)) continue;
      let score = dest.strength;
      if (PARENT_VOICE.test(stmt)) score += 1;
      if (NOT_DOJO.test(stmt)) score += 1;
      if (STAFF_FORWARD.test(stmt) && !PARENT_VOICE.test(stmt.replace(/parents?\/carers?/gi, ''))) score -= 2;
      if (intro) score += 1;
      cands.push({ category, destination: dest.destination, contact: dest.contact, score, sentences: used });
    }
  }
  const contacts: Record<string, Item<Contact>> = { dsl: p.contacts.dsl! };
  // One name per role and way of reaching them: the one in the sentence that routes the most queries.
  const bySentence = new Map<Sentence, number>();
  for (const c of cands) bySentence.set(c.sentences[c.sentences.length - 1]!, (bySentence.get(c.sentences[c.sentences.length - 1]!) ?? 0) + 1);
  const weight = (c: RouteCandidate) => bySentence.get(c.sentences[c.sentences.length - 1]!) ?? 0;
  for (const c of [...cands].sort((a, b) => weight(b) - weight(a))) {
    if (!c.contact) continue;
    const lead = cands.find((o) => o.contact && o.contact.key === c.contact!.key && o.contact.contact.how === c.contact!.contact.how && weight(o) > weight(c));
    if (lead && !/^(?:Mr|Mrs|Miss|Ms|Mx|Dr)\b/.test(c.contact.contact.name)) c.contact = { ...c.contact, contact: { ...c.contact.contact, name: lead.contact!.contact.name } };
  }
  const keyFor = (c: ContactFind, category: QueryCategory): string => {
    const existing = contacts[c.key];
    if (!existing || (existing.value.name === c.contact.name && existing.value.how === c.contact.how)) return c.key;
    for (const [k, v] of Object.entries(contacts)) if (v.value.name === c.contact.name && v.value.how === c.contact.how) return k;
    return `${c.key}-${category}`;
  };
  const routed = new Set<QueryCategory>();
  for (const category of QUERY_CATEGORIES) {
    const mine = cands.filter((c) => c.category === category).sort((a, b) => b.score - a.score || a.sentences[0]!.index - b.sentences[0]!.index);
    const best = mine[0];
    if (!best || best.score < 2) continue;
    const value: RouteValue = { destination: best.destination };
    if (best.contact && best.destination !== 'meeting') {
      const key = keyFor(best.contact, category);
      value.contact = key;
      const quotes = dedupe([...best.contact.sentences, ...best.sentences]).map(quoteOf);
      if (!contacts[key]) contacts[key] = { value: best.contact.contact, origin: 'document', quotes, note: `How to reach them is worded from the document (${best.contact.contact.how}).` };
    }
    const support = mine.filter((c) => c !== best && c.destination === best.destination).slice(0, 1);
    p.routes[category] = found(value, [...best.sentences, ...support.flatMap((c) => c.sentences)]);
    routed.add(category);
  }
  // Sickness that keeps a child at home is an absence, and the other way round.
  for (const [a, b] of [['sickness', 'absence'], ['absence', 'sickness']] as const) {
    if (!routed.has(a) && routed.has(b)) {
      p.routes[a] = { ...structuredClone(p.routes[b]), note: a === 'sickness' ? 'The document routes absences; sickness that keeps a child at home is an absence.' : 'The document routes sickness; an absence for any reason goes the same way.' };
      routed.add(a);
    }
  }
  // "Parents will not use the direct messaging function to contact school": every query goes elsewhere.
  const none = sentences.find((s) => NO_MESSAGES_AT_ALL.test(s.text));
  if (none) {
    const ref = sentences.find((s) => /\b([A-Z][\w/]*(?:\s+[A-Z][\w/]*)*\s+Policy)\b[^.]*\bhow (?:you|to|parents)\b[^.]*\bcontact\b/.test(s.text));
    const policyName = ref ? /\b((?:[A-Z][\w/]*\s+)*[A-Z][\w/]*\s+Policy)\b/.exec(ref.text)?.[1] : undefined;
    const key = 'school';
    contacts[key] ??= { value: { name: 'the school', role: 'School office', how: policyName ? `as the ${policyName} describes` : 'by phone, email or in person, not through ClassDojo messages' }, origin: 'document', quotes: [none, ...(ref ? [ref] : [])].map(quoteOf) };
    for (const category of QUERY_CATEGORIES) {
      if (category === 'safeguarding' || routed.has(category)) continue;
      p.routes[category] = found({ destination: 'office', contact: key }, [none, ...(ref ? [ref] : [])], 'Parents do not contact school through ClassDojo messages: every query goes the way the document says instead.');
    }
  }
  // Safeguarding always goes to the DSL; the document's own words are quoted when it has them.
  const sg = sentences.find((s) => /\bsafeguarding|child protection\b/i.test(s.text) && /\b(concerns?|worr(?:y|ied|ies)|report|disclos|DSL|designated safeguarding lead)\b/i.test(s.text) && !/\bpolic(?:y|ies)\s*$/i.test(s.text.trim()));
  if (sg) p.routes.safeguarding = { ...found({ destination: 'dsl', contact: 'dsl' }, [sg]), note: 'A worry about a child’s safety goes to the Designated Safeguarding Lead; Policy Guard never suggests a canned reply to it.' };
  const dslName = dir.get('dsl');
  if (dslName) contacts.dsl = { value: { ...contacts.dsl!.value, name: dslName.name, ...(dslName.phone ? { phone: dslName.phone } : {}) }, origin: 'document', quotes: [quoteOf(dslName.sentence)] };
  // Roles named with a person but not routed to (a SENCo, the Headteacher) are kept as contacts to review.
  for (const [key, d] of dir) {
    if (contacts[key] || Object.values(contacts).some((c) => c.value.name === d.name)) continue;
    const role = key === 'senco' ? 'SENCo' : key === 'headteacher' ? 'Headteacher' : ROLES.find((r) => r.key === key)?.role;
    contacts[key] = { value: { name: d.name, ...(role ? { role } : {}), how: 'through the school office', ...(d.phone ? { phone: d.phone } : {}), ...(d.email ? { email: d.email } : {}) }, origin: 'document', quotes: [quoteOf(d.sentence)], note: 'Named in the document; no query is routed to this contact.' };
  }
  p.contacts = contacts;
}

// ---- rules --------------------------------------------------------------------------------------------

function channelsNamed(text: string): Channel[] {
  const out = new Set<Channel>();
  if (/\bclass (?:story|stories|page|pages)\b|\bclass\/student (?:pages|story)\b|\bclass feed\b/i.test(text)) out.add('class-story');
  if (/\bschool (?:story|stories)\b/i.test(text)) out.add('school-story');
  if (/\bclass (?:chats?|group chats?)\b|\bgroup (?:chats?|messages?)\b/i.test(text)) out.add('class-chat');
  if (/\bstudent (?:story|stories|pages?)\b|\bclass\/student\b|\bportfolios?\b/i.test(text)) out.add('student-story');
  return [...out];
}

function extractRules(sentences: Sentence[], p: Proposal): void {
  const find = (re: RegExp) => sentences.filter((s) => re.test(s.text));
  // First names only.
  const firstNames = find(/\b(?:only (?:(?:the )?(?:pupils?|children|students?)['’]?s? )?first names?|first names? only|no (?:sur|last |family )names?|(?:sur|last |family )names? (?:will|must|should|are) (?:not|never)|(?:not|never) (?:use|include|post|share) (?:a |the )?(?:pupils?['’]? |children['’]?s? |students?['’]? )?(?:full|sur|last |family )names?|full names? (?:will|must|should) not|without (?:their )?(?:sur|last )names?)\b/i);
  // No names at all where more than one family sees.
  const noNames = find(/\b(?:not|never|no)\b[^.]{0,40}\b(?:names (?:of|or)|photographs? or names|names or photographs?|(?:children|pupils)['’]s names)\b/i).filter((s) => !/\bfirst names?|full names?|surnames?\b/i.test(s.text));
  if (noNames.length) {
    const named = channelsNamed(noNames.map((s) => s.text).join(' '));
    const channels = [...new Set<Channel>([...SHARED_CHANNELS, ...named.filter((c) => c !== 'student-story')])];
    p.rules['pupil-name'] = found({ action: 'confirm', channels }, noNames, 'No pupil names at all where more than one family can see. How firmly the rule acts is Policy Guard’s default; the school can change it.');
    p.rules['full-name'] = { value: { action: 'off', allowSurnameInitial: false }, origin: 'silent', quotes: [], note: 'The document allows no names at all in shared spaces, so the stricter pupil-name rule applies instead.' };
  } else if (firstNames.length) {
    const initial = firstNames.some((s) => /\binitial\b/i.test(s.text)) || sentences.some((s) => /\b(?:initial of (?:the |their )?(?:sur|last )name|(?:sur|last )name initial)\b/i.test(s.text));
    const initialSentences = initial ? find(/\b(?:initial of (?:the |their )?(?:sur|last )name|(?:sur|last )name initial)\b/i) : [];
    p.rules['full-name'] = found({ action: 'confirm', allowSurnameInitial: initial }, [...firstNames, ...initialSentences], initial ? 'First names only; a surname initial where two pupils share a first name.' : 'First names only.');
  }

  // Photos and consent.
  const PHOTO = /\b(photo(?:graph)?s?|images?|pictures?|videos?|recordings?)\b/i;
  const consent = find(/\b(consent|permission|permissions|opted? out|agreed)\b/i).filter((s) => PHOTO.test(s.text) && !/\bparents?\/carers? must not share|personal social media|\bshare (?:any )?class ?dojo content\b/i.test(s.text));
  const noPhotos = find(/\b(?:not|never|no)\b[^.]{0,40}\b(?:photo(?:graph)?s|images|pictures)\b[^.]{0,80}\b(?:more than one (?:parent|family|carer)|class stor(?:y|ies)|class chat|shared spaces?)\b/i).filter((s) => !/\bconsent|permission\b/i.test(s.text));
  const inCare = find(/\b(local authority care|looked[- ]after|in care\b|LAC\b|CLA\b)/i).filter((s) => PHOTO.test(s.text));
  if (consent.length || noPhotos.length) {
    // "…teachers will not share child's images on the class page. Teachers may still upload photos to a child's individual story."
    for (const c of [...consent]) {
      const next = sentences[c.index + 1];
      if (next && PHOTO.test(next.text) && /\b(still|individual|private messages?|own story)\b/i.test(next.text) && !consent.includes(next)) consent.push(next);
    }
    const text = consent.map((s) => s.text).join(' ');
    // "consent to share photos on the Class Story page … may still upload photos to a child's individual story/private messages"
    const onlyClass = /\b(?:may|can) still (?:upload|share|post)\b|\bindividual story\b[^.]*\bprivate messages?\b/i.test(text) && /\bclass (?:story|page)\b/i.test(text);
    const consentRequiredIn: Channel[] = consent.length ? (onlyClass ? ['class-story'] : [...WRITING_CHANNELS]) : [];
    const noChildrenIn: Channel[] = noPhotos.length ? [...SHARED_CHANNELS] : [];
    p.rules['photo-consent'] = found(
      { action: consent.length ? 'block' : 'confirm', consentRequiredIn, neverInCare: inCare.length > 0, noChildrenIn, notRecorded: 'hold' },
      [...consent, ...noPhotos, ...inCare],
      onlyClass ? 'Consent is needed for the Class Story; a pupil’s own story and private messages are allowed without it.' : noPhotos.length && !consent.length ? 'No photographs of children where more than one family can see.' : 'No photo of a pupil without photo consent.',
    );
  }

  // Sensitive matters only in private.
  const SENSITIVE = /\b(sensitive|personal|confidential)\b[^.]{0,20}\b(information|matters?|details|messages|data)\b|\bprivate (?:information|matters|details)\b|\b(?:child|pupil|young person|family)\w*\s+matters\b|\bconversations? about\b[^.]{0,40}\bmatters\b/i;
  const WHERE = /\bprivate (?:messag\w*|chats?|conversations?)\b|\bnot (?:on|in|via) (?:the )?(?:class|student)\b|\bclass (?:chat|story|page|pages)\b|\bclass\/student\b|\bmore than one (?:parent|family)\b|\bstudent story\b/i;
  const sensitive = find(SENSITIVE).filter((s) => WHERE.test(s.text) && !/\bsocial media\b/i.test(s.text));
  if (sensitive.length) {
    const text = sensitive.map((s) => s.text).join(' ');
    const named = channelsNamed(text);
    // "not … via the class page or the messaging service": messages are checked too.
    const alsoMessages = /\bnot\b[^.]*\b(?:or|and) (?:the )?(?:messaging service|private messages?|messages)\b/i.test(text);
    const channels = alsoMessages ? [...WRITING_CHANNELS] : [...new Set<Channel>([...SHARED_CHANNELS.slice(0, 2), ...(named.includes('student-story') ? ['student-story' as Channel] : []), 'class-chat'])];
    p.rules['sensitive-content'] = found({ action: 'confirm', categories: [...SENSITIVE_CATEGORIES], channels }, sensitive, alsoMessages ? 'Not on the class page, and not in messages either.' : 'Sensitive and personal matters belong in private messages only.');
  }

  // Out of hours follows the sending hours.
  if (p.staffHours.origin === 'document') {
    p.rules['out-of-hours'] = found({ action: 'confirm', channels: [...WRITING_CHANNELS] }, p.staffHours.quotes.map((q) => sentences.find((s) => s.start === q.at)!).filter(Boolean), 'Checks sending outside the staff hours the document states.');
  }

  // Points never taken away.
  const points = find(/\bpoints?\b[^.]{0,40}\b(?:(?:will|are|should|must|can) (?:not|never) be (?:taken away|removed|deducted|lost)|(?:not|never) (?:taken away|removed|deducted))|\b(?:not|never|no)\b[^.]{0,20}\b(?:take|taking|remove|removing|deduct|deducting)\b[^.]{0,20}\bpoints?\b[^.]{0,10}\baway\b|\bno negative points\b|\bonly (?:award|give|positive) (?:positive )?points\b/i);
  if (points.length) p.rules['negative-points'] = found({ action: 'block', channels: ['points'] }, points, 'Points are never taken away.');
}

// ---- conduct, monitoring, audiences, languages ---------------------------------------------------------

function extractOther(text: string, sentences: Sentence[], p: Proposal): void {
  const withIntro = (s: Sentence) => (s.intro ? `${s.intro.text} ${s.text}` : s.text);
  const consequence = sentences.find((s) => /\b(warning|removed|suspend\w*|terminat\w*|remov\w* (?:of )?access|access (?:will be )?removed|blocked)\b/i.test(s.text) && /\b(account|access|login|platform|class ?dojo|messag)\w*/i.test(s.text) && /\b(misus|inappropriate|abusive|abuse|breach|violat|respect|tolerat|threat|aggress)/i.test(withIntro(s)));
  const report = sentences.find((s) => /\breport(?:ed)?\b/i.test(s.text) && /\b(line manager|SLT|senior leader\w*|head ?teacher|senior leadership|deputy head)\b/i.test(s.text) && /\b(inappropriate|abusive|abuse|misus|conduct|comments?)\b/i.test(s.text));
  if (consequence || report) {
    p.conduct = found(
      { consequence: consequence?.text ?? p.conduct.value.consequence, report: report?.text ?? p.conduct.value.report },
      [consequence?.intro && !/\b(misus|inappropriate|abusive|abuse|breach|violat)/i.test(consequence.text) ? consequence.intro : undefined, consequence, report].filter((s): s is Sentence => !!s),
      'In the document’s words.',
    );
  }
  const monitoring = sentences.find((s) => /\b(senior leaders?|leadership team|SLT|head ?teacher)\b/i.test(s.text) && /\b(view|monitor\w*|review|check|look at)\b/i.test(s.text) && /\b(class ?dojo|dojo|pages?|polic(?:y|ies)|protocol|posts)\b/i.test(s.text) && !/\bcomplaints?\b/i.test(s.text));
  if (monitoring) p.monitoring = found(true, [monitoring], 'Senior leaders review the class pages: Policy Guard’s spot-check helps them.');
  const peers = sentences.find((s) => /\bstudent story\b|\bportfolio\b|\bshare their work\b/i.test(s.text) && /\b(class peers|classmates|whole class|with the class)\b/i.test(s.text));
  if (peers) p.audiences = found({ ...p.audiences.value, 'student-story': 'shared' }, [peers], 'The document describes Student Story as shared with the class, so it counts as shared.');
  if (/\b(ysgol|cymraeg|gynradd|bilingual|dwyieithog|welsh language)\b/i.test(text)) p.languages = ['eng', 'cym'];
}

// ---- the whole -----------------------------------------------------------------------------------------

/**
 * A proposed policy from a policy document's plain text (see the module comment). Throws nothing for any
 * string; an empty or unrelated text gives the blank proposal (every item at its recommended default).
 */
export function proposeFromText(text: string, options: ExtractOptions = {}): Proposal {
  const file = options.file?.trim() || 'policy.txt';
  const p = blankProposal(file, options.name?.trim() || undefined);
  const sentences = sentencesOf(text);
  const title = findTitle(text);
  if (title) p.title = title;
  if (!options.name?.trim()) {
    const name = findName(text);
    if (name) {
      p.name = { value: name.name, origin: 'document', quotes: [lineQuote(text, sentences, name.at)] };
      if (!title) p.title = `${name.name} ClassDojo policy`;
    }
  }
  extractHours(sentences, p);
  extractTermTime(sentences, p);
  extractResponseTime(sentences, p);
  extractRoutes(sentences, p);
  extractRules(sentences, p);
  extractOther(text, sentences, p);
  return p;
}
