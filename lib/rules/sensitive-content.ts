/**
 * sensitive-content: private information about an individual child or family (health, SEN,
 * safeguarding, behaviour incidents, family circumstances, finances, looked-after status, contact
 * details) in a channel where the policy forbids it. A term alone is not enough: the sentence must be
 * about someone in particular. "Head lice are going round, please check hair" is a notice to all
 * families; "Amelia has head lice" is not.
 */
import type { SensitiveCategory } from '../policy/schema';
import type { Token } from '../text/tokens';
import { MAX_FINDINGS_PER_RULE, ruleChannels, type RuleModule } from './rule';
import { findTerms, type TermMatch } from './sensitive-terms';
import type { RawFinding } from './types';

const STAFF_TITLES = new Set(['mr', 'mrs', 'miss', 'ms', 'mx', 'dr', 'sir']);
const PRONOUNS = new Set(['he', 'she', 'his', 'her', 'him', 'hers', 'himself', 'herself']);
/**
 * Welsh "ei", "hi", "fe", "fo", "e": "his/her", "she", "he", but just as often "its" and "it" ("dewch â hi i'r
 * swyddfa", bring it to the office). Like "they", they carry a child named just before on, never stand alone.
 */
const WELSH_PRONOUNS = new Set(['ei', 'hi', 'fe', 'fo', 'e']);
/** Words that make "a child" or "one pupil" a particular child: "a child in our class has..."; not "if a child has a seizure". */
const ONE_CHILD = /(?<!\b(?:if|when|whenever|should|in case|what to do if)\s+)\b(a|one|this|that|another)\s+(child|pupil|boy|girl|student|learner)\b|\bone of (our|the) (children|pupils)\b|\b(plentyn|disgybl) (yn|o) ein dosbarth\b|\bun o'n (plant|disgyblion)\b/i;
/**
 * A particular child without a name: "your son" (in a message to one family, or about one child anywhere),
 * "my daughter", and in a private message "your child"; Welsh "eich mab", "eich merch", "eich plentyn".
 */
const PARTICULAR_CHILD = /\b(your|my) (son|daughter|boy|girl|little one)\b|\beich (mab|merch)\b|\b(fy) (mab|merch|mhlentyn)\b/i;
const YOUR_CHILD = /\b(your child|eich plentyn)\b/i;
/**
 * A child in general, whom a "he"/"she" in the same sentence refers back to: "Any child who has had sickness
 * must stay off until he is 48 hours clear", "If your child needs an inhaler, make sure she has it",
 * "Os oes angen meddyginiaeth ar eich plentyn, dewch â hi i'r swyddfa".
 */
const GENERIC_CHILD = /\b(if your child|your child|any child|every child|each child|all (children|pupils)|children who|a child who|eich plentyn|pob plentyn|unrhyw blentyn)\b/i;
/** A notice to everyone: "if your child...", "all families", "please check". */
const NOTICE = /\b(please|if your child|all (children|families|parents|pupils)|any child|every child|children who|everyone|please (check|make sure|remember|note)|reminder|going round|information (evening|session|about)|workshop|apply|applications?|eligible|eligibility|awareness|you can|os gwelwch yn dda|gwiriwch|eich plentyn|pob plentyn|atgoffa)\b/i;

/** Each sentence's text and whether it says "he"/"she" (not the generic "he or she"), built in one pass. */
interface SentenceFacts {
  pronoun: boolean;
  /** A member of staff by title ("Mrs Khan", "Mr Lund"): "she" and "he" here are about them, not a child. */
  staff: boolean;
  /** "they", "their", "them" (and Welsh "hi", "e"…): a child after a name ("Alex was brilliant. They have been..."), never alone. */
  they: boolean;
  /** "your", addressing a child just named ("Get well soon Zofia! Hope your arm heals"): carries the name on like "they", unless a notice or "if your child". */
  your?: boolean;
  /** Computed once per sentence, on first use: "a child in our class", and notice wording. */
  oneChild?: boolean;
  notice?: boolean;
  /** "your son", "my daughter"; in a message to one family, "your child" too. */
  particular?: boolean;
  /** "any child", "if your child": a "he"/"she" here may be that child in general. */
  generic?: boolean;
  /** The sentence's first and last word (at most 400 words on), for its text and its word keys. */
  from: number;
  to: number;
  text?: string;
  keys?: Set<string>;
}

