/**
 * Times, time ranges and day ranges as schools write them: "8.30 - 4.30pm", "8:30am until 4pm",
 * "between 8am and 5pm", "half past eight", "08:30–16:00", "Monday to Friday", "weekdays", "Mon–Fri".
 * Pure. Minutes are minutes after midnight (0–1439); offsets are into the string given.
 */
import { WEEKDAYS, type Weekday } from '../vocab';

const WORD_NUMBERS: Record<string, number> = {
  one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10, eleven: 11, twelve: 12,
};

interface TimeToken {
  h: number;
  m: number;
  /** 'am' / 'pm' when written (or implied by "in the morning", "noon"); '24' for "16:00" or "0830". */
  mer?: 'am' | 'pm' | '24';
  /** Written with minutes, am/pm, o'clock or in words ("half past"): clearly a time, not any number. */
  clear: boolean;
}

/**
 * A time range. Written out as one literal (the regex sweep checks every literal in lib/), built from:
 * TIME = optional "half|quarter past|to", then digits ("8", "8.30", "08:30", "0830") or a word ("noon",
 * "eight"), then optional "am", "p.m.", "o'clock", "hrs" or Welsh "yb", "yp" ("8:45yb-3:30yp"), then optional "in the morning|afternoon|evening";
 * RANGE = optional "between (the hours of)|from", TIME, a joiner ("-", "–", "to", "until", "till", "and"), TIME.
 */
const RANGE = /(?<![\w.:£$])(between\s+(?:the\s+hours\s+of\s+)?|from\s+)?((?:(?:half|quarter)\s+(?:past|to)\s+)?(?:\d{1,2}(?:[:.]\d{2})?|\d{4}|noon|midday|midnight|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s*(?:a\.?m\.?|p\.?m\.?|o['’]?\s?clock|hrs|h(?=\b)|y\.?[bph]\.?(?![a-z])))?(?:\s+in\s+the\s+(?:morning|afternoon|evening))?)(\s*(?:-|–|—|‐|to|until|till|til|’til|through|and)\s*)((?:(?:half|quarter)\s+(?:past|to)\s+)?(?:\d{1,2}(?:[:.]\d{2})?|\d{4}|noon|midday|midnight|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s*(?:a\.?m\.?|p\.?m\.?|o['’]?\s?clock|hrs|h(?=\b)|y\.?[bph]\.?(?![a-z])))?(?:\s+in\s+the\s+(?:morning|afternoon|evening))?)(?![\w:£%])/gi;

/** A time's ending after its digits: "am", "p.m.", "o'clock", "hrs"; Welsh "yb" (y bore), "yp" (y prynhawn), "yh" (yr hwyr). */
const SUFFIX = /(?<=\d|[a-z]) ?(a\.?m\.?|p\.?m\.?|o['’]? ?clock|o['’]r ?gloch|hrs|h|y\.?[bph]\.?)$/;

export function parseTime(raw: string): TimeToken | undefined {
  let s = raw.toLowerCase().replace(/\s+/g, ' ').trim();
  let mer: TimeToken['mer'];
  let clear = false;
  // s has single spaces: each ending is matched from a fixed place, never after a run of spaces.
  // Welsh too: "yn y bore" / "y bore" (in the morning), "y prynhawn" (afternoon), "yr hwyr", "y nos" (evening); the longer first.
  for (const [part, pm] of [[' in the morning', 'am'], [' in the afternoon', 'pm'], [' in the evening', 'pm'], [' yn y bore', 'am'], [' y bore', 'am'], [' yn y prynhawn', 'pm'], [' y prynhawn', 'pm'], [' yn yr hwyr', 'pm'], [' yr hwyr', 'pm'], [' y nos', 'pm']] as const) {
    if (s.endsWith(part)) {
      mer = pm;
      clear = true;
      s = s.slice(0, -part.length);
    }
  }
  const suffix = SUFFIX.exec(s);
  if (suffix) {
    const x = suffix[1]!;
    if (x.startsWith('a') || x === 'yb' || x === 'y.b.') mer = 'am';
    else if (x.startsWith('p') || x.startsWith('y')) mer = 'pm';
    else if (x === 'hrs' || x === 'h') mer = '24';
    clear = true;
    s = s.slice(0, suffix.index).trim();
  }
  let offset = 0;
  const phrase = /^(half|quarter) (past|to) /.exec(s);
  if (phrase) {
    offset = phrase[1] === 'half' ? 30 : phrase[2] === 'past' ? 15 : -15;
    clear = true;
    s = s.slice(phrase[0].length);
  }
  let h: number;
  let m = 0;
  if (s === 'noon' || s === 'midday') return { h: 12, m: 0, mer: 'pm', clear: true };
  if (s === 'midnight') return { h: 0, m: 0, mer: '24', clear: true };
  if (WORD_NUMBERS[s] !== undefined) h = WORD_NUMBERS[s]!;
  else if (/^\d{4}$/.test(s)) {
    h = Number(s.slice(0, 2));
    m = Number(s.slice(2));
    mer = '24';
    clear = true;
  } else {
    const mm = /^(\d{1,2})(?:[:.](\d{2}))?$/.exec(s);
    if (!mm) return undefined;
    h = Number(mm[1]);
    if (mm[2] !== undefined) {
      m = Number(mm[2]);
      clear = true;
    }
    if (h > 12 || (mm[1]!.length === 2 && mm[1]!.startsWith('0') && mm[2] !== undefined)) mer = mer ?? '24';
  }
  if (offset) {
    m += offset;
    if (m < 0) {
      m += 60;
      h -= 1;
    }
  }
  if (h > 23 || m > 59 || (mer && mer !== '24' && (h > 12 || h === 0))) return undefined;
  return { h, m, mer, clear };
}

