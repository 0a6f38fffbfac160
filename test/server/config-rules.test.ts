/** Schedule rules and booking channels that are wrong are refused at start, with the key's path (issue 11). */
import { describe, expect, it } from 'vitest';
import { ConfigError, parseHallConfig } from '../../server/config.js';
import { startHall } from '../../server/start.js';
import { hallFile } from './halls/support.js';

function refused(config: unknown): string {
  try {
    parseHallConfig(config, 'hall.json');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    return (err as Error).message;
  }
  throw new Error('accepted');
}

const weekend = (sessions: unknown[]) => ({ hours: { days: { weekend: [{ sessions }] } } });

describe('hall config: schedule rules and booking channels refused at start', () => {
  it('every shipped hall file is accepted', () => {
    for (const name of ['shangluo', 'xixia', 'shenqiu', 'shangrao', 'zibo']) expect(() => parseHallConfig(hallFile(name), name)).not.toThrow();
  });

  it('overlapping sessions in a day rule', () => {
    const msg = refused(weekend([
      { kind: 'weekend', start: '09:00', end: '12:00' },
      { kind: 'weekend', start: '11:00', end: '13:00' },
    ]));
    expect(msg).toMatch(/hours\.days\.weekend\.0\.sessions\.1: session 11:00–13:00 overlaps 09:00–12:00/);
  });

  it('a session ending before it starts, in a season of a rule', () => {
    const msg = refused({ hours: { days: { holiday: [{ summer: [{ kind: 'holiday', start: '12:00', end: '08:30' }], winter: [] }] } } });
    expect(msg).toMatch(/hours\.days\.holiday\.0\.summer\.0: session 12:00–08:30 ends before it starts/);
  });

  it('an unknown key (a misspelt appointmentOnly; a day kind that does not exist)', () => {
    expect(refused(weekend([{ kind: 'weekend', start: '09:00', end: '12:00', appointmentonly: true }]))).toMatch(/hours\.days\.weekend\.0\.sessions\.0.*appointmentonly/);
    expect(refused({ hours: { days: { saturday: [{ sessions: [] }] } } })).toMatch(/hours\.days.*saturday/);
    expect(refused({ booking: { channels: { fax: {} } } })).toMatch(/booking\.channels.*fax/);
  });

  it('a channel with no hours, and a window that ends before it starts', () => {
    expect(refused({ booking: { channels: { phone: { accepts: [] } } } })).toMatch(/booking\.channels\.phone\.accepts: a channel with no hours/);
    expect(refused({ booking: { channels: { onsite: { accepts: [{ from: '17:00', to: '08:00' }] } } } }))
      .toMatch(/booking\.channels\.onsite\.accepts\.0: session 17:00–08:00 ends before it starts/);
  });

  it('a rule with neither sessions nor seasons, or summer without winter; a closure named twice', () => {
    expect(refused({ hours: { days: { weekend: [{ weekdays: [6] }] } } })).toMatch(/hours\.days\.weekend\.0\.sessions: sessions \(or summer and winter\) required/);
    expect(refused({ hours: { days: { weekend: [{ summer: [] }] } } })).toMatch(/hours\.days\.weekend\.0\.winter: summer and winter go together/);
    expect(refused({ hours: { closures: [{ on: '除夕', part: 'all' }, { on: '除夕', part: 'afternoon' }] } })).toMatch(/hours\.closures\.1\.on: 除夕 is named twice/);
  });

  it('startHall refuses such a file before it listens', async () => {
    await expect(startHall({ env: { HALLQ_DB: ':memory:', HALLQ_PORT: '0', HALLQ_LOG_LEVEL: 'silent' }, config: weekend([{ kind: 'weekend', start: '10:00', end: '09:00' }]), devices: false }))
      .rejects.toThrow(/hours\.days\.weekend\.0\.sessions\.0: session 10:00–09:00 ends before it starts/);
  });
});
