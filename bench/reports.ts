/**
 * Reports bench (issue 15): a generated history of a hall with 100 windows and 3,000 tickets a day
 * for a year (≈ 1.1 M tickets, with bookings, ratings and transfers) in a temporary SQLite file,
 * written in one transaction; then GET /api/reports's work (hall.reports.period) for a month and for a
 * year, median of 5 (after the first report summarized the finished days: timed too); and the report
 * of one day over a history of one day and of a year.
 * Goals: the month ≤ 200 ms, the year ≤ 2 s, the day's ratio (a year of history / one day) ≤ 1.5.
 * Run alone: `npx tsx bench/reports.ts`.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import pino from 'pino';
import { ManualClock } from '../server/clock.js';
import { openDb, type Db } from '../server/db/open.js';
import { createRepos } from '../server/db/repos.js';
import { Hall, type Actor } from '../server/hall.js';
import { DEFAULT_HOURS, addDays, zonedInstant } from '../server/engine/calendar.js';
import { DEFAULT_POLICY } from '../server/engine/policy.js';
import { ticketNumber } from '../server/engine/tickets.js';
import type { ReportBy } from '../protocol/reports.js';

const ADMIN: Actor = { kind: 'user', id: 'u-bench', role: 'admin' };
const WINDOWS = 100;
const QUEUES = 10;
const PER_DAY = 3000;
const FIRST = '2025-12-01';
const LAST = '2026-11-30';
const RUNS = 5;
const TZ = DEFAULT_HOURS.tz;

const round = (n: number) => Math.round(n * 10) / 10;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

function makeHall(file: string) {
  const db = openDb(file);
  const hall = new Hall(createRepos(db), new ManualClock(`${LAST}T18:00:00+08:00`), {
    hallName: 'bench', hours: DEFAULT_HOURS, policy: DEFAULT_POLICY, secret: 'bench-secret',
  }, pino({ level: 'silent' }));
  const q = Array.from({ length: QUEUES }, (_, i) => ({ id: `q${i}`, name: `队列${i}`, prefix: 'ABCDEFGHJK'[i]!, sortOrder: i }));
  hall.catalog.import(ADMIN, {
    queues: q,
    services: q.flatMap((x, i) => [0, 1, 2].map((j) => ({ id: `s${i}-${j}`, code: `S${i}${j}`, name: `事项${i}-${j}`, queueId: x.id, bookable: true, extended: false, slotCapacity: 4 }))),
    windows: Array.from({ length: WINDOWS }, (_, i) => ({ id: `w${i}`, number: i + 1, name: `窗口${i + 1}`, queueIds: [`q${i % QUEUES}`], reservationOnly: false, status: 'closed' as const })),
    users: Array.from({ length: WINDOWS }, (_, i) => ({ id: `u${i}`, username: `staff${i}`, name: `员工${i}`, role: 'staff' as const, passwordHash: 'x', windowIds: [`w${i}`] })),
  });
  return { db, hall };
}

/** A deterministic pseudo-random sequence (the same history every run). */
function lcg(seed: number) {
  let s = seed;
  return () => (s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
}

/** Writes `days` days of history ending on LAST, in one transaction. */
function generate(db: Db, days: number) {
  const rnd = lcg(42);
  const ticket = db.prepare(`INSERT INTO tickets (id, day, seq, number, kind, status, queue_id, service_id, booking_id, window_id, issued_at,
    called_at, started_at, finished_at, close_reason, issued_by, staff_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'bench', ?)`);
  const booking = db.prepare(`INSERT INTO bookings (id, status, channel, service_id, date, slot, slot_start, name, id_number, phone, created_at,
    created_by, checked_in_at, cancelled_by) VALUES (?, ?, ?, ?, ?, '10:00', ?, '张*', '1101**********1234', '138****0000', ?, 'bench', ?, ?)`);
  const rating = db.prepare(`INSERT INTO evaluations (id, ticket_id, day, level, channel, service_id, window_id, staff_id, created_at, created_by)
    VALUES (?, ?, ?, ?, 'pad', ?, ?, ?, ?, 'bench')`);
  const event = db.prepare("INSERT INTO events (at, type, actor, subject, data) VALUES (?, 'ticket.transferred', 'bench', ?, '{}')");
  const CHANNELS = ['online', 'phone', 'onsite'] as const;
  db.transaction(() => {
    for (let d = days - 1; d >= 0; d--) {
      const day = addDays(LAST, -d);
      const open = zonedInstant(day, '09:00', TZ).getTime();
      const seqs = new Array<number>(QUEUES).fill(0);
      for (let i = 0; i < PER_DAY; i++) {
        const qi = i % QUEUES;
        const seq = ++seqs[qi]!;
        const issued = open + Math.floor((i / PER_DAY) * 8 * 3_600_000);
        const id = `t${issued.toString(36)}${String(i).padStart(4, '0')}`;
        const w = qi + QUEUES * Math.floor(rnd() * (WINDOWS / QUEUES));
        const r = rnd();
        const status = r < 0.9 ? 'done' : r < 0.95 ? 'no-show' : 'cancelled';
        const called = status === 'cancelled' ? null : issued + Math.floor(rnd() * 50 * 60_000);
        const started = status === 'done' ? called! + 30_000 : null;
        const finished = started == null ? null : started + Math.floor(rnd() * 20 * 60_000);
        const serviceId = `s${qi}-${i % 3}`;
        let bookingId: string | null = null;
        if (i % 10 === 0) {
          bookingId = `b${id}`;
          booking.run(bookingId, status === 'done' ? 'served' : 'forfeited', CHANNELS[i % 3], serviceId, day, open, open - Math.floor(rnd() * 7 * 86_400_000),
            issued, null);
        }
        ticket.run(id, day, seq, ticketNumber('ABCDEFGHJK'[qi]!, seq), bookingId ? 'reservation' : 'walk-in', status, `q${qi}`, serviceId, bookingId,
          called == null ? null : `w${w}`, issued, called, started, finished, status === 'cancelled' ? 'day-end' : null, called == null ? null : `u${w}`);
        if (status === 'done' && i % 6 === 0) rating.run(`e${id}`, id, day, 1 + Math.floor(rnd() * 5), serviceId, `w${w}`, `u${w}`, finished);
        if (i % 100 === 0 && called != null) event.run(called - 1, id);
      }
      for (let i = 0; i < 30; i++) booking.run(`bc${day}${i}`, 'cancelled', CHANNELS[i % 3], 's0-0', day, open, open - 86_400_000, null, i % 2 ? 'citizen' : 'hall');
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
}

function time(fn: () => unknown): number {
  const t = performance.now();
  fn();
  return performance.now() - t;
}

function timed(hall: Hall, from: string, to: string, by: ReportBy) {
  hall.reports.period(ADMIN, { from, to, by }); // warm: statements prepared, pages cached
  return median(Array.from({ length: RUNS }, () => time(() => hall.reports.period(ADMIN, { from, to, by }))));
}

export async function benchReports(): Promise<Record<string, number>> {
  const dir = mkdtempSync(join(tmpdir(), 'hallq-bench-reports-'));
  try {
    const small = makeHall(join(dir, 'day.db'));
    generate(small.db, 1);
    const dayAlone = timed(small.hall, LAST, LAST, 'window');
    small.db.close();

    const big = makeHall(join(dir, 'year.db'));
    const t0 = performance.now();
    generate(big.db, 365);
    const genS = (performance.now() - t0) / 1000;
    const n = (big.db.prepare('SELECT count(*) n FROM tickets').get() as { n: number }).n;
    console.log(`history: ${n.toLocaleString('en')} tickets, ${WINDOWS} windows, written in ${round(genS)} s`);
    const dayInYear = timed(big.hall, LAST, LAST, 'window');
    // the first report over finished days summarizes each of them once (report_days); later ones read the summaries
    const first = time(() => big.hall.reports.period(ADMIN, { from: FIRST, to: LAST, by: 'month' }));
    console.log(`first year report (summarizes ${365 - 2} finished days once): ${round(first / 1000)} s`);
    const month = timed(big.hall, '2026-11-01', LAST, 'day');
    const year = timed(big.hall, FIRST, LAST, 'month');
    const ratio = dayInYear / dayAlone;
    console.log(`report, one month (by day): median ${round(month)} ms (goal ≤ 200)${month <= 200 ? '' : '  ← GOAL MISSED'}`);
    console.log(`report, one year (by month): median ${round(year)} ms (goal ≤ 2000)${year <= 2000 ? '' : '  ← GOAL MISSED'}`);
    console.log(`report, one day: ${round(dayAlone)} ms over 1 day of history, ${round(dayInYear)} ms over a year;`
      + ` ratio ${round(ratio * 100) / 100} (goal ≤ 1.5)${ratio <= 1.5 ? '' : '  ← GOAL MISSED'}`);
    big.db.close();
    return {
      'reports.historyTickets': n,
      'reports.firstYearS': round(first / 1000),
      'reports.monthMs': round(month),
      'reports.yearMs': round(year),
      'reports.dayMs.1day': round(dayAlone),
      'reports.dayMs.1year': round(dayInYear),
      'reports.dayRatio': Math.round(ratio * 100) / 100,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const figures = await benchReports();
  console.log(JSON.stringify(figures));
}
