/**
 * Printable forms (issue 19): 预约服务登记表 (004 附件2) per booking, 网上/电话预约业务交办单 (000 附件3/4)
 * per date and 上岗表 (000 附件5) per date. Each form's data comes from one read here.
 *
 * Who sees a citizen's name and phone in clear: leads and admins on every booking; staff on their own
 * window's bookings only — a booking dispatched (派单) to one of their windows, or, not dispatched, one
 * whose service's queue one of their windows serves; and a visit (上门办) is its assignee's. Every form view that reveals anything is one
 * `form.revealed` entry in the event log naming the bookings (ids only, never a name or a phone).
 */
import { HallError } from '../../protocol/errors.js';
import type { DutyForm, DutyRow, HandoverChannel, HandoverForm, RegistrationForm } from '../../protocol/forms.js';
import type { BookingRow } from '../db/repos/bookings.js';
import type { RosterRow } from '../db/repos/roster.js';
import { localDate, localTime } from '../engine/calendar.js';
import { slotInSession } from '../engine/roster.js';
import { bookingView } from './booking-view.js';
import { record, type Actor, type Core } from './core.js';

/** A booking the actor may read in clear on a form (see above). */
export function isOwnBooking(core: Core, actor: Actor, b: BookingRow): boolean {
  if (actor.role === 'lead' || actor.role === 'admin' || actor.role === 'system') return true;
  // a visit (上门办) is its assignee's own
  if (b.kind === 'visit' && b.assignee_id === actor.id) return true;
  const mine = actor.windowIds ?? [];
  if (mine.length === 0) return false;
  if (b.dispatch_window_id) return mine.includes(b.dispatch_window_id);
  const queueId = core.repos.services.get(b.service_id)?.queueId;
  return queueId ? core.repos.windows.servingQueue(queueId).some((w) => mine.includes(w)) : false;
}

const localStamp = (core: Core, ms: number | null) => {
  if (ms === null) return null;
  const d = new Date(ms);
  return `${localDate(d, core.cfg.hours.tz)} ${localTime(d, core.cfg.hours.tz)}`;
};

/** An actor tag ('user:u-1') or a user id, as the user's name; anything else as written. */
function nameOf(core: Core, who: string | null): string | null {
  if (!who) return null;
  const id = who.startsWith('user:') ? who.slice(5) : who;
  return core.repos.users.get(id)?.name ?? who;
}

function windowLabel(core: Core, id: string): string {
  const w = core.repos.windows.get(id);
  return w ? `${w.number}号窗口 ${w.name}` : id;
}

/** 应交办单位 / 预约窗口: a visit's 上门办理 and its assignee; the window dispatched to, else the service's window label, else the windows serving its queue. */
function unitOf(core: Core, b: BookingRow): string {
  if (b.kind === 'visit') {
    const who = b.assignee_id ? core.repos.users.get(b.assignee_id)?.name : undefined;
    return who ? `上门办理（${who}）` : '上门办理';
  }
  if (b.dispatch_window_id) return windowLabel(core, b.dispatch_window_id);
  const s = core.repos.services.get(b.service_id);
  if (s?.windowLabel) return s.windowLabel;
  const ws = s ? core.repos.windows.servingQueue(s.queueId).map((w) => core.repos.windows.get(w)?.number).filter((n) => n !== undefined) : [];
  return ws.length ? `${ws.join('、')}号窗口` : '';
}

const serviceName = (core: Core, b: BookingRow) => core.repos.services.get(b.service_id)?.name ?? b.service_id;

/** Runs `build` and, when it revealed anything, records one `form.revealed` entry, all in one transaction. */
function viewed<T extends object>(core: Core, actor: Actor, form: 'registration' | 'handover' | 'duty', date: string, subject: string,
  build: (reveal: (b: BookingRow) => boolean) => T): T {
  return core.run('form.view', actor, undefined, () => {
    const revealed: string[] = [];
    const out = build((b) => {
      const own = isOwnBooking(core, actor, b);
      if (own && !revealed.includes(b.id)) revealed.push(b.id);
      return own;
    });
    if (revealed.length) record(core, 'form.revealed', actor, subject, { form, date, bookingIds: revealed });
    return out;
  });
}

