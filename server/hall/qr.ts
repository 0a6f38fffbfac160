/** Booking QR code (CONTRACT.md): `HQ1.<bookingId>.<sig>`, sig = base64url HMAC-SHA256 truncated to 16 bytes. */
import { createHmac, timingSafeEqual } from 'node:crypto';

const PREFIX = 'HQ1';

function sign(bookingId: string, secret: string): string {
  return createHmac('sha256', secret).update(`${PREFIX}.${bookingId}`).digest().subarray(0, 16).toString('base64url');
}

export function bookingQr(bookingId: string, secret: string): string {
  return `${PREFIX}.${bookingId}.${sign(bookingId, secret)}`;
}

/** The booking id when the code verifies, else null. Says nothing about why: a forged code learns nothing. */
export function verifyBookingQr(qr: string, secret: string): string | null {
  const parts = qr.trim().split('.');
  if (parts.length !== 3 || parts[0] !== PREFIX || !/^[\w-]{1,64}$/.test(parts[1])) return null;
  const want = Buffer.from(sign(parts[1], secret));
  const got = Buffer.from(parts[2]);
  return want.length === got.length && timingSafeEqual(want, got) ? parts[1] : null;
}
