/**
 * The send gate as a pure state machine: what happens to a send Policy Guard holds, from the moment it is
 * held to the moment it is released, replayed once, or dropped because the world moved on. No DOM, no
 * timers, no extension APIs: the content script feeds it events and carries out the effects it returns
 * (tests/unit/gate/machine.test.ts walks every path).
 *
 * The promises it keeps (issue #13):
 * - a held send is bound to the composer, the conversation (the page's route) and the exact draft it came
 *   from: navigation, the composer leaving the page, or a changed draft cancels it, so "Send anyway" can
 *   never send another conversation's draft;
 * - "Send anyway" replays that one send, once, and only with a reason and only when nothing is `block`;
 * - if the gate cannot be shown (a render error, or the script is orphaned when the send is attempted), the
 *   send is released, not swallowed; if the script is orphaned while the dialog is up, the dialog goes and
 *   the draft stays for the teacher to send again (never sent for them: they may have been about to edit);
 * - "Apply all fixes" never sends: it edits the draft, then the gate closes if nothing serious is left
 *   (the teacher reads the fixed draft and presses Send again) or stays with what is left.
 */
import type { Finding } from '../rules/types';

/** How the send was attempted: the replay repeats the same gesture. */
export type Trigger = 'click' | 'enter' | 'award';

/** What a held send is bound to. `composerId` is the content script's handle for the composer element. */
export interface HeldSend {
  /** Increases with every hold, so a late effect for an old hold is recognised and ignored. */
  id: number;
  trigger: Trigger;
  composerId: number;
  /** The page's route (ClassDojo's URL, hash included) when the send was held. */
  route: string;
  /** The draft as it was when held (empty for a point award). */
  draft: string;
  findings: Finding[];
  /**
   * Findings "Apply all fixes" cleared while the send stayed held for others: the record lists them with
   * the rest, as fixed (issue #20: a partly fixed send is one record of every rule it was held for).
   */
  fixed?: Finding[];
}

export type GateState = { kind: 'idle'; lastId: number } | { kind: 'held'; held: HeldSend };

export type GateEvent =
  /** A send was attempted and the checker found serious findings. */
  | { type: 'hold'; trigger: Trigger; composerId: number; route: string; draft: string; findings: Finding[] }
  /** The page's route changed. */
  | { type: 'navigated'; route: string }
  /** The page changed: is the held composer still there, and what does it hold now? */
  | { type: 'observed'; composerPresent: boolean; draft: string | undefined }
  | { type: 'edit' }
  | { type: 'send-anyway'; reason: string }
  /** "Apply all fixes" was carried out; `draft` is the draft after it, `findings` what is still serious. */
  | { type: 'fixed'; draft: string; findings: Finding[] }
  /** The dialog could not be shown (a render error): the send goes, as if Policy Guard were not there. */
  | { type: 'failed' }
  /** The page took the dialog away again as soon as it was put back: held, never replayed. */
  | { type: 'removed' }
  /**
   * This script was cut off from the extension (an update) while the dialog was up: the dialog goes, the
   * draft stays, nothing is sent for the teacher, and their next Send goes through unchecked.
   */
  | { type: 'orphaned' };

/** What became of a held send, as recorded (lib/ext/messages.ts GuardEvent `kind`). */
export type HeldKind = 'override' | 'cancelled' | 'fix' | 'abandoned';

export type CancelReason = 'navigated' | 'composer-gone' | 'draft-changed' | 'orphaned' | 'removed';

export type GateEffect =
  /** Prevent the attempted send (the event that triggered `hold`). */
  | { type: 'prevent' }
  /** Show (or update) the dialog for this hold. */
  | { type: 'show'; held: HeldSend }
  | { type: 'close' }
  /** Repeat the held gesture on the held composer, exactly once. */
  | { type: 'replay'; held: HeldSend }
  /** Put the caret back in the held composer. */
  | { type: 'focus'; composerId: number }
  /**
   * Record what became of a held send, for the school's leaders (never the text): one event per held send,
   * with every finding it was held for (`override`: sent anyway with a reason; `cancelled`: the teacher went
   * back to edit; `fix`: "Apply all fixes" left nothing serious; `abandoned`: never sent, the hold dropped
   * with the dialog still open, by navigation, the composer going, a changed draft, the page taking the
   * dialog away or the script cut off: issue #20). `held` is the hold's id. One send is one decision: a send held for
   * two findings and sent anyway is one override with two rules, not two overrides. `fixed`: those of
   * `findings` whose rule "Apply all fixes" cleared before the outcome (absent for `fix`: all were).
   */
  | { type: 'log'; kind: HeldKind; held: number; findings: Finding[]; fixed?: Finding[]; reason?: string }
  /** Tell the teacher why the held send was dropped. */
  | { type: 'cancelled'; reason: CancelReason };

