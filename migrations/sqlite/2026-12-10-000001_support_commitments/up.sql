-- Supports enter the transparency log (docs/transparency-log.md): every
-- support given, re-confirmed or withdrawn is an entry naming its giver
-- only by a pseudonym per space, the commitment of their id under a salt
-- kept with their tally there. A support row names, as `log_event`, the
-- subject id of the entry that logged it being given; one without (given
-- before this migration) is logged at the next start.
--
-- SQLite cannot change a CHECK in place: log_entries is rebuilt with its
-- rows, ids, indexes and triggers. DROP TABLE fires no DELETE trigger.
CREATE TABLE log_entries_next (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    leaf_index BIGINT UNIQUE,
    kind TEXT NOT NULL CHECK (kind IN ('audit', 'version', 'support')),
    subject_id TEXT NOT NULL,
    subject_number INTEGER NOT NULL DEFAULT 0,
    salt TEXT,
    entry BLOB NOT NULL CHECK (entry IS NOT NULL AND length(entry) <= 65535),
    created_at TEXT NOT NULL
);
INSERT INTO log_entries_next (id, leaf_index, kind, subject_id, subject_number, salt, entry, created_at)
SELECT id, leaf_index, kind, subject_id, subject_number, salt, entry, created_at FROM log_entries ORDER BY id;
DROP TABLE log_entries;
ALTER TABLE log_entries_next RENAME TO log_entries;
CREATE UNIQUE INDEX log_entries_subject ON log_entries (kind, subject_id, subject_number);
CREATE INDEX log_entries_pending ON log_entries (id) WHERE leaf_index IS NULL;
CREATE TRIGGER log_entries_no_delete BEFORE DELETE ON log_entries
BEGIN SELECT RAISE(ABORT, 'log_entries rows are append-only'); END;
CREATE TRIGGER log_entries_sequenced_once BEFORE UPDATE ON log_entries
WHEN OLD.leaf_index IS NOT NULL OR NEW.leaf_index IS NULL OR NEW.id IS NOT OLD.id OR NEW.kind IS NOT OLD.kind
    OR NEW.subject_id IS NOT OLD.subject_id OR NEW.subject_number IS NOT OLD.subject_number
    OR NEW.salt IS NOT OLD.salt OR NEW.entry IS NOT OLD.entry OR NEW.created_at IS NOT OLD.created_at
BEGIN SELECT RAISE(ABORT, 'a log entry only ever receives its leaf index, once'); END;
CREATE TRIGGER log_entries_no_replace BEFORE INSERT ON log_entries
WHEN EXISTS (SELECT 1 FROM log_entries WHERE id = NEW.id OR leaf_index = NEW.leaf_index
    OR (kind = NEW.kind AND subject_id = NEW.subject_id AND subject_number = NEW.subject_number))
BEGIN SELECT RAISE(ABORT, 'log_entries rows are append-only'); END;

ALTER TABLE support_tallies ADD COLUMN salt TEXT;
ALTER TABLE supports ADD COLUMN log_event TEXT;
