/**
 * A school's ClassDojo policy as data. Every check Policy Guard makes reads its settings from here, and
 * every setting says which clause of the school's written policy it comes from, so a warning can quote
 * the school's own words. See docs/policy-format.md for the format as a school's IT writes it.
 *
 * Pure (zod only): used by the extension, the `guard` CLI and the tests alike.
 */
import { z } from 'zod';
import { closestName } from './closest-name';
import { describedValue, zodMessage, type ProblemMessage, type What } from './problem';
import { READER_NOTE_IDS } from './reader-note';
import { findTimeRanges, hhmm } from './from-text/times';

export const SCHEMA_VERSION = 1;

// ---- vocabularies: in vocab.ts (no zod), so the content script can use them without loading zod.
import {
  ACTIONS,
  BANK_HOLIDAY_REGIONS,
  CHANNELS,
  DESTINATIONS,
  LANGUAGES,
  QUERY_CATEGORIES,
  RULE_IDS,
  SENSITIVE_CATEGORIES,
  TEMPLATE_PLACEHOLDERS,
  WEEKDAYS,
  isInheritedName,
  minutesOf,
  placeholdersIn,
  type Channel,
  type LanguageCode,
  type QueryCategory,
} from './vocab';
export * from './vocab';

const LANGUAGE_CODES = Object.keys(LANGUAGES) as [LanguageCode, ...LanguageCode[]];

// ---- small pieces -------------------------------------------------------------------------------------

const list = (values: readonly string[]) => values.map((v) => `"${v}"`).join(', ');

function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: What) {
  return z.enum(values, {
    error: (issue) => zodMessage('oneOf', { what, allowed: list(values), value: String(JSON.stringify(issue.input)) }),
  });
}

const text = (what: What) =>
  z.string({ error: (i) => zodMessage('expectedText', { what, ...describedValue(i.input) }) }).trim().min(1, zodMessage('empty', { what }));

/** "08:00", "17:30". 24-hour, two digits each. */
export const Time = z
  .string({ error: (i) => zodMessage('time', describedValue(i.input)) })
  .refine((s) => /^([01]\d|2[0-3]):[0-5]\d$/.test(s), {
    error: (i) => zodMessage('timeRange', { value: String(JSON.stringify(i.input)) }),
  });


/** "2026-12-21". A real calendar date. */
export const IsoDate = z
  .string({ error: (i) => zodMessage('date', describedValue(i.input)) })
  .refine(
    (s) => {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return false;
      const d = new Date(`${s}T00:00:00Z`);
      return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
    },
    { error: (i) => zodMessage('realDate', { value: String(JSON.stringify(i.input)) }) },
  );

export const TimeZone = z.string().refine(
  (tz) => {
    try {
      new Intl.DateTimeFormat('en-GB', { timeZone: tz });
      return tz.length > 0;
    } catch {
      return false;
    }
  },
  { error: (i) => zodMessage('timeZone', { value: String(JSON.stringify(i.input)) }) },
);

// ---- where a setting comes from -----------------------------------------------------------------------

/** A clause of the written policy: which file, which section, and its words, quoted exactly. */
export const Clause = z.strictObject({
  file: text('policyFile'),
  section: text('section'),
  quote: text('quote'),
});
export type Clause = z.infer<typeof Clause>;

/**
 * Beside a `note` the policy reader wrote (lib/policy/from-text): which of Policy Guard's own notes it is
 * (lib/policy/reader-note.ts), for the interface to word in its own language; the English `note` stays, so a file
 * read by an older version, or by a person, says the same. A note with no `noteId` is the school's or IT's own.
 */
const readerNote = {
  noteId: oneOf(READER_NOTE_IDS, 'note').optional(),
  noteData: z.record(z.string(), z.string()).optional(),
};

/**
 * Where a setting comes from. `policy`: the school's written policy says so (clauses quoted).
 * `recommended`: the policy is silent and this is Policy Guard's suggestion, switched on by the school.
 * `school`: the school's own decision, not in the written policy. `silent`: the policy says nothing
 * (only for settings that are off).
 */
export const Source = z.discriminatedUnion(
  'origin',
  [
    z.strictObject({ origin: z.literal('policy'), clauses: z.array(Clause).min(1, zodMessage('citeClause')), note: z.string().optional(), ...readerNote }),
    z.strictObject({ origin: z.literal('recommended'), note: text('note'), clauses: z.array(Clause).optional(), ...readerNote }),
    z.strictObject({ origin: z.literal('school'), note: z.string().optional(), clauses: z.array(Clause).optional(), ...readerNote }),
    z.strictObject({ origin: z.literal('silent'), note: z.string().optional(), ...readerNote }),
  ],
  { error: () => zodMessage('origin') },
);
export type Source = z.infer<typeof Source>;
const SourceOrSilent = Source;

