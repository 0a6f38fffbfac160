/**
 * 每日取号上限 (issue 12): a service with a daily cap takes no more walk-in tickets once that many of
 * its tickets (walk-ins and check-ins alike) were issued today. A booked citizen's check-in is never
 * refused by it: their place was promised when they booked.
 */

/** Whether a service with `cap` (undefined: no cap) is full after `issuedToday` tickets. */
export function capReached(cap: number | undefined, issuedToday: number): boolean {
  return cap !== undefined && issuedToday >= cap;
}