function to24(t: TimeToken, mer: 'am' | 'pm' | '24'): number {
  if (mer === '24') return t.h * 60 + t.m;
  const h = mer === 'am' ? t.h % 12 : (t.h % 12) + 12;
  return h * 60 + t.m;
}

/**
 * A range's start and end in minutes, with am/pm filled in as people mean them: "8-5.30pm" is 08:00–17:30,
 * "1-3pm" is 13:00–15:00, "8am-5" is 08:00–17:00. Undefined when it cannot be a time of day range.
 */
export function resolveRange(a: TimeToken, b: TimeToken): [number, number] | undefined {
  const raw = (t: TimeToken) => (t.h % 12) * 60 + t.m;
  let start: number;
  let end: number;
  if (a.mer && b.mer) {
    start = to24(a, a.mer);
    end = to24(b, b.mer);
  } else if (b.mer) {
    end = to24(b, b.mer);
    if (b.mer === '24') start = a.h <= 12 && a.h * 60 + a.m >= end ? to24(a, 'am') : to24(a, a.h < 12 && a.h + 12 <= b.h && (a.h + 12) * 60 + a.m < end && end - (a.h + 12) * 60 < 12 * 60 && a.h < 6 ? 'pm' : '24');
    else if (b.mer === 'pm' && a.h !== 12 && raw(a) < raw(b)) start = to24(a, 'pm');
    else start = to24(a, 'am');
  } else if (a.mer) {
    start = to24(a, a.mer);
    if (a.mer === '24') end = b.h < a.h && b.h <= 12 ? to24(b, 'pm') : to24(b, '24');
    else if (a.mer === 'pm') end = to24(b, 'pm');
    else end = raw(b) <= raw(a) || b.h === 12 ? to24(b, 'pm') : to24(b, 'am');
  } else {
    // Neither says am or pm: a school day's hours ("8-5", "8.30 - 4.30").
    if (a.h >= 6 && a.h <= 11 && b.h >= 1 && b.h <= 9) {
      start = a.h * 60 + a.m;
      end = (b.h + 12) * 60 + b.m;
    } else if (a.h >= 6 && a.h <= 11 && b.h === 12) {
      start = a.h * 60 + a.m;
      end = 12 * 60 + b.m;
    } else if ((a.clear || b.clear) && ((a.h >= 1 && a.h <= 5 && b.h > a.h && b.h <= 11) || (a.h === 12 && b.h >= 1 && b.h <= 9))) {
      // Written as times (one at least) but neither says am or pm, starting in the afternoon as nobody's morning does:
      // "from half past three until five o'clock" is 15:30–17:00, "twelve until two o'clock" 12:00–14:00.
      start = to24(a, 'pm');
      end = to24(b, 'pm');
    } else return undefined;
  }
  if (end <= start || start < 0 || end > 24 * 60) return undefined;
  return [start, end];
}

