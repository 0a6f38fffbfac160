/**
 * The platform outbox at the hall level (issue 17): one row per platform event in the command's own
 * transaction (none for a command that fails), contiguous seqs, the cursor, and pruning that keeps
 * the retention and never lets a seq be used twice.
 */
import { describe, expect, it } from 'vitest';
import { HallError } from '../../protocol/errors.js';
import { ADMIN, KIOSK, makeHall, seedCatalog, SYSTEM } from '../helpers/hall.js';
import { bookingOf } from './fixtures.js';

const PLATFORM = { kind: 'device' as const, id: 'd-platform', role: 'platform' as const };
const DAY = 86_400_000;

function setup() {
  const h = makeHall();
  seedCatalog(h.hall);
  return h;
}

describe('platform outbox', () => {
  it('a ticket and a booking each write their platform event; catalog changes and sign-ins write none', () => {
    const { hall, db } = setup();
    hall.issueTicket(KIOSK, { serviceId: 'a1' });
    hall.book(PLATFORM, bookingOf(1));
    const rows = db.prepare('SELECT seq, type FROM outbox ORDER BY seq').all() as { seq: number; type: string }[];
    expect(rows).toEqual([{ seq: 1, type: 'ticket.issued' }, { seq: 2, type: 'booking.created' }]);
    const page = hall.platform.events(ADMIN, 0, 10);
    expect(page.next).toBe(2);
    expect(page.events[1].data).toMatchObject({ serviceCode: expect.any(String), person: { idNumber: expect.stringContaining('*') } });
  });

  it('a command that fails writes no outbox row (the row is in its transaction)', () => {
    const { hall, db } = setup();
    hall.book(PLATFORM, bookingOf(2));
    expect(() => hall.book(PLATFORM, bookingOf(2))).toThrow(HallError); // the same person and slot: refused
    expect(db.prepare('SELECT count(*) n FROM outbox').get()).toEqual({ n: 1 });
  });

  it('pruning removes delivered rows past the retention, keeps the newest, and the next seq continues', () => {
    const { hall, db, clock } = setup();
    for (let i = 0; i < 5; i++) hall.issueTicket(KIOSK, { serviceId: 'a1' });
    hall.config.write(SYSTEM, {}, { platform: { webhookUrl: 'https://p.example.gov.cn/h', secret: 'x'.repeat(16), personalData: 'masked', retentionDays: 7 } },
      { via: 'seed', restartRequired: false });
    expect(hall.platform.delivered(0, 3)).toBe(true);
    expect(hall.platform.delivered(0, 5)).toBe(false); // the cursor moved meanwhile: a stale batch does not move it
    clock.set(new Date(clock.now().getTime() + 8 * DAY));
    expect(hall.platform.prune()).toBe(3); // delivered and old; 4 and 5 are not delivered yet
    expect(hall.platform.delivered(3, 5)).toBe(true);
    expect(hall.platform.prune()).toBe(1); // 4; 5 is the newest: kept, so its seq is never handed out again
    expect(hall.platform.status(ADMIN)).toMatchObject({ pending: 0, lastDeliveredSeq: 5, firstSeq: 5 });
    expect(() => hall.platform.resend(ADMIN, 2)).toThrow(expect.objectContaining({ code: 'events-pruned' }));
    hall.book(PLATFORM, bookingOf(3, { date: '2026-12-02' }));
    expect((db.prepare('SELECT max(seq) m FROM outbox').get() as { m: number }).m).toBe(6);
  });
});
