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
