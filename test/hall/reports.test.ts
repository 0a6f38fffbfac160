/**
 * Reports over a day played through the hall's own commands with the manual clock: every figure as
 * computed by hand, a period as the sum of its days, staff limited to their windows, ratings from the
 * evaluations table, and the queries' plans (a day's report does not read the history).
 */
import { beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, KIOSK, STAFF, makeHall, seedCatalog } from '../helpers/hall.js';
import type { Actor } from '../../server/hall.js';

const at = (hhmm: string, day = '2026-11-23') => `${day}T${hhmm}:00+08:00`;
const turn = () => new Promise<void>((r) => setImmediate(r));
const W2_STAFF: Actor = { kind: 'user', id: 'u-w2', role: 'staff', name: '二号', windowIds: ['w2'] };
const LEAD: Actor = { kind: 'user', id: 'u-lead', role: 'lead', name: '组长' };

let h: ReturnType<typeof makeHall>;
const ids: Record<string, string> = {};

/** Monday 2026-11-23, by hand: A001 waits 10 min, B001 40, A002 20 (no-show), A004 10 after a transfer; A003 never called. */
function playMonday() {
  const { hall, clock } = h;
  const issue = (t: string, serviceId: string) => {
    clock.set(at(t));
    return hall.issueTicket(KIOSK, { serviceId }).ticket;
  };
  const step = (t: string, fn: () => unknown) => {
    clock.set(at(t));
    fn();
  };
  ids.A001 = issue('09:00', 'a1').id;
  ids.B001 = issue('09:05', 'b1').id;
  step('09:09', () => hall.openWindow(STAFF, 'w1')); // STAFF signs in at window 1
  step('09:10', () => hall.callNext(STAFF, 'w1'));
  step('09:11', () => hall.start(STAFF, 'w1'));
  step('09:21', () => hall.finish(STAFF, 'w1'));
  step('09:45', () => hall.callNext(ADMIN, 'w2')); // nobody signed in at 2: the calling admin serves
  step('09:46', () => hall.start(ADMIN, 'w2'));
  step('10:16', () => hall.finish(ADMIN, 'w2'));
  ids.A002 = issue('10:00', 'a1').id;
  step('10:20', () => hall.callNext(STAFF, 'w1'));
  step('10:25', () => hall.noShow(STAFF, 'w1'));
  ids.A004 = issue('11:00', 'a2').id;
  step('11:05', () => hall.callNext(STAFF, 'w1'));
  step('11:06', () => hall.transfer(STAFF, 'w1', { queueId: 'qB' }));
  step('11:10', () => hall.callNext(ADMIN, 'w2'));
  step('11:11', () => hall.start(ADMIN, 'w2'));
  step('11:20', () => hall.finish(ADMIN, 'w2'));
  ids.A003 = issue('11:30', 'a1').id;
  clock.set(at('23:00'));
  hall.tick(); // the day end cancels A003
}

function rate(ticket: string, windowId: string, level: number, day = '2026-11-23') {
  h.db.prepare(`INSERT INTO evaluations (id, ticket_id, day, level, channel, window_id, created_at, created_by)
    VALUES (?, ?, ?, ?, 'pad', ?, 0, 'test')`).run(`e-${ticket}`, ticket, day, level, windowId);
}

function book(id: string, channel: string, status: string, cancelledBy: string | null, createdAt: string) {
  h.db.prepare(`INSERT INTO bookings (id, status, channel, service_id, date, slot, slot_start, name, id_number, phone, created_at, created_by, cancelled_by)
    VALUES (?, ?, ?, 'a1', '2026-11-23', '10:00', ?, '张*', '1101**********1234', '138****0000', ?, 'test', ?)`)
    .run(id, status, channel, Date.parse(at('10:00')), Date.parse(createdAt), cancelledBy);
}

beforeEach(() => {
  h = makeHall();
  seedCatalog(h.hall);
  playMonday();
});

