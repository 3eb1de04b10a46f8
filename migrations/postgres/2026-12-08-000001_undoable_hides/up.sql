-- An undone hide reopens exactly the reports that hide upheld, and no
-- report an earlier decision closed. Each report a staff act closes names
-- that act's audit entry (`resolution_entry`); the moderation row names
-- the entry of the staff hide in force (`hide_entry`: set by a hide that
-- made a visible item hidden, cleared whenever the item is shown again),
-- the only hide an undo may name. Rows from before have neither, so an
-- undo of a hide made before this migration is refused
-- (`moderation_changed`); the web app offers an undo only right after
-- the hide.
ALTER TABLE reports ADD COLUMN resolution_entry TEXT;
ALTER TABLE moderations ADD COLUMN hide_entry TEXT;
