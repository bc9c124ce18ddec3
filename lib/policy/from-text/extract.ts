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
import { blankProposal, DEFAULT_HOURS, DSL_CONTACT, dropStaleNoteId, SHARED_CHANNELS, WRITING_CHANNELS, WEEKDAYS_MON_FRI } from './defaults';
import { findEmails } from '../../rules/sensitive-content';
import { sentencesOf, type Sentence } from './text';
import { proposalItems } from './build';
import { findDaySpecs, findOvernightRanges, findTimeLimits, findTimeRanges, findUntil, findUnreadRanges, hhmm, parseTime, resolveRange, type DaySpec, type TimeRange } from './times';
import type { Item, Proposal, Quote, RouteValue } from './types';
import type { ReaderNoteId } from '../reader-note';
import { identifyNote, ownNoteText, OWN_NOTES } from './own-notes';

export interface ExtractOptions {
  /** The document's file name, cited in every clause. Default "policy.txt". */
  file?: string;
  /** The school's name, when the school gives it (overrides what is read from the document). */
  name?: string;
}

/**
 * A sentence's words as written, where the extractor reads it with its line breaks as spaces (a PDF's hard
 * wraps split "Attendance⏎Officer" and "Mrs Beth⏎Holmes"): quotes are always the document's own text.
 */
const ORIGINAL = new WeakMap<Sentence, string>();

const quoteOf = (s: Sentence): Quote => ({ quote: ORIGINAL.get(s) ?? s.text, section: s.section, at: s.start });

/**
 * A sentence's quotes: the sentence as written. A row of tab-separated cells (how a Word table row is read,
 * or a table pasted from Word) is quoted as the row, from its first cell with words to its last, the tabs
 * between them as they are: a cell alone ("8.00am – 5.00pm") does not say what it is about (probe 18g).
 */
function quotesOf(s: Sentence): Quote[] {
  if (!s.cells || s.separator !== '\t') return [quoteOf(s)];
  const full = s.cells.filter((c) => c.end > c.start);
  if (!full.length) return [];
  const from = full[0]!.start;
  const to = full[full.length - 1]!.end;
  return [{ quote: s.text.slice(from - s.start, to - s.start), section: s.section, at: from }];
}

/** A sentence in Welsh: its small words ("yn", "yw", "ein", "eich", "rhwng", "bydd", "dim ond", "ar gyfer"). */
const WELSH_SENTENCE = /\b(?:yn|yw|ein|eich|rhwng|bydd|fydd|fyddwn|dim ond|ar gyfer)\b/i;

/** Words only Welsh has, common in any Welsh policy ("yn", "mae", "rhieni", "negeseuon", "dylid"): three different ones make a document Welsh. */
const WELSH_WORD = /\b(?:yn|yw|ein|eich|rhwng|bydd|fydd|dylid|gyda|mae|peidiwch|rhowch|ffoniwch|cysylltwch|rhieni|athrawon|disgyblion|negeseuon|gwybod|gwelwch|ddim|hefyd|wedi|absenoldeb|presenoldeb|swyddfa)\b/gi;

/** A bilingual policy's English sentences first (the findings teachers read are in English), else as given. */
const englishFirst = (sentences: Sentence[]) => [...sentences.filter((s) => !WELSH_SENTENCE.test(s.text)), ...sentences.filter((s) => WELSH_SENTENCE.test(s.text))];

const found = <T>(value: T, sentences: Sentence[], note?: string): Item<T> => ({
  value,
  origin: 'document',
  quotes: dedupeQuotes(englishFirst(dedupe(sentences)).flatMap(quotesOf)),
  ...(note ? { note } : {}),
});

function dedupeQuotes(quotes: Quote[]): Quote[] {
  const seen = new Set<number>();
  return quotes.filter((q) => !seen.has(q.at) && seen.add(q.at));
}

function dedupe(sentences: Sentence[]): Sentence[] {
  const seen = new Set<number>();
  return sentences.filter((s) => !seen.has(s.start) && seen.add(s.start));
}

const DOJO = /\b(class\s?dojo|dojo)\b/i;

// ---- the school's name --------------------------------------------------------------------------------

