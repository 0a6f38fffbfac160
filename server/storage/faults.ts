/**
 * Storage faults (issue 13 items 3 and 4): a read-only database, a full disk, an I/O error. One place
 * maps better-sqlite3's `SqliteError.code` (SQLITE_READONLY*, SQLITE_FULL, SQLITE_IOERR*) to a reason;
 * `StorageWatch` keeps the store's state for `/api/health` and logs one line per change of state
 * (never one per failed request). It recovers by itself: after the next command that goes through,
 * and every 30 s while degraded, a probe (a write that needs a new page, rolled back, and one
 * committed settings row) clears the fault when the store takes writes again.
 */
import type pino from 'pino';
import type { Db } from '../db/open.js';

export type StorageFault = 'read-only' | 'disk-full' | 'io-error';

/** The storage fault an error is, or null when it is something else. */
export function storageFault(err: unknown): StorageFault | null {
  const code = typeof err === 'object' && err !== null ? (err as { code?: unknown }).code : undefined;
  if (typeof code !== 'string') return null;
  if (code.startsWith('SQLITE_READONLY')) return 'read-only';
  if (code === 'SQLITE_FULL') return 'disk-full';
  if (code.startsWith('SQLITE_IOERR')) return 'io-error';
  // the OS said so without SQLite in between (a backup file, the data folder)
  if (code === 'EROFS' || code === 'EACCES' || code === 'EPERM') return 'read-only';
  if (code === 'ENOSPC' || code === 'EDQUOT') return 'disk-full';
  if (code === 'EIO') return 'io-error';
  return null;
}

export const FAULT_MESSAGES: Record<StorageFault, string> = {
  'read-only': '数据库只读，无法写入（检查数据目录的权限或挂载方式）',
  'disk-full': '磁盘已满，无法写入（请清理磁盘空间）',
  'io-error': '磁盘读写出错（检查磁盘）',
};

export interface StorageState {
  fault: StorageFault;
  /** SQLite's (or the OS's) code of the first failure */
  code: string;
  since: number;
}

export class StorageWatch {
  private state: StorageState | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(readonly db: Db, private readonly log: pino.Logger, private readonly now: () => number, private readonly probeEveryMs = 30_000) {}

  get degraded(): StorageState | null { return this.state; }

  /**
   * When `err` is a storage fault: records it (one log line when the state changes) and returns its
   * reason; otherwise null, and the caller handles the error as before.
   */
  failed(err: unknown): StorageFault | null {
    const fault = storageFault(err);
    if (!fault) return null;
    if (this.state?.fault !== fault) {
      const code = String((err as { code?: unknown }).code);
      this.log.error({ fault, code, error: (err as Error).message }, `storage unavailable (${fault}): writes answer 503 until it recovers`);
      this.state = { fault, code, since: this.now() };
      this.armProbe();
    }
    return fault;
  }

  /** A write went through: the store is back (one log line). */
  succeeded(): void {
    if (!this.state) return;
    this.log.warn({ fault: this.state.fault, downMs: this.now() - this.state.since }, 'storage available again');
    this.state = null;
    this.disarmProbe();
  }

  /**
   * Tries the store: a write that needs a new page (rolled back) and a committed one-row write. True
   * (and recovered) when both went through; a storage fault keeps (or makes) the state degraded.
   */
  probe(): boolean {
    try {
      const rollback = new Error('probe rollback');
      try {
        this.db.transaction(() => {
          this.db.exec('CREATE TABLE hallq_storage_probe (x)');
          throw rollback;
        }).immediate();
      } catch (err) {
        if (err !== rollback) throw err;
      }
      this.db.prepare("INSERT INTO settings (key, value) VALUES ('storage-probe', ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value")
        .run(String(this.now()));
      this.succeeded();
      return true;
    } catch (err) {
      if (!this.failed(err)) this.log.error({ err }, 'storage probe failed');
      return false;
    }
  }

  private armProbe() {
    if (this.timer || this.probeEveryMs <= 0) return;
    this.timer = setInterval(() => this.probe(), this.probeEveryMs);
    this.timer.unref();
  }

  private disarmProbe() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  stop() { this.disarmProbe(); }
}