/** Whether each sentence says "he"/"she" (not the generic "he or she"), and where it is, in one pass. */
function sentenceFacts(tokens: Token[]): Map<number, SentenceFacts> {
  const facts = new Map<number, SentenceFacts>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    let f = facts.get(t.sentence);
    if (!f) facts.set(t.sentence, (f = { pronoun: false, they: false, staff: false, from: i, to: i }));
    if (STAFF_TITLES.has(t.key) && tokens[i + 1]?.capitalised && tokens[i + 1]!.sentence === t.sentence) f.staff = true;
    // Bounded: the cues we look for are near the term, and a 100 KB "sentence" must not cost 100 KB a match.
    if (i - f.from < 400) f.to = i;
    // Welsh "fe" opening a clause is the affirmative particle ("fe allwch chi wneud cais"), not "he".
    const particle = t.key === 'fe' && (i === f.from || /[;:,]/.test(t.before));
    if (PRONOUNS.has(t.key) && tokens[i - 1]?.key !== 'or' && tokens[i + 1]?.key !== 'or') f.pronoun = true;
    else if (t.key === 'your') f.your = true;
    else if (t.key === 'they' || t.key === 'their' || t.key === 'them' || (WELSH_PRONOUNS.has(t.key) && !particle)) f.they = true;
  }
  return facts;
}

/** The sentence's words joined by spaces, made on first use: only sentences with a term are read. */
function sentenceText(tokens: Token[], sf: SentenceFacts): string {
  return (sf.text ??= tokens.slice(sf.from, sf.to + 1).map((t) => t.text).join(' '));
}

/** A mobile number, a personal email or a home address in a shared post. */
const MOBILE = /(?:\+44\s?7\d{3}|\(?07\d{3}\)?)[\s-]?\d{3}[\s-]?\d{3}\b/g;
/** An email's domain, from its "@": tried once at each "@" (see findEmails). */
const EMAIL_DOMAIN = /@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}\b/y;
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]? ?\d[A-Z]{2}\b/g;
const STREET = /\b\d{1,4}[a-z]? [A-Z][a-z]{2,20}(?: [A-Z][a-z]{2,20})? (?:Road|Street|Lane|Avenue|Close|Drive|Way|Crescent|Terrace|Gardens|Grove|Place|Court)\b/g;
/** School and public addresses are fine to share: the office's email, the council's. */
const INSTITUTIONAL_EMAIL = /@[\w.-]*\.(sch\.uk|gov\.uk|ac\.uk|nhs\.(uk|net)|org\.uk)$|@(office|admin|school|info)\b/i;

const isWordCode = (c: number) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95; // \w
const isLocalCode = (c: number) => isWordCode(c) || c === 46 || c === 43 || c === 45; // [\w.+-]

/**
 * Email addresses: exactly the matches, in order, of /\b[\w.+-]{1,64}@[\w-]{1,63}(?:\.[\w-]{1,63}){1,5}\b/g,
 * found from each "@" instead of from every position. That expression runs its 64-character local part
 * from every word boundary of the text (64 steps a character on 100 KB of "a.a.a."); here each "@" looks
 * back at most 64 characters for the leftmost start the expression would take, and its domain is matched
 * once, so the scan is linear.
 */
export function findEmails(text: string): { start: number; end: number }[] {
  return [...emailsIn(text)];
}

function* emailsIn(text: string): Generator<{ start: number; end: number }> {
  let pos = 0; // where a global scan would resume: the end of the last match
  for (let at = text.indexOf('@'); at >= 0; at = text.indexOf('@', Math.max(at + 1, pos))) {
    // The local part runs without a break up to the "@": its leftmost start at a word boundary.
    let from = at;
    while (from > pos && at - from < 64 && isLocalCode(text.charCodeAt(from - 1))) from--;
    let start = -1;
    for (let s = from; s < at; s++) {
      if ((s > 0 && isWordCode(text.charCodeAt(s - 1))) !== isWordCode(text.charCodeAt(s))) {
        start = s;
        break;
      }
    }
    if (start < 0) continue;
    EMAIL_DOMAIN.lastIndex = at;
    const m = EMAIL_DOMAIN.exec(text);
    if (!m) continue;
    yield { start, end: at + m[0].length };
    pos = at + m[0].length;
  }
}

