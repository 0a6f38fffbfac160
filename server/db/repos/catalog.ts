/** Queues, services and windows: the hall's catalog (DESIGN.md "Catalog"). */
import type { Db } from '../open.js';
import type { HallWindow, Queue, Service, WindowMode, WindowStatus } from '../../../protocol/domain.js';

interface QueueRow { id: string; name: string; name_en: string | null; prefix: string; sort_order: number }
interface ServiceRow {
  id: string; code: string; name: string; name_en: string | null; queue_id: string; bookable: number; extended: number;
  slot_capacity: number; phone: string | null; window_label: string | null; materials: string | null; daily_cap: number | null;
}
export interface WindowRow {
  id: string; number: number; name: string; reservation_only: number; status: WindowStatus; mode: WindowMode;
  pause_reason: string | null; current_ticket_id: string | null; staff_user_id: string | null;
}

const toQueue = (r: QueueRow): Queue => ({ id: r.id, name: r.name, ...(r.name_en ? { nameEn: r.name_en } : {}), prefix: r.prefix, sortOrder: r.sort_order });
const toService = (r: ServiceRow): Service => ({
  id: r.id, code: r.code, name: r.name, ...(r.name_en ? { nameEn: r.name_en } : {}), queueId: r.queue_id,
  bookable: !!r.bookable, extended: !!r.extended, slotCapacity: r.slot_capacity,
  ...(r.phone ? { phone: r.phone } : {}), ...(r.window_label ? { windowLabel: r.window_label } : {}),
  ...(r.materials ? { materials: r.materials.split('\n') } : {}), ...(r.daily_cap !== null ? { dailyCap: r.daily_cap } : {}),
});

/**
 * Catalog rows change a few times a year and every ticket reads two of them, so `get` keeps what it
 * read. The memory is dropped on every catalog write, and by `Repos.forget` after a transaction that
 * failed, so a write that was rolled back is never served. Only rows found are kept (an unknown id
 * from a request cannot grow it), frozen, because every caller now shares them.
 */
function memo<T extends object>(load: (id: string) => T | undefined) {
  const kept = new Map<string, T>();
  return {
    get(id: string): T | undefined {
      const hit = kept.get(id);
      if (hit) return hit;
      const row = load(id);
      if (row) kept.set(id, Object.freeze(row));
      return row;
    },
    clear: () => kept.clear(),
  };
}

export function queuesRepo(db: Db) {
  const all = db.prepare<[], QueueRow>('SELECT * FROM queues WHERE deleted = 0 ORDER BY sort_order, prefix');
  const one = db.prepare<[string], QueueRow>('SELECT * FROM queues WHERE id = ? AND deleted = 0');
  const insert = db.prepare('INSERT INTO queues (id, name, name_en, prefix, sort_order) VALUES (@id, @name, @nameEn, @prefix, @sortOrder)');
  const update = db.prepare('UPDATE queues SET name = @name, name_en = @nameEn, prefix = @prefix, sort_order = @sortOrder WHERE id = @id');
  // the deleted row keeps its letter (old tickets show it); only live rows are unique (queues_live_prefix)
  const remove = db.prepare('UPDATE queues SET deleted = 1 WHERE id = ?');
  const byPrefix = db.prepare<[string], QueueRow>('SELECT * FROM queues WHERE prefix = ? AND deleted = 0');
  const cache = memo((id: string): Queue | undefined => { const r = one.get(id); return r && toQueue(r); });
  return {
    list: (): Queue[] => all.all().map(toQueue),
    get: cache.get,
    byPrefix: (p: string): Queue | undefined => { const r = byPrefix.get(p); return r && toQueue(r); },
    insert: (q: Queue) => { cache.clear(); return insert.run({ ...q, nameEn: q.nameEn ?? null }); },
    update: (q: Queue) => { cache.clear(); return update.run({ ...q, nameEn: q.nameEn ?? null }); },
    remove: (id: string) => { cache.clear(); return remove.run(id); },
    forget: cache.clear,
  };
}

