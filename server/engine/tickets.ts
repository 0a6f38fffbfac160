/** Ticket numbers (DESIGN.md "Tickets and calling"): queue prefix + daily sequence, A001…, never reused within a day. */

export function ticketNumber(prefix: string, seq: number): string {
  return prefix + String(seq).padStart(3, '0');
}

export { DAY_END_REASON } from './day-end.js';
