/**
 * Overrides and held sends, for the school's leaders: what the send gate held, for which rules, in which
 * channel and class, when, what the teacher did (fixed, went back to edit, sent anyway) and the reason they
 * gave. Built from the event record (lib/ext/db.ts), which never holds the text of a post or message. Pure:
 * the options page lists and filters it, the popup summarises the week; the export is in held-export.ts (so
 * the popup does not load papaparse).
 */
import { RULE_IDS, type Channel, type RuleId } from '../policy/vocab';
import { localDate } from '../spot-check/record';
import { clampRetentionDays } from '../ext/retention';

/**
 * What became of a held send: fixed in the dialog, went back to edit, sent anyway, or `not-sent`: never
 * decided, the dialog still open when the page was left, the tab closed or the composer went (issue #20).
 */
export const HELD_OUTCOMES = ['fixed', 'edited', 'sent-anyway', 'not-sent'] as const;
export type HeldOutcome = (typeof HELD_OUTCOMES)[number];

/** An event as stored (a subset of lib/ext/messages.ts's GuardEvent, read defensively). */
export interface EventLike {
  id?: number;
  kind: string;
  rule: string;
  rules?: string[];
  fixed?: string[];
  channel: string;
  at: string;
  reason?: string;
  classId?: string;
}

/** One held send. */
export interface HeldRow {
  /** ISO time the teacher decided. */
  at: string;
  classId?: string;
  channel: Channel;
  /** Every rule the send was held for, once each. */
  rules: RuleId[];
  outcome: HeldOutcome;
  /**
   * Of `rules`, those fixed in the gate's dialog before the outcome ("Apply all fixes" cleared them, the
   * send stayed held for the others): each rule's fate is `fixed` if listed here, else the outcome. Absent
   * when none was; for the outcome `fixed` every rule was.
   */
  fixedFirst?: RuleId[];
  /** The teacher's reason, for a send sent anyway. */
  reason?: string;
}

const OUTCOME_OF: Record<string, HeldOutcome> = { override: 'sent-anyway', cancelled: 'edited', fix: 'fixed', abandoned: 'not-sent' };
const isRule = (r: unknown): r is RuleId => typeof r === 'string' && (RULE_IDS as readonly string[]).includes(r);

/**
 * The held sends in a list of events, newest first. An event with `rules` is one held send. Events from
 * before one send was one event (an override or "go back and edit" logged once per finding) are joined:
 * same outcome, channel, class and reason within two seconds is one send. Fixes without `rules` are the
 * panel's own one-click fixes, not held sends, and are left out, as are ignores.
 */
export function heldRows(events: EventLike[]): HeldRow[] {
  const rows: HeldRow[] = [];
  const legacy = events
    .filter((e) => !Array.isArray(e.rules) && (e.kind === 'override' || e.kind === 'cancelled') && isRule(e.rule) && Number.isFinite(Date.parse(e.at)))
    .sort((a, b) => a.at.localeCompare(b.at));
  for (const e of events) {
    if (!Array.isArray(e.rules) || !OUTCOME_OF[e.kind] || !Number.isFinite(Date.parse(e.at))) continue;
    const rules = [...new Set(e.rules.filter(isRule))];
    if (!rules.length) continue;
    rows.push(row(e, rules));
  }
  let last: { row: HeldRow; t: number } | undefined;
  for (const e of legacy) {
    const t = Date.parse(e.at);
    const r = row(e, [e.rule as RuleId]);
    if (last && t - last.t <= 2000 && last.row.outcome === r.outcome && last.row.channel === r.channel && last.row.classId === r.classId && last.row.reason === r.reason) {
      if (!last.row.rules.includes(r.rules[0]!)) last.row.rules.push(r.rules[0]!);
      last.t = t;
      continue;
    }
    rows.push(r);
    last = { row: r, t };
  }
  return rows.sort((a, b) => b.at.localeCompare(a.at));
}

function row(e: EventLike, rules: RuleId[]): HeldRow {
  const r: HeldRow = { at: new Date(e.at).toISOString(), channel: e.channel as Channel, rules, outcome: OUTCOME_OF[e.kind]! };
  const fixed = e.kind === 'fix' || !Array.isArray(e.fixed) ? [] : rules.filter((x) => e.fixed!.includes(x));
  if (fixed.length) r.fixedFirst = fixed;
  if (e.classId) r.classId = e.classId;
  if (e.kind === 'override' && typeof e.reason === 'string' && e.reason.trim()) r.reason = e.reason.trim();
  return r;
}

/**
 * The rows within the retention limit of `days` (clamped as the purge clamps it) at `now`: what the purge
 * keeps, so a view never lists a record the page says is deleted, whether or not the purge has run yet.
 */
export function keptRows(rows: HeldRow[], days: unknown, now: Date): HeldRow[] {
  const cutoff = now.getTime() - clampRetentionDays(days) * 86_400_000;
  return rows.filter((r) => Date.parse(r.at) >= cutoff);
}

export interface HeldFilter {
  /** Only this class ('' or undefined: every class). */
  classId?: string;
  /** From and to, the school's local dates YYYY-MM-DD, both included. */
  from?: string;
  to?: string;
}

/** The rows that pass a filter; dates are the school's local dates (`timeZone`). */
export function filterHeld(rows: HeldRow[], filter: HeldFilter, timeZone: string): HeldRow[] {
  return rows.filter((r) => {
    if (filter.classId && r.classId !== filter.classId) return false;
    const day = localDate(new Date(r.at), timeZone);
    if (filter.from && day < filter.from) return false;
    if (filter.to && day > filter.to) return false;
    return true;
  });
}

export interface HeldSummary {
  /** Held sends in the period. */
  held: number;
  /** By the send's outcome: these add up to `held`. */
  byOutcome: Record<HeldOutcome, number>;
  /** Of those edited, sent anyway or not sent, how many had some rules fixed first (HeldRow.fixedFirst). */
  partlyFixed: number;
  /**
   * Held sends whose dialog is still open on a page (lib/ext/held-pending.ts): counted in `held`, in no outcome
   * yet (the teacher has not chosen), so `held` is the outcomes plus these. Absent when none.
   */
  open?: number;
}

/**
 * The last seven days up to `now` (the popup's weekly summary). `openAt`: when each hold still open on a page was
 * held (ISO instants, lib/ext/held-pending.ts), counted as `open` when in the period.
 */
export function weeklySummary(rows: HeldRow[], now: Date, openAt: string[] = []): HeldSummary {
  const since = now.getTime() - 7 * 86_400_000;
  const inWeek = (at: string) => Date.parse(at) > since && Date.parse(at) <= now.getTime();
  return heldSummary(rows.filter((r) => inWeek(r.at)), openAt.filter(inWeek).length);
}

/**
 * Held sends counted by outcome (the popup's today and week lines both use this); `open` more are held with
 * their dialog still up (HeldSummary.open).
 */
export function heldSummary(rows: HeldRow[], open = 0): HeldSummary {
  const byOutcome: Record<HeldOutcome, number> = { fixed: 0, edited: 0, 'sent-anyway': 0, 'not-sent': 0 };
  let partlyFixed = 0;
  for (const r of rows) {
    byOutcome[r.outcome]++;
    if (r.fixedFirst) partlyFixed++;
  }
  return { held: rows.length + open, byOutcome, partlyFixed, ...(open > 0 ? { open } : {}) };
}
