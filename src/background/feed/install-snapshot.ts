import type { CanhGiacDatabase, SnapshotRecord } from '../database';
import { ACTIVE_KEY } from './feed-state';

export interface ActiveRecord {
  version: number;
  checksum: string;
  installedAt: number;
}

/** The active (newest) installed snapshot, or undefined before the bundled one is installed. */
export async function readActiveSnapshot(db: CanhGiacDatabase): Promise<SnapshotRecord | undefined> {
  return db.snapshots.orderBy('version').last();
}

/**
 * Installs a verified database atomically: in ONE Dexie transaction the new snapshot is stored, every snapshot but
 * the new one and the last good one (the previously active) is dropped, and meta records the active version. A run
 * killed before the transaction commits leaves the previous state untouched. Returns false (and changes nothing)
 * when a version at least as new is already active (a concurrent run won, or a replay).
 */
export async function installSnapshot(db: CanhGiacDatabase, record: SnapshotRecord): Promise<boolean> {
  return db.transaction('rw', db.snapshots, db.meta, async () => {
    const active = await db.snapshots.orderBy('version').last();
    if (active && active.version >= record.version) return false;
    await db.snapshots.put(record);
    const keep = active ? [record.version, active.version] : [record.version];
    await db.snapshots.where('version').noneOf(keep).delete();
    const value: ActiveRecord = { version: record.version, checksum: record.checksum, installedAt: record.installedAt };
    await db.meta.put({ key: ACTIVE_KEY, value });
    return true;
  });
}
