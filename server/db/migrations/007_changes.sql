-- Issue 19 (booking changes): the SMS outbox learns the 'rescheduled' text (a booking moved by an approved
-- request, seed 004 二(4) 提前告知申请人). SQLite cannot change a CHECK, so the table is rebuilt; the
-- one-message-per-kind rule becomes a unique index that leaves 'rescheduled' out, since a booking may
-- be moved more than once and the citizen is told each time.
CREATE TABLE sms_new (
  id         TEXT PRIMARY KEY,
  booking_id TEXT NOT NULL REFERENCES bookings(id),
  kind       TEXT NOT NULL CHECK (kind IN ('confirmed', 'reminder', 'forfeited', 'cancelled', 'rescheduled')),
  day        TEXT NOT NULL,
  phone      TEXT NOT NULL,
  text       TEXT NOT NULL,
  params     TEXT NOT NULL,
  status     TEXT NOT NULL CHECK (status IN ('pending', 'sent')),
  attempts   INTEGER NOT NULL DEFAULT 0,
  next_at    INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  sent_at    INTEGER,
  provider   TEXT,
  last_error TEXT
);
INSERT INTO sms_new SELECT id, booking_id, kind, day, phone, text, params, status, attempts, next_at, created_at, sent_at, provider, last_error FROM sms;
DROP TABLE sms;
ALTER TABLE sms_new RENAME TO sms;
CREATE UNIQUE INDEX sms_once ON sms (booking_id, kind) WHERE kind <> 'rescheduled';
CREATE INDEX sms_pending ON sms (next_at) WHERE status = 'pending';
CREATE INDEX sms_by_day ON sms (day);
