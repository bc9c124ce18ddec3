/**
 * The extension's own pages, as the build names them. Its own module, free of zod, because the content
 * script needs the gate's frame path and messages.ts (which checks requests with zod) must stay type-only
 * there: zod is ~25 KB gzipped on every ClassDojo page (tests/size).
 */

/** The gate's reason frame's page (entrypoints/gate-reason/index.html). */
export const GATE_FRAME_PATH = '/gate-reason.html';

/** The spot-check's note frame's page (entrypoints/spot-note/index.html). */
export const NOTE_FRAME_PATH = '/spot-note.html';

/** The popup's page (entrypoints/popup/index.html). */
export const POPUP_PATH = '/popup.html';

/**
 * The parts of the content script loaded only when asked for (entrypoints/on-request): injected by the
 * background with scripting.executeScript, never web-accessible.
 */
export const ON_REQUEST_PATH = '/on-request.js';

/** The options page (entrypoints/options/index.html), opened in a tab of its own (manifest `open_in_tab`). */
export const OPTIONS_PATH = '/options.html';
