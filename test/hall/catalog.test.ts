import { describe, expect, it } from 'vitest';
import { ADMIN, KIOSK, STAFF, makeHall, seedCatalog } from '../helpers/hall.js';
import { expectHallError } from './fixtures.js';
import pino from 'pino';
import { createCore } from '../../server/hall/core.js';

function hall() {
  const h = makeHall();
  seedCatalog(h.hall);
  return h.hall;
}

/** the hall and the repositories under it, for the tests of what the repositories keep in memory */
function hallAndRepos() {
  const h = makeHall();
  seedCatalog(h.hall);
  const core = createCore(h.repos, h.clock, { ...h.hall.settings, secret: 'x' }, pino({ level: 'silent' }));
  return { repos: h.repos, core, catalog: h.hall.catalog, issueTicket: h.hall.issueTicket.bind(h.hall) };
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

  it('a service and a window that tickets point at are deleted as tombstones: the tickets keep them, no reference dangles', () => {
    const { hall: h, db } = makeHall();
    seedCatalog(h);
    const { ticket } = h.issueTicket(KIOSK, { serviceId: 'a1' });
    h.callNext(STAFF, 'w1');
    h.finish(STAFF, 'w1');
    h.issueTicket(KIOSK, { serviceId: 'a1' }); // one still waiting
    expect(h.catalog.deleteService(ADMIN, 'a1')).toEqual({ id: 'a1' });
    expect(h.catalog.deleteWindow(ADMIN, 'w1')).toEqual({ id: 'w1' });
    expect(h.ticket(ticket.id).ticket).toMatchObject({ serviceId: 'a1', windowId: 'w1', status: 'done' });
    expect(db.prepare("SELECT (SELECT deleted FROM services WHERE id = 'a1') s, (SELECT deleted FROM windows WHERE id = 'w1') w").get()).toEqual({ s: 1, w: 1 });
    expect(db.pragma('foreign_key_check')).toEqual([]);
    // the database itself refuses to lose them (schema 001: history references, NO ACTION)
    expect(() => db.prepare("DELETE FROM services WHERE id = 'a1'").run()).toThrow(/FOREIGN KEY/);
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

describe('the catalog kept in memory (server/db/repos/catalog.ts memo)', () => {
  const hall = hallAndRepos;
  const A1 = { code: 'A01', name: '营业执照办理', queueId: 'qA', bookable: true, extended: false, slotCapacity: 2 };

  it('an edit is read back at once, by the next ticket too', () => {
    const h = hall();
    expect(h.repos.services.get('a1')?.name).toBe('营业执照办理');
    h.catalog.updateService(ADMIN, 'a1', { ...A1, name: '营业执照变更' });
    expect(h.repos.services.get('a1')?.name).toBe('营业执照变更');
    h.catalog.updateQueue(ADMIN, 'qA', { name: '综合受理', prefix: 'C', sortOrder: 0 });
    expect(h.issueTicket(KIOSK, { serviceId: 'a1' }).ticket.number).toBe('C001');
  });

  it('a write rolled back by a failing command is never served', () => {
    const h = hall();
    expect(h.repos.services.get('a1')?.name).toBe('营业执照办理');
    expect(() => h.core.run('test', ADMIN, undefined, () => {
      h.repos.services.update({ ...A1, id: 'a1', name: '回滚的名称' });
      expect(h.repos.services.get('a1')?.name).toBe('回滚的名称'); // read inside the transaction: kept
      throw new Error('the command fails after reading its own write');
    })).toThrow(/fails/);
    expect(h.repos.services.get('a1')?.name).toBe('营业执照办理');
  });

  it('a deleted service is gone at once', () => {
    const h = hall();
    h.repos.services.get('a2');
    h.catalog.deleteService(ADMIN, 'a2');
    expect(h.repos.services.get('a2')).toBeUndefined();
    expectHallError(() => h.issueTicket(KIOSK, { serviceId: 'a2' }), 'service-not-found');
  });
});