/**
 * Contact details in order (mobiles, then emails, postcodes, streets), at most `limit` of them: the
 * checker keeps only the first MAX_FINDINGS_PER_RULE of a rule's findings, and 100 KB of "a@a." holds
 * 25,000 addresses that would each become a finding only to be dropped.
 */
type ContactHit = { start: number; end: number; what: string };

function contactDetails(text: string, knownContacts: Set<string>, limit: number): ContactHit[] {
  const found: ContactHit[] = [];
  scanContacts(found, text, limit, MOBILE, 'mobile-number', knownContacts);
  for (const { start, end } of emailsIn(text)) {
    if (found.length >= limit) break;
    const s = text.slice(start, end);
    if (!INSTITUTIONAL_EMAIL.test(s) && !knownContacts.has(s.toLowerCase())) found.push({ start, end, what: 'email-address' });
  }
  scanContacts(found, text, limit, POSTCODE, 'postcode');
  scanContacts(found, text, limit, STREET, 'street-address');
  return found;
}

/**
 * Adds `re`'s matches in `text` to `found` as `what`, up to `limit` in all; a number the school gave as a
 * contact of its own (`knownNumbers`, digits only) is not one. A function of the module, not a closure per
 * check (the CLI runs under tsx, which names every closure as it is made).
 */
function scanContacts(found: ContactHit[], text: string, limit: number, re: RegExp, what: string, knownNumbers?: Set<string>): void {
  re.lastIndex = 0;
  for (const m of text.matchAll(re)) {
    if (found.length >= limit) return;
    if (!knownNumbers?.has(m[0].replace(/\D/g, ''))) found.push({ start: m.index!, end: m.index! + m[0].length, what });
  }
}

/** A term's rank in its sentence: a specific term outranks an everyday one of the same category. */
function rankOf(m: TermMatch): number {
  return m.entry.strength === 'strong' ? 2 : m.entry.weak ? 0 : 1;
}

/** Whether [start, end) overlaps a name found in the text ("Ava Foster" is a name, not fostering). */
function inName(mentions: readonly { start: number; end: number }[], start: number, end: number): boolean {
  for (const m of mentions) if (start < m.end && m.start < end) return true;
  return false;
}

/** The policy's categories as a set, made once per policy's list (a check runs on every keystroke). */
const categorySets = new WeakMap<readonly string[], Set<string>>();
/** The school's own phone numbers (digits) and emails (lower case): not a pupil's family's contact details. */
function knownContactsOf(contacts: Record<string, { phone?: string; email?: string }>): Set<string> {
  const known = new Set<string>();
  for (const c of Object.values(contacts)) {
    if (c.phone) known.add(c.phone.replace(/\D/g, ''));
    if (c.email) known.add(c.email.toLowerCase());
  }
  return known;
}