export interface Step {
  state: GateState;
  effects: GateEffect[];
}

export const IDLE: GateState = { kind: 'idle', lastId: 0 };

/** Whether any finding is one the policy says must not go at all. */
export function hasBlock(findings: Finding[]): boolean {
  return findings.some((f) => f.action === 'block');
}

function idle(state: GateState): GateState {
  return { kind: 'idle', lastId: state.kind === 'idle' ? state.lastId : state.held.id };
}

/** The log effect for what became of a held send: every finding it was held for, the fixed ones named. */
function log(held: HeldSend, kind: HeldKind, reason?: string): GateEffect {
  return { type: 'log', kind, held: held.id, findings: [...held.findings, ...(held.fixed ?? [])], fixed: held.fixed, reason };
}

/** The hold is dropped, the send never made: recorded as not sent (the leaders' count of held sends is whole). */
function cancel(state: GateState & { kind: 'held' }, reason: CancelReason): Step {
  return { state: idle(state), effects: [log(state.held, 'abandoned'), { type: 'close' }, { type: 'cancelled', reason }] };
}

/**
 * One step of the gate. Pure: the same state and event always give the same result.
 * Events that do not apply in the current state change nothing and have no effects.
 */
export function step(state: GateState, event: GateEvent): Step {
  switch (event.type) {
    case 'hold': {
      if (state.kind === 'held') {
        // A second attempt while the dialog is up (a double click, Enter again): still held, never sent.
        return { state, effects: [{ type: 'prevent' }] };
      }
      const held: HeldSend = {
        id: state.lastId + 1,
        trigger: event.trigger,
        composerId: event.composerId,
        route: event.route,
        draft: event.draft,
        findings: event.findings,
      };
      return { state: { kind: 'held', held }, effects: [{ type: 'prevent' }, { type: 'show', held }] };
    }
    case 'navigated':
      if (state.kind !== 'held' || event.route === state.held.route) return { state, effects: [] };
      return cancel(state, 'navigated');
    case 'observed':
      if (state.kind !== 'held' || state.held.trigger === 'award') return { state, effects: [] };
      if (!event.composerPresent) return cancel(state, 'composer-gone');
      if (event.draft !== state.held.draft) return cancel(state, 'draft-changed');
      return { state, effects: [] };
    case 'edit': {
      if (state.kind !== 'held') return { state, effects: [] };
      return { state: idle(state), effects: [log(state.held, 'cancelled'), { type: 'close' }, { type: 'focus', composerId: state.held.composerId }] };
    }
    case 'send-anyway': {
      if (state.kind !== 'held') return { state, effects: [] };
      const reason = event.reason.trim();
      if (!reason || hasBlock(state.held.findings)) return { state, effects: [] };
      return { state: idle(state), effects: [log(state.held, 'override', reason), { type: 'close' }, { type: 'replay', held: state.held }] };
    }
    case 'fixed': {
      if (state.kind !== 'held') return { state, effects: [] };
      if (event.findings.length === 0) {
        return { state: idle(state), effects: [log(state.held, 'fix'), { type: 'close' }, { type: 'focus', composerId: state.held.composerId }] };
      }
      // A rule none of whose findings is left was fixed; a rule with any left is still held for.
      const fixed = state.held.findings.filter((f) => !event.findings.some((l) => l.rule === f.rule));
      const held: HeldSend = { ...state.held, draft: event.draft, findings: event.findings, fixed: [...(state.held.fixed ?? []), ...fixed] };
      return { state: { kind: 'held', held }, effects: [{ type: 'show', held }] };
    }
    case 'orphaned':
      if (state.kind !== 'held') return { state, effects: [] };
      return cancel(state, 'orphaned');
    case 'removed':
      // Not our failure: something on the page removes the dialog. Letting the send go would let any script
      // that strips unknown nodes switch the check off; the draft stays for the teacher to send again.
      if (state.kind !== 'held') return { state, effects: [] };
      return cancel(state, 'removed');
    case 'failed':
      if (state.kind !== 'held') return { state, effects: [] };
      // Fail open: our failure must never cost the teacher their send.
      return { state: idle(state), effects: [{ type: 'close' }, { type: 'replay', held: state.held }] };
  }
}
