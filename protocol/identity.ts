/**
 * Real-name checks and masking (DESIGN.md "Bookings", "Privacy").
 * Pure and dependency-free: the kiosk uses the same check for manual entry.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK = '10X98765432';

/** GB 11643-1999 check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK[sum % 11];
}

/** Upper-cases a trailing x; returns null when the text cannot be an ID number. */
export function normalizeIdNumber(text: string): string | null {
  const s = text.trim().toUpperCase();
  return /^\d{17}[\dX]$/.test(s) ? s : null;
}

/** 18-character resident ID number with a valid birth date and check character. */
export function isValidIdNumber(text: string): boolean {
  const s = normalizeIdNumber(text);
  if (!s) return false;
  const y = Number(s.slice(6, 10));
  const m = Number(s.slice(10, 12));
  const d = Number(s.slice(12, 14));
  const birth = new Date(Date.UTC(y, m - 1, d));
  if (y < 1900 || birth.getUTCFullYear() !== y || birth.getUTCMonth() !== m - 1 || birth.getUTCDate() !== d) return false;
  return idCheckChar(s.slice(0, 17)) === s[17];
}

/** Mainland mobile number: 11 digits starting 1[3-9]. */
export function isValidMobile(text: string): boolean {
  return /^1[3-9]\d{9}$/.test(text.trim());
}

/** 1101**********002X — first 4 and last 4 kept. */
export function maskIdNumber(id: string): string {
  if (id.length < 8) return '*'.repeat(id.length);
  return id.slice(0, 4) + '*'.repeat(id.length - 8) + id.slice(-4);
}

/** 138****5678 */
export function maskPhone(phone: string): string {
  if (phone.length < 7) return '*'.repeat(phone.length);
  return phone.slice(0, 3) + '*'.repeat(phone.length - 7) + phone.slice(-4);
}

/** 张*, 欧阳** — the family name (first character) kept. */
export function maskName(name: string): string {
  const chars = [...name];
  if (chars.length <= 1) return '*';
  return chars[0] + '*'.repeat(chars.length - 1);
}

/** 淄博市张店区****** — the first 6 characters (city, district) kept, the rest (street, number) hidden; at most 6 stars. */
export function maskAddress(address: string): string {
  const chars = [...address.trim()];
  if (chars.length <= 6) return '*'.repeat(Math.min(chars.length, 6));
  return chars.slice(0, 6).join('') + '*'.repeat(Math.min(chars.length - 6, 6));
}

/**
 * A staff member's work phone (issue 19, 上岗人员联系电话): a mobile (11 digits, 1[3-9]…), or a
 * landline with or without its area code (0531-12345678, 05311234567, 12345678) and an extension.
 */
export const STAFF_PHONE = /^(?:1[3-9]\d{9}|(?:0\d{2,3}-?)?[2-9]\d{6,7}(?:-\d{1,6})?)$/;
