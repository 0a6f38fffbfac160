-- Platform link, booking codes and SMS (issue 17; docs/platform.md).

-- The platform outbox: one row per platform-facing event, written by the event log's append in the
-- same transaction as the change (server/hall/outbox.ts). `seq` is the stream's sequence the platform
-- dedupes by: contiguous, because only platform events get a row. `data` is the platform's shape,
-- with the person in clear where a type carries one (masked when rendered, unless personalData is
-- "full"). Rows delivered and older than platform.retentionDays are pruned, never the newest row, so
-- a rowid is never used twice (nothing here is AUTOINCREMENT).
CREATE TABLE outbox (
  seq     INTEGER PRIMARY KEY,
  at      INTEGER NOT NULL,
  type    TEXT NOT NULL,
  subject TEXT,
  data    TEXT NOT NULL
);

-- Delivery state: one row. Delivery is in seq order, so "delivered" is every seq up to delivered_seq.
-- `rewinds` counts the admin's resends, so the delivery loop notices one whatever seq it names.
CREATE TABLE platform_state (
  id              INTEGER PRIMARY KEY CHECK (id = 1),
  delivered_seq   INTEGER NOT NULL DEFAULT 0,
  rewinds         INTEGER NOT NULL DEFAULT 0,
  last_error      TEXT,
  last_attempt_at INTEGER
);
INSERT INTO platform_state (id) VALUES (1);

-- SMS: an outbox of its own, written in the booking's transaction; sent by server/platform/sms.ts,
-- retried until the provider takes it. One message of each kind per booking. The phone is kept to
-- send (and listed masked); `text` never holds an ID number.
CREATE TABLE sms (
  id         TEXT PRIMARY KEY,
  booking_id TEXT NOT NULL REFERENCES bookings(id),
  kind       TEXT NOT NULL CHECK (kind IN ('confirmed', 'reminder', 'forfeited', 'cancelled')),
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
  last_error TEXT,
  UNIQUE (booking_id, kind)
);
-- the messages still to send, soonest first
CREATE INDEX sms_pending ON sms (next_at) WHERE status = 'pending';
-- a day's messages (GET /api/sms?date=)
CREATE INDEX sms_by_day ON sms (day);

-- The booking code: 8 characters without look-alikes, unique among open bookings (booked, checked-in).
ALTER TABLE bookings ADD COLUMN code TEXT;
CREATE UNIQUE INDEX bookings_open_code ON bookings (code) WHERE status IN ('booked', 'checked-in');
-- open bookings made before this version get one (31^8 codes: a collision would fail the migration loudly)
UPDATE bookings SET code = (
  WITH RECURSIVE k(i, s) AS (SELECT 0, '' UNION ALL SELECT i + 1, s || substr('23456789ABCDEFGHJKMNPQRSTUVWXYZ', 1 + abs(random() % 31), 1) FROM k WHERE i < 8)
  SELECT s FROM k WHERE i = 8 AND bookings.id IS NOT NULL
) WHERE status IN ('booked', 'checked-in');
