-- hallq schema, version 1.
--
-- No hall runs hallq yet, so the five migrations of its development (001_init … 005_fewer_pages_per_ticket)
-- were folded into this one file (issue 10): it creates exactly the schema they ended with, plus the
-- foreign keys that schema implied. A database made by the old files is refused by migrate.ts (it has
-- no application_id); make a new one. Upgrades from here on are new files numbered from 002, each run
-- once in its own transaction (migrate.ts); never edit this file once a hall runs it.
--
-- Conventions: times are INTEGER milliseconds since the epoch; days are 'YYYY-MM-DD' local to the hall.
-- Ids are TEXT made by server/hall/core.ts newId: they sort by creation time.
--
-- Foreign keys (open.ts turns them on): every column that names a row of another table REFERENCES it.
-- Columns that name an actor ('user:…', 'device:…', 'system' in tickets.issued_by, bookings.created_by,
-- no_shows.pardoned_by, events.actor) or a principal of either kind (tokens.principal_id) cannot: one
-- column cannot reference two tables. Nor can events.subject, which names a row of any table.
-- ON DELETE: the catalog (queues, services, windows) is never deleted but tombstoned (deleted = 1), and
-- tickets, bookings and no-shows are history, never deleted: so history keeps every row it points at,
-- and the default action (NO ACTION: a DELETE of a referenced row fails) guards that. Only what is
-- configuration, not history, goes with its parent (ON DELETE CASCADE / SET NULL).
-- Child-column indexes: SQLite finds a deleted parent's children by searching the child column, so a
-- parent that can be deleted has its children indexed (user_windows, window_queues). Parents that are
-- never deleted do not: an index on tickets(queue_id) would cost every ticket a page for a search that
-- never runs. A later migration that starts deleting such parents adds the index in the same file.

-- The hall's own values by key: the booking QR codes' secret today, the settings an admin edits next
-- (DESIGN.md "Running a real hall").
CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

-- The lines tickets wait in; each has a one-letter prefix printed before the ticket's number.
CREATE TABLE queues (
  id         TEXT PRIMARY KEY,
  name       TEXT NOT NULL,
  name_en    TEXT,
  prefix     TEXT NOT NULL CHECK (length(prefix) = 1),
  sort_order INTEGER NOT NULL DEFAULT 0,
  deleted    INTEGER NOT NULL DEFAULT 0
);
-- deleted rows stay (old tickets point at them) and free their prefix for a new queue
CREATE UNIQUE INDEX queues_live_prefix ON queues (prefix) WHERE deleted = 0;

-- What a citizen comes for (事项); each is served in one queue and may be booked in hourly slots.
CREATE TABLE services (
  id            TEXT PRIMARY KEY,
  code          TEXT NOT NULL,
  name          TEXT NOT NULL,
  name_en       TEXT,
  queue_id      TEXT NOT NULL REFERENCES queues(id),
  bookable      INTEGER NOT NULL DEFAULT 1,
  extended      INTEGER NOT NULL DEFAULT 0,
  slot_capacity INTEGER NOT NULL DEFAULT 4,
  phone         TEXT,
  window_label  TEXT,
  deleted       INTEGER NOT NULL DEFAULT 0
);

-- The counters staff serve at, with their live state (open/paused/closed, the ticket in hand).
-- current_ticket_id and tickets.window_id point at each other: a window is created before any ticket,
-- and a ticket is inserted before a window takes it, so neither insert waits for the other.
CREATE TABLE windows (
  id                TEXT PRIMARY KEY,
  number            INTEGER NOT NULL,
  name              TEXT NOT NULL,
  reservation_only  INTEGER NOT NULL DEFAULT 0,
  status            TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('open', 'paused', 'closed')),
  mode              TEXT NOT NULL DEFAULT 'normal' CHECK (mode IN ('normal', 'reservation')),
  pause_reason      TEXT,
  current_ticket_id TEXT REFERENCES tickets(id),
  -- who opened the window; a deleted user leaves it unstaffed (a scan of a table of a few hundred rows)
  staff_user_id     TEXT REFERENCES users(id) ON DELETE SET NULL,
  deleted           INTEGER NOT NULL DEFAULT 0
);
-- a live window's number is what the lobby calls out; a deleted one frees it
CREATE UNIQUE INDEX windows_live_number ON windows (number) WHERE deleted = 0;

-- Which queues a window calls from, in its order of preference. Configuration: it goes with either end.
CREATE TABLE window_queues (
  window_id TEXT NOT NULL REFERENCES windows(id) ON DELETE CASCADE,
  queue_id  TEXT NOT NULL REFERENCES queues(id) ON DELETE CASCADE,
  position  INTEGER NOT NULL,
  PRIMARY KEY (window_id, queue_id)
);
-- the windows serving a queue, and the children a deleted queue's cascade finds (the primary key
-- serves the window side)
CREATE INDEX window_queues_by_queue ON window_queues (queue_id);

-- Staff, leads and admins. Passwords are stored as scrypt hashes (server/auth).
CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'lead', 'staff')),
  password_hash TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1
);

