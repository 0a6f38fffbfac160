/**
 * Reports (CONTRACT.md "Reports", issue 15): the figures a hall is judged by, their groupings, and
 * the answer of GET /api/reports. Plain types and the few constants the server and the admin app share.
 */
import type { LongServices } from './booking-changes.js';

/** How a report's rows are grouped. */
export const REPORT_GROUPINGS = ['day', 'week', 'month', 'hour', 'service', 'queue', 'window', 'staff', 'channel'] as const;
export type ReportBy = (typeof REPORT_GROUPINGS)[number];

/** The longest period one report covers, in days (a year and a bit: a year's report fits). */
export const REPORT_MAX_DAYS = 400;

/** Where a ticket came from: a walk-in, or the channel of the booking it was checked in for. */
export type ReportChannel = 'walk-in' | 'online' | 'phone' | 'onsite';

/** The figures of one group of tickets (or of them all). Durations are whole seconds. */
export interface ReportFigures {
  /** tickets issued (walk-ins and checked-in reservations) */
  arrived: number;
  /** finished at a window */
  served: number;
  /** served / arrived, percent with one decimal (0 when nobody arrived) */
  servedPct: number;
  noShows: number;
  noShowPct: number;
  /** cancelled, for any reason (the day end, a cancelled booking) */
  cancelled: number;
  /** of those, cancelled by the day-end close (still waiting or called at closing) */
  cancelledAtDayEnd: number;
  /** transfers to another queue or window */
  transfers: number;
  /** issue → call, over the tickets called */
  avgWaitSeconds: number;
  maxWaitSeconds: number;
  /** call → start (the walk to the window), over the tickets started */
  avgWalkSeconds: number;
  /** start → finish, over the tickets served */
  avgServiceSeconds: number;
  maxServiceSeconds: number;
  /** the share of served tickets that waited longer than policy.waitTargetMinutes, percent with one decimal */
  waitOverTargetPct: number;
}

export interface ReportRow extends ReportFigures {
  key: string;
  label: string;
  /** arrivals on each day of the period (rows of service, queue, window, staff, channel; periods up to 93 days): the sparkline */
  daily?: number[];
}

export interface BookingFigures {
  total: number;
  byChannel: Record<'online' | 'phone' | 'onsite', number>;
  checkedIn: number;
  forfeited: number;
  cancelled: number;
  cancelledByCitizen: number;
  cancelledByHall: number;
  served: number;
  /** how long before its slot's start a booking was made: under 24 hours, 1–3 days, 3–7 days, more than 7 days */
  leadTime: { under1Day: number; days1to3: number; days3to7: number; over7Days: number };
  /**
   * issue 19: bookings by kind, window or 上门办 visit (the channel split above counts both); a day
   * summarized before issue 19 has none (its visits are 0: there were none)
   */
  byKind: { window: number; visit: number };
  /** visits recorded as done (办理情况) */
  visitsServed: number;
}

export interface RatingFigures {
  count: number;
  byLevel: Record<'1' | '2' | '3' | '4' | '5', number>;
  /** levels 3–5 (基本满意 and better) of all ratings, percent with one decimal */
  satisfiedPct: number;
}

/** Upper bounds in minutes of the wait histogram's buckets; the last bucket is "longer". */
export const WAIT_BUCKETS_MINUTES = [5, 10, 15, 20, 30, 45, 60] as const;

/** GET /api/reports */
export interface PeriodReport {
  from: string;
  to: string;
  by: ReportBy;
  /** policy.waitTargetMinutes in effect */
  waitTargetMinutes: number;
  totals: ReportFigures;
  rows: ReportRow[];
  /** null for staff: bookings belong to no window */
  bookings: BookingFigures | null;
  ratings: RatingFigures;
  /** tickets arrived by weekday (0 Monday … 6 Sunday) × hour of issue (0–23) */
  heatmap: number[][];
  /** called tickets by wait: one count per WAIT_BUCKETS_MINUTES bound, then the longer ones */
  waitBuckets: number[];
  /** true when only the asking staff member's windows are counted */
  ownWindowsOnly: boolean;
  /** issue 19: services longer than policy.maxServiceMinutes (办理情况 of the period's bookings); null for staff */
  longServices: LongServices | null;
}

/** GET /api/reports/live: today's running figures for the lead's view (refreshed on the hall's events) */
export interface LiveKpis {
  /** the hall's time of the answer */
  at: string;
  /** tickets waiting now */
  waiting: number;
  /** the longest-waiting ticket's issue time (null: nobody waits); the view counts its wait up from it */
  oldestWaitingSince: string | null;
  longestWaitSeconds: number;
  /** tickets finished today */
  served: number;
  /** windows open (serving or paused) */
  windowsOpen: number;
  windowsPaused: number;
}
