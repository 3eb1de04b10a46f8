ALTER TABLE supports DROP COLUMN log_event;
ALTER TABLE support_tallies DROP COLUMN salt;
ALTER TABLE log_entries DROP CONSTRAINT log_entries_kind_check;
ALTER TABLE log_entries ADD CONSTRAINT log_entries_kind_check CHECK (kind IN ('audit', 'version')) NOT VALID;
