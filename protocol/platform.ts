/**
 * The platform link (CONTRACT.md "Platform link", docs/platform.md): the events the province's
 * platform gets, pushed and pulled, and the booking code. Dependency-free but zod: the apps import it.
 */
import { z } from 'zod';

/**
 * The event-log types that reach the platform. `evaluation.created` is mapped as soon as the event
 * log declares it (好差评, issue 16): a string set, so this list does not wait for that type.
 */
export const PLATFORM_EVENT_TYPES = [
  'booking.created', 'booking.cancelled', 'booking.checked-in', 'booking.forfeited',
  'ticket.issued', 'ticket.called', 'ticket.started', 'ticket.finished', 'ticket.no-show',
  'evaluation.created',
] as const;
export type PlatformEventType = (typeof PLATFORM_EVENT_TYPES)[number];
const TYPES: ReadonlySet<string> = new Set(PLATFORM_EVENT_TYPES);
export const isPlatformEventType = (t: string): t is PlatformEventType => TYPES.has(t);

/** masked: 张*, 1101**********0011, 138****0000; "full": in clear (a platform that registers phone bookings) */
export const PlatformPerson = z.object({ name: z.string(), idNumber: z.string(), phone: z.string() });

/** One event as the platform sees it: `seq` orders and dedupes; `data` by type (docs/platform.md). */
export const PlatformEvent = z.object({
  seq: z.number().int().positive(),
  type: z.enum(PLATFORM_EVENT_TYPES),
  /** ISO 8601 with the hall's offset */
  at: z.string(),
  data: z.record(z.string(), z.unknown()),
});
export type PlatformEvent = z.infer<typeof PlatformEvent>;

/** The webhook's body: POST to platform.webhookUrl, signed (X-Hallq-Signature). */
export const PlatformBatch = z.object({ hall: z.string(), events: z.array(PlatformEvent) });
export type PlatformBatch = z.infer<typeof PlatformBatch>;

/** GET /api/events: `next` is the `after` of the following page (the last seq given, or `after` when none). */
export const EventsPage = z.object({ events: z.array(PlatformEvent), next: z.number().int().nonnegative() });
export type EventsPage = z.infer<typeof EventsPage>;

export const EventsQuery = z.object({
  after: z.coerce.number().int().min(0).default(0),
  limit: z.coerce.number().int().min(1).max(1000).default(100),
});

export const PlatformStatus = z.object({
  /** whether platform.webhookUrl is set (without it the stream is only pulled) */
  pushing: z.boolean(),
  pending: z.number().int().nonnegative(),
  lastDeliveredSeq: z.number().int().nonnegative(),
  lastError: z.string().nullable(),
  lastAttemptAt: z.string().nullable(),
  /** the oldest seq still held (older ones were delivered and pruned); null when none */
  firstSeq: z.number().int().nullable(),
});
export type PlatformStatus = z.infer<typeof PlatformStatus>;

export const ResendBody = z.object({ fromSeq: z.number().int().min(1) });

export const SmsQuery = z.object({ date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'YYYY-MM-DD') });
export const SmsMessage = z.object({
  id: z.string(),
  bookingId: z.string(),
  kind: z.enum(['confirmed', 'reminder', 'forfeited', 'cancelled', 'rescheduled']),
  /** masked: 138****0000 */
  phone: z.string(),
  text: z.string(),
  status: z.enum(['pending', 'sent']),
  attempts: z.number().int(),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  provider: z.string().nullable(),
  lastError: z.string().nullable(),
});
export type SmsMessage = z.infer<typeof SmsMessage>;

export { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH, normalizeBookingCode } from './rules/booking-code.js';
