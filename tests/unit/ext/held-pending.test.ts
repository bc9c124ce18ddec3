/**
 * A held send the teacher never decided is recorded once as not sent (issue #20: the overrides view
 * under-counted): the content script tells the background when the gate's dialog opens; if the tab closes or
 * loads another page first, the background records it; if the content script records it itself (a hash
 * navigation, the composer gone), the background does not record it again.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { respond } from '../../../lib/ext/handler';
import { abandonHolds, forgetHolds, pendingHolds } from '../../../lib/ext/held-pending';
import { guardDb } from '../../../lib/ext/db';
import { heldRows, heldSummary } from '../../../lib/events/held';
import { exportHeld } from '../../../lib/events/held-export';
import type { GuardEvent, Sender } from '../../../lib/ext/messages';

const ID = 'our-extension-id';
const tab = (id: number): Sender => ({ id: ID, url: 'https://teach.classdojo.com/#/classes/c1/story', origin: 'https://teach.classdojo.com', tab: { id, url: 'https://teach.classdojo.com/#/classes/c1/story' } as never });
const event = (kind: GuardEvent['kind']): GuardEvent => ({ kind, rule: 'full-name', rules: ['full-name', 'pupil-name'], channel: 'class-story', classId: 'c1', at: '2026-11-24T10:00:00.000Z' });
const log = (sender: Sender, kind: GuardEvent['kind'], held: string, hold?: 'open' | 'drop') => respond({ type: 'log-event', event: event(kind), held, ...(hold ? { hold } : {}) }, sender, ID);
const stored = () => guardDb().events.toArray();

describe('a held send left undecided', () => {
  beforeEach(() => fakeBrowser.reset());
  afterEach(async () => {
    await guardDb().events.clear();
  });

  it('is kept while the dialog is open, and recorded as not sent when its tab goes', async () => {
    expect(await log(tab(7), 'abandoned', 'abc-1', 'open')).toEqual({ ok: true, value: true });
    expect(await stored()).toEqual([]);
    expect(Object.keys(await pendingHolds.getValue())).toEqual(['abc-1']);
    // Another tab closing leaves it alone.
    expect(await abandonHolds((h) => h.tabId === 8)).toBe(0);
    expect(await abandonHolds((h) => h.tabId === 7, new Date('2026-11-24T10:05:00Z'))).toBe(1);
    const events = await stored();
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ kind: 'abandoned', rules: ['full-name', 'pupil-name'], channel: 'class-story', classId: 'c1', at: '2026-11-24T10:05:00.000Z' });
    expect(events[0]).not.toHaveProperty('text');
    expect(await pendingHolds.getValue()).toEqual({});
    // The overrides view, its summary and exports list it as not sent.
    const rows = heldRows(events as never);
    expect(rows.map((r) => r.outcome)).toEqual(['not-sent']);
    expect(heldSummary(rows)).toEqual({ held: 1, byOutcome: { fixed: 0, edited: 0, 'sent-anyway': 0, 'not-sent': 1 }, partlyFixed: 0 });
    const json = JSON.parse(exportHeld(rows, 'json', { timeZone: 'Europe/London', name: () => 'Class 3 Oak', today: '2026-11-24' }).body);
    expect(json.items[0]).toMatchObject({ outcome: 'not-sent', ruleIds: ['full-name', 'pupil-name'], class: 'Class 3 Oak', reason: null });
    expect(exportHeld(rows, 'csv', { timeZone: 'Europe/London', name: () => 'Class 3 Oak', today: '2026-11-24' }).body).toContain(',not-sent,');
  });

  it('is recorded once when the content script says so first, and once when the background did first', async () => {
    await log(tab(7), 'abandoned', 'abc-1', 'open');
    await log(tab(7), 'abandoned', 'abc-1');
    expect(await abandonHolds((h) => h.tabId === 7)).toBe(0);
    expect(await stored()).toHaveLength(1);
    await log(tab(7), 'abandoned', 'abc-2', 'open');
    expect(await abandonHolds((h) => h.tabId === 7)).toBe(1);
    await log(tab(7), 'abandoned', 'abc-2'); // the content script's word, late
    expect(await stored()).toHaveLength(2);
  });

  it('an outcome resolves it: recorded as that outcome, never also as not sent', async () => {
    await log(tab(7), 'abandoned', 'abc-1', 'open');
    await log(tab(7), 'override', 'abc-1');
    expect(await abandonHolds(() => true)).toBe(0);
    expect((await stored()).map((e) => e.kind)).toEqual(['override']);
  });

  it('a hold dropped without an outcome (our dialog failed, the send let go) records nothing', async () => {
    await log(tab(7), 'abandoned', 'abc-1', 'open');
    await log(tab(7), 'abandoned', 'abc-1', 'drop');
    expect(await abandonHolds(() => true)).toBe(0);
    expect(await stored()).toEqual([]);
  });

  it('"Delete records only" forgets it: no "not sent" row comes back after the records were deleted', async () => {
    await log(tab(7), 'abandoned', 'abc-1', 'open');
    await log(tab(9), 'abandoned', 'abc-2', 'open');
    await forgetHolds();
    expect(await pendingHolds.getValue()).toEqual({});
    expect(await abandonHolds(() => true)).toBe(0);
    expect(await stored()).toEqual([]);
    // A send held after the delete is kept as before.
    await log(tab(7), 'abandoned', 'abc-3', 'open');
    expect(await abandonHolds((h) => h.tabId === 7)).toBe(1);
    expect(await stored()).toHaveLength(1);
  });

  it('refuses a hold id that is not one', async () => {
    expect(await log(tab(7), 'abandoned', 'a b<script>', 'open')).toEqual({ ok: false, error: 'bad-request' });
  });
});
