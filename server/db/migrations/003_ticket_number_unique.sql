-- A ticket transferred to another queue keeps its number (the citizen holds the paper) but takes the
-- new queue's queue_id, so UNIQUE (day, queue_id, seq) made it collide with that queue's own ticket of
-- the same sequence. What must be unique is the printed number of the day: UNIQUE (day, number).
-- SQLite cannot drop a table constraint, so the table is rebuilt; its indexes and the queue_counts
-- triggers go with the old table and are created again (nothing references tickets by foreign key).
CREATE TABLE tickets_new (
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
  UNIQUE (day, number)
);
INSERT INTO tickets_new SELECT * FROM tickets;
DROP TABLE tickets;
ALTER TABLE tickets_new RENAME TO tickets;
CREATE INDEX tickets_walkin_head ON tickets (queue_id, issued_at, seq, id)
  WHERE status = 'waiting' AND kind = 'walk-in' AND target_window_id IS NULL;
CREATE INDEX tickets_reservation_head ON tickets (queue_id, slot_start, checked_in_at, seq, id)
  WHERE status = 'waiting' AND kind = 'reservation' AND target_window_id IS NULL;
CREATE INDEX tickets_transfer_head ON tickets (target_window_id, issued_at, seq, id)
  WHERE status = 'waiting' AND target_window_id IS NOT NULL;
CREATE INDEX tickets_open_by_day ON tickets (day) WHERE status IN ('waiting', 'called', 'serving');
CREATE INDEX tickets_by_day ON tickets (day, queue_id);

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