describe('GET /api/reports figures (hall)', () => {
  it('computes every figure of a played day as by hand', () => {
    const r = h.hall.reports.period(LEAD, { from: '2026-11-23', to: '2026-11-23', by: 'day' });
    expect(h.hall.ticket(ids.A003!).ticket.status).toBe('cancelled');
    expect(r.totals).toEqual({
      arrived: 5, served: 3, servedPct: 60, noShows: 1, noShowPct: 20, cancelled: 1, cancelledAtDayEnd: 1, transfers: 1,
      avgWaitSeconds: 1200, maxWaitSeconds: 2400, avgWalkSeconds: 60, // waits 10, 40, 20, 10 minutes; walks 1 minute
      avgServiceSeconds: 980, maxServiceSeconds: 1800, // 10, 30, 9 minutes
      waitOverTargetPct: 33.3, // B001 of the 3 served waited over 30 minutes
    });
    expect(r.rows).toHaveLength(1);
    expect(r.rows[0]).toMatchObject({ key: '2026-11-23', label: '2026-11-23', arrived: 5 });
    expect(r.waitTargetMinutes).toBe(30);
  });

  it('knows who served: the user signed in at the window, else the calling user', () => {
    const r = h.hall.reports.period(LEAD, { from: '2026-11-23', to: '2026-11-23', by: 'staff' });
    expect(r.rows.map((x) => [x.key, x.label, x.arrived, x.served])).toEqual([
      ['u-staff', '窗口一', 2, 1], ['u-admin', 'u-admin', 2, 2], ['', '未记录', 1, 0],
    ]);
  });

  it('groups by window with the window\'s number and name, and by hour', () => {
    const w = h.hall.reports.period(LEAD, { from: '2026-11-23', to: '2026-11-23', by: 'window' });
    expect(w.rows.map((x) => [x.label, x.arrived])).toEqual([['1号窗口 综合窗口', 1 + 1], ['2号窗口 不动产窗口', 2], ['未叫号', 1]]);
    const hr = h.hall.reports.period(LEAD, { from: '2026-11-23', to: '2026-11-23', by: 'hour' });
    expect(hr.rows.map((x) => [x.key, x.arrived, x.avgWaitSeconds])).toEqual([['09', 2, 1500], ['10', 1, 1200], ['11', 2, 600]]);
    expect(hr.heatmap[0]!.slice(9, 12)).toEqual([2, 1, 2]);
  });

  it('a period equals the sum of its days', () => {
    h.clock.set(at('09:00', '2026-11-24'));
    h.hall.issueTicket(KIOSK, { serviceId: 'b1' });
    h.clock.set(at('09:30', '2026-11-24'));
    h.hall.callNext(STAFF, 'w1');
    const day = (d: string) => h.hall.reports.period(LEAD, { from: d, to: d, by: 'day' }).totals;
    const both = h.hall.reports.period(LEAD, { from: '2026-11-23', to: '2026-11-24', by: 'day' });
    const [mon, tue] = [day('2026-11-23'), day('2026-11-24')];
    expect(both.totals.arrived).toBe(mon.arrived + tue.arrived);
    expect(both.totals.served).toBe(mon.served + tue.served);
    expect(both.totals.maxWaitSeconds).toBe(Math.max(mon.maxWaitSeconds, tue.maxWaitSeconds));
    expect(both.totals.avgWaitSeconds).toBe(Math.round((1200 * 4 + 1800) / 5));
    expect(both.rows.map((r) => r.arrived)).toEqual([5, 1]);
  });

  it('staff see only their own windows: tickets and ratings; no bookings block', () => {
    rate(ids.A001!, 'w1', 5);
    rate(ids.B001!, 'w2', 2);
    const mine = h.hall.reports.period(W2_STAFF, { from: '2026-11-23', to: '2026-11-23', by: 'window' });
    expect(mine.ownWindowsOnly).toBe(true);
    expect(mine.rows.map((r) => r.key)).toEqual(['w2']);
    expect(mine.totals).toMatchObject({ arrived: 2, served: 2 });
    expect(mine.bookings).toBeNull();
    expect(mine.ratings).toEqual({ count: 1, byLevel: { 1: 0, 2: 1, 3: 0, 4: 0, 5: 0 }, satisfiedPct: 0 });
    const all = h.hall.reports.period(LEAD, { from: '2026-11-23', to: '2026-11-23', by: 'window' });
    expect(all.ownWindowsOnly).toBe(false);
    expect(all.ratings).toMatchObject({ count: 2, satisfiedPct: 50 });
  });

  it('reports the day\'s bookings by channel, outcome and lead time', () => {
    book('bk1', 'online', 'served', null, at('07:00'));
    book('bk2', 'phone', 'cancelled', 'citizen', at('16:00', '2026-11-20'));
    book('bk3', 'online', 'forfeited', null, at('12:00', '2026-11-10'));
    const r = h.hall.reports.period(ADMIN, { from: '2026-11-23', to: '2026-11-23', by: 'channel' });
    expect(r.bookings).toMatchObject({
      total: 3, byChannel: { online: 2, phone: 1, onsite: 0 }, forfeited: 1, cancelled: 1, cancelledByCitizen: 1, served: 1,
      leadTime: { under1Day: 1, days1to3: 1, days3to7: 0, over7Days: 1 },
    });
  });

  it('refuses a period backwards or longer than 400 days (invalid-range), and anyone but staff and up', () => {
    expect(() => h.hall.reports.period(LEAD, { from: '2026-11-24', to: '2026-11-23', by: 'day' })).toThrow(expect.objectContaining({ code: 'invalid-range' }));
    expect(() => h.hall.reports.book(LEAD, { from: '2025-01-01', to: '2026-11-23' })).toThrow(/最长400天/);
    expect(() => h.hall.reports.period(KIOSK, { from: '2026-11-23', to: '2026-11-23', by: 'day' })).toThrow(expect.objectContaining({ code: 'forbidden' }));
  });
});

