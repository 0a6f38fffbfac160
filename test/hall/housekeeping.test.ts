import { describe, expect, it } from 'vitest';
import { KIOSK, makeHall, seedCatalog } from '../helpers/hall.js';
import { DEAD_TOKEN_KEEP_MS, IDEMPOTENCY_KEEP_MS, SMS_PHONE_KEEP_MS, housekeep } from '../../server/hall/housekeeping.js';
import { HOUR } from '../../server/engine/time.js';

const DAY = 24 * HOUR;
const T0 = new Date('2026-11-23T09:00:00+08:00').getTime();

function hallAt(now = '2026-11-23T09:00:00+08:00') {
  const h = makeHall({ now });
  seedCatalog(h.hall);
  return h;
}

type Repos = ReturnType<typeof makeHall>['repos'];
const token = (repos: Repos, hash: string, t: { created_at?: number; expires_at?: number | null; revoked_at?: number }) => {
  repos.tokens.insert({ token_hash: hash, principal_kind: 'user', principal_id: 'u1', created_at: t.created_at ?? T0 - 90 * DAY, expires_at: t.expires_at ?? null });
  if (t.revoked_at != null) repos.tokens.revoke(hash, t.revoked_at);
};
const seedBooking = (repos: Repos) => {
  const serviceId = repos.db.prepare('SELECT id FROM services LIMIT 1').pluck().get() as string;
  repos.bookings.insert({ id: 'b-sms', channel: 'phone', service_id: serviceId, date: '2026-10-01', slot: '09:00', slot_start: T0 - 60 * DAY,
    name: '张三', id_number: '110101199001010011', phone: '13812345678', created_at: T0 - 61 * DAY, created_by: 'test', code: null });
  return 'b-sms';
};
const hashes = (repos: Repos) => repos.db.prepare('SELECT token_hash FROM tokens ORDER BY token_hash').pluck().all();
const requestIds = (repos: Repos) => repos.db.prepare('SELECT request_id FROM idempotency ORDER BY request_id').pluck().all();

describe('housekeep(repos, now): rows past their keeping are deleted', () => {
  it('an idempotency answer is kept 24 h, then pruned', () => {
    const { repos } = hallAt();
    repos.idempotency.put('ticket.issue:device:k', 'old', {}, T0 - IDEMPOTENCY_KEEP_MS - 1);
    repos.idempotency.put('ticket.issue:device:k', 'edge', {}, T0 - IDEMPOTENCY_KEEP_MS);
    repos.idempotency.put('ticket.issue:device:k', 'new', {}, T0 - HOUR);
    expect(housekeep(repos, T0)).toEqual({ idempotency: 1, tokens: 0, smsPhones: 0 });
    expect(requestIds(repos)).toEqual(['edge', 'new']);
  });

  it('an expired or revoked token is kept 30 days from its end for audit, then pruned; a live token never', () => {
    const { repos } = hallAt();
    const dead = T0 - DEAD_TOKEN_KEEP_MS;
    token(repos, 'expired-long-ago', { expires_at: dead - 1 });
    token(repos, 'expired-at-the-edge', { expires_at: dead });
    token(repos, 'expired-lately', { expires_at: T0 - DAY });
    token(repos, 'revoked-long-ago', { revoked_at: dead - 1 }); // a device's token: no expiry
    token(repos, 'revoked-long-ago-expiry-later', { revoked_at: dead - 1, expires_at: T0 + DAY });
    token(repos, 'revoked-lately', { revoked_at: T0 - DAY, expires_at: T0 + DAY });
    token(repos, 'live-and-old', { created_at: T0 - 365 * DAY });
    token(repos, 'live-expiring', { expires_at: T0 + HOUR });
    expect(housekeep(repos, T0)).toEqual({ idempotency: 0, tokens: 3, smsPhones: 0 });
    expect(hashes(repos)).toEqual(['expired-at-the-edge', 'expired-lately', 'live-and-old', 'live-expiring', 'revoked-lately']);
  });

  it('a sent SMS keeps its phone number 30 days, then the number is masked; the row stays, and a pending one keeps its number', () => {
    const { repos } = hallAt();
    const bookingId = (repos.db.prepare('SELECT id FROM bookings LIMIT 1').pluck().get() as string | undefined) ?? seedBooking(repos);
    const sms = (id: string, kind: 'confirmed' | 'reminder' | 'cancelled', sentAt: number | null) => {
      repos.sms.insert({ id, booking_id: bookingId, kind, day: '2026-10-01', phone: '13812345678', text: 't', params: '{}', next_at: 0, created_at: 0 });
      if (sentAt !== null) repos.sms.sent(id, sentAt, 'log');
    };
    sms('old', 'confirmed', T0 - SMS_PHONE_KEEP_MS - 1);
    sms('recent', 'reminder', T0 - SMS_PHONE_KEEP_MS + 1);
    sms('pending', 'cancelled', null);
    expect(housekeep(repos, T0)).toEqual({ idempotency: 0, tokens: 0, smsPhones: 1 });
    const phones = Object.fromEntries(repos.db.prepare('SELECT id, phone FROM sms').all().map((r) => { const { id, phone } = r as { id: string; phone: string }; return [id, phone]; }));
    expect(phones).toEqual({ old: '138****5678', recent: '13812345678', pending: '13812345678' });
    expect(housekeep(repos, T0)).toMatchObject({ smsPhones: 0 }); // a masked number is not masked again
  });
});

