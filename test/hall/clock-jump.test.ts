/** Issue 13 item 10: a system clock jump neither forfeits in bulk nor reorders the queue. */
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { Writable } from 'node:stream';
import { rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDb } from '../../server/db/open.js';
import { createRepos } from '../../server/db/repos.js';
import type { Clock } from '../../server/clock.js';
import { Hall } from '../../server/hall.js';
import { DEFAULT_HOURS } from '../../server/engine/calendar.js';
import { DEFAULT_POLICY } from '../../server/engine/policy.js';
import { ADMIN, KIOSK, STAFF, idNumber, makeHall, seedCatalog } from '../helpers/hall.js';
import { at, bookingOf } from './fixtures.js';

const PLATFORM = { kind: 'device' as const, id: 'd-platform', role: 'platform' as const };
const MIN = 60_000;
const DAY = 24 * 60 * MIN;

/** A system clock (not manual) whose wall time the test can jump; the monotonic time only runs. */
class JumpyClock implements Clock {
  readonly manual = false;
  wall: number;
  mono = 1_000;
  constructor(start: string) {
    this.wall = at(start);
  }
  now() {
    return new Date(this.wall);
  }
  monotonic() {
    return this.mono;
  }
  /** time passes: both clocks */
  run(ms: number) {
    this.wall += ms;
    this.mono += ms;
  }
  /** the system clock is set: the wall clock only */
  jump(ms: number) {
    this.wall += ms;
  }
}

