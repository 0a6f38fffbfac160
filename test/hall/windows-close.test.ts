/** Issue 14: a window closes when its staff sign out (签退, or log out) and at day end; closed means nobody bound. */
import { describe, expect, it } from 'vitest';
import type { WindowState } from '../../protocol/domain.js';
import { KIOSK, makeHall, seedCatalog, STAFF } from '../helpers/hall.js';

describe('windows close', () => {
  it('day end closes every window still open or paused and unbinds its staff, once per day', () => {
    const { hall, clock } = makeHall({ now: '2026-11-23T09:00:00+08:00' });
    seedCatalog(hall);
    hall.openWindow(STAFF, 'w1');
    hall.openWindow(STAFF, 'w2');
    hall.pause(STAFF, 'w2', '临时离开');
    hall.tick();
    expect(hall.snapshot().windows.find((w) => w.id === 'w1')!.status).toBe('open');
    const seen: WindowState[] = [];
    hall.events.on('window:updated', (e) => seen.push(e.window));
    clock.set('2026-11-23T21:00:00+08:00');
    hall.tick();
    for (const w of hall.snapshot().windows) expect(w).toMatchObject({ status: 'closed' });
    expect(hall.snapshot().windows.every((w) => w.staffName === undefined)).toBe(true);
    expect(seen.map((w) => [w.id, w.status]).filter(([id]) => id !== 'w3')).toEqual([['w1', 'closed'], ['w2', 'closed']]);
    // a window opened again that night stays open: the day's close ran once
    hall.openWindow(STAFF, 'w1');
    clock.set('2026-11-23T21:30:00+08:00');
    hall.tick();
    expect(hall.snapshot().windows.find((w) => w.id === 'w1')!.status).toBe('open');
  });

  it('logging out signs out of the windows the user holds', () => {
    const { hall } = makeHall({ now: '2026-11-23T09:00:00+08:00' });
    seedCatalog(hall);
    hall.openWindow(STAFF, 'w1');
    hall.issueTicket(KIOSK, { serviceId: 'a1' });
    hall.callNext(STAFF, 'w1');
    hall.start(STAFF, 'w1');
    hall.people.endSession(STAFF, 'no-such-token-hash');
    const w1 = hall.snapshot().windows.find((w) => w.id === 'w1')!;
    expect(w1.status).toBe('closed');
    expect(w1.current?.status).toBe('serving'); // the console asked first; the ticket is not lost
    expect(hall.snapshot().windows.find((w) => w.id === 'w2')!.status).toBe('open'); // not held by this user: untouched
  });
});

describe('ticketForPrint (issue 14)', () => {
  it('lists the numbers of the windows serving the queue; a walk-in leaves out the reservation-only window', () => {
    const { hall } = makeHall({ now: '2026-11-23T09:00:00+08:00' });
    seedCatalog(hall);
    const { ticket } = hall.issueTicket(KIOSK, { serviceId: 'a1' });
    expect(hall.ticketForPrint(ticket.id).windows).toEqual([1, 2]);
  });

  it('carries the service\'s materials to bring when it lists any, and none otherwise', () => {
    const { hall } = makeHall({ now: '2026-11-23T09:00:00+08:00' });
    seedCatalog(hall, [{ id: 'm1', code: 'M01', name: '材料事项', queueId: 'qA', bookable: false, extended: false, slotCapacity: 1, materials: ['身份证原件', '户口簿'] }]);
    const withList = hall.issueTicket(KIOSK, { serviceId: 'm1' }).ticket;
    expect(hall.ticketForPrint(withList.id).materials).toEqual(['身份证原件', '户口簿']);
    const without = hall.issueTicket(KIOSK, { serviceId: 'a1' }).ticket;
    expect(hall.ticketForPrint(without.id)).not.toHaveProperty('materials');
  });
});
