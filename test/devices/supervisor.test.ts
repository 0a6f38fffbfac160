import { describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { Supervisor, backoffDelay } from '../../server/devices/supervisor.js';
import { waitFor } from '../drivers/idcard/helpers.js';

const logger = pino({ level: 'silent' });

describe('backoffDelay', () => {
  it('doubles from the initial delay up to the ceiling', () => {
    const b = { initialMs: 1000, maxMs: 60_000 };
    expect([1, 2, 3, 4, 7, 20].map((n) => backoffDelay(n, b))).toEqual([1000, 2000, 4000, 8000, 60_000, 60_000]);
  });
});

describe('Supervisor', () => {
  it('resolves start() after a failed first attempt and keeps retrying until open succeeds', async () => {
    let tries = 0;
    const events: string[] = [];
    const s = new Supervisor({
      name: 'x',
      open: async () => {
        tries++;
        if (tries < 3) throw new Error(`fail ${tries}`);
      },
      onUp: () => events.push('up'),
      onDown: (e) => events.push(e.message),
      backoff: { initialMs: 5, maxMs: 10 },
      logger,
    });
    await s.start();
    expect(s.isUp).toBe(false);
    await waitFor(() => s.isUp);
    expect(events).toEqual(['fail 1', 'fail 2', 'up']);
    s.stop();
  });

  it('reopens after the resource is lost, and stops retrying when stopped', async () => {
    let opens = 0;
    let fail = false;
    const s = new Supervisor({
      name: 'x',
      open: async () => {
        opens++;
        if (fail) throw new Error('gone');
      },
      onUp: () => {},
      onDown: () => {},
      backoff: { initialMs: 5, maxMs: 5 },
      logger,
    });
    await s.start();
    s.lost(new Error('unplugged'));
    await waitFor(() => s.isUp && opens === 2);
    fail = true;
    s.lost(new Error('unplugged again'));
    await waitFor(() => opens >= 4);
    s.stop();
    const after = opens;
    await new Promise((r) => setTimeout(r, 30));
    expect(opens).toBe(after);
  });
});
