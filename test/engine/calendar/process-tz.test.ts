/**
 * chinese-days formats dates with the process-local getters, which shifts its answers by a day
 * west of UTC. The engine must not depend on the zone the server process happens to run in.
 * This file runs in its own worker (vitest pool 'forks'), so changing TZ here affects no other file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_HOURS, dayKind, nextOpening, qingmingDate, sessionsOn } from '../../../server/engine/calendar.js';

const zones = ['America/Los_Angeles', 'Pacific/Kiritimati', 'UTC'];

describe.each(zones)('with the server process in %s', (zone) => {
  const saved = process.env.TZ;
  beforeAll(() => {
    process.env.TZ = zone;
  });
  afterAll(() => {
    process.env.TZ = saved;
  });

  it('the process zone really changed (guards this test file itself)', () => {
    const offset = new Date('2026-01-15T12:00:00Z').getTimezoneOffset();
    expect(offset).toBe({ 'America/Los_Angeles': 480, 'Pacific/Kiritimati': -840, UTC: 0 }[zone]);
  });

  it('DESIGN: 2026-10-10 is still a make-up workday and 2026-10-08 a workday', () => {
    expect(dayKind('2026-10-10', DEFAULT_HOURS)).toBe('makeup-workday');
    expect(dayKind('2026-10-08', DEFAULT_HOURS)).toBe('workday');
    expect(dayKind('2026-09-30', DEFAULT_HOURS)).toBe('workday');
  });

  it('seed 003 §5.1.3: 清明 2026 is still 04-05 and 正月初一 2027-02-06 still closed', () => {
    expect(qingmingDate(2026)).toBe('2026-04-05');
    expect(sessionsOn('2027-02-06', DEFAULT_HOURS)).toEqual([]);
    expect(sessionsOn('2027-02-05', DEFAULT_HOURS).map((s) => s.end)).not.toContain('16:30');
  });

  it('DESIGN: next opening from Friday night is still Saturday 09:00 Beijing time', () => {
    expect(nextOpening(new Date('2026-03-13T20:00:00+08:00'), DEFAULT_HOURS)).toEqual(
      new Date('2026-03-14T09:00:00+08:00'),
    );
  });
});
