/**
 * The lifecycle every end-to-end file needs: launch the extension once for the file, check after each
 * test that nothing left ClassDojo's origins and no console error happened, close at the end.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchExtension, type Harness, type LaunchOptions } from './harness';

/** Returns the file's harness: a stand-in that forwards to the launched one, so tests write `h.openDojo(…)`. */
export function useHarness(options: LaunchOptions = {}, setup?: (h: Harness) => Promise<void>): Harness {
  let h: Harness | undefined;
  beforeAll(async () => {
    h = await launchExtension(options);
    await setup?.(h);
  });
  afterEach(() => {
    h?.assertNoForeignRequests();
    h?.assertCleanConsole();
  });
  afterAll(async () => {
    await h?.close();
  });
  return new Proxy({} as Harness, {
    get(_, key) {
      if (!h) throw new Error('the harness is not launched yet (use it inside a test)');
      return h[key as keyof Harness];
    },
  });
}
