/**
 * The 上岗表 rules (issue 19, seed 000 附件5): who may be put on the duty roster of which date. Pure:
 * the hall passes in what it read. Decision: only an extended-service (延时服务) date takes entries,
 * i.e. a weekend or holiday on which the hall calendar opens at least one session (DESIGN.md
 * "Opening hours and calendar"); a workday's lunch and evening sessions are run by the regular staff.
 */
import { HallError } from '../../protocol/errors.js';
import type { Role } from '../../protocol/domain.js';
import type { RosterRole } from '../../protocol/forms.js';
import type { DayKind, Session } from './calendar.js';

/** 'HH:MM-HH:MM', the way the roster names a session */
export const sessionName = (s: Pick<Session, 'start' | 'end'>) => `${s.start}-${s.end}`;

/** A weekend or holiday the hall opens: the only dates a roster is kept for. */
export function isExtendedServiceDate(kind: DayKind | 'closed', sessions: readonly Session[]): boolean {
  return (kind === 'weekend' || kind === 'holiday') && sessions.length > 0;
}

export interface RosterCandidate {
  date: string;
  dayKind: DayKind | 'closed';
  sessions: readonly Session[];
  role: RosterRole;
  /** the user named (undefined: no such user; the hall refuses user-not-found before asking here) */
  user: { role: Role; active: boolean };
  session?: string;
  /** the booking named, when one is */
  booking?: { date: string; status: string };
  /** the date's entries so far */
  existing: readonly { role: RosterRole; userId: string; session: string | null; bookingId: string | null }[];
  userId: string;
  bookingId?: string;
}

/** Throws the refusal's HallError, or returns when the entry may be added. */
export function checkRosterEntry(c: RosterCandidate): void {
  if (!isExtendedServiceDate(c.dayKind, c.sessions)) throw new HallError('roster-date-not-extended', { date: c.date });
  if (!c.user.active || !['staff', 'lead', 'admin'].includes(c.user.role)) throw new HallError('roster-user-not-staff');
  if (c.role === 'lead') {
    if (c.session !== undefined || c.bookingId !== undefined) throw new HallError('roster-lead-whole-day');
    if (c.existing.some((e) => e.role === 'lead')) throw new HallError('roster-lead-taken', { date: c.date });
    return;
  }
  if (c.session !== undefined && !c.sessions.some((s) => sessionName(s) === c.session))
    throw new HallError('roster-session-unknown', { session: c.session });
  if (c.bookingId !== undefined && (!c.booking || c.booking.date !== c.date || c.booking.status === 'cancelled'))
    throw new HallError('roster-booking-not-on-date', { date: c.date });
  const same = (e: RosterCandidate['existing'][number]) =>
    e.userId === c.userId && e.role === c.role && e.session === (c.session ?? null) && e.bookingId === (c.bookingId ?? null);
  if (c.existing.some(same)) throw new HallError('roster-duplicate');
}

/** Whether a slot 'HH:MM' falls in a session 'HH:MM-HH:MM' (start inclusive, end exclusive). */
export function slotInSession(slot: string, session: string): boolean {
  const [start, end] = session.split('-');
  return slot >= start && slot < end;
}
