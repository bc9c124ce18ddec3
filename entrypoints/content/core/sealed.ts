/**
 * The seal (./seal.ts) as the main content script finds it. The early script installs it at document_start
 * (entrypoints/early.content.ts), before any of the page's scripts, and leaves it under a symbol in the
 * content scripts' shared isolated world, which the page cannot see. The main script reads it from there
 * instead of carrying a second copy of the seal's code (≈1.5 KB gzipped on every ClassDojo page). Where the
 * early script did not run, the main script installs the seal from the parts it loads on request
 * (core/on-request.tsx) before drawing anything, and draws nothing without it.
 */
import type { Seal } from './seal';

export const SEAL_KEY = Symbol.for('policy-guard.seal');

/** The seal installed in this window, if any. */
export function installedSeal(win: Window = window): Seal | undefined {
  return (win as unknown as Record<symbol, Seal | undefined>)[SEAL_KEY];
}

/**
 * The seal, for a feature: the main script starts none of them before the seal is there, so its absence is a
 * bug, and nothing unsealed is ever drawn.
 * @throws Error when no seal is installed.
 */
export function theSeal(): Seal {
  const seal = installedSeal();
  if (!seal) throw new Error('Policy Guard: no seal');
  return seal;
}
