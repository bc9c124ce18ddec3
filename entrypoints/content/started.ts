/**
 * The moment the browser starts running the content script (at document idle): imported first, so it is
 * evaluated before the rest of the bundle (the rules, the lexicons, Preact). `npm run bench` reports the
 * time from here to ready.
 */
export const STARTED = performance.now();
