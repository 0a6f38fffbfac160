/**
 * What staff may search the day's bookings by (GET /api/bookings?q=). The list shows personal data
 * masked, so a search must not recover what the mask hides: a substring of an ID number or phone,
 * tried digit by digit, would spell the whole number out. A query therefore matches only
 *  - the booking's id or code, or a whole ID number, phone number or name (what the citizen says at the desk), or
 *  - four characters that the mask shows anyway: the tail of the ID number or of the phone ("尾号5678").
 */
export interface Searchable { id: string; name: string; idNumber: string; phone: string; code?: string | null }

export const VISIBLE_TAIL = 4;

export function matchesBookingSearch(b: Searchable, query: string): boolean {
  const q = query.trim().toUpperCase();
  if (!q) return true;
  if (q === b.id.toUpperCase() || (b.code && q === b.code) || q === b.idNumber || q === b.phone || q === b.name.trim().toUpperCase()) return true;
  return q.length === VISIBLE_TAIL && (b.idNumber.endsWith(q) || b.phone.endsWith(q));
}
