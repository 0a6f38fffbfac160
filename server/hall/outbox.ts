/**
 * The platform outbox (CONTRACT.md "Platform link"): a tap on the event log's append writes one row
 * per platform event in the same transaction, with the data the platform needs (the booking code,
 * the service's 事项编码, the person for booking.created); reading renders the platform's shape,
 * masking the person unless `personalData` is "full". Delivery state is one cursor: delivery is in
 * seq order.
 */
import { HallError } from '../../protocol/errors.js';
import { maskIdNumber, maskName, maskPhone } from '../../protocol/identity.js';
import { isPlatformEventType, type EventsPage, type PlatformEvent, type PlatformEventType, type PlatformStatus } from '../../protocol/platform.js';
import type { OutboxRow } from '../db/repos/platform.js';
import { toIso } from '../engine/time.js';
import type { Core, RecordTap } from './core.js';

const DAY = 86_400_000;

/** What each platform event carries beyond its log data: who and what it is about. */
function platformData(core: Core, type: PlatformEventType, subject: string | null, data: object): Record<string, unknown> {
  const { repos } = core;
  if (type.startsWith('booking.') && subject) {
    const b = repos.bookings.get(subject);
    if (!b) return { bookingId: subject, ...data };
    const person = type === 'booking.created' ? { person: { name: b.name, idNumber: b.id_number, phone: b.phone } } : {};
    return {
      bookingId: b.id, code: b.code, channel: b.channel, serviceId: b.service_id, serviceCode: repos.services.get(b.service_id)?.code ?? null,
      date: b.date, slot: b.slot, ...data, ...person,
    };
  }
  if (type.startsWith('ticket.') && subject) {
    const t = repos.tickets.get(subject);
    if (!t) return { ticketId: subject, ...data };
    return {
      ticketId: t.id, number: t.number, kind: t.kind, queueId: t.queue_id, serviceId: t.service_id,
      serviceCode: repos.services.get(t.service_id)?.code ?? null, bookingId: t.booking_id, ...data,
    };
  }
  return { id: subject, ...data };
}

export function outboxTap(core: Core): RecordTap {
  return (type, subject, data, at) => {
    if (isPlatformEventType(type)) core.repos.outbox.append(at, type, subject, platformData(core, type, subject, data));
  };
}

const fullData = (core: Core) => core.cfg.platform?.personalData === 'full';

export function toPlatformEvent(row: OutboxRow, full: boolean, tz: string): PlatformEvent {
  const data = JSON.parse(row.data) as Record<string, unknown>;
  const p = data.person as { name: string; idNumber: string; phone: string } | undefined;
  if (p && !full) data.person = { name: maskName(p.name), idNumber: maskIdNumber(p.idNumber), phone: maskPhone(p.phone) };
  return { seq: row.seq, type: row.type as PlatformEventType, at: toIso(row.at, tz), data };
}

/** GET /api/events: the stream after `after`, as pushed. */
export function pull(core: Core, after: number, limit: number): EventsPage {
  const full = fullData(core);
  const events = core.repos.outbox.after(after, limit).map((r) => toPlatformEvent(r, full, core.cfg.hours.tz));
  return { events, next: events.at(-1)?.seq ?? after };
}

/** The stored cursor and how many resends moved it back (the delivery loop keeps its own cursor ahead of it). */
export function cursor(core: Core): { deliveredSeq: number; rewinds: number } {
  const s = core.repos.outbox.state();
  return { deliveredSeq: s.delivered_seq, rewinds: s.rewinds };
}

/** The next batch to push: the events after `after`. */
export function nextBatch(core: Core, after: number, limit: number): PlatformEvent[] {
  return pull(core, after, limit).events;
}

export function markDelivered(core: Core, from: number, to: number): boolean {
  return core.repos.outbox.delivered(from, to, core.now());
}

/** a failed attempt: the status shows it; the error names no person (a status line or a network error) */
export function markFailed(core: Core, error: string) {
  core.repos.outbox.failed(error.slice(0, 500), core.now());
}

export function status(core: Core): PlatformStatus {
  const s = core.repos.outbox.state();
  return {
    pushing: Boolean(core.cfg.platform?.webhookUrl),
    pending: core.repos.outbox.countAfter(s.delivered_seq),
    lastDeliveredSeq: s.delivered_seq,
    lastError: s.last_error,
    lastAttemptAt: s.last_attempt_at === null ? null : toIso(s.last_attempt_at, core.cfg.hours.tz),
    firstSeq: core.repos.outbox.firstSeq(),
  };
}

/** POST /api/platform/resend: push again from `fromSeq` (at-least-once: the platform dedupes by seq). */
export function rewind(core: Core, fromSeq: number): PlatformStatus {
  const first = core.repos.outbox.firstSeq();
  if (first !== null && fromSeq < first) throw new HallError('events-pruned', { fromSeq, firstSeq: first });
  core.repos.outbox.rewind(fromSeq - 1);
  return status(core);
}

/**
 * Deletes delivered rows older than the retention (without a webhook every row counts as delivered:
 * the stream is pulled), a bounded number per call so one call never holds the event loop long.
 */
export function prune(core: Core, limit = 1000): number {
  const days = core.cfg.platform?.retentionDays ?? 7;
  const upTo = core.cfg.platform?.webhookUrl ? core.repos.outbox.state().delivered_seq : Number.MAX_SAFE_INTEGER;
  return core.repos.outbox.prune(upTo, core.now() - days * DAY, limit);
}
