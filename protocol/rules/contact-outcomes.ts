/**
 * The outcomes of a call about a booking (issue 19; seed 004 (3)–(4)), by purpose: the booking_contacts
 * table's CHECK holds their union. Dependency-free: the console's buttons and the server's rule read it.
 */
export const CONTACT_OUTCOMES = {
  advance: ['reached', 'not-reached', 'confirmed', 'asked-to-change'],
  'follow-up': ['gave-up', 'rescheduled', 'unreachable'],
} as const;