-- The windows a staff member may work at. Configuration: it goes with its user or its window.
CREATE TABLE user_windows (
  user_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  window_id TEXT NOT NULL REFERENCES windows(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, window_id)
);
-- the children a deleted window's cascade finds (the primary key serves the user side)
CREATE INDEX user_windows_by_window ON user_windows (window_id);

-- Kiosks, displays and the provincial platform: principals that act with a token of their own.
CREATE TABLE devices (
  id           TEXT PRIMARY KEY,
  kind         TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'platform')),
  name         TEXT NOT NULL UNIQUE,
  created_at   INTEGER NOT NULL,
  -- set when the admin revoked it: its tokens stop working, the row stays for the audit log (and
  -- registering the name again takes the row back)
  revoked_at   INTEGER,
  -- when its socket last connected or left (GET /api/devices)
  last_seen_at INTEGER
);

-- Bearer tokens, stored hashed (sha256): a copied database grants no access. principal_id names a
-- users or a devices row as principal_kind says, so it has no foreign key (one column cannot reference
-- two tables); a token of a removed principal is refused by server/auth. Expired and revoked rows are
-- kept 30 days for audit, then pruned by the hall's daily housekeeping (server/hall/housekeeping.ts).
CREATE TABLE tokens (
  token_hash     TEXT PRIMARY KEY,
  principal_kind TEXT NOT NULL CHECK (principal_kind IN ('user', 'device')),
  principal_id   TEXT NOT NULL,
  created_at     INTEGER NOT NULL,
  expires_at     INTEGER,
  revoked_at     INTEGER
);

-- Bookings (预约) from every channel. ticket_id is the ticket its check-in issued (tickets.booking_id
-- points back: the booking is inserted first, the ticket next, then the booking takes its id).
-- created_by names an actor ('user:…', 'device:…'), cancelled_by 'citizen' or 'hall': no foreign key.
CREATE TABLE bookings (
  id            TEXT PRIMARY KEY,
  status        TEXT NOT NULL CHECK (status IN ('booked', 'checked-in', 'cancelled', 'forfeited', 'served')),
  channel       TEXT NOT NULL CHECK (channel IN ('online', 'phone', 'onsite')),
  service_id    TEXT NOT NULL REFERENCES services(id),
  date          TEXT NOT NULL,
  slot          TEXT NOT NULL,
  slot_start    INTEGER NOT NULL,
  name          TEXT NOT NULL,
  id_number     TEXT NOT NULL,
  phone         TEXT NOT NULL,
  ticket_id     TEXT REFERENCES tickets(id),
  created_at    INTEGER NOT NULL,
  created_by    TEXT NOT NULL,
  checked_in_at INTEGER,
  cancelled_at  INTEGER,
  cancelled_by  TEXT,
  cancel_reason TEXT,
  forfeited_at  INTEGER
);
-- a day's bookings in slot order (the console's list, the daily report)
CREATE INDEX bookings_by_date ON bookings (date, slot);
-- a person's bookings of a day (the daily limit, check-in by ID card) and after it
CREATE INDEX bookings_by_person ON bookings (id_number, date);
-- the bookings holding a slot of a service (capacity); it is also services' child-column index
CREATE INDEX bookings_by_slot ON bookings (service_id, date, slot);
-- the forfeit timer reads only bookings still waiting for their citizen
CREATE INDEX bookings_due ON bookings (slot_start) WHERE status = 'booked';