function jumpyHall(start: string) {
  const lines: { code?: string; msg: string; wallTime?: string; believedTime?: string }[] = [];
  const log = pino(
    { level: 'warn' },
    new Writable({
      write(chunk, _enc, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    }),
  );
  const clock = new JumpyClock(start);
  const hall = new Hall(
    createRepos(openDb(':memory:')),
    clock,
    {
      hallName: '测试政务服务中心',
      hours: DEFAULT_HOURS,
      policy: DEFAULT_POLICY,
      secret: 'test-secret',
    },
    log,
  );
  seedCatalog(hall);
  return { hall, clock, jumps: () => lines.filter((l) => l.code === 'clock-jump') };
}

const clockWarning = (hall: Hall) => hall.warnings().find((w) => w.code === 'clock-jump');

describe('a system clock jump (issue 13 item 10)', () => {
  it('a forward jump of a month, then back, forfeits nothing and records no no-show', () => {
    const { hall, clock, jumps } = jumpyHall('2026-11-22T10:00:00+08:00');
    const ids = [
      hall.book(PLATFORM, bookingOf(1, { date: '2026-11-23', slot: '10:30' })).booking.id,
      hall.book(PLATFORM, bookingOf(2, { date: '2026-11-24', slot: '09:30' })).booking.id,
      hall.book(PLATFORM, bookingOf(3, { date: '2026-11-25', slot: '10:30' })).booking.id,
    ];
    clock.run(at('2026-11-23T09:00:00+08:00') - clock.wall);
    hall.tick();
    clock.run(10_000);
    hall.tick();
    clock.jump(31 * DAY);
    for (let i = 0; i < 3; i++) {
      expect(hall.tick()).toEqual({ forfeited: 0, closed: 0 });
      clock.run(10_000);
    }
    expect(clockWarning(hall)).toMatchObject({
      code: 'clock-jump',
      wallTime: '2026-12-24T09:00:30+08:00',
      believedTime: '2026-11-23T09:00:30+08:00',
    });
    expect(jumps()).toHaveLength(1); // one warning with both times, not one per tick
    expect(jumps()[0]).toMatchObject({ wallTime: '2026-12-24T09:00:10+08:00', believedTime: '2026-11-23T09:00:10+08:00' });
    clock.jump(-31 * DAY);
    expect(hall.tick()).toEqual({ forfeited: 0, closed: 0 });
    expect(clockWarning(hall)).toBeUndefined();
    for (const id of ids) expect(hall.booking(ADMIN, id).status).toBe('booked');
    for (const n of [1, 2, 3]) expect(hall.credit(ADMIN, idNumber(n)).noShowsThisMonth).toBe(0);
    // the clock is right again: a booking that really is late is forfeited as always
    clock.run(at('2026-11-23T11:00:00+08:00') - clock.wall);
    expect(hall.tick().forfeited).toBe(1);
    expect(hall.booking(ADMIN, ids[0]).status).toBe('forfeited');
  });

  it('while a jump is held, a booking that really falls due (by monotonic time) is still forfeited', () => {
    const { hall, clock } = jumpyHall('2026-11-22T10:00:00+08:00');
    const late = hall.book(PLATFORM, bookingOf(1, { date: '2026-11-23', slot: '10:30' })).booking.id;
    const later = hall.book(PLATFORM, bookingOf(2, { date: '2026-11-23', slot: '11:30' })).booking.id;
    clock.run(at('2026-11-23T10:55:00+08:00') - clock.wall);
    hall.tick();
    clock.jump(31 * DAY);
    expect(hall.tick().forfeited).toBe(0);
    clock.run(6 * MIN); // 11:01 believed
    expect(hall.tick().forfeited).toBe(1);
    expect(hall.booking(ADMIN, late).status).toBe('forfeited');
    expect(hall.booking(ADMIN, later).status).toBe('booked');
  });

  it('a jump that keeps step for 30 minutes is believed (a correction): what fell due then runs', () => {
    const { hall, clock, jumps } = jumpyHall('2026-11-22T10:00:00+08:00');
    const id = hall.book(PLATFORM, bookingOf(1, { date: '2026-11-23', slot: '10:30' })).booking.id;
    clock.run(at('2026-11-23T09:00:00+08:00') - clock.wall);
    hall.tick();
    clock.jump(3 * 60 * MIN); // 12:00
    expect(hall.tick().forfeited).toBe(0);
    for (let m = 0; m < 5; m++) {
      clock.run(5 * MIN);
      expect(hall.tick().forfeited).toBe(0);
    }
    clock.run(5 * MIN);
    expect(hall.tick().forfeited).toBe(1);
    expect(hall.booking(ADMIN, id).status).toBe('forfeited');
    expect(clockWarning(hall)).toBeUndefined();
    expect(jumps().map((l) => l.msg.slice(0, 12))).toHaveLength(2);
  });

  it('a backward step of 30 minutes keeps A002/A003 before A004 (issue times never go backwards within a day)', () => {
    const { hall, clock } = makeHall({ now: '2026-11-23T09:50:00+08:00' });
    seedCatalog(hall);
    hall.issueTicket(KIOSK, { serviceId: 'a1' });
    clock.set('2026-11-23T10:00:00+08:00');
    const a2 = hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket;
    const a3 = hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket;
    expect(hall.callNext(STAFF, 'w1').ticket!.number).toBe('A001');
    clock.set('2026-11-23T09:30:00+08:00');
    const a4 = hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket;
    expect(a4.number).toBe('A004');
    expect(at(a4.issuedAt)).toBeGreaterThanOrEqual(at(a3.issuedAt));
    const called: string[] = [];
    for (let i = 0; i < 3; i++) {
      hall.start(STAFF, 'w1');
      const t = hall.callNext(STAFF, 'w1').ticket!;
      called.push(t.number);
      expect(at(t.calledAt!)).toBeGreaterThanOrEqual(at('2026-11-23T10:00:00+08:00')); // call times do not go back either
    }
    expect(called).toEqual([a2.number, a3.number, 'A004']);
  });

  it("the same after a restart: the day's last issue time is read from the database", () => {
    const file = path.join(tmpdir(), `hallq-clock-${process.pid}-${Date.now()}.db`);
    const first = makeHall({ now: '2026-11-23T10:00:00+08:00', file });
    seedCatalog(first.hall);
    first.hall.issueTicket(KIOSK, { serviceId: 'a1' });
    first.hall.issueTicket(KIOSK, { serviceId: 'a1' });
    const again = makeHall({ now: '2026-11-23T09:30:00+08:00', file });
    again.hall.issueTicket(KIOSK, { serviceId: 'a1' });
    expect(again.hall.callNext(STAFF, 'w1').ticket!.number).toBe('A001');
    again.hall.start(STAFF, 'w1');
    expect(again.hall.callNext(STAFF, 'w1').ticket!.number).toBe('A002');
    first.db.close();
    again.db.close();
    for (const f of [file, `${file}-wal`, `${file}-shm`]) rmSync(f, { force: true });
  });
});
