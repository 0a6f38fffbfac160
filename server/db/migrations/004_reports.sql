-- Reports (issue 15).
--
-- Who served a ticket: the user signed in at its window when it was called (windows.staff_user_id then,
-- or the calling user). Before this column the tickets did not keep it (the window's staff changes), so
-- tickets called before this migration report no staff ('未记录'). It names a user, who may be deleted
-- later: no foreign key (like evaluations.staff_id).
ALTER TABLE tickets ADD COLUMN staff_id TEXT;

-- A period's transfers (a report's `transfers`): only ticket.transferred events enter this index, so an
-- ordinary append writes no page for it. A period's tickets are found by UNIQUE (day, number) and its
-- bookings by bookings_by_date, its ratings by evaluations_by_day: no other index is needed.
CREATE INDEX events_transfers ON events (at) WHERE type = 'ticket.transferred';

-- Each finished day's report figures, summarized once (server/hall/reports.ts), so that a month's or a
-- year's report reads a few rows per day instead of every ticket: a year of a busy hall is a million
-- tickets. Only days that can no longer change are stored (before yesterday: their day end ran), and
-- only for the whole hall (a staff member's own-windows report reads the tickets). `grouping` is a
-- report grouping (day, week, …, channel) whose `value` is the summable tally of `key` as a JSON array
-- (server/engine/reports/figures.ts tallyToArray), or `wait` (the wait histogram) or `bookings` (the
-- day's bookings block). `target` is policy.waitTargetMinutes the tally was made with: another
-- target makes the day summarized again. The ratings are not stored: a citizen may rate later.
CREATE TABLE report_days (
  grouping TEXT NOT NULL,
  day      TEXT NOT NULL,
  key      TEXT NOT NULL,
  target   INTEGER NOT NULL,
  value    TEXT NOT NULL,
  PRIMARY KEY (grouping, day, key)
) WITHOUT ROWID;