-- Every ticket ever issued (the day's line, then history for reports and audit).
-- WITHOUT ROWID, keyed by its id: ids sort by creation time (core.ts newId), so a new row appends to
-- one b-tree instead of to a rowid table and a separate id index. With tickets_active (below) and the
-- event log without AUTOINCREMENT, this took a ticket from 9.9 to 7.2 WAL pages, each one a page the
-- durable commit writes and syncs (bench/engine.ts walPagesPerTicket).
-- A ticket transferred to another queue keeps its number (the citizen holds the paper) but takes the
-- new queue's queue_id, so what is unique is the printed number of the day, UNIQUE (day, number),
-- which is also how a day's tickets are found.
-- issued_by names an actor ('user:…', 'device:…'): no foreign key.
CREATE TABLE tickets (
  id               TEXT PRIMARY KEY,
  day              TEXT NOT NULL,
  seq              INTEGER NOT NULL,
  number           TEXT NOT NULL,
  kind             TEXT NOT NULL CHECK (kind IN ('walk-in', 'reservation')),
  status           TEXT NOT NULL CHECK (status IN ('waiting', 'called', 'serving', 'done', 'no-show', 'cancelled')),
  queue_id         TEXT NOT NULL REFERENCES queues(id),
  service_id       TEXT NOT NULL REFERENCES services(id),
  booking_id       TEXT REFERENCES bookings(id),
  window_id        TEXT REFERENCES windows(id),
  target_window_id TEXT REFERENCES windows(id),
  slot_start       INTEGER,
  checked_in_at    INTEGER,
  issued_at        INTEGER NOT NULL,
  called_at        INTEGER,
  started_at       INTEGER,
  finished_at      INTEGER,
  recalls          INTEGER NOT NULL DEFAULT 0,
  close_reason     TEXT,
  rating           INTEGER,
  issued_by        TEXT NOT NULL,
  UNIQUE (day, number)
) WITHOUT ROWID;
-- Call-next reads only the head of each of these partial indexes, so its cost does not grow with the
-- waiting line; tickets issued in the same millisecond leave in issue order, so each breaks time ties
-- by the daily sequence (ids are random past the millisecond). A waiting walk-in enters only the first.
CREATE INDEX tickets_walkin_head ON tickets (queue_id, issued_at, seq, id)
  WHERE status = 'waiting' AND kind = 'walk-in' AND target_window_id IS NULL;
CREATE INDEX tickets_reservation_head ON tickets (queue_id, slot_start, checked_in_at, seq, id)
  WHERE status = 'waiting' AND kind = 'reservation' AND target_window_id IS NULL;
CREATE INDEX tickets_transfer_head ON tickets (target_window_id, issued_at, seq, id)
  WHERE status = 'waiting' AND target_window_id IS NOT NULL;
-- The day-end close finds called and serving tickets here (waiting ones through the heads): no index
-- holds every open ticket, so issuing one writes no page for it. A ticket enters when it is called.
CREATE INDEX tickets_active ON tickets (day) WHERE status IN ('called', 'serving');

-- The daily sequence per queue, bumped in the ticket's own transaction: never reused, even across a crash.
CREATE TABLE ticket_counters (
  day      TEXT NOT NULL,
  queue_id TEXT NOT NULL REFERENCES queues(id),
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (day, queue_id)
);

-- Waiting counts kept by triggers in the same transaction as the change: the lobby's numbers cost O(1).
CREATE TABLE queue_counts (
  queue_id             TEXT PRIMARY KEY REFERENCES queues(id),
  waiting              INTEGER NOT NULL DEFAULT 0,
  reservations_waiting INTEGER NOT NULL DEFAULT 0
);
CREATE TRIGGER tickets_count_insert AFTER INSERT ON tickets WHEN NEW.status = 'waiting'
BEGIN
  INSERT INTO queue_counts (queue_id) VALUES (NEW.queue_id) ON CONFLICT DO NOTHING;
  UPDATE queue_counts SET waiting = waiting + 1,
    reservations_waiting = reservations_waiting + (NEW.kind = 'reservation') WHERE queue_id = NEW.queue_id;
END;
CREATE TRIGGER tickets_count_update AFTER UPDATE OF status, queue_id, kind ON tickets
  WHEN (OLD.status = 'waiting') OR (NEW.status = 'waiting')
BEGIN
  UPDATE queue_counts SET waiting = waiting - 1,
    reservations_waiting = reservations_waiting - (OLD.kind = 'reservation')
    WHERE queue_id = OLD.queue_id AND OLD.status = 'waiting';
  INSERT INTO queue_counts (queue_id) SELECT NEW.queue_id WHERE NEW.status = 'waiting' ON CONFLICT DO NOTHING;
  UPDATE queue_counts SET waiting = waiting + 1,
    reservations_waiting = reservations_waiting + (NEW.kind = 'reservation')
    WHERE queue_id = NEW.queue_id AND NEW.status = 'waiting';
END;

-- A person's no-shows (a forfeited booking, a ticket not answered): too many in a month bar booking.
-- pardoned_by names an actor: no foreign key.
CREATE TABLE no_shows (
  id            TEXT PRIMARY KEY,
  id_number     TEXT NOT NULL,
  month         TEXT NOT NULL,
  booking_id    TEXT REFERENCES bookings(id),
  ticket_id     TEXT REFERENCES tickets(id),
  at            INTEGER NOT NULL,
  pardoned_at   INTEGER,
  pardoned_by   TEXT,
  pardon_reason TEXT
);
-- a person's credit: their no-shows of a month
CREATE INDEX no_shows_by_person ON no_shows (id_number, month);

-- A creating request's first answer, so the same requestId returns it instead of creating twice.
-- Kept 24 hours (a client retries within seconds), then pruned by the hall's daily housekeeping.
CREATE TABLE idempotency (
  scope      TEXT NOT NULL,
  request_id TEXT NOT NULL,
  response   TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (scope, request_id)
);

-- Append-only log of every state change: statistics, audit and the outbox come from it.
-- No AUTOINCREMENT (it would write sqlite_sequence on every append): events are never deleted
-- (events_no_delete), so the largest seq never goes away and a plain INTEGER PRIMARY KEY never reuses
-- one; the log keeps its strictly increasing sequence.
CREATE TABLE events (
  seq     INTEGER PRIMARY KEY,
  at      INTEGER NOT NULL,
  type    TEXT NOT NULL,
  actor   TEXT NOT NULL,
  subject TEXT,
  data    TEXT NOT NULL
);
-- the lobby's recent calls; the only events index, because every index costs each append a page
-- (other event reads scan by sequence)
CREATE INDEX events_calls ON events (at) WHERE type = 'ticket.called';
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
