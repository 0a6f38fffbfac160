-- Tickets issued in the same millisecond leave in issue order: the heads break time ties by the daily
-- sequence (ids are random), so the partial indexes carry seq to keep call-next a single index seek.
DROP INDEX tickets_walkin_head;
DROP INDEX tickets_reservation_head;
DROP INDEX tickets_transfer_head;
CREATE INDEX tickets_walkin_head ON tickets (queue_id, issued_at, seq, id)
  WHERE status = 'waiting' AND kind = 'walk-in' AND target_window_id IS NULL;
CREATE INDEX tickets_reservation_head ON tickets (queue_id, slot_start, checked_in_at, seq, id)
  WHERE status = 'waiting' AND kind = 'reservation' AND target_window_id IS NULL;
CREATE INDEX tickets_transfer_head ON tickets (target_window_id, issued_at, seq, id)
  WHERE status = 'waiting' AND target_window_id IS NOT NULL;
