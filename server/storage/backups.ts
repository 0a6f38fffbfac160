/**
 * Online backups (issue 13 item 15): SQLite's backup API through better-sqlite3's `db.backup()`,
 * which copies a bounded number of pages per step and yields to the event loop between steps, so the
 * hall keeps answering while a backup runs; writes during the copy are picked up (the copy restarts
 * where needed) and the file is a consistent snapshot. Each backup is written to `NAME.partial` and
 * renamed, so a listed file is always whole. Files are named by the hall's local date and time
 * (`hallq-2026-11-23-090000.db`); the newest `keep` are kept. On a schedule (`everyHours`) and on
 * demand (`POST /api/backups`). Restore: docs/operations.md.
 */
import { mkdirSync, readdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type pino from 'pino';
import type { Db } from '../db/open.js';
import { toIso } from '../engine/time.js';
import { SYSTEM, type Actor } from '../engine/authz.js';

export interface BackupConfig {
  /** the folder backups go to (created at start) */
  dir: string;
  /** hours between scheduled backups; 0: only on demand */
  everyHours: number;
  /** how many of the newest backups are kept */
  keep: number;
}

import type { BackupInfo } from '../../protocol/responses.js';
export type { BackupInfo };

const NAME = /^hallq-(\d{4})-(\d{2})-(\d{2})-(\d{2})(\d{2})(\d{2})(?:-(\d+))?\.db$/;
/** pages copied per step of the backup API before it yields to the event loop */
const PAGES_PER_STEP = 256;

/** `hallq-YYYY-MM-DD-HHMMSS.db` in the hall's zone. */
export function backupName(at: number, tz: string): string {
  const p = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone: tz, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23',
  }).formatToParts(new Date(at)).map((x) => [x.type, x.value]));
  return `hallq-${p.year}-${p.month}-${p.day}-${p.hour}${p.minute}${p.second}.db`;
}

export class Backups {
  private timer: NodeJS.Timeout | null = null;
  /** backups run one at a time, in the order asked */
  private chain: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly db: Db,
    readonly config: BackupConfig,
    private readonly log: pino.Logger,
    private readonly now: () => number,
    private readonly tz: string,
    /** records a made backup in the hall's event log (audited) */
    private readonly record: (b: BackupInfo, reason: 'scheduled' | 'on-demand', by: Actor) => void,
  ) {
    mkdirSync(config.dir, { recursive: true });
  }

  /** Makes one backup now (after any that is running), then keeps the newest `keep`. */
  make(reason: 'scheduled' | 'on-demand', by: Actor = SYSTEM): Promise<BackupInfo> {
    const run = this.chain.then(() => this.backupOnce(reason, by));
    this.chain = run.catch(() => undefined);
    return run;
  }

  private async backupOnce(reason: 'scheduled' | 'on-demand', by: Actor): Promise<BackupInfo> {
    const at = this.now();
    const base = backupName(at, this.tz);
    let file = base;
    for (let n = 2; this.exists(file); n++) file = base.replace(/\.db$/, `-${n}.db`);
    const path = join(this.config.dir, file);
    const partial = `${path}.partial`;
    const started = Date.now();
    try {
      await this.db.backup(partial, { progress: () => PAGES_PER_STEP });
      // one self-contained file: a rollback journal instead of WAL, so opening the backup (to check
      // it, or as the restored database before hallq sets WAL again) leaves no -wal or -shm beside it
      const copy = new Database(partial);
      try {
        copy.pragma('journal_mode = DELETE');
      } finally {
        copy.close();
      }
      renameSync(partial, path);
    } catch (err) {
      rmSync(partial, { force: true });
      throw err;
    }
    const info: BackupInfo = { file, bytes: statSync(path).size, at: toIso(at, this.tz) };
    this.log.info({ file, bytes: info.bytes, ms: Date.now() - started, reason }, 'backup made');
    this.prune();
    try {
      this.record(info, reason, by);
    } catch (err) {
      // the backup is on disk whatever happens to the audit line (a read-only store, for one)
      this.log.warn({ err, file }, 'backup made but not recorded in the event log');
    }
    return info;
  }

  /** The backups in the folder, newest first. */
  list(): BackupInfo[] {
    return this.names().map((file) => {
      const [, y, mo, d, h, mi, s] = NAME.exec(file)!;
      return { file, bytes: statSync(join(this.config.dir, file)).size, at: this.withOffset(`${y}-${mo}-${d}T${h}:${mi}:${s}`) };
    });
  }

  /** Starts the schedule (nothing when everyHours is 0). */
  start() {
    if (!this.config.everyHours || this.timer) return;
    this.timer = setInterval(() => {
      this.make('scheduled').catch((err) => this.log.error({ err }, 'scheduled backup failed'));
    }, this.config.everyHours * 3_600_000);
    this.timer.unref();
  }

  /** Stops the schedule and waits for a running backup. */
  async stop() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.chain;
  }

  private exists(file: string) {
    try {
      statSync(join(this.config.dir, file));
      return true;
    } catch {
      return false;
    }
  }

  /** Names sort by local time (then by the -N of the same second): newest first. */
  private names(): string[] {
    const key = (f: string) => { const m = NAME.exec(f)!; return `${m.slice(1, 7).join('')}-${(m[7] ?? '1').padStart(6, '0')}`; };
    return readdirSync(this.config.dir).filter((f) => NAME.test(f)).sort((a, b) => key(b).localeCompare(key(a)));
  }

  private prune() {
    for (const old of this.names().slice(this.config.keep)) {
      rmSync(join(this.config.dir, old), { force: true });
      this.log.info({ file: old }, 'old backup removed (keep)');
    }
  }

  /** a local `YYYY-MM-DDTHH:MM:SS` of the hall's zone with its offset */
  private withOffset(local: string): string {
    const guess = Date.parse(`${local}Z`);
    // the offset of the zone at about that time (the hall's zone has no DST: Asia/Shanghai)
    const iso = toIso(guess, this.tz);
    const off = iso.slice(19).replace(/^\.\d+/, '');
    return `${local}${off}`;
  }
}
