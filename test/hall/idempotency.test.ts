import { describe, expect, it } from 'vitest';
import { ADMIN, KIOSK, makeHall, seedCatalog } from '../helpers/hall.js';
import { bookingOf, expectHallError } from './fixtures.js';

const PLATFORM = { kind: 'device' as const, id: 'd-platform', role: 'platform' as const };
const KIOSK2 = { kind: 'device' as const, id: 'd-kiosk2', role: 'kiosk' as const };

function hallAt(now = '2026-11-23T09:00:00+08:00') {
  const h = makeHall({ now });
  seedCatalog(h.hall);
  return h;
}

describe('idempotency by requestId (CONTRACT.md: the same requestId returns the first result)', () => {
  it('issuing a ticket twice with one requestId returns the first ticket and uses one number', () => {
    const { hall } = hallAt();
    const first = hall.issueTicket(KIOSK, { serviceId: 'a1', requestId: 'r-1' });
    const again = hall.issueTicket(KIOSK, { serviceId: 'a1', requestId: 'r-1' });
    expect(first.replayed).toBeUndefined();
    expect(again).toEqual({ ...first, replayed: true });
    expect(hall.issueTicket(KIOSK, { serviceId: 'a1', requestId: 'r-2' }).ticket.number).toBe('A002');
    expect(hall.snapshot().queues.find((q) => q.id === 'qA')!.waiting).toBe(2);
  });

  it('a replay emits no events', () => {
    const { hall } = hallAt();
    hall.issueTicket(KIOSK, { serviceId: 'a1', requestId: 'r-1' });
    const seen: string[] = [];
    hall.events.on('ticket:issued', () => seen.push('issued'));
    hall.events.on('queue:updated', () => seen.push('queue'));
    hall.issueTicket(KIOSK, { serviceId: 'a1', requestId: 'r-1' });
    expect(seen).toEqual([]);
  });

  it('requestIds are per actor: another kiosk with the same requestId gets its own ticket', () => {
    const { hall } = hallAt();
    const a = hall.issueTicket(KIOSK, { serviceId: 'a1', requestId: 'same' });
    const b = hall.issueTicket(KIOSK2, { serviceId: 'a1', requestId: 'same' });
    expect(b.ticket.id).not.toBe(a.ticket.id);
  });

  it('a refused request stores nothing: the same requestId succeeds once the cause is gone', () => {
    const { hall, clock } = hallAt('2026-11-23T07:00:00+08:00');
    expectHallError(() => hall.issueTicket(KIOSK, { serviceId: 'a1', requestId: 'r-early' }), 'hall-closed');
    clock.set('2026-11-23T08:30:00+08:00');
    const r = hall.issueTicket(KIOSK, { serviceId: 'a1', requestId: 'r-early' });
    expect(r.replayed).toBeUndefined();
    expect(r.ticket.number).toBe('A001');
  });

  it('booking twice with one requestId creates one booking (no duplicate-slot refusal on retry)', () => {
    const { hall } = hallAt();
    const first = hall.book(PLATFORM, { ...bookingOf(1), requestId: 'bk-1' });
    const again = hall.book(PLATFORM, { ...bookingOf(1), requestId: 'bk-1' });
    expect(again.booking.id).toBe(first.booking.id);
    expect(again.qr).toBe(first.qr);
    expect(again.replayed).toBe(true);
    expect(hall.bookingsOf(ADMIN, '2026-11-24')).toHaveLength(1);
  });

  it('checking in twice with one requestId returns the first answer', () => {
    const { hall, clock } = hallAt('2026-11-23T09:00:00+08:00');
    const { qr } = hall.book(PLATFORM, bookingOf(1));
    clock.set('2026-11-24T09:00:00+08:00');
    const first = hall.checkIn(KIOSK, { qr, requestId: 'ci-1' });
    const again = hall.checkIn(KIOSK, { qr, requestId: 'ci-1' });
    expect(again).toEqual({ ...first, replayed: true });
  });

  it('the stored answer holds no personal data in clear', () => {
    const { hall, db } = hallAt();
    const input = { ...bookingOf(1), requestId: 'bk-2' };
    hall.book(PLATFORM, input);
    const stored = (db.prepare('SELECT response FROM idempotency').all() as { response: string }[]).map((r) => r.response).join('\n');
    expect(stored).not.toContain(input.idNumber);
    expect(stored).not.toContain(input.phone);
    expect(stored).not.toContain(input.name);
  });
});
