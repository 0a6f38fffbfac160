/** Shared bits of the hall tests: booking input for a person, and asserting a HallError by code. */
import { expect } from 'vitest';
import { HallError, type ErrorCode } from '../../protocol/errors.js';
import type { BookInput } from '../../server/hall/bookings.js';
import { idNumber } from '../helpers/hall.js';

export const NAMES = ['张三', '李四', '王五', '赵六', '欧阳娜娜'];

/** A valid booking request of person `n` (real-name data valid), overridable. */
export function bookingOf(n: number, over: Partial<BookInput> = {}): BookInput {
  return {
    name: NAMES[n % NAMES.length], idNumber: idNumber(n), phone: `138${String(n).padStart(8, '0')}`,
    serviceId: 'a1', date: '2026-11-24', slot: '09:30', channel: 'online', ...over,
  };
}

/** Runs `fn`, expecting a HallError with this code (and these details, when given); returns it. */
export function expectHallError(fn: () => unknown, code: ErrorCode, details?: Record<string, unknown>): HallError {
  let thrown: unknown;
  try {
    fn();
  } catch (err) {
    thrown = err;
  }
  expect(thrown, `expected HallError ${code}`).toBeInstanceOf(HallError);
  const e = thrown as HallError;
  expect(e.code).toBe(code);
  if (details) expect(e.details).toMatchObject(details);
  return e;
}

export const at = (iso: string) => new Date(iso).getTime();
