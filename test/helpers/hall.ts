/** A hall over a real SQLite database (in memory by default) with a manual clock, and a small catalog. */
import pino from 'pino';
import { openDb } from '../../server/db/open.js';
import { createRepos } from '../../server/db/repos.js';
import { ManualClock } from '../../server/clock.js';
import { Hall, SYSTEM, type Actor, type CatalogSeed } from '../../server/hall.js';
import { DEFAULT_HOURS, type HoursConfig } from '../../server/engine/calendar.js';
import { DEFAULT_POLICY, type Policy } from '../../server/engine/policy.js';
import { idCheckChar } from '../../protocol/identity.js';

export const ADMIN: Actor = { kind: 'user', id: 'u-admin', role: 'admin', name: '管理员' };
export const KIOSK: Actor = { kind: 'device', id: 'd-kiosk', role: 'kiosk', name: 'kiosk-1' };
/** a staff member of windows 1–3 (the seeded ones) */
export const STAFF: Actor = { kind: 'user', id: 'u-staff', role: 'staff', name: '窗口一', windowIds: ['w1', 'w2', 'w3'] };

/** A valid ID number for a person index (checksum computed, birth date 1990-01-01). */
export function idNumber(n: number): string {
  const first17 = `110101${'19900101'}${String(n % 1000).padStart(3, '0')}`;
  return first17 + idCheckChar(first17);
}

export interface TestHallOptions { now?: string; file?: string; policy?: Partial<Policy>; hours?: Partial<HoursConfig>; log?: pino.Logger }

export function makeHall(opts: TestHallOptions = {}) {
  const db = openDb(opts.file ?? ':memory:');
  const repos = createRepos(db);
  const clock = new ManualClock(opts.now ?? '2026-11-23T09:00:00+08:00'); // a Monday in winter hours
  const hall = new Hall(repos, clock, {
    hallName: '测试政务服务中心',
    hours: { ...DEFAULT_HOURS, ...opts.hours },
    policy: { ...DEFAULT_POLICY, ...opts.policy },
    secret: 'test-secret',
  }, opts.log ?? pino({ level: 'silent' }));
  return { hall, db, repos, clock };
}

/** Queues A (综合受理) and B (不动产); services a1 (A, bookable), a2 (A, extended), b1 (B); windows 1 (A,B), 2 (B,A), 3 (A, reservation-only). */
export function seedCatalog(hall: Hall, moreServices: CatalogSeed['services'] = []) {
  hall.catalog.import(ADMIN, {
    queues: [
      { id: 'qA', name: '综合受理', prefix: 'A', sortOrder: 0 },
      { id: 'qB', name: '不动产登记', prefix: 'B', sortOrder: 1 },
    ],
    services: [
      { id: 'a1', code: 'A01', name: '营业执照办理', queueId: 'qA', bookable: true, extended: false, slotCapacity: 2 },
      { id: 'a2', code: 'A02', name: '个体工商户登记', queueId: 'qA', bookable: true, extended: true, slotCapacity: 4 },
      { id: 'b1', code: 'B01', name: '不动产转移登记', queueId: 'qB', bookable: true, extended: false, slotCapacity: 4 },
      ...moreServices,
    ],
    windows: [
      { id: 'w1', number: 1, name: '综合窗口', queueIds: ['qA', 'qB'], reservationOnly: false, status: 'open' },
      { id: 'w2', number: 2, name: '不动产窗口', queueIds: ['qB', 'qA'], reservationOnly: false, status: 'open' },
      { id: 'w3', number: 3, name: '预约专窗', queueIds: ['qA'], reservationOnly: true, status: 'open' },
    ],
    // STAFF is a real account: a window it signs in at names it (windows.staff_user_id → users)
    users: [{ id: STAFF.id, username: 'staff', name: STAFF.name!, role: 'staff', passwordHash: 'unused', windowIds: STAFF.windowIds }],
  });
}

export { SYSTEM };