export interface TimeRange {
  start: number;
  end: number;
  /** Offsets of the whole phrase in the string searched. */
  from: number;
  to: number;
  phrase: string;
}

/** "before TIME … after TIME" (TIME as in RANGE), within a clause. */
const AROUND = /\b(?:before|earlier than)\s+((?:(?:half|quarter)\s+(?:past|to)\s+)?(?:\d{1,2}(?:[:.]\d{2})?|\d{4}|noon|midday|midnight|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s*(?:a\.?m\.?|p\.?m\.?|o['’]?\s?clock|hrs|h(?=\b)))?(?:\s+in\s+the\s+(?:morning|afternoon|evening))?)\b[^.]{0,40}?\b(?:after|later than)\s+((?:(?:half|quarter)\s+(?:past|to)\s+)?(?:\d{1,2}(?:[:.]\d{2})?|\d{4}|noon|midday|midnight|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)(?:\s*(?:a\.?m\.?|p\.?m\.?|o['’]?\s?clock|hrs|h(?=\b)))?(?:\s+in\s+the\s+(?:morning|afternoon|evening))?)/gi;

/** A day's name (or short name) just before bare numbers: "Mon-Thurs 8-5", "Fri 8-3", "Fridays: 8-3". */
const DAY_BEFORE = /\b(?:mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)(?:day)?s?\.?:?\s{0,3}$/i;

/** Every time range in a text: "8.30 - 4.30pm", "between 8am and 5pm", "from half past eight until four". */
export function findTimeRanges(text: string): TimeRange[] {
  const out: TimeRange[] = [];
  RANGE.lastIndex = 0;
  for (let m = RANGE.exec(text); m; m = RANGE.exec(text)) {
    const [whole, lead, first, sep, second] = m as unknown as [string, string | undefined, string, string, string];
    const joiner = sep.trim().toLowerCase();
    // "and" joins a range only after "between"; "8 and 9 year olds" is not a time.
    if (joiner === 'and' && !lead?.toLowerCase().startsWith('between')) {
      RANGE.lastIndex = m.index + 1;
      continue;
    }
    const a = parseTime(first);
    const b = parseTime(second);
    if (!a || !b) {
      RANGE.lastIndex = m.index + 1;
      continue;
    }
    // Bare numbers ("8-5", "Year 1 to 6") count only where hours are clearly meant.
    const before = text.slice(Math.max(0, m.index - 25), m.index).toLowerCase();
    const after = text.slice(m.index + whole.length, m.index + whole.length + 12).toLowerCase();
    if (!a.clear && !b.clear) {
      // Or straight after a day or a day range ("Mon-Thurs 8-5, Fri 8-3", "Fridays 8-3"): a day's hours.
      if (!(lead || /\b(hours?|from|times?|between|open|day)\b[^.]*$/.test(before) || DAY_BEFORE.test(before))) continue;
      if (/^\s*(days?|weeks?|years?|months?|minutes?|mins?|children|pupils|adults|times|working|school|%|per|year|hours?)\b/.test(after)) continue;
    }
    if (/^\s*(days?|weeks?|years?|months?|minutes?|mins?|working days|school days)\b/.test(after)) continue;
    const range = resolveRange(a, b);
    if (!range) continue;
    out.push({ start: range[0], end: range[1], from: m.index, to: m.index + whole.length, phrase: whole });
  }
  // "not before 7.30am or after 6pm": the window between the two.
  AROUND.lastIndex = 0;
  for (let m = AROUND.exec(text); m; m = AROUND.exec(text)) {
    const a = parseTime(m[1]!);
    const b = parseTime(m[2]!);
    if (!a || !b || !(a.clear || b.clear)) continue;
    // Only as a limit ("not before 7.30am or after 6pm"): "check at least twice a day, before 8.45am and
    // after 3.15pm" names two times, not a window.
    if (!NEGATION.test(clauseBefore(text, m.index))) continue;
    const range = resolveRange(a, b);
    if (range && !out.some((r) => r.from < m!.index + m![0].length && m!.index < r.to)) {
      out.push({ start: range[0], end: range[1], from: m.index, to: m.index + m[0].length, phrase: m[0] });
    }
  }
  // Welsh: "rhwng 8.45yb a 4.00yp" (between … and …), "o 8yb i 4yp" (from … to …).
  WELSH_RANGE.lastIndex = 0;
  for (let m = WELSH_RANGE.exec(text); m; m = WELSH_RANGE.exec(text)) {
    const [, lead, first, joiner, second] = m as unknown as [string, string | undefined, string, string, string];
    // Without "rhwng" (between), "a" (and) joins two times, not a range; without "rhwng" or "o" (from), both must be Welsh times.
    if (/^ac?$/i.test(joiner) && lead?.toLowerCase() !== 'rhwng') continue;
    if (!lead && !(WELSH_TIME_WORD.test(first) && WELSH_TIME_WORD.test(second))) continue;
    const a = parseTime(first);
    const b = parseTime(second);
    if (!a || !b || !(a.clear || b.clear)) continue;
    const range = resolveRange(a, b);
    if (range && !out.some((r) => r.from < m!.index + m![0].length && m!.index < r.to)) {
      out.push({ start: range[0], end: range[1], from: m.index, to: m.index + m[0].length, phrase: m[0] });
    }
  }
  return out.sort((x, y) => x.from - y.from);
}

