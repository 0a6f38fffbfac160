/** Booking codes (CONTRACT.md "Booking code and SMS"): dependency-free, the kiosk's keypad imports it. */

/** 31 characters: no 0/O, 1/I/L — what a citizen reads off a phone and types on a kiosk keypad. */
export const BOOKING_CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ';
export const BOOKING_CODE_LENGTH = 8;
const CODE = new RegExp(`^[${BOOKING_CODE_ALPHABET}]{${BOOKING_CODE_LENGTH}}$`);

/** A typed code as stored: upper case, spaces and dashes dropped; null when it cannot be a code. */
export function normalizeBookingCode(raw: string): string | null {
  const c = raw.toUpperCase().replace(/[\s-]/g, '');
  return CODE.test(c) ? c : null;
}