export function registrationForm(core: Core, actor: Actor, bookingId: string): RegistrationForm {
  const row = core.repos.bookings.get(bookingId);
  if (!row) throw new HallError('booking-not-found');
  return viewed(core, actor, 'registration', row.date, row.id, (reveal) => {
    const open = reveal(row);
    const v = bookingView(row, core.cfg.hours.tz, open);
    const done = row.service_done === null ? null : row.service_done === 1;
    const handlers = row.service_handlers ? (JSON.parse(row.service_handlers) as string[]) : [];
    return {
      hallName: core.cfg.hallName, bookingId: row.id, revealed: open, name: v.name, phone: v.phone, unit: row.unit,
      serviceName: serviceName(core, row), date: row.date, slot: row.slot,
      window: unitOf(core, row) || null,
      recordedAt: localStamp(core, row.created_at)!, recordedBy: row.recorded_by,
      dispatchedAt: localStamp(core, row.dispatched_at), signedBy: nameOf(core, row.signed_by),
      service: { done, from: localStamp(core, row.service_from), to: localStamp(core, row.service_to), notes: row.service_notes, handlers },
    };
  });
}

export function handoverForm(core: Core, actor: Actor, date: string, channel: HandoverChannel): HandoverForm {
  const list = core.repos.bookings.ofDate(date).filter((b) => b.channel === channel && b.status !== 'cancelled')
    .sort((a, b) => a.slot.localeCompare(b.slot) || a.created_at - b.created_at);
  return viewed(core, actor, 'handover', date, date, (reveal) => ({
    hallName: core.cfg.hallName, date, channel,
    rows: list.map((b, i) => {
      const open = reveal(b);
      const v = bookingView(b, core.cfg.hours.tz, open);
      return {
        seq: i + 1, bookingId: b.id, serviceName: serviceName(core, b), name: v.name, code: b.code, slot: `${b.date} ${b.slot}`,
        phone: v.phone, revealed: open, unit: unitOf(core, b), status: b.status,
      };
    }),
  }));
}

export function dutyForm(core: Core, actor: Actor, date: string, department = ''): DutyForm {
  const entries = core.repos.roster.ofDate(date);
  const bookings = core.repos.bookings.ofDate(date).filter((b) => b.status !== 'cancelled');
  const person = (r: RosterRow) => core.repos.users.get(r.user_id);
  const leads = entries.filter((e) => e.role === 'lead');
  const row = (seq: number, on: RosterRow[], extra: Omit<DutyRow, 'seq' | 'window' | 'backOffice' | 'lead' | 'staffPhones' | 'note'>): DutyRow => {
    const all = [...on, ...leads];
    const names = (role: RosterRow['role']) => all.filter((e) => e.role === role).map((e) => person(e)?.name ?? e.user_id);
    const phones = [...new Set(all.map((e) => e.user_id))].flatMap((id) => {
      const u = core.repos.users.get(id);
      return u?.phone ? [`${u.name} ${u.phone}`] : [];
    });
    const note = on.map((e) => e.note).filter(Boolean).join('；');
    return { seq, ...extra, window: names('window'), backOffice: names('back-office'), lead: names('lead'), staffPhones: phones, note };
  };
  return viewed(core, actor, 'duty', date, date, (reveal) => {
    const rows: DutyRow[] = bookings.map((b, i) => {
      const on = entries.filter((e) => e.role !== 'lead' &&
        (e.booking_id === b.id || (e.booking_id === null && (e.session === null || slotInSession(b.slot, e.session)))));
      const open = reveal(b);
      const v = bookingView(b, core.cfg.hours.tz, open);
      return row(i + 1, on, { bookingId: b.id, serviceName: serviceName(core, b), name: v.name, phone: v.phone, revealed: open, slot: b.slot });
    });
    // sessions staffed with no booking in them still list who is on duty
    const unbooked = [...new Set(entries.filter((e) => e.role !== 'lead' && e.booking_id === null).map((e) => e.session ?? ''))]
      .filter((s) => !bookings.some((b) => s === '' || slotInSession(b.slot, s)));
    for (const s of unbooked) {
      rows.push(row(rows.length + 1, entries.filter((e) => e.role !== 'lead' && e.booking_id === null && (e.session ?? '') === s),
        { bookingId: null, serviceName: '', name: '', phone: '', revealed: false, slot: s || '全天' }));
    }
    if (rows.length === 0 && leads.length) rows.push(row(1, [], { bookingId: null, serviceName: '', name: '', phone: '', revealed: false, slot: '全天' }));
    return { hallName: core.cfg.hallName, date, department, filledOn: core.today(), rows };
  });
}
