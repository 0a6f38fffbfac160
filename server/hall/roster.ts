/**
 * The duty roster (上岗表, issue 19, seed 000 附件5): a lead or admin puts staff on an extended-service
 * date's sessions and bookings, or takes them off; audited. The rules are in server/engine/roster.ts.
 */
import { HallError } from '../../protocol/errors.js';
import { maskName } from '../../protocol/identity.js';
import type { RosterDay, RosterEntry, RosterRole, RosterStaff } from '../../protocol/forms.js';
import type { RosterRow } from '../db/repos/roster.js';
import type { UserRow } from '../db/repos/people.js';
import { dayKind, sessionsOn } from '../engine/calendar.js';
import { checkRosterEntry, isExtendedServiceDate, sessionName } from '../engine/roster.js';
import { actorTag, record, type Actor, type Core } from './core.js';

export interface RosterInput { date: string; role: RosterRole; userId: string; session?: string; bookingId?: string; note?: string }

const STAFF_ROLES = new Set(['staff', 'lead', 'admin']);
const staffOf = (u: UserRow): RosterStaff => ({ id: u.id, name: u.name, role: u.role, phone: u.phone });

function entryView(core: Core, r: RosterRow): RosterEntry {
  const u = core.repos.users.get(r.user_id);
  const b = r.booking_id ? core.repos.bookings.get(r.booking_id) : undefined;
  const e: RosterEntry = {
    id: r.id, date: r.date, role: r.role, session: r.session, userId: r.user_id,
    staffName: u?.name ?? r.user_id, staffRole: u?.role ?? 'staff', phone: u?.phone ?? null,
    booking: b ? { id: b.id, serviceName: core.repos.services.get(b.service_id)?.name ?? b.service_id, name: maskName(b.name), slot: b.slot } : null,
  };
  if (r.note) e.note = r.note;
  return e;
}

export function rosterDay(core: Core, date: string): RosterDay {
  const hours = core.cfg.hours;
  const sessions = sessionsOn(date, hours);
  return {
    date,
    extended: isExtendedServiceDate(dayKind(date, hours), sessions),
    sessions: sessions.map(sessionName),
    entries: core.repos.roster.ofDate(date).map((r) => entryView(core, r)),
    bookings: core.repos.bookings.ofDate(date).filter((b) => b.status !== 'cancelled').map((b) => ({
      id: b.id, serviceName: core.repos.services.get(b.service_id)?.name ?? b.service_id, name: maskName(b.name), slot: b.slot, status: b.status,
    })),
    staff: core.repos.users.list().filter((u) => u.active && STAFF_ROLES.has(u.role)).map(staffOf),
  };
}

export function assign(core: Core, actor: Actor, input: RosterInput): { entry: RosterEntry } {
  return core.run('roster.assign', actor, undefined, () => {
    const user = core.repos.users.get(input.userId);
    if (!user) throw new HallError('user-not-found');
    const booking = input.bookingId ? core.repos.bookings.get(input.bookingId) : undefined;
    if (input.bookingId && !booking) throw new HallError('booking-not-found');
    const hours = core.cfg.hours;
    checkRosterEntry({
      date: input.date, dayKind: dayKind(input.date, hours), sessions: sessionsOn(input.date, hours), role: input.role,
      user: { role: user.role, active: !!user.active }, session: input.session, booking, bookingId: input.bookingId, userId: input.userId,
      existing: core.repos.roster.ofDate(input.date).map((e) => ({ role: e.role, userId: e.user_id, session: e.session, bookingId: e.booking_id })),
    });
    const row: RosterRow = {
      id: core.newId('r'), date: input.date, session: input.session ?? null, booking_id: input.bookingId ?? null, role: input.role,
      user_id: input.userId, note: input.note || null, created_at: core.now(), created_by: actorTag(actor),
    };
    core.repos.roster.insert(row);
    record(core, 'roster.assigned', actor, row.id, { date: row.date, role: row.role, userId: row.user_id, session: row.session, bookingId: row.booking_id });
    return { entry: entryView(core, row) };
  });
}

export function remove(core: Core, actor: Actor, id: string): { ok: true } {
  return core.run('roster.remove', actor, undefined, () => {
    const row = core.repos.roster.get(id);
    if (!row) throw new HallError('roster-entry-not-found');
    core.repos.roster.remove(id);
    record(core, 'roster.removed', actor, id, { date: row.date, role: row.role, userId: row.user_id });
    return { ok: true as const };
  });
}