// ---- hours --------------------------------------------------------------------------------------------

export const Window = z.strictObject({
  days: z.array(oneOf(WEEKDAYS, 'weekday')).min(1, zodMessage('oneDay')),
  start: Time,
  end: Time,
});
export type Window = z.infer<typeof Window>;

/** Windows must run forwards and must not overlap on any day: the message says which two clash. */
function checkWindows(windows: Window[], ctx: z.RefinementCtx) {
  windows.forEach((w, i) => {
    if (minutesOf(w.start) >= minutesOf(w.end)) {
      ctx.addIssue({ code: 'custom', path: [i, 'end'], message: zodMessage('endBeforeStart', { start: w.start, end: w.end }) });
    }
  });
  for (let i = 0; i < windows.length; i++) {
    for (let j = i + 1; j < windows.length; j++) {
      const a = windows[i]!;
      const b = windows[j]!;
      const shared = a.days.filter((d) => b.days.includes(d));
      if (shared.length && minutesOf(a.start) < minutesOf(b.end) && minutesOf(b.start) < minutesOf(a.end)) {
        ctx.addIssue({
          code: 'custom',
          path: [j],
          message: zodMessage('overlap', { window: String(i), start: a.start, end: a.end, days: shared.join(', ') }),
        });
      }
    }
  }
}
const Windows = z.array(Window).superRefine(checkWindows);

export const Closure = z
  .strictObject({ start: IsoDate, end: IsoDate, label: text('closureLabel') })
  .refine((c) => c.start <= c.end, { path: ['end'], error: zodMessage('closureEnd') });

export const Hours = z.strictObject({
  /** When staff may send and post: the out-of-hours rule's windows. Empty: the policy sets no hours. */
  staff: Windows,
  /** When parents are told to expect replies, shown on home.classdojo.com. */
  parentReplies: Windows,
  /** What parents are told about response times, in the policy's words ("within 48 working hours"). */
  responseTime: z.string().optional(),
  /** Whether the windows apply only in term time (outside term, every time is out of hours). */
  termTimeOnly: z.boolean(),
  /** Term dates: when set with termTimeOnly, days outside every term are out of hours. */
  terms: z.array(z.strictObject({ start: IsoDate, end: IsoDate, label: z.string().optional() })),
  /** Holidays, INSET days and other closures: no sending on these days. */
  closures: z.array(Closure),
  bankHolidays: oneOf(BANK_HOLIDAY_REGIONS, 'bankHolidays'),
  source: SourceOrSilent,
  parentRepliesSource: SourceOrSilent,
  note: z.string().optional(),
  ...readerNote,
});
export type Hours = z.infer<typeof Hours>;

// ---- rules --------------------------------------------------------------------------------------------

const Channels = z.array(oneOf(CHANNELS, 'channel'));
const action = oneOf(ACTIONS, 'action');

const ruleBase = {
  action,
  source: SourceOrSilent,
  /** Where the rule applies. Absent: every channel the policy's audiences mark "shared". */
  channels: Channels.optional(),
  note: z.string().optional(),
};

export const Rules = z.strictObject(
  {
    'full-name': z.strictObject({
      ...ruleBase,
      /** "Oliver B." is allowed where two pupils share a first name. */
      allowSurnameInitial: z.boolean(),
    }),
    'pupil-name': z.strictObject(ruleBase),
    'sensitive-content': z.strictObject({
      ...ruleBase,
      /** Which categories the rule looks for. */
      categories: z.array(oneOf(SENSITIVE_CATEGORIES, 'category')).min(1, zodMessage('oneCategory')),
    }),
    'photo-consent': z.strictObject({
      ...ruleBase,
      /** Channels where a pictured pupil needs photo consent (for that channel). */
      consentRequiredIn: Channels,
      /** Never a photo of a pupil in Local Authority care, whatever the consent. */
      neverInCare: z.boolean(),
      /** No photos of children at all in these channels. */
      noChildrenIn: Channels,
      /**
       * A pictured pupil whose consent is not recorded: `hold` treats it as the rule's action (the post waits,
       * and the finding says consent is not recorded); `remind` only notes it (an `audit` finding).
       */
      notRecorded: oneOf(['hold', 'remind'] as const, 'notRecorded').default('hold'),
    }),
    'out-of-hours': z.strictObject(ruleBase),
    'negative-points': z.strictObject(ruleBase),
  },
  { error: (i) => (i.code === 'unrecognized_keys' ? undefined : zodMessage('rulesObject')) },
);
export type Rules = z.infer<typeof Rules>;