/**
 * Time ranges findTimeRanges could not turn into hours: two times joined by "to", "until", "-"… with at least
 * one clearly a time (minutes, am/pm, o'clock or words such as "half past"), that run neither forwards as a
 * day-time range nor overnight with am/pm on both sides. The reader reports these in a note rather than
 * drop them silently. Offsets as in findTimeRanges.
 */
export function findUnreadRanges(text: string): TimeRange[] {
  const read = [...findTimeRanges(text), ...findOvernightRanges(text)];
  const out: TimeRange[] = [];
  RANGE.lastIndex = 0;
  for (let m = RANGE.exec(text); m; m = RANGE.exec(text)) {
    const [whole, lead, first, sep, second] = m as unknown as [string, string | undefined, string, string, string];
    const at = m.index;
    if (sep.trim().toLowerCase() === 'and' && !lead?.toLowerCase().startsWith('between')) {
      RANGE.lastIndex = at + 1;
      continue;
    }
    const a = parseTime(first);
    const b = parseTime(second);
    const after = text.slice(at + whole.length, at + whole.length + 14).toLowerCase();
    if (!a || !b || !(a.clear || b.clear) || /^\s*(days?|weeks?|years?|months?|minutes?|mins?|working|school|per|%)\b/.test(after)) continue;
    if (read.some((r) => r.from < at + whole.length && at < r.to)) continue;
    out.push({ start: -1, end: -1, from: at, to: at + whole.length, phrase: whole });
  }
  return out;
}

/**
 * Overnight ranges, each written with am/pm or on the 24-hour clock ("from 6pm until 7.30am", "18:00 to
 * 07:00"): what quiet hours are written as. Returned as the day-time window they leave (07:30–18:00), with
 * the phrase's offsets. findTimeRanges never returns these (a range must run forwards).
 */
export function findOvernightRanges(text: string): TimeRange[] {
  const out: TimeRange[] = [];
  RANGE.lastIndex = 0;
  for (let m = RANGE.exec(text); m; m = RANGE.exec(text)) {
    const a = parseTime(m[2]!);
    const b = parseTime(m[4]!);
    if (!a?.mer || !b?.mer || (m[3]!.trim().toLowerCase() === 'and' && !m[1]?.toLowerCase().startsWith('between'))) {
      RANGE.lastIndex = m.index + 1;
      continue;
    }
    const from = to24(a, a.mer);
    const until = to24(b, b.mer);
    // Evening to morning only: the day-time window between them must be a plausible school day.
    if (until < from && until >= 5 * 60 && until <= 10 * 60 && from >= 15 * 60) out.push({ start: until, end: from, from: m.index, to: m.index + m[0].length, phrase: m[0] });
  }
  return out;
}

/**
 * Welsh time ranges: optional "rhwng|o", TIME, "a|ac|i|hyd at|hyd|tan|-|–", TIME. TIME is digits with an optional
 * "yb" (a.m.), "yp"/"yh" (p.m.), "y.b.", "o'r gloch" (o'clock), and "y bore" (in the morning), "y prynhawn" (in the
 * afternoon), "yr hwyr"/"y nos" (in the evening), each part bounded. Written out as one literal for the regex sweep;
 * which matches are ranges is decided in findTimeRanges (without "rhwng|o" both times must say they are times, and
 * "a" joins a range only after "rhwng": "9:15yb a 3:30yh" alone names two times).
 */
