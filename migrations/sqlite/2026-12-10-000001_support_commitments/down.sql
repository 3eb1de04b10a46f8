ALTER TABLE supports DROP COLUMN log_event;
ALTER TABLE support_tallies DROP COLUMN salt;