// ---- routing ------------------------------------------------------------------------------------------

export const Contact = z
  .strictObject({
    /** Who: "Mr Lund", "the Main Office". */
    name: text('contactName'),
    role: z.string().optional(),
    phone: z.string().optional(),
    email: z.email({ error: (i) => zodMessage('email', { value: String(JSON.stringify(i.input)) }) }).optional(),
    /** How to reach them, in the policy's words: "by phone before the school day starts". */
    how: z.string().optional(),
    /**
     * Set when `name` and `how` are Policy Guard's own words for a role the policy does not name, not the
     * school's (a DSL whom the policy does not name; the office a document reader assumed): the interface, and a
     * reply in another language, word the role in their own language (catalog `to_<role>`, `how_<role>`)
     * instead of quoting the English. `false` once the school has edited either (then quoted as written).
     */
    generic: z.union([z.enum(['attendance', 'office', 'nursing', 'dsl']), z.literal(false)]).optional(),
    /**
     * Where the contact's details come from (optional): `policy` when the written policy gives them
     * (clauses quoted); `recommended` when part is Policy Guard's default (a DSL named in the policy
     * whose `how` it does not give: the note says which part); `school` when the school set them.
     */
    source: Source.optional(),
  })
  .refine((c) => Boolean(c.phone?.trim() || c.email?.trim() || c.how?.trim()), {
    error: zodMessage('contactWay'),
  });
export type Contact = z.infer<typeof Contact>;

export const Route = z.strictObject({
  destination: oneOf(DESTINATIONS, 'destination'),
  /** A key of routing.contacts. Required for every destination but "teacher" and "meeting". */
  contact: z.string().optional(),
  source: SourceOrSilent,
  note: z.string().optional(),
});
export type Route = z.infer<typeof Route>;

const PLACEHOLDER_LIST = TEMPLATE_PLACEHOLDERS.map((p) => `{${p}}`).join(' ');

/** A reply template: text whose `{word}`s are all from the closed list (lib/routing/index.ts fills them). */
const Template = text('template').superRefine((template, ctx) => {
  const unknown = [...new Set(placeholdersIn(template).filter((p) => !(TEMPLATE_PLACEHOLDERS as readonly string[]).includes(p)))];
  if (unknown.length) {
    ctx.addIssue({
      code: 'custom',
      message: zodMessage('unknownPlaceholders', { count: String(unknown.length), placeholders: unknown.map((p) => `{${p}}`).join(' '), allowed: PLACEHOLDER_LIST }),
    });
  }
});

const Templates = z.partialRecord(oneOf(LANGUAGE_CODES, 'language'), Template);

/** A contact's key: a lower-case word (or words joined by "-"), and never a name every object inherits. */
const ContactKey = z
  .string()
  .regex(/^[a-z][a-z0-9-]*$/, zodMessage('contactKey'))
  .refine((key) => !isInheritedName(key), {
    error: (i) => zodMessage('contactKeyInherited', { value: String(JSON.stringify(i.input)), key: String(i.input) }),
  });

export const Routing = z.strictObject({
  contacts: z.record(ContactKey, Contact),
  routes: z.strictObject(Object.fromEntries(QUERY_CATEGORIES.map((c) => [c, Route])) as Record<QueryCategory, typeof Route>),
  /** Reply templates by destination and language. Placeholders (only these): {pupil} {contact} {how} {phone} {email} {hours}. */
  templates: z.partialRecord(oneOf(DESTINATIONS, 'destination'), Templates),
});
export type Routing = z.infer<typeof Routing>;

// ---- the policy ---------------------------------------------------------------------------------------

export const Audience = oneOf(['shared', 'private'] as const, 'audience');

