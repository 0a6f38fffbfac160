/**
 * The `booking` section of the hall config (docs/configuration.md): rules per channel (online,
 * phone, onsite, staff). Exported for PUT /api/config/booking.
 */
import { z } from 'zod';
import type { BookingRules } from '../engine/booking-rules.js';
import { checkSessions, hhmm, isoWeekday, timeOfDay } from './fields.js';

const AcceptWindowSchema = z.strictObject({
  days: z.array(z.enum(['workday', 'weekend', 'holiday', 'makeup-workday'])).min(1).optional(),
  weekdays: z.array(isoWeekday).min(1).optional(),
  from: hhmm,
  to: hhmm,
});

const LeadSchema = z.union([
  z.strictObject({ hoursBefore: z.number().min(0).max(720) }),
  z.strictObject({ previousWorkingDayBefore: timeOfDay }),
]);

const extendedSessions = z.enum(['extended-list', 'any-bookable']);

const ChannelSchema = z
  .strictObject({
    accepts: z.union([z.literal('always'), z.literal('service-hours'), z.array(AcceptWindowSchema)]).optional(),
    lead: LeadSchema.optional(),
    horizonDays: z.number().int().min(1).max(90).optional(),
    extendedSessions: extendedSessions.optional(),
  })
  .superRefine((c, ctx) => {
    if (!Array.isArray(c.accepts)) return;
    if (c.accepts.length === 0) {
      ctx.addIssue({ code: 'custom', path: ['accepts'], message: 'a channel with no hours: list its windows, or "always" / "service-hours"' });
    }
    c.accepts.forEach((w, i) => checkSessions([{ path: ['accepts', i], range: [w.from, w.to] }], ctx));
  });

export const BookingSchema = z.strictObject({
  extendedSessions: extendedSessions.optional(),
  holidayBooking: z.enum(['any-time', 'working-day-before']).optional(),
  channels: z
    .strictObject({
      online: ChannelSchema.optional(),
      phone: ChannelSchema.optional(),
      onsite: ChannelSchema.optional(),
      staff: ChannelSchema.optional(),
    })
    .optional(),
});

export type BookingSection = z.infer<typeof BookingSchema>;
/** the section is the engine's BookingRules as written */
export const bookingRulesOf = (b: BookingSection): BookingRules => b;

