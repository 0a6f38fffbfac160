/** Shapes of the hall calendar (DESIGN.md "Opening hours and calendar"). */

export type DayKind = 'workday' | 'weekend' | 'holiday' | 'makeup-workday';

export type SessionKind = 'regular' | 'lunch' | 'evening' | 'weekend' | 'holiday';

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
