import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { GuardDb, purgeOld, recordEvent, RETENTION_DAYS } from '../../../lib/ext/db';

let n = 0;
const fresh = () => new GuardDb(`test-${++n}`);

describe('the event record', () => {
  const dbs: GuardDb[] = [];
  afterEach(async () => {
    for (const db of dbs.splice(0)) await db.delete();
  });

  it('keeps rule, channel, time and an override’s reason, and never any text', async () => {
    const db = fresh();
    dbs.push(db);
    const sneaky = { kind: 'override', rule: 'full-name', channel: 'class-story', at: '2026-11-24T10:00:00Z', reason: 'Parent asked', text: 'Amelia Hughes' } as never;
    await recordEvent(sneaky, db);
    const [stored] = await db.events.toArray();
    expect(stored).toEqual({ id: 1, kind: 'override', rule: 'full-name', channel: 'class-story', at: '2026-11-24T10:00:00Z', reason: 'Parent asked' });
  });

  it('keeps a reason only on overrides, and at most 500 characters of it', async () => {
    const db = fresh();
    dbs.push(db);
    await recordEvent({ kind: 'fix', rule: 'full-name', channel: 'class-story', at: '2026-11-24T10:00:00Z', reason: 'x' }, db);
    await recordEvent({ kind: 'override', rule: 'out-of-hours', channel: 'private-chat', at: '2026-11-24T10:00:00Z', reason: 'y'.repeat(2000) }, db);
    const [fix, override] = await db.events.toArray();
    expect(fix).not.toHaveProperty('reason');
    expect(override!.reason).toHaveLength(500);
  });

  it(`purges records older than ${RETENTION_DAYS} days`, async () => {
    const db = fresh();
    dbs.push(db);
    await recordEvent({ kind: 'fix', rule: 'full-name', channel: 'class-story', at: '2025-01-01T10:00:00Z' }, db);
    await recordEvent({ kind: 'fix', rule: 'full-name', channel: 'class-story', at: '2026-11-01T10:00:00Z' }, db);
    expect(await purgeOld(new Date('2026-11-24T00:00:00Z'), db)).toBe(1);
    expect((await db.events.toArray()).map((e) => e.at)).toEqual(['2026-11-01T10:00:00Z']);
  });
});