export function servicesRepo(db: Db) {
  const all = db.prepare<[], ServiceRow>(
    'SELECT s.* FROM services s JOIN queues q ON q.id = s.queue_id WHERE s.deleted = 0 ORDER BY q.sort_order, s.code');
  const one = db.prepare<[string], ServiceRow>('SELECT * FROM services WHERE id = ? AND deleted = 0');
  const cols = 'id, code, name, name_en, queue_id, bookable, extended, slot_capacity, phone, window_label, materials, daily_cap';
  const vals = '@id, @code, @name, @nameEn, @queueId, @bookable, @extended, @slotCapacity, @phone, @windowLabel, @materials, @dailyCap';
  const insert = db.prepare(`INSERT INTO services (${cols}) VALUES (${vals})`);
  const update = db.prepare(`UPDATE services SET (${cols}) = (${vals}) WHERE id = @id`);
  const remove = db.prepare('UPDATE services SET deleted = 1 WHERE id = ?');
  const countInQueue = db.prepare<[string], { n: number }>('SELECT count(*) n FROM services WHERE queue_id = ? AND deleted = 0');
  const params = (s: Service) => ({
    ...s, nameEn: s.nameEn ?? null, bookable: +s.bookable, extended: +s.extended, phone: s.phone ?? null, windowLabel: s.windowLabel ?? null,
    materials: s.materials?.length ? s.materials.join('\n') : null, dailyCap: s.dailyCap ?? null,
  });
  const cache = memo((id: string): Service | undefined => { const r = one.get(id); return r && toService(r); });
  return {
    list: (): Service[] => all.all().map(toService),
    get: cache.get,
    insert: (s: Service) => { cache.clear(); return insert.run(params(s)); },
    update: (s: Service) => { cache.clear(); return update.run(params(s)); },
    remove: (id: string) => { cache.clear(); return remove.run(id); },
    forget: cache.clear,
    countInQueue: (queueId: string) => countInQueue.get(queueId)!.n,
  };
}

export function windowsRepo(db: Db) {
  const all = db.prepare<[], WindowRow>('SELECT * FROM windows WHERE deleted = 0 ORDER BY number');
  const one = db.prepare<[string], WindowRow>('SELECT * FROM windows WHERE id = ? AND deleted = 0');
  const byNumber = db.prepare<[number], WindowRow>('SELECT * FROM windows WHERE number = ? AND deleted = 0');
  const queuesOf = db.prepare<[string], { queue_id: string }>('SELECT queue_id FROM window_queues WHERE window_id = ? ORDER BY position');
  const allQueues = db.prepare<[], { window_id: string; queue_id: string }>('SELECT window_id, queue_id FROM window_queues ORDER BY window_id, position');
  const windowsServing = db.prepare<[string], { window_id: string }>('SELECT window_id FROM window_queues WHERE queue_id = ?');
  const insert = db.prepare(
    'INSERT INTO windows (id, number, name, reservation_only, status) VALUES (@id, @number, @name, @reservationOnly, @status)');
  const update = db.prepare('UPDATE windows SET number = @number, name = @name, reservation_only = @reservationOnly WHERE id = @id');
  const clearQueues = db.prepare('DELETE FROM window_queues WHERE window_id = ?');
  const addQueue = db.prepare('INSERT INTO window_queues (window_id, queue_id, position) VALUES (?, ?, ?)');
  const remove = db.prepare('UPDATE windows SET deleted = 1 WHERE id = ?');
  const setState = db.prepare(
    'UPDATE windows SET status = @status, mode = @mode, pause_reason = @pause_reason, current_ticket_id = @current_ticket_id, staff_user_id = @staff_user_id WHERE id = @id');

  const toWindow = (r: WindowRow): HallWindow => ({
    id: r.id, number: r.number, name: r.name, reservationOnly: !!r.reservation_only, queueIds: queuesOf.all(r.id).map((q) => q.queue_id),
  });
  const setQueues = (id: string, queueIds: string[]) => {
    clearQueues.run(id);
    queueIds.forEach((q, i) => addQueue.run(id, q, i));
  };
  return {
    list: (): HallWindow[] => all.all().map(toWindow),
    rows: (): WindowRow[] => all.all(),
    row: (id: string): WindowRow | undefined => one.get(id),
    rowByNumber: (n: number): WindowRow | undefined => byNumber.get(n),
    get: (id: string): HallWindow | undefined => { const r = one.get(id); return r && toWindow(r); },
    queueMap: (): Map<string, string[]> => {
      const m = new Map<string, string[]>();
      for (const r of allQueues.all()) m.set(r.window_id, [...(m.get(r.window_id) ?? []), r.queue_id]);
      return m;
    },
    servingQueue: (queueId: string) => windowsServing.all(queueId).map((r) => r.window_id),
    insert: (w: HallWindow, status: WindowStatus = 'closed') => {
      insert.run({ id: w.id, number: w.number, name: w.name, reservationOnly: +w.reservationOnly, status });
      setQueues(w.id, w.queueIds);
    },
    update: (w: HallWindow) => {
      update.run({ id: w.id, number: w.number, name: w.name, reservationOnly: +w.reservationOnly });
      setQueues(w.id, w.queueIds);
    },
    remove: (id: string) => { clearQueues.run(id); remove.run(id); },
    saveState: (r: WindowRow) => setState.run(r),
  };
}
