import { compileEngine, describeDatabase, isEngineIntact, serializeEngine, ENGINE_FORMAT } from '@/src/engine';
import type { DatabaseSource } from '@/src/engine/types';
import { assembleDatabase } from '@/src/patterns';
import { engineItem } from '@/src/shared/engine-item';
import type { CanhGiacDatabase, SnapshotRecord } from './database';

/** The newest installed snapshot; installs the bundled database when none is newer (first run, or an update). */
export async function loadActiveSnapshot(db: CanhGiacDatabase): Promise<SnapshotRecord> {
  const bundled = assembleDatabase();
  const newest = await db.snapshots.orderBy('version').last();
  if (newest && newest.version >= bundled.version) return newest;
  const record: SnapshotRecord = {
    version: bundled.version,
    origin: 'bundled',
    checksum: '',
    installedAt: Date.now(),
    source: bundled,
  };
  // Same shape as a feed install (src/background/feed/install-snapshot.ts): snapshot and active version together.
  await db.transaction('rw', db.snapshots, db.meta, async () => {
    await db.snapshots.put(record);
    await db.meta.put({ key: 'feed:active', value: { version: record.version, checksum: '', installedAt: record.installedAt } });
  });
  return record;
}

/** Compiles a database and publishes it to content scripts (storage.local), unless that exact one is there, intact. */
export async function publishEngine(source: DatabaseSource): Promise<{ version: number; patternCount: number }> {
  const current = await engineItem.getValue();
  // Content scripts skip the checksum (it costs ~25 ms of cold code per page): it is checked here, before the copy
  // they read is kept.
  if (current && current.dbVersion === source.version && current.format === ENGINE_FORMAT && isEngineIntact(current)) {
    return { version: current.dbVersion, patternCount: source.patterns.length };
  }
  const engine = compileEngine(source);
  // Never publish an older database over a newer one (a feed sync may have published while this one compiled).
  const latest = await engineItem.getValue();
  if (latest && latest.dbVersion > source.version && latest.format === ENGINE_FORMAT) {
    return { version: latest.dbVersion, patternCount: describeDatabase(engine).patternCount };
  }
  await engineItem.setValue(serializeEngine(engine));
  return { version: source.version, patternCount: describeDatabase(engine).patternCount };
}

let pending: Promise<{ version: number; patternCount: number }> | null = null;

/** Makes sure content scripts have an engine for the active database. Concurrent calls share one run. */
export function ensureEngine(db: CanhGiacDatabase): Promise<{ version: number; patternCount: number }> {
  pending ??= loadActiveSnapshot(db)
    .then((snapshot) => publishEngine(snapshot.source))
    .finally(() => {
      pending = null;
    });
  return pending;
}