// One to eight name words ("St Cuthbert's Church of England Voluntary Aided Primary School"; capitalised, never a word ending a sentence: "CPOMS. At Hill Academy", at most 31 letters each, so a long hyphenated run cannot backtrack; or "of", "the", "St."…) before a kind of school ("Primary School",
// "C of E Primary School", "Academy", "College", and early years settings: "Day Nursery", "Pre-School",
// "Playgroup", "Children's Centre"…), written out as one literal for the regex sweep.
const SCHOOL_NAME = /(?<![\p{L}\d/'’.&-])((?:(?:[A-Z][\p{L}'’.&-]{0,30}(?<!\p{L}{3}\.)|of|the|and|on|in|upon|by|le|de|St\.?)\s{1,4}){1,8}?)(?:C\.?\s?of\s?E\.?\s+|CE\s+|RC\s+|Catholic\s+|Church of England\s+|Methodist\s+|Community\s+|Infant\s+and\s+Nursery\s+|Junior\s+and\s+Infant\s+|(?:Nursery|Infants?|Junior|First)\s+(?:and|&)\s+(?=(?:Nursery|Infants?'?|Junior|Primary)\s))?(?:Primary\s+(?:&|and)\s+Nursery\s+School|Primary\s+(?:School|Academy)|Junior\s+School|Infant\s+School|Infants'?\s+School|Nursery\s+School|First\s+School|Middle\s+School|High\s+School|Secondary\s+School|Grammar\s+School|Special\s+School|Day\s+Nursery|Nursery|Pre-?[Ss]chool|Preschool|Playgroup|Children['’]s\s+Centre|Early\s+Years\s+(?:Centre|Unit)|Kindergarten|Academy|School|College|Primary)(?![\p{L}-])/gu;
const NOT_A_NAME = /^(the|our|this|a|your|each|every|any|whole|at|all|to|for|primary|secondary|local|other|same|class|dojo|classdojo|class dojo|parent|carer|parents|carers|home|policy|staff|new|school|high|junior|infant|nursery|ict|online|main)$/i;

/** "Ysgol" and up to five name words (capitalised, or Welsh's small joining words: y, yr, a, ac, ar, de). */
const WELSH_SCHOOL = /\bYsgol(?:[ \u00a0](?!(?:ClassDojo|Class|Dojo|Policy|Polisi|Parents?|Staff)\b)(?:\p{Lu}[\p{L}'’-]{1,30}|y|yr|a|ac|ar|de)){1,5}(?<![ \u00a0](?:y|yr|a|ac|ar|de))/u;

/** Welsh words of a school's kind, not its name: "Ysgol Gynradd Gymraeg" (Welsh-medium primary school), "Uwchradd", "y". */
const WELSH_KIND_WORD = /^(?:Ysgol|Gynradd|Gymraeg|Uwchradd|Gyfun|Feithrin|Fabanod|Babanod|Iau|Eglwys|yng|Nghymru|y|yr|a|ac|ar|de)$/i;

/** Whether a Welsh school name and an English one are the same school: every name word of the Welsh is in the English ("Ysgol Gynradd Bryn Celyn", "Bryn Celyn Primary School"). */
function sameSchool(welsh: string, english: string): boolean {
  const words = welsh.split(/[ \u00a0]+/).filter((w) => !WELSH_KIND_WORD.test(w));
  const theirs = new Set(english.toLowerCase().split(/[ \u00a0]+/));
  return words.length > 0 && words.every((w) => theirs.has(w.toLowerCase()));
}

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
    // "The Willows Primary School": "The" starts a name only before another name word (kept by the loop above).
    if (words.length < 2 || (NOT_A_NAME.test(first) && first !== 'The') || /^(Class|Dojo|ClassDojo|Parent|Carer|Home|Staff|Policy|Local|Online|ICT|Head|Deputy|Assistant)$/i.test(first)) continue;
    // Part of a longer title ("Bentley New Village Staff Code", "School Communication Policy"): on the same
    // line. The next line is another thing ("Kingsmead Primary School⏎Staff Code of Conduct": the school, then the document).
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 20);
    if (/^[ \t\u00a0]?(?:Communication|Policy|Code|Staff|Story|Stories|Office|Day|Hours|Website|App|Council|Trust|Group|Road|Lane|Street)\b/.test(after)) continue;
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
  // A Welsh school's name starts with "Ysgol" ("Ysgol Gynradd Gymraeg Bro Dinefwr", "Ysgol y Graig"): its first
  // (in capitals too: "YSGOL BRYN CELYN").
  const welsh = WELSH_SCHOOL.exec(text);
  // A bilingual document names the school in both languages ("Ysgol Bryn Celyn / Bryn Celyn School", "Ysgol
  // Gynradd Bryn Celyn" and "Bryn Celyn Primary School"): the school's own name is its Welsh one, the English a
  // rendering of it. So is a Welsh name heading the document before any English one (its title lines).
  // Not a name that runs on in English from the Welsh ("Ysgol Gynradd Llanfair Church in Wales Primary School"): one name.
  const runsOn = !!welsh && !!best && best[0].includes(welsh[0]);
  if (welsh && best && !runsOn && (sameSchool(welsh[0], best[0]) || (welsh.index < best[1].at && welsh.index < 300 && !/\n\s*\n/.test(text.slice(0, welsh.index).trim())))) return { name: welsh[0], at: welsh.index };
  if (best) return { name: best[0], at: best[1].at };
  return welsh ? { name: welsh[0], at: welsh.index } : undefined;
}

/** A trust's or federation's name: up to five capitalised words and the kind of body ("Riverbend Multi-Academy Trust", "Northfield Learning Trust", "The Oaks Federation", "Riverbend Schools Partnership"). */
const TRUST_NAME = /(?<![\p{L}'’-])(?:\p{Lu}[\p{L}'’&-]{0,30}[ \u00a0]){1,5}(?:Multi[- ]Academy[ \u00a0]Trust|Academy[ \u00a0]Trust|Academies[ \u00a0]Trust|Learning[ \u00a0]Trust|Education(?:al)?[ \u00a0]Trust|Schools?[ \u00a0]Trust|Trust|Federation|(?:Learning|Schools?|Education|Academies)[ \u00a0]Partnership|Partnership|(?:Learning|Schools?)[ \u00a0]Alliance)(?![\p{L}])/gu;
/** The words of a kind of body, never a name by themselves: "Multi-Academy Trust", "Academy Trust", "The Trust", "Schools Partnership". */
const GENERIC_BODY_WORD = /^(?:The|Our|This|A|An|All|Each|Every|In|Of|At|Multi|Multi-Academy|Academy|Academies|Trust|Learning|Schools?|Education|Educational|Federation|Partnership|Alliance|Primary|Secondary|Policy|Church|Diocesan|MAT)$/;
/** A policy for every school of a trust: "applies to all schools in the Trust", "across our Federation", "trust-wide". */
const TRUST_WIDE = /\b(?:appl(?:y|ies)|is for|covers?|relevant)\b[^.]{0,20}\b(?:all|each|every)\b[^.]{0,10}\b(?:schools|academies|school|academy)\b|\ball (?:the |our )?(?:schools|academies)\b[^.]{0,15}\b(?:in|within|across|of)\b[^.]{0,10}\b(?:trust|federation|partnership)\b|\bacross (?:the|our) (?:trust|federation)\b|\b(?:trust|federation)[- ]wide\b/i;

/**
 * A policy for all the schools of a trust (or federation): the trust's name, where it is first written,
 * and the sentence saying the policy is for all its schools. Undefined for one school's policy.
 */
function findTrust(text: string): { name: string; at: number; wide: number } | undefined {
  const wide = TRUST_WIDE.exec(text);
  if (!wide) return undefined;
  // A proper name only: a type line ("Multi-Academy Trust" under the name) is none. The name in the sentence
  // saying whose schools the policy is for ("…all academies in the Riverbend Schools Partnership") comes first.
  const names: { name: string; at: number }[] = [];
  TRUST_NAME.lastIndex = 0;
  for (let m = TRUST_NAME.exec(text); m && names.length < 50; m = TRUST_NAME.exec(text)) {
    const lead = /^(?:(?:The|This|Our|All|Each|Every|In|Of|At)[ \u00a0])+/.exec(m[0]);
    const name = m[0].slice(lead?.[0].length ?? 0);
    const words = name.split(/[ \u00a0]/);
    if (words.length < 2 || words.every((w) => GENERIC_BODY_WORD.test(w))) continue;
    names.push({ name, at: m.index + (lead?.[0].length ?? 0) });
  }
  TRUST_NAME.lastIndex = 0;
  const lineEnd = text.indexOf('\n', wide.index);
  const inWide = names.find((n) => n.at >= wide.index && n.at < (lineEnd < 0 ? text.length : lineEnd) && n.at - wide.index < 200);
  // Where the same name is written earlier (the title line), that is where it is quoted.
  const chosen = inWide ? (names.find((n) => n.name === inWide.name) ?? inWide) : names[0];
  return chosen && { ...chosen, wide: wide.index };
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
  /** The sentences to quote: the sentence, or a table's first row and the row. */
  sentences: Sentence[];
  /** Windows written together: one sentence, or one column of one table. */
  group: string;
  staff: number;
  replies: number;
  impliedDays: boolean;
  namedDays: boolean;
  /** The occasion a window is for ("residential trips"): not the weekly hours. */
  occasional?: string;
}

/** Occasions staff may message outside their weekly hours, as when they hold: "during residential visits", "on the Year 6 residential", "at sports fixtures". */
const OCCASIONAL = /\b(?:during|on|while on|whilst on|for|at|away on)[ \u00a0]{1,3}(?:(?:the|a|an|our|school|Year[ \u00a0]\d{1,2})[ \u00a0]{1,3}){0,2}(?:residential(?:s|[ \u00a0](?:trips?|visits?|weeks?))?|school[ \u00a0](?:trips?|visits?|journeys?)|trips?|visits?|fixtures?|tournaments?|concerts?|performances?|sports[ \u00a0]days?|open[ \u00a0]days?|special[ \u00a0]events?|events?)\b/i;

const NOT_MESSAGE_HOURS = /\b(clubs?|breakfast|after[- ]school (?:clubs?|care|activities|provision|sessions?)|wrap[- ]?around|lunch(?:time)?|dinner|gates?|doors?|playground|registration|lessons?|assembl(?:y|ies)|collection|collect(?:ed|ing)?|pick[- ]?up|drop[- ]?off|office (?:is )?open|opening (?:hours|times)|reception is|phone lines?|telephone lines?|absence line|swimming|PE\b|parents'? evenings?|disco|fair|trip|coach|bus|nursery sessions?|session)\b/i;
const SCHOOL_DAY = /\b(school day|school hours|teaching (?:day|time|hours)|learning time|lesson time)\b/i;
const NOT_AVAILABLE = /\b(may not be (?:seen|read|received|answered|responded)|not (?:be )?able to (?:check|respond|reply|read)|will not be (?:seen|read|checked|monitored)|cannot (?:check|respond|reply)|not be (?:checked|monitored))\b/i;

function scoreHours(local: string, sentence: string, lead: string, context = '', subject = lead): { staff: number; replies: number } {
  let staff = 0;
  let replies = 0;
  const both = `${local} ${sentence}`;
  // The heading or table the hours sit under ("Messaging hours", "ClassDojo messages"), and a row's label.
  if (/\b(class ?dojo|dojo|messag\w*|negeseuon)\b/i.test(context)) {
    staff += 1;
    replies += 1;
    if (/\b(hours|times|when|oriau)\b/i.test(context)) staff += 1;
  }
  if (MESSAGE_HOURS.test(both) || MESSAGE_HOURS.test(context)) {
    staff += 3;
    replies += 1;
  }
  // "Staff: 8.00am – 4.30pm", "Staff send and reply | 8.00am to 4.00pm": staff are who the hours are for.
  // After a day or two it is still their subject: "On Fridays staff will only post…", "Every Friday, teachers…".
  if (/^\W{0,3}(?:(?:on|every|each)[ \u00a0]{1,3}(?:a[ \u00a0]{1,3})?(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?,?[ \u00a0]{1,3}(?:the[ \u00a0]{1,3})?)?(?:staff|teachers?|all staff|class teachers?)\b/i.test(subject.trim())) staff += 2;
  else if (/\b(?:staff|teachers?)\b/i.test(context)) staff += 1;
  if (/\b(negeseuon|neges)\b/i.test(both)) {
    staff += 1;
    replies += 1;
  }
  if (/\b(ateb|ymateb)\b/i.test(both)) {
    staff += 1;
    replies += 3;
  }
  // Welsh: "Bydd staff yn anfon negeseuon…" (send), "…yn postio" (post), "…yn gwirio" (check), "…yn darllen" (read).
  if (/\b(anfon|postio|gwirio|darllen)\b/i.test(both) && !/\brhieni\b/i.test(local)) staff += 1;
  // The Welsh subject after "Bydd" (will): "Bydd staff…", "Bydd athrawon…" (teachers).
  if (/^\W{0,3}(?:bydd|ni fydd)[ \u00a0]{1,3}(?:y[ \u00a0]{1,3}|yr[ \u00a0]{1,3})?(?:staff|athrawon|athro|athrawes)\b/i.test(subject.trim())) staff += 2;
  // When parents may send ("Parents may message 7.30am – 6pm", "Parents:", "Gall rhieni anfon"): not a
  // Policy Guard setting (staff hours are when staff send; reply hours when parents hear back).
  if (PARENT_SEND.test(local) && !/\b(repl|respon|answer|expect|ateb)/i.test(local)) {
    staff -= 6;
    replies -= 6;
  }
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
  if (/\b(post(?:ed|ing|s)?|send(?:ing|s)?|sent by staff|check(?:ed|ing|s)?|monitor(?:ed|ing|s)?|look(?:ing)? at|access(?:ed|ing)?|use (?:class ?)?dojo|respond|reply|replies|replied|answer)\b/i.test(both)) staff += 1;
  // "Please only message staff between 8am and 6pm": the window parents are given for messages.
  if (/\bonly (?:message|contact|send messages to) (?:staff|teachers?|us|your child['’]s teacher)\b/i.test(local) && !NOT_MESSAGE_HOURS.test(local) && !/\b(office|attendance|absen)/i.test(local)) {
    staff += 2;
    replies += 2;
  }
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

/** At most this many time ranges are read from one sentence or cell (a sentence states one to four). */
const MAX_RANGES = 12;
/** How much of a run-on sentence around a range its words are read from. */
const AROUND_CHARS = 400;

const MESSAGE_HOURS = /\b(?:messag(?:ing|e)s? (?:hours|times)|hours for (?:class ?dojo |dojo )?messag\w*|communication hours|contact hours|oriau negeseuon)\b/i;
const PARENT_SEND = /\b(?:parents?|carers?|families|you)\b[^.]{0,25}\b(?:may|can|could|are (?:welcome|able|free) to)\s{1,3}(?:send|message|contact|post|write)\b|^\W{0,3}(?:parents?|carers?|parents\/carers)\s{0,2}:|\brhieni\b[^.]{0,20}\banfon\b|\bparents? (?:may |can )?(?:send|message)\b|\bparents?['’]? messag(?:ing|es?) (?:hours|times)\b/i;

interface Placed {
  w: Window;
  from: number;
  to: number;
  implied: boolean;
  named: boolean;
}

/**
 * The days for each time range of one stretch of text. Days are written on one side of the times for the
 * whole sentence: before ("Monday to Thursday 8am-5pm and Friday 8am-3.30pm") or after ("08:15–17:00
 * Monday–Thursday and 08:15–15:30 on Fridays"); a range with none takes its neighbour's ("12 noon to 1pm
 * and 3.30pm to 5pm, Monday to Friday"). No days anywhere: undefined (Monday to Friday is assumed).
 */
function daysForRanges(ranges: TimeRange[], days: DaySpec[]): (DaySpec | undefined)[] {
  if (!ranges.length) return [];
  const daysFirst = days.some((d) => d.to <= ranges[0]!.from);
  const own = ranges.map((r, i) => {
    const prevEnd = i > 0 ? ranges[i - 1]!.to : 0;
    const nextStart = i + 1 < ranges.length ? ranges[i + 1]!.from : Number.MAX_SAFE_INTEGER;
    const before = days.filter((d) => d.from >= prevEnd && d.to <= r.from).sort((a, b) => b.to - a.to)[0];
    const after = days.filter((d) => d.from >= r.to && d.to <= nextStart).sort((a, b) => a.from - b.from)[0];
    if (daysFirst) return before ?? (i === ranges.length - 1 ? after : undefined);
    return after ?? (i === 0 ? before : undefined);
  });
  // Fill gaps from the neighbour in the writing direction, then from the other side.
  const out = [...own];
  const order = daysFirst ? out.map((_, i) => i) : out.map((_, i) => out.length - 1 - i);
  let carry: DaySpec | undefined;
  for (const i of order) carry = out[i] ??= carry;
  carry = undefined;
  for (const i of [...order].reverse()) carry = out[i] ??= carry;
  if (ranges.length === 1 && !out[0]) out[0] = days[0];
  return out;
}

/**
 * Each range's window. Days a negative sentence rules out ("will not send messages before 8am, after 5pm or
 * at weekends") are never the hours' days: they are taken out of the days the range is given (Monday to
 * Friday when it names none), and count as the document naming its days.
 */
function placeRanges(ranges: TimeRange[], days: DaySpec[], offset = 0): Placed[] {
  const out = days.filter((d) => d.excluded).flatMap((d) => d.days);
  const specs = daysForRanges(ranges, days.filter((d) => !d.excluded));
  return ranges.map((r, i) => {
    const spec = specs[i];
    const given = spec ? spec.days : WEEKDAYS_MON_FRI;
    const left = given.filter((d) => !out.includes(d));
    const kept = left.length ? left : WEEKDAYS_MON_FRI.filter((d) => !out.includes(d));
    const named = (!!spec && !spec.implied) || out.length > 0;
    return { w: { days: kept.length ? kept : [...WEEKDAYS_MON_FRI], start: hhmm(r.start), end: hhmm(r.end) }, from: offset + r.from, to: offset + r.to, implied: !named, named };
  });
}

/**
 * What a row's hours quote: the row's own cells, whole (see quotesOf). Not the header row: the column labels
 * are read to know whose hours a cell gives, but a quote is one place in the document, and "Day | Teachers
 * reply" quoted with a row reads as one clause the document does not have.
 */
function rowQuotes(s: Sentence): Sentence[] {
  return [s];
}

/** A table row's times: each cell with a time range, read with its column's label and the row's other cells. */
function rowCandidates(s: Sentence, text: string): HoursCandidate[] {
  const out: HoursCandidate[] = [];
  const cells = s.cells!;
  const cellText = (c: { start: number; end: number }) => text.slice(c.start, c.end);
  const header = s.header?.cells?.length === cells.length && !findTimeRanges(s.header.text).length ? s.header : undefined;
  const rowDays = cells.map((c) => findDaySpecs(cellText(c)));
  const rowRanges = cells.map((c) => findTimeRanges(cellText(c)).slice(0, MAX_RANGES));
  cells.forEach((cell, ci) => {
    const ct = cellText(cell);
    const ranges = rowRanges[ci]!;
    if (!ranges.length) return;
    // Days in the cell itself, else in the row's other cells ("Monday | 8:00am – 5:00pm").
    const otherDays = rowDays.find((d, i) => i !== ci && d.length && !rowRanges[i]!.length)?.find((d) => !d.excluded);
    const placed = placeRanges(ranges, rowDays[ci]!, cell.start);
    if (!rowDays[ci]!.length && otherDays) for (const x of placed) Object.assign(x, { w: { ...x.w, days: [...otherDays.days] }, implied: otherDays.implied, named: !otherDays.implied });
    const labels = cells.filter((_, i) => i !== ci && !rowRanges[i]!.length).map(cellText).join(' ');
    const column = header ? cellText(header.cells![ci]!) : '';
    const context = `${column} ${labels} ${s.section}`;
    // What the times are for is said before them ("Breakfast club | 7.45am – 8.45am"); a notes cell after
    // them ("Staff training after school") says something else.
    const lead = cells.filter((_, i) => i < ci && !rowRanges[i]!.length).map(cellText).join(' ');
    const score = scoreHours(`${column} ${labels} ${ct}`, `${header?.text ?? ''} ${s.text}`, `${column} ${lead}`, context);
    const quoted = rowQuotes(s);
    for (const x of placed) out.push({ windows: [x.w], sentences: quoted, group: `table ${(header ?? s).index} column ${ci}`, staff: score.staff, replies: score.replies, impliedDays: x.implied, namedDays: x.named });
  });
  if (out.length) return out;
  // The start and the end in cells of their own: "| Monday–Thursday | 8.15am | 5.00pm |".
  const times = cells.map((c, i) => ({ i, t: cellText(c).length <= 12 ? parseTime(cellText(c)) : undefined })).filter((x) => x.t?.clear);
  if (times.length !== 2) return out;
  const range = resolveRange(times[0]!.t!, times[1]!.t!);
  if (!range) return out;
  const [i, j] = [times[0]!.i, times[1]!.i];
  const days = rowDays.find((d, k) => k !== i && k !== j && d.length)?.find((d) => !d.excluded);
  const labels = cells.filter((_, k) => k !== i && k !== j).map(cellText).join(' ');
  const columns = header ? `${cellText(header.cells![i]!)} ${cellText(header.cells![j]!)}` : '';
  const score = scoreHours(`${columns} ${labels}`, `${header?.text ?? ''} ${s.text}`, labels, `${columns} ${labels} ${s.section}`);
  out.push({
    windows: [{ days: days ? [...days.days] : [...WEEKDAYS_MON_FRI], start: hhmm(range[0]), end: hhmm(range[1]) }],
    sentences: rowQuotes(s),
    group: `table ${(header ?? s).index} columns ${i} ${j}`,
    staff: score.staff,
    replies: score.replies,
    impliedDays: !days || days.implied,
    namedDays: !!days && !days.implied,
  });
  return out;
}

function hoursCandidates(sentences: Sentence[], text: string): HoursCandidate[] {
  const out: HoursCandidate[] = [];
  for (const s of sentences) {
    if (s.cells) {
      out.push(...rowCandidates(s, text));
      continue;
    }
    // A sentence states a few ranges; a run-on text with thousands is read for its first few (linear, not quadratic).
    const ranges = findTimeRanges(s.text).slice(0, MAX_RANGES);
    if (!ranges.length) continue;
    // "…and until 4pm on Fridays": those days are the earlier end's, not the range's.
    const ends = earlierEnds(s.text, ranges);
    const windows = placeRanges(ranges, findDaySpecs(s.text).filter((d) => !ends.some((e) => d.from < e.to && e.from < d.to)));
    if (ends.length) {
      const endDays = ends.flatMap((e) => e.days);
      for (const x of windows) {
        const left = x.w.days.filter((d) => !endDays.includes(d));
        if (left.length) Object.assign(x, { w: { ...x.w, days: left }, implied: false, named: true });
      }
    }
    // "Staff messaging hours: 8.00am – 4.30pm": the label before a colon says whose hours they are.
    const colon = s.text.indexOf(':');
    const label = colon > 0 && colon < ranges[0]!.from && colon < 60 ? s.text.slice(0, colon) : '';
    windows.forEach((x, i) => {
      const a = i > 0 ? windows[i - 1]!.to : 0;
      const b = i + 1 < windows.length ? windows[i + 1]!.from : s.text.length;
      const local = s.text.slice(a, b);
      // The sentence around the range (all of it, unless it runs on for pages).
      const around = s.text.length <= 2 * AROUND_CHARS ? s.text : s.text.slice(Math.max(0, x.from - AROUND_CHARS), x.to + AROUND_CHARS);
      // An FAQ's answer is read with its question ("When will staff reply?" / "Between 8.30am and 4.30pm, Monday to
      // Friday."; "Q: What hours…? A: 8:30–16:00 on school days"): the question says whose hours they are and what for.
      const asked = s.question ? `${s.question.text} ` : '';
      const score = scoreHours(asked + (local.length <= 2 * AROUND_CHARS ? local : around), asked + around, asked + s.text.slice(a, Math.min(b, x.to + 15)), `${label} ${s.section}`, s.text.slice(0, 40));
      // A window for an occasion ("on Saturdays between 10am and 12pm during residential visits") is not a weekly one.
      // "…except on school trips" says when the window does not hold: the window is still the weekly one.
      // The occasion is the range's own clause's: "…between 8.30am and 4pm; teachers on school visits may reply later" is not.
      const clauseStart = Math.max(local.lastIndexOf(';', x.from - a), 0);
      const semi = local.indexOf(';', x.to - a);
      const clause = local.slice(clauseStart, semi < 0 ? local.length : semi);
      const occasion = OCCASIONAL.exec(clause);
      const occasional = occasion && !/\b(?:except|apart from|other than|unless|not|excluding|outside)\b[^.;]{0,20}$/i.test(clause.slice(0, occasion.index)) ? occasion[0] : undefined;
      out.push({ windows: [x.w], sentences: s.question ? [s.question, s] : [s], group: `sentence ${s.index}`, staff: score.staff, replies: score.replies, impliedDays: x.implied, namedDays: x.named, ...(occasional ? { occasional } : {}) });
    });
    // "…between 8am and 6pm Monday to Thursday and until 4pm on Fridays": those days end earlier, from the same start.
    const first = out[out.length - windows.length];
    if (first && !first.occasional) {
      for (const e of ends) {
        const start = minutes(first.windows[0]!.start);
        if (e.end <= start) continue;
        out.push({ ...first, windows: [{ days: e.days, start: first.windows[0]!.start, end: hhmm(e.end) }], impliedDays: false, namedDays: true });
      }
    }
  }
  return out;
}

/** "until 4pm on Fridays", "finishing at 3pm on a Friday": an end (minutes) for some days, outside any range. */
const UNTIL_ON = /\b(?:until|till|finishing at|finish at|ending at|closing at)[ \u00a0]{1,3}(\d{1,2}(?:[:.]\d{2})?[ \u00a0]?(?:a\.?m\.?|p\.?m\.?)|noon|midday)[ \u00a0,]{1,3}on[ \u00a0]{1,3}(?:a[ \u00a0]{1,3})?((?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)days?)\b/gi;

function earlierEnds(text: string, ranges: TimeRange[]): { end: number; days: Weekday[]; from: number; to: number }[] {
  const out: { end: number; days: Weekday[]; from: number; to: number }[] = [];
  UNTIL_ON.lastIndex = 0;
  for (let m = UNTIL_ON.exec(text); m && out.length < 7; m = UNTIL_ON.exec(text)) {
    if (ranges.some((r) => r.from <= m!.index && m!.index < r.to)) continue;
    const t = parseTime(m[1]!);
    const day = findDaySpecs(m[2]!)[0];
    if (!t?.mer || t.mer === '24' || !day) continue;
    out.push({ end: t.mer === 'am' ? (t.h % 12) * 60 + t.m : ((t.h % 12) + 12) * 60 + t.m, days: [...day.days], from: m.index, to: m.index + m[0].length });
  }
  return out;
}

const WEEK_ORDER: readonly Weekday[] = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'];
const minutes = (t: string) => Number(t.slice(0, 2)) * 60 + Number(t.slice(3));

/**
 * The windows of the chosen candidates, as one set: the same times on several rows become one window
 * ("Monday 8–5", "Tuesday 8–5" → Mon–Tue 8–5); two windows on the same day are both kept unless they
 * overlap (then the first stands: the policy format allows several windows a day, never overlapping ones).
 */
function mergeWindows(cands: HoursCandidate[]): Window[] {
  const windows: Window[] = [];
  for (const c of cands) {
    for (const w of c.windows) {
      const same = windows.find((x) => x.start === w.start && x.end === w.end);
      if (same) {
        same.days = WEEK_ORDER.filter((d) => same.days.includes(d) || w.days.includes(d));
        continue;
      }
      const clash = windows.some((x) => x.days.some((d) => w.days.includes(d)) && minutes(x.start) < minutes(w.end) && minutes(w.start) < minutes(x.end));
      if (!clash) windows.push({ ...w, days: [...w.days] });
    }
  }
  // Days merged into one window may now clash with another window: the later-added one gives way.
  return windows.filter((w, i) => !windows.some((x, j) => j < i && x.days.some((d) => w.days.includes(d)) && minutes(x.start) < minutes(w.end) && minutes(w.start) < minutes(x.end)));
}

/** Words only a Welsh statement of hours has: "rhwng" (between), "negeseuon" (messages), "bydd" (will), "8.30yb". */
const WELSH_WORDS = /\b(?:rhwng|negeseuon|bydd)\b|\d(?:yb|yp|yh)\b/i;

/** How many sentences apart two statements of one set of hours may be ("2.1 … Monday to Thursday." "2.2 On Fridays …"). */
const NEAR_SENTENCES = 3;

function pickHours(cands: HoursCandidate[], key: 'staff' | 'replies'): HoursCandidate[] {
  const good = cands.filter((c) => c[key] >= 3);
  if (!good.length) return [];
  const best = Math.max(...good.map((c) => c[key]));
  // In a bilingual policy the English statement of the same hours is quoted (the findings are in English).
  const first = good.find((c) => c[key] === best && !c.sentences.some((s) => WELSH_WORDS.test(s.text))) ?? good.find((c) => c[key] === best)!;
  // The other windows written with it (the same sentence, or the same column of the same table) belong with it.
  const picked = [first, ...good.filter((c) => c !== first && c.group === first.group && c[key] >= best - 1)];
  // The days those leave out, stated in a sentence of their own nearby ("Monday to Thursday, 8am to 5pm."
  // then "On Fridays staff only post between 8am and 3.30pm."): the same hours, for the other days. Only
  // days the document names, only on days no window has yet, and only about messages (the score says so:
  // "On Fridays the school closes early … staff will only post or reply between 8am and 3.30pm").
  const near = (c: HoursCandidate) => c.sentences.some((s) => picked.some((x) => x.sentences.some((y) => Math.abs(y.index - s.index) <= NEAR_SENTENCES)));
  const taken = new Set(picked.flatMap((c) => c.windows.flatMap((w) => w.days)));
  for (const c of cands) {
    if (picked.includes(c) || !c.namedDays || c.impliedDays || c[key] < 1 || c.staff + c.replies < 3 || !near(c)) continue;
    const days = c.windows.flatMap((w) => w.days);
    if (!days.length || days.some((d) => taken.has(d))) continue;
    picked.push(c);
    for (const d of days) taken.add(d);
  }
  return picked;
}

/**
 * "On Fridays staff finish at 3.30pm", "On Wednesdays staff will not reply to messages after 4pm": a
 * sentence with no range of its own that ends some named days early. Its days and end (minutes), or undefined.
 */
const DAY_UNTIL = /\b(?:until|till)[ \u00a0]{1,3}(?:(\d{1,2}(?:[:.]\d{2})?[ \u00a0]?(?:a\.?m\.?|p\.?m\.?))|(?:12[ \u00a0]{1,3})?(?:noon|midday))(?![\w:])/i;
const DAY_END = /\b(?:finish(?:es|ing)?|clos(?:es|ing)|end(?:s|ing)?|stop(?:s|ping)?)[ \u00a0]{1,3}(?:(?:work|early|messaging|replying|posting)[ \u00a0]{1,3})?at[ \u00a0]{1,3}(\d{1,2}(?:[:.]\d{2})?[ \u00a0]?(?:a\.?m\.?|p\.?m\.?)|noon|midday)(?![\w:])/i;

function dayEnd(s: Sentence): { days: Weekday[]; end: number } | undefined {
  if (findTimeRanges(s.text).length || NOT_MESSAGE_HOURS.test(s.text)) return undefined;
  const days = findDaySpecs(s.text).filter((d) => !d.excluded && !d.implied && d.days.length < 5);
  if (days.length !== 1) return undefined;
  const finish = DAY_END.exec(s.text);
  let end: number | undefined;
  if (finish) {
    const t = parseTime(finish[1]!);
    if (t?.mer === 'am' || t?.mer === 'pm') end = ((t.h % 12) + (t.mer === 'pm' ? 12 : 0)) * 60 + t.m;
  } else if (DOJO.test(s.text) || /\bmessag|\b(?:reply|replies|respond|post)\b/i.test(s.text)) {
    const limits = findTimeLimits(s.text).filter((l) => l.kind === 'after');
    if (limits.length === 1) end = limits[0]!.minutes;
  }
  // A day's own end beside the hours, in a few words ("On Fridays, until 12 noon.", "Fridays until 1.30pm"): noon
  // included, which findUntil leaves out as a morning's end (probe 16 M4: a short Friday was dropped whole).
  const until = end === undefined ? DAY_UNTIL.exec(s.text) : null;
  // Only a sentence that says nothing else: "On Fridays, after-school club runs until 4.30pm" is another matter.
  const rest = until ? s.text.replace(until[0], ' ').replace(days[0]!.phrase, ' ').split(/[^\p{L}]+/u).filter(Boolean) : [];
  if (until && rest.length <= 2) {
    const t = until[1] ? parseTime(until[1]) : undefined;
    end = !until[1] ? 12 * 60 : t?.mer === 'am' || t?.mer === 'pm' ? ((t.h % 12) + (t.mer === 'pm' ? 12 : 0)) * 60 + t.m : undefined;
  }
  return end === undefined ? undefined : { days: [...days[0]!.days], end };
}

/**
 * The chosen windows with the early ends stated near them (see dayEnd) applied: those days get a window of
 * their own, from the same start to the earlier end. The sentences that said so are added to the quotes.
 */
function withDayEnds(picked: HoursCandidate[], sentences: Sentence[]): HoursCandidate[] {
  if (!picked.length || picked.some((c) => c.sentences.some((s) => s.cells))) return picked;
  const indices = picked.flatMap((c) => c.sentences.map((s) => s.index));
  const lo = Math.min(...indices);
  const hi = Math.max(...indices);
  const out = [...picked];
  for (const s of sentences.slice(Math.max(0, lo - NEAR_SENTENCES), hi + NEAR_SENTENCES + 1)) {
    if (indices.includes(s.index)) continue;
    const e = dayEnd(s);
    if (!e) continue;
    // Days the hours leave out, with an end of their own ("Monday to Thursday. On Fridays, until 12 noon."): a
    // window of their own from the same start.
    const first = out[0]!.windows[0];
    if (first && out.every((c) => c.windows.every((w) => !e.days.some((d) => w.days.includes(d)))) && e.end > minutes(first.start)) {
      out.push({ ...out[0]!, windows: [{ days: e.days, start: first.start, end: hhmm(e.end) }], sentences: [...out[0]!.sentences, s], namedDays: true, impliedDays: false });
      continue;
    }
    for (const [i, c] of out.entries()) {
      const w = c.windows[0];
      if (!w || c.windows.length !== 1 || !e.days.every((d) => w.days.includes(d)) || w.days.length <= e.days.length) continue;
      if (e.end <= minutes(w.start) || e.end >= minutes(w.end)) continue;
      out[i] = { ...c, windows: [{ ...w, days: w.days.filter((d) => !e.days.includes(d)) }] };
      out.push({ ...c, windows: [{ days: e.days, start: w.start, end: hhmm(e.end) }], sentences: [...c.sentences, s], namedDays: true, impliedDays: false });
      break;
    }
  }
  return out;
}

const QUIET = /\b(?:quiet|silent) hours\b|\bnotifications?\b[^.]{0,40}\b(?:off|paused|silenced|muted)\b|\b(?:switched|turned) off\b|\bdo not disturb\b/i;

/**
 * Quiet hours written as the night they cover ("Quiet hours are set from 6pm until 7.30am", "ClassDojo
 * notifications are switched off between 18:00 and 07:00"): the staff hours are the day they leave.
 */
function quietHours(sentences: Sentence[]): { window: Window; sentence: Sentence; note: string } | undefined {
  for (const s of sentences) {
    if (!QUIET.test(s.text) || NOT_MESSAGE_HOURS.test(s.text) || findTimeRanges(s.text).length) continue;
    // "Quiet hours: parents should not send messages between 6pm and 7am" is the parents' night, not staff's.
    if (PARENTS_NOT.test(s.text) && !/\b(?:notifications?|staff|teachers?)\b[^.]{0,30}\b(?:off|paused|silenced|muted|will not|do not|won['’]t)\b/i.test(s.text)) continue;
    const night = findOvernightRanges(s.text)[0];
    if (!night) continue;
    const days = findDaySpecs(s.text).find((d) => !d.excluded && !/weekend/i.test(d.phrase));
    const weekends = /\bweekends?\b/i.test(s.text);
    const window: Window = { days: days && !weekends ? [...days.days] : [...WEEKDAYS_MON_FRI], start: hhmm(night.start), end: hhmm(night.end) };
    const daysNote = days && !weekends ? '' : weekends ? ' Quiet at weekends too: Monday to Friday.' : ' The document names no days: Monday to Friday, the school week, is assumed.';
    const phrase = night.phrase.trim();
    return { window, sentence: s, note: `Read from the quiet hours the document sets (${phrase.endsWith('.') ? phrase.slice(0, -1) : phrase}): the staff hours are the rest of the day.${daysNote}` };
  }
  return undefined;
}

/** "Teachers will not check ClassDojo after 5pm or at weekends" + "Please do not message staff before 8am". */
function limitHours(sentences: Sentence[]): { windows: Window[]; sentences: Sentence[]; note: string } | undefined {
  let start: { m: number; s: Sentence } | undefined;
  let end: { m: number; s: Sentence } | undefined;
  // "…until 4.30pm, Monday to Thursday, and until 3pm on Fridays": the days that end earlier, from the same start.
  let dayEnds: ReturnType<typeof earlierEnds> = [];
  let weekends = false;
  // Days the limit sentences rule out ("not after 5pm or on Fridays"): never the hours' days.
  const out = new Set<Weekday>();
  // What parents are asked not to do ("Please don't message staff before 7.45am") reads with what staff
  // will not do, never alone: alone it is the parents' night (parentsQuiet), not the staff hours.
  const staffSays = sentences.some((s) => !PARENTS_NOT.test(s.text) && (DOJO.test(s.text) || /\bmessag|\b(?:reply|replies|respond|negeseuon|neges|ateb|ymateb)\b/i.test(s.text)) && !NOT_MESSAGE_HOURS.test(s.text) && !findTimeRanges(s.text).length && (findTimeLimits(s.text).length > 0 || findUntil(s.text).length > 0));
  for (const s of sentences) {
    if (!staffSays && PARENTS_NOT.test(s.text)) continue;
    if (!(DOJO.test(s.text) || /\bmessag|\b(?:reply|replies|respond|negeseuon|neges|ateb|ymateb)\b/i.test(s.text)) || NOT_MESSAGE_HOURS.test(s.text)) continue;
    // A sentence that also states a range ("rhwng 8.45yb a 4.00yp … not after 5pm") is not a plain limit:
    // quoted for other hours it would contradict them. Unless the "range" is the limits themselves, read as one
    // ("not … before 7.30am or after 6.30pm": a start and an end limit, between them the times it names).
    const bounds = findTimeLimits(s.text);
    if (findTimeRanges(s.text).length && !(bounds.some((l) => l.kind === 'before') && bounds.some((l) => l.kind === 'after'))) continue;
    // "…will check ClassDojo until 4.30 each day": an end, as "not after 4.30pm" is (staff's words only).
    const ends = earlierEnds(s.text, []);
    const until = PARENTS_NOT.test(s.text) ? [] : findUntil(s.text).filter((l) => !ends.some((e) => e.from <= l.from && l.from < e.to));
    if (until.length && ends.length && !dayEnds.length) dayEnds = ends;
    for (const l of [...findTimeLimits(s.text), ...until]) {
      if (l.kind === 'before' && l.minutes < 12 * 60 && (!start || l.minutes > start.m)) start = { m: l.minutes, s };
      if (l.kind === 'after' && l.minutes > 12 * 60 && (!end || l.minutes < end.m)) {
        end = { m: l.minutes, s };
        weekends ||= /\b(?:or|and) (?:at |on )?(?:the )?weekends?\b/i.test(s.text);
      }
    }
    if (start?.s === s || end?.s === s) for (const d of findDaySpecs(s.text)) if (d.excluded) for (const x of d.days) out.add(x);
  }
  weekends ||= out.has('sat') || out.has('sun');
  if (!start && !end) return undefined;
  // The days the limits are for, where their sentences name them ("…before 8am or after 6pm, Monday to Friday",
  // "…on weekdays", "Monday to Thursday"): those days, not the assumed school week (what they rule out still goes).
  // Only a span of days that no other day named contradicts: one day alone ("after 6pm (4pm on Fridays)") is an
  // exception to the limits, not their days.
  const limitSentences = [...new Set([start?.s, end?.s].filter((x): x is Sentence => !!x))];
  // Nor the weekend: named with limits it is what they rule out ("will not send or reply to messages at weekends").
  const specs = limitSentences.flatMap((s) => findDaySpecs(s.text).filter((d) => !d.excluded && !d.implied && d.days.some((x) => x !== 'sat' && x !== 'sun') && !earlierEnds(s.text, []).some((e) => d.from < e.to && e.from < d.to)));
  const spans = new Set(specs.map((d) => d.days.join(',')));
  // The days that end earlier ("…and until 3pm on Fridays") are the limits' days too.
  const namedKept = spans.size === 1 && specs[0]!.days.length >= 2 ? WEEK_ORDER.filter((d) => (specs[0]!.days.includes(d) || dayEnds.some((e) => e.days.includes(d))) && !out.has(d)) : [];
  const [ds, de] = [DEFAULT_HOURS[0]!.start, DEFAULT_HOURS[0]!.end];
  const kept = WEEKDAYS_MON_FRI.filter((d) => !out.has(d));
  const window: Window = { days: namedKept.length ? namedKept : kept.length ? kept : [...WEEKDAYS_MON_FRI], start: start ? hhmm(start.m) : ds, end: end ? hhmm(end.m) : de };
  const said = [start ? `not before ${hhmm(start.m)}` : '', end ? `not after ${hhmm(end.m)}` : ''].filter(Boolean).join(' and ');
  const missing = !start ? ` The document gives no start: ${ds} is the recommended default.` : !end ? ` The document gives no end: ${de} is the recommended default.` : '';
  const weekdaysOut = kept.length && kept.length < WEEKDAYS_MON_FRI.length;
  // Days named: nothing assumed, nothing to say (as for hours stated with their days).
  const days = namedKept.length ? '' : weekdaysOut ? ` Not on the days it rules out: ${window.days.join(', ')}.` : weekends ? ' Not at weekends: Monday to Friday.' : LIMITS_NO_DAYS;
  const windows: Window[] = [window];
  for (const e of dayEnds) {
    const ds2 = e.days.filter((d) => windows[0]!.days.includes(d));
    if (!ds2.length || e.end <= minutes(window.start)) continue;
    windows[0] = { ...windows[0]!, days: windows[0]!.days.filter((d) => !ds2.includes(d)) };
    windows.push({ days: ds2, start: window.start, end: hhmm(e.end) });
  }
  return { windows: windows.filter((w) => w.days.length), sentences: [start?.s, end?.s].filter((x): x is Sentence => !!x), note: `Read from the limits the document sets (${said}).${missing}${days}` };
}

/** Parents asked not to message at night ("Parents are asked not to message staff between 6pm and 7am"): when parents should not send, not when staff do. */
const PARENTS_NOT = /\b(?:parents?|carers?|families|you)\b[^.]{0,40}\b(?:not|never|avoid|refrain)\b[^.]{0,20}\b(?:message|messaging|send|sending|contact|contacting)\b|\bplease[ \u00a0]{1,3}(?:do[ \u00a0]{1,3}not|don['’]t|avoid|refrain[ \u00a0]{1,3}from)[ \u00a0]{1,3}(?:message|messaging|send|sending|contact|contacting)\b/i;

/**
 * The night parents are asked not to message in, as the document writes it, with its sentence. It is not
 * the staff hours (nor lost): the hours' note says it, quoting the phrase.
 */
function parentsQuiet(sentences: Sentence[]): { phrase: string; sentence: Sentence } | undefined {
  for (const s of sentences) {
    if (!PARENTS_NOT.test(s.text) || /\b(?:notifications?|staff (?:will|do|does|are)|teachers (?:will|do|are))\b/i.test(s.text)) continue;
    const night = findOvernightRanges(s.text)[0];
    if (night) return { phrase: night.phrase.trim().replace(/\.$/, ''), sentence: s };
    // Or as limits: "Please do not message before 7am or after 6pm", "Parents should not message staff after 6pm".
    const limits = findTimeLimits(s.text);
    if (limits.length) return { phrase: s.text.slice(limits[0]!.from, limits[limits.length - 1]!.to).replace(/\.$/, ''), sentence: s };
  }
  return undefined;
}

/** Another way of keeping in touch than ClassDojo: email, the website, newsletters, social media, letters, the phone. */
const OTHER_CHANNEL = /\b(?:e-?mails?|website|newsletters?|social media|facebook|twitter|instagram|text messages?|texts|letters?|telephone|phone calls?)\b/i;

/**
 * A sentence about another channel, not ClassDojo: under a heading naming one ("4. Email", "Social media"),
 * or with one as its subject ("Emails are checked between 8am and 4pm and will be answered within three
 * school days"), and not naming ClassDojo itself. A long communication policy gives email its own hours and
 * reply times; they are not ClassDojo's.
 */
function aboutOtherChannel(s: Sentence): boolean {
  if (DOJO.test(s.text)) return false;
  if (OTHER_CHANNEL.test(s.section) && !DOJO.test(s.section)) return true;
  return /^\W{0,3}(?:(?:the|our|all|any|school|office)[ \u00a0]{1,3}){0,2}(?:e-?mails?|website|newsletters?|social media|facebook|twitter|instagram|text messages?|texts|letters?|phone calls?)\b/i.test(s.text);
}

/** Replying, answering or checking messages: what staff hours about responding say (not sending). */
const RESPONDING = /\b(?:respond\w*|repl(?:y|ies|ying)|answer\w*|check\w*|ateb|ymateb)\b/i;
/** Sending or posting: what a limit on staff's own messages says. */
const SENDING = /\b(?:sen[dt]\w*|post(?:s|ed|ing)?|anfon)\b/i;

/**
 * Sending limits that widen hours read as responding hours: `staff`'s sentences are all about responding, never
 * sending, and the document also limits when staff send (limitHours: a start and an end of its own, in sentences
 * about sending) to a window that holds every one of those hours. Else undefined.
 */
function sendingLimits(staff: HoursCandidate[], own: Sentence[]): ReturnType<typeof limitHours> {
  const said = staff.flatMap((c) => c.sentences);
  if (!said.every((s) => RESPONDING.test(s.text) && !SENDING.test(s.text))) return undefined;
  const limits = limitHours(own);
  if (!limits || !limits.sentences.length || !limits.sentences.every((s) => SENDING.test(s.text)) || /recommended default/.test(limits.note)) return undefined;
  const wide = limits.windows[0]!;
  const holds = staff.every((c) => c.windows.every((w) => w.start >= wide.start && w.end <= wide.end));
  return holds ? limits : undefined;
}

/**
 * Sending hours written as a range beside hours read as responding hours ("Staff will reply to messages between
 * 8.30am and 4.30pm." + "Staff will only send messages between 8am and 5pm on weekdays."): `staff`'s sentences are
 * all about responding, never sending, and other candidates for staff's hours are all about sending, never
 * responding. Those (picked as pickHours does, with their day ends), else [].
 */
function sendingRanges(staff: HoursCandidate[], cands: HoursCandidate[], sentences: Sentence[]): HoursCandidate[] {
  const only = (c: HoursCandidate, yes: RegExp, no: RegExp) => c.sentences.every((s) => yes.test(s.text) && !no.test(s.text));
  if (!staff.length || !staff.every((c) => only(c, RESPONDING, SENDING))) return [];
  const sending = cands.filter((c) => !staff.includes(c) && only(c, SENDING, RESPONDING) && !PARENT_SEND.test(c.sentences.map((s) => s.text).join(' ')));
  const picked = withDayEnds(pickHours(sending, 'staff'), sentences);
  // One day alone ("…or on Fridays after 3pm") is an exception to hours stated elsewhere, not the week's sending hours.
  return new Set(picked.flatMap((c) => c.windows.flatMap((w) => w.days))).size >= 2 ? picked : [];
}

/** The end of a note on hours (HOURS_NO_DAYS) or limits (LIMITS_NO_DAYS) whose sentences name no days. */
const HOURS_NO_DAYS = ' The document names no days for these hours: Monday to Friday, the school week, is assumed.';
const LIMITS_NO_DAYS = ' The document names no days: Monday to Friday, the school week, is assumed.';

function extractHours(sentences: Sentence[], text: string, p: Proposal): void {
  // Email's hours (or the website's) in a policy for all channels are not ClassDojo's.
  const own = sentences.filter((s) => !aboutOtherChannel(s));
  const all = hoursCandidates(own, text);
  const cands = all.filter((c) => !c.occasional);
  const occasions = all.filter((c) => c.occasional && c.staff >= 3);
  const parents = parentsQuiet(sentences);
  // A time range about messages that could not be turned into hours is said, never dropped silently.
  const unread = sentences.flatMap((s) => (/\b(?:messag\w*|repl\w*|respon\w*|class ?dojo|dojo|contact\w*|hours|check\w*|available)\b/i.test(s.text) ? findUnreadRanges(s.text).map((r) => ({ s, phrase: r.phrase.trim() })) : [])).slice(0, 3);
  const extra = () => {
    const notes = [
      ...unread.map(({ s, phrase }) => `“${phrase}” (in “${s.text.slice(0, 120)}”) could not be read as hours: check the hours and add that window if it is one.`),
      ...occasions.slice(0, 2).map((c) => `“${c.sentences[0]!.text.slice(0, 120)}” is for an occasion (“${c.occasional}”), not the weekly hours: not included.`),
      // Unless the staff hours already read it with what staff will not do (then it is quoted there).
      ...(parents && !p.staffHours.quotes.some((q) => q.at === parents.sentence.start) ? [`The document asks parents not to message ${parents.phrase} (“${parents.sentence.text.slice(0, 120)}”): that is when parents should not send, not the staff hours.`] : []),
    ];
    for (const item of [p.staffHours, p.replyHours]) {
      // Days assumed because the document names none: the school checks them too.
      const assumed = item.origin === 'document' && /names no days/.test(item.note ?? '') ? ['The document names no days for these hours: Monday to Friday is assumed.'] : [];
      if (notes.length) item.note = `${item.note ?? ''} ${notes.join(' ')}`.trim();
      if (notes.length || assumed.length) item.check = [...assumed, ...notes].join(' ');
      // Only the assumed days is a check of Policy Guard's own words; one quoting the document is shown as written.
      if (assumed.length && !notes.length) item.checkId = 'namesNoDaysCheck';
    }
  };
  const staff = withDayEnds(pickHours(cands, 'staff'), sentences);
  const replies = withDayEnds(pickHours(cands, 'replies'), sentences);
  const daysNote = (cs: HoursCandidate[]) => (cs.some((c) => c.impliedDays && !c.namedDays) ? HOURS_NO_DAYS : '');
  const quotesOf = (cs: HoursCandidate[]) => cs.flatMap((c) => c.sentences);
  // One quiet-hours sentence ("Quiet hours will be set for the rest of the day") backs the staff hours.
  const quiet = (c: HoursCandidate) => {
    const last = c.sentences[c.sentences.length - 1]!;
    const next = sentences[last.index + 1];
    return next && /\b(quiet|silent) hours\b/i.test(next.text) && !findTimeRanges(next.text).length ? [next] : [];
  };
  // Hours for replying, and limits on sending beside them ("Staff are not expected to respond outside 7:45am to 5pm.
  // No messages will be sent after 6pm or before 7am"): the limits are when staff may send, the hours when parents
  // hear back (probe 16 M5: the reply hours were taken for the sending hours, and a post at 17:30 was held).
  const stated = staff.length ? staff : replies;
  const sending = stated.length ? sendingLimits(stated, own) : undefined;
  // Or as a range of their own: the hours staff send in; the responding hours are when parents hear back.
  const ranged = sending ? [] : sendingRanges(stated, cands, sentences);
  if (sending || ranged.length) {
    const heard = replies.length ? replies : staff;
    let sendWindows = sending ? sending.windows : mergeWindows(ranged);
    let heardWindows = mergeWindows(heard);
    let sendNote = sending ? sending.note : `Staff sending hours as the document states them.${daysNote(ranged)}`;
    let heardNote = `When parents are told to expect replies.${daysNote(heard)}`;
    // The days one of the two names are the other's when it names none ("…send messages between 8am and 5pm on
    // weekdays" + "…reply between 8.30am and 4.30pm"; Welsh limits beside reply hours "dydd Llun i ddydd Gwener"):
    // the document's days, not an assumed school week.
    const assumedSend = sending ? sending.note.endsWith(LIMITS_NO_DAYS) : !!daysNote(ranged);
    const assumedHeard = !!daysNote(heard);
    const daysOf = (ws: Window[]) => WEEK_ORDER.filter((d) => ws.some((w) => w.days.includes(d)));
    if (assumedSend && !assumedHeard && sendWindows.length === 1) {
      sendWindows = [{ ...sendWindows[0]!, days: daysOf(heardWindows) }];
      sendNote = sendNote.slice(0, sendNote.length - (sending ? LIMITS_NO_DAYS : HOURS_NO_DAYS).length);
    } else if (assumedHeard && !assumedSend && heardWindows.length === 1) {
      heardWindows = [{ ...heardWindows[0]!, days: daysOf(sendWindows) }];
      heardNote = heardNote.slice(0, heardNote.length - HOURS_NO_DAYS.length);
    }
    p.staffHours = found(sendWindows, sending ? sending.sentences : quotesOf(ranged), sendNote);
    p.replyHours = found(heardWindows, quotesOf(heard), heardNote);
    extra();
    return;
  }
  if (staff.length) {
    p.staffHours = found(mergeWindows(staff), [...quotesOf(staff), ...quiet(staff[0]!)], `Staff sending hours as the document states them.${daysNote(staff)}`);
  }
  if (replies.length) {
    p.replyHours = found(mergeWindows(replies), quotesOf(replies), `When parents are told to expect replies.${daysNote(replies)}`);
  }
  // Staff hours and reply hours from sentences of their own, one naming its days and the other none: the days named.
  if (staff.length && replies.length && quotesOf(staff).every((s) => !quotesOf(replies).includes(s))) {
    const daysOf = (ws: Window[]) => WEEK_ORDER.filter((d) => ws.some((w) => w.days.includes(d)));
    const lend = (to: Item<Window[]>, from: Window[], note: string) => {
      if (to.value.length !== 1 || !to.note?.endsWith(HOURS_NO_DAYS)) return;
      to.value = [{ ...to.value[0]!, days: daysOf(from) }];
      to.note = note;
    };
    if (daysNote(staff) && !daysNote(replies)) lend(p.staffHours, p.replyHours.value, 'Staff sending hours as the document states them.');
    else if (daysNote(replies) && !daysNote(staff)) lend(p.replyHours, p.staffHours.value, 'When parents are told to expect replies.');
  }
  if (staff.length && !replies.length) {
    p.replyHours = found(structuredClone(p.staffHours.value), quotesOf(staff), 'The document gives one set of hours: parents are told to expect replies in them.');
  } else if (!staff.length && replies.length) {
    p.staffHours = found(structuredClone(p.replyHours.value), quotesOf(replies), `The document gives the hours staff reply to messages: staff send in the same hours.${daysNote(replies)}`);
  }
  if (!staff.length && !replies.length) {
    const quiet = quietHours(own);
    if (quiet) {
      p.staffHours = found([quiet.window], [quiet.sentence], quiet.note);
      p.replyHours = found([structuredClone(quiet.window)], [quiet.sentence], `${quiet.note} Parents are told to expect replies in the same hours.`);
      extra();
      return;
    }
    const limits = limitHours(own);
    if (limits) {
      p.staffHours = found(limits.windows, limits.sentences, limits.note);
      p.replyHours = found(structuredClone(limits.windows), limits.sentences, `${limits.note} Parents are told to expect replies in the same hours.`);
    }
  }
  extra();
}

// ---- term time and response time ----------------------------------------------------------------------

const TERM_TIME = /\b(term[- ]time|during term|in term|term time only|school holidays?|holidays|gwyliau|amser tymor|yn ystod y tymor|school days|school terms?)\b/i;
const TERM_RESTRICT = /\b(only|during|in)\s+term[- ]time\b|\bterm[- ]time only\b|\b(?:not|no|never|won't|will not|do not|don't)\b[^.]{0,80}\b(?:school )?holidays?\b|\b(?:quiet|silent) hours\b[^.]{0,80}\bholidays?\b|\bholidays?\b[^.]{0,60}\b(?:quiet|silent) hours\b|\bduring term[- ]time\b|\boutside (?:of )?term[- ]time\b|\b(?:ni|nid|na|dim)\b[^.]{0,80}\bgwyliau\b|\b(?:yn ystod|amser) (?:y )?tymor yn unig\b|\([ \u00a0]{0,2}(?:in[ \u00a0]|during[ \u00a0])?term[- ]time(?:[ \u00a0]only)?[ \u00a0]{0,2}\)|[,–—-][ \u00a0]{0,2}term[- ]time(?:[ \u00a0]only)?[ \u00a0]{0,2}(?:[.)]|$)|\b(?:on|during)[ \u00a0](?:school|term)[ \u00a0]days\b|\b(?:school|term)[ \u00a0]days[ \u00a0]only\b|\b(?:during|in)[ \u00a0](?:the[ \u00a0])?school[ \u00a0]terms?\b/i;

function extractTermTime(sentences: Sentence[], p: Proposal): void {
  // About ClassDojo, messages or replies, or staff not being there for them ("teachers are not available at
  // weekends or in the school holidays").
  const hits = sentences.filter((s) => TERM_TIME.test(s.text) && TERM_RESTRICT.test(s.text) && (DOJO.test(s.text) || /\bmessag|repl|respon|hours\b|\b(?:negeseuon|neges|ateb|ymateb|oriau)\b/i.test(s.text) || /\b(?:staff|teachers?)\b[^.]{0,30}\b(?:not|never) (?:be )?available\b/i.test(s.text)));
  if (hits.length) {
    p.termTime = found(true, hits, 'The document limits ClassDojo to term time: outside term, every time is out of hours. Add the term dates.');
    // Without term dates the limit cannot act (lib/calendar/hours.ts): said where the school reviews it.
    p.termTime.noteId = 'termTimeRead';
    p.termTime.check = 'Term time only: until the term dates are added to the policy (hours.terms), holidays are not treated as out of hours.';
    p.termTime.checkId = 'termTimeCheck';
  }
}

const RESPONSE = /\b(up to\s+(?:\d+|one|two|three|four|five|ten)\s+(?:working\s+|school\s+)?(?:days?|hours)|within\s+(?:\d+|one|two|three|four|five|24|48|72)(?:\s*-\s*|\s+)(?:working\s+|school\s+)?(?:hours?|days?)(?:\s+during\s+term[- ]time)?|(?:a\s+)?(?:\d+|24|48|72)[- ]hours?\s+(?:response|turn[- ]?around)(?:\s+turn[- ]?around)?|by the end of the (?:next )?(?:school |working )?day|(?:the\s+)?(?:next|following) (?:school|working) day|as soon as (?:possible|they can|is practicable)|o fewn (?:\d{1,2}|un|dau|dwy|tri|tair|pedwar|pedair|pum|pump) (?:n?diwrnod|ddiwrnod|awr|diwrnod) ?(?:gwaith|ysgol)?)\b/i;

// In a bilingual policy the English wording is kept (the replies and notes are in English); Welsh's alone is read.
const rank = (m: string) => (/as soon/i.test(m) ? 2 : /^(?:within|up to)/i.test(m) ? 0 : /^o fewn/i.test(m) ? 0.5 : 1);

function extractResponseTime(sentences: Sentence[], p: Proposal): void {
  const ranked = sentences
    .filter((s) => !aboutOtherChannel(s))
    .map((s) => ({ s, m: RESPONSE.exec(s.text) }))
    // A table row is read with its header ("| When you will hear back |").
    .filter((x) => x.m && /\b(respon|repl|turn ?around|answer|hear back|ateb|ymateb)/i.test(`${x.s.header?.text ?? ''} ${x.s.text}`))
    // A number of hours or days says more than "as soon as possible".
    // "Within 48 hours" / "up to five days" is the promise; "answered on the next working day" is often about late messages.
    .sort((a, b) => rank(a.m![0]) - rank(b.m![0]) || a.s.index - b.s.index);
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

/**
 * The DSL's title, in the family of titles schools give the post rather than a fixed list:
 * - English: (designated/named/senior/lead) + safeguarding or child protection (or both, "Safeguarding and Child
 *   Protection") + lead/leader/officer/person/co-ordinator/manager/teacher/team ("Designated Child Protection
 *   Officer", "Child Protection Lead", "Senior Designated Safeguarding Officer"); designated/named/lead +
 *   person/officer/teacher/lead/member of staff + for (or responsible for) safeguarding/child protection ("Designated
 *   Person for Child Protection", "Named Person for Safeguarding"); "DSL"; and the ways a policy names the role
 *   without its title ("who leads safeguarding", "the member of staff responsible for child protection").
 * - Welsh, with its mutations: person ("Berson" after "yn"), swyddog, arweinydd, cydlynydd ("Gydlynydd"), and
 *   optionally dynodedig and "ar gyfer"/"dros"/"sy'n gyfrifol am", + diogelu ("ddiogelu" after "am") or amddiffyn
 *   plant, optionally dynodedig after ("Person Dynodedig ar gyfer Amddiffyn Plant", "Swyddog Amddiffyn Plant",
 *   "Swyddog Diogelu Dynodedig", "Arweinydd Diogelu Dynodedig"); or a designated person/officer/lead alone
 *   ("Person Dynodedig"), which a Welsh policy uses for the DSL.
 * Each part is bounded (no nested repetition): linear on any text.
 */
const DSL_TITLE =
  /\b(?:(?:designated|named|senior|lead)[ \u00a0]{1,3}){0,2}(?:safeguarding|child[ -]protection)(?:[ \u00a0]{1,3}(?:and|&)[ \u00a0]{1,3}(?:child[ -]protection|safeguarding|welfare))?[ \u00a0]{1,3}(?:designated[ \u00a0]{1,3})?(?:leads?|leaders?|officers?|persons?|co-?ordinators?|managers?|teachers?|team)\b|\b(?:designated|named|lead)[ \u00a0]{1,3}(?:senior[ \u00a0]{1,3})?(?:persons?|officers?|teachers?|leads?|members?[ \u00a0]{1,3}of[ \u00a0]{1,3}staff)[ \u00a0]{1,3}(?:for|responsible[ \u00a0]{1,3}for|with[ \u00a0]{1,3}(?:lead[ \u00a0]{1,3})?responsibility[ \u00a0]{1,3}for)[ \u00a0]{1,3}(?:child[ -]protection|safeguarding)\b|\bDSLs?\b|\bleads? (?:on |for )?(?:safeguarding|child protection)\b|\b(?:person|member of staff|staff member) (?:with (?:the )?(?:lead |overall )?responsibility for|responsible for|who leads(?: on)?) (?:safeguarding|child protection)(?: (?:at|in) (?:our|the) school)?|\b(?:uwch[ \u00a0]{1,3})?(?:[bp]erson|swyddog|arweinydd|[cg]ydlynydd)(?:[ \u00a0]{1,3}dynodedig)?(?:[ \u00a0]{1,3}(?:ar[ \u00a0]{1,3}gyfer|dros|sy['’]n[ \u00a0]{1,3}gyfrifol[ \u00a0]{1,3}am))?[ \u00a0]{1,3}(?:n?ddiogelu|diogelu|amddiffyn[ \u00a0]{1,3}plant)(?:[ \u00a0]{1,3}dynodedig)?\b|\b(?:[bp]erson|swyddog|arweinydd)[ \u00a0]{1,3}dynodedig\b/i;

/** An English title for the DSL as schools write one: capitalised words, ending in the post's noun. */
const DSL_TITLE_WORDS = /^(?:(?:Designated|Named|Senior|Lead|Safeguarding|Child|Protection|Welfare|and|&)[ \u00a0-]){1,6}(?:Leads?|Leaders?|Officers?|Persons?|Co-?ordinators?|Managers?|Teachers?)$/;

/**
 * The DSL's title as a school's sentence writes it, when it is the school's own ("Child Protection Officer",
 * "Designated Safeguarding Officer", singular): not Policy Guard's "Designated Safeguarding Lead", nor "DSL", nor a
 * title in lower case or a description ("the person responsible for child protection"), nor Welsh (the interface
 * words the role in Welsh itself). Undefined otherwise.
 */
function schoolDslTitle(text: string): string | undefined {
  const m = roleMatches('dsl', DSL_TITLE, text)[0];
  if (!m) return undefined;
  const title = m.text.replace(/\s+/g, ' ').trim();
  if (!DSL_TITLE_WORDS.test(title) || !/(?:Safeguarding|Child Protection)/.test(title)) return undefined;
  const one = title.replace(/(Lead|Leader|Officer|Person|ordinator|Manager|Teacher)s$/, '$1');
  return one.toLowerCase() === 'designated safeguarding lead' ? undefined : one;
}

const ROLES: Role[] = [
  // A line or number at the office ("the reception absence line", "the office absence number", "the absence line at
  // reception", "llinell absenoldeb y swyddfa") is the office's, not an attendance officer: the office role reads it.
  { key: 'attendance-officer', role: 'Attendance Officer', destination: 'attendance', re: /\battendance (?:officer|lead|team|manager|administrator|office)\b|(?<!\b(?:reception|office|desk|admin|swyddfa)['’]?s?[ \u00a0]{1,3})(?:\battendance line|\babsence (?:line|phone line|hotline|reporting line|number))\b(?![ \u00a0]{1,3}(?:at|in|on)[ \u00a0]{1,3}(?:the[ \u00a0]{1,3})?(?:reception|(?:school |main |front )?office|front desk)\b)|\bswyddog (?:presenoldeb|absenoldeb|lles)\b|\bllinell (?:absenoldeb|presenoldeb)\b(?![ \u00a0]{1,3}(?:y|yn y)[ \u00a0]{1,3}(?:dderbynfa|swyddfa)\b)/i },
  { key: 'nursing', role: 'School nursing team', destination: 'nursing', re: /\b(?:school )?nurs(?:e|es|ing team|ing staff)\b|\bmedical (?:team|room|officer)\b|\bhealth ?care (?:team|assistant)\b|\bfirst aiders?\b|\bnyrs(?: yr ysgol)?\b/i },
  {
    key: 'dsl',
    role: 'Designated Safeguarding Lead',
    destination: 'dsl',
    // Also the ways a policy names the role without its title: "who leads safeguarding", "the person with
    // lead responsibility for safeguarding (at our school) is …", "the member of staff responsible for child protection".
    re: DSL_TITLE,
  },
  { key: 'office', role: 'School office', destination: 'office', re: /\b(?:school |main |front |admin(?:istration)? )?office\b|\breception\b|\bfront desk\b|\bdd?erbynfa\b|\badmin(?:istration)? (?:team|staff)\b|\bschool admin\b|\boffice staff\b|\boffice team\b|\b(?:prif )?swyddfa(?:['’]r ysgol)?\b/i },
];
/** The SENCo, and Wales's ALNCo (Additional Learning Needs Co-ordinator, "Cydlynydd ADY") who holds the same post. */
const SENCO = /\b(SENCo|SENDCo|SENCO|SENDCO|ALNCo|ALNCO|ALENCo|special educational needs (?:and disabilities )?co-?ordinator|additional learning needs co-?ordinator|inclusion (?:lead|manager))\b/i;
/**
 * The head: "headteacher", "head of school", "principal", and Welsh's "Pennaeth" (with its mutations: "Bennaeth",
 * "Phennaeth", "Mhennaeth") or "Prifathro/Prifathrawes" ("Brifathro"…); never a Welsh deputy or assistant head
 * ("Dirprwy Bennaeth", "Pennaeth Cynorthwyol") nor the head of a year or department ("Pennaeth Blwyddyn 6").
 */
const HEAD = /\b(head ?teacher|head of school|principal|(?<!dirprwy[ \u00a0])(?:[bp]ennaeth|phennaeth|mhennaeth|(?:p|b|ph|mh)rifathr(?:o|awes))(?![ \u00a0](?:cynorthwyol|adran|blwyddyn|cyfnod|tŷ|ty)\b))\b/i;
/** The head written to in Welsh: "at y Pennaeth", "â'r Pennaeth", "i'r Pennaeth", "gyda'r Pennaeth", "wrth ein Pennaeth". */
const TO_HEAD_CY = /(?:^|[ \u00a0(])(?:at|i|â|ag|a|gyda|efo|wrth)(?:[ \u00a0]{1,3}(?:y|ein|eich)[ \u00a0]{1,3}|['’]r[ \u00a0]{1,3})(?:[bp]ennaeth|phennaeth|mhennaeth|(?:p|b|ph|mh)rifathr(?:o|awes))\b/i;

// A title, an initial or a given name ("Mrs A Clarke", "Mrs Carol Baker"), and a surname; or a nurse by their
// title, given name and surname ("Nurse Jo Patel", as a table row names one), never a service ("Nurse Drop-in Service").
// Given names may carry accents ("Siân", "Chérie") and be two ("Mary Ann"); a surname has a lower-case letter in
// its first three ("O'Neill", "McDonald"), so a role in capitals after it ("Mrs Hart DSL") is not taken for one, and
// the words that start a role are never a surname ("Mr Paul Evans Deputy"). Given names and surnames may be
// hyphenated ("Mrs Anne-Marie Rooney", "Mrs Mary-Jane Smith-Jones"); titles include Sister, Revd and Father.
const PERSON = /\b(?:Mr|Mrs|Miss|Ms|Mx|Dr|Sister|Revd|Rev|Father|Fr|Prof)\.?[ \u00a0]{1,3}(?:\p{Lu}\.?[ \u00a0]{1,3}|(?:\p{Lu}[\p{Ll}'’]{1,20}(?:-\p{Lu}[\p{Ll}'’]{1,20})?[ \u00a0](?=\p{Lu}[\p{L}'’]{0,2}\p{Ll})(?!(?:Deputy|Designated|Head|Attendance|Safeguarding|School|Office|Class|Teacher|Assistant|Business|Inclusion|Senior|Trust|Lead)\b)){1,2})?\p{Lu}[\p{L}'’]{0,2}\p{Ll}[\p{L}'’-]{0,40}|\bNurse[ \u00a0](?!(?:Team|Service|Services|Lead|Manager|Practitioner|Assistant|Specialist|Office|Room|Station|Drop)\b)\p{Lu}\p{Ll}{1,20}[ \u00a0](?!(?:Team|Service|Services|Lead|Manager|Practitioner|Assistant|Specialist|Office|Room|Station)\b)\p{Lu}[\p{L}'’]{0,2}\p{Ll}[\p{L}'’-]{0,40}/gu;
const FIRST_LAST = /\b[A-Z][a-z]+ [A-Z][a-z]+(?:-[A-Z][a-z]+)?\b/g;
// The area code may be in brackets, as many schools write it: "(01632) 960000", "(0161) 496 0000".
const PHONE = /(?:\+44\s?\(?0?\)?\s?\d{2,4}|\(0\d{2,4}\)|\b0\d{2,4})[\s-]?\d{3,4}[\s-]?\d{3,4}\b/;

/**
 * Words that may stand between a role and a name: "the DSL, Mrs Clarke", "Lead (DSL), Mrs A Clarke", "Lead: Ms O'Connor",
 * "Mrs Brown in the office"; Welsh "Swyddog Amddiffyn Plant yr ysgol yw Mr Huw Rees" (the school's officer is…).
 */
const JOINING = new Set(['is', 'are', 'our', 'the', 'in', 'at', 'dsl', 'senco', 'sendco', 'lead', 'who', "school's", 'school’s', 'as', 'also', 'a', 'an', 'yw', 'ydy', 'ydi', 'ein', 'y', 'yr', 'yn', 'ysgol']);

/** "Miss Jo Carter, who is the school's DSL" joins a name and a role; "Mr Reed, and the DSL" does not. */
function joinsRoleAndName(between: string): boolean {
  // The role's name in another language in brackets ("our ALNCo (Cydlynydd ADY), Miss Ffion Jenkins", "the
  // Pennaeth (Headteacher), Mr Dafydd Rees"): the same role, said twice.
  between = between.replace(/\((?:[ \u00a0]?[\p{L}'’-]{1,20}){1,4}[ \u00a0]?\)/gu, ' ');
  const words = between.replace(/[\s(),:–—-]+/g, ' ').trim();
  if (!words) return true;
  const list = words.split(' ');
  if (list.length <= 4 && list.every((w) => JOINING.has(w.toLowerCase()))) return true;
  // Another of the person's roles between: "Mr T Yates, Headteacher and Designated Safeguarding Lead",
  // "Mr Jones is our SENCo and attendance lead", "Our Headteacher and DSL is Mrs Patel", "Mrs Patel
  // (Headteacher/DSL)". Never "and" alone ("Mr Reed, and the DSL" names two people).
  if (/^(?:our |the )?(?:head ?teacher|head of school|principal|deputy head(?:teacher)?|assistant head(?:teacher)?|SENCo|SENDCo|senior teacher)(?: and)(?: our| the)?$/i.test(words)) return true;
  const joined = between.replace(/\//g, ' and ').replace(/[\s(),:–—-]+/g, ' ').trim().split(' ');
  return joined.length <= 8 && joined.some((w) => /^(?:and|&)$/i.test(w)) && joined.some((w) => OTHER_ROLE_WORD.test(w)) && joined.every((w) => JOINING.has(w.toLowerCase()) || /^(?:and|&)$/i.test(w) || OTHER_ROLE_WORD.test(w));
}

/** The words of another role a person holds, between their name and a role ("SENCo and", "Headteacher/"). */
const OTHER_ROLE_WORD = /^(?:head|headteacher|deputy|assistant|SENCo|SENDCo|SENCO|SENDCO|DSL|designated|safeguarding|lead|leader|attendance|officer|manager|co-?ordinator|business|office|inclusion|pastoral|teacher|senior|of|school|principal)$/i;

/**
 * A given name and surname with no title ("Kelly Brannigan", "Anne-Marie O'Neill"): read only where a verb or a
 * colon ties it to a role (bareNear), since two capitalised words are often not a person.
 */
const BARE_PERSON = /(?<![\p{L}'’.-])\p{Lu}\p{Ll}{1,20}(?:-\p{Lu}\p{Ll}{1,20})?[ \u00a0]\p{Lu}(?:['’]\p{Lu})?\p{Ll}{1,30}(?:-\p{Lu}\p{Ll}{1,30})?(?![\p{L}'’-])/gu;
/** Capitalised words that are not a name: roles, places in a setting, days, months, the app's words. */
const NOT_NAME_WORD = /^(?:Our|The|This|That|Your|Their|His|Her|Its|A|An|Any|Each|Every|All|If|When|Where|Please|Parents?|Carers?|Staff|Teachers?|Pupils?|Children|Designated|Deputy|Safeguarding|Lead|Leads|Leader|Head|Headteacher|Manager|Officer|Person|Child|Protection|School|Nursery|Academy|College|Trust|Class|Story|Dojo|ClassDojo|Baby|Room|Toddler|Pre|Office|Team|Local|Authority|Council|Governors?|Chair|Clerk|Business|Attendance|Welfare|Family|Support|Inclusion|Mental|Health|First|Aid|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|June|July|August|September|October|November|December|Policy|Primary|Infant|Junior|Early|Years|Key|Stage|Worker|Coordinator|Co-ordinator|Special|Educational|Needs|Senior|Assistant|Nurse|Medical|Contact|Contacts|Phone|Email|Telephone|Mobile|Name|Role|Named|Swyddog|Arweinydd|Cydlynydd|Gydlynydd|Person|Berson|Dynodedig|Diogelu|Amddiffyn|Plant|Pennaeth|Ysgol)$/;
const bareName = (name: string) => !name.split(/[ \u00a0]/).some((w) => NOT_NAME_WORD.test(w));

/**
 * A person with no title tied to a role: "Kelly Brannigan is our DSL" (name, then "is our|the" and the role),
 * "Our deputy is Amira Said", "DSL: Kelly Brannigan", "the Nursery Manager, Kelly Brannigan," (role, then
 * "is", ":" or a comma, and the name).
 */
function bareNear(text: string, roleAt: number, roleEnd: number): string | undefined {
  BARE_PERSON.lastIndex = 0;
  for (let m = BARE_PERSON.exec(text); m; m = BARE_PERSON.exec(text)) {
    const end = m.index + m[0].length;
    if (!bareName(m[0])) continue;
    if (end <= roleAt && /^[ \u00a0]+(?:is|was|will be|acts as|remains)[ \u00a0]+(?:our|the)(?:[ \u00a0]+(?:school['’]s|nursery['’]s|setting['’]s|academy['’]s))?[ \u00a0]+$/i.test(text.slice(end, roleAt))) return m[0].replace(/\s+/g, ' ');
    if (m.index >= roleEnd && /^[ \u00a0]*(?:(?:is|will be)[ \u00a0]+|:[ \u00a0]*|,[ \u00a0]*|[–—-][ \u00a0]*|\([ \u00a0]*)$/i.test(text.slice(roleEnd, m.index))) return m[0].replace(/\s+/g, ' ');
  }
  return undefined;
}

/** A person named next to a role in a sentence: "Attendance Officer (Mr Lund)", "Mrs Patel, our SENCo", "Kelly Brannigan is our DSL". */
function personNear(text: string, roleAt: number, roleEnd: number): string | undefined {
  PERSON.lastIndex = 0;
  let best: { name: string; d: number } | undefined;
  for (let m = PERSON.exec(text); m; m = PERSON.exec(text)) {
    // The role as the person's title ("Nurse Jo Patel"): theirs.
    if (m.index <= roleAt && m.index + m[0].length >= roleEnd) return m[0].replace(/\s+/g, ' ');
    const d = m.index >= roleEnd ? m.index - roleEnd : roleAt - (m.index + m[0].length);
    if (d < 0 || d > 24) continue;
    const between = m.index >= roleEnd ? text.slice(roleEnd, m.index) : text.slice(m.index + m[0].length, roleAt);
    if (!joinsRoleAndName(between)) continue;
    if (!best || d < best.d) best = { name: m[0].replace(/\s+/g, ' '), d };
  }
  return best?.name ?? bareNear(text, roleAt, roleEnd);
}

/** Every match of a pattern without the g flag, in order (at most 20: a sentence names a role a few times). */
function matchesOf(re: RegExp, text: string): { index: number; text: string }[] {
  const out: { index: number; text: string }[] = [];
  let pos = 0;
  while (pos < text.length && out.length < 20) {
    const m = re.exec(pos ? text.slice(pos) : text);
    if (!m) break;
    out.push({ index: pos + m.index, text: m[0] });
    pos += m.index + Math.max(1, m[0].length);
  }
  return out;
}

/** A role's mentions in a text; the DSL's leave out "Deputy DSL" (the deputy is a contact of its own). */
function roleMatches(key: string, re: RegExp, text: string): { index: number; text: string }[] {
  const all = matchesOf(re, text);
  // A deputy is not the DSL; nor is a trust's or a local authority's lead ("The Trust's Safeguarding Lead").
  return key === 'dsl' ? all.filter((m) => !/(?:deputy|dirprwy|trust['’]?s?|local authority['’]?s?|LA['’]?s?|CEO['’]?s?)\s*$/i.test(text.slice(Math.max(0, m.index - 20), m.index))) : all;
}

/** The person named with a role anywhere in a text (the nearest name to any mention of the role). */
function personFor(key: string, re: RegExp, text: string): { name: string; at: number } | undefined {
  for (const m of roleMatches(key, re, text)) {
    const name = personNear(text, m.index, m.index + m.text.length);
    if (name) return { name, at: m.index };
  }
  return undefined;
}

/**
 * Whether a number or address before a mention can be the mentioned contact's: not when a sentence ends
 * between them ("…office open 8am–4pm, 01234 100100. Designated Safeguarding Lead: Mr John Tate": the
 * number is the office's).
 */
function sameClause(text: string, from: number, to: number): boolean {
  return !/[.!?][ \u00a0]{1,3}\p{Lu}|;/u.test(text.slice(from, to));
}

/** The phone number given for a contact mentioned at `at`: the first after it, else the first in the text (in the same clause). */
function phoneFor(text: string, at: number): string | undefined {
  const phones = matchesOf(PHONE, text);
  return (phones.find((p) => p.index >= at && !anotherPartyBetween(text, at, p.index)) ?? phones.find((p) => p.index < at && sameClause(text, p.index, at)))?.text;
}

/**
 * Whether a number or address at `to` belongs to someone named in a later clause than the mention at
 * `from`: "Lost property to Mrs Hall in the office, and questions about trips to Mr Khan on 01632 963301"
 * (the number is Mr Khan's). A clause with no one else in it keeps the number: "…to Mrs Hall, and ring 01632 963300".
 */
function anotherPartyBetween(text: string, from: number, to: number): boolean {
  const between = text.slice(from, to);
  let last = -1;
  for (const m of between.matchAll(CLAUSE_BREAK)) last = m.index! + m[0].length;
  if (last < 0) return false;
  const rest = between.slice(last);
  PERSON.lastIndex = 0;
  const named = PERSON.test(rest);
  PERSON.lastIndex = 0;
  return named || [...ROLES.map((r) => r.re), SENCO, HEAD].some((re) => re.test(rest));
}

/** The email address given for a contact mentioned at `at`: the first after it, else the first in the text. */
function emailFor(text: string, at: number): string | undefined {
  // Only an address the policy format accepts (its last label letters only: "…sch.uk", not "…sch.uk01632").
  const emails = findEmails(text).filter((e) => /\.[A-Za-z]{2,24}$/.test(text.slice(e.start, e.end)));
  const e = emails.find((x) => x.start >= at && !anotherPartyBetween(text, at, x.start)) ?? emails.find((x) => x.start < at && sameClause(text, x.start, at));
  return e ? text.slice(e.start, e.end) : undefined;
}

/**
 * The number and address written for a contact mentioned at [at, end) in a statement: those after the
 * mention in its own clause, up to the next ";", sentence or person or role ("…to Mrs Lee, or ring the
 * office on 01632 960000": the number is the office's, not Mrs Lee's). "by phone on 01632 960000",
 * "on (01632) 960000", "by email at office@…", "email office@…" alike.
 */
function meansAfter(text: string, end: number): { phone?: string; email?: string } {
  let to = text.length;
  // An address is not a mention of the role whose word it holds ("office@…"): masked before looking for one.
  // (findEmails, not a pattern of our own: "[\w.]+@" is quadratic on a long run of letters with no "@".)
  let rest = text.slice(end);
  for (const e of findEmails(rest)) rest = rest.slice(0, e.start) + '_'.repeat(e.end - e.start) + rest.slice(e.end);
  const stop = /;|[.!?][ \u00a0]{1,3}\p{Lu}/u.exec(rest);
  if (stop) to = end + stop.index;
  const others = [...ROLES.map((r) => r.re), SENCO, HEAD];
  for (const re of others) {
    const m = re.exec(rest);
    if (m && end + m.index < to) to = end + m.index;
  }
  PERSON.lastIndex = 0;
  const person = PERSON.exec(rest);
  PERSON.lastIndex = 0;
  if (person && end + person.index < to) to = end + person.index;
  const clause = text.slice(end, to);
  const phone = phoneFor(clause, 0);
  const email = emailFor(clause, 0);
  return { ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
}

const DEPUTY = /\b(?:deputy|deputies)(?: designated safeguarding (?:leads?|persons?|officers?)| DSLs?| safeguarding (?:leads?|officers?)| designated (?:persons?|officers?|teachers?)(?: for (?:safeguarding|child protection))?)?\b(?! ?head)|\bDDSLs?\b|\bdirprwy (?:[bp]erson|swyddog|arweinydd) (?:dynodedig|diogelu)\b/i;

/**
 * The person who stands in for the DSL, by the words before their name: "…our DSL, Mrs Thompson, or in her
 * absence Mr Oyelaran", "or, in his absence, Mrs Campbell (Depute Head)". Only in a sentence about
 * safeguarding (the directory checks), and only a name right after the words.
 */
const IN_ABSENCE = /\bin[ \u00a0]{1,3}(?:his|her|their|the DSL['’]s)[ \u00a0]{1,3}absence[ \u00a0]{0,3},?[ \u00a0]{0,3}(?:(?:to|contact|please contact)[ \u00a0]{1,3})?$/i;

interface ContactFind {
  key: string;
  contact: Contact;
  sentences: Sentence[];
}

/** Who is named with which role: a role key ("dsl", "senco", "deputy-dsl-2") or, for a role Policy Guard has no key for, the person's own ("joanne-platt"). */
interface DirEntry {
  name: string;
  /** The role in the document's words ("Medical Needs Coordinator"), when it gives one next to the name. */
  role?: string;
  phone?: string;
  email?: string;
  sentence: Sentence;
  /** The sentence after it that gives their number or address by a pronoun ("You can reach him on …"). */
  means?: Sentence;
}
type Directory = Map<string, DirEntry>;

/**
 * A sentence giving the number or address of the person the sentence before names: "You can reach him on …", "Her
 * email address is …", "She can be contacted on …", "Get in touch with them on …"; Welsh "Cysylltwch â hi ar …"
 * (contact her), "Gallwch gysylltu ag ef ar …" (you can contact him), "Ffoniwch nhw ar …" (phone them), "Ei rhif
 * ffôn yw …" (her number is).
 */
const PRONOUN_MEANS = /^\W{0,3}(?:(?:you|parents|families|carers) (?:can|may) (?:also )?|please (?:also )?|feel free to )?(?:reach|contact|call|ring|phone|telephone|e-?mail|text|get in touch with|speak to)[ \u00a0]{1,3}(?:him|her|them)\b|^\W{0,3}(?:his|her|their)[ \u00a0]{1,3}(?:direct[ \u00a0]{1,3})?(?:(?:tele)?phone number|number|e-?mail(?: address)?|direct line)[ \u00a0]{1,3}is\b|^\W{0,3}(?:he|she|they)[ \u00a0]{1,3}(?:can|may)[ \u00a0]{1,3}(?:also[ \u00a0]{1,3})?be[ \u00a0]{1,3}(?:contacted|reached|called|emailed|e-mailed|phoned)\b|^\W{0,3}(?:(?:gallwch|fe allwch|mae modd)[ \u00a0]{1,3}(?:hefyd[ \u00a0]{1,3})?(?:gysylltu|ffonio|e-bostio)|cysylltwch|ffoniwch|e-bostiwch)[ \u00a0]{1,3}(?:(?:â|ag|a|gyda)[ \u00a0]{1,3})?(?:hi|ef|fe|fo|e|nhw|hwy|hwynt)\b|^\W{0,3}ei[ \u00a0]{1,3}(?:rhif(?:[ \u00a0]{1,3}(?:ffôn|ffon))?|chyfeiriad[ \u00a0]{1,3}e-bost|cyfeiriad[ \u00a0]{1,3}e-bost|e-bost)(?:[ \u00a0]{1,3}(?:hi|ef|e|fe|o))?[ \u00a0]{1,3}(?:yw|ydy|ydi)\b|^\W{0,3}eu[ \u00a0]{1,3}(?:rhif(?:[ \u00a0]{1,3}(?:ffôn|ffon))?|cyfeiriad[ \u00a0]{1,3}e-bost|e-bost)(?:[ \u00a0]{1,3}nhw)?[ \u00a0]{1,3}(?:yw|ydy|ydi)\b/i;

/**
 * A job title as schools write one: up to five capitalised words (or "&", "and", "of", "for" between them)
 * ending in a title's last word: "Medical Needs Coordinator", "Attendance & Welfare Officer", "Family Liaison
 * Officer", "Inclusion Lead", "Pastoral Lead", "Learning Mentor".
 */
const TITLE = /(?<![\p{L}'’-])(?:\p{Lu}[\p{L}'’-]{0,30}[ \u00a0](?:(?:&|and|of|for)[ \u00a0])?){0,4}(?:Officer|Lead|Leader|Co-?ordinator|Manager|Administrator|Assistant|Mentor|Worker|Nurse|Practitioner|Adviser|Advisor|Champion|Secretary|Bursar|Clerk|SENCo|SENDCo|SENCO|ALNCo|ELSA|Headteacher|Person|(?<=(?:Support|Learning|Guidance|Class)[ \u00a0])Teacher|(?<=(?:Deputy|Depute|Assistant)[ \u00a0])Head)(?![\p{L}])/gu;

/** The job title written next to a person ("Mrs Joanne Platt, our Medical Needs Coordinator", "Inclusion Lead, Mrs Beth Holmes"). */
function statedRole(whole: string, start: number, end: number): string | undefined {
  // Only the words around the person are read: a run-on text with thousands of names stays linear.
  const from = Math.max(0, start - 200);
  const text = whole.slice(from, end + 200);
  start -= from;
  end -= from;
  let best: { role: string; d: number } | undefined;
  TITLE.lastIndex = 0;
  for (let m = TITLE.exec(text); m; m = TITLE.exec(text)) {
    const a = m.index;
    const b = a + m[0].length;
    const d = a >= end ? a - end : start - b;
    if (d < 0 || d > 24) continue;
    const between = a >= end ? text.slice(end, a) : text.slice(b, start);
    // ", our …", " (…)", " – …", ": " and the joining words; never across a full stop.
    if (/[.;]/.test(between) || !joinsRoleAndName(between)) continue;
    const role = m[0].replace(/^(?:Our|The|Your|A|An)[ \u00a0]+/, '').replace(/\s+/g, ' ');
    if (role.split(' ').length < 2 && !/^(?:SENCo|SENDCo|SENCO|ALNCo|ELSA|Headteacher|Nurse)$/.test(role)) continue;
    if (!best || d < best.d) best = { role, d };
  }
  TITLE.lastIndex = 0;
  return best?.role;
}

/** Every person named in a list straight after a first one ("Mrs Fatima Begum and Miss Kerry Dunn", "Mrs Kim Lowe or Mr Dan Fry"): their names. */
function listedAfter(text: string, end: number): { name: string; index: number; end: number }[] {
  const out: { name: string; index: number; end: number }[] = [];
  PERSON.lastIndex = 0;
  let at = end;
  for (let m = PERSON.exec(text); m; m = PERSON.exec(text)) {
    if (m.index < at) continue;
    if (!/^[ \u00a0]*(?:,|&|and|or|,[ \u00a0]*(?:and|or))[ \u00a0]*$/.test(text.slice(at, m.index))) break;
    out.push({ name: m[0].replace(/\s+/g, ' '), index: m.index, end: m.index + m[0].length });
    at = m.index + m[0].length;
  }
  PERSON.lastIndex = 0;
  return out;
}

/** Every person named in a list straight before a later one ("Mr Tom Yates and Mrs Ann Pike are our Deputy DSLs"): their names, in order. */
function listedBefore(text: string, start: number): string[] {
  const people: { name: string; index: number; end: number }[] = [];
  PERSON.lastIndex = 0;
  for (let m = PERSON.exec(text); m && m.index < start; m = PERSON.exec(text)) people.push({ name: m[0].replace(/\s+/g, ' '), index: m.index, end: m.index + m[0].length });
  PERSON.lastIndex = 0;
  const out: string[] = [];
  let at = start;
  for (let i = people.length - 1; i >= 0; i--) {
    if (!/^[ \u00a0]*(?:,|&|and|or|,[ \u00a0]*(?:and|or))[ \u00a0]*$/.test(text.slice(people[i]!.end, at))) break;
    out.unshift(people[i]!.name);
    at = people[i]!.index;
  }
  return out;
}

/** A job title's last word straight before a name ("the Nursery Manager, Kelly Brannigan"). */
const TITLE_BEFORE = /(?:Officer|Lead|Leader|Co-?ordinator|Manager|Administrator|Assistant|Mentor|Worker|Nurse|Practitioner|Adviser|Advisor|Secretary|Bursar|Clerk|SENCo|SENDCo|Headteacher|Principal)[ \u00a0]{0,2}[,:(–—-][ \u00a0]{0,2}$/u;
/** A title straight after a name ("Kelly Brannigan, our Nursery Manager", "Kelly Brannigan (Nursery Manager)"). */
const TITLE_AFTER = /^[ \u00a0]{0,2}(?:,|\(|[–—-])?[ \u00a0]{0,2}(?:(?:who[ \u00a0]+)?is[ \u00a0]+)?(?:our[ \u00a0]+|the[ \u00a0]+)?\p{Lu}[\p{L}'’-]{0,30}[ \u00a0](?:\p{Lu}[\p{L}'’-]{0,30}[ \u00a0]){0,3}?(?:Officer|Lead|Leader|Co-?ordinator|Manager|Administrator|Assistant|Mentor|Worker|Practitioner|Adviser|Advisor|Secretary|Bursar|Clerk)\b/u;

/**
 * The people named in a text, in order (at most 20): with a title ("Mrs Carol Dean"), and without one where a
 * job title stands next to the name ("the Nursery Manager, Kelly Brannigan", "Kelly Brannigan, our Nursery
 * Manager") or the directory already knows the name (read beside a role elsewhere in the document).
 */
function peopleIn(text: string, dir?: Directory): { name: string; index: number; end: number }[] {
  const out: { name: string; index: number; end: number }[] = [];
  PERSON.lastIndex = 0;
  for (let m = PERSON.exec(text); m && out.length < 20; m = PERSON.exec(text)) out.push({ name: m[0].replace(/\s+/g, ' '), index: m.index, end: m.index + m[0].length });
  PERSON.lastIndex = 0;
  BARE_PERSON.lastIndex = 0;
  let looked = 0;
  for (let m = BARE_PERSON.exec(text); m && looked++ < 40; m = BARE_PERSON.exec(text)) {
    const index = m.index;
    const end = index + m[0].length;
    if (!bareName(m[0]) || out.some((p) => p.index < end && index < p.end)) continue;
    const name = m[0].replace(/\s+/g, ' ');
    const tied = TITLE_BEFORE.test(text.slice(Math.max(0, index - 40), index)) || TITLE_AFTER.test(text.slice(end, end + 60));
    if (!tied && !(dir && byName(dir, name))) continue;
    out.push({ name, index, end });
  }
  BARE_PERSON.lastIndex = 0;
  return out.sort((a, b) => a.index - b.index).slice(0, 20);
}

/** Each person named with a job title anywhere in a text: name, title and where. */
function titledPeople(text: string): { name: string; role: string; index: number; end: number }[] {
  const out: { name: string; role: string; index: number; end: number }[] = [];
  const people = peopleIn(text);
  for (const p of people) {
    const role = statedRole(text, p.index, p.end);
    if (role) out.push({ ...p, role });
  }
  return out;
}

/** Who is named with which role anywhere in the document: the directory routes draw names from. */
function directory(sentences: Sentence[]): Directory {
  const dir: Directory = new Map();
  const conflicting = new Set<string>();
  const roles = [...ROLES, { key: 'senco', re: SENCO }, { key: 'headteacher', re: HEAD }, { key: 'deputy-dsl', re: DEPUTY }];
  const has = (name: string) => [...dir.values()].some((d) => d.name === name);
  // A bilingual policy's English sentences first: a person is quoted in the English that teachers read.
  for (const s of englishFirst(sentences)) {
    // A row's label is the role of the person in it ("Family Liaison Officer: Mr Tom Reilly, 01332 718 445").
    const label = rowLabel(s);
    for (const role of roles) {
      if (dir.has(role.key) && role.key !== 'deputy-dsl' && role.key !== 'dsl') continue;
      // A deputy is the DSL's only in a sentence about safeguarding ("the DSL, Mr D Hughes, or his deputy, Miss L Ward").
      const SAFEGUARDING_WORDS = /\b(safeguarding|DSLs?|child protection|designated (?:person|officer|teacher))\b/i;
      const prev = sentences[s.index - 1];
      if (role.key === 'deputy-dsl' && !SAFEGUARDING_WORDS.test(s.text) && !SAFEGUARDING_WORDS.test(s.section) && !(prev && SAFEGUARDING_WORDS.test(prev.text))) continue;
      if (role.key === 'deputy-dsl') {
        // Every deputy named: at each mention ("Mr Tom Yates (Deputy DSL), Mrs Ann Pike (Deputy DSL)"), and in
        // lists before or after it ("Mr Tom Yates and Mrs Ann Pike are our Deputy DSLs", "Deputies: Mr Yates, Mrs Pike").
        const found: DirEntry[] = [];
        const mentions = roleMatches(role.key, role.re, s.text).map((m) => ({ ...m, name: personNear(s.text, m.index, m.index + m.text.length) }));
        PERSON.lastIndex = 0;
        for (const m of s.text.matchAll(PERSON)) {
          if (IN_ABSENCE.test(s.text.slice(Math.max(0, m.index - 60), m.index))) mentions.push({ index: m.index, text: m[0], name: m[0].replace(/\s+/g, ' ') });
        }
        PERSON.lastIndex = 0;
        mentions.sort((a, b) => a.index - b.index);
        for (const m of mentions) {
          const name = m.name;
          if (!name) continue;
          const at = s.text.indexOf(name, Math.max(0, m.index - 80));
          const listed = at >= 0 ? [...listedBefore(s.text, at), name, ...listedAfter(s.text, at + name.length).map((x) => x.name)] : [name];
          for (const n of listed) if (!found.some((f) => f.name === n)) found.push({ name: n, sentence: s });
        }
        if (found.length === 1) {
          const phone = phoneFor(s.text, s.text.indexOf(found[0]!.name));
          const email = emailFor(s.text, s.text.indexOf(found[0]!.name));
          Object.assign(found[0]!, phone ? { phone } : {}, email ? { email } : {});
        }
        for (const f of found) {
          // A deputy may hold another role too (a Family Support Worker who is also a deputy DSL): never twice a deputy, nor the DSL.
          if ([...dir.entries()].some(([k, d]) => d.name === f.name && (/^deputy-dsl/.test(k) || k === 'dsl'))) continue;
          const n = [...dir.keys()].filter((k) => /^deputy-dsl(?:-\d+)?$/.test(k)).length;
          dir.set(n ? `deputy-dsl-${n + 1}` : 'deputy-dsl', f);
        }
        continue;
      }
      const person = personFor(role.key, role.re, s.text);
      if (!person) continue;
      const at = s.text.indexOf(person.name);
      const stated = at >= 0 ? statedRole(s.text, at, at + person.name.length) : undefined;
      const { phone, email } = at >= 0 ? ownMeans(s.text, at, at + person.name.length, () => ({ phone: phoneFor(s.text, person.at), email: emailFor(s.text, person.at) })) : { phone: phoneFor(s.text, person.at), email: emailFor(s.text, person.at) };
      const entry = (name: string): DirEntry => ({ name, ...(stated && role.re.test(stated) ? { role: stated } : {}), ...(phone ? { phone } : {}), ...(email ? { email } : {}), sentence: s });
      if (!dir.has(role.key)) dir.set(role.key, entry(person.name));
      // Another DSL named elsewhere (a trust's policy lists each school's): kept as "#dsl-2"…, so the DSL is not picked from them.
      else if (role.key === 'dsl' && dir.get('dsl')!.name !== person.name && ![...dir.entries()].some(([k, d]) => k.startsWith('#dsl') && d.name === person.name)) dir.set(`#dsl-${[...dir.keys()].filter((k) => k.startsWith('#dsl')).length + 2}`, entry(person.name));
    }
    // People named with a title Policy Guard has no role for (a Medical Needs Coordinator, a Family Liaison
    // Officer): kept under their own name, with the title as the document writes it.
    // Not from a staff procedure ("Teachers who are absent … report their absence to the Business Manager, Mrs Hall"): parents do not contact them.
    const titled = STAFF_SUBJECT.test(s.text) ? [] : titledPeople(s.text);
    if (label && /^\p{Lu}/u.test(label) && !titled.length) {
      PERSON.lastIndex = 0;
      const m = PERSON.exec(s.text.slice(label.length));
      PERSON.lastIndex = 0;
      const title = TITLE.exec(label);
      TITLE.lastIndex = 0;
      if (m && title && title[0].length >= label.length - 2) titled.push({ name: m[0].replace(/\s+/g, ' '), role: (label.endsWith(':') ? label.slice(0, -1) : label).trim(), index: label.length + m.index, end: label.length + m.index + m[0].length });
    }
    for (const t of titled) {
      // A deputy's title is the deputy DSL's only when it says safeguarding (a "Deputy Manager" is a title of its own).
      const deputyDsl = DEPUTY.test(t.role) && (t.role.trim().split(/\s+/).length === 1 || /\b(?:safeguarding|DSL|designated|child protection|dirprwy)\b/i.test(t.role));
      if (has(t.name) || deputyDsl || roles.some((r) => r.key !== 'deputy-dsl' && r.re.test(t.role))) {
        // A known role's person: the title in the document's words, kept with them.
        const known = [...dir.values()].find((d) => d.name === t.name);
        if (known && !known.role && !DEPUTY.test(t.role) && !/^(?:Designated|Deputy)/.test(t.role)) known.role = t.role;
        continue;
      }
      const key = contactKey(t.name);
      if (!key || dir.has(key)) continue;
      const { phone, email } = ownMeans(s.text, t.index, t.end, () => ({ phone: phoneFor(s.text, t.end), email: emailFor(s.text, t.end) }));
      dir.set(key, { name: t.name, role: t.role, ...(phone ? { phone } : {}), ...(email ? { email } : {}), sentence: s });
    }
    // A row that gives a role's number and no one's name ("Absence line: 01442 555 211 (option 1)"): kept
    // under "#" + the role, for a route to that role elsewhere ("ring the absence line") to take its number.
    if (label) {
      const first = s.cells!.find((c) => c.end > c.start)!;
      const value = s.text.slice(first.end - s.start);
      for (const role of ROLES) {
        if (dir.has(`#${role.key}`) || !role.re.test(label)) continue;
        const phone = phoneFor(value, 0);
        const email = emailFor(value, 0);
        if (phone || email) dir.set(`#${role.key}`, { name: '', ...(phone ? { phone } : {}), ...(email ? { email } : {}), sentence: s });
      }
    }
    // A sentence giving a role's number or address ("The office can be contacted on 01632 960000 or at
    // office@…", "Our attendance line is 01632 960111", "…ring the school office on 01632 960123 before
    // 9am"): the number written after the role, in its own clause.
    // Two different numbers for one role ("Millbrook Primary Academy: office … 01234 100100", "Sandfield
    // Primary Academy: office … 01234 200200", a trust's annex): no one number is the office's.
    for (const role of ROLES) {
      if (role.key === 'dsl') continue;
      const m = roleMatches(role.key, role.re, s.text)[0];
      if (!m) continue;
      const { phone, email } = meansAfter(s.text, m.index + m.text.length);
      if (!phone && !email) continue;
      const had = dir.get(`#${role.key}`);
      if (!had) dir.set(`#${role.key}`, { name: '', ...(phone ? { phone } : {}), ...(email ? { email } : {}), sentence: s });
      else if ((phone && had.phone && digits(phone) !== digits(had.phone)) || (email && had.email && email.toLowerCase() !== had.email.toLowerCase())) conflicting.add(`#${role.key}`);
    }
  }
  // "Please speak to our SENCo, Mr Ravi Shah, … You can reach him on 01632 960551.": the number is theirs,
  // when the sentence before names one person only.
  for (const s of sentences) {
    const prev = sentences[s.index - 1];
    if (!prev || !PRONOUN_MEANS.test(s.text)) continue;
    const named = [...dir.entries()].filter(([k, d]) => !k.startsWith('#') && d.sentence === prev);
    if (named.length !== 1 || new Set(peopleIn(prev.text, dir).map((x) => x.name)).size > 1) continue;
    // A sentence naming someone else ("…or Mrs Cole on 01632 960222") may give their number, not the one before's.
    if (peopleIn(s.text, dir).length) continue;
    const entry = named[0]![1];
    const phone = phoneFor(s.text, 0);
    const email = emailFor(s.text, 0);
    if ((!phone || entry.phone) && (!email || entry.email)) continue;
    Object.assign(entry, !entry.phone && phone ? { phone } : {}, !entry.email && email ? { email } : {}, { means: s });
  }
  for (const key of conflicting) dir.delete(key);
  return dir;
}

/**
 * The number and address of the person named at [index, end) of a sentence naming others too: those after
 * their name up to the next person's ("Mrs Hall is our Attendance Officer (0191 498 0347) and Mr Khan is our
 * Business Manager (finance@…)": the number is Mrs Hall's, the address Mr Khan's), or before it when no one
 * else is named before them. A sentence naming one person: `alone`, as before.
 */
function ownMeans(text: string, index: number, end: number, alone: () => { phone?: string; email?: string }): { phone?: string; email?: string } {
  const people = peopleIn(text).filter((x) => x.index !== index);
  if (!people.length) return alone();
  const next = people.find((x) => x.index >= end);
  const prev = people.filter((x) => x.end <= index).pop();
  const after = text.slice(end, next ? next.index : text.length);
  const before = prev ? '' : text.slice(0, index);
  return { phone: phoneFor(after, 0) ?? (before ? phoneFor(before, before.length) : undefined), email: emailFor(after, 0) ?? (before ? emailFor(before, before.length) : undefined) };
}

const digits = (phone: string) => phone.replace(/\D/g, '').replace(/^44/, '0');

/** The directory's entry for a person, by name: its key and what it holds. */
function byName(dir: Directory, name: string): { key: string; entry: DirEntry } | undefined {
  for (const [key, entry] of dir) if (!key.startsWith('#') && entry.name === name) return { key, entry };
  return undefined;
}

const CATEGORY_WORDS: Record<Exclude<QueryCategory, 'general' | 'safeguarding'>, RegExp> = {
  absence: /\b(absen(?:ce|ces|t)|absennol|absenoldeb|attendance|non-attendance|off school|not (?:be )?in school|leave of absence|holiday requests?|(?:medical|dental|doctor['’]?s?|hospital|dentist|clinic) appointments?)\b/i,
  sickness: /\b(sick(?:ness)?|illness(?:es)?|ill|unwell|poorly|vomiting|diarrh(?:o|)ea|salwch|sâl|yn dost)(?![\p{L}])/iu,
  medical: /\b(medications?|medicines?|meddyginiaeth(?:au)?|medical (?:needs|conditions?|information|matters|questions|queries|issues|concerns|advice)|feeds|feeding|allerg(?:y|ies)|inhalers?|health ?care plans?|care plans?)\b/i,
  dinners: /\b(dinners?|lunch(?:es)?|school meals?|meals?|packed lunch(?:es)?|dinner money|catering|parent ?pay|cinio(?: ysgol)?|prydau ysgol)\b/i,
  complaint: /\b(complaints?|complain|(?:c|g|ch)[wŵ]yn(?:ion|o)?|unhappy (?:about|with)|dissatisfied|not happy (?:about|with))\b/i,
  urgent: /\b(urgent|emergenc(?:y|ies)|alternative (?:collection|arrangements)|collection arrangements?|pick(?:ing)?[- ]?up|pick(?:ing|s)?[ \u00a0](?:your[ \u00a0]child|your[ \u00a0]children|them|him|her)[ \u00a0]up|drop(?:ping)?[- ]?off|collecting|collected by|change (?:of|in|to) (?:collection|pick[- ]?up))\b/i,
  clubs: /\b(clubs?|after[- ]school (?:clubs?|activities)|breakfast club|wrap[- ]?around care|extra[- ]curricular)\b/i,
  'lost-property': /\b(lost (?:property|items?|clothing|uniform|belongings)|lost|missing (?:items?|uniform|clothing))\b/i,
  progress: /\b(progress|attainment|academic|how (?:their|your) child is (?:doing|getting on)|parent[- ]teacher meetings?|parents'? evenings?)\b/i,
  trip: /\b(trips?|residential(?:s| visits?| trips?)?|school visits?|excursions?)\b/i,
};

/**
 * A member of staff's absence, not a pupil's: "in her absence", "in the absence of the DSL", "staff
 * absence", "when the DSL is absent", "absent from work". Only a pupil's absence is the absence query.
 */
const STAFF_ABSENCE = /\bin[ \u00a0]{1,3}(?:her|his|their|my|our|its|the)[ \u00a0]{1,3}absence\b(?:[ \u00a0]{1,3}of\b)?|\b(?:staff|teachers?|teachers['’]|colleagues?|DSL['’]?s?|deputy|head ?teacher['’]?s?|SENCo['’]?s?|lead['’]?s?|member of staff)[ \u00a0]{1,3}absences?\b|\b(?:DSL|deputy|lead|head ?teacher|teacher|SENCo|member of staff|staff(?: member)?|colleague|(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?[ \u00a0]{1,3}[A-Z][\w'’-]{1,30})[ \u00a0]{1,3}(?:is|are|is ever|are ever)[ \u00a0]{1,3}absent\b|\babsen(?:t|ce)[ \u00a0]{1,3}from[ \u00a0]{1,3}work\b/gi;

/**
 * Whether a text names a query of this kind. For absence, a staff member's absence ("In her absence please
 * speak to Mr Dobson") is blanked out first (same length, so offsets hold): it is not a pupil's.
 */
function categoryText(category: QueryCategory, text: string): string {
  if (category !== 'absence') return text;
  // "Teachers who are absent from work should report their absence to the Business Manager": the whole
  // sentence is about staff when staff are its subject and no child is in it.
  if (STAFF_SUBJECT.test(text) && !/\b(?:child(?:ren)?|pupils?|students?|son|daughter|your child)\b/i.test(text)) return ' '.repeat(text.length);
  return text.replace(STAFF_ABSENCE, (m) => ' '.repeat(m.length));
}

/** Staff as a sentence's subject, absent or reporting absence ("Teachers who are absent…", "Staff must report their absence…"). */
const STAFF_SUBJECT = /^\W{0,3}(?:all |any )?(?:teachers?|staff(?: members?)?|members? of staff|colleagues?|employees?|teaching assistants?|TAs?)\b[^.]{0,60}\b(?:absent|absence|ill|unwell|sick)\b/i;

/** A table row's first cell with words in it, when the row has at least two: the row's label. */
function rowLabel(s: Sentence): string | undefined {
  const cells = s.cells?.filter((c) => c.end > c.start);
  if (!cells || cells.length < 2) return undefined;
  return s.text.slice(cells[0]!.start - s.start, cells[0]!.end - s.start);
}

const DEST_MEETING = /\b(meetings?|appointment to (?:see|meet|discuss)|parents'? evenings?|parent[- ]teacher (?:meeting|consultation)s?|face[- ]to[- ]face|speak (?:to|with) (?:the|your child'?s?) (?:class )?teacher in person|make an appointment|book(?:ing)? an appointment|(?:ask|asking) for an appointment|(?:ask|asking|contact|email|message)[ \u00a0]{1,3}(?:the|your|your child['’]s)[ \u00a0]{1,3}(?:class[ \u00a0]{1,3})?teacher[ \u00a0]{1,3}for[ \u00a0]{1,3}(?:an[ \u00a0]{1,3}appointment|a[ \u00a0]{1,3}meeting|a[ \u00a0]{1,3}time to meet)|appointment with (?:the |your child['’]s )?(?:class )?teacher|(?:arrange|request|book)(?:ing)? a meeting)\b/i;
// Welsh "yn ysgrifenedig" (in writing) is a way out of ClassDojo as "in writing" is.
const CHANNEL_OUT = /\b(phone|telephone|call|calling|ring|email|e-mail|in person|in writing|yn ysgrifenedig|letter|speak to)\b/i;
const CONTACT_SCHOOL = /\b(?:contact|communicat\w*|speak|talk|phone|phoning|telephone|call|calling|ring|ringing|email|emailing|e-mail|directed|reported|sent|go|come)\b[^.]{0,30}?\b(?:the )?school\b(?! (?:office|day|hours|holidays|nurse|nursing|staff|policy|trip))/i;
const NOT_DOJO = /\b(?:not (?:through|via|on|using|by|over) (?:a message on )?(?:class ?dojo|the app|dojo)|(?:should|must|will|do|may) not (?:be )?(?:use[ds]?|sen[dt])\b[^.]{0,40}\b(?:class ?dojo|dojo|this messaging|the messaging|messages?)|(?:class ?dojo|dojo)\b[^.]{0,40}\b(?:must|should|will) not be used|not (?:to )?use (?:class ?)?dojo|must not be used for|replacement (?:of|for))\b/i;
const STAFF_FORWARD = /\b(forward(?:ed)?|passed on|pass(?:ed)? (?:it )?on|redirect(?:ed)?)\b/i;
const PARENT_VOICE = /\b(parents?|carers?|families|you|your|please)\b/i;
const POSITIVE_TEACHER = /\b(?:can|may|should|are welcome to|are encouraged to)\s+(?:use\s+(?:class ?dojo|dojo|the messaging|messages?)|message)\b/i;

const HOW_FALLBACK = 'directly (by phone or in person)';

function howOf(text: string): string {
  const ways: string[] = [];
  if (/\b(phone|phoned|telephone|telephoned|telephoning|call|calling|ring|phoning|ringing|ffoniwch|ffonio)\b|\b(?:absence|attendance|phone|telephone) line\b/i.test(text)) ways.push('by phone');
  if (/\b(e-?mail(?:ed|ing)?|e-?bost\w*)\b/i.test(text)) ways.push('by email');
  // "pop into the office", "drop in", "visit the office": in person.
  if (/\bin person\b|\b(?:pop(?:ping)?|drop(?:ping)?)[ \u00a0](?:in(?:to)?|by)\b|\bvisit(?:ing)?[ \u00a0](?:the[ \u00a0])?(?:school[ \u00a0])?office\b/i.test(text)) ways.push('in person');
  // Welsh: "yn ysgrifenedig" (in writing), "llythyr" (a letter, "drwy lythyr"), "ysgrifennwch at" (write to).
  if (/\bin writing|letter\b|\bwrite to\b|\byn[ \u00a0]ysgrifenedig\b|\b(?:ll|l)ythyr\b|\bysgrifennwch[ \u00a0](?:at|i)\b/i.test(text)) ways.push('in writing');
  // A number or an address with no verb ("Absence | Mrs Bright | 01632 960777 before 9am"): the way it gives.
  if (!ways.length) {
    if (PHONE.test(text)) ways.push('by phone');
    if (findEmails(text).length) ways.push('by email');
  }
  let how = ways.join(' or ').replace('by phone or by email', 'by phone or email');
  if (!ways.length && /\bmessag\w* (?:the |our )?(?:attendance|office|nurs)/i.test(text) && !NOT_DOJO.test(text)) how = 'by a ClassDojo message';
  const before = /\b(?:before|prior to|by)\s+(?:the start of |the )?(?:school day(?: starts| starting| begins)?|registration|\d{1,2}(?:[:.]\d{2})?\s*(?:am|a\.m\.))/i.exec(text);
  if (before) how = `${how || 'directly'} ${before[0].replace(/^prior to the school day starting$/i, 'before the school day starts').replace(/^prior to/i, 'before')}`;
  // Welsh "cyn 9.15yb" (before 9.15 in the morning), said in English as the rest of the wording is.
  const cyn = before ? null : /\bcyn[ \u00a0]{1,3}(\d{1,2}(?:[:.]\d{2})?)[ \u00a0]?(?:yb|y\.b\.)(?![\p{L}])/iu.exec(text);
  if (cyn) how = `${how || 'directly'} before ${cyn[1]}am`;
  if (!how && /\b(?:via|through) (?:the |our )?(?:school )?office\b/i.test(text)) how = 'through the school office';
  // A named service or app ("via ParentPay", "using the Studybugs app"), in the document's words.
  const service = !how ? /\b(?:via|through|using)[ \u00a0]{1,3}(?:the[ \u00a0]{1,3})?(?!(?:Class[ \u00a0]?Dojo|Dojo|School|Office)\b)\p{Lu}[\p{L}\d]{2,30}(?:[ \u00a0]app)?\b/u.exec(text) : null;
  if (service) how = service[0];
  if (/\bin the usual way\b/i.test(text)) how = `${how || 'directly'}, in the usual way`;
  if (NOT_DOJO.test(text) || /\bnot through class ?dojo\b/i.test(text)) how = `${how || 'directly'}, not through ClassDojo`;
  return how || HOW_FALLBACK;
}

interface RouteCandidate {
  category: QueryCategory;
  destination: Destination;
  contact?: ContactFind;
  score: number;
  sentences: Sentence[];
  note?: string;
  /** The statement names others for it too (see pairedIn): said in the review, and they are proposed as contacts. */
  check?: string;
  others?: ContactFind[];
}

function officeName(text: string): string {
  // The office's own absence line ("the reception absence line", "the office absence number"): that line, as written.
  const line = /\b(?:reception|(?:school |main |front )?office|front desk)['’]?s?[ \u00a0]{1,3}(?:absence|attendance)[ \u00a0]{1,3}(?:phone[ \u00a0]{1,3})?(?:line|number|hotline)\b/i.exec(text);
  if (line) return `the ${line[0].replace(/\s+/g, ' ').toLowerCase()}`;
  // Or an office the document names by what it does ("the Finance Office", "the Attendance Office").
  const m = /\b(?:our|the)?\s*((?:main |front |admin(?:istration)? )?(?:school )?office|reception)\b/i.exec(text.replace(/\b(?:Finance|Business|Admissions|Exams|Attendance|Pastoral|Student Services|Sixth Form)[ \u00a0](?=Office\b)/g, (w) => '\u0000'.repeat(w.length)));
  const named = m && /\b(Finance|Business|Admissions|Exams|Attendance|Pastoral|Student Services|Sixth Form)[ \u00a0]Office\b/.exec(text.slice(0, m.index + m[0].length));
  if (named && named.index + named[0].length === m.index + m[0].length) return `the ${named[0].replace(/\s+/g, ' ')}`;
  const raw = m?.[1] ?? 'school office';
  // Kept as written when it is a proper name ("the Main Office"): a capital first and another after it.
  const proper = /^[A-Z]/.test(raw) && raw.slice(1) !== raw.slice(1).toLowerCase() ? raw : raw.toLowerCase();
  return `the ${proper}`.replace(/^the (the )/, 'the ');
}

type Found = {
  destination: Destination;
  contact?: ContactFind;
  strength: number;
  /** What the school must check: the statement names more people than it says which of them takes the query. */
  check?: string;
  /** The other people named with the contact for the same queries: proposed as contacts too, for the school to choose. */
  others?: ContactFind[];
  /** A route as it stands, with no sending verb: "query: person" pairs, "Complaints – see our Complaints Procedure". */
  stands?: boolean;
};

/**
 * Where a statement sends a query. A statement routing two queries ("Report absence to the attendance
 * officer on …; medicines should be discussed with the school nurse on …") is read clause by clause first,
 * so each query goes to the contact named in its own clause, with that contact's number.
 */
function destinationIn(stmt: string, dir: Directory, category: QueryCategory): Found | undefined {
  const pair = pairedIn(stmt, dir, category);
  if (pair) return pair;
  const words = category === 'general' || category === 'safeguarding' ? undefined : CATEGORY_WORDS[category].exec(categoryText(category, stmt));
  if (words) {
    const [a, b] = clauseAround(stmt, words.index);
    const clause = stmt.slice(a, b);
    // Staff told to pass the query on, and the parent told where to go in the next clause ("…must be forwarded
    // to the Attendance Officer, and the parent asked to ring the absence line (01632 962200)"): the parent's way.
    if (STAFF_FORWARD.test(clause)) {
      const rest = stmt.slice(b);
      const asked = PARENT_TOLD.exec(rest);
      const there = asked ? destinationInText(rest.slice(asked.index), dir, category) : undefined;
      if (there && there.strength >= 2) return there;
    }
    const inClause = clause.length < stmt.length ? destinationInText(clause, dir, category) : undefined;
    // A complaints procedure with no one named in its clause: the statement's next clause may name who takes it ("…; Ms Whitfield, Head of School").
    if (inClause && inClause.strength >= 2 && inClause.contact?.key !== 'complaints') return inClause;
    const parallel = words ? parallelPart(stmt, words.index) : undefined;
    if (parallel) {
      const inPart = destinationInText(parallel, dir, category);
      if (inPart && inPart.strength >= 2) return inPart;
    }
  }
  return destinationInText(stmt, dir, category);
}

/** What joins people listed together: "Mrs Hall and Mr Khan", "Mrs Hall, Mr Khan & Miss Lee". */
const LIST_JOIN = /^[ \u00a0]{0,3}(?:,[ \u00a0]{0,3}(?:and[ \u00a0]{1,3}|&[ \u00a0]{1,3})?|and[ \u00a0]{1,3}|&[ \u00a0]{1,3})$/;
/**
 * "Dinners: Mrs Hall", "medical needs – Mr Khan": a query's words (2 to 60 characters), a colon or dash, a person
 * and nothing else. The label starts and ends with a letter or sign, not a space, so each run of spaces belongs to
 * one part of the pattern and is read once (the regex sweep: spaces on both sides of a label that could hold them
 * too took minutes on 100 KB of them).
 */
const LABEL_PERSON = /^[ \u00a0]*([^:;–—\s][^:;–—]{0,58}[^:;–—\s])[ \u00a0]*(?::|[ \u00a0][–—-])[ \u00a0]*$/;

/**
 * A statement pairing queries with people. Read as pairs, each query its own person, when the statement says
 * so: "Absence and dinners go to Mrs Hall and Mr Khan respectively" (as many queries as people, and
 * "respectively"), or "Attendance and lateness: Mrs Hall; medical needs: Mr Khan" (query: person, each part
 * its own). Queries sent to two or more people with nothing saying who takes which ("Trips and clubs go to
 * Mrs Ward and Mr Osei", "Absence goes to Mrs Hall and Mr Khan"): the person in the same place in the list
 * when the counts match, else the first, never silently: the route says to check it and every person named
 * is proposed as a contact. Undefined for any other statement (one person, or people not listed together).
 */
let pairedPeople: { stmt: string; dir?: Directory; people: { name: string; index: number; end: number }[] } = { stmt: '', people: [] };
/** Two titles ("Mrs Hall and Mr Khan"), or a name without one ("Kelly Brannigan"): a statement that may name two people. */
const TWO_TITLES = /\b(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?[ \u00a0][^]*\b(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?[ \u00a0]/;
const BARE_PERSON_HINT = /\p{Lu}\p{Ll}+[ \u00a0]\p{Lu}\p{Ll}+[^]*\p{Lu}\p{Ll}+[ \u00a0]\p{Lu}\p{Ll}+/u;

function pairedIn(stmt: string, dir: Directory, category: QueryCategory): Found | undefined {
  if (category === 'general' || category === 'safeguarding') return undefined;
  // Read once per statement, not once per query (a statement is asked about each query in turn).
  if (pairedPeople.stmt !== stmt || pairedPeople.dir !== dir) pairedPeople = { stmt, dir, people: TWO_TITLES.test(stmt) || BARE_PERSON_HINT.test(stmt) ? peopleIn(stmt, dir) : [] };
  const people = pairedPeople.people;
  if (people.length < 2) return undefined;
  const about = (part: string) => CATEGORY_WORDS[category].test(categoryText(category, part));
  const anyQuery = (part: string) => (Object.keys(CATEGORY_WORDS) as (keyof typeof CATEGORY_WORDS)[]).some((c) => CATEGORY_WORDS[c].test(categoryText(c, part)));
  // Query: person pairs, each part of the statement its own ("Attendance: Mrs Hall; medical needs: Mr Khan").
  const parts = stmt.split(';');
  if (parts.length >= 2) {
    let at = 0;
    const pairs: { label: string; person: (typeof people)[number] }[] = [];
    for (const part of parts) {
      const mine = people.filter((x) => x.index >= at && x.end <= at + part.length);
      const label = mine.length === 1 ? LABEL_PERSON.exec(stmt.slice(at, mine[0]!.index)) : null;
      if (label && anyQuery(label[1]!) && /^[ \u00a0.,]*$/.test(stmt.slice(mine[0]!.end, at + part.length))) pairs.push({ label: label[1]!, person: mine[0]! });
      at += part.length + 1;
    }
    if (pairs.length >= 2) {
      const hit = pairs.find((x) => about(x.label));
      return hit ? { ...personFound(stmt, hit.person, dir, category), stands: true } : undefined;
    }
  }
  // People listed together, after the queries they take.
  let run = [people[0]!];
  for (let i = 1; i < people.length; i++) {
    if (LIST_JOIN.test(stmt.slice(people[i - 1]!.end, people[i]!.index))) run.push(people[i]!);
    else if (run.length < 2) run = [people[i]!];
    else break;
  }
  if (run.length < 2) return undefined;
  const before = stmt.slice(0, run[0]!.index);
  // Sent to them: "go to", "should be directed to", "contact", "are dealt with by".
  if (!TO_SOMEONE.test(before.slice(-30)) && !/\b(?:go|goes|sent|directed|forwarded|passed)[ \u00a0]{1,3}(?:to[ \u00a0]{1,3})?$/i.test(before)) return undefined;
  const items = before.split(/,|\band\b|&|\//).filter(anyQuery);
  const idx = items.findIndex(about);
  if (idx < 0) return undefined;
  const respectively = /\brespectively\b/i.test(stmt.slice(run[run.length - 1]!.end));
  const inOrder = items.length === run.length;
  if (respectively && inOrder) return personFound(stmt, run[idx]!, dir, category);
  const person = inOrder ? run[idx]! : run[0]!;
  const names = run.map((x) => x.name);
  const listed = `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const check = items.length > 1
    ? `The document sends ${items.length} kinds of query to ${listed} without saying who takes which: ${person.name} is proposed${inOrder ? ', in the order written' : ''}. Check who deals with this one.`
    : `The document names ${listed} for this: ${person.name} is proposed. Check who parents should contact.`;
  const f = personFound(stmt, person, dir, category);
  return {
    ...f,
    check,
    others: run.filter((x) => x !== person).map((x) => personFound(stmt, x, dir, category).contact!),
  };
}

/** The contact for a person a statement sends a query to: with their title and means where the document gives them. */
function personFound(stmt: string, person: { name: string; index: number; end: number }, dir: Directory, category: QueryCategory): Found {
  const known = byName(dir, person.name);
  const role = statedRole(stmt, person.index, person.end) ?? known?.entry.role;
  // The clause after the name, up to the next person: their own number or address ("Mr Khan on 01632 963301").
  const next = peopleIn(stmt, dir).find((x) => x.index > person.index);
  const own = stmt.slice(person.end, next ? next.index : stmt.length);
  if (role) return titledContact(stmt.slice(0, person.end) + own, { name: person.name, role, end: person.end, ...(known ? { key: known.key } : {}) }, dir, category);
  const means = meansAfter(own, 0);
  return { destination: 'office', contact: { key: contactKey(person.name) || 'contact', contact: { name: person.name, how: howOf(stmt), ...means }, sentences: known ? [known.entry.sentence] : [] }, strength: 2 };
}

/** The parent told what to do, in a staff procedure: "the parent asked to ring…", "parents should be told to phone…", "ask the parent to…". */
const PARENT_TOLD = /\b(?:(?:the|a)[ \u00a0]{1,3})?(?:parents?|carers?|families)[ \u00a0]{1,3}(?:(?:should|must|will)[ \u00a0]{1,3}be[ \u00a0]{1,3}|are[ \u00a0]{1,3}|is[ \u00a0]{1,3})?(?:asked|told|advised|reminded|directed|signposted)[ \u00a0]{1,3}to\b|\b(?:ask|tell|advise|remind)[ \u00a0]{1,3}(?:the[ \u00a0]{1,3})?(?:parents?|carers?|families)[ \u00a0]{1,3}to\b/i;

/** " and Mr Khan", ", or Mrs Lee": where a second person's part of a parallel sentence begins. */
const NEXT_PERSON = /,?[ \u00a0]{1,3}(?:and|or)[ \u00a0]{1,3}(?=(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?[ \u00a0])/g;

/**
 * "Please contact Mrs Hall about dinners and Mr Khan about clubs": the verb of the first part carries to the
 * next. For a query named in a later part that begins with a person, that part with the first part's
 * sending words before it ("Please contact Mr Khan about clubs"), to read as a statement of its own; only
 * when the first part names a query of its own (two people each with their own query, not "contact Mrs Hall
 * or Mr Khan about clubs"). The words are read, never quoted: the route quotes the sentence.
 */
function parallelPart(stmt: string, at: number): string | undefined {
  const cuts = [...stmt.matchAll(NEXT_PERSON)].map((m) => ({ from: m.index!, to: m.index! + m[0].length }));
  const mine = cuts.filter((c) => c.to <= at).pop();
  if (!mine) return undefined;
  const first = stmt.slice(0, cuts[0]!.from);
  if (!(Object.keys(CATEGORY_WORDS) as (keyof typeof CATEGORY_WORDS)[]).some((c) => CATEGORY_WORDS[c].test(first))) return undefined;
  PERSON.lastIndex = 0;
  const person = PERSON.exec(first);
  PERSON.lastIndex = 0;
  if (!person || !TO_SOMEONE.test(first.slice(0, person.index).slice(-30))) return undefined;
  const next = cuts.find((c) => c.from > mine.from);
  return `${first.slice(0, person.index)}${stmt.slice(mine.to, next ? next.from : stmt.length)}`;
}

/**
 * Where one clause of a sentence ends and the next begins: a semicolon, or a comma before "and", "but",
 * "while", "whilst", "whereas" ("Lost property to Mrs Hall in the office, and questions about trips to
 * Mr Khan on …"). Not a bare "and" or "or": "by phone or email", "dinners and clubs" are one clause.
 */
const CLAUSE_BREAK = /;|,[ \u00a0]{0,3}(?=(?:and|but|while|whilst|whereas)\b)/gi;

/** The bounds [start, end) of the clause of `text` around offset `at` (see CLAUSE_BREAK). */
function clauseAround(text: string, at: number): [number, number] {
  let a = 0;
  let b = text.length;
  for (const m of text.matchAll(CLAUSE_BREAK)) {
    if (m.index! < at) a = m.index! + m[0].length;
    else {
      b = m.index!;
      break;
    }
  }
  return [a, b];
}

/**
 * Where a person with a job title takes a query: the title says it when it is an attendance, nursing or
 * office title; any other title (a Medical Needs Coordinator, a Family Liaison Officer) takes the query as
 * the document routes it: absences are reported to them, medicines discussed with them, anything else
 * through them as the office would.
 */
function destinationOfTitle(role: string, category: QueryCategory): Destination {
  if (/\b(?:attendance|absence|welfare)\b/i.test(role)) return 'attendance';
  // A nurse, not a nursery's manager or room leader ("Nursery Manager").
  if (/\b(?:nurs(?!ery)\w*|medical|health|first aid\w*)\b/i.test(role)) return 'nursing';
  if (category === 'absence' || category === 'sickness') return 'attendance';
  // A setting's manager or administrator deals with it for the office, not as a nurse.
  if (category === 'medical' && !/\b(?:manager|leader|administrator|secretary|bursar|clerk|head ?teacher|principal)\b/i.test(role)) return 'nursing';
  return 'office';
}

/** A word that sends a query to someone: "directed to", "discussed with", "speak to", "ring", "contact". */
const TO_SOMEONE = /\b(?:to|with|contact|call|ring|phone|telephone|email|e-mail|see|ask|(?:looked after|kept|dealt with|handled|managed|organi[sz]ed|run|answered|collected)[ \u00a0]{1,3}by)[ \u00a0]{1,3}(?:(?:our|the|your|school['’]s)[ \u00a0]{1,3})?$/i;

/**
 * The person a query is sent to in a statement ("…should be directed to Mrs Joanne Platt, our Medical Needs
 * Coordinator, on 01603 472 125"; "…discussed with our Inclusion Lead, Mrs Beth Holmes, by phoning the
 * school office"), with the title the statement or the document gives them. Undefined when no titled
 * person is the one written to.
 */
function addresseeIn(stmt: string, dir: Directory): { name: string; role: string; end: number; key?: string } | undefined {
  // A statement sends a query to one of its first few people: at most 20 are looked at (a run-on text has thousands).
  for (const m of peopleIn(stmt, dir)) {
    const name = m.name;
    const end = m.end;
    const role = statedRole(stmt, m.index, end);
    const known = byName(dir, name);
    const title = role ?? known?.entry.role;
    if (!title) continue;
    // Written to: a sending word straight before the person, or before the title that stands before them.
    let before = stmt.slice(Math.max(0, m.index - 60), m.index);
    if (role) {
      const at = before.lastIndexOf(role);
      if (at >= 0) before = before.slice(0, at);
      // "…addressed to the Pennaeth (Headteacher), Mr Dafydd Rees": the title in the school's other language, then the bracket.
      before = before.replace(/(?:\p{Lu}[\p{L}'’-]{1,20}[ \u00a0]){1,3}\($/u, '');
    }
    // Or the sentence's subject, who deals with it: "Mrs Julie Evans (School Business Manager) deals with dinner money".
    let after = stmt.slice(end, end + 80);
    if (role && after.includes(role)) after = after.slice(after.indexOf(role) + role.length);
    // "School Business Manager: Mrs Carol Dean – dinner money and trip payments": a dash after the name says what they deal with.
    // Or there for it: "Mrs Joanne Platt, is available on 01632 960888 for help with school dinners".
    const subject = (/^[\s,()–—-]*(?:deals with|handles|looks after|is responsible for|is in charge of|manages|runs|organi[sz]es|oversees|co-?ordinates|can help with|will help with|helps with|takes|can be (?:contacted|reached|emailed|phoned|telephoned))\b/i.test(after) || /^[\s,()–—-]*(?:is |are )?(?:also )?(?:available|on hand|happy|here)\b[^.;]{0,60}\b(?:help|support|advice|assist\w*|queries|questions|talk|discuss|speak|meet)\b/i.test(after) || /^[ \u00a0]{1,3}[–—-][ \u00a0]{1,3}\p{Ll}/u.test(after)) && !/[.;]/.test(stmt.slice(0, m.index));
    // "…to the school office, not to Mrs Lee, our Family Liaison Officer": not the one written to.
    if (/\b(?:not|rather than|instead of|nor)[ \u00a0]{1,3}(?:to|with)?[ \u00a0]*(?:(?:our|the|your)[ \u00a0]{1,3})?$/i.test(before.slice(-30))) continue;
    if (!TO_SOMEONE.test(before.slice(-30)) && !subject) continue;
    return { name, role: title, end, ...(known ? { key: known.key } : {}) };
  }
  return undefined;
}

/** "not to", "rather than", "instead of" just before a mention: the query does not go there. */
const NOT_TO = /\b(?:not|rather than|instead of|nor)[ \u00a0]{1,3}(?:(?:to|with)[ \u00a0]{1,3})?(?:(?:our|the|your)[ \u00a0]{1,3})?$/i;

/** The SENCo (or SENDCo, Inclusion Lead) as the sentence's subject, who deals with the query: "Our SENCo is happy to discuss…". */
const SUBJECT_DEALS = /^[\s,()–—-]*(?:(?:is|are)[ \u00a0]+)?(?:also[ \u00a0]+)?(?:deals with|handles|looks after|is responsible for|oversees|co-?ordinates|can help|will help|helps|can be (?:contacted|reached|emailed|phoned|telephoned)|(?:available|on hand|happy|here)\b[^.;]{0,60}\b(?:help|support|advice|assist\w*|queries|questions|talk|discuss|speak|meet))/i;

/**
 * The SENCo as the one a query is sent to, named or not ("please contact the SENCo by email", "speak to our
 * SENCo", "Our SENDCo is happy to discuss any concerns about progress: email senco@…"), with the number or
 * address written for them and the name the document gives them elsewhere ("Our SENCo is Mrs Patel.").
 * Not when an office or another role is written to first ("contact the office, who will pass it to the
 * SENCo"), nor "not the SENCo". The SENCo's destination follows the query, as a titled person's does.
 */
function sencoIn(stmt: string, dir: Directory, category: QueryCategory): Found | undefined {
  const addressed = (at: number) => {
    const before = stmt.slice(Math.max(0, at - 40), at);
    return TO_SOMEONE.test(before.slice(-30)) && !NOT_TO.test(before.slice(-30));
  };
  const m = matchesOf(SENCO, stmt).find((x) => addressed(x.index) || (/^\W{0,3}(?:(?:our|the|your child['’]s|the school['’]s)[ \u00a0]{1,3})?$/i.test(stmt.slice(0, x.index)) && SUBJECT_DEALS.test(stmt.slice(x.index + x.text.length, x.index + x.text.length + 90))));
  if (!m) return undefined;
  // Another role written to first takes it ("Contact the office, who will pass your message to the SENCo").
  for (const r of ROLES) {
    const first = roleMatches(r.key, r.re, stmt).find((x) => x.index < m.index && addressed(x.index));
    if (first) return undefined;
  }
  const known = dir.get('senco');
  const named = personNear(stmt, m.index, m.index + m.text.length) ?? known?.name;
  const means = meansAfter(stmt, m.index + m.text.length);
  const phone = means.phone ?? (named && named === known?.name ? known.phone : undefined);
  const email = means.email ?? (named && named === known?.name ? known.email : undefined);
  const role = named && named === known?.name && known.role ? known.role : /^[A-Z]{2,}/.test(m.text) ? m.text : m.text.replace(/(^|\s)\p{Ll}/gu, (c) => c.toUpperCase());
  const written = howOf(stmt);
  const how = written === HOW_FALLBACK && (phone || email) ? [phone ? 'by phone' : '', email ? 'by email' : ''].filter(Boolean).join(' or ').replace('by phone or by email', 'by phone or email') : written;
  const contact: Contact = { name: named ?? `the ${m.text}`, role, how, ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
  return { destination: destinationOfTitle(role, category), contact: { key: 'senco', contact, sentences: known && named === known.name ? entrySentences(known, stmt, phone, email) : [] }, strength: 2 };
}

/** A contact for a titled person a statement sends a query to (see addresseeIn), with the number and address given. */
function titledContact(stmt: string, a: NonNullable<ReturnType<typeof addresseeIn>>, dir: Directory, category: QueryCategory): Found {
  const known = a.key ? dir.get(a.key) : undefined;
  const phone = phoneFor(stmt.slice(a.end), 0) ?? known?.phone;
  const email = emailFor(stmt.slice(a.end), 0) ?? known?.email;
  const destination = destinationOfTitle(a.role, category);
  const key = a.key && !/^deputy-dsl|^dsl$/.test(a.key) ? a.key : contactKey(a.name) || 'contact';
  // No way written where the query is sent: the ways the document gives for the person (their number, their address).
  const written = howOf(stmt);
  const how = written === HOW_FALLBACK && (phone || email) ? [phone ? 'by phone' : '', email ? 'by email' : ''].filter(Boolean).join(' or ').replace('by phone or by email', 'by phone or email') : written;
  const contact: Contact = { name: a.name, role: a.role, how, ...(phone ? { phone } : {}), ...(email ? { email } : {}) };
  return { destination, contact: { key, contact, sentences: known ? entrySentences(known, stmt, phone, email) : [] }, strength: 2 };
}

/** A directory entry's sentences to quote for a contact read from `stmt`: where they are named, and where their number or address (used) is given. */
function entrySentences(known: DirEntry, stmt: string, phone: string | undefined, email: string | undefined): Sentence[] {
  const usesMeans = !!known.means && ((!!phone && phone === known.phone) || (!!email && email === known.email));
  return [...(known.sentence.text !== stmt ? [known.sentence] : []), ...(usesMeans ? [known.means!] : [])];
}

/** The head's mention in a statement that sends something to them ("to the headteacher", "contact the Principal", "at y Pennaeth"); undefined if none. */
function headAddressed(stmt: string): { index: number; text: string } | undefined {
  const head = HEAD.exec(stmt);
  if (!head) return undefined;
  if (/\b(to|with|contact|e-?mail|call|phone|telephone|ring|write to|see|ask)\s+(?:the |our |your )?(?:head ?teacher|head of school|principal)\b/i.test(stmt) || TO_HEAD_CY.test(stmt)) return { index: head.index, text: head[0] };
  return undefined;
}

/** The head as a query's contact (the office's destination: the head is reached through the school), named where the document names them. */
function headFound(stmt: string, head: { index: number; text: string }, dir: Directory): Found {
  const named = personNear(stmt, head.index, head.index + head.text.length) ?? dir.get('headteacher')?.name;
  const phone = phoneFor(stmt, head.index);
  const email = emailFor(stmt, head.index);
  // Welsh's word for the head is written as the document has it ("the Pennaeth"), with its English role.
  const word = /^(?:head|principal)/i.test(head.text) ? head.text.toLowerCase() : head.text;
  return { destination: 'office', contact: { key: 'headteacher', contact: { name: named ?? `the ${word}`, role: 'Headteacher', how: howOf(stmt), ...(phone ? { phone } : {}), ...(email ? { email } : {}) }, sentences: [] }, strength: 2 };
}

function destinationInText(stmt: string, dir: Directory, category: QueryCategory): Found | undefined {
  if (category === 'progress' && DEST_MEETING.test(stmt)) return { destination: 'meeting', strength: 3 };
  const addressee = addresseeIn(stmt, dir);
  // A titled person the query is sent to is the contact, even when the office is how to reach them
  // ("…discussed with Mrs Ann Morgan, our Medical Needs Coordinator, by telephoning the school office").
  if (addressee && !/\b(?:office|reception|admin\w*)\b/i.test(addressee.role)) {
    const first = ROLES.map((r) => ({ r, m: roleMatches(r.key, r.re, stmt)[0] })).filter((x) => x.m).sort((x, y) => x.m!.index - y.m!.index)[0];
    const roleIsTitle = first && first.r.re.test(addressee.role);
    if (!first || first.r.key === 'office' || (!roleIsTitle && !first.r.re.test(stmt.slice(0, first.m!.index + first.m!.text.length).slice(-80)))) return titledContact(stmt, addressee, dir, category);
  }
  const senco = sencoIn(stmt, dir, category);
  if (senco) return senco;
  // The head written to, with the office as the way to reach them ("Complaints should be made to the Headteacher
  // through the school office on 01632 960000", "…at y Pennaeth drwy'r swyddfa"): the head, not the office.
  const toHead = headAddressed(stmt);
  const firstRole = ROLES.map((r) => roleMatches(r.key, r.re, stmt)[0]).filter((x) => x).sort((x, y) => x!.index - y!.index)[0];
  const officeFirst = ROLES.find((r) => r.key === 'office')!.re;
  if (toHead && firstRole && firstRole.index > toHead.index && officeFirst.test(firstRole.text)) return headFound(stmt, toHead, dir);
  for (const role of ROLES) {
    const mentions = roleMatches(role.key, role.re, stmt);
    const m = mentions[0];
    if (!m) continue;
    const person = personFor(role.key, role.re, stmt);
    const named = person?.name ?? dir.get(role.key)?.name;
    const known = dir.get(role.key);
    // "the Attendance Line" keeps its capitals only when every word has them; "the attendance line" otherwise.
    const titled = m.text.split(' ').every((w) => /^[A-Z]/.test(w));
    const name = named ?? (role.key === 'office' ? officeName(stmt) : role.key === 'attendance-officer' ? `the ${titled ? m.text : m.text.toLowerCase()}` : role.key === 'nursing' ? (/\bnursing team\b/i.test(m.text) ? 'the school nursing team' : `the ${m.text.toLowerCase()}`) : 'the Designated Safeguarding Lead');
    // The number and address given in the routing sentence itself, else the ones the document gives with the name.
    const line = dir.get(`#${role.key}`);
    const phone = phoneFor(stmt, m.index) ?? known?.phone ?? line?.phone;
    const email = emailFor(stmt, m.index) ?? known?.email ?? line?.email;
    // "Report absence to the Attendance Officer by 9am" with the officer's number given elsewhere: by phone, not Policy Guard's "directly".
    let how = howOf(stmt);
    if (how !== HOW_FALLBACK && how.startsWith('directly ') && (phone || email)) how = `${phone ? 'by phone' : 'by email'}${how.slice('directly'.length)}`;
    // No way written where the query is sent, but the document gives the role's number or address
    // elsewhere ("The office can be contacted on …"): the ways it gives, as for a titled person.
    if (how === HOW_FALLBACK && (phone || email)) how = [phone ? 'by phone' : '', email ? 'by email' : ''].filter(Boolean).join(' or ').replace('by phone or by email', 'by phone or email');
    const contact: Contact = {
      name,
      // The person's title as the document gives it ("Attendance Officer: Mrs Lorraine Burke"), else the role's.
      role: known?.role && named === known.name ? known.role : role.key === 'attendance-officer' && /\b(line|number)\b/i.test(m.text) ? 'Attendance line' : role.role,
      how,
      ...(phone ? { phone } : {}),
      ...(email ? { email } : {}),
    };
    const from = [...(known && named === known.name ? [known.sentence, ...entrySentences(known, known.sentence.text, phone, email)] : []), ...(line && !phoneFor(stmt, m.index) && !emailFor(stmt, m.index) ? [line.sentence] : [])];
    return { destination: role.destination, contact: { key: role.key, contact, sentences: from }, strength: 2 };
  }
  // "…to the headteacher", "Please email the headteacher, Mr Paul Grant, at head@…", "…at y Pennaeth": the head, with the number or address given.
  if (toHead) return headFound(stmt, toHead, dir);
  // A title the query is sent to with no name ("contact your child's Head of Year", "write to the Clerk to
  // the Governors"): that title, as the document writes it.
  const holder = /\b(?:to|contact|with|see|ask)[ \u00a0]{1,3}(your[ \u00a0]{1,3}child['’]s|the|our|your)[ \u00a0]{1,3}(Head[ \u00a0]of[ \u00a0](?:Year|House|Department|Key[ \u00a0]Stage(?:[ \u00a0]\d)?|Phase|Sixth[ \u00a0]Form)|Clerk[ \u00a0]to[ \u00a0](?:the[ \u00a0])?Govern(?:ors|ing[ \u00a0]Body)|Chair[ \u00a0]of[ \u00a0](?:the[ \u00a0])?Govern(?:ors|ing[ \u00a0]Body)|(?:Form|Personal)[ \u00a0]Tutor|Pastoral[ \u00a0](?:Lead|Leader|Manager)|Year[ \u00a0](?:Lead|Leader|Manager))\b/iu.exec(stmt);
  if (holder) {
    const role = holder[2]!.replace(/\s+/g, ' ');
    const whose = /^your/i.test(holder[1]!) ? holder[1]!.replace(/\s+/g, ' ').toLowerCase() : 'the';
    const phone = phoneFor(stmt, holder.index);
    const email = emailFor(stmt, holder.index);
    return { destination: /tutor/i.test(role) ? 'teacher' : 'office', contact: { key: contactKey(role) || 'contact', contact: { name: `${whose} ${role}`, role, how: howOf(stmt), ...(phone ? { phone } : {}), ...(email ? { email } : {}) }, sentences: [] }, strength: 2 };
  }
  // A complaint that follows a complaints policy ("Complaints should follow the Trust Complaints Policy,
  // available on the Trust website"): whoever owns that policy (the trust, the federation, else the school), the way it sets out.
  const policy = category === 'complaint' ? COMPLAINTS_POLICY.exec(stmt) : null;
  if (policy) {
    const name = policy[2]!.replace(/\s+/g, ' ');
    const owner = /\btrust\b/i.test(name) ? 'the Trust' : /\bfederation\b/i.test(name) ? 'the Federation' : /^College['’]s\b/.test(name) ? 'the College' : /^Academy['’]s\b/.test(name) ? 'the Academy' : 'the school';
    const where = /\bavailable[ \u00a0]{1,3}(?:on|from|at|in)[ \u00a0]{1,3}[^.;,()]{1,60}/i.exec(stmt.slice(policy.index + policy[0].length, policy.index + policy[0].length + 90));
    const how = `following ${/^the$/i.test(policy[1]!) ? 'the' : 'its'} ${name}${where ? ` (${where[0].trim()})` : ''}`;
    // The procedure's steps naming the head ("…beginning with the class teacher and then the Headteacher, Mr
    // Peter Lawson"; "see our Complaints Procedure; Ms Jane Whitfield, Head of School"): the head, reached that way.
    const head = HEAD.exec(stmt);
    const named = head ? personNear(stmt, head.index, head.index + head[0].length) : undefined;
    if (head && named) {
      const role = /^head of school$/i.test(head[0]) ? 'Head of School' : /^principal$/i.test(head[0]) ? 'Principal' : 'Headteacher';
      return { destination: 'office', contact: { key: 'headteacher', contact: { name: named, role, how }, sentences: [] }, strength: 2, stands: true };
    }
    return { destination: 'office', contact: { key: 'complaints', contact: { name: owner, role: 'Complaints procedure', how }, sentences: [] }, strength: 2, stands: true };
  }
  // A person with no role as the subject who deals with it ("Mrs Hall deals with dinner money, while Mr Khan
  // runs after-school clubs"): read clause by clause (destinationIn), so each clause's subject.
  const subjectOf = /^\W{0,3}(?:(?:and|but|while|whilst|whereas)[ \u00a0]{1,3})?((?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?[ \u00a0]{1,3}\p{Lu}[\p{Ll}'’-]+(?:[ \u00a0]\p{Lu}[\p{Ll}'’-]+)?)[ \u00a0]{1,3}(?:deals with|looks after|handles|runs|organi[sz]es|manages|is responsible for|is in charge of|takes care of)\b/u.exec(stmt);
  if (subjectOf) {
    const name = subjectOf[1]!.replace(/\s+/g, ' ');
    return { destination: 'office', contact: { key: contactKey(name) || 'contact', contact: { name, how: howOf(stmt), ...meansAfter(stmt, subjectOf.index + subjectOf[0].length) }, sentences: [] }, strength: 2 };
  }
  // A named person with no role ("a phone call to Dawn Hufton or school staff").
  const to = /\b(?:to|contact|call|phone|ring|email|speak to|speak with|(?:discuss(?:ed)?|raised?|talk|check(?:ed)?)\s+with|(?:looked after|kept|dealt with|handled|managed|organi[sz]ed|run|answered|collected)\s+by)\s+((?:(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?\s+)?\p{Lu}[\p{Ll}'’]+(?:\s+\p{Lu}[\p{L}'’-]+){0,2})(?![\p{L}'’-])/u.exec(stmt);
  if (to && !/^(Class|Dojo|ClassDojo|The|School|Parents?|Carers?|Teachers?|Monday|Tuesday|Wednesday|Thursday|Friday)\b/.test(to[1]!) && (PERSON.test(to[1]!) || FIRST_LAST.test(to[1]!))) {
    PERSON.lastIndex = 0;
    FIRST_LAST.lastIndex = 0;
    const name = to[1]!;
    const key = contactKey(name);
    // "…reported to Mrs Lee on 0161 496 0000", "…directed to Mrs Hall by email at mhall@…": their number or address.
    const means = meansAfter(stmt, to.index + to[0].length);
    return { destination: 'office', contact: { key: key || 'contact', contact: { name, how: howOf(stmt), ...means }, sentences: [] }, strength: 2 };
  }
  PERSON.lastIndex = 0;
  FIRST_LAST.lastIndex = 0;
  // An app the school names for it ("Please report absence using the Studybugs app"): that app, as the document says.
  // Or a product by its name written as one word with a capital inside ("through ParentPay", "via SchoolMoney").
  const app = /\b(?:using|use|via|through|on|in)[ \u00a0]{1,3}(?:the|our)[ \u00a0]{1,3}(\p{Lu}[\p{L}\d]{1,30}(?:[ \u00a0]\p{Lu}[\p{L}\d]{1,30})?)[ \u00a0]{1,3}app\b/u.exec(stmt) ?? /\b(?:using|use|via|through|on)[ \u00a0]{1,3}(?:the[ \u00a0]{1,3})?(\p{Lu}\p{Ll}{1,20}\p{Lu}[\p{L}\d]{1,20})\b/u.exec(stmt);
  if (app && !/^(?:Class ?Dojo|Dojo)$/i.test(app[1]!)) {
    const attendance = category === 'absence' || category === 'sickness';
    // In the document's words ("through ParentPay", "via StudyBugs"), "use" read as "using".
    const how = `${app[0].replace(/^use\b/i, 'using').replace(/\bour\b/i, 'the')}${NOT_DOJO.test(stmt) ? ', not through ClassDojo' : ''}`;
    const isApp = /\bapp$/i.test(app[0]);
    return { destination: attendance ? 'attendance' : 'office', contact: { key: contactKey(app[1]!) || 'app', contact: { name: isApp ? `the ${app[1]} app` : app[1]!, role: isApp ? 'App' : 'Online service', how }, sentences: [] }, strength: 2 };
  }
  // A number or an address and no one named ("please call 01632 960000, option 1", "email
  // attendance@…"): the school's number; an attendance or absence address or line is the attendance route.
  const phone = phoneFor(stmt, 0);
  const email = emailFor(stmt, 0);
  // "contact the school on …", "let us know on …", "get in touch on …" give the school's number as much as "ring".
  if ((phone && /\b(call|ring|phone|telephone|dial|text)\w*|\bcontact(?:ed|ing)?\b|\blet us know\b|\bget in touch\b/i.test(stmt)) || (email && /\b(e-?mail\w*|write|send)\b|\bcontact(?:ed|ing)?\b|\blet us know\b|\bget in touch\b/i.test(stmt))) {
    const attendance = /^(attendance|absence|absences)\b/i.test(email ?? '') || /\b(attendance|absence) (?:line|number)\b/i.test(stmt);
    return {
      destination: attendance ? 'attendance' : 'office',
      contact: {
        key: attendance ? 'attendance' : 'office',
        contact: { name: attendance ? 'the attendance team' : 'the school office', role: attendance ? 'Attendance' : 'School office', how: howOf(stmt), ...(phone ? { phone } : {}), ...(email ? { email } : {}) },
        sentences: [],
      },
      strength: 2,
    };
  }
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

/** "follow the Trust Complaints Policy", "in line with our complaints procedure": the policy's name, as written. */
const COMPLAINTS_POLICY = /\b(?:follow(?:s|ing)?|under|in line with|according to|as set out in|set out in|see|using|via|in accordance with)[ \u00a0]{1,3}(the|our|its|their)[ \u00a0]{1,3}((?:(?:\p{Lu}[\p{L}'’-]{0,30}|(?:school|college|academy|trust|federation|nursery|setting)['’]s)[ \u00a0]){0,4}[Cc]omplaints?[ \u00a0](?:[Pp]olicy|[Pp]rocedures?|[Pp]rocess))(?![\p{L}])/u;

/** A contact's key from a person's name: "Mrs Chérie O'Neill" → "cherie-o-neill" (accents folded, title dropped). */
function contactKey(name: string): string {
  return name.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/^(mr|mrs|miss|ms|mx|dr|nurse)\.?\s+/, '').replace(/[^a-z]+/g, '-').replace(/^-|-$/g, '');
}

/**
 * Who takes a query in a row that pairs the query with a contact and has no verb ("Attendance: Mrs Dawn
 * Harris, 01632 960555, attendance@…", "Reporting absence | 01632 960555"): the person, number or address
 * in the cells after the label. Absence and sickness rows go to attendance when the label or the address
 * says so, any other to the office. Undefined when the row gives no one to reach.
 */
/**
 * The person (or title) a row naming a query gives in its other cells, as the row's contact: "School meals |
 * School Business Manager (Mr Tom Ellis) | Email meals@…", "Complaints | Headteacher | In writing via the
 * school office". A row is a route as it stands (no sending word), and the office a cell says the way is
 * through is how to reach them, not who they are. Undefined when the row names no one, or only an office.
 */
/** Whether a cell is a job title and nothing else (TITLE's first match is the whole cell). */
function isTitleCell(cell: string): boolean {
  TITLE.lastIndex = 0;
  const m = TITLE.exec(cell);
  TITLE.lastIndex = 0;
  return !!m && m.index === 0 && m[0].length === cell.length;
}

function rowPerson(s: Sentence, dir: Directory, category: QueryCategory): Found | undefined {
  const first = s.cells?.find((c) => c.end > c.start);
  if (!first) return undefined;
  const value = s.text.slice(first.end - s.start);
  const person = peopleIn(value, dir)[0];
  let name: string;
  let role: string | undefined;
  let key: string | undefined;
  let end: number;
  if (person) {
    const known = byName(dir, person.name);
    role = statedRole(value, person.index, person.end) ?? known?.entry.role;
    name = person.name;
    key = known?.key;
    end = person.end;
  } else {
    // A cell that is a title and nothing else ("Headteacher", "Trips Coordinator"): that title holds it.
    const cells = s.cells!.filter((c) => c !== first && c.end > c.start).map((c) => s.text.slice(c.start - s.start, c.end - s.start));
    const title = cells.find((c) => isTitleCell(c) || /^(?:the[ \u00a0])?(?:head ?teacher|head of school|principal)$/i.test(c));
    if (!title) return undefined;
    role = title.replace(/^the[ \u00a0]/i, '');
    name = `the ${role}`;
    end = value.indexOf(title) + title.length;
  }
  if (!role || /\b(?:office|reception|admin\w*)\b/i.test(role)) return undefined;
  // The number and address in the row, else the ones the document gives with the person's name.
  const known = person ? byName(dir, person.name)?.entry : undefined;
  const phone = phoneFor(value, end) ?? phoneFor(value, 0) ?? known?.phone;
  const email = emailFor(value, end) ?? emailFor(value, 0) ?? known?.email;
  const destination = destinationOfTitle(role, category);
  const k = key && !/^deputy-dsl|^dsl$/.test(key) ? key : HEAD.test(role) ? 'headteacher' : contactKey(name) || 'contact';
  const written = howOf(value);
  const how = written === HOW_FALLBACK && (phone || email) ? [phone ? 'by phone' : '', email ? 'by email' : ''].filter(Boolean).join(' or ').replace('by phone or by email', 'by phone or email') : written;
  return { destination, contact: { key: k, contact: { name, role, how, ...(phone ? { phone } : {}), ...(email ? { email } : {}) }, sentences: known ? entrySentences(known, s.text, phone, email) : [] }, strength: 2 };
}

function rowDestination(s: Sentence, category: QueryCategory): Found | undefined {
  const first = s.cells?.find((c) => c.end > c.start);
  if (!first) return undefined;
  const label = s.text.slice(first.start - s.start, first.end - s.start);
  const value = s.text.slice(first.end - s.start);
  PERSON.lastIndex = 0;
  const person = PERSON.exec(value)?.[0].replace(/\s+/g, ' ');
  PERSON.lastIndex = 0;
  const phone = phoneFor(value, 0);
  const email = emailFor(value, 0);
  if (!person && !phone && !email) return undefined;
  const attendance = (category === 'absence' || category === 'sickness') && (/\b(attendance|absen)/i.test(label) || /^(attendance|absence)/i.test(email ?? ''));
  const key = attendance ? (person ? 'attendance-officer' : 'attendance') : person ? contactKey(person) || 'office' : 'office';
  const contact: Contact = {
    name: person ?? (attendance ? 'the attendance team' : officeName(label)),
    role: attendance ? (person ? 'Attendance Officer' : 'Attendance') : 'School office',
    how: howOf(value),
    ...(phone ? { phone } : {}),
    ...(email ? { email } : {}),
  };
  return { destination: attendance ? 'attendance' : 'office', contact: { key, contact, sentences: [] }, strength: 2 };
}

const CONTACT_ROLES: Record<string, string> = { senco: 'SENCo', headteacher: 'Headteacher', 'deputy-dsl': 'Deputy Designated Safeguarding Lead' };

/** Ways of reaching someone, as written ("in person or by telephone"); and how soon ("straight away"). */
const WAYS = /\b(?:in person|by (?:tele)?phone|by e-?mail|in writing|face[- ]to[- ]face)(?:,? (?:or|and) (?:in person|by (?:tele)?phone|by e-?mail|in writing|face[- ]to[- ]face)){0,3}/i;
const HOW_SOON = /\b(?:straight away|immediately|without delay|as soon as possible|on the same day|the same day|directly)\b/i;

/** How to reach a contact in the document's own words (each part verbatim), or undefined when it does not say. */
function wordingOfHow(texts: string[]): string | undefined {
  for (const t of texts) {
    const parts = [WAYS.exec(t)?.[0], HOW_SOON.exec(t)?.[0]].filter((x): x is string => !!x);
    if (parts.length) return parts.join(', ');
  }
  return undefined;
}

/** The note for a contact item some of whose fields are Policy Guard's defaults. */
function defaultsNote(fields: string[], value: Pick<Contact, 'how' | 'name'>): string {
  const parts = fields.map((f) => (f === 'how' ? `how to reach them ("${value.how}")` : f === 'name' ? `the name ("${value.name}")` : f));
  return `Not in the document: ${parts.join(' and ')} ${fields.length > 1 ? 'are' : 'is'} Policy Guard’s recommended default; check it before use.`;
}

/**
 * The ids of defaultsNote's notes, by the field they name (lib/policy/reader-note.ts). A note naming both is only
 * ever part of a longer note of the reader's (two roles in one person), shown as written.
 */
const DEFAULTS_NOTE_IDS: Readonly<Record<string, ReaderNoteId>> = { how: 'contactDefaultHow', name: 'contactDefaultName' };

/** defaultsNote as an item's note, with its id and data where it has one (the interface words it from them). */
function defaultsNoted(fields: string[], value: Contact): Pick<Item<unknown>, 'note' | 'noteId' | 'noteData'> {
  const noteId = DEFAULTS_NOTE_IDS[fields.join(',')];
  const noteData: Record<string, string> = Object.fromEntries(fields.map((f) => [f, (f === 'how' ? value.how : value.name) ?? '']));
  return { note: defaultsNote(fields, value), ...(noteId ? { noteId, noteData } : {}) };
}

/** Gives (in place) an item's note and check with no id theirs where they are exactly one of OWN_NOTES's templates. */
function identifyOwn(item: Item<unknown>): void {
  const note = !item.noteId && item.note ? identifyNote(item.note) : undefined;
  if (note) Object.assign(item, note);
  const check = !item.checkId && item.check ? identifyNote(item.check) : undefined;
  if (check) Object.assign(item, { checkId: check.noteId, ...(check.noteData ? { checkData: check.noteData } : {}) });
}

/** Leaves out (in place) a note id whose note is no longer what it says: a default's, or defaultsNote's with its data. */
function dropStaleNote(item: Item<unknown>): void {
  // A check added to or replaced keeps no id: shown as written.
  if (item.checkId && item.check !== ownNoteText(item.checkId, item.checkData)) {
    delete item.checkId;
    delete item.checkData;
  }
  if (item.noteId && item.noteId in OWN_NOTES) {
    if (item.note !== ownNoteText(item.noteId, item.noteData)) {
      delete item.noteId;
      delete item.noteData;
    }
    return;
  }
  const fields = Object.entries(DEFAULTS_NOTE_IDS).find(([, id]) => id === item.noteId)?.[0].split(',');
  if (!fields) return dropStaleNoteId(item);
  const d = item.noteData ?? {};
  if (item.note !== defaultsNote(fields, { how: d.how ?? '', name: d.name ?? '' })) {
    delete item.noteId;
    delete item.noteData;
  }
}

/** A sentence that says parents must not contact school by ClassDojo messages at all (every query goes elsewhere). */
const NO_MESSAGES_AT_ALL = /\b(?:parents?|carers?|parents\/carers|you)\b[^.]{0,30}\b(?:will not|must not|should not|do not|may not|cannot|can not|are not (?:able|permitted) to)\s+use\s+(?:the\s+)?(?:direct\s+|private\s+)?messag\w*[^.]{0,40}\bto contact\b/i;

/**
 * A policy named in a sentence ("the Home School Communication Policy"): "Policy" and the capitalised words
 * before it (at most eight). Read word by word: one pattern for the whole name backtracks on long runs.
 */
function policyNameIn(text: string): string | undefined {
  const m = /\bPolicy\b/.exec(text);
  if (!m) return undefined;
  const words = text.slice(0, m.index).split(' ');
  if (words[words.length - 1] !== '') return undefined;
  words.pop();
  const name: string[] = [];
  while (words.length && name.length < 8 && /^[A-Z][\w/]{0,30}$/.test(words[words.length - 1]!)) name.unshift(words.pop()!);
  return name.length ? `${name.join(' ')} Policy` : undefined;
}

/** The next step of a concern not settled: "If the matter is not resolved, …", "If you are still not satisfied, …". */
const ESCALATION = /^\W{0,3}(?:if|where|should)\b[^.]{0,40}\b(?:not (?:been )?resolved|unresolved|(?:still )?(?:not satisfied|dissatisfied|unhappy)|not happy|does not resolve)\b/i;

/** A list item "query words – where it goes": a few words, a spaced dash, the rest ("Lost property – ask the office"). */
const DASH_ITEM = /^([^–—:;.]{2,60}?)[ \u00a0]+[–—-][ \u00a0]+\S/;

function extractRoutes(sentences: Sentence[], p: Proposal, trustWide = false): void {
  const dir = directory(sentences);
  const cands: RouteCandidate[] = [];
  for (let i = 0; i < sentences.length; i++) {
    const s = sentences[i]!;
    const intro = s.intro;
    // A list item is read with its intro ("…must go through the school office:" + "School dinner queries").
    const stmt = intro ? `${intro.text} ${s.text}` : s.text;
    const next = sentences[i + 1];
    // A table row whose first cell names a query ("Absence | Mrs Bright, Attendance Officer | 01632 960777")
    // routes that query and no other: "Make an appointment through the office" in the SEN row is not an absence.
    const label = rowLabel(s);
    const labelled = label !== undefined && (Object.keys(CATEGORY_WORDS) as (keyof typeof CATEGORY_WORDS)[]).some((c) => CATEGORY_WORDS[c].test(categoryText(c, label)));
    // An FAQ's answer is about what its question asks ("How do I report an absence?" / "Phone your school's office").
    // A line of "query: person" pairs ("Attendance and lateness: Mrs Hall; medical needs: Mr Khan") is about every query it labels, each read in its own part (pairedIn).
    const morePairs = labelled && /;[ \u00a0]*[^:;]{2,60}:[ \u00a0]/.test(s.text.slice(label!.length));
    const about = labelled && !morePairs ? label : s.question ? `${s.question.text} ${s.text}` : s.text;
    // A row naming a person by their title and what they deal with ("School Business Manager: Mrs Carol Dean –
    // dinner money and trip payments") is a route as it stands, as a row naming the query is.
    const title = label ? (TITLE.exec(label)?.[0] ?? '') : '';
    TITLE.lastIndex = 0;
    const titledRow = !!label && title.length >= label.replace(/:$/, '').trim().length - 1 && !!addresseeIn(s.text, dir);
    for (const category of Object.keys(CATEGORY_WORDS) as (keyof typeof CATEGORY_WORDS)[]) {
      if (!CATEGORY_WORDS[category].test(categoryText(category, about))) continue;
      // Words that are about something else: "lost" learning, "trip" hazards, school "meals" as a topic in a list of what is shared.
      if (!labelled && category === 'absence' && /\battendance\b/i.test(s.text) && !/\babsen/i.test(s.text) && !/\b(report|attendance (?:officer|lead|team|line))\b/i.test(s.text)) continue;
      // The item's own words first; its intro is quoted only where it says where the query goes or that ClassDojo is not the way.
      // An FAQ's question is quoted where it says what the answer is about, or the answer does not say it
      // itself: "What about dinners, clubs and trips?" is not quoted for the next paragraph's "…talk about progress".
      const question = s.question && (CATEGORY_WORDS[category].test(categoryText(category, s.question.text)) || !CATEGORY_WORDS[category].test(categoryText(category, s.text))) ? s.question : undefined;
      const withIntro = intro && intro.text !== s.text ? [intro, s] : question ? [question, s] : [s];
      // A row naming a query and a person (or a title) in its other cells: that person, however the row says to reach them.
      let dest = (labelled && !morePairs ? rowPerson(s, dir, category) : undefined) ?? destinationIn(s.text, dir, category);
      let used = dest ? ((intro && NOT_DOJO.test(intro.text)) || question ? withIntro : [s]) : withIntro;
      if (!dest && intro) dest = destinationIn(stmt, dir, category);
      if (!dest && labelled) dest = rowDestination(s, category);
      // "ClassDojo should not be used for urgent messages. These must be sent via the school office email."
      if (!dest && NOT_DOJO.test(stmt) && next && /^(these|this|they|it|instead|please|such|telephone|phone|ring|call|email|e-mail|contact|speak|write|report|go|use)\b/i.test(next.text)) {
        dest = destinationIn(next.text, dir, category);
        if (dest?.contact) dest.contact.contact.how = howOf(`${stmt} ${next.text}`);
        used = question ? [question, s, next] : [s, next];
      }
      // A complaint raised first with the class teacher, then, "If the matter is not resolved", with someone the
      // next sentence names: that second step is where a complaint goes (the first is any message's way).
      if ((!dest || dest.destination === 'teacher') && category === 'complaint' && next && ESCALATION.test(next.text)) {
        const then = destinationIn(next.text, dir, category);
        if (then && then.strength >= 2) {
          dest = then;
          used = [...withIntro, next];
        }
      }
      if (!dest) continue;
      // A sentence naming a query and a place, but only mentioning them (no routing verb), is not a route.
      // A table row pairing a query with a contact is a route as it stands.
      // A list item naming a query, a dash and where it goes ("Lunches and dinner money – school office, office@…") is a route as it stands, as a row is.
      const dashItem = s.item && DASH_ITEM.exec(s.text);
      const itemRoute = !!dashItem && CATEGORY_WORDS[category].test(categoryText(category, dashItem[1]!));
      if (!labelled && !titledRow && !dest.stands && !itemRoute && !/\b(should|must|need|needs|to be|go|goes|through|report|reported|contact|directed|sent|send|call|phone|telephone|ring|email|speak|arrange|use|made|forwarded|message|please|only|required|responsib|dealt with|deals with|looks after|runs|organi[sz]es|in charge of|handled|addressed|raised|(?:looked after|kept|managed|organi[sz]ed|run|answered) by|to[ \u00a0]{1,3}(?:Mr|Mrs|Miss|Ms|Mx|Dr)\.?[ \u00a0]|considered|(?:available|on hand)\b[^.]{0,60}\b(?:help|support|advice)|can help|help with|ffoniwch|ffonio|cysylltwch|cysylltu|e-?bostiwch|rhowch wybod|rhoi gwybod|siaradwch|dylid|anfon\w*|ysgrifenn\w*|cyfeiri\w*)/i.test(stmt)) continue;
      let score = dest.strength;
      if (PARENT_VOICE.test(stmt)) score += 1;
      if (NOT_DOJO.test(stmt)) score += 1;
      if (STAFF_FORWARD.test(stmt) && !PARENT_VOICE.test(stmt.replace(/parents?\/carers?/gi, ''))) score -= 2;
      if (intro) score += 1;
      cands.push({ category, destination: dest.destination, contact: dest.contact, score, sentences: used, ...(dest.check ? { check: dest.check, others: dest.others } : {}) });
    }
  }
  const contacts: Record<string, Item<Contact>> = { dsl: p.contacts.dsl! };
  // One name per role and way of reaching them: the one in the sentence that routes the most queries.
  const bySentence = new Map<Sentence, number>();
  for (const c of cands) bySentence.set(c.sentences[c.sentences.length - 1]!, (bySentence.get(c.sentences[c.sentences.length - 1]!) ?? 0) + 1);
  const weight = (c: RouteCandidate) => bySentence.get(c.sentences[c.sentences.length - 1]!) ?? 0;
  // The heaviest candidate for each role and way of reaching it, found once (a search per candidate is quadratic).
  const heaviest = new Map<string, RouteCandidate>();
  const roleHow = (c: RouteCandidate) => `${c.contact!.key}\n${c.contact!.contact.how}`;
  for (const c of cands) {
    if (!c.contact) continue;
    const h = heaviest.get(roleHow(c));
    if (!h || weight(c) > weight(h)) heaviest.set(roleHow(c), c);
  }
  for (const c of [...cands].sort((a, b) => weight(b) - weight(a))) {
    if (!c.contact) continue;
    const top = heaviest.get(roleHow(c));
    const lead = top && weight(top) > weight(c) ? top : undefined;
    if (lead && !/^(?:Mr|Mrs|Miss|Ms|Mx|Dr|Nurse)\b/.test(c.contact.contact.name)) c.contact = { ...c.contact, contact: { ...c.contact.contact, name: lead.contact!.contact.name } };
  }
  const keyFor = (c: ContactFind, category: QueryCategory): string => {
    const existing = contacts[c.key];
    // Never one contact for two numbers or two addresses ("School meals | Email meals@…", "School trips | Email trips@…").
    const differs = (v: Contact) => (!!v.phone && !!c.contact.phone && v.phone !== c.contact.phone) || (!!v.email && !!c.contact.email && v.email !== c.contact.email);
    if (!existing || (existing.value.name === c.contact.name && existing.value.how === c.contact.how && !differs(existing.value))) return c.key;
    // The same person, reached the same way with more said ("by phone before 9am" and "…, not through
    // ClassDojo"): one contact, with the fuller wording, not two.
    if (existing.value.name === c.contact.name && existing.value.phone === c.contact.phone && existing.value.email === c.contact.email && !existing.defaults) {
      const a = existing.value.how ?? '';
      const b = c.contact.how ?? '';
      if (b.startsWith(`${a},`)) {
        existing.value = { ...existing.value, how: b };
        existing.note = `How to reach them is worded from the document (${b}).`;
        fuller.add(c.key);
      }
      if (b.startsWith(`${a},`) || a.startsWith(`${b},`)) return c.key;
    }
    // The same name reached the same way at the same number and address (never another row's address).
    for (const [k, v] of Object.entries(contacts)) if (v.value.name === c.contact.name && v.value.how === c.contact.how && !differs(v.value)) return k;
    return `${c.key}-${category}`;
  };
  // Contacts whose wording a later route made fuller: that route's sentences are quoted with them too.
  const fuller = new Set<string>();
  const routed = new Set<QueryCategory>();
  for (const category of QUERY_CATEGORIES) {
    const mine = cands.filter((c) => c.category === category).sort((a, b) => b.score - a.score || a.sentences[0]!.index - b.sentences[0]!.index);
    const best = mine[0];
    if (!best || best.score < 2) continue;
    const value: RouteValue = { destination: best.destination };
    if (best.contact && best.destination !== 'meeting') {
      const key = keyFor(best.contact, category);
      value.contact = key;
      const quotes = dedupeQuotes(dedupe([...best.contact.sentences, ...best.sentences]).flatMap(quotesOf));
      if (contacts[key] && fuller.delete(key)) contacts[key]!.quotes = dedupeQuotes([...contacts[key]!.quotes, ...quotes]);
      if (!contacts[key]) {
        // howOf's fallback is Policy Guard's wording, not the document's: marked as a default.
        const fallback = best.contact.contact.how === HOW_FALLBACK;
        contacts[key] = fallback
          ? { value: best.contact.contact, origin: 'document', quotes, defaults: ['how'], ...defaultsNoted(['how'], best.contact.contact) }
          : { value: best.contact.contact, origin: 'document', quotes, note: `How to reach them is worded from the document (${best.contact.contact.how}).` };
      }
    }
    const support = mine.filter((c) => c !== best && c.destination === best.destination).slice(0, 1);
    p.routes[category] = found(value, [...best.sentences, ...support.flatMap((c) => c.sentences)]);
    if (best.check) {
      p.routes[category] = { ...p.routes[category], note: best.check, check: best.check };
      // The others named for it are proposed too, for the school to choose between.
      for (const o of best.others ?? []) {
        if (Object.values(contacts).some((c) => c.value.name === o.contact.name)) continue;
        const key = contacts[o.key] ? `${o.key}-${category}` : o.key;
        const quotes = dedupeQuotes(dedupe([...o.sentences, ...best.sentences]).flatMap(quotesOf));
        contacts[key] = o.contact.how === HOW_FALLBACK
          ? { value: o.contact, origin: 'document', quotes, defaults: ['how'], note: `Named with ${best.contact?.contact.name ?? 'another person'} for the same queries. ${defaultsNote(['how'], o.contact)}` }
          : { value: o.contact, origin: 'document', quotes, note: `Named with ${best.contact?.contact.name ?? 'another person'} for the same queries; how to reach them is worded from the document (${o.contact.how}).` };
      }
    }
    routed.add(category);
  }
  // Sickness that keeps a child at home is an absence, and the other way round.
  for (const [a, b] of [['sickness', 'absence'], ['absence', 'sickness']] as const) {
    if (!routed.has(a) && routed.has(b)) {
      p.routes[a] = { ...structuredClone(p.routes[b]), note: a === 'sickness' ? 'The document routes absences; sickness that keeps a child at home is an absence.' : 'The document routes sickness; an absence for any reason goes the same way.', noteId: a === 'sickness' ? 'sicknessAsAbsence' : 'absenceAsSickness' };
      routed.add(a);
    }
  }
  // "Parents will not use the direct messaging function to contact school": every query goes elsewhere.
  const none = sentences.find((s) => NO_MESSAGES_AT_ALL.test(s.text));
  if (none) {
    const ref = sentences.find((s) => policyNameIn(s.text) && /\bhow (?:you|to|parents)\b/.test(s.text) && /\bcontact\b/.test(s.text));
    const policyName = ref ? policyNameIn(ref.text) : undefined;
    const key = 'school';
    contacts[key] ??= { value: { name: 'the school', role: 'School office', how: policyName ? `as the ${policyName} describes` : 'by phone, email or in person, not through ClassDojo messages' }, origin: 'document', quotes: [none, ...(ref ? [ref] : [])].flatMap(quotesOf) };
    for (const category of QUERY_CATEGORIES) {
      if (category === 'safeguarding' || routed.has(category)) continue;
      p.routes[category] = found({ destination: 'office', contact: key }, [none, ...(ref ? [ref] : [])], 'Parents do not contact school through ClassDojo messages: every query goes the way the document says instead.');
    }
  }
  // Safeguarding always goes to the DSL; the document's own words are quoted when it has them.
  // The sentence that says it: about a child's safety, with a worry, a report or the DSL in it; one about the
  // DSL rather than the deputy where there is one ("In his absence, Mrs Cole (Deputy DSL)" is the deputy's).
  // Welsh: "diogelu" (safeguarding), "amddiffyn plant" (child protection); "pryder" (a worry), "dynodedig" (designated).
  const SAFETY = /\bsafeguarding|child protection\b|\b(?:child|children|pupil)s?['’]?s? (?:safety|welfare)\b|\bsafety (?:or|and) welfare\b|\bddiogelu\b|\bdiogelu\b|\bamddiffyn plant\b/i;
  const dslMentioned = (s: Sentence) => roleMatches('dsl', ROLES.find((r) => r.key === 'dsl')!.re, s.text).length > 0;
  // A sentence naming the DSL by any of the role's titles ("Mrs Thompson is our Designated Child Protection Officer") is one.
  const sgs = englishFirst(sentences).filter((s) => SAFETY.test(s.text) && (/\b(concerns?|worr(?:y|ied|ies)|report|disclos|DSL|designated safeguarding (?:lead|person|officer)|lead|leads|responsib\w*|pryder\w*|dynodedig|arweinydd)\b/i.test(s.text) || dslMentioned(s)) && !/\bpolic(?:y|ies)\s*$/i.test(s.text.trim()));
  const sg = sgs.find((s) => dslMentioned(s) && !DEPUTY.test(s.text)) ?? sgs.find((s) => !DEPUTY.test(s.text)) ?? sgs[0];
  // "Mrs Ruth Owen is our Designated Safeguarding Lead. Any worry about a child's safety must be passed to
  // her straight away.": the next sentence, about a child's safety and sending it to the DSL by a pronoun, says
  // where the worry goes and how: quoted with the first.
  const onward = sg && dslMentioned(sg) ? sentences[sg.index + 1] : undefined;
  const sgOnward = onward && sgs.includes(onward) && !dslMentioned(onward) && /\b(?:to|with|tell|inform)[ \u00a0]{1,3}(?:him|her|them)\b/i.test(onward.text) ? onward : undefined;
  if (sg) p.routes.safeguarding = { ...found({ destination: 'dsl', contact: 'dsl' }, [sg, ...(sgOnward ? [sgOnward] : [])]), note: 'A worry about a child’s safety goes to the Designated Safeguarding Lead; Policy Guard never suggests a canned reply to it.', noteId: 'safeguardingRoute' };
  // The DSL: the name the document gives, and how to reach them in its own words ("in person or by
  // telephone", "straight away"); what it does not give stays Policy Guard's default, marked as such.
  // A trust's policy naming a DSL for each of its schools names no one school's DSL: each school enters its own.
  const otherDsls = [...dir.entries()].filter(([k]) => k.startsWith('#dsl-')).map(([, d]) => d);
  const perSchool = trustWide && otherDsls.length > 0;
  const dslName = perSchool ? undefined : dir.get('dsl');
  // The sentence after the name that gives their number by a pronoun ("You can reach him on …") is quoted with it.
  const dslMeans = dslName?.means && ((dslName.phone && dslName.means.text.includes(dslName.phone)) || (dslName.email && dslName.means.text.includes(dslName.email))) ? dslName.means : undefined;
  const dslSentences = dedupe([dslName?.sentence, dslMeans, sg, sgOnward].filter((x): x is Sentence => !!x));
  const dslHow = wordingOfHow(dslSentences.map((x) => x.text));
  // The school's own title for the post ("Child Protection Officer", "Designated Safeguarding Officer"): still the
  // DSL (its key and destination), labelled in the school's words as other roles' titles are; unnamed, "the <title>"
  // is its name, as "the Attendance Officer" is. Policy Guard's own "Designated Safeguarding Lead" stays generic.
  // Unnamed, only where the document never calls the post "Designated Safeguarding Lead" or "DSL" (then that is its name).
  const genericToo = sentences.some((s) => /\b(?:designated safeguarding leads?|DSLs?)\b/i.test(s.text));
  // A bilingual document names the post in Welsh too ("Person Dynodedig ar gyfer Diogelu"): the role is left to the
  // interface to word in each language (probe 15: "Cyswllt: Y Person Diogelu Dynodedig"), not the English alone.
  const welshToo = sentences.some((s) => roleMatches('dsl', DSL_TITLE, s.text).some((m) => /\b(?:n?ddiogelu|diogelu|amddiffyn|dynodedig)\b/i.test(m.text)));
  const titleAt = welshToo ? undefined : dslName ? dslName.sentence : sg && dslMentioned(sg) && !genericToo ? sg : undefined;
  const dslOwnTitle = titleAt ? schoolDslTitle(titleAt.text) : undefined;
  if (dslName || dslHow || dslOwnTitle) {
    const defaults = [...(dslName || dslOwnTitle ? [] : ['name']), ...(dslHow ? [] : ['how'])];
    const titled = dslOwnTitle ? { role: dslOwnTitle, ...(dslName ? {} : { name: `the ${dslOwnTitle}`, generic: false as const }) } : {};
    contacts.dsl = {
      // Named by the document: the school's own name, no longer Policy Guard's generic role (its mark goes).
      value: { ...contacts.dsl!.value, ...titled, ...(dslName ? { name: dslName.name, generic: false as const } : {}), ...(dslName?.phone ? { phone: dslName.phone } : {}), ...(dslName?.email ? { email: dslName.email } : {}), ...(dslHow ? { how: dslHow } : {}) },
      origin: 'document',
      quotes: dslSentences.flatMap(quotesOf),
      ...(defaults.length ? { defaults, ...defaultsNoted(defaults, contacts.dsl!.value) } : {}),
    };
  }
  if (perSchool) {
    const names = [dir.get('dsl')!, ...otherDsls].map((d) => d.name).join(', ');
    const note = `The document is for all the trust's schools and names a Designated Safeguarding Lead for each (${names}): enter your school's.`;
    // The joined note is the reader's own words around another note: shown as written (its id goes); the check has its own.
    const { noteId: _id, noteData: _data, ...dsl } = contacts.dsl!;
    contacts.dsl = { ...(dsl.note ? dsl : contacts.dsl!), note: dsl.note ? `${note} ${dsl.note}` : note, ...(dsl.note ? {} : { noteId: 'dslPerSchool' as const, noteData: { names } }), check: note, checkId: 'dslPerSchool', checkData: { names } };
  }
  // The office's own line ("School office: office@…, 01632 962000 (option 2)") with no query routed to it: a
  // contact to review all the same, with the number and address the document gives (no name: "the school office").
  const officeLine = dir.get('#office');
  if (officeLine && !contacts.office && !Object.values(contacts).some((c) => c.value.role === 'School office')) {
    const how = [officeLine.phone ? 'by phone' : '', officeLine.email ? 'by email' : ''].filter(Boolean).join(' or ').replace('by phone or by email', 'by phone or email');
    const value: Contact = { name: 'the school office', role: 'School office', how, ...(officeLine.phone ? { phone: officeLine.phone } : {}), ...(officeLine.email ? { email: officeLine.email } : {}) };
    contacts.office = { value, origin: 'document', quotes: quotesOf(officeLine.sentence), note: 'The office’s number and address as the document gives them; no query is routed to this contact.', noteId: 'contactOffice' };
  }
  // Roles named with a person but not routed to (a SENCo, the Headteacher, a deputy DSL) are kept as contacts to review.
  for (const [key, d] of dir) {
    const deputy = /^deputy-dsl(?:-\d+)?$/.test(key);
    if (key.startsWith('#') || contacts[key] || (!deputy && Object.values(contacts).some((c) => c.value.name === d.name))) continue;
    const role = d.role ?? (deputy ? CONTACT_ROLES['deputy-dsl'] : CONTACT_ROLES[key] ?? ROLES.find((r) => r.key === key)?.role);
    // No way worded, but a number or an address given with them ("Contact Miss Laura Price, SENDCo, on 01632 960889"): the ways they give.
    const given = d.phone || d.email ? [d.phone ? 'by phone' : '', d.email ? 'by email' : ''].filter(Boolean).join(' or ').replace('by phone or by email', 'by phone or email') : undefined;
    const how = deputy && dslHow ? dslHow : (wordingOfHow([d.sentence.text]) ?? given);
    const value: Contact = { name: d.name, ...(role ? { role } : {}), how: how ?? 'through the school office', ...(d.phone ? { phone: d.phone } : {}), ...(d.email ? { email: d.email } : {}) };
    contacts[key] = { value, origin: 'document', quotes: [d.sentence, ...(d.means ? [d.means] : [])].flatMap(quotesOf), ...(how ? { note: 'Named in the document; no query is routed to this contact.', noteId: 'contactNamed' } : { defaults: ['how'], note: `Named in the document; no query is routed to this contact. ${defaultsNote(['how'], value)}`, noteId: 'contactNamedDefaultHow', noteData: { how: value.how ?? '' } }) };
  }
  onePersonOneContact(contacts, p);
  p.contacts = contacts;
}

/** A person's name with a title ("Mrs Patel", "Mr T Jones", "Nurse Jo Hill"): one person, whoever holds it. */
const DSL_HOW = DSL_CONTACT.how;
const TITLED_NAME = /^(?:Mr|Mrs|Miss|Ms|Mx|Dr|Sister|Revd|Rev|Father|Fr|Prof|Nurse)\.?\s/;
/** Words that say a role ("Deputy Head", "attendance lead", "DSL"): what a list of someone's roles is made of. */
const ROLE_WORD = /\b(?:head|headteacher|deputy|lead|leader|officer|manager|co-?ordinator|SENC[Oo]|SENDC[Oo]|DSL|nurse|teacher|secretary|administrator|mentor|worker|clerk|bursar)\b/i;

/**
 * All the roles a person is given in one place, in the document's words: "Mr Jones (SENCo and attendance
 * lead)", "Mrs Patel, our Deputy Head and Designated Safeguarding Lead," "Ms Roe – Headteacher & DSL". Only
 * a list of two or more roles that holds `has` (a role already read for them); undefined otherwise.
 */
function rolesListed(texts: string[], name: string, has: (role: string) => boolean): string | undefined {
  for (const text of texts) {
    let at = text.indexOf(name);
    for (let n = 0; at >= 0 && n < 5; n++, at = text.indexOf(name, at + 1)) {
      const after = text.slice(at + name.length, at + name.length + 90);
      // Spaces before the end bounded (the list itself takes any more, trimmed): no pass over a long run of them per length tried.
      const m = /^\s{0,2}(?:\(\s*|,\s{1,2}|\s[–—-]\s|\s(?=(?:who )?is\s))(?:(?:who is|is)\s)?(?:(?:our|the|your)\s)?([^()\n,.;:]{2,80}?)\s{0,8}(?:\)|,|\.(?:\s|$)|;|$)/.exec(after);
      const list = m?.[1]?.trim();
      if (!list || !/\s(?:and|&)\s|\//.test(list)) continue;
      const parts = list.split(/\s(?:and|&)\s|\s?\/\s?/);
      if (parts.length < 2 || !parts.every((x) => ROLE_WORD.test(x) && x.split(/\s+/).length <= 5) || !has(list)) continue;
      return list;
    }
  }
  return undefined;
}

/**
 * One person, one contact: a person holding two roles ("Mrs Patel, our Deputy Head and Designated
 * Safeguarding Lead" who also takes complaints; "Mr Jones (SENCo and attendance lead)") is one contact
 * that every route to either role names, with all their roles as the document lists them. Two entries for
 * the same name are merged where they are reached the same way, or one's way is Policy Guard's default; a
 * person the document tells parents to reach in two different ways stays two contacts (each route's reply
 * says its own way), both with the person's whole role. A deputy DSL is never merged into the DSL.
 */
function onePersonOneContact(contacts: Record<string, Item<Contact>>, p: Proposal): void {
  const defaultHow = (item: Item<Contact>) => !!item.defaults?.includes('how') || item.value.how === HOW_FALLBACK;
  const routedTo = (key: string) => QUERY_CATEGORIES.filter((c) => p.routes[c].value.contact === key).length;
  const byPerson = new Map<string, string[]>();
  for (const [key, item] of Object.entries(contacts)) {
    if (!TITLED_NAME.test(item.value.name) || item.defaults?.includes('name')) continue;
    byPerson.set(item.value.name, [...(byPerson.get(item.value.name) ?? []), key]);
  }
  for (const [name, keys] of byPerson) {
    // Their roles as one list where the document gives one; else each entry's role, once.
    // A destination's name given for want of a title ("School office" for a person a row sends medicines to) is no role of theirs beside one that is.
    const given = [...new Set(keys.map((k) => contacts[k]!.value.role).filter((r): r is string => !!r))];
    const roles = given.length > 1 ? given.filter((r) => !/^(?:School office|School nursing team)$/.test(r)) : given;
    const texts = keys.flatMap((k) => contacts[k]!.quotes.map((q) => q.quote.replace(/\s+/g, ' ')));
    const listed = rolesListed(texts, name, (list) => roles.some((r) => list.toLowerCase().includes(r.toLowerCase())) || (keys.includes('dsl') && ROLES.find((r) => r.key === 'dsl')!.re.test(list)) || roles.length === 0);
    // Each role once (not one inside another), the safeguarding role last: "Headteacher and Designated Safeguarding Lead".
    const own = roles.filter((r) => !roles.some((o) => o !== r && o.toLowerCase().includes(r.toLowerCase()))).sort((a, b) => Number(/safeguarding/i.test(a)) - Number(/safeguarding/i.test(b)));
    const role = listed ?? (own.length ? own.join(' and ') : undefined);
    if (role) for (const k of keys) contacts[k]!.value = { ...contacts[k]!.value, role };
    if (keys.length < 2) continue;
    // The DSL's key stays (safeguarding names it), and a deputy DSL's (the deputies are listed by it); else
    // the key most routes name.
    const target = keys.includes('dsl') ? 'dsl' : (keys.find((k) => /^deputy-dsl/.test(k)) ?? [...keys].sort((a, b) => routedTo(b) - routedTo(a))[0]!);
    for (const key of keys) {
      if (key === target) continue;
      const t = contacts[target]!;
      const o = contacts[key]!;
      // The DSL's own way is for safeguarding, which never gets a reply: another route's way is kept beside it (in the note).
      const sameWay = t.value.how === o.value.how || defaultHow(t) || defaultHow(o) || target === 'dsl';
      const sameLine = (!t.value.phone || !o.value.phone || t.value.phone === o.value.phone) && (!t.value.email || !o.value.email || t.value.email === o.value.email);
      if (!sameWay || !sameLine) continue;
      // The document's way of reaching them; where neither gives one, the routed entry's default (the DSL's
      // default, "following the school's safeguarding procedure", would read oddly in a reply about a complaint).
      const how = target === 'dsl' ? (defaultHow(o) && !defaultHow(t) ? t.value.how : o.value.how) : defaultHow(t) ? o.value.how : t.value.how;
      const howDefault = defaultHow(t) && defaultHow(o);
      const defaults = [...new Set([...(t.defaults ?? []), ...(o.defaults ?? [])])].filter((f) => (f === 'how' ? howDefault : !!t.defaults?.includes(f) && !!o.defaults?.includes(f)));
      const value: Contact = { ...o.value, ...t.value, how, ...(t.value.phone ?? o.value.phone ? { phone: t.value.phone ?? o.value.phone } : {}), ...(t.value.email ?? o.value.email ? { email: t.value.email ?? o.value.email } : {}) };
      // The DSL reached the way another route says ("by email" for complaints): a worry about a child's safety
      // still goes to them in person, straight away, and the note says so.
      const sg = target === 'dsl' && how !== t.value.how ? ` The document says to reach them ${how} about other matters; a worry about a child's safety goes to them ${defaultHow(t) ? DSL_HOW : t.value.how}.` : '';
      const note = `One person with ${role ? `these roles (${role})` : 'two roles'}: one contact for every route to them.${sg}${defaults.length ? ` ${defaultsNote(defaults, value)}` : ''}`;
      const { defaults: _, ...rest } = t;
      contacts[target] = { ...rest, value, quotes: dedupeQuotes([...t.quotes, ...o.quotes]), note, ...(defaults.length ? { defaults } : {}) };
      delete contacts[key];
      for (const c of QUERY_CATEGORIES) if (p.routes[c].value.contact === key) p.routes[c] = { ...p.routes[c], value: { ...p.routes[c].value, contact: target } };
    }
  }
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

/**
 * A policy's words for a child in Local Authority care: "looked-after children", "children looked after",
 * "in care", "in local authority care", "in the care of the local authority", "cared for by the council",
 * "in foster care", LAC, CLA, CiC; Welsh "derbyn gofal". Every one has the word "care" or "looked
 * after" (or LAC, CLA, CiC, gofal), which is how the photo-consent rule finds the clause to quote (lib/rules/photo-consent.ts).
 */
const IN_CARE_WORDS = /looked[- ]after|\bin (?:(?:local authority|LA|council|foster|residential) )?care\b|local authority care|(?:in|under) the care of (?:the |a )?(?:local authority|council|LA|state|social services)|cared for by (?:the |a )?(?:local authority|council|LA)\b|\bfoster(?:ed| care)|\b(?:LAC|CLA|CiC)\b|derbyn gofal/i;

/**
 * A sentence's clauses, for reading each on its own: split at semicolons and at ", and" / ", but" / ", while"
 * / ", whereas" (a compound sentence such as "…has not given consent, and we never post images of children in
 * care"). Pure; the parts are the sentence's own text.
 */
function clausesOf(text: string): string[] {
  return text.split(/;|,[ \u00a0]{0,3}(?:and|but|while|whilst|whereas|although|though)\b|[ \u00a0](?:but|whereas)[ \u00a0]/i).map((c) => c.trim()).filter(Boolean);
}

function extractRules(sentences: Sentence[], p: Proposal): void {
  const find = (re: RegExp) => sentences.filter((s) => re.test(s.text));
  // First names only.
  // "only ever use children's first names": "ever" as often as not.
  const firstNames = find(/\b(?:only (?:ever )?(?:(?:the )?(?:pupils?|children|students?)['’]?s? )?first names?|only (?:ever )?(?:use|using|refer to (?:children|pupils) by) (?:their |the )?(?:(?:pupils?|children|students?)['’]?s? )?first names?|first names? only|no (?:sur|last |family )names?|(?:sur|last |family )names? (?:will|must|should|are) (?:not|never)|(?:not|never) (?:use|include|post|put|share|write|give|display|mention) (?:a |the )?(?:pupils?['’]? |children['’]?s? |students?['’]? |their )?(?:full |sur|last |family )names?|full names? (?:of (?:pupils|children|students) )?(?:will|must|should|shall|are to) (?:not|never)|(?:not|never) be (?:named|referred to) (?:in full|by (?:their )?full names?)|(?:not|never)\b[^.]{0,50}\b(?:share|post|put|use|include|write|give|publish|show|display|mention)\b[^.]{0,30}\b(?:sur|last |family |full )names?|without (?:their )?(?:sur|last )names?|(?:avoid|refrain from)\b[^.]{0,30}\b(?:sur|last |family |full )names?|(?:not|never)[ \u00a0]{1,3}name[ \u00a0]{1,3}[^.]{0,30}\bin[ \u00a0]full|enwau cyntaf yn unig|dim ond enwau cyntaf|dim cyfenwau|heb gyfenwau)\b/i);
  // No names at all where more than one family sees.
  // Also as a verb: "Children will not be named in Class Story posts at all", "Staff will not name individual
  // children on Class Story" (not "…named in full", which is first names only).
  const noNames = find(/\b(?:not|never|no)\b[^.]{0,40}\b(?:names (?:of|or)|photographs? or names|names or photographs?|(?:children|pupils)['’]s names)\b|\b(?:children|pupils|students|child|pupil)\b[^.]{0,30}\b(?:will|must|should|shall|are|is|may|can)[ \u00a0]{1,3}(?:not|never)[ \u00a0]{1,3}be[ \u00a0]{1,3}named\b(?![^.]{0,20}\b(?:in full|full names?|sur ?names?|last names?))|\b(?:not|never)[ \u00a0]{1,3}name[ \u00a0]{1,3}(?:any[ \u00a0]|individual[ \u00a0]|the[ \u00a0])?(?:children|pupils|students|a child|a pupil)\b(?![^.]{0,20}\b(?:in full|full names?|sur ?names?|last names?))/i).filter((s) => !/\bfirst names?|full names?|surnames?\b/i.test(s.text));
  if (noNames.length) {
    const named = channelsNamed(noNames.map((s) => s.text).join(' '));
    const channels = [...new Set<Channel>([...SHARED_CHANNELS, ...named.filter((c) => c !== 'student-story')])];
    p.rules['pupil-name'] = found({ action: 'confirm', channels }, noNames, 'No pupil names at all where more than one family can see. How firmly the rule acts is Policy Guard’s default; the school can change it.');
    p.rules['full-name'] = { value: { action: 'off', allowSurnameInitial: false }, origin: 'silent', quotes: [], note: 'The document allows no names at all in shared spaces, so the stricter pupil-name rule applies instead.', noteId: 'fullNameNoNames' };
  } else if (firstNames.length) {
    const initial = firstNames.some((s) => /\binitial\b/i.test(s.text)) || sentences.some((s) => /\b(?:initial of (?:the |their )?(?:sur|last )name|(?:sur|last )name initial)\b/i.test(s.text));
    const initialSentences = initial ? find(/\b(?:initial of (?:the |their )?(?:sur|last )name|(?:sur|last )name initial)\b/i) : [];
    p.rules['full-name'] = found({ action: 'confirm', allowSurnameInitial: initial }, [...firstNames, ...initialSentences], initial ? 'First names only; a surname initial where two pupils share a first name.' : 'First names only.');
  }

  // Photos and consent.
  // The verbs too: "Looked after children: never photographed", "are not photographed or filmed".
  // Welsh: "lluniau"/"llun" (photos), "ffotograffau", "fideos"; consent "caniatâd" (mutated "ganiatâd", "chaniatâd").
  const PHOTO = /\b(photo(?:graph)?s?|photographed|photographing|filmed|filming|images?|pictures?|videos?|recordings?|ll?uniau|llun|ffotograff(?:au)?|fideos?)\b/i;
  // Or in a family's words: "whose parents have said yes to photos".
  const consent = find(/\b(consent|permission|permissions|opted? out|agreed|(?:parents?|carers?|famil(?:y|ies)|you)\b[^.]{0,30}\bsaid yes|c?h?aniatâd|ganiatâd)(?![\p{L}])/iu).filter((s) => (PHOTO.test(s.text) || (!!s.question && PHOTO.test(s.question.text))) && !/\bparents?\/carers? must not share|personal social media|\bshare (?:any )?class ?dojo content\b/i.test(s.text));
  // An FAQ's answer about consent ("Only if you have given consent…") is quoted with the question that says it is about photos.
  const consentQuoted = consent.flatMap((s) => (PHOTO.test(s.text) || !s.question ? [s] : [s.question, s]));
  // "Names of pupils should not appear alongside photographs" is about names, not a ban on photos.
  const NAMES_WITH_PHOTOS = /\bnames?\b[^.;]{0,60}\b(?:alongside|with|next to|beside|under|below|above|on|in captions? (?:of|to|under))[ \u00a0]{1,3}(?:any[ \u00a0]|the[ \u00a0]|their[ \u00a0])?(?:photo(?:graph)?s?|images?|pictures?)\b|\b(?:photo(?:graph)?s?|images?|pictures?)\b[^.;]{0,30}\b(?:with|alongside)[ \u00a0]{1,3}(?:the[ \u00a0]|their[ \u00a0])?(?:(?:full|sur|first)[ \u00a0]?)?names?\b/i;
  const noPhotos = find(/\b(?:not|never|no)\b[^.]{0,40}\b(?:photo(?:graph)?s|images|pictures)\b[^.]{0,80}\b(?:more than one (?:parent|family|carer)|class stor(?:y|ies)|class chat|shared spaces?)\b/i).filter((s) => !/\bconsent|permission\b/i.test(s.text) && !NAMES_WITH_PHOTOS.test(s.text));
  // Children in care, read clause by clause: "…has not given photo consent, and we never post images of children
  // who are in the care of the local authority" bars them; "looked-after children may be photographed with the
  // local authority's consent" allows them (the one wording that drops the recommended bar).
  const inCare = find(IN_CARE_WORDS).filter((s) => PHOTO.test(s.text));
  const careClauses = inCare.flatMap((s) => clausesOf(s.text).filter((c) => IN_CARE_WORDS.test(c)));
  const careBarred = careClauses.some((c) => /\b(?:not|never|no|nor|without)\b|n['’]t\b|\bbyth\b|\bdim\b/i.test(c));
  const careAllowed = !careBarred && careClauses.some((c) => /\b(?:may|can|will|are|is)\b[^.;]{0,30}\b(?:photographed|filmed|included|shown|posted|shared|appear)\b/i.test(c));
  // What the recommended default says of children in care, before anything read here changes the rule.
  const recommendedCare = p.rules['photo-consent'].value.neverInCare;
  if (!consent.length && !noPhotos.length && careBarred) {
    // "We will not post photographs of children who are looked after": that rule is the document's; photo
    // consent for the other pupils is not stated, so it stays the recommended default (said in the note).
    const value = { ...p.rules['photo-consent'].value, neverInCare: true } as typeof p.rules['photo-consent']['value'];
    p.rules['photo-consent'] = found(value, inCare, 'No photographs of looked-after children (the document). The document says nothing of photo consent for other pupils: consent is Policy Guard’s recommended default; check it.');
    p.rules['photo-consent'].noteId = 'photoCareOnly';
    p.rules['photo-consent'].check = 'The document says nothing of photo consent for other pupils: consent is Policy Guard’s recommended default.';
    p.rules['photo-consent'].checkId = 'photoConsentCheck';
  }
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
    // Children in care: the document's word when it has one, else the recommended bar stays (a document that
    // states photo consent and says nothing of children in care has not lifted it).
    const careDefault = !careBarred && !careAllowed && recommendedCare;
    const neverInCare = careBarred || careDefault;
    const said = onlyClass ? 'Consent is needed for the Class Story; a pupil’s own story and private messages are allowed without it.' : noPhotos.length && !consent.length ? 'No photographs of children where more than one family can see.' : 'No photo of a pupil without photo consent.';
    p.rules['photo-consent'] = found(
      { action: consent.length ? 'block' : 'confirm', consentRequiredIn, neverInCare, noChildrenIn, notRecorded: 'hold' },
      [...consentQuoted, ...noPhotos, ...(careBarred || careAllowed ? inCare : [])],
      careDefault ? `${said} The document says nothing of children in Local Authority care: no photos of them is Policy Guard’s recommended default; check it.` : careAllowed ? `${said} The document allows photos of children in care (with the consent it describes).` : said,
    );
    if (careDefault) Object.assign(p.rules['photo-consent'], { check: 'The document says nothing of children in Local Authority care: no photos of them is Policy Guard’s recommended default.', checkId: 'photoCareCheck' });
  }

  // Sensitive matters only in private.
  const SENSITIVE = /\b(sensitive|personal|confidential)\b[^.]{0,20}\b(information|matters?|details|messages|data)\b|\bof an? (?:personal|sensitive|confidential|private) nature\b|\bprivate (?:information|matters|details)\b|\b(?:child|pupil|young person|family)\w*\s+matters\b|\bconversations? about\b[^.]{0,40}\bmatters\b/i;
  const WHERE = /\bprivate (?:messag\w*|chats?|conversations?)\b|\bnot (?:on|in|via) (?:the )?(?:class|student)\b|\bclass (?:chat|story|page|pages)\b|\bclass\/student\b|\bmore than one (?:parent|family)\b|\bstudent story\b|\bnot\b[^.;]{0,40}\b(?:on|via|through|over|using)[ \u00a0]{1,3}(?:class ?dojo|dojo)\b/i;
  // Or the kinds of matter named in a list, kept off a shared space or kept private: "Medical, SEN or
  // behaviour matters will only be discussed in a private message", "information about a child's health,
  // SEN or family circumstances must not be shared on Class Story".
  // (A literal, not built from parts: the regex sweep, tests/unit/text/regex-sweep.test.ts, reads literals.)
  const KINDS = /\b(?:medical|health|SEND?|special (?:educational )?needs|behaviou?r(?:al)?(?: incidents?)?|family circumstances|home life|home circumstances|family life|safeguarding|welfare|attendance|diagnos[ie]s|medication|medical needs|learning needs|personal)\b[^.;]{0,30}\b(?:or|and)\s+(?:a |an )?(?:medical|health|SEND?|special (?:educational )?needs|behaviou?r(?:al)?(?: incidents?)?|family circumstances|home life|home circumstances|family life|safeguarding|welfare|attendance|diagnos[ie]s|medication|medical needs|learning needs|personal|family)\b|\b(?:medical|health|SEND?|special (?:educational )?needs|behaviou?r(?:al)?(?: incidents?)?|family circumstances|home life|home circumstances|family life|safeguarding|welfare|attendance|diagnos[ie]s|medication|medical needs|learning needs|personal)\s+(?:matters|information|issues|concerns|details|needs)\b/i;
  // "…must not be discussed on ClassDojo", "no information about a child's needs, health or behaviour will be posted on Class Story".
  const KEPT = /\bunder no circumstances\b|\b(?:must|should|will|may) (?:not|never) be (?:posted|shared|put|included|mentioned|discussed)\b|\bno (?:information|details)\b[^.;]{0,100}\b(?:posted|shared|put|included)\b|\b(?:not|never|no|nothing)\b[^.;]{0,60}\b(?:class (?:story|chat|page)|school story|shared|posted|share|post|public)|\b(?:only|always)\b[^.;]{0,60}\bprivate(?:ly)?\b|\bprivate(?:ly)?\b[^.;]{0,30}\bonly\b|\bdiscussed privately\b/i;
  const listed = find(KINDS).filter((s) => KEPT.test(s.text) && WHERE.test(s.text) || (KEPT.test(s.text) && /\bprivate(?:ly)?\b/i.test(s.text)));
  const sensitive = dedupe([...find(SENSITIVE).filter((s) => WHERE.test(s.text) && !/\bsocial media\b/i.test(s.text)), ...listed.filter((s) => !/\bsocial media\b/i.test(s.text))]).sort((a, b) => a.index - b.index);
  if (sensitive.length) {
    const text = sensitive.map((s) => s.text).join(' ');
    const named = channelsNamed(text);
    // "not … via the class page or the messaging service": messages are checked too.
    // Or not on ClassDojo at all ("must not be discussed on ClassDojo; staff should telephone the parent"),
    // unless the document sends them to private messages instead.
    const alsoMessages = /\bnot\b[^.]*\b(?:or|and) (?:the )?(?:messaging service|private messages?|messages)\b/i.test(text) || (/\bnot\b[^.;]{0,40}\b(?:on|via|through|over|using)[ \u00a0]{1,3}(?:class ?dojo|dojo)\b/i.test(text) && !/\bprivate(?:ly)?\b/i.test(text));
    const channels = alsoMessages ? [...WRITING_CHANNELS] : [...new Set<Channel>([...SHARED_CHANNELS.slice(0, 2), ...(named.includes('student-story') ? ['student-story' as Channel] : []), 'class-chat'])];
    p.rules['sensitive-content'] = found({ action: 'confirm', categories: [...SENSITIVE_CATEGORIES], channels }, sensitive, alsoMessages ? 'Not on the class page, and not in messages either.' : 'Sensitive and personal matters belong in private messages only.');
  }

  // Out of hours follows the sending hours.
  if (p.staffHours.origin === 'document') {
    p.rules['out-of-hours'] = { value: { action: 'confirm', channels: [...WRITING_CHANNELS] }, origin: 'document', quotes: p.staffHours.quotes.map((q) => ({ ...q })), note: 'Checks sending outside the staff hours the document states.', noteId: 'outOfHoursDocument' };
  }

  // Points never taken away.
  // "Negative points are not used", "We never give negative points".
  const points = find(/\bnegative (?:dojo |class ?dojo )?points\b[^.]{0,30}\b(?:are|is|will be|should be|must be) (?:not|never) (?:used|given|awarded|issued)\b|\b(?:do not|don['’]t|never|will not|won['’]t|does not|doesn['’]t) (?:use|give|award|issue) (?:any )?negative (?:dojo |class ?dojo )?points\b|\bpoints?\b[^.]{0,40}\b(?:(?:will|are|should|must|can) (?:not|never) be (?:taken away|removed|deducted|lost)|(?:not|never) (?:taken away|removed|deducted))|\b(?:not|never|no)\b[^.]{0,20}\b(?:take|taking|remove|removing|deduct|deducting)\b[^.]{0,20}\bpoints?\b[^.]{0,10}\baway\b|\bno negative points\b|\b(?:not|never)\b[^.]{0,20}\b(?:remove|removing|deduct|deducting|take away|taking away|subtract)\b[^.]{0,20}\bpoints?\b|\bonly (?:ever )?(?:award|give|positive) (?:positive )?points\b|\bpoints?\b[^.]{0,40}\b(?:not|never)[ \u00a0]{1,3}(?:take|taking|remove|removing|deduct|deducting)[ \u00a0]{1,3}(?:them|it|any)\b|\b(?:ni|nid|byth)\b[^.]{0,30}\bdynnu\b[^.]{0,20}\b[bp]wyntiau\b/i);
  // An FAQ: "Will you take away Dojo points?" answered "No." or "…we never take them away".
  for (const s of sentences) {
    if (points.includes(s) || !s.question || !/\b(?:take (?:away|off)|taking (?:away|off)|remove|deduct|lose|negative)\b[^?]{0,30}\bpoints?\b|\bpoints?\b[^?]{0,30}\b(?:taken (?:away|off)|removed|deducted)\b/i.test(s.question.text)) continue;
    if (/^\W{0,3}(?:A[:.)]\s{0,3})?(?:No|Never)\b/i.test(s.text) || /\b(?:not|never)\b[^.]{0,30}\b(?:take|taking|remove|removing|deduct|deducting)\b/i.test(s.text)) points.push(s.question, s);
    break;
  }
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
  // A Welsh-medium or bilingual school: its name or its words say so, or its sentences are in Welsh (a Welsh
  // policy need not say "Ysgol"). The policy then has its replies in Welsh too (build.ts).
  const welshWords = new Set(Array.from(text.slice(0, 200_000).matchAll(WELSH_WORD), (m) => m[0].toLowerCase()));
  if (/\b(ysgol|cymraeg|gynradd|bilingual|dwyieithog|welsh language)\b/i.test(text) || welshWords.size >= 3) p.languages = ['eng', 'cym'];
}

// ---- the whole -----------------------------------------------------------------------------------------

/**
 * What a ClassDojo or communication policy mentions at least once: ClassDojo, messages, communication, the
 * Class Story, e-mail (Welsh: neges, cyfathrebu), or what its clauses are about (safeguarding, the DSL,
 * absence, attendance, consent). A document with none of them, from which only people were read, is about
 * something else (see proposeFromText).
 */
const ON_TOPIC = /\b(?:class ?dojo|dojo|messag\w*|communicat\w*|class stor(?:y|ies)|e-?mails?|neges\w*|cyfathreb\w*|safeguarding|DSLs?|absences?|attendance|consent)\b/i;
/** Sentences from which a text is a whole document (a policy of its own), not a clause or two pasted. */
const MIN_WHOLE_DOCUMENT = 5;
/** What only a ClassDojo or communication policy speaks of: ClassDojo, messages, communication, the Class Story (Welsh: neges, cyfathrebu). */
const COMMUNICATION = /\b(?:class ?dojo|dojo|messag\w*|communicat\w*|class stor(?:y|ies)|neges\w*|cyfathreb\w*)\b/i;

/**
 * A proposed policy from a policy document's plain text (see the module comment). Throws nothing for any
 * string; an empty or unrelated text gives the blank proposal (every item at its recommended default).
 */
export function proposeFromText(text: string, options: ExtractOptions = {}): Proposal {
  const file = options.file?.trim() || 'policy.txt';
  const p = blankProposal(file, options.name?.trim() || undefined);
  const sentences = sentencesOf(text);
  // Line breaks inside a sentence are read as spaces; quotes keep them (a quote is the whole sentence as
  // written, ORIGINAL). A word a PDF hyphenated across the break ("Attend-⏎ance Officer") is read whole
  // ("Attendance Officer"); the characters taken out are put back as spaces at the sentence's end, so it
  // keeps its length.
  // Markdown's bold ("is **Mrs Amira Haddad**.") is read without its asterisks, the same way.
  // What was taken out of each such sentence (offsets in the sentence as written): a quote cut from part of
  // one (a table cell, a line) is put back into the document's own words at the end (`asWritten`).
  const cuts = new Map<Sentence, [number, number][]>();
  for (const s of sentences) {
    if (!/[\r\n]|\*\*|__/.test(s.text)) continue;
    ORIGINAL.set(s, s.text);
    const taken: [number, number][] = [];
    // An email address broken after a dot ("senco@ashbyfields.⏎sch.uk") is read whole too.
    for (const m of s.text.matchAll(/(\p{L})-[ \t]*\n[ \t]*(?=\p{Ll})|(@[\w-]{1,60}(?:\.[\w-]{1,60}){0,4}\.)[ \t]*\n[ \t]*(?=[a-z]{2})|\*\*|__/gu)) {
      const from = m.index + (m[1]?.length ?? m[2]?.length ?? 0);
      taken.push([from, m.index + m[0].length]);
    }
    // A PDF's page break inside the sentence (its footer and the next page's header): read as one space.
    for (const [a, b] of s.pageBreaks ?? []) taken.push([a - s.start, b - s.start]);
    taken.sort((x, y) => x[0] - y[0]);
    let joined = '';
    let at = 0;
    for (const [from, to] of taken) {
      joined += s.text.slice(at, from);
      at = to;
    }
    joined += s.text.slice(at);
    if (taken.length) cuts.set(s, taken);
    s.text = `${joined}${' '.repeat(s.text.length - joined.length)}`.replace(/[\r\n]/g, ' ');
  }
  const title = findTitle(text);
  if (title) p.title = title;
  const trust = findTrust(text);
  if (!options.name?.trim() && trust) {
    // A trust's policy for all its schools is the trust's: not the first school it lists.
    p.name = {
      value: trust.name,
      origin: 'document',
      quotes: dedupeQuotes([lineQuote(text, sentences, trust.at), lineQuote(text, sentences, trust.wide)]),
      note: `A policy for all the schools of ${trust.name}: named after the trust. A school setting it up for itself can enter its own name.`,
      noteId: 'trustName',
      noteData: { trust: trust.name },
    };
    Object.assign(p.name, { check: p.name.note, checkId: p.name.noteId, checkData: p.name.noteData });
    if (!title) p.title = `${trust.name} ClassDojo policy`;
  } else if (!options.name?.trim()) {
    const name = findName(text);
    if (name) {
      p.name = { value: name.name, origin: 'document', quotes: [lineQuote(text, sentences, name.at)] };
      if (!title) p.title = `${name.name} ClassDojo policy`;
    }
  }
  extractHours(sentences, text, p);
  extractTermTime(sentences, p);
  extractResponseTime(sentences, p);
  extractRoutes(sentences, p, !!trust);
  extractRules(sentences, p);
  extractOther(text, sentences, p);
  // A document about something else (a uniform policy naming who helps with its cost) is not read: it
  // never says what a communication policy says, and all that was found in it is people no query goes to.
  // Read as settings they would look like the school's own (its "office contact").
  // So is a safeguarding or child-protection policy: its DSL and deputies are read, and where disclosures go,
  // but it never speaks of ClassDojo, messages or communication, and a proposal of defaults around them
  // would pass for the school's ClassDojo policy.
  const read = proposalItems(p).filter((i) => i.key !== 'name' && i.item.origin === 'document');
  // (Nothing read at all is said as such: settingsRead is 0.)
  // (A sentence or two naming the DSL is read as it stands: a whole document is what can be about something else.)
  const peopleOnly = read.every((i) => i.key.startsWith('contacts.'));
  const safeguardingOnly = read.every((i) => i.key.startsWith('contacts.') || i.key === 'routes.safeguarding');
  if (read.length && ((peopleOnly && !ON_TOPIC.test(text)) || (safeguardingOnly && sentences.length >= MIN_WHOLE_DOCUMENT && !COMMUNICATION.test(text)))) {
    const off: Proposal = { ...blankProposal(file, options.name?.trim() || undefined), name: p.name, title: p.title, offTopic: true };
    dropStaleNote(off.name);
    return off;
  }
  if (cuts.size) for (const { item } of proposalItems(p)) item.quotes = asWritten(item.quotes, text, cuts);
  // A default's note the reader replaced or added to is its own now: worded as written, not as the default.
  for (const { item } of proposalItems(p)) dropStaleNote(item);
  // A note or check in Policy Guard's own words, written where it was read, gets its id (own-notes.ts).
  for (const { item } of proposalItems(p)) identifyOwn(item);
  return p;
}

/**
 * Quotes cut from a sentence read without its bold marks or line-break hyphens, as the document has them:
 * each offset in the sentence as read is moved past what was taken out before it, and the quote is the
 * document's text between the two. A quote that was only the padding at the sentence's end is dropped.
 * Quotes already verbatim are kept as they are (every quote is `text.slice(at, at + quote.length)`).
 */
function asWritten(quotes: Quote[], text: string, cuts: ReadonlyMap<Sentence, [number, number][]>): Quote[] {
  const out: Quote[] = [];
  for (const q of quotes) {
    if (text.startsWith(q.quote, q.at)) {
      out.push(q);
      continue;
    }
    let moved: Quote | undefined;
    for (const [s, taken] of cuts) {
      if (q.at < s.start || q.at >= s.end) continue;
      const original = (offset: number) => {
        let o = offset;
        for (const [from, to] of taken) if (from <= o) o += to - from;
        return Math.min(o, s.end - s.start);
      };
      const from = s.start + original(q.at - s.start);
      const to = s.start + original(q.at + q.quote.length - s.start);
      const quote = text.slice(from, to);
      if (quote.trim()) moved = { ...q, quote, at: from };
      break;
    }
    if (moved) out.push(moved);
  }
  return out;
}
