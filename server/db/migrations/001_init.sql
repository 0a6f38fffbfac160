-- hallq schema, version 1. Times are INTEGER milliseconds since the epoch; days are 'YYYY-MM-DD' local to the hall.

CREATE TABLE settings (
  key   TEXT PRIMARY KEY,
  value TEXT NOT NULL
);

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

CREATE TABLE windows (
  id                TEXT PRIMARY KEY,
  number            INTEGER NOT NULL,
  name              TEXT NOT NULL,
  reservation_only  INTEGER NOT NULL DEFAULT 0,
  status            TEXT NOT NULL DEFAULT 'closed' CHECK (status IN ('open', 'paused', 'closed')),
  mode              TEXT NOT NULL DEFAULT 'normal' CHECK (mode IN ('normal', 'reservation')),
  pause_reason      TEXT,
  current_ticket_id TEXT,
  staff_user_id     TEXT,
  deleted           INTEGER NOT NULL DEFAULT 0
);

CREATE UNIQUE INDEX windows_live_number ON windows (number) WHERE deleted = 0;

CREATE TABLE window_queues (
  window_id TEXT NOT NULL REFERENCES windows(id) ON DELETE CASCADE,
  queue_id  TEXT NOT NULL REFERENCES queues(id),
  position  INTEGER NOT NULL,
  PRIMARY KEY (window_id, queue_id)
);

CREATE TABLE users (
  id            TEXT PRIMARY KEY,
  username      TEXT NOT NULL UNIQUE,
  name          TEXT NOT NULL,
  role          TEXT NOT NULL CHECK (role IN ('admin', 'lead', 'staff')),
  password_hash TEXT NOT NULL,
  active        INTEGER NOT NULL DEFAULT 1
);

CREATE TABLE user_windows (
  user_id   TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
  window_id TEXT NOT NULL REFERENCES windows(id) ON DELETE CASCADE,
  PRIMARY KEY (user_id, window_id)
);

CREATE TABLE devices (
  id         TEXT PRIMARY KEY,
  kind       TEXT NOT NULL CHECK (kind IN ('kiosk', 'display', 'platform')),
  name       TEXT NOT NULL UNIQUE,
  created_at INTEGER NOT NULL
);

-- bearer tokens are stored hashed (sha256): a copied database grants no access
CREATE TABLE tokens (
  token_hash     TEXT PRIMARY KEY,
  principal_kind TEXT NOT NULL CHECK (principal_kind IN ('user', 'device')),
  principal_id   TEXT NOT NULL,
  created_at     INTEGER NOT NULL,
  expires_at     INTEGER,
  revoked_at     INTEGER
);

-- the daily sequence per queue, bumped in the ticket's own transaction: never reused, even across a crash
CREATE TABLE ticket_counters (
  day      TEXT NOT NULL,
  queue_id TEXT NOT NULL,
  last_seq INTEGER NOT NULL,
  PRIMARY KEY (day, queue_id)
);

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
  ticket_id     TEXT,
  created_at    INTEGER NOT NULL,
  created_by    TEXT NOT NULL,
  checked_in_at INTEGER,
  cancelled_at  INTEGER,
  cancelled_by  TEXT,
  cancel_reason TEXT,
  forfeited_at  INTEGER
);
CREATE INDEX bookings_by_date ON bookings (date, slot);
CREATE INDEX bookings_by_person ON bookings (id_number, date);
CREATE INDEX bookings_by_slot ON bookings (service_id, date, slot);
-- the forfeit timer reads only bookings still waiting for their citizen
CREATE INDEX bookings_due ON bookings (slot_start) WHERE status = 'booked';

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
  window_id        TEXT,
  target_window_id TEXT,
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
  UNIQUE (day, queue_id, seq)
);
-- call-next reads only the head of each of these partial indexes, so its cost does not grow with the waiting line
CREATE INDEX tickets_walkin_head ON tickets (queue_id, issued_at, id)
  WHERE status = 'waiting' AND kind = 'walk-in' AND target_window_id IS NULL;
CREATE INDEX tickets_reservation_head ON tickets (queue_id, slot_start, checked_in_at, id)
  WHERE status = 'waiting' AND kind = 'reservation' AND target_window_id IS NULL;
CREATE INDEX tickets_transfer_head ON tickets (target_window_id, issued_at, id)
  WHERE status = 'waiting' AND target_window_id IS NOT NULL;
CREATE INDEX tickets_open_by_day ON tickets (day) WHERE status IN ('waiting', 'called', 'serving');
CREATE INDEX tickets_by_day ON tickets (day, queue_id);

-- waiting counts kept by triggers in the same transaction as the change: the lobby's numbers cost O(1)
CREATE TABLE queue_counts (
  queue_id             TEXT PRIMARY KEY,
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

CREATE TABLE no_shows (
  id            TEXT PRIMARY KEY,
  id_number     TEXT NOT NULL,
  month         TEXT NOT NULL,
  booking_id    TEXT,
  ticket_id     TEXT,
  at            INTEGER NOT NULL,
  pardoned_at   INTEGER,
  pardoned_by   TEXT,
  pardon_reason TEXT
);
CREATE INDEX no_shows_by_person ON no_shows (id_number, month);

-- a creating request's first answer, so the same requestId returns it instead of creating twice
CREATE TABLE idempotency (
  scope      TEXT NOT NULL,
  request_id TEXT NOT NULL,
  response   TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  PRIMARY KEY (scope, request_id)
);

-- append-only log of every state change: statistics, audit and the outbox come from it
CREATE TABLE events (
  seq     INTEGER PRIMARY KEY AUTOINCREMENT,
  at      INTEGER NOT NULL,
  type    TEXT NOT NULL,
  actor   TEXT NOT NULL,
  subject TEXT,
  data    TEXT NOT NULL
);
CREATE INDEX events_by_type ON events (type, at);
CREATE TRIGGER events_no_update BEFORE UPDATE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
CREATE TRIGGER events_no_delete BEFORE DELETE ON events BEGIN SELECT RAISE(ABORT, 'events are append-only'); END;
