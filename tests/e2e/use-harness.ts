/**
 * The lifecycle every end-to-end file needs: launch the extension once for the file, check after each
 * test that nothing left ClassDojo's origins and no console error happened, close at the end.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import { launchExtension, type Harness, type LaunchOptions } from './harness';

/**
 * A school morning (Tuesday 24 November 2026, 10:15 UTC): the time a file's browser starts at unless it asks
 * for another, so a test's outcome never depends on when it runs (after 17:00 or at a weekend, the hours
 * rule would hold the post a test sends). `fakeTime: null` keeps the machine's clock.
 */
export const SCHOOL_MORNING = '2026-11-24 10:15:00';

/** Returns the file's harness: a stand-in that forwards to the launched one, so tests write `h.openDojo(…)`. */
export function useHarness(given: Omit<LaunchOptions, 'fakeTime'> & { fakeTime?: string | null } = {}, setup?: (h: Harness) => Promise<void>): Harness {
  const options: LaunchOptions = { ...given, fakeTime: given.fakeTime === null ? undefined : (given.fakeTime ?? SCHOOL_MORNING) };
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
