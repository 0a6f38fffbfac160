/** Booking codes (CONTRACT.md "Booking code and SMS"): random, unique among open bookings. */
import { randomInt } from 'node:crypto';
import { BOOKING_CODE_ALPHABET, BOOKING_CODE_LENGTH } from '../../protocol/platform.js';
import type { Core } from './core.js';

/** A code no open booking holds (the partial unique index bookings_open_code is the guarantee). */
export function newBookingCode(core: Core): string {
  for (;;) {
    let c = '';
    for (let i = 0; i < BOOKING_CODE_LENGTH; i++) c += BOOKING_CODE_ALPHABET[randomInt(BOOKING_CODE_ALPHABET.length)];
    if (!core.repos.bookings.byOpenCode(c)) return c; // 31^8 codes: a second draw is already rare
  }
}
