/**
 * The send interceptor (./intercept.ts) as the main content script finds it. The early script installs it at
 * document_start (entrypoints/early.content.ts), before any of the page's scripts, and leaves it under a symbol in
 * the content scripts' shared isolated world, which the page cannot see. The main script reads it from there
 * instead of carrying a second copy of its code on every ClassDojo page; where the early script did not run, the
 * send gate installs it from the parts loaded on request (entrypoints/on-request/parts.tsx), as index.tsx does the
 * seal (./sealed.ts).
 */
import type { SendInterceptor } from './intercept';

export const INTERCEPTOR_KEY = Symbol.for('policy-guard.send-interceptor');

/** The interceptor installed in this window, if any. */
export function installedInterceptor(win: Window = window): SendInterceptor | undefined {
  return (win as unknown as Record<symbol, SendInterceptor | undefined>)[INTERCEPTOR_KEY];
}
