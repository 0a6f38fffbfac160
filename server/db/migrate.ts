/**
 * Numbered SQL migrations (`migrations/NNN_name.sql`), applied in order inside one transaction each.
 * The schema version is SQLite's `user_version`; `application_id` marks a database made by this line
 * of migrations (001_schema.sql, the fold of issue 10), so a file of another program, or one made by
 * the development migrations folded into 001, is refused instead of being taken for version 1.
 */
import type Database from 'better-sqlite3';
import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const DIR = fileURLToPath(new URL('./migrations/', import.meta.url));

/** 'hlq1' in the database header: a hallq database whose history starts at 001_schema.sql. */
export const APPLICATION_ID = 0x686c7131;

export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export function loadMigrations(dir = DIR): Migration[] {
  return readdirSync(dir)
    .filter((f) => /^\d{3}_[\w-]+\.sql$/.test(f))
    .sort()
    .map((f) => ({ version: Number(f.slice(0, 3)), name: f, sql: readFileSync(dir + f, 'utf8') }));
}

/**
 * Returns the schema version after migrating. Refuses a database newer than this code, and one that
 * has a version but is not of this line of migrations.
 *
 * Foreign keys are off while migrations run (the pragma is ignored inside a transaction, so it is set
 * around them) because SQLite's way to change a table is to build a new one, copy, drop the old and
 * rename, and with foreign keys on, dropping a table that others reference deletes its rows through
 * their constraints. Before each migration commits, `foreign_key_check` must come back empty: a
 * migration cannot leave a dangling reference behind. The connection's setting is restored after.
 */
export function migrate(db: Database.Database, migrations = loadMigrations()): number {
  const current = db.pragma('user_version', { simple: true }) as number;
  const latest = migrations.at(-1)?.version ?? 0;
  if (current > 0 && db.pragma('application_id', { simple: true }) !== APPLICATION_ID)
    throw new Error(`database (schema version ${current}) was not made by this hallq's migrations (it predates 001_schema.sql, or is another program's): start from a new database file`);
  if (current > latest) throw new Error(`database schema version ${current} is newer than this hallq (${latest})`);
  const pending = migrations.filter((m) => m.version > current);
  if (!pending.length) return current;
  const fk = db.pragma('foreign_keys', { simple: true }) as number;
  db.pragma('foreign_keys = OFF');
  try {
    for (const m of pending) {
      db.transaction(() => {
        db.exec(m.sql);
        const dangling = db.pragma('foreign_key_check') as { table: string; parent: string }[];
        if (dangling.length) {
          const { table, parent } = dangling[0];
          throw new Error(`migration ${m.name} leaves ${dangling.length} row(s) with a dangling foreign key (first: ${table} → ${parent})`);
        }
        if (current === 0 && m === pending[0]) db.pragma(`application_id = ${APPLICATION_ID}`);
        db.pragma(`user_version = ${m.version}`);
      })();
    }
  } finally {
    db.pragma(`foreign_keys = ${fk ? 'ON' : 'OFF'}`);
  }
  return db.pragma('user_version', { simple: true }) as number;
}
