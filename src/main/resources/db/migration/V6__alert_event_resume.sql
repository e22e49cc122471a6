-- What a pending notification needs to be delivered after a restart: the exact body sent (so a
-- retry is the same message, with the same signature input) and its delivery id (so a receiver
-- that took it just before a crash can tell the repeat). Events recorded before this migration
-- have neither and are not resumed.
ALTER TABLE alert_event ADD COLUMN delivery_id VARCHAR(36);
ALTER TABLE alert_event ADD COLUMN body VARCHAR(1000000);
CREATE INDEX alert_event_status_idx ON alert_event (status);
