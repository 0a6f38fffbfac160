-- Devices can be revoked (their tokens stop working; the row stays for the audit log) and show when
-- they were last connected. (To be folded into 001_schema.sql with the rest before the first hall installs.)
ALTER TABLE devices ADD COLUMN revoked_at INTEGER;
ALTER TABLE devices ADD COLUMN last_seen_at INTEGER;
