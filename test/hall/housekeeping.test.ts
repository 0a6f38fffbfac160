import { describe, expect, it } from 'vitest';
import { KIOSK, makeHall, seedCatalog } from '../helpers/hall.js';
import { DEAD_TOKEN_KEEP_MS, IDEMPOTENCY_KEEP_MS, housekeep } from '../../server/hall/housekeeping.js';
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
const hashes = (repos: Repos) => repos.db.prepare('SELECT token_hash FROM tokens ORDER BY token_hash').pluck().all();
const requestIds = (repos: Repos) => repos.db.prepare('SELECT request_id FROM idempotency ORDER BY request_id').pluck().all();

describe('housekeep(repos, now): rows past their keeping are deleted', () => {
  it('an idempotency answer is kept 24 h, then pruned', () => {
    const { repos } = hallAt();
    repos.idempotency.put('ticket.issue:device:k', 'old', {}, T0 - IDEMPOTENCY_KEEP_MS - 1);
    repos.idempotency.put('ticket.issue:device:k', 'edge', {}, T0 - IDEMPOTENCY_KEEP_MS);
    repos.idempotency.put('ticket.issue:device:k', 'new', {}, T0 - HOUR);
    expect(housekeep(repos, T0)).toEqual({ idempotency: 1, tokens: 0 });
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
    expect(housekeep(repos, T0)).toEqual({ idempotency: 0, tokens: 3 });
    expect(hashes(repos)).toEqual(['expired-at-the-edge', 'expired-lately', 'live-and-old', 'live-expiring', 'revoked-lately']);
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
