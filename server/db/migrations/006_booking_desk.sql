-- Issue 19: bookings as the seed halls run them (seed 004 二(2)–(5) 预约服务登记表, 000 附件3–5 交办单 and
-- 上岗表, 002 三(四) 预约+上门办). Who touched a booking is stored as an actor tag (`staff:<userId>` …)
-- or a user id, without a foreign key: a user may be deleted later and the paper trail must stay.

-- kind: 'window' is served at a window; 'visit' (上门办) at the citizen's address by an assigned staff
-- member, never checked in at a kiosk. address is personal data (masked on lists, like the phone).
ALTER TABLE bookings ADD COLUMN kind TEXT NOT NULL DEFAULT 'window' CHECK (kind IN ('window', 'visit'));
ALTER TABLE bookings ADD COLUMN address TEXT;
ALTER TABLE bookings ADD COLUMN assignee_id TEXT;
-- 登记表: 单位 (optional) and 记录人 (the name of whoever wrote the registration down)
ALTER TABLE bookings ADD COLUMN unit TEXT;
ALTER TABLE bookings ADD COLUMN recorded_by TEXT;
-- 派单 → 签收: the 管理科 dispatches the booking to a window, whose staff sign for it
ALTER TABLE bookings ADD COLUMN dispatch_window_id TEXT REFERENCES windows(id);
ALTER TABLE bookings ADD COLUMN dispatched_at INTEGER;
ALTER TABLE bookings ADD COLUMN dispatched_by TEXT;
ALTER TABLE bookings ADD COLUMN signed_at INTEGER;
ALTER TABLE bookings ADD COLUMN signed_by TEXT;
-- 办理情况: filled from the ticket when the booking is served (or by hand for a visit); done is 1/0,
-- NULL while nothing is recorded; handlers are 承办人1/2 as a JSON array of names
ALTER TABLE bookings ADD COLUMN service_done INTEGER CHECK (service_done IN (0, 1));
ALTER TABLE bookings ADD COLUMN service_from INTEGER;
ALTER TABLE bookings ADD COLUMN service_to INTEGER;
ALTER TABLE bookings ADD COLUMN service_by TEXT;
ALTER TABLE bookings ADD COLUMN service_handlers TEXT;
ALTER TABLE bookings ADD COLUMN service_notes TEXT;
-- a window's dispatched bookings not yet signed for (the console's list)
CREATE INDEX bookings_dispatched ON bookings (dispatch_window_id, date) WHERE dispatch_window_id IS NOT NULL;
-- a staff member's visits
CREATE INDEX bookings_visits ON bookings (assignee_id, date) WHERE kind = 'visit';

-- The calls a window makes about a booking: in advance (004 (3), 002 四(一)2) and after a no-show
-- (004 (4), 30 minutes after the slot started). One row per call, newest last.
CREATE TABLE booking_contacts (
  id         TEXT PRIMARY KEY,
  booking_id TEXT NOT NULL REFERENCES bookings(id),
  purpose    TEXT NOT NULL CHECK (purpose IN ('advance', 'follow-up')),
  outcome    TEXT NOT NULL CHECK (outcome IN ('reached', 'not-reached', 'confirmed', 'asked-to-change',
                                              'gave-up', 'rescheduled', 'unreachable')),
  note       TEXT,
  at         INTEGER NOT NULL,
  by         TEXT NOT NULL
);
CREATE INDEX booking_contacts_by_booking ON booking_contacts (booking_id, at);

-- Postponing or changing a booking (004 (4)): a staff request, approved or refused by a lead/admin.
CREATE TABLE booking_changes (
  id            TEXT PRIMARY KEY,
  booking_id    TEXT NOT NULL REFERENCES bookings(id),
  from_date     TEXT NOT NULL,
  from_slot     TEXT NOT NULL,
  to_date       TEXT NOT NULL,
  to_slot       TEXT NOT NULL,
  reason        TEXT NOT NULL,
  status        TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'approved', 'refused', 'withdrawn')),
  requested_at  INTEGER NOT NULL,
  requested_by  TEXT NOT NULL,
  decided_at    INTEGER,
  decided_by    TEXT,
  decision_note TEXT
);
CREATE INDEX booking_changes_by_booking ON booking_changes (booking_id, requested_at);
-- the requests waiting for a lead
CREATE INDEX booking_changes_pending ON booking_changes (requested_at) WHERE status = 'pending';

-- 上岗表 (000 附件5): who is on duty on an extended-service date. role 'lead' is the day's duty lead
-- (带班人员, booking_id NULL); 'window' and 'back-office' staff are assigned to a session of the day
-- (session: 'HH:MM-HH:MM', NULL for the whole day) and/or to one booking. The staff member's phone is
-- on users.phone.
CREATE TABLE roster (
  id         TEXT PRIMARY KEY,
  date       TEXT NOT NULL,
  session    TEXT,
  booking_id TEXT REFERENCES bookings(id),
  role       TEXT NOT NULL CHECK (role IN ('window', 'back-office', 'lead')),
  user_id    TEXT NOT NULL REFERENCES users(id),
  note       TEXT,
  created_at INTEGER NOT NULL,
  created_by TEXT NOT NULL
);
CREATE INDEX roster_by_date ON roster (date, role);
-- a staff member's work phone (上岗人员联系电话), shown on internal forms only
ALTER TABLE users ADD COLUMN phone TEXT;
