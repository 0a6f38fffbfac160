/** Booking codes and the hall's cancellation notice (issue 17; protocol/rules). */
import { describe, expect, it } from 'vitest';
import { BOOKING_CODE_ALPHABET, normalizeBookingCode } from '../../protocol/rules/booking-code.js';
import { hallCancelIsLate } from '../../protocol/rules/bookings.js';

describe('booking codes', () => {
  it('the alphabet has 31 characters and none that look alike (0 O 1 I L)', () => {
    expect(BOOKING_CODE_ALPHABET).toHaveLength(31);
    expect(new Set(BOOKING_CODE_ALPHABET).size).toBe(31);
    for (const c of '01OIL') expect(BOOKING_CODE_ALPHABET).not.toContain(c);
  });

  it('a typed code is upper-cased with spaces and dashes dropped; anything else is no code', () => {
    expect(normalizeBookingCode(' ab23-cd45 ')).toBe('AB23CD45');
    expect(normalizeBookingCode('AB23 CD4')).toBeNull();
    expect(normalizeBookingCode('AB23CD40')).toBeNull();
    expect(normalizeBookingCode('AB23CD45X')).toBeNull();
  });
});

describe('hall cancellation notice (seed 002: half a working day ahead)', () => {
  const slot = Date.parse('2026-11-24T09:30:00+08:00');
  it('is late under 4 hours before the slot, in time from 4 hours on', () => {
    expect(hallCancelIsLate(slot, Date.parse('2026-11-24T05:30:00+08:00'))).toBe(false);
    expect(hallCancelIsLate(slot, Date.parse('2026-11-24T05:31:00+08:00'))).toBe(true);
    expect(hallCancelIsLate(slot, Date.parse('2026-11-23T16:00:00+08:00'))).toBe(false);
  });
});