describe('stored day summaries', () => {
  it('a finished day summarized once gives the same report as its tickets, in every grouping', () => {
    rate(ids.A001!, 'w1', 5);
    const groupings = ['day', 'week', 'month', 'hour', 'service', 'queue', 'window', 'staff', 'channel'] as const;
    const live = groupings.map((by) => h.hall.reports.period(LEAD, { from: '2026-11-23', to: '2026-11-23', by }));
    const days = () => h.db.prepare("SELECT count(*) n FROM report_days WHERE grouping = 'day'").pluck().get();
    expect(days()).toBe(0);
    h.clock.set(at('09:00', '2026-11-26')); // Monday is before yesterday now: final
    const stored = groupings.map((by) => h.hall.reports.period(LEAD, { from: '2026-11-22', to: '2026-11-26', by }));
    expect(days()).toBe(3); // 22, 23, 24: the 25th and today are read from the tickets
    for (const [i, r] of stored.entries()) {
      const l = live[i]!;
      expect(r.totals, r.by).toEqual(l.totals);
      const bare = (rows: typeof r.rows) => rows.map(({ daily: _d, ...x }) => x);
      expect(bare(r.rows), r.by).toEqual(bare(l.rows));
      // the rows' daily series: the stored Monday in its place among the period's five days
      for (const [j, row] of r.rows.entries()) if (l.rows[j]!.daily) expect(row.daily, r.by).toEqual([0, l.rows[j]!.daily![0], 0, 0, 0]);
      expect(r.heatmap).toEqual(l.heatmap);
      expect(r.waitBuckets).toEqual(l.waitBuckets);
      expect(r.ratings).toEqual(l.ratings);
    }
  });

  // issue 20: in slices after the tick (it used to run inside the tick, all at once)
  it('the hall opening summarizes the last week\'s finished days, before any report asks, in slices after the tick', async () => {
    h.clock.set(at('09:00', '2026-11-26'));
    h.hall.tick(); // the hall opens: hall:updated
    const days = () => h.db.prepare("SELECT day FROM report_days WHERE grouping = 'day' ORDER BY day").pluck().all();
    expect(days()).toEqual([]); // nothing inside the tick itself
    for (let i = 0; i < 100 && days().length < 7; i++) await turn();
    expect(days()).toEqual(['2026-11-18', '2026-11-19', '2026-11-20', '2026-11-21', '2026-11-22', '2026-11-23', '2026-11-24']);
  });

  it('a report over finished days never summarized builds their summaries in slices, giving the event loop back between them', async () => {
    h.clock.set(at('09:00', '2026-11-30'));
    const days = () => h.db.prepare("SELECT count(*) n FROM report_days WHERE grouping = 'day'").pluck().get() as number;
    const q = { from: '2026-11-20', to: '2026-11-28' }; // 9 finished days
    const ready = h.hall.reports.prepare(LEAD, q);
    expect(days()).toBe(0); // the request's own turn did none of it
    const seen: number[] = [];
    let finished = false;
    void ready.then(() => { finished = true; });
    // another callback of the loop runs while the summaries are being built: the loop is not held
    while (!finished) {
      await turn();
      seen.push(days());
    }
    expect(days()).toBe(9);
    expect(seen.some((n) => n > 0 && n < 9)).toBe(true);
    expect(new Set(seen).size).toBeGreaterThan(2); // in several slices, not one
    // the report then reads the stored days and summarizes nothing more
    const r = h.hall.reports.period(LEAD, { ...q, by: 'day' });
    expect(r.totals.arrived).toBe(5);
    expect(days()).toBe(9);
    // a staff member's report reads the tickets: nothing to prepare
    await h.hall.reports.prepare(STAFF, q);
    await expect(h.hall.reports.prepare(LEAD, { from: '2026-11-24', to: '2026-11-23' })).rejects.toMatchObject({ code: 'invalid-range' });
  });

  it('today\'s tickets join the stored days; another wait target summarizes the days again', () => {
    h.clock.set(at('09:00', '2026-11-26'));
    h.hall.issueTicket(KIOSK, { serviceId: 'b1' });
    const r = h.hall.reports.period(LEAD, { from: '2026-11-23', to: '2026-11-26', by: 'day' });
    expect(r.totals.arrived).toBe(6);
    expect(r.rows.map((x) => [x.key, x.arrived])).toEqual([['2026-11-23', 5], ['2026-11-26', 1]]);
    expect(r.totals.waitOverTargetPct).toBe(33.3);
    // the policy changes in place when an admin edits it (PUT /api/config/policy)
    (h.hall as unknown as { core: { cfg: { policy: { waitTargetMinutes: number } } } }).core.cfg.policy.waitTargetMinutes = 45;
    expect(h.hall.reports.period(LEAD, { from: '2026-11-23', to: '2026-11-26', by: 'day' }).totals.waitOverTargetPct).toBe(0);
  });
});