const WELSH_RANGE = /(?<![\p{L}\d.:])(?:(rhwng|o)[ \u00a0]{1,3})?(\d{1,2}(?:[:.]\d{2})?(?:[ \u00a0]?y\.?[bph]\.?(?![\p{L}])|[ \u00a0]o['’]r[ \u00a0]gloch)?(?:[ \u00a0](?:yn[ \u00a0])?(?:y[ \u00a0]bore|y[ \u00a0]prynhawn|yr[ \u00a0]hwyr|y[ \u00a0]nos))?)[ \u00a0]{0,3}(a|ac|i|hyd[ \u00a0]at|hyd|tan|[-–—])[ \u00a0]{0,3}(\d{1,2}(?:[:.]\d{2})?(?:[ \u00a0]?y\.?[bph]\.?(?![\p{L}])|[ \u00a0]o['’]r[ \u00a0]gloch)?(?:[ \u00a0](?:yn[ \u00a0])?(?:y[ \u00a0]bore|y[ \u00a0]prynhawn|yr[ \u00a0]hwyr|y[ \u00a0]nos))?)(?![\p{L}\d:])/giu;
/** A Welsh time's own ending: "yb", "y.h.", "o'r gloch", "y bore"… (not bare digits). */
const WELSH_TIME_WORD = /(?:\d[ \u00a0]?y\.?[bph]\.?|o['’]r[ \u00a0]gloch|y[ \u00a0]bore|y[ \u00a0]prynhawn|yr[ \u00a0]hwyr|y[ \u00a0]nos)$/i;

export interface TimeLimit {
  /** "before": the hours start here ("do not message before 8am"); "after": they end here ("not after 5pm"). */
  kind: 'before' | 'after';
  minutes: number;
  from: number;
  to: number;
}

/** "before|after|earlier than|later than" and a time that says am/pm or is on the 24-hour clock. */
/** Welsh too: "cyn" (before), "ar ôl"/"wedi" (after), with "yb"/"yh" ("Ni fydd staff yn anfon negeseuon cyn 8yb nac ar ôl 6yh"). */
/**
 * And the time of day in words: "o'clock" / Welsh "o'r gloch", then "in the morning|afternoon|evening" / "(yn) y bore",
 * "y prynhawn", "yr hwyr", "y nos" ("cyn 8 o'r gloch y bore nac ar ôl 5 o'r gloch yr hwyr"); each part once, bounded.
 */
const LIMIT = /\b(before|after|earlier than|later than|cyn|ar[ \u00a0]ôl|wedi)[ \u00a0]{1,3}(\d{1,2}(?:[:.]\d{2})?(?: ?(?:a\.?m\.?|p\.?m\.?|y\.?[bph]\.?)|[ \u00a0]o['’]?[ \u00a0]?clock|[ \u00a0]o['’]r[ \u00a0]gloch)?(?:[ \u00a0](?:in[ \u00a0]the[ \u00a0](?:morning|afternoon|evening)|(?:yn[ \u00a0])?(?:y[ \u00a0]bore|y[ \u00a0]prynhawn|yr[ \u00a0]hwyr|y[ \u00a0]nos)))?|noon|midday)(?![\w:])/gi;
/** Welsh's "not": "ni", "nid", "na", "nac", "peidiwch" (don't), "dim" (no). */
const WELSH_NEGATION = /\b(?:ni|nid|na|nac|peidiwch|dim)\b/i;
const NEGATION = /\b(?:not|never|no|don['’]t|won['’]t|cannot|can['’]t|shouldn['’]t|mustn['’]t)\b/i;

/**
 * Whether the "." at i ends a sentence: not the dot of a time ("8.30am", "4.30pm") or of "a.m. or"; one
 * followed by a space and then a capital, a digit or the end of the text, or by a line break.
 */
function fullStopAt(text: string, i: number): boolean {
  const next = text[i + 1];
  if (next === undefined || next === '\n') return true;
  if (next !== ' ' && next !== '\u00a0' && next !== '\t') return false;
  const after = text[i + 2];
  return after === undefined || !/[a-z]/.test(after);
}

/** The clause before `at`: back to the last full stop, semicolon, "!" or "?", at most `reach` characters. */
function clauseBefore(text: string, at: number, reach = 80): string {
  let a = Math.max(0, at - reach);
  for (let i = at - 1; i >= a; i--) {
    if ((text[i] === '.' && fullStopAt(text, i)) || text[i] === ';' || text[i] === '!' || text[i] === '?') {
      a = i + 1;
      break;
    }
  }
  return text.slice(a, at);
}

/**
 * An end written as how long staff will do it: "will check ClassDojo until 4.30 each day", "reply up to
 * 5pm". Not after a negation ("not until 9am" is a start). The time is clear (minutes or am/pm); one written
 * without am/pm and before 8 is the afternoon's ("until 4.30"). Only ends after noon. Offsets into text.
 */
export function findUntil(text: string): TimeLimit[] {
  const out: TimeLimit[] = [];
  UNTIL.lastIndex = 0;
  for (let m = UNTIL.exec(text); m; m = UNTIL.exec(text)) {
    const t = parseTime(m[1]!);
    if (!t?.clear) continue;
    const minutes = t.mer === 'am' || t.mer === 'pm' || t.mer === '24' ? to24(t, t.mer) : t.h >= 1 && t.h <= 7 ? to24(t, 'pm') : to24(t, '24');
    if (minutes <= 12 * 60 || NEGATION.test(clauseBefore(text, m.index))) continue;
    out.push({ kind: 'after', minutes, from: m.index, to: m.index + m[0].length });
  }
  return out;
}

const UNTIL = /\b(?:until|till|up to)[ \u00a0]{1,3}(\d{1,2}(?:[:.]\d{2})?(?: ?(?:a\.?m\.?|p\.?m\.?))?|noon|midday)(?![\w:])/gi;

/**
 * Limits written as what staff will not do: "will not check ClassDojo after 5pm", "please do not message
 * before 8am". Only a limit after a negation in the same clause, with a time that is unambiguous (am/pm
 * written, or 13:00 and later). Offsets into text; minutes after midnight.
 */
export function findTimeLimits(text: string): TimeLimit[] {
  const out: TimeLimit[] = [];
  LIMIT.lastIndex = 0;
  for (let m = LIMIT.exec(text); m; m = LIMIT.exec(text)) {
    const t = parseTime(m[2]!);
    if (!t) continue;
    let minutes: number;
    const kind = /^(?:before|earlier|cyn)/i.test(m[1]!) ? 'before' : 'after';
    if (t.mer === 'am' || t.mer === 'pm') minutes = to24(t, t.mer);
    else if (t.mer === '24' && t.h >= 13) minutes = to24(t, '24');
    // "not before 8 o'clock … nor after 6 o'clock" (o'clock, o'r gloch: a time, not any number): a school day's start
    // is the morning's, its end the afternoon's or evening's.
    else if (!t.mer && /o['’]?[ \u00a0]?clock|o['’]r[ \u00a0]gloch/i.test(m[2]!) && ((kind === 'before' && t.h >= 6 && t.h <= 11) || (kind === 'after' && t.h >= 1 && t.h <= 9))) minutes = to24(t, kind === 'before' ? 'am' : 'pm');
    else continue;
    const welsh = /^(?:cyn|ar|wedi)/i.test(m[1]!);
    if (!(welsh ? WELSH_NEGATION : NEGATION).test(clauseBefore(text, m.index))) continue;
    out.push({ kind, minutes, from: m.index, to: m.index + m[0].length });
  }
  return out;
}

// ---- days ---------------------------------------------------------------------------------------------

const DAY_NAMES: [RegExp, Weekday][] = [
  [/^mon(day)?s?$/i, 'mon'],
  [/^tue(s(day)?)?s?$/i, 'tue'],
  [/^wed(nesday)?s?$/i, 'wed'],
  [/^thu(r(s(day)?)?)?s?$/i, 'thu'],
  [/^fri(day)?s?$/i, 'fri'],
  [/^sat(urday)?s?$/i, 'sat'],
  [/^sun(day)?s?$/i, 'sun'],
];

function dayOf(word: string): Weekday | undefined {
  return DAY_NAMES.find(([re]) => re.test(word))?.[1];
}

// Full names in any case; short forms only with a capital ("Mon–Fri"), so "sat" and "sun" stay words.
// DAY = (Monday|…|Sunday)s? | Mon | Tues? | Wed | Thu(rs?)? | Fri | Sat | Sun, then an optional ".".
const DAY_RANGE = /\b((?:(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)s?|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?)\s*(?:-|–|—|‐|to|through|thru|until|till)\s*((?:(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)s?|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?)(?![a-z])/g;
const DAY_LIST = /\b(?:(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)s?|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?(?:\s*(?:,|and|&|or)\s*(?:(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)s?|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?)+(?![a-z])/g;
const ONE_DAY = /\b((?:(?:[Mm]onday|[Tt]uesday|[Ww]ednesday|[Tt]hursday|[Ff]riday|[Ss]aturday|[Ss]unday)s?|Mon|Tues?|Wed|Thu(?:rs?)?|Fri|Sat|Sun)\.?)(?![a-z])/g;
/** Welsh day ranges: "dydd Llun i ddydd Gwener" (Monday to Friday). */
const WELSH_DAY_RANGE = /\bdd?ydd[ \u00a0]{1,3}(Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul)[ \u00a0]{1,3}(?:i|hyd at|tan)[ \u00a0]{1,3}(?:dd?ydd[ \u00a0]{1,3})?(Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul)\b/gi;
/** One Welsh day: "ar ddydd Gwener" (on Friday), "dydd Llun", "ar ddyddiau Gwener" (on Fridays). */
const WELSH_ONE_DAY = /\bdd?ydd(?:iau)?[ \u00a0]{1,3}(Llun|Mawrth|Mercher|Iau|Gwener|Sadwrn|Sul)\b/gi;
const WELSH_DAYS: Record<string, Weekday> = { llun: 'mon', mawrth: 'tue', mercher: 'wed', iau: 'thu', gwener: 'fri', sadwrn: 'sat', sul: 'sun' };
const WEEKDAY_WORDS = /\b(week[- ]?days?|weekdays?|working days|school days|daily|each day|every day|seven days a week|7 days a week|weekends?)\b/gi;

export interface DaySpec {
  days: Weekday[];
  from: number;
  to: number;
  phrase: string;
  /** "daily" and the like: days read from a word, not named. */
  implied: boolean;
  /**
   * Days a negative sentence rules out ("will not send messages before 8am, after 5pm or at weekends",
   * "never at weekends", "nor on Saturdays"): days the hours are NOT on. A day range that qualifies a limit
   * ("not before 8am or after 5pm on weekdays", "…after 5pm, Monday to Friday") is not ruled out.
   */
  excluded: boolean;
}

/** Clause starts a negation can govern a day from: back to the last ".", ";", "!" or "?", at most this far. */
const EXCLUSION_REACH = 160;
/** Just after a time, with at most "on", "during" or "from" between: the days the limit applies on. */
const AFTER_TIME = /(?:\d|[ap]\.?m\.?|o['’]?clock|noon|midday|hrs)[ \u00a0,]{0,3}(?:(?:on|during|from|every|each)[ \u00a0]{1,3})?(?:the[ \u00a0]{1,3})?$/i;
/** Listed with the limits: "…, or at weekends", "nor at weekends", "or at any time at weekends", "and on Sundays". */
const LISTED = /(?:\b(?:or|nor|and)|,)[ \u00a0]{0,3}(?:(?:not|never|even)[ \u00a0]{1,3})?(?:(?:at|on)[ \u00a0]{1,3}any[ \u00a0]{1,3}time[ \u00a0]{1,3})?(?:(?:at|on|during|over|across)[ \u00a0]{1,3})?(?:the[ \u00a0]{1,3})?$/i;
/** Straight after the negation, a few words between: "never at weekends", "will not be checked at weekends", "do not message staff on Sundays". */
const NEGATED = /\b(?:not|never|nor|no|don['’]t|won['’]t|cannot|can['’]t|shouldn['’]t|mustn['’]t)(?:[ \u00a0]{1,3}(?!(?:and|but|only|except|then|so|which|if|when|until)\b)[a-z]{1,20}){0,4}[ \u00a0]{1,3}(?:at|on|during|over|across)[ \u00a0]{1,3}(?:the[ \u00a0]{1,3})?$/i;

/** Straight before a limit, no comma between: "will not reply on Fridays before 8am or after 3pm" limits Fridays. */
const BEFORE_LIMIT = /^[ \u00a0]{1,3}(?:before|after|earlier than|later than|outside|between|from|until|\d)/i;

/** Whether the days written at [at, to) are ruled out by a negation in their clause (see DaySpec.excluded). */
function excludedAt(text: string, at: number, to: number): boolean {
  const clause = clauseBefore(text, at, EXCLUSION_REACH);
  if (!NEGATION.test(clause) && !/\bnor\b/i.test(clause)) return false;
  if (BEFORE_LIMIT.test(text.slice(to, to + 20))) return false;
  // The tail is short: the patterns are anchored at its end, so each is tried on at most 80 characters.
  const tail = clause.slice(-80);
  if (AFTER_TIME.test(tail)) return false;
  return LISTED.test(tail) || NEGATED.test(tail);
}

function spanDays(a: Weekday, b: Weekday): Weekday[] {
  const i = WEEKDAYS.indexOf(a);
  const j = WEEKDAYS.indexOf(b);
  if (i <= j) return WEEKDAYS.slice(i, j + 1);
  return [...WEEKDAYS.slice(i), ...WEEKDAYS.slice(0, j + 1)];
}

/** Day ranges, lists and words ("weekdays", "daily": Monday to Friday, a school's days) in a text. */
export function findDaySpecs(text: string): DaySpec[] {
  const out: DaySpec[] = [];
  const taken = (a: number, b: number) => out.some((d) => d.from < b && a < d.to);
  DAY_RANGE.lastIndex = 0;
  for (let m = DAY_RANGE.exec(text); m; m = DAY_RANGE.exec(text)) {
    const a = dayOf(m[1]!.replace('.', ''));
    const b = dayOf(m[2]!.replace('.', ''));
    if (a && b) out.push({ days: spanDays(a, b), from: m.index, to: m.index + m[0].length, phrase: m[0], implied: false, excluded: false });
  }
  DAY_LIST.lastIndex = 0;
  for (let m = DAY_LIST.exec(text); m; m = DAY_LIST.exec(text)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const days = [...m[0].matchAll(ONE_DAY)].map((d) => dayOf(d[1]!.replace('.', ''))).filter((d): d is Weekday => !!d);
    out.push({ days: WEEKDAYS.filter((d) => days.includes(d)), from: m.index, to: m.index + m[0].length, phrase: m[0], implied: false, excluded: false });
  }
  ONE_DAY.lastIndex = 0;
  for (let m = ONE_DAY.exec(text); m; m = ONE_DAY.exec(text)) {
    if (taken(m.index, m.index + m[0].length)) continue;
    const d = dayOf(m[1]!.replace('.', ''));
    if (d) out.push({ days: [d], from: m.index, to: m.index + m[0].length, phrase: m[0], implied: false, excluded: false });
  }
  WELSH_DAY_RANGE.lastIndex = 0;
  for (let m = WELSH_DAY_RANGE.exec(text); m; m = WELSH_DAY_RANGE.exec(text)) {
    const a = WELSH_DAYS[m[1]!.toLowerCase()];
    const b = WELSH_DAYS[m[2]!.toLowerCase()];
    if (a && b && !taken(m.index, m.index + m[0].length)) out.push({ days: spanDays(a, b), from: m.index, to: m.index + m[0].length, phrase: m[0], implied: false, excluded: false });
  }
  WELSH_ONE_DAY.lastIndex = 0;
  for (let m = WELSH_ONE_DAY.exec(text); m; m = WELSH_ONE_DAY.exec(text)) {
    const d = WELSH_DAYS[m[1]!.toLowerCase()];
    if (d && !taken(m.index, m.index + m[0].length)) out.push({ days: [d], from: m.index, to: m.index + m[0].length, phrase: m[0], implied: false, excluded: false });
  }
  WEEKDAY_WORDS.lastIndex = 0;
  for (let m = WEEKDAY_WORDS.exec(text); m; m = WEEKDAY_WORDS.exec(text)) {
    const w = m[1]!.toLowerCase();
    const days: Weekday[] = /weekend/.test(w) ? ['sat', 'sun'] : /seven|7|every day/.test(w) ? [...WEEKDAYS] : ['mon', 'tue', 'wed', 'thu', 'fri'];
    out.push({ days, from: m.index, to: m.index + m[0].length, phrase: m[0], implied: /daily|each day/.test(w), excluded: false });
  }
  for (const d of out) d.excluded = excludedAt(text, d.from, d.to);
  return out.sort((x, y) => x.from - y.from);
}

export function hhmm(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}