export const Policy = z
  .strictObject({
    schemaVersion: z.literal(SCHEMA_VERSION, { error: zodMessage('schemaVersion', { version: String(SCHEMA_VERSION) }) }),
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, zodMessage('policyId')),
    name: text('schoolName'),
    document: z.strictObject({
      title: text('policyTitle'),
      file: z.string().optional(),
      date: z.string().optional(),
      owner: z.string().optional(),
    }),
    timeZone: TimeZone.default('Europe/London'),
    languages: z.array(oneOf(LANGUAGE_CODES, 'language')).min(1, zodMessage('oneLanguage')),
    /** Who sees each channel: "shared" (more than one family) or "private" (one family). */
    audiences: z.strictObject({
      ...(Object.fromEntries(CHANNELS.map((c) => [c, Audience])) as Record<Channel, typeof Audience>),
      source: SourceOrSilent,
    }),
    hours: Hours,
    rules: Rules,
    routing: Routing,
    conduct: z.strictObject({
      /** What happens when a parent's messages are abusive, in the policy's words. */
      consequence: z.string(),
      /** Who the teacher tells. */
      report: z.string(),
      source: SourceOrSilent,
    }),
    monitoring: z.strictObject({ leadersReview: z.boolean(), source: SourceOrSilent }),
    note: z.string().optional(),
    ...readerNote,
  })
  .superRefine((policy, ctx) => {
    for (const category of QUERY_CATEGORIES) {
      const route = policy.routing.routes[category];
      const needsContact = !['teacher', 'meeting'].includes(route.destination);
      // Own keys only: `in` would find "constructor" or "toString" on every object.
      if (route.contact !== undefined && !Object.hasOwn(policy.routing.contacts, route.contact)) {
        ctx.addIssue({
          code: 'custom',
          path: ['routing', 'routes', category, 'contact'],
          message: Object.keys(policy.routing.contacts).length
            ? zodMessage('routeContactMissing', { contact: route.contact, contacts: list(Object.keys(policy.routing.contacts)) })
            : zodMessage('routeContactNone', { contact: route.contact }),
        });
      } else if (needsContact && route.contact === undefined) {
        ctx.addIssue({
          code: 'custom',
          path: ['routing', 'routes', category, 'contact'],
          message: zodMessage('routeNeedsContact', { destination: route.destination }),
        });
      }
      // Safeguarding is never answered with a canned reply, so the DSL needs no template.
      const needsTemplate = needsContact && route.destination !== 'dsl';
      if (needsTemplate && Object.keys(policy.routing.templates[route.destination] ?? {}).length === 0) {
        ctx.addIssue({
          code: 'custom',
          path: ['routing', 'templates', route.destination],
          message: zodMessage('noTemplate', { destination: route.destination, category }),
        });
      }
    }
    if (policy.rules['out-of-hours'].action !== 'off' && policy.hours.staff.length === 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['rules', 'out-of-hours', 'action'],
        message: zodMessage('outOfHoursNoWindows'),
      });
    }
    // A clause that states other hours than the setting it is cited for ("…8:00am–5:00pm" over 08:30–16:00)
    // would put words in the school's mouth: refused, so a finding never quotes a clause that contradicts it.
    const cited: [string[], Source, Window[]][] = [
      [['hours', 'source'], policy.hours.source, policy.hours.staff],
      [['hours', 'parentRepliesSource'], policy.hours.parentRepliesSource, policy.hours.parentReplies],
      [['rules', 'out-of-hours', 'source'], policy.rules['out-of-hours'].source, policy.hours.staff],
    ];
    for (const [path, source, windows] of cited) {
      const problem = clauseHoursMismatch(source, windows);
      if (problem) ctx.addIssue({ code: 'custom', path, message: zodMessage(problem.id, problem.data) });
    }
    for (const [id, rule] of Object.entries(policy.rules)) {
      if (rule.action !== 'off' && rule.source.origin === 'silent') {
        ctx.addIssue({
          code: 'custom',
          path: ['rules', id, 'source'],
          message: zodMessage('silentRuleOn'),
        });
      }
    }
  });

/**
 * Why a source's quoted clauses contradict the hours they are cited for (a message id and data), or undefined. Only `policy`
 * sources with windows are compared; a clause that states times must state one of the windows (start and
 * end); a source whose clauses state no times at all (or times only in some clauses) is not judged by those.
 */
export function clauseHoursMismatch(source: Source, windows: Window[]): ProblemMessage | undefined {
  if (source.origin !== 'policy' || windows.length === 0) return undefined;
  const stated = source.clauses.flatMap((c) => findTimeRanges(c.quote).map((r) => ({ r, quote: c.quote })));
  if (stated.length === 0) return undefined;
  const matches = stated.some(({ r }) => windows.some((w) => hhmm(r.start) === w.start && hhmm(r.end) === w.end));
  if (matches) return undefined;
  const first = stated[0]!;
  const hours = windows.map((w) => `${w.start}–${w.end}`).join(', ');
  return { id: 'clauseHours', data: { phrase: first.r.phrase.trim(), quote: `${first.quote.slice(0, 80)}${first.quote.length > 80 ? '…' : ''}`, hours } };
}