/** Private information about an individual child or family where the policy forbids it. */
export const sensitiveContent: RuleModule = {
  meta: {
    id: 'sensitive-content',
    fixable: false,
    // The catalog key of each message (public/_locales/<lang>/messages.json), worded by lib/i18n/finding.ts.
    messages: {
      shared: 'f_sensitive_content_shared',
      private: 'f_sensitive_content_private',
      contact: 'f_sensitive_content_contact',
    },
  },
  appliesIn: (policy) => ruleChannels(policy, 'sensitive-content'),
  check(draft, { policy }, { tokens, mentions }) {
    const rule = policy.rules['sensitive-content'];
    let categories = categorySets.get(rule.categories) as Set<SensitiveCategory> | undefined;
    if (!categories) categorySets.set(rule.categories, (categories = new Set(rule.categories)));
    const messageId = policy.audiences[draft.channel] === 'private' ? 'private' : 'shared';
    const findings: RawFinding[] = [];
    const named = new Set(mentions.map((m) => m.sentence));
    const toOneFamily = policy.audiences[draft.channel] === 'private';
    const reported = new Set<string>();
    let facts: Map<number, SentenceFacts> | undefined;

    // In a sentence, a specific term outranks an everyday one of the same category ("really poorly with
    // tonsillitis" is about tonsillitis; "very poorly in hospital", about hospital).
    const terms = findTerms(tokens, categories);
    const bestIn = new Map<string, number>();
    for (const m of terms) {
      const key = `${tokens[m.from]!.sentence}:${m.entry.category}`;
      bestIn.set(key, Math.max(bestIn.get(key) ?? 0, rankOf(m)));
    }
    for (const match of terms) {
      if (rankOf(match) < bestIn.get(`${tokens[match.from]!.sentence}:${match.entry.category}`)!) continue;
      if (inName(mentions, match.start, match.end)) continue; // "Ava Foster" is a name, not fostering
      const s = tokens[match.from]!.sentence;
      if (reported.has(`${s}:${match.entry.category}`)) continue; // one finding per category per sentence
      facts ??= sentenceFacts(tokens);
      const sf = facts.get(s)!;
      if (match.entry.notWith) {
        const keys = (sf.keys ??= new Set(tokens.slice(sf.from, sf.to + 1).map((t) => t.key)));
        // A word of the sentence, or (for an entry with a digit or sign, "100%") its text as written.
        const written = (w: string) => /[^\p{L}\s'-]/u.test(w) && draft.text.slice(tokens[sf.from]!.start, tokens[sf.to]!.end).includes(w);
        if (match.entry.notWith.some((w) => keys.has(w) || written(w))) continue; // "100% attendance, well done Amelia!"
      }
      // "Mrs Khan broke her arm": with a member of staff named and no child, "her" is Mrs Khan. And with no
      // child named, "he"/"she" beside "any child" or "if your child" is that child in general.
      const hasPronoun = sf.pronoun && !(sf.staff && !named.has(s)) && !(!named.has(s) && (sf.generic ??= GENERIC_CHILD.test(sentenceText(tokens, sf))));
      // A child named in this sentence, or in the one before with "he"/"she" here ("...for Aisha. She has...");
      // "your son", "my daughter" (and "your child" to one family) name one child as surely.
      // A pronoun carries a name on for a sentence or two: "Well done Amelia. What a week! She has been...".
      const carried = hasPronoun || sf.they || (sf.your && !(sf.generic ??= GENERIC_CHILD.test(sentenceText(tokens, sf))) && !(sf.notice ??= NOTICE.test(sentenceText(tokens, sf))));
      // A sentence between the name and the pronoun that names someone else breaks the chain.
      const hasName =
        named.has(s) ||
        (carried && (named.has(s - 1) || (named.has(s - 2) && !named.has(s - 1)))) ||
        (sf.particular ??= PARTICULAR_CHILD.test(sentenceText(tokens, sf)) || (toOneFamily && YOUR_CHILD.test(sentenceText(tokens, sf)) && !/\bif your child\b/i.test(sentenceText(tokens, sf))));
      const hasPerson = hasName || hasPronoun || (sf.oneChild ??= ONE_CHILD.test(sentenceText(tokens, sf)));
      const individual = match.entry.strength === 'strong' ? hasPerson : hasName;
      // A notice to all families may mention "a child" without making it about one: only a name or
      // "he"/"she" does that.
      if (!individual || (!hasName && !hasPronoun && (sf.notice ??= NOTICE.test(sentenceText(tokens, sf))))) continue;
      reported.add(`${s}:${match.entry.category}`);
      const term = draft.text.slice(match.start, match.end);
      findings.push({
        start: match.start,
        end: match.end,
        messageId,
        // The label's catalog id (cat_<id>); a label the word list gives with no id, as written.
        data: { term, category: match.entry.category, labelId: match.entry.labelId ?? (match.entry.label ? '' : match.entry.category), ...(match.entry.label && !match.entry.labelId ? { label: match.entry.label } : {}) },
        category: match.entry.category,
      });
    }

    if (categories.has('contact-details')) {
      const known = knownContactsOf(policy.routing.contacts);
      for (const hit of contactDetails(draft.text, known, Math.max(0, MAX_FINDINGS_PER_RULE - findings.length))) {
        const term = draft.text.slice(hit.start, hit.end);
        findings.push({ start: hit.start, end: hit.end, messageId: 'contact', data: { what: hit.what, term, category: 'contact-details' }, category: 'contact-details' });
      }
    }
    return findings;
  },
};
