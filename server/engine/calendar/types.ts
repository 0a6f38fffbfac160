/** Shapes of the hall calendar (DESIGN.md "Opening hours and calendar"). */

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

export type SessionKind = 'regular' | 'lunch' | 'early' | 'evening' | 'weekend' | 'holiday';

/** A session as a hall writes it (hours.days): kind, times, and who is served. */
export interface SessionRule {
  kind: SessionKind;
  start: string;
  end: string;
  /** only services on the extended (延时) list are served; default: every kind but 'regular' */
  extendedOnly?: boolean;
  /** bookings and check-ins only, no walk-in tickets; default false */
  appointmentOnly?: boolean;
}

/**
 * The sessions of one kind of day: `sessions` all year, or `summer` and `winter` (the hall's season
 * switch dates). `weekdays` (1 = Monday … 7 = Sunday) limits the rule to those days (seed 001: Saturday only).
 */
export interface DayRule {
  weekdays?: number[];
  sessions?: SessionRule[];
  summer?: SessionRule[];
  winter?: SessionRule[];
}

/** The lunar (traditional) days a hall may close all or half of (seed 003 §5.1.3). */
export type LunarDay = '除夕' | '正月初一' | '清明' | '端午' | '中秋';
export interface Closure {
  on: LunarDay;
  part: 'all' | 'afternoon';
}

export interface Session {
  kind: SessionKind;
  /** 'HH:MM' local */
  start: string;
  /** 'HH:MM' local, exclusive ('24:00' = midnight at the end of the day) */
  end: string;
  /** false only for 'regular'; in an extended session only services with extended=true are served */
  extended: boolean;
  /** true: only bookings/check-ins, no walk-in tickets (default for statutory holidays) */
  appointmentOnly: boolean;
}

export interface HoursConfig {
  /** IANA zone of the hall, e.g. 'Asia/Shanghai' */
  tz: string;
  /** seed 003 §2.5: 08:30–12:00, 14:00–17:00 */
  summer: { am: [string, string]; pm: [string, string] };
  /** seed 003 §2.5: 08:30–12:00, 13:30–16:30 */
  winter: { am: [string, string]; pm: [string, string] };
  /** 'MM-DD' first day of summer hours */
  summerFrom: string;
  /** 'MM-DD' first day of winter hours */
  winterFrom: string;
  /** seed 003 §5.1.1: lunch extended session (the gap between am and pm) */
  lunch: boolean;
  /** seed 003 §5.1.2: evening extended session after pm closes, minutes (0 = none) */
  eveningMinutes: number;
  /** seed 004 三(一): weekend sessions */
  weekend: [string, string][];
  /** seed 004 三(二): holidays by appointment */
  holiday: { sessions: [string, string][]; appointmentOnly: boolean };
  /** seed 003 §5.1.3: 除夕 afternoon, 正月初一 all day, afternoons of 清明/端午/中秋 closed */
  closedExceptions: boolean;
  /**
   * Rules per day kind; a kind listed here replaces the built-in sessions of that kind (the
   * fields above). The first rule whose weekdays match the date applies; none matching = closed.
   */
  days?: Partial<Record<DayKind, DayRule[]>>;
  /** named lunar closures; when set, replaces closedExceptions */
  closures?: Closure[];
  /** per-hall override by 'YYYY-MM-DD' */
  overrides: Record<string, DayKind | 'closed'>;
}

export const DEFAULT_HOURS: HoursConfig = deepFreeze({
  tz: 'Asia/Shanghai',
  summer: { am: ['08:30', '12:00'], pm: ['14:00', '17:00'] },
  winter: { am: ['08:30', '12:00'], pm: ['13:30', '16:30'] },
  summerFrom: '05-01',
  winterFrom: '10-01',
  lunch: true,
  eveningMinutes: 60,
  weekend: [
    ['09:00', '12:00'],
    ['13:00', '17:00'],
  ],
  holiday: {
    sessions: [
      ['09:00', '12:00'],
      ['13:00', '17:00'],
    ],
    appointmentOnly: true,
  },
  closedExceptions: true,
  overrides: {},
});

/** The defaults are shared by every caller: frozen so that one hall's edit cannot leak into another's. */
function deepFreeze<T extends object>(value: T): T {
  for (const v of Object.values(value)) {
    if (typeof v === 'object' && v !== null) deepFreeze(v as object);
  }
  return Object.freeze(value);
}
