import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type CanhGiacDatabase } from './database';

let db: CanhGiacDatabase | undefined;
afterEach(async () => {
  if (db) {
    db.close();
    await db.delete();
  }
});

describe('CanhGiacDatabase', () => {
  it('opens at schema version 1 with the expected tables', async () => {
    db = await openDatabase('test-open');
    expect(db.verno).toBe(1);
    expect(db.tables.map((t) => t.name).sort()).toEqual(['meta', 'reports', 'snapshots']);
  });

  it('finds pending reports due for delivery through the nextAttemptAt index', async () => {
    db = await openDatabase('test-reports');
    const base = { attempts: 0, lastError: null, sentAt: null, payload: {} };
    await db.reports.bulkAdd([
      { ...base, id: 'a', createdAt: 1, state: 'pending', nextAttemptAt: 100 },
      { ...base, id: 'b', createdAt: 2, state: 'pending', nextAttemptAt: 500 },
      { ...base, id: 'c', createdAt: 3, state: 'sent', nextAttemptAt: 0 },
    ]);
    const due = await db.reports.where('nextAttemptAt').belowOrEqual(200).filter((r) => r.state === 'pending').toArray();
    expect(due.map((r) => r.id)).toEqual(['a']);
  });

  it('keeps data across a reopen (a killed service worker starts again)', async () => {
    db = await openDatabase('test-reopen');
    await db.meta.put({ key: 'feed', value: { version: 3 } });
    db.close();
    db = await openDatabase('test-reopen');
    expect(await db.meta.get('feed')).toEqual({ key: 'feed', value: { version: 3 } });
  });
});
