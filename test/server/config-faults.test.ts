/**
 * Config faults are refused at start, with a message naming the key's path, instead of failing later
 * as a 400 on every request that reads the value (issue 10, deliverable 6).
 */
import { describe, expect, it } from 'vitest';
import { ConfigError, hoursOf, parseEnv, parseHallConfig } from '../../server/config.js';
import { DEFAULT_HOURS, sessionsOn } from '../../server/engine/calendar.js';
import { startHall } from '../../server/start.js';

/** the ConfigError message parseHallConfig throws for `hours` (fails the test if it accepts them) */
function refusedHours(hours: unknown): string {
  try {
    parseHallConfig({ hours }, 'hall.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('accepted');
}

describe('hall config: opening hours refused at start', () => {
  it('refuses a session that ends before it starts, naming its path and the file', () => {
    const msg = refusedHours({ summer: { am: ['12:00', '08:30'], pm: ['14:00', '17:00'] } });
    expect(msg).toMatch(/hall\.json/);
    expect(msg).toMatch(/hours\.summer\.am: session 12:00–08:30 ends before it starts/);
  });

  it('refuses an empty session (it ends when it starts)', () => {
    expect(refusedHours({ weekend: [['09:00', '09:00']] })).toMatch(/hours\.weekend\.0: session 09:00–09:00 ends before it starts/);
  });

  it('refuses a morning that overlaps the afternoon, or comes after it', () => {
    expect(refusedHours({ winter: { am: ['08:30', '14:00'], pm: ['13:30', '16:30'] } })).toMatch(
      /hours\.winter\.pm: session 13:30–16:30 overlaps 08:30–14:00 \(winter\.am\)/,
    );
    expect(refusedHours({ winter: { am: ['13:30', '16:30'], pm: ['08:30', '12:00'] } })).toMatch(/hours\.winter\.pm: .*must come after/);
  });

  it('refuses overlapping weekend or holiday sessions, in any listed order', () => {
    expect(
      refusedHours({
        weekend: [
          ['13:00', '17:00'],
          ['09:00', '13:30'],
        ],
      }),
    ).toMatch(/hours\.weekend\.0: session 13:00–17:00 overlaps 09:00–13:30 \(weekend\.1\)/);
    expect(
      refusedHours({
        holiday: {
          sessions: [
            ['09:00', '12:00'],
            ['11:00', '15:00'],
          ],
          appointmentOnly: true,
        },
      }),
    ).toMatch(/hours\.holiday\.sessions\.1: session 11:00–15:00 overlaps/);
  });

  it.each(['8:30', '12:60', '24:30', '25:00', '0830'])('refuses the time %s (not HH:MM)', (t) => {
    expect(refusedHours({ summer: { am: [t, '12:00'], pm: ['14:00', '17:00'] } })).toMatch(/hours\.summer\.am\.0: HH:MM/);
  });

  it('refuses a time zone Intl does not know', () => {
    expect(refusedHours({ tz: 'Asia/Beijing' })).toMatch(/hours\.tz: an IANA time zone/);
  });

  it('refuses a season start or an override date that does not exist', () => {
    expect(refusedHours({ summerFrom: '13-01' })).toMatch(/hours\.summerFrom: MM-DD/);
    expect(refusedHours({ winterFrom: '02-30' })).toMatch(/hours\.winterFrom: MM-DD/);
    expect(refusedHours({ overrides: { '2026-02-30': 'closed' } })).toMatch(/hours\.overrides\.2026-02-30: no such date/);
  });

  it('accepts the defaults written out, a session ending at 24:00, 02-29 and sessions listed out of order', () => {
    const cfg = parseHallConfig(
      {
        hours: {
          ...DEFAULT_HOURS,
          summerFrom: '02-29',
          weekend: [
            ['13:00', '24:00'],
            ['09:00', '12:00'],
          ],
        },
      },
      'hall.json',
    );
    const hours = hoursOf(cfg, 'Asia/Shanghai');
    expect(sessionsOn('2026-11-28', hours).map((s) => `${s.start}–${s.end}`)).toEqual(['09:00–12:00', '13:00–24:00']);
  });
});

describe('hall config: other values refused at start', () => {
  it('refuses a phone-booking deadline that is not a time of day', () => {
    expect(() => parseHallConfig({ policy: { phoneDeadline: '16:75' } }, 'hall.json')).toThrow(/policy\.phoneDeadline: HH:MM, 00:00–23:59/);
  });

  it('refuses HALLQ_TZ that Intl does not know and a HALLQ_NOW that is no instant, naming the variable', () => {
    expect(() => parseEnv({ HALLQ_TZ: 'Mars/Olympus' })).toThrow(/HALLQ_TZ: an IANA time zone/);
    expect(() => parseEnv({ HALLQ_CLOCK: 'manual', HALLQ_NOW: 'yesterday' })).toThrow(/HALLQ_NOW: an instant/);
    expect(parseEnv({ HALLQ_TZ: 'Europe/Berlin', HALLQ_NOW: '2026-11-23T09:00:00+08:00' }).HALLQ_TZ).toBe('Europe/Berlin');
  });

  it('the server does not start with such a config: startHall rejects with the ConfigError', async () => {
    const start = startHall({
      env: { HALLQ_DB: ':memory:', HALLQ_PORT: '0', HALLQ_LOG_LEVEL: 'silent' },
      config: { hours: { summer: { am: ['08:30', '12:00'], pm: ['17:00', '14:00'] } } },
      devices: false,
    });
    await expect(start).rejects.toThrow(ConfigError);
    await expect(start).rejects.toThrow(/hours\.summer\.pm: session 17:00–14:00 ends before it starts/);
  });
});
