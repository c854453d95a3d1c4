import Dexie, { type EntityTable } from 'dexie';
import type { DatabaseSource } from '@/src/engine/types';

/** A pattern database installed in the extension: the bundled one or one verified from the feed. */
export interface SnapshotRecord {
  /** The database's own version number (primary key). */
  version: number;
  origin: 'bundled' | 'feed';
  /** SHA-256 (hex) of the canonical database JSON, as the feed manifest states it; '' for the bundled one. */
  checksum: string;
  installedAt: number;
  source: DatabaseSource;
}

/** Small key/value records: feed state (current version, ETag, back-off), install time… */
export interface MetaRecord {
  key: string;
  value: unknown;
}

export type ReportState = 'pending' | 'sent' | 'failed';

/** The reports outbox: a report is stored first, then delivered by the background. */
export interface ReportRecord {
  /** UUID; also the idempotency key sent to the endpoint. */
  id: string;
  createdAt: number;
  state: ReportState;
  attempts: number;
  /** When the next delivery attempt may run (ms since epoch); 0 when not scheduled. */
  nextAttemptAt: number;
  lastError: string | null;
  sentAt: number | null;
  /** Exactly what the person saw in the preview and confirmed (the versioned report JSON). */
  payload: Record<string, unknown>;
}

export const DATABASE_NAME = 'canh-giac';

/**
 * The extension's IndexedDB database. Only the background (and extension pages through it) opens it: a content
 * script would get the web page's storage instead.
 *
 * Schema history — never edit a released version; add `this.version(n + 1).stores({...}).upgrade(tx => …)`:
 * - v1: snapshots (by version), meta (by key), reports (by id; indexed by state and next attempt).
 */
export class CanhGiacDatabase extends Dexie {
  snapshots!: EntityTable<SnapshotRecord, 'version'>;
  meta!: EntityTable<MetaRecord, 'key'>;
  reports!: EntityTable<ReportRecord, 'id'>;

  constructor(name: string = DATABASE_NAME) {
    super(name);
    this.version(1).stores({
      snapshots: 'version, origin',
      meta: 'key',
      reports: 'id, state, nextAttemptAt, createdAt',
    });
  }
}

/** Opens the database (Dexie opens lazily on first use; this forces it so failures surface at start-up). */
export async function openDatabase(name?: string): Promise<CanhGiacDatabase> {
  const db = new CanhGiacDatabase(name);
  await db.open();
  return db;
}
