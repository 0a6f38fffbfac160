/** Report figures on a constructed day with known times, checked against values computed by hand. */
import { describe, expect, it } from 'vitest';
import { addTicket, emptyTally, figuresOf, mergeTally, type ReportTicket } from '../../server/engine/reports/figures.js';
import { isoWeek, labelOf, periodRefusal, rowsOf, tallyPeriod, type ReportNames } from '../../server/engine/reports/groups.js';
import { bookingFigures, ratingFigures } from '../../server/engine/reports/blocks.js';
import { REPORT_GROUPINGS } from '../../protocol/reports.js';

const T0 = Date.parse('2026-11-23T00:00:00+08:00');
const at = (hhmm: string, day = 0) => T0 + day * 86_400_000 + (Number(hhmm.slice(0, 2)) * 60 + Number(hhmm.slice(3))) * 60_000;
const base = { day: '2026-11-23', weekday: 0, queueId: 'qA', serviceId: 'a1', windowId: 'w1', staffId: 'u1', channel: 'walk-in', closeReason: null, transfers: 0 } as const;

function ticket(p: Partial<ReportTicket> & { issued: string; called?: string; started?: string; finished?: string; status: ReportTicket['status'] }): ReportTicket {
  const d = p.day === '2026-11-24' ? 1 : 0;
  const t = (x?: string) => (x ? at(x, d) : null);
  return { ...base, ...p, hour: Number(p.issued.slice(0, 2)), issuedAt: at(p.issued, d), calledAt: t(p.called), startedAt: t(p.started), finishedAt: t(p.finished) };
}

/** Monday: two served, one no-show, one cancelled at day end, one cancelled with its booking. */
const MONDAY: ReportTicket[] = [
  ticket({ issued: '09:00', called: '09:10', started: '09:11', finished: '09:21', status: 'done' }),
  ticket({ issued: '09:05', called: '09:45', started: '09:46', finished: '10:16', status: 'done', windowId: 'w2', staffId: 'u2', channel: 'online', transfers: 1, queueId: 'qB', serviceId: 'b1' }),
  ticket({ issued: '10:00', called: '10:20', status: 'no-show' }),
  ticket({ issued: '10:30', status: 'cancelled', closeReason: 'day-end', windowId: null, staffId: null }),
  ticket({ issued: '11:00', status: 'cancelled', closeReason: 'booking-cancelled', windowId: null, staffId: null, channel: 'phone' }),
];
const TUESDAY: ReportTicket[] = [
  ticket({ day: '2026-11-24', weekday: 1, issued: '14:00', called: '14:50', started: '14:52', finished: '15:02', status: 'done' }),
];
const NAMES: ReportNames = {
  services: new Map([['a1', '营业执照办理'], ['b1', '不动产转移登记']]), queues: new Map([['qA', '综合受理'], ['qB', '不动产登记']]),
  windows: new Map([['w1', '1号窗口 综合窗口'], ['w2', '2号窗口 不动产窗口']]), staff: new Map([['u1', '张三'], ['u2', '李四']]),
};

describe('report figures', () => {
  it('computes every figure of a day as by hand', () => {
    const { totals } = tallyPeriod(MONDAY, [], 30);
    expect(figuresOf(totals)).toEqual({
      arrived: 5, served: 2, servedPct: 40, noShows: 1, noShowPct: 20, cancelled: 2, cancelledAtDayEnd: 1, transfers: 1,
      // waits 10, 40 and 20 minutes; walks 1 and 1 minute; services 10 and 30 minutes
      avgWaitSeconds: 1400, maxWaitSeconds: 2400, avgWalkSeconds: 60, avgServiceSeconds: 1200, maxServiceSeconds: 1800,
      // one of the two served waited longer than 30 minutes
      waitOverTargetPct: 50,
    });
  });

  it('the wait target is the policy\'s: 45 minutes leaves nobody over it', () => {
    expect(figuresOf(tallyPeriod(MONDAY, [], 45).totals).waitOverTargetPct).toBe(0);
  });

  it('groups by hour with the intraday load and average wait', () => {
    const rows = rowsOf('hour', tallyPeriod(MONDAY, ['hour'], 30).groups.get('hour')!, NAMES);
    expect(rows.map((r) => [r.key, r.label, r.arrived, r.avgWaitSeconds])).toEqual([
      ['09', '09:00–10:00', 2, 1500], ['10', '10:00–11:00', 2, 1200], ['11', '11:00–12:00', 1, 0],
    ]);
  });

  it('groups by window, staff and channel, with labels; what has none is its own row', () => {
    const g = tallyPeriod(MONDAY, ['window', 'staff', 'channel'], 30).groups;
    expect(rowsOf('window', g.get('window')!, NAMES).map((r) => [r.label, r.arrived, r.served])).toEqual([
      ['1号窗口 综合窗口', 2, 1], ['2号窗口 不动产窗口', 1, 1], ['未叫号', 2, 0],
    ]);
    expect(rowsOf('staff', g.get('staff')!, NAMES).map((r) => [r.key, r.avgServiceSeconds])).toEqual([['u2', 1800], ['u1', 600], ['', 0]]); // 李四, 张三 in pinyin order
    expect(Object.fromEntries(rowsOf('channel', g.get('channel')!, NAMES).map((r) => [r.key, r.arrived]))).toEqual({ 'walk-in': 3, online: 1, phone: 1 });
  });

  it('a period equals the sum of its days, in every grouping', () => {
    const both = tallyPeriod([...MONDAY, ...TUESDAY], REPORT_GROUPINGS, 30);
    const merged = mergeTally(mergeTally(emptyTally(), tallyPeriod(MONDAY, [], 30).totals), tallyPeriod(TUESDAY, [], 30).totals);
    expect(both.totals).toEqual(merged);
    expect(figuresOf(both.totals)).toMatchObject({ arrived: 6, served: 3, maxWaitSeconds: 3000, avgWaitSeconds: Math.round((600 + 2400 + 1200 + 3000) / 4) });
    for (const by of REPORT_GROUPINGS) {
      const sum = emptyTally();
      for (const t of both.groups.get(by)!.values()) mergeTally(sum, t);
      expect(sum, by).toEqual(both.totals);
    }
    expect(rowsOf('day', both.groups.get('day')!, NAMES).map((r) => r.arrived)).toEqual([5, 1]);
    const days = ['2026-11-23', '2026-11-24'];
    expect(rowsOf('window', both.groups.get('window')!, NAMES, { perKey: both.daily.get('window')!, days }).map((r) => [r.key, r.daily]))
      .toEqual([['w1', [2, 1]], ['w2', [1, 0]], ['', [2, 0]]]);
    expect(both.daily.has('day')).toBe(false); // time groupings have no series
  });

  it('fills the weekday × hour heat map and the wait histogram', () => {
    const p = tallyPeriod([...MONDAY, ...TUESDAY], [], 30);
    expect(p.heatmap[0]!.slice(9, 12)).toEqual([2, 2, 1]);
    expect(p.heatmap[1]![14]).toBe(1);
    // 10 min → ≤10, 40 → ≤45, 20 → ≤20, 50 → ≤60
    expect(p.waitBuckets).toEqual([0, 1, 0, 1, 0, 1, 1, 0]);
  });

  it('adds one ticket at a time the same as in a pass', () => {
    const t = emptyTally();
    for (const x of MONDAY) addTicket(t, x, 30 * 60_000);
    expect(t).toEqual(tallyPeriod(MONDAY, [], 30).totals);
  });
});

