/** Opens the hall's SQLite file with the pragmas it relies on, then brings the schema up to date. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrate.js';

export type Db = Database.Database;

/** `readonly`: a connection that refuses every write (tests of a read-only store; a report tool). */
export function openDb(file: string, opts: { readonly?: boolean } = {}): Db {
  if (file !== ':memory:' && !opts.readonly) mkdirSync(dirname(file), { recursive: true });
  const db = new Database(file, { readonly: opts.readonly === true, fileMustExist: opts.readonly === true });
  // WAL: readers (snapshots, reports) never block the one writer, and a commit is one sequential append.
  // A store that cannot be written (a read-only file or mount) keeps the mode it has: the hall starts
  // degraded and serves reads (server/storage/faults.ts) instead of dying here
  try {
    db.pragma('journal_mode = WAL');
  } catch (err) {
    if (!String((err as { code?: unknown }).code).startsWith('SQLITE_READONLY')) throw err;
  }
  // FULL: every acknowledged ticket and booking is fsynced before the answer leaves (power may fail any moment)
  db.pragma('synchronous = FULL');
  // every REFERENCES of the schema is checked, so no ticket, booking or binding points at a missing row.
  // Set although better-sqlite3's build defaults to ON: SQLite's own default is OFF, per connection.
  // The cost is one primary-key seek per reference written (bench/engine.ts: no extra WAL page per ticket)
  db.pragma('foreign_keys = ON');
  // a second connection (backup, report tool) waits for the writer instead of failing at once
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
