/** All repositories over one connection: built once by the composition root and passed to the hall. */
import type { Db } from './open.js';
import { queuesRepo, servicesRepo, windowsRepo } from './repos/catalog.js';
import { bookingsRepo, noShowsRepo } from './repos/bookings.js';
import { eventsRepo, idempotencyRepo, settingsRepo } from './repos/log.js';
import { devicesRepo, tokensRepo, usersRepo } from './repos/people.js';
import { ticketsRepo } from './repos/tickets.js';

export function createRepos(db: Db) {
  return {
    db,
    queues: queuesRepo(db),
    services: servicesRepo(db),
    windows: windowsRepo(db),
    tickets: ticketsRepo(db),
    bookings: bookingsRepo(db),
    noShows: noShowsRepo(db),
    events: eventsRepo(db),
    idempotency: idempotencyRepo(db),
    settings: settingsRepo(db),
    users: usersRepo(db),
    devices: devicesRepo(db),
    tokens: tokensRepo(db),
  };
}

export type Repos = ReturnType<typeof createRepos>;