describe('report periods and labels', () => {
  it('names ISO weeks by the year of their Thursday', () => {
    expect(isoWeek('2026-11-23')).toBe('2026-W48');
    expect(isoWeek('2026-11-29')).toBe('2026-W48');
    expect(isoWeek('2027-01-01')).toBe('2026-W53');
    expect(isoWeek('2027-01-04')).toBe('2027-W01');
    expect(labelOf('week', '2026-W48', NAMES)).toBe('2026年第48周');
    expect(labelOf('month', '2026-11', NAMES)).toBe('2026年11月');
  });
  it('refuses a period that ends before it starts or is longer than 400 days', () => {
    expect(periodRefusal('2026-11-23', '2026-11-23')).toBeNull();
    expect(periodRefusal('2026-01-01', '2026-12-31')).toBeNull();
    expect(periodRefusal('2026-11-24', '2026-11-23')).toMatchObject({ maxDays: 400 });
    expect(periodRefusal('2025-01-01', '2026-12-31')).not.toBeNull();
  });
});

describe('bookings and ratings blocks', () => {
  const slot = at('10:00');
  it('counts bookings by channel, outcome and lead time', () => {
    const f = bookingFigures([
      { channel: 'online', status: 'served', createdAt: slot - 3 * 3_600_000, slotStart: slot, checkedInAt: slot - 600_000, cancelledBy: null },
      { channel: 'online', status: 'forfeited', createdAt: slot - 30 * 3_600_000, slotStart: slot, checkedInAt: null, cancelledBy: null },
      { channel: 'phone', status: 'cancelled', createdAt: slot - 5 * 86_400_000, slotStart: slot, checkedInAt: null, cancelledBy: 'citizen' },
      { channel: 'onsite', status: 'cancelled', createdAt: slot - 10 * 86_400_000, slotStart: slot, checkedInAt: slot, cancelledBy: 'hall' },
    ]);
    expect(f).toEqual({
      total: 4, byChannel: { online: 2, phone: 1, onsite: 1 }, checkedIn: 2, forfeited: 1, cancelled: 2, cancelledByCitizen: 1,
      cancelledByHall: 1, served: 1, leadTime: { under1Day: 1, days1to3: 1, days3to7: 1, over7Days: 1 },
      byKind: { window: 4, visit: 0 }, visitsServed: 0,
    });
  });
  it('splits bookings by kind: 上门办 visits counted beside their channel (issue 19)', () => {
    const f = bookingFigures([
      { channel: 'phone', status: 'served', createdAt: slot - 30 * 3_600_000, slotStart: slot, checkedInAt: null, cancelledBy: null, kind: 'visit' },
      { channel: 'onsite', status: 'booked', createdAt: slot - 30 * 3_600_000, slotStart: slot, checkedInAt: null, cancelledBy: null, kind: 'visit' },
      { channel: 'phone', status: 'served', createdAt: slot - 30 * 3_600_000, slotStart: slot, checkedInAt: slot, cancelledBy: null, kind: 'window' },
    ]);
    expect(f).toMatchObject({ total: 3, byChannel: { phone: 2, onsite: 1 }, byKind: { window: 1, visit: 2 }, visitsServed: 1, served: 2 });
  });
  it('counts ratings by level; satisfied is 基本满意 and better', () => {
    expect(ratingFigures([5, 5, 4, 3, 2, 1, 5, 4])).toEqual({ count: 8, byLevel: { 1: 1, 2: 1, 3: 1, 4: 2, 5: 3 }, satisfiedPct: 75 });
    expect(ratingFigures([])).toEqual({ count: 0, byLevel: { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 }, satisfiedPct: 0 });
  });
});
