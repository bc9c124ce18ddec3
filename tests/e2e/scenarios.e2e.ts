/**
 * Every scenario of the demo (scripts/demo-scenarios.ts), run as a test: teacher, parent and leader
 * features, settings and popup, one after another in one browser. Nothing may leave ClassDojo's origins
 * from any context (checked after each scenario), and no page may log an error.
 */
import { describe, expect, it } from 'vitest';
import { SCENARIOS } from '../../scripts/demo-scenarios';
import { useHarness } from './use-harness';

describe('every scenario of the demo', () => {
  // A school morning, as the demo runs.
  const h = useHarness({ fakeTime: '2026-11-24 10:15:00' });

  for (const scenario of SCENARIOS) {
    it(scenario.title, async () => {
      const page = await scenario.run(h);
      expect(page.isClosed()).toBe(false);
      expect(h.foreignRequests).toEqual([]);
    });
  }
});
