import { vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { respond } from '../../../lib/ext/handler';

const ID = 'our-extension-id';
const ORIGIN = `chrome-extension://${ID}`;

/**
 * The options page's requests answered by the background's own handler (lib/ext/handler.ts), as our options
 * page sends them: for unit tests of components that read or change the policy through the background.
 * Call in `beforeEach`, after `fakeBrowser.reset()`.
 */
export function answerAsBackground(): void {
  vi.spyOn(fakeBrowser.runtime, 'sendMessage').mockImplementation(((message: unknown) =>
    respond(message, { id: ID, url: `${ORIGIN}/options.html`, origin: ORIGIN }, ID, ORIGIN)) as typeof fakeBrowser.runtime.sendMessage);
}
