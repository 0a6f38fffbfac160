/** The bookings and ratings blocks of a report (CONTRACT.md "Reports"). Pure. */
import type { BookingFigures, RatingFigures } from '../../../protocol/reports.js';
import type { BookingChannel, BookingKind, BookingStatus } from '../../../protocol/domain.js';
import { HOUR } from '../time.js';

export interface ReportBooking {
  channel: BookingChannel;
  status: BookingStatus;
  createdAt: number;
  slotStart: number;
  checkedInAt: number | null;
  cancelledBy: string | null;
  /** issue 19: 'visit' (上门办) or 'window'; absent reads as 'window' */
  kind?: BookingKind;
}

const pct = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);

/** Lead time: how long before its slot's start a booking was made. */
export function leadBucket(b: Pick<ReportBooking, 'createdAt' | 'slotStart'>): keyof BookingFigures['leadTime'] {
  const h = (b.slotStart - b.createdAt) / HOUR;
  if (h < 24) return 'under1Day';
  if (h < 3 * 24) return 'days1to3';
  if (h < 7 * 24) return 'days3to7';
  return 'over7Days';
}

export function bookingFigures(rows: Iterable<ReportBooking>): BookingFigures {
  const f: BookingFigures = {
    total: 0, byChannel: { online: 0, phone: 0, onsite: 0 }, checkedIn: 0, forfeited: 0, cancelled: 0,
    cancelledByCitizen: 0, cancelledByHall: 0, served: 0, leadTime: { under1Day: 0, days1to3: 0, days3to7: 0, over7Days: 0 },
    byKind: { window: 0, visit: 0 }, visitsServed: 0,
  };
  for (const b of rows) {
    f.total++;
    f.byChannel[b.channel]++;
    if (b.checkedInAt != null) f.checkedIn++;
    if (b.status === 'forfeited') f.forfeited++;
    if (b.status === 'served') f.served++;
    if (b.status === 'cancelled') {
      f.cancelled++;
      if (b.cancelledBy === 'citizen') f.cancelledByCitizen++;
      else f.cancelledByHall++;
    }
    f.leadTime[leadBucket(b)]++;
    const kind = b.kind ?? 'window';
    f.byKind[kind]++;
    if (kind === 'visit' && b.status === 'served') f.visitsServed++;
  }
  return f;
}

/** Ratings: 一次一评 levels 1–5; satisfied = 基本满意 (3) and better. */
export function ratingFigures(levels: Iterable<number>): RatingFigures {
  const byLevel: RatingFigures['byLevel'] = { 1: 0, 2: 0, 3: 0, 4: 0, 5: 0 };
  let count = 0;
  let satisfied = 0;
  for (const l of levels) {
    const k = String(l) as keyof RatingFigures['byLevel'];
    if (!(k in byLevel)) continue;
    byLevel[k]++;
    count++;
    if (l >= 3) satisfied++;
  }
  return { count, byLevel, satisfiedPct: pct(satisfied, count) };
}

export const emptyBookingFigures = () => bookingFigures([]);

/** Adds one bookings block into another (a period from its days). */
export function mergeBookingFigures(into: BookingFigures, from: BookingFigures): BookingFigures {
  const add = (a: Record<string, unknown>, b: Record<string, unknown>) => {
    for (const k of Object.keys(b)) {
      if (typeof b[k] === 'number') a[k] = (a[k] as number) + b[k];
      else add(a[k] as Record<string, unknown>, b[k] as Record<string, unknown>);
    }
  };
  add(into as unknown as Record<string, unknown>, from as unknown as Record<string, unknown>);
  return into;
}