describe('the daily housekeeping runs from the timer tick, once per hall day', () => {
  it('the first tick of a hall day prunes; later ticks that day do not; the first tick after the hall\'s midnight does', () => {
    const { hall, repos, clock } = hallAt();
    hall.tick(); // 2026-11-23's run: nothing is old yet
    repos.idempotency.put('ticket.issue:device:k', 'stale', {}, T0 - IDEMPOTENCY_KEEP_MS - HOUR);
    clock.set('2026-11-23T23:59:00+08:00');
    hall.tick();
    expect(requestIds(repos)).toEqual(['stale']); // today's run is done
    clock.set('2026-11-24T00:00:01+08:00'); // the hall's midnight (UTC+8); UTC is still at 2026-11-23
    hall.tick();
    expect(requestIds(repos)).toEqual([]);
  });

  it('a requestId replayed within its keeping returns the first ticket; after the prune it issues a new one', () => {
    const { hall, clock } = hallAt('2026-11-23T09:00:00+08:00');
    const first = hall.issueTicket(KIOSK, { serviceId: 'a1', requestId: 'r-1' });
    hall.tick();
    clock.set('2026-11-24T08:59:00+08:00');
    hall.tick();
    expect(hall.issueTicket(KIOSK, { serviceId: 'a1', requestId: 'r-1' })).toEqual({ ...first, replayed: true });
    clock.set('2026-11-25T09:00:00+08:00');
    hall.tick();
    const again = hall.issueTicket(KIOSK, { serviceId: 'a1', requestId: 'r-1' });
    expect(again.replayed).toBeUndefined();
    expect(again.ticket.id).not.toBe(first.ticket.id);
  });

  it('dead tokens go 30 days after their end, on that day\'s first tick', () => {
    const { hall, repos, clock } = hallAt();
    token(repos, 'revoked-today', { revoked_at: T0 });
    hall.tick();
    clock.set(new Date(T0 + DEAD_TOKEN_KEEP_MS - HOUR));
    hall.tick();
    expect(hashes(repos)).toEqual(['revoked-today']);
    clock.set(new Date(T0 + DEAD_TOKEN_KEEP_MS + 16 * HOUR)); // 01:00 the day after the thirtieth
    hall.tick();
    expect(hashes(repos)).toEqual([]);
  });
});
