-- 好差评 (issue 16): one rating per finished ticket (一次一评), from the window's pad, the ticket's QR
-- page, the RS-485 keypad or staff. The window, staff member and service are the ticket's at finish,
-- copied so a report groups ratings without joining the ticket's later history.
-- A low rating (level 1–2) carries reasons and gets a follow-up deadline (due_day, a hall date counted
-- in working days from the hall calendar); the follow-up fields record how it was handled.
-- staff_id and follow_up_by name actors or users: no foreign key (a user may be deleted later).
CREATE TABLE evaluations (
  id                TEXT PRIMARY KEY,
  ticket_id         TEXT NOT NULL UNIQUE REFERENCES tickets(id),
  day               TEXT NOT NULL,
  level             INTEGER NOT NULL CHECK (level BETWEEN 1 AND 5),
  reasons           TEXT NOT NULL DEFAULT '[]',
  comment           TEXT,
  channel           TEXT NOT NULL CHECK (channel IN ('pad', 'qr', 'keypad', 'staff')),
  service_id        TEXT REFERENCES services(id),
  window_id         TEXT REFERENCES windows(id),
  staff_id          TEXT,
  created_at        INTEGER NOT NULL,
  created_by        TEXT NOT NULL,
  due_day           TEXT,
  follow_up_outcome TEXT CHECK (follow_up_outcome IN ('contacted', 'rectified', 'explained', 'appealed')),
  follow_up_note    TEXT,
  follow_up_by      TEXT,
  follow_up_at      INTEGER
);
-- a period's ratings (reports, the admin list)
CREATE INDEX evaluations_by_day ON evaluations (day, level);
-- the low ratings still waiting for their follow-up, overdue first
CREATE INDEX evaluations_open ON evaluations (due_day) WHERE level <= 2 AND follow_up_at IS NULL;

-- Which display device is the evaluator pad of which window (issue 16): the pad's pairing link names
-- the window and the pad states it when it starts; a pad rates only tickets finished at its window,
-- and only it receives that window's evaluation:request. Configuration: it goes with its device or window.
CREATE TABLE evaluation_pads (
  device_id TEXT PRIMARY KEY REFERENCES devices(id) ON DELETE CASCADE,
  window_id TEXT NOT NULL REFERENCES windows(id) ON DELETE CASCADE,
  bound_at  INTEGER NOT NULL
);
