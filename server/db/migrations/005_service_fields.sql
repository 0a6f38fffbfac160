-- Issue 12: a service's materials to bring (shown on kiosk tickets and booking confirmations) and its
-- daily ticket cap (walk-in tickets stop once that many tickets of the service were issued today).
-- materials: one item a line, NULL when none; daily_cap: NULL for no cap.
ALTER TABLE services ADD COLUMN materials TEXT;
ALTER TABLE services ADD COLUMN daily_cap INTEGER CHECK (daily_cap IS NULL OR daily_cap >= 1);
