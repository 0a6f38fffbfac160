/**
 * Seeding a hall in one command: a catalog of queues, services and windows (the demo, and later a
 * hall config file's `catalog`), and the people who work there. All or nothing: a crash half-way
 * leaves an empty hall that seeds again at the next start, never half a catalog.
 */
import type { HallWindow, Queue, Service } from '../../protocol/domain.js';
import type { Actor, Core } from './core.js';
import * as catalog from './catalog.js';
import { createUser, type NewUser } from './people.js';

export interface CatalogSeed {
  queues: (Omit<Queue, 'id' | 'sortOrder'> & { id?: string; sortOrder?: number })[];
  services: (Omit<Service, 'id'> & { id?: string })[];
  windows: (Omit<HallWindow, 'id'> & { id?: string; status?: 'open' | 'closed' })[];
  users?: (NewUser & { id?: string })[];
}

/** Whether the hall has no catalog yet (a fresh database). */
export const isEmpty = (core: Core) => core.repos.queues.list().length === 0;

export function importCatalog(core: Core, actor: Actor, seed: CatalogSeed) {
  return core.run('catalog.import', actor, undefined, () => {
    for (const { id, ...q } of seed.queues) catalog.createQueue(core, actor, q, id);
    for (const { id, ...s } of seed.services) catalog.createService(core, actor, s, id);
    for (const { id, status, ...w } of seed.windows) catalog.createWindow(core, actor, w, id, status);
    for (const { id, ...u } of seed.users ?? []) createUser(core, actor, u, id);
    return { queues: seed.queues.length, services: seed.services.length, windows: seed.windows.length, users: seed.users?.length ?? 0 };
  });
}