describe('GET /api/reports/daily', () => {
  it('counts the tickets cancelled at closing', () => {
    expect(h.hall.report(LEAD, '2026-11-23')).toMatchObject({ tickets: 5, served: 3, noShows: 1, cancelled: 1, cancelledAtDayEnd: 1 });
  });
});

describe('report queries', () => {
  const plan = (sql: string) => (h.db.prepare(`EXPLAIN QUERY PLAN ${sql}`).all() as { detail: string }[]).map((r) => r.detail).join('; ');
  it('find a period by its day or time through an index, never a scan of the history', () => {
    expect(plan(`SELECT t.id FROM tickets t LEFT JOIN bookings b ON b.id = t.booking_id WHERE t.day BETWEEN '2026-11-01' AND '2026-11-30'`))
      .toMatch(/SEARCH t USING INDEX sqlite_autoindex_tickets_\d \(day>\? AND day<\?\)/);
    expect(plan("SELECT subject FROM events WHERE type = 'ticket.transferred' AND at >= 1 AND at < 2")).toContain('events_transfers');
    expect(plan("SELECT channel FROM bookings WHERE date BETWEEN '2026-11-01' AND '2026-11-30'")).toContain('bookings_by_date');
    expect(plan("SELECT level FROM evaluations WHERE day BETWEEN '2026-11-01' AND '2026-11-30'")).toContain('evaluations_by_day');
  });
});
