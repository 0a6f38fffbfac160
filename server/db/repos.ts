/** All repositories over one connection: built once by the composition root and passed to the hall. */
import type { Db } from './open.js';
import { queuesRepo, servicesRepo, windowsRepo } from './repos/catalog.js';
import { bookingsRepo, noShowsRepo } from './repos/bookings.js';
import { eventsRepo, idempotencyRepo, settingsRepo } from './repos/log.js';
import { devicesRepo, tokensRepo, usersRepo } from './repos/people.js';
import { ticketsRepo } from './repos/tickets.js';
import { evaluationsRepo } from './repos/evaluations.js';
import { reportsRepo } from './repos/reports.js';
import { outboxRepo, smsRepo } from './repos/platform.js';
import { bookingContactsRepo } from './repos/booking-contacts.js';
import { bookingChangesRepo } from './repos/booking-changes.js';
import { rosterRepo } from './repos/roster.js';

export function createRepos(db: Db) {
  const queues = queuesRepo(db);
  const services = servicesRepo(db);
  return {
    db,
    queues,
    services,
    /** drops what the repositories keep in memory: after a transaction that failed, it may hold a rolled-back write */
    forget: () => { queues.forget(); services.forget(); },
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
    evaluations: evaluationsRepo(db),
    reports: reportsRepo(db),
    outbox: outboxRepo(db),
    sms: smsRepo(db),
    bookingContacts: bookingContactsRepo(db),
    bookingChanges: bookingChangesRepo(db),
    roster: rosterRepo(db),
  };
}

export type Repos = ReturnType<typeof createRepos>;
