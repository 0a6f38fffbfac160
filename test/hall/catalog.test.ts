import { describe, expect, it } from 'vitest';
import { ADMIN, KIOSK, STAFF, makeHall, seedCatalog } from '../helpers/hall.js';
import { expectHallError } from './fixtures.js';

function hall() {
  const h = makeHall();
  seedCatalog(h.hall);
  return h.hall;
}

describe('catalog edits (DESIGN.md Catalog), audited', () => {
  it('a second queue with a used prefix → duplicate-prefix (409)', () => {
    const h = hall();
    expect(expectHallError(() => h.catalog.createQueue(ADMIN, { name: '重复', prefix: 'A' }), 'duplicate-prefix').status).toBe(409);
    expectHallError(() => h.catalog.updateQueue(ADMIN, 'qB', { name: '不动产登记', prefix: 'A' }), 'duplicate-prefix');
  });

  it('a window number in use → duplicate-window-number (409)', () => {
    const h = hall();
    expectHallError(() => h.catalog.createWindow(ADMIN, { number: 1, name: 'x', queueIds: ['qA'], reservationOnly: false }), 'duplicate-window-number');
  });

  it('unknown queues in a service or window → queue-not-found; unknown ids on update → *-not-found', () => {
    const h = hall();
    expectHallError(() => h.catalog.createService(ADMIN, { code: 'X', name: 'x', queueId: 'qZ', bookable: true, extended: false, slotCapacity: 1 }), 'queue-not-found');
    expectHallError(() => h.catalog.createWindow(ADMIN, { number: 9, name: 'x', queueIds: ['qZ'], reservationOnly: false }), 'queue-not-found');
    expectHallError(() => h.catalog.updateQueue(ADMIN, 'qZ', { name: 'x', prefix: 'Z' }), 'queue-not-found');
    expectHallError(() => h.catalog.deleteQueue(ADMIN, 'qZ'), 'queue-not-found');
    expectHallError(() => h.catalog.updateService(ADMIN, 'zz', { code: 'X', name: 'x', queueId: 'qA', bookable: true, extended: false, slotCapacity: 1 }), 'service-not-found');
    expectHallError(() => h.catalog.deleteService(ADMIN, 'zz'), 'service-not-found');
    expectHallError(() => h.catalog.updateWindow(ADMIN, 'w9', { number: 9, name: 'x', queueIds: [], reservationOnly: false }), 'window-not-found');
    expectHallError(() => h.catalog.deleteWindow(ADMIN, 'w9'), 'window-not-found');
  });

  it('a queue with services, or a window with a ticket in hand, cannot be deleted → in-use', () => {
    const h = hall();
    expectHallError(() => h.catalog.deleteQueue(ADMIN, 'qA'), 'in-use');
    h.issueTicket(KIOSK, { serviceId: 'a1' });
    h.callNext(STAFF, 'w1');
    expectHallError(() => h.catalog.deleteWindow(ADMIN, 'w1'), 'in-use');
  });

  it('a deleted queue frees its prefix', () => {
    const h = hall();
    const q = h.catalog.createQueue(ADMIN, { name: '临时', prefix: 'C' });
    h.catalog.deleteQueue(ADMIN, q.id);
    expect(h.catalog.createQueue(ADMIN, { name: '新', prefix: 'C' }).prefix).toBe('C');
  });

  it('a deleted window frees its number', () => {
    const h = hall();
    h.catalog.deleteWindow(ADMIN, 'w3');
    expect(h.catalog.createWindow(ADMIN, { number: 3, name: '新三号', queueIds: ['qA'], reservationOnly: false }).number).toBe(3);
  });
});
