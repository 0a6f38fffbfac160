/**
 * The hall's own socket events (issue 10): `hall:updated` reaches every socket when the clock crosses
 * an opening or a closing (the tick compares with the openness it saw last), and `ticket:updated`
 * reaches staff for every change of a ticket after issue, so a console can keep its lists from events.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HallUpdatedEvent } from '../../protocol/events.js';
import type { Ticket } from '../../protocol/domain.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { nextEvent, sleep } from './support.js';

describe('hall:updated when the hall opens and closes', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer({ now: '2026-11-23T08:20:00+08:00' }); }); // a Monday, before opening
  afterAll(() => s.close());

  it('every socket gets hall:updated at 08:30 opening and again at closing, and nothing when no boundary is crossed', async () => {
    // tokens first, then the sockets with their listeners: a snapshot must not arrive before anyone listens
    const [displayToken, staffToken] = [await s.deviceToken('display', 'lobby-h'), await s.login('staff1')];
    const display = s.socket(displayToken);
    const staff = s.socket(staffToken);
    await Promise.all([nextEvent(display, 'state:snapshot'), nextEvent(staff, 'state:snapshot')]);
    const seen: HallUpdatedEvent[] = [];
    display.on('hall:updated', (e) => seen.push(e));

    const opened = [nextEvent<HallUpdatedEvent>(display, 'hall:updated'), nextEvent<HallUpdatedEvent>(staff, 'hall:updated')];
    await s.setClock('2026-11-23T08:31:00+08:00');
    for (const e of await Promise.all(opened)) expect(e).toMatchObject({ open: true, nextOpenAt: null, hallName: expect.any(String) });

    await s.setClock('2026-11-23T10:00:00+08:00'); // still open: no event
    await sleep(200);
    expect(seen).toHaveLength(1);

    const closed = nextEvent<HallUpdatedEvent>(display, 'hall:updated');
    await s.setClock('2026-11-23T20:00:00+08:00');
    expect(await closed).toMatchObject({ open: false, nextOpenAt: '2026-11-24T08:30:00+08:00', hallName: expect.any(String) });
    await sleep(100);
    expect(seen.map((e) => e.open)).toEqual([true, false]);
  });
});

describe('ticket:updated to staff for every change after issue', () => {
  let s: TestServer;
  beforeAll(async () => { s = await startTestServer(); });
  afterAll(() => s.close());

  it('called, started, transferred back to waiting, called, no-show: staff see each, a display none', async () => {
    const kiosk = s.running.demoTokens['kiosk-1'];
    const staff1 = await s.login('staff1');
    const displayToken = await s.deviceToken('display', 'lobby-t');
    const staffSocket = s.socket(staff1);
    const display = s.socket(displayToken);
    await Promise.all([nextEvent(staffSocket, 'state:snapshot'), nextEvent(display, 'state:snapshot')]);
    const updates: Ticket[] = [];
    const displayGot: string[] = [];
    staffSocket.on('ticket:updated', (e) => updates.push(e.ticket));
    display.onAny((event) => displayGot.push(event));

    const t = (await s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId: 's-a01' } })).body.ticket;
    for (const step of ['call-next', 'start', 'transfer', 'call-next', 'no-show']) {
      const body = step === 'transfer' ? { queueId: 'qA' } : undefined;
      expect((await s.api('POST', `/api/windows/w1/${step}`, { token: staff1, body })).status).toBe(200);
    }
    for (let i = 0; i < 50 && updates.length < 5; i++) await sleep(20);
    expect(updates.map((u) => [u.id, u.status])).toEqual([
      [t.id, 'called'], [t.id, 'serving'], [t.id, 'waiting'], [t.id, 'called'], [t.id, 'no-show'],
    ]);
    expect(displayGot).not.toContain('ticket:updated');
  });
});
