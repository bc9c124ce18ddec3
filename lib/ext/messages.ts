/**
 * Messages between the content script and the background worker. Routing runs in the background so
 * franc-all's language data, the presets and the bank-holiday calendar never load into ClassDojo's pages.
 */
import type { parentHint, RouteResult } from '../routing/index';

export type Request =
  | { type: 'open-options' }
  | { type: 'route-incoming'; text: string; at: string }
  | { type: 'parent-hint'; text: string; at: string };

export type ParentHint = ReturnType<typeof parentHint>;

/** What the background answers; `error` when no policy is chosen or the request is malformed. */
export type Response<T> = { ok: true; value: T } | { ok: false; error: 'no-policy' | 'bad-request' | 'failed' };

export type RouteIncomingResponse = Response<RouteResult>;
export type ParentHintResponse = Response<ParentHint>;
