/**
 * The SMS outbox's writing side: a tap on the event log's append queues a message in the booking's
 * own transaction (confirmed, forfeited, cancelled by the hall), the reminder run queues the day-before
 * reminders, and the sender (server/platform/sms.ts) reads what is due and marks it sent or retried.
 */
import type { SmsMessage } from '../../protocol/platform.js';
import type { Service } from '../../protocol/domain.js';
import { maskPhone } from '../../protocol/identity.js';
import type { BookingRow } from '../db/repos/bookings.js';
import type { SmsKind, SmsRow } from '../db/repos/platform.js';
import { addDays, localDate, zonedInstant } from '../engine/calendar.js';
import { smsText } from '../engine/sms-text.js';
import { monthOf, toIso } from '../engine/time.js';
import type { Core, RecordTap } from './core.js';

/** What to bring, for the texts: the service's 所需材料 (issue 12), or null when it names none. */
export function serviceMaterials(s: Service): string | null {
  return s.materials?.filter((x) => x.trim()).join('、') || null;
}

const sending = (core: Core) => core.cfg.sms !== undefined && core.cfg.sms.provider !== 'none';

/** Queues one message of `kind` for booking `b` (once per booking and kind); inside the caller's transaction. */
function enqueue(core: Core, b: BookingRow, kind: SmsKind, extra: { reason?: string | null; from?: { date: string; slot: string } } = {}) {
  const service = core.repos.services.get(b.service_id);
  if (!service || !b.code || !core.cfg.sms) return;
  const policy = core.cfg.policy;
  const noShows = kind === 'forfeited' ? core.repos.noShows.countInMonth(b.id_number, monthOf(b.date)) : undefined;
  const m = smsText(kind, {
    signName: core.cfg.sms.signName, service: service.name, date: b.date, slot: b.slot, code: b.code,
    materials: serviceMaterials(service), policy, noShowsThisMonth: noShows, reason: extra.reason,
    from: extra.from, visit: b.kind === 'visit',
  });
  const now = core.now();
  core.repos.sms.insert({
    id: core.newId('m'), booking_id: b.id, kind, day: core.today(), phone: b.phone, text: m.text, params: JSON.stringify(m.params),
    next_at: now, created_at: now,
  });
}

export function smsTap(core: Core): RecordTap {
  return (type, subject, data) => {
    if (!subject || !sending(core)) return;
    if (type !== 'booking.created' && type !== 'booking.forfeited' && type !== 'booking.cancelled' && type !== 'booking.rescheduled') return;
    const b = core.repos.bookings.get(subject);
    if (!b) return;
    // an approved change (issue 19): the booking row already holds the new date and slot
    if (type === 'booking.rescheduled') return void enqueue(core, b, 'rescheduled', { from: (data as { from: { date: string; slot: string } }).from });
    if (type === 'booking.created') enqueue(core, b, 'confirmed');
    else if (type === 'booking.forfeited') enqueue(core, b, 'forfeited');
    else {
      const c = data as { by: 'citizen' | 'hall'; reason: string | null };
      // the citizen cancelled it themselves; the day end's closing of an unserved ticket is no news to them
      if (c.by === 'hall' && c.reason !== 'day-end') enqueue(core, b, 'cancelled', { reason: c.reason });
    }
  };
}

/**
 * From `sms.reminderAt` on, the day before: a reminder for each of tomorrow's bookings still waiting
 * (once each; run again, it adds nothing). Answers how many it queued.
 */
export function queueReminders(core: Core): number {
  const sms = core.cfg.sms;
  if (!sms || !sending(core)) return 0;
  const today = core.today();
  if (core.now() < zonedInstant(today, sms.reminderAt, core.cfg.hours.tz).getTime()) return 0;
  const tomorrow = addDays(today, 1);
  const due = core.repos.bookings.bookedOn(tomorrow).filter((b) => !core.repos.sms.has(b.id, 'reminder'));
  if (!due.length) return 0;
  return core.run('sms.reminders', { kind: 'system', id: 'system', role: 'system' }, undefined, () => {
    for (const b of due) enqueue(core, b, 'reminder');
    return { n: due.length };
  }).n;
}

export const dueSms = (core: Core, limit: number) => core.repos.sms.due(core.now(), limit);
export const markSmsSent = (core: Core, id: string, provider: string) => core.repos.sms.sent(id, core.now(), provider);
export const markSmsRetry = (core: Core, id: string, delayMs: number, error: string, provider: string) =>
  core.repos.sms.retry(id, core.now() + delayMs, error.slice(0, 300), provider);

/** GET /api/sms?date=: the day's messages, phones masked. */
export function smsOfDay(core: Core, date: string): SmsMessage[] {
  const tz = core.cfg.hours.tz;
  return core.repos.sms.ofDay(date).map((r: SmsRow) => ({
    id: r.id, bookingId: r.booking_id, kind: r.kind, phone: maskPhone(r.phone), text: r.text, status: r.status, attempts: r.attempts,
    createdAt: toIso(r.created_at, tz), sentAt: r.sent_at === null ? null : toIso(r.sent_at, tz), provider: r.provider, lastError: r.last_error,
  }));
}