export type PolicyInput = z.input<typeof Policy>;
export type Policy = z.output<typeof Policy>;

// ---- paths into the policy (for IT's locks) -----------------------------------------------------------

type AnySchema = z.core.$ZodType;

/**
 * The schemas a value of `schema` may actually be checked against, wrappers taken off: an optional, nullable,
 * defaulted, read-only or caught schema stands for its inner one, a pipe for its input, a union for each
 * option. Shared by the lock paths and "did you mean", so both see through the same wrappers.
 */
function unwrapped(schema: AnySchema): AnySchema[] {
  const def = schema._zod.def as unknown as Record<string, unknown> & { type: string };
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
      return unwrapped(def.innerType as AnySchema);
    case 'pipe':
      return unwrapped(def.in as AnySchema);
    case 'union':
      return (def.options as AnySchema[]).flatMap(unwrapped);
    default:
      return [schema];
  }
}

/** The schemas a key leads to from a schema: an object's own field, a record's value for a valid key, a union's options. */
function childrenOf(schema: AnySchema, key: string): AnySchema[] {
  return unwrapped(schema).flatMap((s) => {
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object') {
      const shape = def.shape as Record<string, AnySchema>;
      return Object.hasOwn(shape, key) ? [shape[key]!] : [];
    }
    if (def.type === 'record') return (def.keyType as z.ZodType).safeParse(key).success ? [def.valueType as AnySchema] : [];
    // A list is replaced whole, and a value has no parts: neither is a place a lock can go into.
    return [];
  });
}

/** The names a schema's parts go by (an object's fields, a record's keys when they are a fixed list), for "did you mean". */
function namesOf(schema: AnySchema): string[] {
  return unwrapped(schema).flatMap((s) => {
    const def = s._zod.def as unknown as Record<string, unknown> & { type: string };
    if (def.type === 'object') return Object.keys(def.shape as object);
    if (def.type !== 'record') return [];
    const keyDef = (def.keyType as AnySchema)._zod.def as unknown as { type: string; entries?: Record<string, string> };
    return keyDef.type === 'enum' && keyDef.entries ? Object.values(keyDef.entries) : [];
  });
}

/**
 * Whether a dotted path (as IT writes in `locked`, e.g. "hours", "rules.full-name.action",
 * "routing.contacts.office") names a setting of the policy: undefined when it does, else why not (a message id and data). Paths
 * are checked against the schema's own fields, so no inherited name (`__proto__`, `constructor`…) and
 * nothing the policy does not have can be locked.
 */
export function lockPathProblem(path: string): ProblemMessage | undefined {
  if (typeof path !== 'string' || path.trim() === '') return { id: 'lockPathEmpty' };
  const keys = path.split('.');
  let nodes: AnySchema[] = [Policy];
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i]!;
    const upTo = keys.slice(0, i + 1).join('.');
    if (key === '') return { id: 'lockPathEmptyPart', data: { path } };
    if (isInheritedName(key)) return { id: 'lockPathInherited', data: { path: upTo, key } };
    const parents = nodes;
    nodes = nodes.flatMap((n) => childrenOf(n, key));
    // The whole path as written, and the part that is wrong when it is not the last ("rules.fullname.action":
    // "rules.fullname" is not a setting), so IT finds the typo in the line they wrote; and the path meant, when
    // one name is near ("rules.full-name.action").
    if (nodes.length === 0) {
      const near = closestName(key, [...new Set(parents.flatMap(namesOf))]);
      const meant = near === undefined ? undefined : [...keys.slice(0, i), near, ...keys.slice(i + 1)].join('.');
      const hint = meant !== undefined && lockPathProblem(meant) === undefined ? meant : undefined;
      if (upTo === path) return hint === undefined ? { id: 'lockPathUnknown', data: { path } } : { id: 'lockPathUnknownMeant', data: { path, meant: hint } };
      return hint === undefined ? { id: 'lockPathUnknownPart', data: { path, part: upTo } } : { id: 'lockPathUnknownPartMeant', data: { path, part: upTo, meant: hint } };
    }
  }
  return undefined;
}
