/**
 * A seed hall's shipped config file (halls/*.json) run through the real server with the manual
 * clock. Halls whose seed lists no services get a small fixture catalog: a1 (regular, bookable),
 * a2 (on the extended list, bookable).
 */
import { readFileSync } from 'node:fs';
import { ADMIN } from '../../helpers/hall.js';
import { startTestServer, type TestServer } from '../../helpers/server.js';
import type { CatalogSeed } from '../../../server/hall.js';
import { citizen } from '../support.js';

const FIXTURE: CatalogSeed = {
  queues: [{ id: 'qA', name: '综合受理', prefix: 'A' }],
  services: [
    { id: 'a1', code: 'A01', name: '营业执照办理', queueId: 'qA', bookable: true, extended: false, slotCapacity: 4 },
    { id: 'a2', code: 'A02', name: '个体工商户登记', queueId: 'qA', bookable: true, extended: true, slotCapacity: 4 },
  ],
  windows: [{ id: 'w1', number: 1, name: '综合窗口', queueIds: ['qA'], reservationOnly: false }],
};

export function hallFile(name: string): any {
  return JSON.parse(readFileSync(new URL(`../../../halls/${name}.json`, import.meta.url), 'utf8'));
}

export interface SeedHall {
  s: TestServer;
  at(iso: string): Promise<void>;
  /** a walk-in ticket from a kiosk */
  ticket(serviceId: string): Promise<{ status: number; body: any }>;
  /** a booking by citizen n; online by the admin (as the platform would), other channels by the admin as staff */
  book(n: number, over: Record<string, unknown>): Promise<{ status: number; body: any }>;
  slots(serviceId: string, date: string): Promise<string[]>;
  close(): Promise<void>;
}

export async function startSeedHall(name: string, now: string): Promise<SeedHall> {
  const config = hallFile(name);
  const s = await startTestServer({ config, demo: false, now });
  // until start-up imports the config's catalog (settings branch), the test imports it
  if (s.running.hall.catalog.isEmpty()) s.running.hall.catalog.import(ADMIN, (config.catalog as CatalogSeed | undefined) ?? FIXTURE);
  const kiosk = await s.deviceToken('kiosk', 'kiosk-1');
  return {
    s,
    at: (iso) => s.setClock(iso),
    ticket: (serviceId) => s.api('POST', '/api/tickets', { token: kiosk, body: { serviceId } }),
    book: async (n, over) => s.api('POST', '/api/bookings', { token: await s.login('admin'), body: citizen(n, over) }),
    slots: async (serviceId, date) =>
      (await s.api('GET', `/api/slots?serviceId=${serviceId}&date=${date}`, { token: kiosk })).body.map((x: { slot: string }) => x.slot),
    close: () => s.close(),
  };
}
