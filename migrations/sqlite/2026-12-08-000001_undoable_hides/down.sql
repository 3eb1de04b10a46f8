ALTER TABLE moderations DROP COLUMN hide_entry;
ALTER TABLE reports DROP COLUMN resolution_entry;
