/**
 * Messages between the content script and the background worker. Routing runs in the background so
 * franc-all's language data, the presets and the bank-holiday calendar never load into ClassDojo's pages;
 * the checker runs in the page (every keystroke) on the resolved policy the background hands it.
 */
import type { Policy, RuleId, Channel } from '../policy/schema';
import type { parentHint, RouteResult } from '../routing/index';
import type { Pupil } from '../rules/types';
import type { ExportFile, ExportFormat } from '../spot-check/export';
import type { Outcome, ScannedItem, SpotRecord } from '../spot-check/record';
import type { SpotScope } from './spot-store';

/** What the extension records for the leaders' view: never the message text. */
export interface GuardEvent {
  kind: 'override' | 'fix' | 'ignore' | 'blocked' | 'cancelled';
  rule: RuleId;
  channel: Channel;
  /** ISO time. */
  at: string;
  /** The teacher's reason, for an override. */
  reason?: string;
}

export type Request =
  | { type: 'open-options' }
  | { type: 'route-incoming'; text: string; at: string }
  | { type: 'parent-hint'; text: string; at: string }
  | { type: 'get-policy'; classId?: string }
  | { type: 'log-event'; event: GuardEvent }
  | { type: 'save-roster'; classId: string; pupils: unknown }
  | { type: 'spot-load'; scope: SpotScope }
  | { type: 'spot-scan'; scope: SpotScope; items: ScannedItem[] }
  | { type: 'spot-outcome'; scope: SpotScope; key: string; outcome?: Outcome; note?: string }
  | { type: 'spot-snippets'; scope: SpotScope; keep: boolean }
  | { type: 'spot-export'; scope: SpotScope; format: ExportFormat };

export const REQUEST_TYPES = ['open-options', 'route-incoming', 'parent-hint', 'get-policy', 'log-event', 'save-roster', 'spot-load', 'spot-scan', 'spot-outcome', 'spot-snippets', 'spot-export'] as const;

export type ParentHint = ReturnType<typeof parentHint>;

/** What the background answers; `error` when no policy is chosen or the request is malformed. */
/** `invalid-policy`: a policy is chosen (or pushed by IT) but cannot be used; the settings page says why. */
export type Response<T> = { ok: true; value: T } | { ok: false; error: 'no-policy' | 'invalid-policy' | 'bad-request' | 'failed' };

export type RouteIncomingResponse = Response<RouteResult>;
export type ParentHintResponse = Response<ParentHint>;
export type SpotResponse = Response<SpotRecord | null>;
export type SpotExportResponse = Response<ExportFile>;
export type PolicyResponse = Response<{ policy: Policy; bankHolidays: string[]; roster: Pupil[] }>;
