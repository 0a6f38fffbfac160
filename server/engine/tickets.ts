/** Ticket numbers (DESIGN.md "Tickets and calling"): queue prefix + daily sequence, A001…, never reused within a day. */

export function ticketNumber(prefix: string, seq: number): string {
  return prefix + String(seq).padStart(3, '0');
}

/** Tickets of a day that are still open at closing are cancelled with this reason. */
export const DAY_END_REASON = 'day-end';
